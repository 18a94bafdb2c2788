// Locating the passages two same-language texts share.
//
// Both texts are folded for matching (width, quotes, case, Traditional -> Simplified; punctuation
// and whitespace dropped) and cut into tokens: one token per Han/kana/Hangul character, one per
// Latin word. Exact runs of at least `minTokens` tokens shared by both sides are found through a
// hash of their first window, extended to their full length, and chosen longest first so that no
// token is used twice. Order is not required: reordered paragraphs still count.
//
// The region is where the shared text lies on each side. Site clutter before the article, reader
// comments, and unrelated articles appended after it must fall outside even when they happen to
// share a stock phrase with the other text, so the region is not simply the hull of all passages:
// it is the maximum-sum stretch of passages in order, where a passage of n tokens is worth n²/k
// (k = the shortest passage length) and every unshared token between two passages costs GAP_COST.
// A passage joins the region when its worth pays for the distance to it: a 14-character stock
// phrase reaches ~130 characters, a 33-character quotation ~700, a 100-character paragraph ~6,000.
import { MAX_TOKEN_CHARS, tokenSpans } from '../index/fingerprint';
import { foldForMatch, type Folded } from '../text/normalize';
import { zhNewsStock } from '../index/stock';
import { NO_STOCK, STOCK_K, type StockTable } from '../index/stock-table';
import type { Span } from '../types';

export interface SharedPassage {
  a: Span;
  b: Span;
}

export interface SharedRegion {
  /** From the first to the last shared passage on a's side, in a's original offsets. */
  a: Span;
  /** Same on b's side. */
  b: Span;
  /** The shared passages inside the regions, in a's order; offsets into the original strings. */
  passages: SharedPassage[];
  /** Folded characters (letters, digits, Han; no punctuation or spaces) covered by the passages. */
  sharedChars: number;
  /** Tokens (Han characters or Latin words) covered by the passages, and by the longest one. */
  sharedTokens: number;
  longestTokens: number;
  /** Folded length of all of a and of all of b, the denominators for coverage ratios. */
  aChars: number;
  bChars: number;
  /** Folded characters of a and b inside the regions. */
  aRegionChars: number;
  bRegionChars: number;
  /**
   * Rare evidence: the shared folded characters that no window of the passage's unit listed in
   * the stock table covers (text many unrelated articles carry is no evidence), the tokens they
   * are, and the longest such stretch inside one passage. Without a stock window, equal to the above.
   */
  rareChars: number;
  rareTokens: number;
  rareLongestTokens: number;
  /** Folded characters of all of a and of all of b that no stock window covers. */
  aRareChars: number;
  bRareChars: number;
}

export interface SharedRegionOptions {
  /**
   * Shortest passage, in tokens. Default: 10 for Han-script text (shorter Chinese strings such as
   * 加强数字政府建设 recur across unrelated articles on one topic), 5 words otherwise.
   */
  minTokens?: number;
  /** Stock text to discount (default: the shipped table of Chinese news, zhNewsStock()). */
  stock?: StockTable;
}

/**
 * Cost of one unshared token inside a region. 0.15: a commentary quoting two sentences of an
 * article 650 characters apart (42 and 33 characters) keeps both; a 14-character phrase that an
 * appended article 2,000 characters further on shares with the other text stays outside.
 */
const GAP_COST = 0.15;
/** A window whose hash occurs more often than this in b is repetitive filler; it is not used as a seed. */
const MAX_OCCURRENCES = 64;

interface Tokens {
  /** Token ids (equal strings, equal ids, shared between the two texts): a one-character token's code point, a word's negative number. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** cum[t]: folded characters (spaces excluded) in tokens before t; length ids.length + 1. */
  cum: Int32Array;
  han: number;
}

// Word ids: one vocabulary for every text, so that texts tokenized apart (a corpus article prepared
// once, each page) can be compared. Bounded: past MAX_WORDS it starts afresh, and texts tokenized
// with the old one are tokenized again when next compared (see tokensOf).
const MAX_WORDS = 500_000;
let vocab = new Map<string, number>();
let vocabGeneration = 0;

