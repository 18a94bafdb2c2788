import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import fc from 'fast-check';
import { alignPrepared, prepareText, unpackAlignment, type AlignmentBead, type PreparedText } from '../../src/core/compare/align';
import { compareAny, versionOfDoc } from '../../src/core/compare/compare-any';
import { compareTranslation, checkNumbers } from '../../src/core/compare/compare-translation';
import { bilingualSide, translationEvidence, translationAnchors } from '../../src/core/match/translation-evidence';
import type { Comparison, CompareRow } from '../../src/core/types';
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import type { CompiledTexts } from '../../src/core/index/types';
import { corpusDoc, corpusLexicon, gold, realworldPages, ROOT } from '../fixtures/translation/corpus';

const lex = corpusLexicon();
const version = (short: string) => {
  const d = corpusDoc(short);
  return {
    id: d.id,
    title: d.title,
    lang: d.lang,
    paragraphs: d.paragraphs,
    sourceLines: d.sourceLines,
    appended: d.appended.flatMap((p) => p.paragraphs),
  };
};

/** The row that shows English paragraph `en` (by its opening words). */
function rowOf(c: Comparison, en: string): CompareRow | undefined {
  return c.rows.find((r) => r.b !== null && r.b.split('\n').some((p) => p.startsWith(en)));
}

describe('compareTranslation(000, 001)', () => {
  const c = compareTranslation(version('000'), version('001'), lex);
  const paragraphs = gold();

  it('is a cross-language comparison of the two articles', () => {
    expect(c.crossLanguage).toBe(true);
    expect(c.a.id).toMatch(/^000_/);
    expect(c.b.id).toMatch(/^001_/);
    // every English body paragraph is shown exactly once, in order
    const shown = c.rows.flatMap((r) => (r.b ? r.b.split('\n') : []));
    expect(shown).toEqual(corpusDoc('001').paragraphs.map((p) => p.trim()));
  });

  it('puts at least 90% of the English paragraphs that have a Chinese source beside that source', () => {
    const sourced = paragraphs.filter((g) => g.zh !== null);
    const right = sourced.filter((g) => {
      const row = rowOf(c, g.en);
      return row && (row.kind === 'equal' || row.kind === 'moved') && row.a !== null && row.a.includes(g.zh!);
    });
    expect(right.length / sourced.length).toBeGreaterThanOrEqual(0.9);
  });

  it.each(gold().filter((g) => g.zh === null).map((g) => [g.en]))('marks "%s…" as added in translation', (en) => {
    const row = rowOf(c, en);
    expect(row?.kind).toBe('inserted');
    const index = c.rows.indexOf(row!);
    expect(c.edits).toContainEqual(expect.objectContaining({ type: 'added-in-translation', row: index }));
  });

  it("reports the translation's own byline and the dropped source line", () => {
    expect(c.edits).toContainEqual({ type: 'attribution-added', b: 'Our reporter Wang Yanbin' });
    expect(c.edits).toContainEqual(expect.objectContaining({ type: 'attribution-removed', a: expect.stringContaining('光明网') }));
  });

  it('shows the byline as an added paragraph when a page keeps it in the body', () => {
    const withByline = { ...version('001'), paragraphs: ['Our reporter Wang Yanbin', ...corpusDoc('001').paragraphs], sourceLines: [] };
    const c2 = compareTranslation(version('000'), withByline, lex);
    expect(rowOf(c2, 'Our reporter Wang Yanbin')?.kind).toBe('inserted');
  });

  it('marks Chinese passages the translation left out as not translated', () => {
    for (const left of ['浪潮还参与了政务数据', '作为中国政务云概念的提出者']) {
      const row = c.rows.find((r) => r.a?.includes(left));
      expect(row?.kind).toBe('deleted');
      expect(c.edits).toContainEqual(expect.objectContaining({ type: 'not-translated', row: c.rows.indexOf(row!) }));
    }
  });

  it('flags the computing-power figure and nothing else', () => {
    const mismatches = c.edits.filter((e) => e.type === 'number-mismatch');
    expect(mismatches).toEqual([expect.objectContaining({ a: '80亿亿', b: '8 billion' })]);
    const row = c.rows[mismatches[0]!.row!]!;
    expect(row.numbers).toContainEqual({ a: '80亿亿', b: '8 billion', agree: false });
  });

  const AGREE: [string, string][] = [
    ['1014', '1,014'],
    ['5532', '5,532'],
    ['100亿', '10 billion'],
    ['300万', '3 million'],
    ['1万', '10,000'],
    ['95%以上', 'more than 95%'],
    ['2.65', '2.65'],
    ['1.93', '1.93'],
    ['174', '174'],
    ['140', '140'],
    ['387', '387'],
    ['20余', 'more than 20'],
    ['百亿级', 'tens of billions'],
    ['第二十五', '25th'],
    ['4月19日', 'April 19'],
  ];
  it.each(AGREE)('checks %s against %s and finds them equal', (a, b) => {
    const checks = c.rows.flatMap((r) => r.numbers ?? []);
    expect(checks).toContainEqual({ a, b, agree: true });
  });

  it('shows the moved paragraph beside its source', () => {
    const row = rowOf(c, 'It is understood that one of the participants');
    expect(row?.kind).toBe('moved');
    expect(row?.a).toContain('深耕政务服务领域20余年');
  });

  it('has a similarity and summary that say most of both texts is shared', () => {
    expect(c.similarity).toBeGreaterThan(0.6);
    expect(c.similarity).toBeLessThan(1);
    expect(c.summary.kept).toBeGreaterThan(0.5);
    expect(c.summary.deletedChars).toBeGreaterThan(0);
    expect(c.summary.insertedChars).toBeGreaterThan(0);
  });
});

