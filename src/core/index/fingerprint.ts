// Fingerprints of a text for finding its versions among many articles without reading them all.
//
// The text is folded for matching (src/core/text/normalize.ts) and cut into tokens: one token per Han,
// kana or Hangul character (Chinese has no spaces to cut words at), one per Latin word. A
// fingerprint is the 32-bit hash of a run of GRAM consecutive tokens. Only hashes that are 0
// modulo SAMPLE are kept: the choice depends on the hash alone, so a passage two texts share
// yields the same kept hashes in both, whatever surrounds it, and the index holds about
// 1/SAMPLE of the positions. A kept gram is indexed under a second 32-bit hash of it, independent of
// the first: the first, whose choice made it 0 modulo SAMPLE, spans 2^32/SAMPLE values, and at
// 100,000 articles (12.8 million postings) a page's ~375 kept hashes met some other article's by
// chance about 17 times, each a candidate to check, a cost that grew with the corpus for every
// article it built; the second spans all 2^32 values (about one such meeting a page at 100,000).
//
// Measured on the corpus (tests/unit/match.test.ts and `corpus build`):
// - GRAM 10 Han characters: 8 already makes stock phrases of the topic (加强数字政府建设 is 8) shared
//   by unrelated articles; 12 and more loses short edited stretches of a reprint (a reprint of 000
//   that drops 领军 every few sentences). 5 words for English: 3-4 word phrases recur across any
//   two articles on one topic ("the construction of digital"), 5-word runs rarely do.
// - SAMPLE 16 for Han text keeps ~110 hashes for 000 (1,750 folded characters), 8 bytes each in the
//   index: under 1 KB per article. A quoted paragraph of 150 characters still brings ~9 hashes.
//   English tokens are words (about 2.5 per Han character of the same content), so SAMPLE_WORDS 8
//   gives a similar count per article.
import { foldForMatch } from '../text/normalize';
import { translationAnchors } from '../match/translation-evidence';

/**
 * The most folded characters one token weighs in coverage counts. Latin words run to about 15
 * characters (governmentalisation is 19); a longer run without spaces is a hash, base64, a tracking
 * code: one such token on a page must not outweigh the article it pads (a 2,000-character token in
 * a copy of 000 made it an excerpt at 0.46).
 */
export const MAX_TOKEN_CHARS = 24;

export const GRAM_HAN = 10;
export const GRAM_WORDS = 5;
export const SAMPLE_HAN = 16;
export const SAMPLE_WORDS = 8;
/** Changes whenever the hash or the parameters change: a compiled index must be built by the same code. */
export const FINGERPRINT_VERSION = `fp2-${GRAM_HAN}-${GRAM_WORDS}-${SAMPLE_HAN}-${SAMPLE_WORDS}`;

const TOKEN_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

// Whether a BMP code point is a one-character token, cached (1 no, 2 yes): a regex test per
// character was a fifth of the cost of fingerprinting.
let tokenCharCache: Uint8Array | null = null;
function isTokenChar(cp: number): boolean {
  if (cp > 0xffff) return TOKEN_CHAR.test(String.fromCodePoint(cp));
  const cache = (tokenCharCache ??= new Uint8Array(0x10000));
  let v = cache[cp]!;
  if (v === 0) v = cache[cp] = TOKEN_CHAR.test(String.fromCharCode(cp)) ? 2 : 1;
  return v === 2;
}

export interface TokenSpans {
  /** Folded start and end offsets of each token. */
  starts: Int32Array;
  ends: Int32Array;
  /** Tokens that are single Han/kana/Hangul characters (the rest are words). */
  han: number;
}

