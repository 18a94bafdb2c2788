// Finding a page's versions in the corpus: retrieval through the fingerprint index, verification
// by locating the shared passages, a relation for each verified article, then the corpus's own
// relations to list the rest of each article's family.
//
// Retrieval never reads article texts: the page's sampled n-gram hashes are looked up in the
// inverted index (same language) and its figures in the anchor index (translations). Only the few
// candidates that share enough hashes have their text read and verified, so the cost of a page
// does not grow with the size of the corpus beyond the binary searches.
import { anchorHashes, fingerprint } from '../index/fingerprint';
import { conceptLookup, conceptTerms, type ConceptTerms } from '../index/concepts';
import type { Lexicon } from '../text/lexicon';
import { bilingualSide, translationEvidence } from './translation-evidence';
import { foldForMatch, toSimplified, urlSpans, type Folded } from '../text/normalize';
import { longestRun, prepareText, sharedRegionOf, textUnit, type PreparedText, type SharedRegion } from './passages';
import type { StockTable } from '../index/stock-table';
import { attributionSpans } from '../text/attribution';
import type { Lang, Match, Relation, Span } from '../types';
import { bestHits, lowerBound } from '../index/postings';
import type { Corpus, DocMeta, DocText } from '../index/types';

export interface PageText {
  title: string;
  lang: Lang;
  paragraphs: string[];
}

export interface FindOptions {
  /** Corpus ids to leave out (the page's own entry when a corpus article is matched against the rest). */
  exclude?: string[];
  /** Add family members reached through the corpus's own relations (default true). */
  family?: boolean;
  /**
   * The bilingual lexicon. With it, articles in the other language (Chinese <-> English) that state
   * the same figures are aligned with the page and reported as translations; without it,
   * translations are still listed as family members of a same-language match (their relations
   * were computed when the corpus was compiled).
   */
  lexicon?: Lexicon | null;
  /**
   * The page's index keys when they are already computed (compiling a corpus fingerprints every
   * article once and reuses the result); by default computed from the page.
   */
  keys?: PageKeys;
  /**
   * The page is an article of the corpus, matched for the corpus's own relations (compile.ts): an
   * excerpt only counts there with one rare stretch of CORPUS_EXCERPT_LONGEST, so a weak candidate
   * (few shared hashes, both texts long: an excerpt at best) is verified only when the passage
   * around its shared hashes is that long. The relations are the same; most chance candidates of a
   * large corpus are then never prepared (see WEAK_HITS).
   */
  corpusPair?: boolean;
}

/** What retrieval looks up: the page's sampled n-gram hashes, its figure/acronym anchors and its concept keys. */
export interface PageKeys {
  hashes: Uint32Array;
  anchors: Uint32Array;
  /** Absent: computed from the page when the corpus has concept keys and a lexicon is given. */
  concepts?: ConceptTerms;
}

// ---------------------------------------------------------------- thresholds
//
// Measured with `tests/unit/match.test.ts` over the corpus (leave-one-out), a Traditional rendering
// of 000, a commentary quoting two paragraphs of 000, and the 30 real-world pages (none a version).
//
// Retrieval: a candidate must share MIN_HITS sampled hashes, or one rare hash: one that at most
// two articles of the corpus contain, or at most two families of articles (an article and
// its known versions, joined by the corpus's same/reprint/translation relations). At SAMPLE 16 a
// quotation of 60 characters (the excerpt minimum below) brings ~3 hashes, and fewer than 2 about
// one time in six (the brief fixture quoting 75 characters of 000 brings exactly 2); a single hash
// found in one or two articles is already telling, while a single hash many unrelated articles
// share (a stock phrase below the boilerplate cut) is not worth reading texts for. Counting by
// family matters once an article has reprints in the corpus: a 65-character quotation of 000 in
// the bench brought one hash, found in 000, 002 and five planted reprints of 000, one family.
// 002 and 000 share 76 hashes, the commentary and 000 16, 003 or 004 and 000 none.
const MIN_HITS = 2;
/** A hash found in more articles than this is not rare, whatever their families (bounds the work per hash). */
const RARE_FAMILY_DF = 64;
/** Candidates verified per page, most hits first: verification reads text, so it is bounded. */
const MAX_CANDIDATES = 24;
/**
 * Translation candidates come from the concept keys (src/core/index/concepts.ts), best first: on
 * the translations development set (55 real documents) the true article came first for all 55 in
 * both directions, and with 11,859 unrelated Chinese articles in the corpus first for 53 and
 * second for one. Every candidate is verified by alignment, so the number read is the bound.
 */
