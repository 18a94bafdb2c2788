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

/**
 * For each doc number, how many of `query` (distinct hashes) it contains, how many rare ones, and
 * the first `remember` of them: `isRare(docs, from, to)` is asked once per hash found, with the
 * hash's posting list as `docs[from..to)` (by default no hash is rare).
 */
export function countHits(
  p: Postings,
  query: Iterable<number>,
  isRare?: (docs: Uint32Array, from: number, to: number) => boolean,
  remember = 0,
): Map<number, Hits> {
  const out = new Map<number, Hits>();
  for (const h of query) {
    const from = lowerBound(p.hashes, h);
    let to = from;
    while (to < p.hashes.length && p.hashes[to] === h) to++;
    if (to === from) continue;
    const rare = isRare?.(p.docs, from, to) ? 1 : 0;
    for (let i = from; i < to; i++) {
      const d = p.docs[i]!;
      const cur = out.get(d);
      if (cur) {
        cur.hits++;
        cur.rare += rare;
        if (cur.shared.length < remember) cur.shared.push(h);
      } else out.set(d, { hits: 1, rare, shared: remember > 0 ? [h] : [] });
    }
  }
  return out;
}

// Base64 of little-endian uint32 arrays: a fraction of the size of a JSON number array and decoded
// without parsing numbers. atob/btoa exist in browsers, workers and Node alike.
export function encodeU32(a: Uint32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setUint32(i * 4, a[i]!, true);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
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