describe('compareTranslation(002, 001)', () => {
  it('keeps the articles 002 appended outside and still flags the figure', () => {
    const c = compareTranslation(version('002'), version('001'), lex);
    expect(c.outside.a.length).toBeGreaterThan(5);
    expect(c.rows.some((r) => r.a && c.outside.a.includes(r.a))).toBe(false);
    expect(c.edits.filter((e) => e.type === 'number-mismatch').map((e) => [e.a, e.b])).toEqual([['80亿亿', '8 billion']]);
  });

  it('works with the English text as side a', () => {
    const c = compareTranslation(version('001'), version('000'), lex);
    const row = c.rows.find((r) => r.a?.startsWith('At present, all cloud centers'));
    expect(row?.kind).toBe('equal');
    expect(row?.b).toContain('1014家');
    expect(row?.numbers).toContainEqual({ a: '1,014', b: '1014', agree: true });
  });
});

describe('a page translating only part of 000', () => {
  const en = corpusDoc('001').paragraphs;
  const pick = ['At present, all cloud centers', 'Cities are the main carriers', 'In the central region of my country'];
  const page = { title: 'Shandong and Zhengdong', lang: 'en', paragraphs: pick.map((p) => en.find((x) => x.startsWith(p))!) };

  it('is still a translation of 000', () => {
    const ev = translationEvidence(page, corpusDoc('000'), lex);
    expect(ev?.isTranslation).toBe(true);
    expect(ev!.score).toBeGreaterThan(0.5);
    // the span on the article side is the translated part, not the whole article
    const body = corpusDoc('000').paragraphs.join('\n');
    const span = body.slice(ev!.docSpan!.start, ev!.docSpan!.end);
    expect(span).toContain('1014家');
    expect(span).toContain('郑东新区');
    expect(span).not.toContain('第二十五次会议');
  });

  it('compares beside the translated part, with the rest of the article outside', () => {
    const c = compareTranslation(version('000'), page, lex);
    for (const p of pick) expect(rowOf(c, p)?.kind).toBe('equal');
    expect(c.outside.a.some((p) => p.includes('第二十五次会议'))).toBe(true);
    expect(c.rows.filter((r) => r.kind === 'deleted').length).toBeLessThanOrEqual(2);
  });
});

