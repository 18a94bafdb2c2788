// Finding a page's versions in the corpus: the corpus against itself (leave-one-out), edited
// renderings of 000 written for the purpose, same-topic negatives and the 30 real-world pages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it, vi } from 'vitest';
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { parseCorpusFile } from '../../src/corpus/parse';
import type { Corpus } from '../../src/core/index/types';
import type { CorpusDoc } from '../../src/corpus/types';
import { candidates, findVersions, findVersionsLoading, type PageText } from '../../src/core/match/find-versions';
import { sharedRegion } from '../../src/core/match/passages';
import { fingerprint } from '../../src/core/index/fingerprint';
import type { Match } from '../../src/core/types';
import { decodeHtml, parseHtml } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import { htmlToParagraphs } from '../../src/corpus/html-text';
import { loadLexicon, type LexiconJson } from '../../src/core/text/lexicon';
import { run as matchCli } from '../../src/cli/match';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'assets/corpus');
const FIXTURES = path.join(ROOT, 'tests/fixtures/match');
const REALWORLD = path.resolve(ROOT, '../shared/realworld');

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => ({ name: f, content: readFileSync(path.join(dir, f)) }));
function parse(file: string): CorpusDoc {
  const r = parseCorpusFile(file, readFileSync(file));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}
// the bilingual lexicon scripts/build-lexicon.mjs writes for the bundled corpus
const lexicon = loadLexicon(JSON.parse(readFileSync(path.join(ROOT, 'dist/corpus/lexicon.json'), 'utf8')) as LexiconJson);
function corpusOf(files: Array<{ name: string; content: Uint8Array }>): Corpus {
  const c = compileCorpus(files, { lexicon });
  return loadCorpus(c.index, () => c.texts);
}

const corpus = corpusOf(filesOf(CORPUS));
const docs = new Map(corpus.docs.map((d) => [d.id.slice(0, 3), parse(path.join(CORPUS, `${d.id}.txt`))]));
const doc = (short: string): CorpusDoc => docs.get(short)!;
const id = (short: string): string => corpus.resolve(short)!;
const brief = (ms: Match[]) => ms.map((m) => [m.id.slice(0, 3), m.relation, ...(m.via ? [`via ${m.via.slice(0, 3)}`] : [])]);
const direct = (ms: Match[]) => brief(ms.filter((m) => !m.via));
const commentary = parse(path.join(FIXTURES, 'commentary-quoting-000.txt'));

describe('leave-one-out: each corpus article as the page, itself excluded', () => {
  const rows: Array<[string, unknown[]]> = [
    ['000', [['002', 'reprint'], ['001', 'translation', 'via 002']]],
    ['001', [['000', 'translation'], ['002', 'translation']]],
    ['002', [['000', 'reprint'], ['001', 'translation', 'via 000']]],
    ['003', []],
    ['004', []],
  ];
  it.each(rows)('%s -> %j', (short, expected) => {
    expect(brief(findVersions(doc(short), corpus, { exclude: [id(short)], lexicon }))).toEqual(expected);
  });

  it('without the lexicon, the translation is still listed through the corpus relations', () => {
    expect(brief(findVersions(doc('002'), corpus, { exclude: [id('002')] }))).toEqual([['000', 'reprint'], ['001', 'translation', 'via 000']]);
    expect(findVersions(doc('001'), corpus, { exclude: [id('001')] })).toEqual([]);
  });

  it('the compiled relations: 000~002 reprint, 001 a translation of both, nothing for 003 and 004', () => {
    expect(corpus.relations.map((r) => [r.a.slice(0, 3), r.b.slice(0, 3), r.relation])).toEqual([
      ['000', '001', 'translation'],
      ['000', '002', 'reprint'],
      ['001', '002', 'translation'],
    ]);
  });

  it('the reprint verdicts are strong and their spans lie in both texts', () => {
    const page = doc('002');
    const [m] = findVersions(page, corpus, { exclude: [id('002')] });
    expect(m!.similarity).toBeGreaterThan(0.8);
    const pageText = page.paragraphs.join('\n');
    const docText = doc('000').paragraphs.join('\n');
    expect(pageText.slice(m!.pageSpan!.start, m!.pageSpan!.end)).toMatch(/^加强数字政府建设,要全面贯彻[\s\S]*助力数字政府建设提速。$/);
    // 000's first sentence (the meeting) was cut by 002, so the shared region starts after it
    expect(docText.slice(m!.docSpan!.start, m!.docSpan!.end)).toMatch(/^加强数字政府建设，要全面贯彻[\s\S]*助力数字政府建设提速。$/);
  });
});