const MAX_TRANSLATION_CANDIDATES = 6;
/**
 * A translation candidate is aligned only when its concept score (shared idf over both sides'
 * totals, 0..1) reaches this floor. Alignment costs a few milliseconds a candidate, and without a
 * floor every article of a bilingual corpus had six to align whether or not anything was near it:
 * compiling 1,000 bench articles (Chinese and English) took 58 s instead of 2. On the translations
 * development set, with 956 real Chinese articles beside the 44 sources, 87 of the 88 true pairs
 * (both directions) score 0.19-0.60 (the 88th, 0.084, is a garbled reference translation); a page's
 * unrelated candidates score 0.07 at the median and its best unrelated one 0.13-0.14 at the 95th
 * percentile, so the floor drops most of the work and verification still decides. 001 scores 0.20
 * against 000 in the bundled corpus; the bench's synthetic articles 0.02.
 */
const MIN_CONCEPT_SCORE = 0.1;
/**
 * An index without concept keys (compiled without the dictionary) falls back on anchors: articles
 * sharing this many figures and Latin tokens with the page (see anchorHashes). 001 shares 15 with
 * 000 and with 002, 1 with 003 and with 004.
 */
const MIN_ANCHORS = 5;

// Verification, on the passages sharedRegion finds (>= 10 Han characters or 5 words each):
// - same: the page carries all of the article and its shared region is nothing but the article's
//   text, after folding (width, punctuation, spacing, case and script); the 95% / 97% ratios below
//   only select the candidates for that exact check (000 as a page against 002, which cut 7% of
//   it, is 91% and a reprint either way). Site clutter and appended
//   material outside the region do not make a page that carries an article whole another version
//   of it: a portal page showing 002 with its navigation and comments is 002. Leave-one-out self
//   matches are 100%/100%.
const SAME_DOC = 0.95;
const SAME_PAGE = 0.97;
// - reprint: most of one text derives from the other. Either the page carries >= 50% of the
//   article and the page's shared region is >= 60% shared (002 vs 000: 73% and 98%; the site's
//   appended articles lie outside the region; 000 vs 002's own body: 98%), or, for an article whose
//   file still carries material of its own around the reprinted text, >= 70% of the page comes
//   from a dense region of the article that is >= 35% of it. Without that 35%, a short page that is
//   mostly one quoted sentence (65 of 125 characters) would count as a reprint of it.
const REPRINT_COVER = 0.5;
const REPRINT_DENSITY = 0.6;
const REVERSE_PAGE_COVER = 0.7;
const REVERSE_DOC_COVER = 0.35;
// A Traditional rendering of 000 has 34% of its Han characters in Traditional form (the pixnet
// blog in Traditional: 34% too), 000 and 002 0%; texts in one script differ by well under 1%.
const SCRIPT_GAP = 0.05;
// - excerpt: less than that, but real quoted text: >= 40 rare shared Han characters (40 words) in
//   all, with one rare stretch of >= 30 (20 words). A one-paragraph quotation of 40 characters
//   counts (realnews quotes of 41-99 characters: 24 of 25 pass in verification, against 15 with
//   60); stock phrases of the topic (为推进国家治理体系和治理能力现代化提供有力支撑, 23 characters)
//   are no rare text at all. The same-topic articles 003 and 004 share no passage of 10
//   characters with 000.
const EXCERPT_TOTAL = { han: 40, words: 40 };
const EXCERPT_LONGEST = { han: 30, words: 20 };
// - an excerpt between two articles of one corpus, asserted as a relation of the corpus (and shown
//   as a family), needs one rare stretch of 60 Han characters or 40 words: two stored articles
//   that share a sentence are more often two reports quoting the same speech or formula than one
//   copying the other. Among 2,000 real CCTV and 人民日报 articles, none a version of another, the
//   five excerpt relations the page bar let through were all such (longest rare stretches 30-57
//   characters: a leader's sentence, an event's name, a meeting's closing line); the test corpus's
//   article quoting one 65-character sentence of 000 stays related. The margin is thin and rests
//   on those few pairs; a brief quoting 000 in two short pieces (33 and 28) is no relation now. A
//   page is still matched at the bar above; only the corpus's own relations wait for more.
const CORPUS_EXCERPT_LONGEST = { han: 60, words: 40 };

