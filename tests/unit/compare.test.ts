// compareVersions on the corpus: what a reader must see when comparing the original (000) with
// its edited reprint (002), moves and number changes, and the rebuild guarantee on any input.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionText } from '../../src/core/compare/compare-versions';
import { versionOfCorpusDoc } from '../../src/core/compare/compare-any';
import { checkRebuild } from './check-rebuild';
import { foldDisplay } from '../../src/core/text/normalize';
import { parseCorpusFile } from '../../src/corpus/parse';
import { readPage } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import { splitSentences } from '../../src/core/text/segment';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');

function corpusVersion(prefix: string): VersionText {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const parsed = parseCorpusFile(file, readFileSync(path.join(CORPUS, file)));
  if (!parsed.ok) throw new Error(parsed.error);
  return versionOfCorpusDoc(parsed.doc);
}

const v000 = corpusVersion('000');
const v002 = corpusVersion('002');
const c = compareVersions(v000, v002);

const DELETING = new Set(['sentence-deleted', 'phrase-deleted', 'attribution-removed']);
const ADDING = new Set(['sentence-inserted', 'phrase-inserted', 'attribution-added']);

describe('compare 000 (original) with 002 (edited reprint)', () => {
  it.each([
    ['the opening sentence about the 4月19日 meeting', '4月19日，中央全面深化改革委员会第二十五次会议'],
    ['the qualifier 全球领先的', '全球领先的'],
    ['the qualifier 领军 in the second paragraph', '领军'],
    ['being the originator of the government-cloud concept', '作为中国政务云概念的提出者'],
    ['seven years first in the government-cloud market', '连续七年蝉联中国政务云市场占有率第一位'],
    ['the 吃螃蟹者 sentence', '山东是第一家省级政府购买政务云的“吃螃蟹者”'],
    ['建党100周年', '建党100周年'],
    ['the 数据安全法 title', '数据安全法'],
    ['the (战钊) byline', '战钊'],
    ['the 文章来源 line', '文章来源：光明网'],
  ])('shows that 002 dropped %s', (_what, text) => {
    const hit = c.edits.find((e) => DELETING.has(e.type) && (e.a ?? '').includes(text));
    expect(hit, `no deletion edit holds ${text}`).toBeDefined();
  });

  it.each([
    ['the 超220个地市 rewording', '超220个'],
    ['the (责编:李源、曹淼) line', '(责编:李源、曹淼)'],
    ['the 原标题 line', '原标题:加强数字政府建设'],
  ])('shows that 002 added %s', (_what, text) => {
    const hit = c.edits.find((e) => ADDING.has(e.type) && (e.b ?? '').includes(text));
    expect(hit, `no insertion edit holds ${text}`).toBeDefined();
  });

  it('names attribution changes as attribution, not as text edits', () => {
    expect(c.edits.filter((e) => e.type === 'attribution-removed').map((e) => e.a)).toEqual(expect.arrayContaining(['(战钊)', '（文章来源：光明网）']));
    expect(c.edits.find((e) => e.type === 'title-changed')).toMatchObject({ a: v000.title, b: v002.title });
  });

  it('shows no change that is only punctuation width (002 writes , and : where 000 has ， and ：)', () => {
    const widthOnly = c.rows.filter((r) => r.a !== null && r.b !== null && r.a !== r.b && foldDisplay(r.a) === foldDisplay(r.b));
    expect(widthOnly.length).toBeGreaterThanOrEqual(4);
    for (const r of widthOnly) expect(r.kind).toBe('equal');
    for (const row of c.rows) {
      for (const [op, text] of row.ops ?? []) {
        if (op !== 0) expect(text, 'a change made only of punctuation width').not.toMatch(/^[，,：:；;]+$/u);
      }
    }
    // the same comparison without folding does show them: the test above can fail
    const raw = compareVersions(v000, v002, { foldNoise: false });
    expect(raw.rows.some((r) => (r.ops ?? []).some(([op, t]) => op !== 0 && /^[，,]$/u.test(t)))).toBe(true);
  });

  it("puts 002's two appended articles under outside, not as insertions", () => {
    for (const title of ['建设数字政府:赋能政府治理现代化', '数字化转型中政府治理的机遇与挑战']) expect(c.outside.b).toContain(title);
    const inserted = c.rows.flatMap((r) => [...(r.kind === 'inserted' ? [r.b ?? ''] : []), ...(r.ops ?? []).filter(([op]) => op === 1).map(([, t]) => t)]).join('');
    for (const fromAppended of ['杨冬梅', '浙政钉', '政府治理现代化是国家治理现代化的必然要求']) expect(inserted).not.toContain(fromAppended);
    expect(c.edits.filter((e) => e.type === 'appended-material')).toHaveLength(1);
    expect(c.summary.insertedChars).toBeLessThan(40);
  });

  it('keeps most of the original and says how much was cut', () => {
    expect(c.summary.kept).toBeGreaterThan(0.8);
    expect(c.summary.kept).toBeLessThan(1);
    expect(c.summary.deletedChars).toBeGreaterThan(100);
    expect(c.degraded).toBe(false);
  });

  it.each([
    ['000 -> 002 (two paragraphs merged into one)', c, 'a'],
    ['002 -> 000 (one paragraph split in two)', compareVersions(v002, v000), 'b'],
  ] as const)('%s: one row, not a deletion and an insertion', (_what, r, merged) => {
    expect(r.rows.filter((row) => row.kind === 'deleted' || row.kind === 'inserted')).toEqual([]);
    const row = r.rows.find((x) => (x[merged] ?? '').includes('浪潮作为新一代信息技术领军企业'))!;
    expect(row.kind).toBe('changed');
    expect(row[merged]!.split('\n')).toHaveLength(2);
  });

  it('says when the time budget ran out, and still rebuilds both versions', () => {
    const r = compareVersions(v000, v002, { timeoutMs: 0 });
    expect(r.degraded).toBe(true);
    checkRebuild(r, v000, v002);
  });

  it('finds the same edits at character granularity', () => {
    const chars = compareVersions(v000, v002, { granularity: 'char' });
    for (const text of ['全球领先的', '建党100周年', '4月19日']) {
      expect(chars.edits.some((e) => DELETING.has(e.type) && (e.a ?? '').includes(text))).toBe(true);
    }
  });
});