describe('a page whose declared language is not the language of its text', () => {
  // sites declare lang="zh-CN" on every page, English ones included: the text decides
  it.each([
    ['001 declared Chinese', '001', 'zh-CN', 'same'],
    ['000 declared English', '000', 'en', 'same'],
  ])('%s: its article once, the translations through it', (_name, short, lang, relation) => {
    const ms = findVersions({ title: '', lang, paragraphs: doc(short).paragraphs }, corpus, { lexicon });
    expect(ms.filter((m) => m.id === id(short)).map((m) => m.relation)).toEqual([relation]);
    expect(new Set(ms.map((m) => m.id)).size).toBe(ms.length);
  });
  it('half of 001 declared Chinese is a reprint of 001, listed once, not also its translation', () => {
    const ms = findVersions({ title: '', lang: 'zh', paragraphs: doc('001').paragraphs.slice(0, 8) }, corpus, { lexicon });
    expect(brief(ms)).toEqual([['001', 'reprint'], ['000', 'translation', 'via 001'], ['002', 'translation', 'via 001']]);
  });
});

describe('each corpus article against the whole corpus', () => {
  it.each(['000', '001', '002', '003', '004'])('%s is `same` to itself, first, with similarity 1', (short) => {
    const [first] = findVersions(doc(short), corpus);
    expect(first).toMatchObject({ id: id(short), relation: 'same', similarity: 1, title: doc(short).title, lang: doc(short).lang });
  });
});

