// Provenance over the corpus family: 000 (光明网, 2022-04-25) is the original, 002 (博舍) its edited
// reprint that names it in a 原标题 line, 001 an English translation. The clues are also taken
// away one at a time, contradicted, and tried on pages, to check that the verdict rests on what
// it says it rests on.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredIn, overlapOf, provenance, PAGE_ID, type Overlap, type VersionFacts } from '../../src/core/compare/provenance';
import { parseCorpusFile } from '../../src/corpus/parse';
import { readPage } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import type { CorpusDoc } from '../../src/corpus/types';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');
const PAGES = path.resolve(__dirname, '../fixtures/pages');

function doc(prefix: string): CorpusDoc {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const r = parseCorpusFile(file, readFileSync(path.join(CORPUS, file)));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}
const docs = { '000': doc('000'), '001': doc('001'), '002': doc('002'), '003': doc('003'), '004': doc('004') };
type Key = keyof typeof docs;

function facts(k: Key, change: Partial<VersionFacts> = {}): VersionFacts {
  const d = docs[k];
  return { id: k, title: d.title, site: d.siteName, date: d.published, lang: d.lang, originalTitle: d.originalTitle, declaredSource: d.declaredSource, ...change };
}
const body = (k: Key) => docs[k].paragraphs.join('\n');

/** Overlaps of every same-language pair, as the background computes them. */
function overlaps(texts: Array<{ id: string; lang: string; text: string; trimEnds?: boolean }>): Overlap[] {
  const out: Overlap[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i]!.lang !== texts[j]!.lang) continue;
      const o = overlapOf(texts[i]!, texts[j]!);
      if (o) out.push(o);
    }
  }
  return out;
}
const family: Key[] = ['000', '001', '002'];
const familyOverlaps = overlaps(family.map((k) => ({ id: k, lang: docs[k].lang, text: body(k) })));

describe('overlapOf', () => {
  it('finds the reprint within the original and not the reverse', () => {
    const o = overlapOf({ id: '000', text: body('000') }, { id: '002', text: body('002') })!;
    expect(o.bInA).toBeGreaterThan(0.95); // 002 is 98% 000's text
    expect(o.aInB).toBeLessThan(0.92); // 000 lost 12% of its text in 002
  });
  it.each([['003'], ['004']] as const)('finds no overlap between 000 and the same-topic article %s', (k) => {
    expect(overlapOf({ id: '000', text: body('000') }, { id: k, text: body(k) })).toBeNull();
  });
});

