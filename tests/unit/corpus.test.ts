// The corpus parser, compiler and loader on the five published articles and on damaged input.
import { corpusLexicon } from '../fixtures/translation/corpus';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findVersions } from '../../src/core/match/find-versions';
import { parseCorpusFile, parseDate } from '../../src/corpus/parse';
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { run as corpusCli } from '../../src/cli/corpus';
import type { CorpusDoc } from '../../src/corpus/types';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');
const files = readdirSync(CORPUS).sort();
const parsed = new Map<string, CorpusDoc>();
for (const f of files) {
  const r = parseCorpusFile(f, readFileSync(path.join(CORPUS, f)));
  if (r.ok) parsed.set(f.slice(0, 3), r.doc);
}
const doc = (short: string): CorpusDoc => {
  const d = parsed.get(short);
  if (!d) throw new Error(`corpus article ${short} did not parse`);
  return d;
};

describe('parseCorpusFile: metadata of each published article', () => {
  const rows: Array<{
    short: string;
    id: string;
    title: string;
    published: string | null;
    lang: string;
    byline: string | null;
    siteName: string | null;
    declaredSource: string | null;
    originalTitle: string | null;
    format: CorpusDoc['format'];
    firstParagraph: string;
    lastParagraphEnd: string;
    sourceLines: string[];
  }> = [
    {
      short: '000', id: '000_3e0ed82598e826fe', title: '加强数字政府建设，浪潮提供技术支撑', published: '2022-04-25T10:56', lang: 'zh',
      byline: '战钊', siteName: '光明网', declaredSource: '光明网', originalTitle: null, format: 'front-matter-html',
      firstParagraph: '4月19日，中央全面深化改革委员会第二十五次会议', lastParagraphEnd: '助力数字政府建设提速。',
      sourceLines: ['(战钊)', '（文章来源：光明网）'],
    },
    {
      short: '001', id: '001_ca89d907f43c97a4', title: 'On April 19, the 25th meeting of the Central Committee for Comprehensively Deepening…',
      published: null, lang: 'en', byline: 'Wang Yanbin', siteName: null, declaredSource: null, originalTitle: null, format: 'plain',
      firstParagraph: 'On April 19, the 25th meeting', lastParagraphEnd: 'running. etc. target.',
      sourceLines: ['Our reporter Wang Yanbin'],
    },
    {
      short: '002', id: '002_0e89e667d319eb52', title: '紧抓人工智能产业机遇 加强数字政府建设', published: null, lang: 'zh',
      byline: '李源、曹淼', siteName: '博舍', declaredSource: null, originalTitle: '加强数字政府建设,浪潮提供技术支撑', format: 'plain',
      firstParagraph: '加强数字政府建设,要全面贯彻网络强国战略', lastParagraphEnd: '助力数字政府建设提速。',
      sourceLines: ['原标题:加强数字政府建设,浪潮提供技术支撑', '(责编:李源、曹淼)'],
    },
    {
      short: '003', id: '003_d66c7b6f47f18eb2', title: '“数”“政”合算, “智”启未来', published: '2022-09-05T16:26', lang: 'zh',
      byline: null, siteName: '中国新闻网', declaredSource: '中国新闻网', originalTitle: null, format: 'header-lines',
      firstParagraph: '兰州新区近年借助城市运营指挥中心', lastParagraphEnd: '不断提升人民群众的获得感和幸福感。',
      sourceLines: ['来源: 中国新闻网', '时间: 2022/09/05/ 16:26'],
    },
    {
      short: '004', id: '004_64f7dba65d21b4b5', title: '建设新型智慧城市，提升数字化治理水平', published: '2022-01-01T09:44', lang: 'zh',
      byline: '高科技行业门户', siteName: null, declaredSource: null, originalTitle: null, format: 'front-matter-html',
      firstParagraph: '2021年是十四五的开局之年。', lastParagraphEnd: '“苏”写更多惊喜与期待。',
      sourceLines: [],
    },
  ];
  it.each(rows)('$short: title, date, language, attribution', (row) => {
    const d = doc(row.short);
    expect(d.id).toBe(row.id);
    expect(d.title).toBe(row.title);
    expect(d.published).toBe(row.published);
    expect(d.lang).toBe(row.lang);
    expect(d.byline).toBe(row.byline);
    expect(d.siteName).toBe(row.siteName);
    expect(d.declaredSource).toBe(row.declaredSource);
    expect(d.originalTitle).toBe(row.originalTitle);
    expect(d.format).toBe(row.format);
    expect(d.paragraphs[0]!.startsWith(row.firstParagraph)).toBe(true);
    expect(d.paragraphs.at(-1)!.endsWith(row.lastParagraphEnd)).toBe(true);
    expect(d.sourceLines).toEqual(row.sourceLines);
  });

  it.each([...parsed.values()])('$id: body is plain text without markup, entities or attribution lines', (d) => {
    for (const p of d.paragraphs) {
      expect(p).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i);
      expect(p).not.toMatch(/^[（(]?(?:文章来源|责编|责任编辑)/);
      expect(p).not.toMatch(/^---|^title:|^date:/);
    }
  });

  it('000: entities decoded, headings kept as paragraphs, the (战钊) byline taken off the last paragraph', () => {
    const d = doc('000');
    expect(d.paragraphs.join('\n')).toContain('《<数据安全法> 实施参考》');
    expect(d.paragraphs).toContain('智算筑牢数字政府底座');
    expect(d.paragraphs.at(-1)).not.toContain('战钊');
    expect(d.url).toBe('http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202204252356268016');
    expect(d.paragraphs.join('')).not.toContain('返回光明网新闻');
  });

  it('002: the two articles the site appended are separated from the reprint, with their own titles and authors', () => {
    const d = doc('002');
    expect(d.appended.map((p) => p.title)).toEqual(['建设数字政府:赋能政府治理现代化', '数字化转型中政府治理的机遇与挑战']);
    expect(d.appended[0]!.sourceLines.some((l) => l.includes('杨冬梅'))).toBe(true);
    expect(d.appended[1]!.sourceLines).toContain('责任编辑:马娟');
    const body = d.paragraphs.join('\n');
    expect(body).not.toContain('政府治理现代化是国家治理现代化的必然要求');
    expect(body).not.toContain('分享让更多人看到');
    expect(body).not.toContain('紧抓人工智能产业机遇 加强数字政府建设 人工智能在政府治理中的体现有哪些');
    const appended = d.appended.flatMap((p) => p.paragraphs).join('\n');
    expect(appended).toContain('政府治理现代化是国家治理现代化的必然要求');
    expect(appended).not.toMatch(/版权声明|上一篇|下一篇/);
    // the second appended article keeps its subheadings as paragraphs
    expect(d.appended[1]!.paragraphs).toContain('数字化转型助力政府治理水平不断提升');
  });
});