describe('renderings of 000 written for the test', () => {
  const p000 = doc('000');
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const page = (paragraphs: string[], lang = 'zh'): PageText => ({ title: '', lang, paragraphs });

  it('a Traditional-Chinese rendering is a reprint of 000 (not the same text) and of 002', () => {
    const trad = p000.paragraphs.map((p) => toTraditional(p));
    expect(trad.join('')).not.toBe(p000.paragraphs.join('')); // the fixture really is in the other script
    const ms = findVersions(page(trad, 'zh-TW'), corpus);
    expect(direct(ms)).toEqual([['000', 'reprint'], ['002', 'reprint']]);
    expect(ms[0]!.similarity).toBeGreaterThan(0.95);
  });

  it('the same paragraphs in another order are a reprint, not the same text', () => {
    const reordered = [...p000.paragraphs.slice(8), ...p000.paragraphs.slice(0, 8)];
    expect(direct(findVersions(page(reordered), corpus)).slice(0, 1)).toEqual([['000', 'reprint']]);
  });

  it('full-width digits, other quotes and extra spaces only: still the same text', () => {
    const retyped = p000.paragraphs.map((p) =>
      p.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/[“”]/g, '"').replace(/，/g, ', '),
    );
    expect(direct(findVersions(page(retyped), corpus))[0]).toEqual(['000', 'same']);
  });

  it('a commentary quoting two paragraphs of 000 is an excerpt of it, not a reprint', () => {
    const ms = findVersions(commentary, corpus, { lexicon });
    expect(ms.find((m) => m.id === id('000'))?.relation).toBe('excerpt');
    expect(direct(ms).every(([, relation]) => relation === 'excerpt')).toBe(true);
    // 001 translates the quoted paragraphs too, but it is listed as 000's translation, not aligned anew
    expect(brief(ms)).toContainEqual(['001', 'translation', `via ${ms[0]!.id.slice(0, 3)}`]);
    expect(ms.some((m) => /^00[34]/.test(m.id))).toBe(false);
  });

  it('a short quotation that brings a single sampled hash is still found (rare hashes count alone)', () => {
    const quote = '数字化转型已成为我国各级政府推进现代化治理建设的重要举措。会议指出，打造泛在可及、智慧便捷、公平普惠的数字化服务体系，让百姓少跑腿、数据多跑路。';
    const shared = fingerprint(quote).hashes.filter((h) => fingerprint(p000.paragraphs.join('\n')).hashes.includes(h));
    expect(shared).toHaveLength(1);
    const paragraphs = ['某区召开政务服务工作推进会，会上有干部引用了一篇报道里的话：', quote, '与会人员随后讨论了窗口服务的排队问题，并决定下月起延长周末办理时间。'];
    expect(direct(findVersions(page(paragraphs), corpus))).toContainEqual(['000', 'excerpt']);
  });

  it.each([
    ['as written', (q: string) => q],
    ['retyped: half-width punctuation, other quotes, spaces', (q: string) => q.replace(/，/g, ', ').replace(/。/g, '. ').replace(/、/g, ',')],
  ])('a short quotation inside a long unrelated article is found (%s)', (_how, retype) => {
    // a long page with few sampled hashes in common is checked where it shares them before its
    // candidate is read whole; the quotation must survive that check however it is typed
    const quote = '数字化转型已成为我国各级政府推进现代化治理建设的重要举措。会议指出，打造泛在可及、智慧便捷、公平普惠的数字化服务体系，让百姓少跑腿、数据多跑路。';
    const filler = [
      '本报讯 连日来，市政务服务中心窗口前排起长队，不少群众反映办事等待时间过长。记者走访发现，问题主要集中在不动产登记和社保转移两个窗口。',
      '中心负责人表示，下一步将增设自助终端，推行预约办理，并把部分事项下放到街道便民服务站，让群众就近办理。',
      '据了解，今年以来全市共梳理高频事项一百二十项，其中九十项已经实现网上办理，其余事项也将在年底前完成改造。',
      '有市民建议，窗口工作人员应加强业务培训，一次性告知所需材料，避免群众来回跑。中心表示将认真研究采纳。',
      '记者还注意到，部分老年人不熟悉手机操作，在自助终端前需要志愿者帮助。对此，中心专门开设了老年人绿色通道，安排专人引导。',
      '业内人士认为，提升办事效率的关键在于部门之间打通数据，减少重复填报，同时要保留线下渠道，照顾不同群体的需求。',
      '截至发稿时，中心已在官方公众号发布了新的预约办理指南，并公布了各窗口的咨询电话，方便群众提前了解办事流程。',
    ];
    const paragraphs = [...filler.slice(0, 2), `一位区领导在会上说：“${retype(quote)}”`, ...filler.slice(2)];
    expect(paragraphs.join('').length).toBeGreaterThan(450);
    // few hashes in common: the local check decides whether 000 is read whole
    expect(candidates(page(paragraphs), corpus).find((c) => c.doc === corpus.byId.get(id('000')))!.hits).toBeLessThanOrEqual(4);
    expect(direct(findVersions(page(paragraphs), corpus))).toContainEqual(['000', 'excerpt']);
  });

  it('a short quotation of a text reprinted many times in the corpus is found, and the corpus build relates it', () => {
    // three more reprints of 000 (each drops a different paragraph): the quotation's one sampled
    // hash is then in five articles, 000, 002 and these, which are one family
    const source = readFileSync(path.join(CORPUS, `${id('000')}.txt`), 'utf8');
    const paras = source.split('</p>');
    const reprints = [3, 5, 7].map((drop) => ({ name: `90${drop}_reprint.txt`, content: new TextEncoder().encode(paras.filter((_, i) => i !== drop).join('</p>')) }));
    const quote = '数字化转型已成为我国各级政府推进现代化治理建设的重要举措。会议指出，打造泛在可及、智慧便捷、公平普惠的数字化服务体系，让百姓少跑腿、数据多跑路。';
    const paragraphs = ['某区召开政务服务工作推进会，会上有干部引用了一篇报道里的话：', quote, '与会人员随后讨论了窗口服务的排队问题，并决定下月起延长周末办理时间。'];
    const more = ['会议通报了上半年各街道政务服务中心的办件量和群众满意度评价结果，对排名靠后的窗口提出了整改要求。', '区数据局负责人介绍了电子证照共享的进展，并表示年底前将实现高频事项材料免提交。'];
    const quoting = { name: '950_quoting.txt', content: new TextEncoder().encode(`---\ntitle: "政务服务推进会"\n---\n${[...paragraphs, ...more].map((p) => `<p>${p}</p>`).join('')}`) };
    const big = corpusOf([...filesOf(CORPUS), ...reprints]);
    const holders = fingerprint(quote).hashes.filter((h) => big.docs.filter((d) => fingerprint(big.text(d.id).paragraphs.join('\n')).hashes.includes(h)).length >= 5);
    expect(holders).toHaveLength(1);
    const ms = findVersions(page(paragraphs), big);
    expect(direct(ms)).toContainEqual(['000', 'excerpt']);
    expect(ms.map((m) => m.id)).toEqual(expect.arrayContaining(['903_reprint', '905_reprint', '907_reprint']));
    // the build finds it too: an article of the corpus quoting that sentence is related to 000
    const withQuote = compileCorpus([...filesOf(CORPUS), ...reprints, quoting], { lexicon }).index.relations;
    expect(withQuote).toContainEqual(expect.objectContaining({ a: id('000'), b: '950_quoting', relation: 'excerpt' }));
  });

  it('a reprint with site clutter before and another article after is still found, the span on the reprint only', () => {
    const gmw = htmlToParagraphs(decodeHtml(readFileSync(path.join(REALWORLD, 'gmw/source.html'))).html).slice(0, 40);
    const youth = htmlToParagraphs(decodeHtml(readFileSync(path.join(REALWORLD, 'youth/source.html'))).html).slice(0, 40);
    const paragraphs = [...gmw, ...doc('002').paragraphs, ...youth];
    const ms = findVersions(page(paragraphs), corpus);
    // 002 itself, whole, with material around it, and through it the original 000
    expect(direct(ms)).toEqual([['002', 'same'], ['000', 'reprint']]);
    const m = ms.find((x) => x.id === id('000'));
    const text = paragraphs.join('\n');
    const before = gmw.join('\n').length;
    expect(m!.pageSpan!.start).toBeGreaterThanOrEqual(before);
    expect(m!.pageSpan!.end).toBeLessThanOrEqual(before + 1 + doc('002').paragraphs.join('\n').length);
    expect(text.slice(m!.pageSpan!.start, m!.pageSpan!.end)).toContain('南京智能计算中心');
  });
});

