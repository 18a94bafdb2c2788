// Is this page a translation (Chinese <-> English) of that article? Decided offline from the
// sentence alignment (align.ts): a translation pairs many sentences closely and in order, while an
// article on the same topic (same names, same figures, same buzzwords) only ever pairs a few loosely.
//
// Measured on the corpus (similarity of the paired beads the alignment keeps):
//   000 / 001 and 002 / 001 (translation): 16-17 beads, 0.57-0.88, median 0.80
//   003 / 001 and 004 / 001 (same topic, not versions): 8-10 beads, 0.18-0.45, median 0.30
//   the 30 real-world pages against the corpus: no bead reaches 0.5
// hence a bead counts as evidence from STRONG_BEAD = 0.5, and a translation needs such beads
// holding at least MIN_MASS content words of the page (two or three sentences, or one long one)
// and covering a quarter of the page (or of the article, for a page that carries a translated excerpt).
//
// A loose translation (a machine-paraphrased one: "Concurring to Chinanews com, the primary group of
// individual annuity resource administration items" for 据中新网，首批个人养老金理财产品) pairs few
// sentences closely but nearly all of them loosely, in order: on the translations development set
// three such documents pair 8-11 sentences at median 0.33-0.37 covering 90-100% of both texts, while
// the bundled same-topic articles (003, 004 against 001) pair 8-9 at median 0.30 covering 16-49%. So
// a text pairing WHOLE_COVER of both sides, at least WHOLE_BEADS beads with median WHOLE_MEDIAN, is a
// translation too: an article on the same topic never follows the other sentence by sentence.
import { alignPrepared, prepareText, type PreparedText, type Sentence } from '../compare/align';
import { findNumbers } from '../text/numbers';
import { rareShare } from './passages';
import { zhNewsStock } from '../index/stock';
import type { StockTable } from '../index/stock-table';
import type { Lexicon } from '../text/lexicon';
import type { Lang, Span } from '../types';

export const STRONG_BEAD = 0.5;
/** Content words (units of weight) of the page in strong beads: one closely translated long sentence is enough. */
const MIN_MASS = 25;
const MIN_COVER = 0.25;
const WHOLE_COVER = 0.8;
const WHOLE_BEADS = 4;
const WHOLE_MEDIAN = 0.3;

export interface TranslationSide {
  lang: Lang;
  paragraphs: string[];
}

export interface TranslationEvidence {
  /** Share of the page (by content words) that is closely paired with the article, 0..1. */
  score: number;
  /** Dice over both texts: 2 x paired / (page + article), 0..1 (the `similarity` of a match). */
  similarity: number;
  /** Share of the closely paired text that is rare (its Chinese side outside stock windows), 0..1. */
  rareShare: number;
  isTranslation: boolean;
  /** Number of closely paired passages. */
  pairs: number;
  /** Where the translated text lies in the page's body (paragraphs joined by "\n"). */
  pageSpan?: Span;
  /** Where its source lies in the article's body. */
  docSpan?: Span;
}

const HAN = /\p{Script=Han}/u;
/** Per UTF-16 unit: 0 not looked up yet, 1 not Han, 2 Han (a regular expression per character cost more than the rest of bilingualSide). */
let hanUnits: Uint8Array | null = null;

/** How many Han characters (\p{Script=Han}, astral ones too) and ASCII letters `text` holds. */
function hanAndLatin(text: string): { han: number; latin: number } {
  const cache = (hanUnits ??= new Uint8Array(0x10000));
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        if (HAN.test(String.fromCodePoint(cp))) han++;
        i++;
      }
    } else {
      let v = cache[c]!;
      if (v === 0) v = cache[c] = HAN.test(String.fromCharCode(c)) ? 2 : 1;
      if (v === 2) han++;
    }
  }
  return { han, latin };
}

/** Which of Chinese / English a text is, or null for other languages. */
export function bilingualSide(lang: Lang, paragraphs: string[]): 'zh' | 'en' | null {
  const l = lang.toLowerCase();
  const declared = l.startsWith('zh') ? 'zh' : l.startsWith('en') ? 'en' : null;
  if (!declared && l !== 'und' && l !== '') return null;
  const { han, latin } = hanAndLatin(paragraphs.join('\n').slice(0, 2000));
  // the declared language, unless the text plainly says otherwise (an English page declared zh:
  // a Chinese page has a Han character for every few Latin letters at the very least)
  if (declared === 'zh' && latin > 10 * han) return 'en';
  if (declared === 'en' && han > 10 * latin) return 'zh';
  if (declared) return declared;
  if (han > latin) return 'zh';
  return latin > 0 ? 'en' : null;
}

/** Offsets of each paragraph in the body text (paragraphs joined by "\n"). */
function paragraphStarts(paragraphs: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  return starts;
}

function spanOf(sentences: Sentence[], starts: number[]): Span | undefined {
  if (sentences.length === 0) return undefined;
  const first = sentences[0]!;
  const last = sentences[sentences.length - 1]!;
  return { start: starts[first.para]! + first.start, end: starts[last.para]! + last.end };
}

const totalWeight = (t: PreparedText): number => t.features.reduce((s, f) => s + f.weight, 0);