// - not a version at all: a version derives from the other text, so on one side at least the
//   shared region is mostly the other's text (a reprint's region is the article, an excerpt's on
//   the page is the quotation, a rewrite keeps most of the wording on one side). When the shared
//   passages run through both texts from end to end (regions >= 80% of each, 3 passages or more)
//   and on neither side make up most of the region (density < 60%), what the two share is a form
//   filled in again: this year's report of an annual event beside last year's, one round of
//   inspections announced in last round's words, a notice for another official. On realnews all
//   four negatives the excerpt rule let through are such (densities 0.30-0.49 on both sides),
//   while every real pair of versions spread over both texts has one side at 0.66 or more.
const FORM_SPREAD = 0.8;
const FORM_MIN_PASSAGES = 3;

/** The unit a region's tokens are counted in: words where a token is several characters, else Han characters. */
const unitOf = (r: SharedRegion): 'words' | 'han' => (r.sharedChars > r.sharedTokens * 2 ? 'words' : 'han');

/** Whether the shared passages are one form's, filled in differently (see FORM_SPREAD). */
function sameForm(r: SharedRegion, pageDensity: number, docDensity: number): boolean {
  return (
    r.passages.length >= FORM_MIN_PASSAGES &&
    r.aRegionChars >= FORM_SPREAD * r.aChars &&
    r.bRegionChars >= FORM_SPREAD * r.bChars &&
    pageDensity < REPRINT_DENSITY &&
    docDensity < REPRINT_DENSITY
  );
}

// ---------------------------------------------------------------- verification

export interface Verdict {
  relation: Relation;
  similarity: number;
  /** Share of the shared folded characters that are rare (not stock text). */
  rareShare: number;
  pageSpan: Span;
  docSpan: Span;
}

/**
 * The relation between a page text and an article text of the same language, from their shared
 * passages; null when they are not versions of each other. Exported for calibration and tests.
 */
export function classify(r: SharedRegion | null): Omit<Verdict, 'pageSpan' | 'docSpan'> | null {
  if (!r || r.sharedChars === 0) return null;
  const S = r.sharedChars;
  const docCover = S / Math.max(1, r.bChars);
  const pageCover = S / Math.max(1, r.aChars);
  const pageDensity = S / Math.max(1, r.aRegionChars);
  const docDensity = S / Math.max(1, r.bRegionChars);
  // similarity: Dice over the article and the page's shared region, so that clutter and appended
  // material outside the region do not dilute it, while edits inside it do
  const similarity = Math.min(1, (2 * S) / (r.bChars + r.aRegionChars));
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  const rareShare = round(r.rareChars / S);
  if (docCover >= SAME_DOC && pageDensity >= SAME_PAGE) {
    // `same` means nothing of the article body differs after folding: every folded character of
    // the article is shared, and nothing unshared stands inside the page's shared region. The
    // ratios above only let a candidate this far; a deleted sentence (3% of an article), a changed
    // digit or a cut qualifier leaves them above 95% and makes the page a reprint here.
    if (r.sharedChars >= r.bChars && r.sharedChars >= r.aRegionChars) return { relation: 'same', similarity: round(similarity), rareShare };
  }
  // the same ratios over rare text only (see passages.ts): a template sibling shares the form, not
  // the names, places and figures in its slots, so little of the article's rare text is carried
  const rareDocCover = r.rareChars / Math.max(1, r.bRareChars);
  const rarePageCover = r.rareChars / Math.max(1, r.aRareChars);
  const pageFromDoc = docCover >= REPRINT_COVER && pageDensity >= REPRINT_DENSITY && rareDocCover >= REPRINT_COVER;
  const docFromPage =
    pageCover >= REVERSE_PAGE_COVER && docDensity >= REPRINT_DENSITY && docCover >= REVERSE_DOC_COVER && rarePageCover >= REVERSE_PAGE_COVER && rareDocCover >= REVERSE_DOC_COVER;
  if (pageFromDoc || docFromPage) {
    return { relation: 'reprint', similarity: round(similarity), rareShare };
  }
  // the same form filled in again (see FORM_SPREAD), not a text quoting the other
  if (sameForm(r, pageDensity, docDensity)) return null;
  // an excerpt needs quoted rare text: stock formulations and template sentences do not count
  const unit = unitOf(r);
  if (r.rareTokens >= EXCERPT_TOTAL[unit] && r.rareLongestTokens >= EXCERPT_LONGEST[unit]) {
    return { relation: 'excerpt', similarity: round(similarity), rareShare };
  }
  return null;
}

/** Whether an excerpt found between two corpus articles quotes enough to be a relation of the corpus (CORPUS_EXCERPT_LONGEST). */
export function corpusExcerptHolds(a: PreparedText, b: PreparedText, stock?: StockTable): boolean {
  const r = sharedRegionOf(a, b, stock ? { stock } : {});
  if (!r) return false;
  const unit = unitOf(r);
  return r.rareLongestTokens >= CORPUS_EXCERPT_LONGEST[unit];
}