describe('moves and number changes', () => {
  const original = v000.paragraphs;
  const shandong = original.findIndex((p) => p.includes('1014家'));
  const beijing = original.findIndex((p) => p.includes('2.65天'));
  const move = (ps: string[], from: number, to: number): string[] => {
    const out = ps.slice();
    const [p] = out.splice(from, 1);
    out.splice(to, 0, p!);
    return out;
  };
  const edit = (ps: string[], i: number, from: string, to: string): string[] => ps.map((p, k) => (k === i ? p.replace(from, to) : p));

  it.each([
    ['a number changed in another paragraph', move(edit(original, beijing, '2.65天', '2.56天'), shandong, shandong + 4), { a: '2.65', b: '2.56' }],
    ['a number changed inside the moved paragraph', move(edit(original, shandong, '1014家', '1040家'), shandong, 1), { a: '1014', b: '1040' }],
  ])('one paragraph moved and %s: exactly one move and one number change', (_what, paragraphs, numbers) => {
    const r = compareVersions(v000, { ...v000, id: 'copy', paragraphs });
    expect(r.edits.map((e) => e.type).sort()).toEqual(['number-changed', 'paragraph-moved']);
    const n = r.edits.find((e) => e.type === 'number-changed')!;
    expect(n.a).toContain(numbers.a);
    expect(n.b).toContain(numbers.b);
    expect(r.rows.filter((row) => row.kind === 'moved')).toHaveLength(1);
    expect(r.rows.filter((row) => row.kind === 'deleted' || row.kind === 'inserted')).toHaveLength(0);
  });

  it('treats a re-typeset number (1014 -> 1,014) as no edit', () => {
    const r = compareVersions(v000, { ...v000, paragraphs: edit(original, shandong, '1014家', '1,014家') });
    expect(r.edits).toEqual([]);
    expect(r.rows[r.rows.findIndex((row) => row.a?.includes('1014家'))]!.numbers).toEqual([{ a: '1014', b: '1,014', agree: true }]);
  });
});

// Real pages in six languages (none a version of the corpus), as extracted by the extension, and
// reprints of them made the way sites make them.
describe('reprints of real pages', () => {
  const REALWORLD = path.resolve(__dirname, '../../../shared/realworld');
  const SWAP: Record<string, string> = { '，': ',', ',': '，', '：': ':', ':': '：', '“': '"', '”': '"', '"': '“', '（': '(', '(': '（', '）': ')', ')': '）' };
  const reprint = (p: string): string => Array.from(p, (ch) => SWAP[ch] ?? (ch === ' ' ? '\u00a0 ' : ch)).join('');

  it.each(['gmw', 'qq', 'youth', 'pixnet', 'bbc-1', 'nytimes-1', 'lemonde-1', 'heise', 'hukumusume'])('%s: width, quote and space changes are no edit; a dropped sentence is one edit', async (name) => {
    const { doc } = await readPage(path.join(REALWORLD, name, 'source.html'));
    const { article } = extractArticle(doc);
    const a: VersionText = { title: article.title, lang: article.lang, paragraphs: article.paragraphs };
    expect(a.paragraphs.length).toBeGreaterThan(2);

    const retyped = compareVersions(a, { ...a, paragraphs: a.paragraphs.map(reprint) });
    expect(retyped.edits).toEqual([]);
    expect(retyped.rows.every((r) => r.kind === 'equal')).toBe(true);
    checkRebuild(retyped, a, { ...a, paragraphs: a.paragraphs.map(reprint) });

    // the longest paragraph with several sentences loses its second one
    const at = a.paragraphs.reduce((best, p, i) => (splitSentences(p).length > 1 && (best < 0 || p.length > a.paragraphs[best]!.length) ? i : best), -1);
    const dropped = splitSentences(a.paragraphs[at]!)[1]!;
    const b: VersionText = { ...a, paragraphs: a.paragraphs.map((p, i) => (i === at ? p.replace(dropped, '') : p)) };
    const cut = compareVersions(a, b);
    expect(cut.edits.map((e) => [e.type, e.a?.trim()])).toEqual([['sentence-deleted', dropped.trim()]]);
    checkRebuild(cut, a, b);
  });
});