function tokenize(folded: string): Tokens {
  const spans = tokenSpans(folded);
  const n = spans.starts.length;
  const ids = new Int32Array(n);
  const cum = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    const s = spans.starts[t]!;
    const e = spans.ends[t]!;
    let id: number | undefined;
    const cp = folded.codePointAt(s)!;
    if (e - s === (cp > 0xffff ? 2 : 1)) id = cp; // a one-character token is its own id
    else {
      // a word: negative ids, so they never meet a character's
      const tok = folded.slice(s, e);
      id = vocab.get(tok);
      if (id === undefined) {
        id = -1 - vocab.size;
        vocab.set(tok, id);
      }
    }
    ids[t] = id;
    cum[t + 1] = cum[t]! + Math.min(MAX_TOKEN_CHARS, e - s);
  }
  return { ids, starts: spans.starts, ends: spans.ends, cum, han: spans.han };
}

/**
 * A text folded and cut into tokens, ready to be compared with others. Preparing is most of the
 * cost of comparing two texts, so a text compared with many (a page with each of its candidates, a
 * corpus article with every page that retrieves it) is prepared once.
 */
export interface PreparedText {
  readonly text: string;
  readonly folded: Folded;
  /** Internal: the tokens, the vocabulary they were cut with, and what was derived from them. */
  tokens: Tokens;
  generation: number;
  windows: Map<number, Uint32Array>;
  tables: Map<number, WindowTable>;
  /** Per token, 1 when no window of k tokens in the stock table covers it; by k. */
  rare: Map<number, { stock: StockTable; mask: Uint8Array; chars: number }>;
}

export function prepareText(text: string): PreparedText {
  const folded = foldForMatch(text);
  return { text, folded, tokens: tokenize(folded.text), generation: vocabGeneration, windows: new Map(), tables: new Map(), rare: new Map() };
}

function tokensOf(p: PreparedText): Tokens {
  if (p.generation !== vocabGeneration) {
    p.tokens = tokenize(p.folded.text);
    p.generation = vocabGeneration;
    p.windows.clear();
    p.tables.clear();
    p.rare.clear();
  }
  return p.tokens;
}

function windowHash(ids: Int32Array, at: number, k: number): number {
  let h = 0x811c9dc5;
  for (let x = at; x < at + k; x++) h = Math.imul(h ^ ids[x]!, 0x01000193);
  return h >>> 0;
}

interface Run {
  a: number;
  b: number;
  len: number;
}

/**
 * A text's windows of k tokens by hash, in typed arrays (open addressing; each slot lists its
 * windows in order through `next`): no object or array per window.
 */
interface WindowTable {
  size: number;
  slotHash: Uint32Array;
  head: Int32Array;
  count: Int32Array;
  next: Int32Array;
}

function slotOf(t: WindowTable, h: number): number {
  let s = (Math.imul(h, 0x9e3779b1) >>> 0) & (t.size - 1);
  while (t.head[s] !== -1 && t.slotHash[s] !== h) s = (s + 1) & (t.size - 1);
  return s;
}

function windowTable(hashes: Uint32Array): WindowTable {
  const n = hashes.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const t: WindowTable = { size, slotHash: new Uint32Array(size), head: new Int32Array(size).fill(-1), count: new Int32Array(size), next: new Int32Array(n).fill(-1) };
  const tail = new Int32Array(size);
  for (let j = 0; j < n; j++) {
    const h = hashes[j]!;
    const s = slotOf(t, h);
    if (t.head[s] === -1) {
      t.slotHash[s] = h;
      t.head[s] = tail[s] = j;
      t.count[s] = 1;
    } else if (t.count[s]! <= MAX_OCCURRENCES) {
      t.next[tail[s]!] = j;
      tail[s] = j;
      t.count[s]!++;
    }
  }
  return t;
}

/** The hashes of a prepared text's windows of k tokens (kept with it). */
function windowsOf(p: PreparedText, k: number): Uint32Array {
  const ids = tokensOf(p).ids;
  let w = p.windows.get(k);
  if (!w) {
    w = new Uint32Array(Math.max(0, ids.length - k + 1));
    for (let j = 0; j < w.length; j++) w[j] = windowHash(ids, j, k);
    p.windows.set(k, w);
  }
  return w;
}