/** Share of Han characters that are Traditional forms (change under Traditional -> Simplified). */
function traditionalShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  if (han.length === 0) return 0;
  const simp = toSimplified(han.join(''));
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (simp[i] !== han[i]) changed++;
  return changed / han.length;
}

/**
 * Verifies one same-language candidate. `same` means only formatting differs (width, spaces,
 * punctuation, quotes); a rendering in the other script (Simplified <-> Traditional, where about
 * a third of the characters change) or with its paragraphs reordered is an edition of its own,
 * so it is a reprint.
 */
export function verify(pageBody: string, docBody: string): Verdict | null {
  return verifyPrepared(prepareText(pageBody), prepareText(docBody));
}

/** Letters and digits of text[from, to) that none of the spans covers. */
function uncovered(text: string, from: number, to: number, spans: Span[]): number {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  let n = 0;
  let s = 0;
  for (let i = from; i < to; i++) {
    while (s < sorted.length && sorted[s]!.end <= i) s++;
    if (s < sorted.length && sorted[s]!.start <= i) {
      i = sorted[s]!.end - 1;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(text[i]!)) n++;
  }
  return n;
}

/**
 * Whether all that the two texts do not share is attribution (a credit line, a dateline, a byline,
 * an editor line: see attribution.ts), in all of the article and in the page's shared region: the
 * same wire story carried by two outlets, each with its own credit, is the same text.
 */
function onlyAttributionDiffers(page: PreparedText, doc: PreparedText, r: SharedRegion): boolean {
  if (r.sharedChars < SAME_DOC * r.bChars || r.sharedChars < SAME_PAGE * r.aRegionChars) return false;
  // web addresses are no text of the article either (matching skips them: a tracking link is padding)
  const docOut = uncovered(doc.text, 0, doc.text.length, [...r.passages.map((p) => p.b), ...attributionSpans(doc.text), ...urlSpans(doc.text)]);
  if (docOut > 0) return false;
  return uncovered(page.text, r.a.start, r.a.end, [...r.passages.map((p) => p.a), ...attributionSpans(page.text), ...urlSpans(page.text)]) === 0;
}

/** verify() of two prepared texts (see PreparedText). */
export function verifyPrepared(page: PreparedText, doc: PreparedText, stock?: StockTable): Verdict | null {
  const r = sharedRegionOf(page, doc, stock ? { stock } : {});
  const c = classify(r);
  if (!c || !r) return null;
  if (c.relation === 'reprint' && onlyAttributionDiffers(page, doc, r)) c.relation = 'same';
  if (c.relation === 'same') {
    const scriptGap = Math.abs(traditionalShare(page.text.slice(r.a.start, r.a.end)) - traditionalShare(doc.text.slice(r.b.start, r.b.end)));
    // passages come in the page's order; the same text has them in the article's order too
    const reordered = r.passages.some((p, i) => i > 0 && p.b.start < r.passages[i - 1]!.b.start);
    if (scriptGap > SCRIPT_GAP || reordered) c.relation = 'reprint';
  }
  return { ...c, pageSpan: r.a, docSpan: r.b };
}

/**
 * Corpus articles prepared for verification, kept per loaded corpus: the articles one page
 * retrieves are mostly the articles the next page of the same story retrieves (a text and its
 * versions), and preparing an article costs more than comparing it. Bounded, least recently used
 * first out: ~40 KB each for a 2,000-character article.
 */