describe('pages translating a part, in either direction', () => {
  const zh = corpusDoc('000').paragraphs;
  const en = corpusDoc('001').paragraphs;
  const CASES: [string, string, string[]][] = [
    ['one English paragraph', 'en', ['In the Yangtze River Delta region']],
    ['two English paragraphs', 'en', ['The Beijing Municipal Sub-center', 'With the help of Inspur, 174 types']],
    ['one Chinese paragraph', 'zh', ['山东是第一家']],
    ['two Chinese paragraphs', 'zh', ['城市是数字经济发展的主要载体', '作为我国中部地区重要中心城市']],
  ];
  it.each(CASES)('%s', (_what, lang, starts) => {
    const source = lang === 'en' ? en : zh;
    const page = { lang, paragraphs: starts.map((s) => source.find((p) => p.startsWith(s))!) };
    const target = lang === 'en' ? ['000', '002'] : ['001'];
    for (const id of target) expect(translationEvidence(page, corpusDoc(id), lex)?.isTranslation).toBe(true);
    const others = lang === 'en' ? ['003', '004'] : [];
    for (const id of others) expect(translationEvidence(page, corpusDoc(id), lex)?.isTranslation).toBe(false);
  });
});

describe('any selection of paragraphs', () => {
  it('shows every character of both sides once, in rows or outside', () => {
    const zhAll = corpusDoc('000').paragraphs;
    const enAll = corpusDoc('001').paragraphs;
    const visible = (xs: string[]) => xs.join('').replace(/\s+/g, '').length;
    fc.assert(
      fc.property(fc.subarray(zhAll), fc.subarray(enAll), fc.boolean(), (zh, en, swap) => {
        const z = { title: 'z', lang: 'zh', paragraphs: zh };
        const e = { title: 'e', lang: 'en', paragraphs: en };
        const [a, b] = swap ? [e, z] : [z, e];
        const c = compareTranslation(a, b, lex);
        expect(visible([...c.rows.flatMap((r) => (r.a ? [r.a] : [])), ...c.outside.a])).toBe(visible(a.paragraphs));
        expect(visible([...c.rows.flatMap((r) => (r.b ? [r.b] : [])), ...c.outside.b])).toBe(visible(b.paragraphs));
      }),
      { numRuns: 40 },
    );
  });
});

describe('translationEvidence', () => {
  const CASES: [string, string, boolean][] = [
    ['001', '000', true],
    ['001', '002', true],
    ['000', '001', true],
    ['002', '001', true],
    ['001', '003', false],
    ['001', '004', false],
    ['003', '001', false],
    ['004', '001', false],
  ];
  it.each(CASES)('page %s, article %s -> translation: %s', (p, d, expected) => {
    const ev = translationEvidence(corpusDoc(p), corpusDoc(d), lex);
    expect(ev).not.toBeNull();
    expect(ev!.isTranslation).toBe(expected);
  });

  it('reads Traditional Chinese as Chinese', () => {
    const toTrad = Converter({ from: 'cn', to: 'tw' });
    const trad = { lang: 'zh-TW', paragraphs: corpusDoc('000').paragraphs.map(toTrad) };
    expect(trad.paragraphs.join('')).toContain('數字政府');
    expect(translationEvidence(trad, corpusDoc('001'), lex)?.isTranslation).toBe(true);
  });

  it('says nothing for two texts in one language or for other languages', () => {
    expect(translationEvidence(corpusDoc('000'), corpusDoc('002'), lex)).toBeNull();
    expect(translationEvidence({ lang: 'fr', paragraphs: ['Le gouvernement numérique'] }, corpusDoc('000'), lex)).toBeNull();
  });

  const pages = realworldPages();
  it.each(pages.map((p) => [p.name, p.lang, p]))('finds no translation in real-world page %s (%s)', (_name, lang, page) => {
    const zhPage = /^zh/i.test(lang as string);
    const enPage = /^en/i.test(lang as string);
    const against = zhPage ? ['001'] : ['000', '002', '003', '004'];
    for (const id of against) {
      const ev = translationEvidence(page as (typeof pages)[number], corpusDoc(id), lex);
      if (zhPage || enPage) expect(ev?.isTranslation ?? false).toBe(false);
      else expect(ev).toBeNull();
    }
  });
});