/**
 * Evidence that `page` translates `doc` (or a part of it), or `doc` translates `page`. Null when the
 * two are not one Chinese and one English text. Cost: one alignment of the two texts'
 * sentences (a few milliseconds for news-length articles), so call it on retrieved candidates only.
 */
export function translationEvidence(page: TranslationSide, doc: TranslationSide, lexicon: Lexicon, stock: StockTable = zhNewsStock()): TranslationEvidence | null {
  const ps = bilingualSide(page.lang, page.paragraphs);
  const ds = bilingualSide(doc.lang, doc.paragraphs);
  if (!ps || !ds || ps === ds) return null;
  const pageText = prepareText(page.paragraphs, ps === 'zh', lexicon);
  const docText = prepareText(doc.paragraphs, ds === 'zh', lexicon);
  const pageW = totalWeight(pageText);
  const docW = totalWeight(docText);
  if (pageW === 0 || docW === 0) return null;
  const beads = ps === 'zh' ? alignPrepared(pageText, docText) : alignPrepared(docText, pageText);
  const pageIdx = new Map(pageText.sentences.map((s, i) => [s, i]));
  const docIdx = new Map(docText.sentences.map((s, i) => [s, i]));
  // closely paired content words, all of them (similarity) and weighted by rarity (the decision)
  let pageCovered = 0;
  let docCovered = 0;
  let pageRare = 0;
  let docRare = 0;
  let pairs = 0;
  const pageSents: Sentence[] = [];
  const docSents: Sentence[] = [];
  // every paired bead, close or loose, weighted by rarity: how much of both texts follows the other in order
  let pagePaired = 0;
  let docPaired = 0;
  const looseScores: number[] = [];
  for (const b of beads) {
    if (b.zh.length === 0 || b.en.length === 0) continue;
    const onPage = ps === 'zh' ? b.zh : b.en;
    const onDoc = ps === 'zh' ? b.en : b.zh;
    let pw = 0;
    let dw = 0;
    for (const s of onPage) pw += pageText.features[pageIdx.get(s)!]!.weight;
    for (const s of onDoc) dw += docText.features[docIdx.get(s)!]!.weight;
    // a pair is evidence by the rare share of its Chinese side: a translated official formulation
    // pairs closely with that formulation in any unrelated article
    const rare = rareShare(b.zh.map((x) => x.text).join(''), stock);
    looseScores.push(b.score);
    pagePaired += pw * rare;
    docPaired += dw * rare;
    if (b.score < STRONG_BEAD) continue;
    pairs++;
    pageCovered += pw;
    docCovered += dw;
    pageRare += pw * rare;
    docRare += dw * rare;
    pageSents.push(...onPage);
    docSents.push(...onDoc);
  }
  looseScores.sort((a, b) => a - b);
  const followsWhole =
    looseScores.length >= WHOLE_BEADS &&
    pagePaired >= MIN_MASS &&
    pagePaired / pageW >= WHOLE_COVER &&
    docPaired / docW >= WHOLE_COVER &&
    looseScores[looseScores.length >> 1]! >= WHOLE_MEDIAN;
  const closely = pageRare >= MIN_MASS && (pageRare / pageW >= MIN_COVER || docRare / docW >= MIN_COVER);
  const out: TranslationEvidence = {
    score: round3(pageCovered / pageW),
    similarity: round3((pageCovered + docCovered) / (pageW + docW)),
    rareShare: pageCovered + docCovered > 0 ? round3((pageRare + docRare) / (pageCovered + docCovered)) : 1,
    isTranslation: closely || followsWhole,
    pairs,
  };
  const pageSpan = spanOf(pageSents, paragraphStarts(page.paragraphs));
  const docSpan = spanOf(docSents, paragraphStarts(doc.paragraphs));
  if (pageSpan) out.pageSpan = pageSpan;
  if (docSpan) out.docSpan = docSpan;
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Language-neutral keys of a text, for finding translation candidates through an index before
 * aligning: figures (n:1014 for 1014 and 1,014; n:10000000000 for 100亿 and 10 billion; p:95% ...)
 * and Latin tokens (l:ai, l:idc, l:5g). Years, dates, orders of magnitude and counts below 10 are
 * left out: every article has them.
 */
export function translationAnchors(text: string): string[] {
  const keys = new Set<string>();
  const numbers = findNumbers(text);
  for (const m of numbers) {
    if (m.kind === 'year' || m.kind === 'date' || m.kind === 'magnitude') continue;
    if ((m.kind === 'integer' || m.kind === 'ordinal') && m.value < 10) continue;
    keys.add(m.kind === 'percent' ? `p:${m.value}${m.unit ?? '%'}` : `n:${m.value}`);
  }
  // acronyms and alphanumeric codes, which a translation keeps as they are
  let rest = '';
  let at = 0;
  for (const m of numbers) {
    rest += text.slice(at, m.start) + ' ';
    at = m.end;
  }
  rest += text.slice(at);
  for (const m of rest.matchAll(/(?<![A-Za-z0-9])(?:[A-Z]{2,6}|[0-9]+[A-Za-z]+|[A-Za-z]+[0-9]+)(?![A-Za-z0-9])/g)) {
    keys.add(`l:${m[0].toLowerCase()}`);
  }
  return [...keys].sort();
}
