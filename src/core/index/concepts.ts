// Cross-language retrieval by meaning: each article becomes a weighted bag of English stems, the
// way the best systems of the WMT16 bilingual document alignment task compared documents (a bag of
// translated words, weighted by rarity). English text gives its own content words; Chinese text
// gives, for every word of two or more characters the dictionary knows (longest match), the stems
// of its English glosses, each a share of the word (CC-CEDICT glosses places and many names:
// 郑州 "Zhengzhou"). Figures and acronyms (anchorHashes) are keys too, as evidence among the words
// rather than a gate. Names the dictionary lacks are not keys (pinyin for them was tried during
// development and left out; the development set finds every source without it).
//
// An article is indexed by its CONCEPT_KEYS most telling keys (tf-idf, idf over the corpus), so
// the table stays a few hundred bytes per article; a page is looked up with its own most telling
// keys among those the corpus knows, and an article scores the rarity it shares with the page,
// normalised by both sides' rarity (a cosine of idf-weighted key sets). Only the best few are
// read and verified by alignment (translation-evidence.ts): the lookup never scans the corpus.
import { anchorHashes, hashKey } from './fingerprint';
import { EN_STOP, stemEnglish, type Lexicon } from '../text/lexicon';
import { toSimplified } from '../text/normalize';
import { buildPostings, gallop, lowerBound } from './postings';
import type { Postings } from './types';

/** Keys kept per article (and per page): 96 of an article's ~300-600 distinct keys hold its rare words. */
export const CONCEPT_KEYS = 96;

/**
 * A text's keys, ascending, each with its weight in the text (occurrences; a Chinese word's weight
 * shared among its glosses). Two typed arrays rather than a Map: a corpus build keeps every
 * article's terms until the index is made and sends them between threads, and at 100,000 articles
 * a Map each (hundreds of entries) was gigabytes of heap that the garbage collector walked again and
 * again, and slow to copy.
 */
export interface ConceptTerms {
  keys: Uint32Array;
  weights: Float64Array;
}

/** Key -> weight, while a text's terms are counted. */
type TermCounts = Map<number, number>;

/** The counted terms as ConceptTerms (keys ascending). */
export function termsOf(counts: ReadonlyMap<number, number>): ConceptTerms {
  const keys = Uint32Array.from(counts.keys()).sort();
  const weights = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) weights[i] = counts.get(keys[i]!)!;
  return { keys, weights };
}

/** The concept table of a loaded corpus. */
export interface ConceptIndex {
  postings: Postings;
  /** Keys the corpus indexes, ascending, with the number of articles (of `articles`) holding each anywhere. */
  keys: Uint32Array;
  df: Uint32Array;
  articles: number;
  /** Per doc number: the sum of idf over its indexed keys (0 for an article without any). */
  norms: Float64Array;
}