describe('bilingualSide', () => {
  // the reading it must keep: the declared language, unless the first 2,000 characters plainly say
  // otherwise, counted with regular expressions
  const reference = (lang: string, paragraphs: string[]): 'zh' | 'en' | null => {
    const l = lang.toLowerCase();
    const declared = l.startsWith('zh') ? 'zh' : l.startsWith('en') ? 'en' : null;
    if (!declared && l !== 'und' && l !== '') return null;
    const sample = paragraphs.join('\n').slice(0, 2000);
    const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
    const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
    if (declared === 'zh' && latin > 10 * han) return 'en';
    if (declared === 'en' && han > 10 * latin) return 'zh';
    if (declared) return declared;
    if (han > latin) return 'zh';
    return latin > 0 ? 'en' : null;
  };

  it.each([
    ['zh', '000'],
    ['en', '001'],
    ['und', '002'],
    ['', '001'],
    ['zh-CN', '001'],
    ['en', '000'],
  ])('declared %s, text of %s', (lang, short) => {
    expect(bilingualSide(lang, corpusDoc(short).paragraphs)).toBe(reference(lang, corpusDoc(short).paragraphs));
  });

  it('decides as the regular-expression count does on the real pages and on any mix of scripts', () => {
    for (const p of realworldPages()) for (const lang of [p.lang, 'und', 'zh', 'en']) expect(bilingualSide(lang, p.paragraphs)).toBe(reference(lang, p.paragraphs));
    const pieces = ['数字政府', '𠀀', '𪚥', 'a', 'Z', 'é', '\ud800', '\udc00', '\ud83d\ude00', ' ', 'かな', '한', '1', 'Ａ'];
    fc.assert(
      fc.property(fc.constantFrom('und', 'zh', 'en', ''), fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((x) => x.join('')), { maxLength: 4 }), (lang, paragraphs) => {
        expect(bilingualSide(lang, paragraphs)).toBe(reference(lang, paragraphs));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('translationAnchors', () => {
  it('gives the same keys to figures and codes written in either language', () => {
    const zh = translationAnchors('上云单位1014家，100亿张图像，300万小时，结案率95%以上，部署AI算力，IDC报告');
    const en = translationAnchors('1,014 cloud-based units, 10 billion images, 3 million hours, more than 95%, AI computing, IDC report');
    expect(zh).toEqual(en);
    expect(zh).toEqual(expect.arrayContaining(['n:1014', 'n:10000000000', 'n:3000000', 'p:95%', 'l:ai', 'l:idc']));
  });
});

describe('checkNumbers', () => {
  const CASES: [string, string, [string, string, boolean][]][] = [
    ['承载上云单位1014家', 'carry 1,014 units', [['1014', '1,014', true]]],
    ['承载上云单位1014家', 'carry 1,040 units', [['1014', '1,040', false]]],
    ['每秒80亿亿次，1小时', '8 billion times per second, in 1 hour', [['80亿亿', '8 billion', false], ['1', '1', true]]],
    // a figure only one side gives is not a disagreement: translations leave figures out
    ['浪潮云连续七年蝉联第一，为全国25个省提供服务', 'Inspur Cloud serves provinces', []],
    ['提升至95%以上', 'reached 95', []],
    // real pairs of the development set (WMT news with their human translations): a range against a
    // range, bound by bound (the error is in one bound), months, approximate ranges, British dates
    ['1月31日的首次罢工示威活动在全国集结起127万到250万人。', 'The first strike demonstrations on January 31 rallied between 1.27 and 25 million people across the country',
      [['1月31日', 'January 31', true], ['127万', '1.27', true], ['250万', '25 million', false]]],
    ['记者从郑州大学第一附属医院了解到，以单颗常规种植为例，从种植到最后修复，价格大概要一万六七千元左右。',
      'Concurring to the Primary Partnered Clinic of Zhengzhou College, the taken a toll for a single customary planting, as an illustration, ranges from 16,000 to 7,000 yuan from planting to last reclamation.',
      [['一万六七千', '16,000', true], ['一万六七千', '7,000', false]]],
    // a scale got wrong keeps the digits: each figure is paired with the one of the same digits, not the next in order
    ['2022年1月至9月，新加坡旅游收入共计89.6亿新元，预计2022年全年旅游收入可达138亿至143亿新元，比2021年的18.9亿新元增长6倍至7倍，已经恢复到2019年新冠疫情前约50%至52%的水平。',
      "From January to September 2022, Singapore's tourism revenue totaled 89.6 billion Singapore dollars, and is expected that the annual tourism revenue in 2022 will reach 138 billion to 143 billion Singapore dollars, an increase of 6 to 7 times compared with 189 billion Singapore dollars in 2021. Return to the level of about 50% to 52% before the new crown epidemic in 2019.",
      [['2022', '2022', true], ['1月至9月', 'January to September', true], ['89.6亿', '89.6 billion', false], ['2022', '2022', true], ['138亿', '138 billion', false],
        ['143亿', '143 billion', false], ['2021', '2021', true], ['18.9亿', '189 billion', false], ['6倍至7', '6 to 7', true], ['2019', '2019', true], ['约50%至52%', 'about 50% to 52%', true]]],
    ['超越旅游局早前预估的400万至600万人次', 'surpassing the Board’s earlier estimate of 4 to 6 million', [['400万至600万', '4 to 6 million', true]]],
    ['在12月18日的峰会上，希望在三月初与欧洲议会达成协议。', 'at the 18 December summit, hopes to clinch a deal with the parliament by early March.',
      [['12月18日', '18 December', true], ['三月', 'March', true]]],
    ['近期，台湾当局陆续发布2023年1月经济数据，出口贸易额“连五黑”', 'The Taiwanese government has begun releasing economic data for January 2023, exports "five blacks in a row"',
      [['2023', '2023', true], ['1月', 'January', true]]],
    ['卢旺达花了二十多年时间', 'It has taken Rwanda more than two decades', [['二十多', 'more than two decades', true]]],
    ['该公司已生产出一百多万吨再生骨料', 'It has created more than one million tonnes of recycled aggregates', [['一百多万', 'more than one million', true]]],
    // 一 is not "one"; figures written as words below ten are never flagged against another figure
    ['仅去年一年，一居室的租金涨幅最低，为11.7%，从一居室到四居室', 'in the last year alone, the lowest rise of 11.7 per cent for one-bedroom, from one to four bedroom',
      [['11.7%', '11.7 per cent', true]]],
    ['随着法案于2024年3月31日到期，一份新的咨询文件试图控制未来一年的租金', 'With the Act ending on 31 March 2024, a new consultation document seeks to extend controls in the coming year, like the FTSE 250',
      [['2024年3月31日', '31 March 2024', true]]],
    ['5.85亿奈拉', 'N585 million', [['5.85亿', '585 million', true]]],
  ];
  it.each(CASES)('%s / %s', (a, b, expected) => {
    expect(checkNumbers(a, b)).toEqual(expected.map(([x, y, agree]) => ({ a: x, b: y, agree })));
  });
});

describe('alignments compiled with the corpus', () => {
  const dir = path.join(ROOT, 'assets/corpus');
  const compiled = compileCorpus(
    readdirSync(dir).map((name) => ({ name, content: readFileSync(path.join(dir, name)) })),
    { lexicon: lex },
  );
  const id = (short: string): string => corpusDoc(short).id;
  /** The corpus as the CLI and the extension load it: from JSON text. */
  const load = (texts: unknown) => loadCorpus(JSON.parse(JSON.stringify(compiled.index)), () => JSON.parse(JSON.stringify(texts)));
  const copyTexts = (): CompiledTexts => JSON.parse(JSON.stringify(compiled.texts)) as CompiledTexts;
  const compare = (corpus: ReturnType<typeof load>, a: string, b: string) => compareAny(versionOfDoc(corpus, id(a)), versionOfDoc(corpus, id(b)), {}, lex);
  // (unpaired paragraphs that translate each other can still come out as `moved` rows)
  const equalRows = (c: Comparison) => c.rows.filter((r) => r.kind === 'equal').length;

  it('are stored for the two translation relations, and for nothing else', () => {
    const keys = Object.keys(compiled.texts.alignments ?? {});
    expect(keys).toEqual([`${id('000')}|${id('001')}`, `${id('001')}|${id('002')}`]);
  });

  /** Beads as sentence numbers, similarity to the four decimals stored. */
  const shape = (beads: AlignmentBead[], zh: PreparedText, en: PreparedText) =>
    beads.map((b) => [b.zh.map((s) => zh.sentences.indexOf(s)), b.en.map((s) => en.sentences.indexOf(s)), Math.round(b.score * 1e4) / 1e4]);
  it.each([
    ['000', '001'],
    ['002', '001'],
  ])('for %s / %s equal the alignment computed at run time', (z, e) => {
    const corpus = load(compiled.texts);
    const stored = corpus.alignment(id(e), id(z)); // either order
    expect(stored).toMatchObject({ zh: id(z), en: id(e), banded: false });
    const zh = prepareText(corpusDoc(z).paragraphs, true, lex);
    const en = prepareText(corpusDoc(e).paragraphs, false, lex);
    const unpacked = unpackAlignment(zh, en, stored!);
    expect(unpacked).not.toBeNull();
    expect(shape(unpacked!, zh, en)).toEqual(shape(alignPrepared(zh, en), zh, en));
  });

  it('are absent from a texts.json written before them, which still loads and compares the same', () => {
    const { alignments, ...old } = copyTexts();
    expect(alignments).toBeDefined();
    const before = load(old);
    const now = load(compiled.texts);
    expect(before.alignment(id('000'), id('001'))).toBeNull();
    for (const [a, b] of [['000', '001'], ['001', '000'], ['002', '001']] as const) {
      expect(compare(now, a, b)).toEqual(compare(before, a, b));
    }
  });

  it('are what a comparison of two corpus articles is built on; a page with the same text is aligned afresh', () => {
    // an alignment that pairs nothing: only a comparison that reads it can come out without pairs
    const texts = copyTexts();
    const stored = texts.alignments![`${id('000')}|${id('001')}`]!;
    stored.beads = [...Array.from({ length: stored.sentences[0] }, () => [1, 0, 0]), ...Array.from({ length: stored.sentences[1] }, () => [0, 1, 0])] as [number, number, number][];
    const corpus = load(texts);
    expect(equalRows(compare(corpus, '000', '001'))).toBe(0);
    const page = { ...versionOfDoc(corpus, id('001')) }; // the same text, but not the corpus's version of it
    expect(equalRows(compareAny(versionOfDoc(corpus, id('000')), page, {}, lex))).toBeGreaterThan(10);
  });

  it('are ignored when they no longer fit the sentences (the splitter changed since the build)', () => {
    const texts = copyTexts();
    const stored = texts.alignments![`${id('000')}|${id('001')}`]!;
    stored.sentences = [stored.sentences[0] + 1, stored.sentences[1]];
    expect(compare(load(texts), '000', '001')).toEqual(compare(load(compiled.texts), '000', '001'));
  });

  it.each([
    ['beads that are not counts', (t: CompiledTexts) => (Object.values(t.alignments!)[0]!.beads = [[1, -1, 0]])],
    ['an unknown article', (t: CompiledTexts) => (Object.values(t.alignments!)[0]!.zh = '999_nope')],
    ['alignments that are not an object', (t: CompiledTexts) => ((t as { alignments: unknown }).alignments = [])],
  ])('reject %s with a clear message', (_what, damage) => {
    const texts = copyTexts();
    damage(texts);
    expect(() => load(texts).text(id('000'))).toThrow(/^damaged corpus texts: alignment/);
  });
});

describe('alignment polish: short pairs and sentences cut differently', () => {
  const zh0 = corpusDoc('000').paragraphs;
  const en0 = corpusDoc('001').paragraphs;
  /** The sentence of 000 that holds `s`, and the paragraph of 001 that starts with `s`: a gold pair each. */
  const pz = (s: string): string => zh0.flatMap((p) => p.split(/(?<=。)/)).find((x) => x.includes(s))!;
  const pe = (s: string): string => en0.find((p) => p.startsWith(s))!;
  const v = (lang: string, paragraphs: string[]) => ({ title: '', lang, paragraphs });
  const edits = (c: Comparison) => c.edits.filter((e) => e.type === 'not-translated' || e.type === 'added-in-translation');
  // between two paragraphs the lexicon pairs, the pairs its words cannot show (the example of issue 17,
  // and real pairs of the WMT development set whose words the bundled lexicon lacks)
  const CASES: [string, string][] = [
    ['“所以我们必须采取行动，”他说。', '"So we have to act," he said.'],
    ['任务尚未完成。', "The job's not done."],
    ['防骗提示：', 'Anti-fraud tips:'],
  ];
  it.each(CASES)('%s / %s: one row, no edit', (zh, en) => {
    const c = compareTranslation(v('zh', [pz('4月19日'), zh, pz('174类电子证照')]), v('en', [pe('On April 19'), en, pe('With the help of Inspur, 174 types')]), lex);
    const row = c.rows.find((r) => r.b === en);
    expect(row?.kind).toBe('equal');
    expect(row?.a).toBe(zh);
    expect(edits(c)).toEqual([]);
  });

  it('marks nothing added in a row whose Chinese holds the source of every English sentence', () => {
    // the Chinese gives the speaker between the two quotes, the English after the first: one Chinese
    // sentence per English one, but their lengths do not match sentence by sentence
    const zh = '“虽然我们今天批准了某些现货比特币ETP股票的上市和交易，但没有批准或认可比特币。”美国证监会主席加里·詹斯勒在一份声明中表示：“对于与比特币及其价值以及与加密货币挂钩产品相关的各种风险，投资者应保持谨慎。”';
    const en = '"While we approved the listing and trading of certain spot Bitcoin ETP shares today, we did not approve or endorse Bitcoin," SEC Chair Gary Gensler said in a statement. "Investors should remain cautious about the myriad risks associated with Bitcoin and products whose value is tied to crypto."';
    const c = compareTranslation(v('zh', [pz('4月19日'), zh, pz('174类电子证照')]), v('en', [pe('On April 19'), en, pe('With the help of Inspur, 174 types')]), lex);
    expect(c.rows.filter((r) => r.kind === 'equal')).toHaveLength(3);
    expect(edits(c)).toEqual([]);
  });

  it('pairs figures inside their own sentence, and lists the others apart', () => {
    // 300 and 450 are in different sentences of one row: neither is the other's partner
    const zh = ['会议于2019年召开，共有300人参加。', '会后发布了成果。'];
    const en = ['The meeting was held in 2019.', 'Afterwards 450 results were published.'];
    const c = compareTranslation(v('zh', [pz('4月19日'), zh.join(''), pz('174类电子证照')]), v('en', [pe('On April 19'), en.join(' '), pe('With the help of Inspur, 174 types')]), lex);
    const row = c.rows.find((r) => r.b?.includes('450'));
    expect(row?.numbers).toContainEqual({ a: '2019', b: '2019', agree: true });
    expect(c.edits.filter((e) => e.type === 'number-mismatch')).toEqual([]);
    if (row?.kind === 'equal' && row.a?.includes('300')) expect(row.numbersUnpaired).toEqual({ a: ['300'], b: ['450'] });
  });
});