const PREPARED_KEPT = 128;
const preparedCache = new WeakMap<Corpus, Map<number, PreparedText>>();
function preparedDoc(corpus: Corpus, doc: number, text: DocText): PreparedText {
  let kept = preparedCache.get(corpus);
  if (!kept) preparedCache.set(corpus, (kept = new Map()));
  let p = kept.get(doc);
  if (p) kept.delete(doc);
  else {
    p = prepareText(text.paragraphs.join('\n'));
    if (kept.size >= PREPARED_KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(doc, p);
  return p;
}

/** Forgets the prepared articles of a corpus (the bench measures the cost of preparing them, too). */
export function forgetPreparedArticles(corpus: Corpus): void {
  preparedCache.delete(corpus);
}

// ---------------------------------------------------------------- retrieval

export interface Candidate {
  doc: number;
  /** Shared sampled hashes (same language); for a translation, the concept score in thousandths (or shared anchors). */
  hits: number;
  crossLanguage: boolean;
  /**
   * For a weak same-language candidate (at most WEAK_HITS hits): the hashes it shares, and where
   * their grams are in the page when retrieval knew it (offsets into paragraphs.join('\n')).
   */
  shared?: number[];
  sharedSpans?: Array<Span | undefined>;
}

/** The relations that make two articles versions of one text (an excerpt is another article). */
const JOINS: ReadonlySet<Relation> = new Set<Relation>(['same', 'reprint', 'translation']);

const familyCache = new WeakMap<Corpus, Int32Array>();
/**
 * The family number of each article: articles joined, directly or through others, by a same,
 * reprint or translation relation of the corpus share one; an article without versions is alone.
 */
export function families(corpus: Corpus): Int32Array {
  let fam = familyCache.get(corpus);
  if (fam) return fam;
  const n = corpus.docs.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const r of corpus.relations) {
    if (!JOINS.has(r.relation)) continue;
    const a = root(corpus.byId.get(r.a)!);
    const b = root(corpus.byId.get(r.b)!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  fam = new Int32Array(n);
  for (let i = 0; i < n; i++) fam[i] = root(i);
  familyCache.set(corpus, fam);
  return fam;
}

/** Whether a hash with the posting list docs[from..to) is rare (at most two families); excluded articles do not count. */
function rareHash(fam: Int32Array, excluded: Set<number>): (docs: Uint32Array, from: number, to: number) => boolean {
  return (docs, from, to) => {
    if (to - from > RARE_FAMILY_DF) return false;
    // at most two distinct families among the articles
    let f1 = -1;
    let f2 = -1;
    for (let i = from; i < to; i++) {
      const d = docs[i]!;
      if (excluded.has(d)) continue;
      const f = fam[d]!;
      if (f === f1 || f === f2) continue;
      if (f1 < 0) f1 = f;
      else if (f2 < 0) f2 = f;
      else return false;
    }
    return true;
  };
}

/** The page's index keys (see FindOptions.keys). */
export function pageKeys(body: string): PageKeys {
  return { hashes: fingerprint(body).hashes, anchors: anchorHashes(body) };
}

const excludedDocs = (corpus: Corpus, opts: FindOptions): Set<number> =>
  new Set((opts.exclude ?? []).map((id) => corpus.byId.get(id)).filter((d) => d !== undefined));

/**
 * The same-language candidates alone: the part of retrieval the corpus's families change (the
 * cross-language part depends on the concept table and languages only).
 */
export function sameLanguageCandidates(page: PageText, corpus: Corpus, opts: FindOptions = {}, excluded = excludedDocs(corpus, opts)): Candidate[] {
  const out: Candidate[] = [];
  const fp = opts.keys ? null : fingerprint(page.paragraphs.join('\n'), true);
  const hashes = opts.keys?.hashes ?? fp!.hashes;
  const same = bestHits(corpus.postings, hashes, { isRare: rareHash(families(corpus), excluded), remember: WEAK_HITS, minHits: MIN_HITS, limit: MAX_CANDIDATES, docs: corpus.docs.length, skip: (d) => excluded.has(d) });
  for (const [doc, h] of same) {
    const weak = h.hits <= WEAK_HITS ? { shared: h.shared, ...(fp?.spans ? { sharedSpans: h.shared.map((x) => fp.spans!.get(x)) } : {}) } : {};
    out.push({ doc, hits: h.hits, crossLanguage: false, ...weak });
  }
  return out;
}

/** The corpus articles worth verifying for a page, from the index alone (no texts read). */
export function candidates(page: PageText, corpus: Corpus, opts: FindOptions = {}): Candidate[] {
  const excluded = excludedDocs(corpus, opts);
  const out = sameLanguageCandidates(page, corpus, opts, excluded);
  const body = opts.keys ? '' : page.paragraphs.join('\n');
  const pageSide = opts.lexicon ? bilingualSide(page.lang, page.paragraphs) : null;
  // a corpus with no article in the other language (most Chinese news corpora) has no translation
  // to find: neither the page's concept keys nor a walk of the table's postings is worth making
  if (pageSide && opts.lexicon && holdsSide(corpus, pageSide === 'zh' ? 'en' : 'zh')) {
    const { sides } = corpusSides(corpus);
    const wanted = pageSide === 'zh' ? SIDE_EN : SIDE_ZH;
    const keep = (d: number): boolean => sides[d] === wanted && !excluded.has(d);
    if (corpus.concepts) {
      const terms = opts.keys?.concepts ?? conceptTerms(page.paragraphs, pageSide, opts.lexicon);
      for (const h of conceptLookup(terms, corpus.concepts, MAX_TRANSLATION_CANDIDATES, keep)) {
        if (h.score < MIN_CONCEPT_SCORE) break; // best first
        out.push({ doc: h.doc, hits: Math.round(h.score * 1000), crossLanguage: true });
      }
    } else {
      const cross = bestHits(corpus.anchors, opts.keys?.anchors ?? anchorHashes(body), { minHits: MIN_ANCHORS, limit: MAX_TRANSLATION_CANDIDATES, docs: corpus.docs.length, skip: (d) => !keep(d) });
      for (const [doc, h] of cross) out.push({ doc, hits: h.hits, crossLanguage: true });
    }
  }
  return out;
}

const SIDE_ZH = 1;
const SIDE_EN = 2;
const sidesCache = new WeakMap<Corpus, { sides: Uint8Array; zh: boolean; en: boolean }>();
/** Each article's side of the Chinese/English pair by its declared language (SIDE_ZH, SIDE_EN, else 0), and which sides occur, once per loaded corpus. */
function corpusSides(corpus: Corpus): { sides: Uint8Array; zh: boolean; en: boolean } {
  let c = sidesCache.get(corpus);
  if (!c) {
    // by language code, of which a corpus has a handful: 100,000 articles' codes lower-cased and compared were 10 ms of a worker's first page
    const byLang = new Map<string, number>();
    const sides = new Uint8Array(corpus.docs.length);
    for (let i = 0; i < sides.length; i++) {
      const lang = corpus.docs[i]!.lang;
      let side = byLang.get(lang);
      if (side === undefined) byLang.set(lang, (side = otherSide(lang, 'en') ? SIDE_ZH : otherSide(lang, 'zh') ? SIDE_EN : 0));
      sides[i] = side;
    }
    c = { sides, zh: sides.includes(SIDE_ZH), en: sides.includes(SIDE_EN) };
    sidesCache.set(corpus, c);
  }
  return c;
}

/** Whether the corpus holds any article declared in that language (the articles keep() can return). */
function holdsSide(corpus: Corpus, side: 'zh' | 'en'): boolean {
  return corpusSides(corpus)[side];
}

/** Whether an article's language is the other side of a Chinese/English pair. */
function otherSide(docLang: Lang, pageSide: 'zh' | 'en'): boolean {
  const l = docLang.toLowerCase();
  return pageSide === 'zh' ? l.startsWith('en') : l.startsWith('zh');
}

// ---------------------------------------------------------------- the whole search

function toMatch(meta: DocMeta, v: { relation: Relation; similarity: number; rareShare?: number; pageSpan?: Span; docSpan?: Span }): Match {
  return {
    id: meta.id,
    relation: v.relation,
    similarity: v.similarity,
    ...(v.rareShare !== undefined ? { rareShare: v.rareShare } : {}),
    title: meta.title,
    lang: meta.lang,
    ...(v.pageSpan ? { pageSpan: v.pageSpan } : {}),
    ...(v.docSpan ? { docSpan: v.docSpan } : {}),
  };
}

// ---------------------------------------------------------------- the local check of weak candidates
//
// A candidate that shares only a few sampled hashes with the page is mostly chance: two articles
// on one topic share stock phrases of 10-19 characters. Preparing its whole text to find that out
// costs about as much as fingerprinting the page, so it is first looked at where it shares them:
// each shared gram is found in the article's text as written, and the passage around it measured
// on a few hundred characters of the article against the page. Only when one of those passages is long (LOCAL_RUN) is
// the candidate verified; a gram not found as written (another width, other punctuation) is
// verified too. With few hits and both texts long, only an excerpt is within reach, and an excerpt
// needs a passage of 30 Han characters or 20 words: one the page's hits lie in unless its
// quotation brought no sampled hash at all while a separate chance phrase did.
/** Candidates sharing at most this many sampled hashes are checked locally first. */
const WEAK_HITS = 4;
/** Both texts must have at least this many folded characters (a short one can be a reprint of few hashes). */
const LOCAL_MIN_CHARS = 400;
/** Characters of context taken on each side of a shared gram. */
const LOCAL_CONTEXT = 200;
/** A passage this long around a shared gram (tokens) makes the candidate worth verifying. */
const LOCAL_RUN = { han: 20, words: 12 };
/** Places in the article a shared gram is looked at. */
const LOCAL_PLACES = 3;

/** Whether a weak candidate shares a long passage where it shares its sampled hashes (see above). */
function worthVerifying(page: PreparedText, spans: Array<Span | undefined>, docBody: string, run = LOCAL_RUN): boolean {
  const unit = textUnit(page);
  const needed = unit.han ? run.han : run.words;
  // the article's text around a place of the gram against the whole page (whose window table is built once)
  const runAround = (from: number, to: number): boolean =>
    longestRun(page, prepareText(docBody.slice(Math.max(0, from - LOCAL_CONTEXT), to + LOCAL_CONTEXT)), unit.minTokens) >= needed;
  let docFolded: Folded | null = null;
  for (const span of spans) {
    if (!span) return true;
    const gram = page.text.slice(span.start, span.end);
    let at = docBody.indexOf(gram);
    if (at >= 0) {
      for (let n = 0; at >= 0 && n < LOCAL_PLACES; n++, at = docBody.indexOf(gram, at + 1)) if (runAround(at, at + gram.length)) return true;
      continue;
    }
    // written otherwise there (other punctuation between the characters, the other script, another
    // width): the gram is looked for in both texts as folded for matching, where the hash was made
    // (the article's fold is remembered, so verifying it next does not fold it again). Not there
    // at all: the two hashes collided.
    docFolded ??= foldForMatch(docBody);
    const fgram = foldedSlice(page.folded, span);
    at = fgram ? docFolded.text.indexOf(fgram) : -1;
    for (let n = 0; at >= 0 && n < LOCAL_PLACES; n++, at = docFolded.text.indexOf(fgram, at + 1)) {
      if (runAround(docFolded.map[at]!, docFolded.map[at + fgram.length - 1]! + 1)) return true;
    }
  }
  return false;
}

/** The folded text of an original span [start, end) (folded.map is ascending). */
function foldedSlice(folded: Folded, span: Span): string {
  const map = folded.map.subarray(0, folded.text.length);
  return folded.text.slice(lowerBound(map, span.start), lowerBound(map, span.end));
}

/** The direct matches: candidates verified against their text. Needs the corpus texts of the candidates. */
function directMatches(page: PageText, corpus: Corpus, cands: Candidate[], lexicon: Lexicon | null, corpusPair = false): Match[] {
  let prepared: PreparedText | null = null;
  let pageSpans: Map<number, Span> | null = null;
  const out: Match[] = [];
  for (const c of cands) {
    const meta = corpus.docs[c.doc]!;
    const text = corpus.text(meta.id);
    if (c.crossLanguage) {
      const e = lexicon ? translationEvidence(page, { lang: meta.lang, paragraphs: text.paragraphs }, lexicon, corpus.stock) : null;
      if (e?.isTranslation) {
        const spans = { ...(e.pageSpan ? { pageSpan: e.pageSpan } : {}), ...(e.docSpan ? { docSpan: e.docSpan } : {}) };
        out.push(toMatch(meta, { relation: 'translation', similarity: e.similarity, rareShare: e.rareShare, ...spans }));
      }
    } else {
      prepared ??= prepareText(page.paragraphs.join('\n'));
      if (c.shared && textUnit(prepared).chars >= LOCAL_MIN_CHARS && meta.chars >= LOCAL_MIN_CHARS) {
        let spans = c.sharedSpans;
        if (!spans) {
          pageSpans ??= fingerprint(prepared.text, true).spans!;
          spans = c.shared.map((h) => pageSpans!.get(h));
        }
        if (!worthVerifying(prepared, spans, text.paragraphs.join('\n'), corpusPair ? CORPUS_EXCERPT_LONGEST : LOCAL_RUN)) continue;
      }
      const v = verifyPrepared(prepared, preparedDoc(corpus, c.doc, text), corpus.stock);
      if (v) out.push(toMatch(meta, v));
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id));
}

interface Link {
  other: string;
  relation: Relation;
  similarity: number;
}
/** Relations by article, built once per loaded corpus rather than on every page. */
const linkCache = new WeakMap<Corpus, Map<string, Link[]>>();
function linksOf(corpus: Corpus): Map<string, Link[]> {
  let links = linkCache.get(corpus);
  if (!links) {
    const made = new Map<string, Link[]>();
    const add = (from: string, link: Link): void => {
      const list = made.get(from);
      if (list) list.push(link);
      else made.set(from, [link]);
    };
    for (const r of corpus.relations) {
      add(r.a, { other: r.b, relation: r.relation, similarity: r.similarity });
      add(r.b, { other: r.a, relation: r.relation, similarity: r.similarity });
    }
    links = made;
    linkCache.set(corpus, links);
  }
  return links;
}

/**
 * The rest of the family of the direct matches, from the relations computed at compile time: a
 * page matching 000 also lists 002 (reprint of 000) and 001 (translation of 000), `via` 000. The
 * relation and similarity shown are those between the member and the article it was reached
 * through. The walk goes on through same/reprint/translation links (versions of versions) but
 * stops after an excerpt link, so that one shared quotation does not chain unrelated articles.
 */
function familyMatches(corpus: Corpus, direct: Match[], excluded: Set<string>): Match[] {
  const seen = new Set([...direct.map((m) => m.id), ...excluded]);
  const links = linksOf(corpus);
  const out: Match[] = [];
  // breadth first from the strongest direct match, so that `via` names the closest known version
  const queue: Array<{ id: string; passOn: boolean }> = direct.map((m) => ({ id: m.id, passOn: true }));
  while (queue.length > 0) {
    const { id, passOn } = queue.shift()!;
    if (!passOn) continue;
    for (const l of links.get(id) ?? []) {
      if (seen.has(l.other)) continue;
      seen.add(l.other);
      const meta = corpus.docs[corpus.byId.get(l.other)!]!;
      out.push({ ...toMatch(meta, l), via: id });
      queue.push({ id: l.other, passOn: l.relation !== 'excerpt' });
    }
  }
  return out;
}

/**
 * The corpus versions of a page, strongest first: direct matches (verified on their text), then
 * family members reached through them (`via`). pageSpan and docSpan are offsets into
 * paragraphs.join('\n') of the page and of the article. Synchronous: the corpus texts must be
 * loadable without waiting (the CLI) or already loaded (the extension: see findVersionsLoading).
 */
export function findVersions(page: PageText, corpus: Corpus, opts: FindOptions = {}): Match[] {
  const cands = candidates(page, corpus, opts);
  if (cands.length === 0) return [];
  const lexicon = opts.lexicon ?? null;
  const excluded = new Set(opts.exclude ?? []);
  const found = directMatches(page, corpus, cands.filter((c) => !c.crossLanguage), lexicon, opts.corpusPair);
  const pageText = page.paragraphs.join('\n');
  const same = found.filter((m) => !explainedByAnother(m, found, pageText));
  // an article in the other language that is already a same-language match, or family of one (001,
  // the translation of 000, for a page quoting 000), is listed once, through that match
  const related = new Set([...same.map((m) => m.id), ...familyMatches(corpus, same, excluded).map((m) => m.id)]);
  const crossCands = cands.filter((c) => c.crossLanguage && !related.has(corpus.docs[c.doc]!.id));
  const direct = [...same, ...directMatches(page, corpus, crossCands, lexicon)].sort(
    (x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id),
  );
  if (opts.family === false || direct.length === 0) return direct;
  return [...direct, ...familyMatches(corpus, direct, excluded)];
}

/** Han characters, or words where the text is not Chinese, of `text`. */
function tokenCount(text: string): { n: number; unit: 'han' | 'words' } {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return han * 2 >= words ? { n: han, unit: 'han' } : { n: words, unit: 'words' };
}

/**
 * Whether an excerpt match is explained by a fuller one: what it shares with the page lies inside
 * what the page shares with another article, and is shorter than a relation of the corpus needs
 * (CORPUS_EXCERPT_LONGEST). The two articles share a sentence (both quote the same speech, as two
 * stored articles sharing a sentence usually do), and the page carries one of them: on realnews a
 * page quoting a paragraph of one CCTV story was also an "excerpt" of another that quotes the same
 * 49 characters of a speech. As a corpus relation it was dropped; through a page, likewise.
 */
function explainedByAnother(m: Match, all: readonly Match[], pageText: string): boolean {
  const inner = m.pageSpan;
  if (m.relation !== 'excerpt' || !inner) return false;
  const size = tokenCount(pageText.slice(inner.start, inner.end));
  if (size.n >= CORPUS_EXCERPT_LONGEST[size.unit]) return false;
  return all.some((o) => o !== m && o.pageSpan !== undefined && o.pageSpan.start <= inner.start && o.pageSpan.end >= inner.end && o.pageSpan.end - o.pageSpan.start > inner.end - inner.start);
}

/** findVersions for the extension: loads the corpus texts only when the index found candidates. */
export async function findVersionsLoading(page: PageText, corpus: Corpus, opts: FindOptions = {}): Promise<Match[]> {
  const cands = candidates(page, corpus, opts);
  if (cands.length === 0) return [];
  // the candidates' texts, and those of the family members that may be compared next
  const ids = cands.map((c) => corpus.docs[c.doc]!.id);
  if (!corpus.textsLoaded(ids)) await corpus.loadTexts(ids);
  return findVersions(page, corpus, opts);
}