const LATIN = /[A-Za-z][A-Za-z'’-]*/g;

const stemKey = (stem: string): number => hashKey(`w:${stem}`);

function add(terms: TermCounts, key: number, w: number): void {
  terms.set(key, (terms.get(key) ?? 0) + w);
}

// The keys of each English word as written (one per part of a hyphenated word, none for a function
// word), remembered: a corpus build meets the same few thousand words in every article, and
// stemming and hashing them again was a tenth of the concept keys' time. Forgotten whole past
// WORDS_KEPT words, so a long-lived worker stays small.
const WORDS_KEPT = 50_000;
const wordKeys = new Map<string, number[]>();
function keysOfWord(word: string): number[] {
  let keys = wordKeys.get(word);
  if (!keys) {
    keys = [];
    for (const part of word.replace(/’/g, "'").toLowerCase().split('-')) {
      if (part.length >= 2 && !EN_STOP.has(part)) keys.push(stemKey(stemEnglish(part)));
    }
    if (wordKeys.size >= WORDS_KEPT) wordKeys.clear();
    wordKeys.set(word, keys);
  }
  return keys;
}

function addEnglish(terms: TermCounts, text: string, weight = 1): void {
  for (const m of text.matchAll(LATIN)) for (const k of keysOfWord(m[0])) add(terms, k, weight);
}

/** The keys of a headword's gloss stems, kept per stems list (the lexicon keeps one list per word). */
const stemKeys = new WeakMap<string[], Uint32Array>();
function keysOf(stems: string[]): Uint32Array {
  let keys = stemKeys.get(stems);
  if (!keys) stemKeys.set(stems, (keys = Uint32Array.from(stems, stemKey)));
  return keys;
}

function addChinese(terms: TermCounts, text: string, lexicon: Lexicon): void {
  const simp = toSimplified(text).normalize('NFKC');
  addEnglish(terms, simp, 1); // Latin words inside Chinese text: names, acronyms
  for (const m of simp.matchAll(/\p{Script=Han}+/gu)) {
    const han = m[0];
    for (let i = 0; i < han.length; ) {
      // the longest headword of two or more characters here (longestWord, without its one-character
      // case): single characters are left out, dozens of senses each, they would fill the bag with noise
      let len = lexicon.longestAt(han, i);
      let stems: string[] | undefined;
      for (; len > 1; len--) if ((stems = lexicon.glosses.get(han.slice(i, i + len)))) break;
      if (len > 1 && stems) {
        const w = 1 / stems.length;
        for (const k of keysOf(stems)) add(terms, k, w);
        i += len;
      } else i += 1;
    }
  }
}

/** The concept keys of a text on one side of the language pair, with their weights (`anchors`: the text's anchorHashes, when already computed). */
export function conceptTerms(paragraphs: string[], side: 'zh' | 'en', lexicon: Lexicon, anchors?: Uint32Array): ConceptTerms {
  const terms: TermCounts = new Map();
  const text = paragraphs.join('\n');
  if (side === 'en') addEnglish(terms, text);
  else addChinese(terms, text, lexicon);
  for (const a of anchors ?? anchorHashes(text)) add(terms, a, 1);
  return termsOf(terms);
}

const idfOf = (df: number, n: number): number => Math.log(1 + n / df);

/**
 * The positions of the `limit` best of keys[0..n) by score, best first, ties by key (so the choice
 * is stable). The limit-th best score comes from a native sort of the scores alone (an article has
 * hundreds of keys: sorting them all as pairs was a tenth of a build); only the keys at or above it
 * are ordered.
 */
function bestKeys(keys: Uint32Array, scores: Float64Array, n: number, limit: number): number[] {
  const cut = n > limit ? scores.slice(0, n).sort()[n - limit]! : -Infinity;
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i]! >= cut) chosen.push(i);
  chosen.sort((x, y) => scores[y]! - scores[x]! || keys[x]! - keys[y]!);
  if (chosen.length > limit) chosen.length = limit;
  return chosen;
}

/** The `limit` keys of `terms` with the highest weight x idf (see bestKeys). */
function topKeys(terms: ConceptTerms, idf: (key: number) => number, limit: number): number[] {
  const m = terms.keys.length;
  const keys = new Uint32Array(m);
  const scores = new Float64Array(m);
  let n = 0;
  for (let j = 0; j < m; j++) {
    const k = terms.keys[j]!;
    const i = idf(k);
    if (i > 0) {
      keys[n] = k;
      scores[n++] = Math.log1p(terms.weights[j]!) * i;
    }
  }
  return bestKeys(keys, scores, n, limit).map((i) => keys[i]!);
}

/**
 * A key among the chosen keys of more articles than this is left out of the postings (its df and
 * its share of each article's norm are kept). A share of the corpus, so that the same part of the
 * vocabulary is left out at every size and scores mean the same thing at 1,000 articles and at
 * 100,000: with the fingerprints' boilerplate limit (100 articles up to 20,000) the cut took ever
 * commoner words as the corpus grew, and scores drifted (see buildConcepts). 100 at least, as
 * before, for a small corpus. 2%: on the translations set with the 11,804 real Chinese articles
 * of realnews beside its 55 sources, 54 of 55 English pages find their source (as with the old
 * cut) while the unrelated articles aligned per page fall from 1.89 to 0.16; at 5% 0.78, at the
 * old cut (100) 47 of 55. Tuned on that one set: it rests on the shape of news vocabulary.
 */
export function conceptMaxDf(articles: number): number {
  return Math.max(100, Math.ceil(articles * 0.02));
}

export interface BuiltConcepts {
  postings: Postings;
  keys: Uint32Array;
  df: Uint32Array;
  /** Per article, the idf of all its chosen keys in thousandths (absent: from the postings alone). */
  norms?: Uint32Array;
}

/**
 * The concept table of a corpus from its articles' terms (null for an article on neither side).
 * df counts every article holding a key anywhere; an article is indexed under its top keys, and a
 * key among the top keys of more than maxDf articles (conceptMaxDf) is left out of the postings,
 * as boilerplate hashes are: its idf is low whatever it is, and its posting list would be most of a
 * lookup's work. It stays known, with its df, and in each article's norm, so that a page and an
 * article are still compared over all their chosen keys: when the norms counted only the keys left
 * in the postings, an article with few of them left scored high on little, and the more articles
 * the corpus held the fewer were left (bench synthetic articles: 50 of 96 at 5,000 articles, 18 at
 * 20,000; an unrelated article's best score 0.034 -> 0.083, and the articles aligned per page by
 * the 0.1 floor 0 -> 0.33, the build's largest cost at 20,000).
 */