/**
 * Which tokens of a prepared text are rare: covered by no window of k tokens that `stock` lists
 * (kept with it), and their folded characters. Stock dominates: a token inside a stock phrase is
 * stock even where a window across the phrase's edge is not, because the windows that straddle two
 * stock phrases (…中央巡视组将|坚持以习近平新时代…) are rare only as a combination, and a text
 * built of formulations would otherwise read as long rare stretches at every joint. Measured on
 * the realnews development set (each page against its nearest corpus article): negatives sharing
 * formulations wrongly related 18/70 -> 1/70 and template siblings 5/22 -> 2/22, with planted
 * reprints and real pairs unchanged and one quotation of 101 characters lost (its rare text is cut
 * into stretches of at most 24 by two formulations).
 */
function rareOf(p: PreparedText, k: number, stock: StockTable): { mask: Uint8Array; chars: number } {
  const t = tokensOf(p);
  const known = p.rare.get(k);
  if (known && known.stock === stock) return known;
  const w = windowsOf(p, k);
  const mask = new Uint8Array(t.ids.length).fill(1);
  // a text shorter than one window has no window to judge: all of it counts
  if (stock.size > 0) for (let j = 0; j < w.length; j++) if (stock.has(w[j]!)) mask.fill(0, j, j + k);
  let chars = 0;
  for (let x = 0; x < mask.length; x++) if (mask[x]) chars += t.cum[x + 1]! - t.cum[x]!;
  const r = { stock, mask, chars };
  p.rare.set(k, r);
  return r;
}

/**
 * The share of a text's folded characters that are rare: inside no stock window of STOCK_K
 * characters (rareOf). 1 for a text shorter than one window, or without a stock table to judge by.
 * For evidence that is not a shared passage: a translated sentence made of official formulations
 * (深刻领悟"两个确立"的决定性意义…) pairs closely with that formulation in any unrelated article.
 */
export function rareShare(text: string, stock: StockTable = zhNewsStock()): number {
  const p = prepareText(text);
  const total = textUnit(p).chars;
  return total === 0 ? 1 : rareOf(p, STOCK_K, stock).chars / total;
}

/** Rare evidence of a shared run: its rare tokens (see rareOf, on b's side), their folded characters, and the longest stretch of them. */
function rareInRun(tb: Tokens, rareB: Uint8Array, r: Run): { tokens: number; chars: number; longest: number } {
  let tokens = 0;
  let chars = 0;
  let longest = 0;
  let stretch = 0;
  for (let x = r.b; x < r.b + r.len; x++) {
    if (!rareB[x]) {
      stretch = 0;
      continue;
    }
    tokens++;
    chars += tb.cum[x + 1]! - tb.cum[x]!;
    longest = Math.max(longest, ++stretch);
  }
  return { tokens, chars, longest };
}

/** The window table of a prepared text (kept with it: a page is the indexed side of each of its comparisons). */
function tableOf(p: PreparedText, k: number): WindowTable {
  const windows = windowsOf(p, k);
  let t = p.tables.get(k);
  if (!t) p.tables.set(k, (t = windowTable(windows)));
  return t;
}

/**
 * All maximal exact runs of >= k tokens shared by a and b: b's windows are looked up in a's table
 * (a window found more than MAX_OCCURRENCES times in a is repetitive filler, not a seed) and each
 * seed is extended both ways along its diagonal.
 */
function findRuns(pa: PreparedText, pb: PreparedText, k: number): Run[] {
  const A = tokensOf(pa).ids;
  const B = tokensOf(pb).ids;
  const runs: Run[] = [];
  if (A.length < k || B.length < k) return runs;
  const table = tableOf(pa, k);
  const hb = windowsOf(pb, k);
  // per diagonal (a - b, offset by b's length), how far a run already found reaches on b's side; -1: none yet
  const reached = new Int32Array(A.length + B.length + 1).fill(-1);
  for (let j = 0; j < hb.length; j++) {
    const s = slotOf(table, hb[j]!);
    if (table.head[s] === -1 || table.count[s]! > MAX_OCCURRENCES) continue;
    for (let i = table.head[s]!; i !== -1; i = table.next[i]!) {
      const d = i - j + B.length;
      const r = reached[d]!;
      if (r > j) continue;
      let s2 = 0;
      const floor = r < 0 ? 0 : r;
      while (j - s2 - 1 >= floor && i - s2 - 1 >= 0 && A[i - s2 - 1] === B[j - s2 - 1]) s2++;
      let e = 0;
      while (i + e < A.length && j + e < B.length && A[i + e] === B[j + e]) e++;
      reached[d] = j + e;
      if (s2 + e >= k) runs.push({ a: i - s2, b: j - s2, len: s2 + e });
    }
  }
  return runs;
}