describe('same-topic material that is not a version of anything', () => {
  it.each(doc('002').appended.map((p) => [p.title, p] as const))('002 appended article %s matches nothing', (_, piece) => {
    expect(findVersions({ title: piece.title ?? '', lang: 'zh', paragraphs: piece.paragraphs }, corpus, { lexicon })).toEqual([]);
  });

  it('003 and 004 share no passage of 10 characters with 000', () => {
    const t000 = doc('000').paragraphs.join('\n');
    expect(sharedRegion(doc('003').paragraphs.join('\n'), t000)).toBeNull();
    expect(sharedRegion(doc('004').paragraphs.join('\n'), t000)).toBeNull();
  });
});

describe('family members through the corpus relations', () => {
  const withFixtures = corpusOf([...filesOf(CORPUS), ...filesOf(FIXTURES)]);
  it('a brief quoting 000 in two short pieces is an excerpt as a page, but no relation of the corpus', () => {
    // as a page it quotes 000 (33 and 28 characters): found
    const bri = withFixtures.resolve('bri')!;
    expect(brief(findVersions({ title: '', lang: 'zh', paragraphs: withFixtures.text(bri).paragraphs }, withFixtures, { exclude: [bri] }))).toContainEqual(['000', 'excerpt']);
    // as a stored article it shares too little with 000 to be related to it (CORPUS_EXCERPT_LONGEST):
    // two stored reports sharing a sentence more often both quote a third text
    const relations = compileCorpus([...filesOf(CORPUS), ...filesOf(FIXTURES)], { lexicon }).index.relations;
    expect(relations.filter((r) => r.a.startsWith('bri') || r.b.startsWith('bri'))).toEqual([]);
    // so a page of 002, which cut what the brief quotes, lists 000 and its translation, not the brief
    const ms = findVersions(doc('002'), withFixtures, { exclude: [withFixtures.resolve('002')!] });
    expect(brief(ms)[0]).toEqual(['000', 'reprint']);
    expect(ms.some((m) => m.id.startsWith('bri'))).toBe(false);
    // direct matches come before family members
    const firstVia = ms.findIndex((m) => m.via);
    if (firstVia >= 0) expect(ms.slice(firstVia).every((m) => m.via)).toBe(true);
  });
  it('excluding an article removes it from the family as well', () => {
    const ms = findVersions(doc('000'), withFixtures, { exclude: [withFixtures.resolve('000')!, withFixtures.resolve('bri')!] });
    expect(ms.some((m) => m.id.startsWith('bri') || m.id.startsWith('000'))).toBe(false);
  });
});