export function buildConcepts(perDoc: Array<ConceptTerms | null>, maxDf: number): BuiltConcepts {
  const df = new KeyCounts();
  let n = 0;
  for (const t of perDoc) {
    if (!t) continue;
    n++;
    for (const k of t.keys) df.add(k);
  }
  const idf = (k: number): number => idfOf(df.get(k), n);
  const chosen = perDoc.map((t) => Uint32Array.from(t ? topKeys(t, idf, CONCEPT_KEYS) : []).sort());
  const { postings } = buildPostings(chosen, maxDf);
  // the keys dropped from the postings stay known, with their df, and in each article's norm: a
  // page and an article are compared over all their chosen keys (see conceptLookup)
  const known = new Set<number>();
  for (const c of chosen) for (const k of c) known.add(k);
  const keys = Uint32Array.from(known).sort();
  const norms = Uint32Array.from(chosen, (c) => Math.round(c.reduce((s, k) => s + idf(k), 0) * 1000));
  return { postings, keys, df: Uint32Array.from(keys, (k) => df.get(k)), norms };
}

/**
 * How many times each 32-bit key was added: an open-addressing table of typed arrays. A Map of the
 * corpus's distinct concept keys (millions at 100,000 articles), asked once per key of every
 * article, was most of making the concept table.
 */
class KeyCounts {
  private slots = new Uint32Array(1 << 16);
  private counts = new Uint32Array(1 << 16);
  private used = 0;

  private find(key: number): number {
    const mask = this.slots.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.counts[i] !== 0 && this.slots[i] !== key) i = (i + 1) & mask;
    return i;
  }

  add(key: number): void {
    const i = this.find(key);
    if (this.counts[i]!++ !== 0) return;
    this.slots[i] = key;
    if (++this.used * 2 > this.slots.length) this.grow();
  }

  /** The key's count (0 when never added). */
  get(key: number): number {
    return this.counts[this.find(key)]!;
  }

  private grow(): void {
    const { slots, counts } = this;
    this.slots = new Uint32Array(slots.length * 2);
    this.counts = new Uint32Array(slots.length * 2);
    for (let i = 0; i < slots.length; i++) {
      if (counts[i] === 0) continue;
      const j = this.find(slots[i]!);
      this.slots[j] = slots[i]!;
      this.counts[j] = counts[i]!;
    }
  }
}

/** The loaded table: the sums of idf per article, as compiled (or computed once from the postings of an older build). */
export function conceptIndex(built: BuiltConcepts, articles: number, docs: number): ConceptIndex {
  if (built.norms) {
    // loops rather than TypedArray.from(a, fn), which calls fn through the generic iteration: 5-8x slower on 100,000 values
    const norms = new Float64Array(built.norms.length);
    for (let i = 0; i < norms.length; i++) norms[i] = built.norms[i]! / 1000;
    return { ...built, articles, norms };
  }
  const norms = new Float64Array(docs);
  let k = 0;
  for (let i = 0; i < built.postings.hashes.length; i++) {
    const h = built.postings.hashes[i]!;
    while (built.keys[k]! < h) k++;
    const d = built.postings.docs[i]!;
    norms[d] = norms[d]! + idfOf(built.df[k]!, articles);
  }
  return { ...built, articles, norms };
}

export interface ConceptHit {
  doc: number;
  /** Shared idf over the geometric mean of both sides' idf totals, 0..1. */
  score: number;
}

/**
 * Per-article sums of a lookup, reused across lookups on one table: a posting list holds up to the
 * corpus's boilerplate limit of articles (500 at 100,000), so a lookup adds up tens of thousands of
 * shares, and a Map of them was most of building a corpus (29 of 97 s at 10,000 articles); with
 * each key's idf, computed once per table rather than once per key of every page.
 */
const scratch = new WeakMap<ConceptIndex, { sums: Float64Array; touched: Uint32Array; idf: Float64Array }>();

/**
 * Posting lists longer than this are not walked for a page: a key among the chosen keys of more
 * articles adds a little to the score of many, and walking such lists made a lookup's cost grow
 * with the corpus (at 10,000 articles 93% of the entries a lookup walked were in lists of 65-200
 * articles, and those lists grow to 2,000 at 100,000 with conceptMaxDf). The articles the rarer
 * keys bring are scored on the long lists too (binary search in each, RESCORED of them), so a
 * listed article's score is exact; an article sharing only common keys with the page is not
 * retrieved. 200 is the cut conceptMaxDf makes at 10,000 articles, so up to that size (and the
 * translations set, measured with 11,804 articles and lists up to 236) every list is walked as
 * before; past it the lookup's cost no longer grows with the corpus.
 */