/** Tokens of a folded text (see foldForMatch): each Han/kana/Hangul character, each space-separated word. */
export function tokenSpans(folded: string): TokenSpans {
  // at most one token per UTF-16 unit
  const starts = new Int32Array(folded.length);
  const ends = new Int32Array(folded.length);
  let n = 0;
  let han = 0;
  let i = 0;
  let wordStart = -1;
  while (i <= folded.length) {
    const cp = i < folded.length ? folded.codePointAt(i)! : 32;
    const w = cp > 0xffff ? 2 : 1;
    const isSpace = cp === 32;
    const isHan = !isSpace && isTokenChar(cp);
    if ((isSpace || isHan) && wordStart >= 0) {
      starts[n] = wordStart;
      ends[n++] = i;
      wordStart = -1;
    }
    if (isHan) {
      starts[n] = i;
      ends[n++] = i + w;
      han++;
    } else if (!isSpace && wordStart < 0) wordStart = i;
    i += w;
  }
  return { starts: starts.slice(0, n), ends: ends.slice(0, n), han };
}

/** Whether n-grams of these tokens should be Han-character grams (else word grams). */
export function isHanDominant(t: TokenSpans): boolean {
  return t.han * 2 >= t.starts.length;
}

/** 32-bit FNV-1a of a string's UTF-16 units. */
function hashString(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Final avalanche (murmur3 fmix32) so that the low bits used for sampling are well mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Fingerprints {
  /** Distinct kept hashes, ascending. */
  hashes: Uint32Array;
  /** Folded characters (no spaces) of the text: the denominator of coverage ratios. */
  chars: number;
  /** 'han' or 'words': which grams were taken. */
  unit: 'han' | 'words';
  /** With `spans`: where each kept hash's gram first occurs, as offsets into the original text. */
  spans?: Map<number, { start: number; end: number }>;
}

/**
 * The kept n-gram hashes of a text (any language; Han-script text gets character grams), and
 * with `spans` where their grams are in the text.
 */
export function fingerprint(text: string, spans = false): Fingerprints {
  const f = foldForMatch(text);
  const folded = f.text;
  const t = tokenSpans(folded);
  const han = isHanDominant(t);
  const gram = han ? GRAM_HAN : GRAM_WORDS;
  const sample = han ? SAMPLE_HAN : SAMPLE_WORDS;
  const n = t.starts.length;
  const tokenHash = new Uint32Array(n);
  let chars = 0;
  for (let k = 0; k < n; k++) {
    tokenHash[k] = hashString(folded, t.starts[k]!, t.ends[k]!);
    chars += Math.min(MAX_TOKEN_CHARS, t.ends[k]! - t.starts[k]!);
  }
  const kept = new Set<number>();
  const at = spans ? new Map<number, { start: number; end: number }>() : undefined;
  for (let k = 0; k + gram <= n; k++) {
    let h = 0x9747b28c;
    for (let x = k; x < k + gram; x++) h = Math.imul(h ^ tokenHash[x]!, 0x01000193);
    if (mix(h >>> 0) % sample === 0) {
      // the key: the gram's second hash (see the top of this file)
      let g = 0x3c6ef372;
      for (let x = k; x < k + gram; x++) g = Math.imul(g ^ tokenHash[x]!, 0x5bd1e995);
      const m = mix(g >>> 0);
      kept.add(m);
      // the original offsets: the gram's first character, and just past its last
      if (at && !at.has(m)) {
        const last = f.map[t.ends[k + gram - 1]! - 1]!;
        at.set(m, { start: f.map[t.starts[k]!]!, end: last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1) });
      }
    }
  }
  const hashes = Uint32Array.from(kept).sort();
  return { hashes, chars, unit: han ? 'han' : 'words', ...(at ? { spans: at } : {}) };
}

/** The index hash of a whole string (a concept key). */
export function hashKey(s: string): number {
  return mix(hashString(s, 0, s.length));
}

/**
 * Language-neutral anchors of a text, hashed for the index: the figures and Latin tokens a
 * translation keeps (translationAnchors: 1014 = 1,014, 100亿 = 10 billion, AI, IDC). A translation
 * shares few words with its source but most of these, so they find translation candidates.
 */
export function anchorHashes(text: string): Uint32Array {
  const keys = new Set<number>();
  for (const k of translationAnchors(text)) keys.add(mix(hashString(k, 0, k.length)));
  return Uint32Array.from(keys).sort();
}