describe('provenance of the corpus family', () => {
  it('names 000 the original, for every order of the versions', () => {
    for (const order of [family, [...family].reverse(), ['002', '000', '001'] as Key[]]) {
      const p = provenance(order.map((k) => facts(k)), familyOverlaps);
      expect(p.original).toBe('000');
    }
  });

  it('says why: named by 002’s 原标题 and holds 002’s text (a lone date is earlier than nothing)', () => {
    const p = provenance(family.map((k) => facts(k)), familyOverlaps);
    const original = p.timeline.find((e) => e.id === '000')!;
    expect(original.role).toBe('original');
    expect(original.clues.map((c) => c.kind).sort()).toEqual(['contains', 'named-by-title']);
    expect(original.clues).toContainEqual({ kind: 'named-by-title', by: '002' });
  });

  it('places 002 after it as a version that names it and lies within it, and 001 as a translation', () => {
    const p = provenance(family.map((k) => facts(k)), familyOverlaps);
    const reprint = p.timeline.find((e) => e.id === '002')!;
    expect(reprint.role).toBe('version');
    expect(reprint.clues.map((c) => c.kind)).toEqual(expect.arrayContaining(['names-original', 'within']));
    const within = reprint.clues.find((c) => c.kind === 'within');
    expect(within && 'share' in within ? within.share : 0).toBeGreaterThan(0.95);
    expect(p.timeline.find((e) => e.id === '001')!.role).toBe('translation');
  });

  it('puts the dated versions first, in date order', () => {
    const p = provenance(family.map((k) => facts(k)), familyOverlaps);
    expect(p.timeline[0]!.id).toBe('000'); // the only dated one
    expect(p.timeline.slice(1).every((e) => e.date === null)).toBe(true);
  });

  it.each([
    ['without dates', (k: Key) => facts(k, { date: null })],
    ['without the 原标题 line', (k: Key) => facts(k, { originalTitle: null })],
    ['without dates or 原标题', (k: Key) => facts(k, { date: null, originalTitle: null })],
  ])('still finds 000 %s, by the text alone at least', (_, f) => {
    expect(provenance(family.map(f), familyOverlaps).original).toBe('000');
  });

  it('is not fooled by a reprint dated before its original', () => {
    const p = provenance([facts('000'), facts('002', { date: '2022-04-20' })], familyOverlaps);
    expect(p.original).toBe('000');
    expect(p.timeline[0]!.id).toBe('002'); // the timeline still shows the dates as given
  });

  it('uses a source line naming the original’s site', () => {
    const p = provenance([facts('000', { date: null }), facts('002', { date: null, originalTitle: null, declaredSource: '光明网' })], []);
    expect(p.original).toBe('000');
    expect(p.timeline.find((e) => e.id === '000')!.clues).toEqual([{ kind: 'named-as-source', by: '002' }]);
  });

  it('leaves the original unknown when nothing sets the versions apart', () => {
    const p = provenance([facts('000', { date: null }), facts('001')], []);
    expect(p.original).toBeNull();
    expect(p.timeline.every((e) => e.role === 'version' && e.clues.length === 0)).toBe(true);
  });

  it('does not count a version that names itself as its source', () => {
    // 000 says 文章来源：光明网 and is on 光明网: that says nothing about which version came first
    const p = provenance([facts('000', { date: null }), facts('002', { date: null, originalTitle: null, declaredSource: '博舍' })], []);
    expect(p.original).toBeNull();
  });
});

describe('provenance with the page being read', () => {
  it.each([
    ['reprint-002.html', '002'],
    ['original-000.html', '000'],
  ])('on %s the original is 000 and the page is dated and placed', async (file, same) => {
    const article = extractArticle((await readPage(path.join(PAGES, file))).doc).article;
    const declared = declaredIn(article.sourceLines);
    const page: VersionFacts = {
      id: PAGE_ID,
      title: article.title,
      site: article.siteName ?? declared.declaredSource,
      date: article.published,
      lang: article.lang,
      ...declared,
      page: true,
    };
    const others = family.filter((k) => k !== same);
    const texts = [{ id: PAGE_ID, lang: article.lang, text: article.paragraphs.join('\n'), trimEnds: true }, ...others.map((k) => ({ id: k, lang: docs[k].lang, text: body(k) }))];
    const p = provenance([page, ...others.map((k) => facts(k))], overlaps(texts));
    expect(p.original).toBe(same === '000' ? PAGE_ID : '000');
    expect(p.timeline.find((e) => e.page)!.date).toMatch(/^2022-04-2[56]/);
    if (same === '002') {
      // dated the day after 000, named by the page's 原标题 line, and within 000
      expect(p.timeline.find((e) => e.id === '000')!.clues.map((c) => c.kind)).toEqual(expect.arrayContaining(['earliest', 'named-by-title', 'contains']));
      expect(p.timeline.find((e) => e.page)!.clues.map((c) => c.kind)).toEqual(expect.arrayContaining(['later', 'names-original', 'within']));
    }
  });

  it('reads 原标题 and 来源 from a page’s source lines', () => {
    expect(declaredIn(['来源:博舍', '原标题:加强数字政府建设,浪潮提供技术支撑', '责编:李源、曹淼'])).toEqual({
      originalTitle: '加强数字政府建设,浪潮提供技术支撑',
      declaredSource: '博舍',
    });
    expect(declaredIn(['（文章来源：光明网）'])).toEqual({ originalTitle: null, declaredSource: '光明网' });
    expect(declaredIn(['Our reporter Wang Yanbin'])).toEqual({ originalTitle: null, declaredSource: null });
  });
});