/** Folded characters of a prepared text, and the shortest passage sharedRegion looks for in it by default (10 Han characters or 5 words). */
export function textUnit(p: PreparedText): { chars: number; minTokens: number; han: boolean } {
  const t = tokensOf(p);
  const han = t.han * 2 >= t.ids.length;
  return { chars: t.cum[t.ids.length]!, minTokens: han ? 10 : 5, han };
}

/** The length in tokens of the longest run of >= k tokens two prepared texts share (0: none). */
export function longestRun(pa: PreparedText, pb: PreparedText, k: number): number {
  let longest = 0;
  for (const r of findRuns(pa, pb, k)) longest = Math.max(longest, r.len);
  return longest;
}

/** Longest first, each token used at most once on either side; an overlapping run keeps its longest free part. */
function chooseRuns(runs: Run[], na: number, nb: number, k: number): Run[] {
  runs.sort((x, y) => y.len - x.len || x.a - y.a);
  const usedA = new Uint8Array(na);
  const usedB = new Uint8Array(nb);
  const chosen: Run[] = [];
  for (const r of runs) {
    let best: Run | null = null;
    let start = -1;
    for (let t = 0; t <= r.len; t++) {
      const free = t < r.len && !usedA[r.a + t] && !usedB[r.b + t];
      if (free && start < 0) start = t;
      if (!free && start >= 0) {
        if (t - start >= k && (!best || t - start > best.len)) best = { a: r.a + start, b: r.b + start, len: t - start };
        start = -1;
      }
    }
    if (!best) continue;
    usedA.fill(1, best.a, best.a + best.len);
    usedB.fill(1, best.b, best.b + best.len);
    chosen.push(best);
  }
  return chosen;
}

/** The runs forming the maximum-sum stretch along one side (see GAP_COST). */
function bestStretch(runs: Run[], side: 'a' | 'b', k: number): Set<Run> {
  const sorted = [...runs].sort((x, y) => x[side] - y[side]);
  let bestSum = -Infinity;
  let bestFrom = 0;
  let bestTo = -1;
  let sum = 0;
  let from = 0;
  for (let t = 0; t < sorted.length; t++) {
    const r = sorted[t]!;
    if (t > from) {
      const prev = sorted[t - 1]!;
      sum -= GAP_COST * Math.max(0, r[side] - (prev[side] + prev.len));
    }
    if (sum < 0) {
      sum = 0;
      from = t;
    }
    sum += (r.len * r.len) / k;
    if (sum > bestSum) {
      bestSum = sum;
      bestFrom = from;
      bestTo = t;
    }
  }
  return new Set(sorted.slice(bestFrom, bestTo + 1));
}

/** Original offset of the end of folded index `e` (exclusive). */
function origEnd(text: string, f: Folded, e: number): number {
  // the last folded character came from the original character at map[e - 1]
  const p = f.map[e - 1]!;
  return p + ((text.codePointAt(p) ?? 0) > 0xffff ? 2 : 1);
}

function toSpan(text: string, f: Folded, t: Tokens, from: number, len: number): Span {
  return { start: f.map[t.starts[from]!]!, end: origEnd(text, f, t.ends[from + len - 1]!) };
}