// Rebuild: every character of both versions is in exactly one place of the comparison (check-rebuild.ts).

describe('rebuild', () => {
  it('holds for 000 and 002 in every mode', () => {
    for (const granularity of ['char', 'word'] as const) {
      for (const foldNoise of [true, false]) checkRebuild(compareVersions(v000, v002, { granularity, foldNoise }), v000, v002);
    }
  });

  // Pieces that stress the diff: astral Han and emoji (surrogate pairs), lone surrogates, width and
  // quote variants that fold together, zero-width and soft characters, numbers and Latin words.
  const piece = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('𠀀', '😀', '👍🏽', '\ud800', '\udfff', '，', ',', '“', '"', '\u3000', ' ', '\u200b', '\u00ad', '1014', '1,014', '万', '亿', '政府', '数字', 'the', 'cloud', '。', '.'),
  );
  // paragraphs are never empty (extraction and the corpus parser drop empty lines, the background
  // refuses them): an empty paragraph at a region's edge would be both inside and outside it
  const paragraph = fc.array(piece, { minLength: 1, maxLength: 8 }).map((ps) => ps.join('').replace(/[\n\r]/g, ' ')).filter((p) => p.length > 0);
  const version = fc.record({ paragraphs: fc.array(paragraph, { maxLength: 6 }), appended: fc.array(paragraph, { maxLength: 2 }) });

  it('holds for any two inputs, with any region', () => {
    fc.assert(
      fc.property(
        version,
        version,
        fc.constantFrom('char', 'word'),
        fc.boolean(),
        fc.option(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat())),
        // a deadline of 0 ms takes the degraded paths a loaded machine takes: they must rebuild too
        fc.constantFrom(undefined, 0),
        (va, vb, granularity, foldNoise, cut, timeoutMs) => {
          const a: VersionText = { title: 't', lang: 'zh', ...va };
          const b: VersionText = { title: 'u', lang: 'zh', ...vb };
          const la = a.paragraphs.join('\n').length;
          const lb = b.paragraphs.join('\n').length;
          const region = cut
            ? { a: { start: Math.min(cut[0], cut[1]) % (la + 1), end: Math.max(cut[0], cut[1]) % (la + 1) }, b: { start: cut[2] % (lb + 1), end: Math.max(cut[2] % (lb + 1), cut[3] % (lb + 1)) } }
            : undefined;
          const r = compareVersions(a, b, { granularity, foldNoise, ...(region ? { region } : {}), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
          checkRebuild(r, a, b);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('size', () => {
  // 200,000 characters a side: the original's paragraphs repeated with a running number so that
  // they differ, and a copy with every seventh paragraph dropped, a figure changed in every fifth
  // and one paragraph moved far away.
  const big: string[] = [];
  for (let k = 0; big.join('\n').length < 200_000; k++) big.push(`${k}. ${original(k)}`);
  function original(k: number): string {
    return v000.paragraphs[k % v000.paragraphs.length]!;
  }
  const copy = big.filter((_, k) => k % 7 !== 3).map((p, k) => (k % 5 === 0 ? p.replace(/\d+/, (d) => `${Number(d) + 1}0`) : p));
  copy.splice(10, 0, copy.splice(copy.length - 20, 1)[0]!);

  it('compares two 200,000-character versions to the end', () => {
    const a: VersionText = { title: 'a', lang: 'zh', paragraphs: big };
    const b: VersionText = { title: 'b', lang: 'zh', paragraphs: copy };
    const r = compareVersions(a, b, { region: { a: { start: 0, end: big.join('\n').length }, b: { start: 0, end: copy.join('\n').length } } });
    checkRebuild(r, a, b);
    expect(r.rows.filter((row) => row.kind === 'deleted').length).toBeGreaterThan(100);
    expect(r.edits.some((e) => e.type === 'paragraph-moved')).toBe(true);
  });

  it('compares two 200,000-character single paragraphs to the end', () => {
    const a: VersionText = { title: 'a', lang: 'zh', paragraphs: [big.join('')] };
    const b: VersionText = { title: 'b', lang: 'zh', paragraphs: [copy.join('')] };
    const r = compareVersions(a, b, { region: { a: { start: 0, end: a.paragraphs[0]!.length }, b: { start: 0, end: b.paragraphs[0]!.length } } });
    checkRebuild(r, a, b);
    expect(r.rows).toHaveLength(1);
  });
});