describe('the extension path: texts are fetched only for pages with candidates', () => {
  it('loads texts for a reprint, not for an unrelated page', async () => {
    const c = compileCorpus(filesOf(CORPUS));
    let reads = 0;
    const lazy = loadCorpus(c.index, () => {
      reads++;
      return Promise.resolve(c.texts);
    });
    expect(await findVersionsLoading(doc('003'), lazy, { exclude: [lazy.resolve('003')!] })).toEqual([]);
    expect(reads).toBe(0);
    expect(direct(await findVersionsLoading(doc('002'), lazy, { exclude: [lazy.resolve('002')!] }))).toEqual([['000', 'reprint']]);
    expect(reads).toBe(1);
  });
});

describe('real-world pages: none is a version of a corpus article', () => {
  const pages = readdirSync(REALWORLD).filter((n) => statSync(path.join(REALWORLD, n)).isDirectory());
  it('there are 30 of them', () => expect(pages).toHaveLength(30));
  it.each(pages)('%s: no match, whether extracted or with all its text', (name) => {
    const { html } = decodeHtml(readFileSync(path.join(REALWORLD, name, 'source.html')));
    const { article } = extractArticle(parseHtml(html));
    expect(findVersions(article, corpus, { lexicon })).toEqual([]);
    expect(findVersions({ title: '', lang: article.lang, paragraphs: htmlToParagraphs(html) }, corpus, { lexicon })).toEqual([]);
  });
});

describe('match (CLI)', () => {
  async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const so = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const se = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    try {
      return { code: await matchCli(argv), out: out.join(''), err: err.join('') };
    } finally {
      so.mockRestore();
      se.mockRestore();
    }
  }

  it('prints the MatchReport contract for a corpus file given as the page', async () => {
    const r = await cli([path.join(CORPUS, `${id('002')}.txt`), '--json', '--corpus', CORPUS, '--exclude', '002']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { page: Record<string, unknown>; topic: Record<string, unknown>; matches: Match[] };
    expect(Object.keys(report)).toEqual(['page', 'topic', 'matches']);
    expect(report.page).toMatchObject({ title: doc('002').title, lang: 'zh', isArticle: true });
    expect(report.topic.digitalGovernment).toBe(true);
    expect(brief(report.matches)).toEqual([['000', 'reprint'], ['001', 'translation', 'via 000']]);
  });

  it('a corpus id is the corpus article itself', async () => {
    const r = await cli(['003', '--corpus', CORPUS]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`same\\s+1\\.000\\s+${id('003')}`));
  });

  it('an HTML page goes through extraction', async () => {
    const r = await cli([path.join(REALWORLD, 'gmw/source.html'), '--json', '--corpus', CORPUS]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ page: { lang: 'zh', isArticle: true }, topic: { digitalGovernment: false }, matches: [] });
  });

  it.each([
    [['--corpus', CORPUS, 'no-such-file.txt'], 1, /^reprint-lens: no such file: no-such-file\.txt \(nor a corpus id\)\n$/],
    [[path.join(CORPUS, `${id('000')}.txt`), '--corpus', CORPUS, '--exclude', '00'], 2, /^reprint-lens: --exclude 00: no corpus article/],
    [['a.txt', '--frobnicate'], 2, /^reprint-lens: unknown option --frobnicate/],
    [[], 2, /^reprint-lens: usage:/],
  ])('bad input %j: one line on stderr, exit %i', async (argv, code, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