describe('parseDate', () => {
  it.each([
    ['2022-04-25 10:56:20 +0800', '2022-04-25T10:56'],
    ['Sat, 01 Jan 2022 09:44:00 GMT', '2022-01-01T09:44'],
    ['2022/09/05/ 16:26', '2022-09-05T16:26'],
    ['2022年4月25日', '2022-04-25'],
    ['2022-13-01', null],
    ['yesterday', null],
  ])('%s -> %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));
});

describe('parseCorpusFile: bad input is reported by file name, never thrown', () => {
  it.each<[string, string | Uint8Array, RegExp]>([
    ['image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /image\.png: binary/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0]), /latin1\.txt: not UTF-8/],
    ['empty.txt', '  \n\n ', /empty\.txt: empty file/],
    ['open.txt', '---\ntitle: "x"\n<p>正文</p>', /open\.txt: front matter .* not closed/],
    ['headings.txt', '标题\n来源: 某网\n', /headings\.txt: no article text/],
    ['tiny.txt', '标题\n\n很短的一句。', /tiny\.txt: too little text/],
  ])('%s', (name, content, message) => {
    const r = parseCorpusFile(name, content);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('compileCorpus and loadCorpus', () => {
  const compiled = compileCorpus(files.map((f) => ({ name: f, content: readFileSync(path.join(CORPUS, f)) })));

  it('compiles all five, finds 002 a reprint of 000 and nothing else among them', () => {
    expect(compiled.errors).toEqual([]);
    expect(compiled.index.docs.map((d) => d.id.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    const sameLanguage = compiled.index.relations.filter((r) => r.relation !== 'translation');
    expect(sameLanguage.map((r) => [r.a.slice(0, 3), r.b.slice(0, 3), r.relation])).toEqual([['000', '002', 'reprint']]);
    // 003 and 004 are on the topic but not versions of anything
    expect(compiled.index.relations.some((r) => /^00[34]/.test(r.a) || /^00[34]/.test(r.b))).toBe(false);
  });

  it('keeps the index small: postings under 2 KB per article', () => {
    const bytes = compiled.stats.postings * 8;
    expect(bytes / compiled.index.docs.length).toBeLessThan(2048);
    expect(compiled.index.postings.count).toBe(compiled.stats.postings);
  });

  it('round-trips through JSON and reads texts only when asked', async () => {
    let reads = 0;
    const index = JSON.parse(JSON.stringify(compiled.index)) as unknown;
    const texts = JSON.parse(JSON.stringify(compiled.texts)) as unknown;
    const corpus = loadCorpus(index, () => {
      reads++;
      return Promise.resolve(texts);
    });
    expect(reads).toBe(0);
    expect(corpus.resolve('002')).toBe('002_0e89e667d319eb52');
    expect(corpus.resolve('00')).toBeNull(); // ambiguous
    expect(corpus.resolve('9')).toBeNull();
    expect(() => corpus.text('000_3e0ed82598e826fe')).toThrow(/loadTexts/);
    await corpus.loadTexts();
    expect(corpus.text('002_0e89e667d319eb52').appended).toHaveLength(2);
    expect(corpus.postings.hashes.length).toBe(compiled.stats.postings);
  });

  it('a bad file among good ones is named and left out, the rest compiled', () => {
    const r = compileCorpus([
      { name: 'dir/000_a.txt', content: readFileSync(path.join(CORPUS, files[0]!)) },
      { name: 'dir/broken.bin', content: new Uint8Array([0, 1, 2, 3]) },
      { name: 'other/000_a.md', content: readFileSync(path.join(CORPUS, files[0]!)) },
    ]);
    expect(r.index.docs.map((d) => d.id)).toEqual(['000_a']);
    expect(r.errors).toHaveLength(2);
    expect(r.errors.join('\n')).toMatch(/broken\.bin: binary/);
    expect(r.errors.join('\n')).toMatch(/000_a\.md: another file already has the id 000_a/);
  });

  const damaged: Array<[string, (i: Record<string, unknown>) => unknown, RegExp]> = [
    ['not an object', () => 'hello', /not a reprint-lens corpus index/],
    ['another fingerprint version', (i) => ({ ...i, fingerprint: 'fp0' }), /rebuild it/],
    ['truncated postings', (i) => ({ ...i, postings: { ...(i.postings as object), hashes: 'AAAA' } }), /postings: expected/],
    ['a doc without title', (i) => ({ ...i, docs: [{ ...(i.docs as object[])[0], title: 7 }] }), /docs\[0\]\.title/],
    ['a relation to an unknown article', (i) => ({ ...i, relations: [{ a: 'x', b: 'y', relation: 'reprint', similarity: 1 }] }), /unknown article/],
  ];
  it.each(damaged)('a damaged index (%s) fails with a clear message', (_, damage, message) => {
    const index = JSON.parse(JSON.stringify(compiled.index)) as Record<string, unknown>;
    expect(() => loadCorpus(damage(index), () => compiled.texts)).toThrow(message);
  });

  // the concept table (translation retrieval) is only written with the dictionary
  const withConcepts = compileCorpus(files.map((f) => ({ name: f, content: readFileSync(path.join(CORPUS, f)) })), { lexicon: corpusLexicon() });
  const concepts = (i: Record<string, unknown>) => i.concepts as Record<string, unknown>;
  const reversed = (b64: string) => Buffer.from(Buffer.from(b64, 'base64').reverse()).toString('base64');
  const damagedConcepts: Array<[string, (i: Record<string, unknown>) => unknown, RegExp]> = [
    ['not an object', (i) => ({ ...i, concepts: 3 }), /concepts is malformed/],
    ['truncated keys', (i) => ({ ...i, concepts: { ...concepts(i), keys: 'AAAA' } }), /concepts/],
    ['keys out of order', (i) => ({ ...i, concepts: { ...concepts(i), keys: reversed(concepts(i).keys as string) } }), /concepts/],
    ['a df above the article count', (i) => ({ ...i, concepts: { ...concepts(i), articles: 0 } }), /concepts/],
    ['norms for fewer articles than the index has', (i) => ({ ...i, concepts: { ...concepts(i), norms: 'AAAA' } }), /concepts/],
  ];
  it('keeps each article norm as compiled, and reads an older table without norms the same way', () => {
    const withNorms = loadCorpus(withConcepts.index, () => withConcepts.texts).concepts!;
    expect(withNorms.norms.every((x) => x > 0)).toBe(true);
    const { norms: _, ...older } = withConcepts.index.concepts!;
    const summed = loadCorpus({ ...withConcepts.index, concepts: older }, () => withConcepts.texts).concepts!;
    // five articles: no key is common enough to leave the postings, so the sums agree to the thousandth
    for (let d = 0; d < 5; d++) expect(summed.norms[d]).toBeCloseTo(withNorms.norms[d]!, 2);
  });
  it('a corpus compiled with the dictionary carries a concept table and loads it', () => {
    expect(withConcepts.index.concepts?.keyCount).toBeGreaterThan(100);
    expect(loadCorpus(withConcepts.index, () => withConcepts.texts).concepts?.articles).toBe(5);
  });
  it.each(damagedConcepts)('a damaged concept table (%s) fails with a clear message', (_, damage, message) => {
    const index = JSON.parse(JSON.stringify(withConcepts.index)) as Record<string, unknown>;
    expect(() => loadCorpus(damage(index), () => withConcepts.texts)).toThrow(message);
  });
});

describe('corpus build (CLI)', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('writes index.json and texts.json, naming the file it skipped', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rl-corpus-'));
    const src = path.join(dir, 'src');
    mkdirSync(src);
    for (const f of files) writeFileSync(path.join(src, f), readFileSync(path.join(CORPUS, f)));
    writeFileSync(path.join(src, 'junk.txt'), new Uint8Array([0xff, 0x00, 0xfe]));
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = path.join(dir, 'out');
    expect(await corpusCli(['build', src, '-o', out, '--lexicon', path.resolve(CORPUS, '../../dist/corpus/lexicon.json')])).toBe(0);
    expect(existsSync(path.join(out, 'index.json')) && existsSync(path.join(out, 'texts.json'))).toBe(true);
    expect(err.join('')).toMatch(/^reprint-lens: skipped .*junk\.txt: binary/);
    const corpus = loadCorpus(JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')), () =>
      JSON.parse(readFileSync(path.join(out, 'texts.json'), 'utf8')),
    );
    expect(corpus.docs).toHaveLength(5);
    expect(corpus.relations.map((r) => r.relation).sort()).toEqual(['reprint', 'translation', 'translation']);
  });

  it('fails with one line when the folder has no usable article', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'rl-corpus-'));
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    expect(await corpusCli(['build', dir, '-o', path.join(dir, 'out')])).toBe(1);
    expect(err.join('')).toMatch(/^reprint-lens: no article in .* could be compiled\n$/);
    expect(await corpusCli(['build'])).toBe(2);
  });
});

// Corpus ids and outputs (issue 20): an article's file stem is any string, so ids live in Maps; the
// compiler never reads its own output back as articles; -o never overwrites what is not a corpus.
describe('corpus ids and outputs (CLI)', () => {
  let dir = '';
  let err: string[] = [];
  const lexicon = path.resolve(CORPUS, '../../dist/corpus/lexicon.json');
  const build = (src: string, out: string) => corpusCli(['build', src, '-o', out, '--lexicon', lexicon]);
  const load = (out: string) =>
    loadCorpus(JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')), () => JSON.parse(readFileSync(path.join(out, 'texts.json'), 'utf8')));
  const copyCorpus = (to: string, rename: (f: string) => string = (f) => f) => {
    mkdirSync(to, { recursive: true });
    for (const f of files) writeFileSync(path.join(to, rename(f)), readFileSync(path.join(CORPUS, f)));
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rl-corpus-ids-'));
    err = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])('an article whose file stem is %s compiles, loads and is matched', async (stem) => {
    const src = path.join(dir, 'src');
    // the original of the family under a name that is an Object.prototype property
    copyCorpus(src, (f) => (f.startsWith('000_') ? `${stem}${path.extname(f)}` : f));
    const out = path.join(dir, 'out');
    expect(await build(src, out)).toBe(0);
    const corpus = load(out);
    expect(corpus.docs.map((d) => d.id)).toContain(stem);
    expect(corpus.text(stem).paragraphs.length).toBeGreaterThan(3);
    // the reprint 002 is related to it, and the original's own text finds it as `same`
    expect(corpus.relations.some((r) => (r.a === stem || r.b === stem) && r.relation === 'reprint')).toBe(true);
    const own = parseCorpusFile(path.join(CORPUS, files.find((f) => f.startsWith('000_'))!), readFileSync(path.join(CORPUS, files.find((f) => f.startsWith('000_'))!)));
    if (!own.ok) throw new Error(own.error);
    const found = findVersions(own.doc, corpus);
    expect(found.find((m) => m.id === stem)?.relation).toBe('same');
  });

  it.each([
    ['into the article folder itself', (src: string) => src],
    ['into a folder inside it', (src: string) => path.join(src, 'out')],
  ])('built twice %s, the second build reads no output back as articles', async (_, outOf) => {
    const src = path.join(dir, 'src');
    copyCorpus(src);
    const out = outOf(src);
    expect(await build(src, out)).toBe(0);
    const first = readFileSync(path.join(out, 'index.json'), 'utf8');
    // a lexicon beside the articles is not an article either
    writeFileSync(path.join(src, 'lexicon.json'), readFileSync(lexicon));
    expect(await build(src, out)).toBe(0);
    expect(load(out).docs.map((d) => d.id).sort()).toEqual(files.map((f) => f.replace(/\.[^.]+$/, '')).sort());
    expect(JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')).docs).toEqual(JSON.parse(first).docs);
    expect(err.join('')).not.toMatch(/index\.json|texts\.json|lexicon\.json/);
  });

  it('-o naming an existing file: one line, nothing written, the file as it was', async () => {
    const src = path.join(dir, 'src');
    copyCorpus(src);
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'my notes');
    expect(await build(src, file)).toBe(1);
    expect(err.join('')).toMatch(/^reprint-lens: cannot write .*notes\.txt: it is a file, not a folder[^\n]*\n$/);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it.each(['index.json', 'texts.json'])('-o naming a folder whose %s is not a corpus: refused and left as it was', async (name) => {
    const src = path.join(dir, 'src');
    copyCorpus(src);
    const out = path.join(dir, 'project');
    mkdirSync(out);
    const theirs = '{"name": "my web project", "version": "1.0.0"}';
    writeFileSync(path.join(out, name), theirs);
    expect(await build(src, out)).toBe(1);
    expect(err.join('')).toMatch(new RegExp(`^reprint-lens: cannot write .*project: its ${name.replace('.', '\\.')} is not a compiled corpus[^\\n]*\\n$`));
    expect(readFileSync(path.join(out, name), 'utf8')).toBe(theirs);
    expect(readdirSync(out)).toEqual([name]);
  });

  it('-o naming an earlier build is replaced by the new one', async () => {
    const src = path.join(dir, 'src');
    copyCorpus(src);
    const out = path.join(dir, 'out');
    expect(await build(src, out)).toBe(0);
    rmSync(path.join(src, files.find((f) => f.startsWith('004_'))!));
    expect(await build(src, out)).toBe(0);
    expect(load(out).docs).toHaveLength(4);
  });
});
