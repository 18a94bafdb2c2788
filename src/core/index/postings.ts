// The inverted index in memory and in JSON: parallel typed arrays (hash, doc number) sorted by
// hash, looked up by binary search. 8 bytes per posting and no per-key objects, so 10,000 articles
// of ~120 postings each take ~10 MB, and a lookup is two binary searches.
import type { Postings } from './types';

const DOC_LIMIT = 2 ** 21;

/** Builds postings from each doc's distinct hashes, dropping hashes found in more than maxDf docs. */
export function buildPostings(perDoc: Uint32Array[], maxDf: number): { postings: Postings; dropped: number } {
  if (perDoc.length > DOC_LIMIT) throw new Error(`a corpus of more than ${DOC_LIMIT} articles is not supported`);
  let total = 0;
  for (const h of perDoc) total += h.length;
  // one exact float64 key per posting, hash * 2^21 + doc (< 2^53), sorted natively
  const keys = new Float64Array(total);
  let k = 0;
  perDoc.forEach((h, d) => {
    for (const x of h) keys[k++] = x * DOC_LIMIT + d;
  });
  keys.sort();
  const outH: number[] = [];
  const outD: number[] = [];
  let dropped = 0;
  for (let i = 0; i < total; ) {
    const h = Math.floor(keys[i]! / DOC_LIMIT);
    let j = i;
    while (j < total && Math.floor(keys[j]! / DOC_LIMIT) === h) j++;
    if (j - i > maxDf) dropped++;
    else {
      for (let t = i; t < j; t++) {
        outH.push(h);
        outD.push(keys[t]! - h * DOC_LIMIT);
      }
    }
    i = j;
  }
  return { postings: { hashes: Uint32Array.from(outH), docs: Uint32Array.from(outD) }, dropped };
}

/** First index with a[i] >= h (a ascending). */
export function lowerBound(a: Uint32Array | Int32Array, h: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index >= from with a[i] >= h (a ascending): steps of doubling length from `from`, then a binary search; for ascending lookups, each starting from the last. */
export function gallop(a: Uint32Array, h: number, from: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < a.length && a[hi]! < h) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Hits {
  /** Query hashes the doc contains. */
  hits: number;
  /** Of those, hashes `isRare` calls rare (see countHits). */
  rare: number;
  /** The first `remember` of the hashes it contains, in query order (see countHits). */
  shared: number[];
}

/** What bestHits keeps and how it ranks. */
export interface HitsQuery {
  /** Asked once per hash found, with the hash's posting list as `docs[from..to)` (by default no hash is rare). */
  isRare?: (docs: Uint32Array, from: number, to: number) => boolean;
  /** How many of the hashes each doc contains to remember in Hits.shared (query order). */
  remember?: number;
  /** A doc is kept with at least this many hits, or with one rare hash. */
  minHits: number;
  /** At most this many docs are returned. */
  limit: number;
  /** Docs in the corpus (every doc number in the postings is below it: the loaded index checked it). */
  docs: number;
  /** Docs never returned (they are still counted: a rare hash's families include them only through isRare). */
  skip?: (doc: number) => boolean;
}

/**
 * Counts kept per posting table, reused by every query: a page's hashes are each in up to the
 * boilerplate limit of articles' lists (500 at 100,000), so a query touches tens of thousands of
 * articles, and a Map with an object per article was most of the time of the page's retrieval.
 * Cleared after each query through the list of the docs it touched; made again for a larger corpus.
 */
interface Counts {
  hits: Uint32Array;
  rare: Uint32Array;
  touched: Uint32Array;
  /** remember slots per doc. */
  shared: Uint32Array;
  remember: number;
}
const countsOf = new WeakMap<Postings, Counts>();

function countsFor(p: Postings, docs: number, remember: number): Counts {
  let c = countsOf.get(p);
  if (!c || c.hits.length < docs || c.remember < remember) {
    const n = Math.max(docs, c?.hits.length ?? 0, 1024);
    const r = Math.max(remember, c?.remember ?? 0);
    c = { hits: new Uint32Array(n), rare: new Uint32Array(n), touched: new Uint32Array(n), shared: new Uint32Array(n * r), remember: r };
    countsOf.set(p, c);
  }
  return c;
}

/**
 * The docs that contain at least `minHits` of `query` (distinct hashes) or one rare hash, not
 * skipped, best first: most hits, then the lowest doc number; at most `limit`. Each with its hits,
 * its rare hashes and the first `remember` of the hashes it contains, in query order.
 */
export function bestHits(p: Postings, query: Iterable<number>, q: HitsQuery): Array<[number, Hits]> {
  const remember = q.remember ?? 0;
  const c = countsFor(p, q.docs, remember);
  const { hits, rare, touched, shared } = c;
  const slots = c.remember;
  let n = 0;
  for (const h of query) {
    const from = lowerBound(p.hashes, h);
    let to = from;
    while (to < p.hashes.length && p.hashes[to] === h) to++;
    if (to === from) continue;
    const isRare = q.isRare?.(p.docs, from, to) ? 1 : 0;
    for (let i = from; i < to; i++) {
      const d = p.docs[i]!;
      const k = hits[d]!;
      if (k === 0) touched[n++] = d;
      if (k < remember) shared[d * slots + k] = h;
      hits[d] = k + 1;
      rare[d] = rare[d]! + isRare;
    }
  }
  const out: Array<[number, Hits]> = [];
  for (let i = 0; i < n; i++) {
    const d = touched[i]!;
    const k = hits[d]!;
    if ((k >= q.minHits || rare[d]! > 0) && !q.skip?.(d)) {
      const mine: number[] = [];
      for (let j = 0; j < Math.min(k, remember); j++) mine.push(shared[d * slots + j]!);
      out.push([d, { hits: k, rare: rare[d]!, shared: mine }]);
    }
    hits[d] = 0;
    rare[d] = 0;
  }
  return out.sort((x, y) => y[1].hits - x[1].hits || x[0] - y[0]).slice(0, q.limit);
}

// Base64 of little-endian uint32 arrays: a fraction of the size of a JSON number array and decoded
// without parsing numbers. atob/btoa exist in browsers, workers and Node alike.
/** Whether this machine stores numbers little-endian, as the index's files do (then its arrays' bytes are used as they are). */
export const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export function encodeU32(a: Uint32Array): string {
  // the array's own bytes where the machine is little-endian (every machine this runs on); the
  // binary string made of pieces joined once: appending spread pieces to one string was 3 s of
  // the build's single-threaded part at 100,000 articles for 12.8 million values (now 0.8 s)
  let bytes: Uint8Array;
  if (LITTLE_ENDIAN) bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  else {
    bytes = new Uint8Array(a.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < a.length; i++) view.setUint32(i * 4, a[i]!, true);
  }
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]));
  return btoa(parts.join(''));
}

export function decodeU32(s: string, count: number): Uint32Array {
  const bin = atob(s);
  if (bin.length !== count * 4) throw new Error(`expected ${count} values, found ${bin.length / 4}`);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    out[i] = (bin.charCodeAt(o) | (bin.charCodeAt(o + 1) << 8) | (bin.charCodeAt(o + 2) << 16) | (bin.charCodeAt(o + 3) << 24)) >>> 0;
  }
  return out;
}