export const CONCEPT_WALK = 200;
/** Articles, best by the walked keys, whose score is completed from the long lists. */
const RESCORED = 64;

/** The articles sharing the most rarity with a page's terms, best first (at most `limit`). */
export function conceptLookup(terms: ConceptTerms, index: ConceptIndex, limit: number, keep: (doc: number) => boolean): ConceptHit[] {
  let s = scratch.get(index);
  if (!s) {
    const idf = new Float64Array(index.df.length);
    for (let i = 0; i < idf.length; i++) idf[i] = idfOf(index.df[i]!, index.articles);
    scratch.set(index, (s = { sums: new Float64Array(index.norms.length), touched: new Uint32Array(index.norms.length), idf }));
  }
  const { sums, touched, idf: idfAt } = s;
  // the page's keys the table knows, found in ascending order (each search starts from the last),
  // with their idf and their weight x idf; then its CONCEPT_KEYS best, as topKeys chooses them
  const ks = terms.keys;
  const m = ks.length;
  const qKey = new Uint32Array(m);
  const qIdf = new Float64Array(m);
  const qScore = new Float64Array(m);
  let q = 0;
  for (let i = 0, at = 0; i < m; i++) {
    at = gallop(index.keys, ks[i]!, at);
    if (index.keys[at] !== ks[i]) continue;
    qKey[q] = ks[i]!;
    qIdf[q] = idfAt[at]!;
    qScore[q++] = Math.log1p(terms.weights[i]!) * idfAt[at]!;
  }
  const chosen = bestKeys(qKey, qScore, q, CONCEPT_KEYS);
  let n = 0;
  let pageNorm = 0;
  const p = index.postings;
  const long: Array<{ from: number; to: number; idf: number }> = [];
  for (const c of chosen) {
    const k = qKey[c]!;
    const idf = qIdf[c]!;
    pageNorm += idf;
    const from = lowerBound(p.hashes, k);
    let to = from;
    while (to < p.hashes.length && p.hashes[to] === k) to++;
    if (to - from > CONCEPT_WALK) {
      long.push({ from, to, idf });
      continue;
    }
    for (let i = from; i < to; i++) {
      const d = p.docs[i]!;
      if (sums[d] === 0) touched[n++] = d;
      sums[d] = sums[d]! + idf;
    }
  }
  const better = (a: ConceptHit, b: ConceptHit): boolean => a.score > b.score || (a.score === b.score && a.doc < b.doc);
  // the best `size` of the touched articles that `keep` accepts, by score then doc number, kept in
  // order as they come (size is a handful); the sums are cleared for the next lookup
  const best = (size: number): ConceptHit[] => {
    const out: ConceptHit[] = [];
    for (let i = 0; i < n; i++) {
      const doc = touched[i]!;
      const shared = sums[doc]!;
      sums[doc] = 0;
      if (size <= 0) continue;
      const score = shared / Math.sqrt(pageNorm * index.norms[doc]!);
      const last = out.length === size ? out[size - 1]! : null;
      // whether the article may be a hit at all is asked only of those that would enter the list
      if ((last && (score < last.score || (score === last.score && doc > last.doc))) || !keep(doc)) continue;
      const hit = { doc, score };
      let at = out.length === size ? size - 1 : out.length;
      while (at > 0 && better(hit, out[at - 1]!)) at--;
      out.splice(at, 0, hit);
      if (out.length > size) out.pop();
    }
    return out;
  };
  if (long.length === 0) return best(limit);
  // the long lists' share of the best articles' scores (each list is sorted by doc number)
  const rescored = best(Math.max(limit, RESCORED));
  const byDoc = [...rescored].sort((a, b) => a.doc - b.doc);
  const add = new Float64Array(byDoc.length);
  for (const l of long) {
    // the articles in ascending order through the list (sorted by doc number): each search starts from the last
    const docs = p.docs.subarray(l.from, l.to);
    for (let i = 0, at = 0; i < byDoc.length && at < docs.length; i++) {
      at = gallop(docs, byDoc[i]!.doc, at);
      if (docs[at] === byDoc[i]!.doc) add[i] = add[i]! + l.idf;
    }
  }
  byDoc.forEach((h, i) => (h.score += add[i]! / Math.sqrt(pageNorm * index.norms[h.doc]!)));
  return rescored.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, limit);
}