// Opening marks the region takes in before its first passage, closing marks after its last, so that
// what falls outside does not begin with a stray 。 or end with a lone 《.
const OPENERS = /[“‘"'「『《〈（(【\[]/u;
const CLOSERS = /[。．.！!？?；;，,、：:”’"'」』》〉）)】\]…]/u;

function widen(text: string, span: Span): Span {
  let { start, end } = span;
  while (start > 0 && OPENERS.test(text[start - 1]!)) start--;
  while (end < text.length && CLOSERS.test(text[end]!)) end++;
  return { start, end };
}

/**
 * The passages two same-language texts share and the region they lie in on each side, or null
 * when they share no passage of `minTokens` tokens. Offsets are into the original `a` and `b`.
 */
export function sharedRegion(a: string, b: string, opts: SharedRegionOptions = {}): SharedRegion | null {
  return sharedRegionOf(prepareText(a), prepareText(b), opts);
}

/** sharedRegion of two prepared texts. */
export function sharedRegionOf(pa: PreparedText, pb: PreparedText, opts: SharedRegionOptions = {}): SharedRegion | null {
  if (vocab.size > MAX_WORDS) {
    vocab = new Map();
    vocabGeneration++;
  }
  const { text: a, folded: fa } = pa;
  const { text: b, folded: fb } = pb;
  const ta = tokensOf(pa);
  const tb = tokensOf(pb);
  const k = Math.max(2, opts.minTokens ?? textUnit(pa).minTokens);
  const chosen = chooseRuns(findRuns(pa, pb, k), ta.ids.length, tb.ids.length, k);
  if (chosen.length === 0) return null;
  // a passage belongs to the region when it lies in the best stretch on both sides; one round of
  // re-selection lets the second side's choice see only the first side's survivors
  const onA = bestStretch(chosen, 'a', k);
  const kept = [...bestStretch([...onA], 'b', k)].sort((x, y) => x.a - y.a);
  if (kept.length === 0) return null;

  const folded = (t: Tokens, from: number, len: number): number => t.cum[from + len]! - t.cum[from]!;
  let sharedChars = 0;
  let sharedTokens = 0;
  let longestTokens = 0;
  for (const r of kept) {
    sharedChars += folded(ta, r.a, r.len);
    sharedTokens += r.len;
    longestTokens = Math.max(longestTokens, r.len);
  }
  // the stock table lists windows of STOCK_K characters; passages of another unit are all rare
  const stock = k === STOCK_K ? (opts.stock ?? zhNewsStock()) : NO_STOCK;
  const rareB = rareOf(pb, k, stock).mask;
  let rareChars = 0;
  let rareTokens = 0;
  let rareLongestTokens = 0;
  for (const r of kept) {
    const x = rareInRun(tb, rareB, r);
    rareChars += x.chars;
    rareTokens += x.tokens;
    rareLongestTokens = Math.max(rareLongestTokens, x.longest);
  }
  let aFirst = kept[0]!;
  let aLast = kept[0]!;
  let bFirst = kept[0]!;
  let bLast = kept[0]!;
  for (const r of kept) {
    if (r.a < aFirst.a) aFirst = r;
    if (r.a + r.len > aLast.a + aLast.len) aLast = r;
    if (r.b < bFirst.b) bFirst = r;
    if (r.b + r.len > bLast.b + bLast.len) bLast = r;
  }
  const aStartTok = aFirst.a;
  const aEndTok = aLast.a + aLast.len;
  const bStartTok = bFirst.b;
  const bEndTok = bLast.b + bLast.len;
  return {
    a: widen(a, toSpan(a, fa, ta, aStartTok, aEndTok - aStartTok)),
    b: widen(b, toSpan(b, fb, tb, bStartTok, bEndTok - bStartTok)),
    passages: kept.map((r) => ({ a: toSpan(a, fa, ta, r.a, r.len), b: toSpan(b, fb, tb, r.b, r.len) })),
    sharedChars,
    sharedTokens,
    longestTokens,
    aChars: ta.cum[ta.ids.length]!,
    bChars: tb.cum[tb.ids.length]!,
    aRegionChars: folded(ta, aStartTok, aEndTok - aStartTok),
    bRegionChars: folded(tb, bStartTok, bEndTok - bStartTok),
    rareChars,
    rareTokens,
    rareLongestTokens,
    aRareChars: rareOf(pa, k, stock).chars,
    bRareChars: rareOf(pb, k, stock).chars,
  };
}

/**
 * The distinct hashes of a prepared text's windows of k tokens made of single characters only
 * (Han and the like, ids their code points): the windows a stock table can list, since their
 * hashes do not depend on the vocabulary of words. Used to compile the stock table (scripts/).
 */
export function characterWindows(p: PreparedText, k: number): Uint32Array {
  const ids = tokensOf(p).ids;
  const w = windowsOf(p, k);
  const out = new Set<number>();
  let words = 0; // words among the window's tokens
  for (let t = 0; t < Math.min(k, ids.length); t++) if (ids[t]! < 0) words++;
  for (let j = 0; j < w.length; j++) {
    if (j > 0) {
      if (ids[j - 1]! < 0) words--;
      if (ids[j + k - 1]! < 0) words++;
    }
    if (words === 0) out.add(w[j]!);
  }
  return Uint32Array.from(out);
}
