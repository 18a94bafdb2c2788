// Text folding for matching and for noise-free comparison.
// Matching folds compatibility forms (full-width letters, digits and punctuation), quote styles,
// whitespace, Latin case and Traditional to Simplified Chinese, and keeps a map back to the
// original offsets so that shared passages can be located in the text the reader sees.
import { Converter, Locale } from 'opencc-js/t2cn';

let t2sConvert: ((s: string) => string) | null = null;

// What the Traditional -> Simplified conversion can change: the converter (opencc's t2s
// configuration: a normalisation of compatibility ideographs, then the conversion dictionaries)
// replaces, at each position, the longest dictionary entry starting there, so a text holding no
// entry of either comes out as it went in. One-character entries are marked in a table by UTF-16
// unit (astral ones by their high surrogate, which only makes the check conservative), longer ones
// listed by their first unit. Simplified text mostly holds none (000, 002, 003 and the Simplified
// real pages: none) and is returned as it is, without the dictionary walk that was a fifth of the
// cost of folding it. tests/unit/normalize-fast.test.ts checks the result against the converter.
interface Entries {
  single: Uint8Array;
  phrases: Map<number, string[]>;
}
let entries: Entries | null | undefined;
function dictionaryEntries(): Entries | null {
  if (entries !== undefined) return entries;
  const config = (Locale as unknown as { configs?: Record<string, { normalizationChain?: unknown; conversionChain?: unknown }> }).configs?.t2s;
  if (!config?.conversionChain) return (entries = null); // another library layout: always convert
  const single = new Uint8Array(0x10000);
  const phrases = new Map<number, string[]>();
  const add = (src: string): void => {
    if (!src) return;
    const first = src.charCodeAt(0);
    if (src.length === 1 || (src.length === 2 && first >= 0xd800 && first <= 0xdbff)) single[first] = 1;
    else {
      const list = phrases.get(first);
      if (list) list.push(src);
      else phrases.set(first, [src]);
    }
  };
  // dictionaries nest in groups and chains; each is a "src dst|src dst" string or [src, dst] pairs
  const walk = (x: unknown): void => {
    if (typeof x === 'string') for (const e of x.split('|')) add(e.split(' ')[0]!);
    else if (Array.isArray(x)) {
      if (x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string' && !x[0].includes(' ')) add(x[0]);
      else for (const y of x) walk(y);
    }
  };
  walk(config.normalizationChain);
  walk(config.conversionChain);
  return (entries = { single, phrases });
}

/** Whether the conversion's dictionaries hold an entry found in `text` (else it changes nothing). */
function convertible(text: string): boolean {
  const dict = dictionaryEntries();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // every entry starts with a CJK character (U+2E80 and up)
    if (c < 0x2e80) continue;
    if (!dict || dict.single[c] === 1) return true;
    const list = dict.phrases.get(c);
    if (list) for (const p of list) if (text.startsWith(p, i)) return true;
  }
  return false;
}

/** Traditional -> Simplified Chinese, character by character (lengths are preserved). */
export function toSimplified(text: string): string {
  if (!convertible(text)) return text;
  t2sConvert ??= Converter({ from: 't', to: 'cn' });
  const out = t2sConvert(text);
  if (out.length === text.length) return out;
  // the converter changed a length (a phrase rule): fall back to one code point at a time
  let s = '';
  for (const ch of text) {
    const c = t2sConvert(ch);
    s += c.length === ch.length ? c : ch;
  }
  return s;
}

// Comparison keys need one more step than the conversion: Taiwan-standard text writes the particle
// 着 as 著 (沿著, 隨著, 看著), and t2s cannot convert it back, because 著 is a Simplified character
// too (著名, 著作). Where two texts are compared rather than shown, both are keyed 着: a Traditional
// reprint's 沿著 then equals the original's 沿着 (the realnews Traditional pages' only spurious
// edits were these), and a Simplified 著名 on both sides stays equal.
const KEY_VARIANTS = /著/g;

/** Simplified script for comparison keys (matching and the script-folded diff): toSimplified, and 著 read as 着. Keeps lengths as toSimplified does. */
export function toSimplifiedKey(text: string): string {
  const s = toSimplified(text);
  return s.includes('著') ? s.replace(KEY_VARIANTS, '着') : s;
}

const QUOTES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"',
  '\u300c': '"', '\u300d': '"', '\u300e': '"', '\u300f': '"', '\u301d': '"', '\u301e': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
};

const SPACE = /[\s\u00a0\u3000]/u;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * Invisible characters: format characters (Unicode category Cf: soft hyphen, zero-width spaces and
 * joiners, bidi controls and isolates, the word joiner, BOM, tags), the combining grapheme joiner,
 * variation selectors and the Hangul fillers. They change nothing a reader sees, so matching and
 * noise-folded comparison drop them without a trace (not even a word break: a zero-width space
 * inside a word must not cut it in two): a reprint sprinkled with them is the text it copies.
 */
export const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
const SOFT = INVISIBLE;

// What display folding makes of one UTF-16 unit (surrogates excluded), cached: 0 unknown,
// 1 soft (dropped), 2 whitespace, 3 several units (in displayMulti), else 4 + the one unit it
// becomes. foldDisplay runs on every token of every compared paragraph; an NFKC call per
// character was most of the time of a comparison.
let displayCache: Int32Array | null = null;
const displayMulti = new Map<number, string>();
function displayClass(code: number): number {
  const cache = (displayCache ??= new Int32Array(0x10000));
  let v = cache[code]!;
  if (v !== 0) return v;
  const ch = String.fromCharCode(code);
  if (SOFT.test(ch)) v = 1;
  else if (SPACE.test(ch)) v = 2;
  else {
    const out = foldOneDisplay(ch);
    if (out.length === 1 && !SPACE.test(out)) v = 4 + out.charCodeAt(0);
    else {
      displayMulti.set(code, out);
      v = 3;
    }
  }
  cache[code] = v;
  return v;
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/**
 * One character's display form: its compatibility form, with the quotes and soft characters that
 * form itself holds folded too (″ is ′′, which is ''), so that folding folded text changes nothing.
 * It may hold a space (¨ is a space and a combining diaeresis): callers pass that through their
 * whitespace rule like any other space.
 */
function foldOneDisplay(ch: string): string {
  const q = QUOTES[ch];
  if (q !== undefined) return q;
  let out = '';
  for (const c of ch.normalize('NFKC')) if (!SOFT.test(c)) out += QUOTES[c] ?? c;
  return out;
}

/** Display folding: NFKC (full-width to half-width), one quote style, soft characters removed, runs of whitespace to one space. */
export function foldDisplay(text: string): string {
  // most text (every token of a Chinese paragraph) is already folded: give it back as it is
  let i = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSurrogate(code) || displayClass(code) !== 4 + code) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  let space = false;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSurrogate(code)) {
      // a pair (or a lone surrogate) goes the slow way, a code point at a time
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      i += ch.length;
      if (SOFT.test(ch)) continue;
      if (SPACE.test(ch)) {
        space = true;
        continue;
      }
      ({ out, space } = emit(out, space, foldOneDisplay(ch)));
      continue;
    }
    i++;
    const v = displayClass(code);
    if (v === 1) continue;
    if (v === 2) {
      space = true;
      continue;
    }
    if (v === 3) {
      ({ out, space } = emit(out, space, displayMulti.get(code)!));
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += String.fromCharCode(v - 4);
  }
  return out;
}

/** Appends a character's display form, its own spaces under the same rule as the text's. */
function emit(out: string, space: boolean, folded: string): { out: string; space: boolean } {
  for (const c of folded) {
    if (SPACE.test(c)) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    out += c;
  }
  return { out, space };
}

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 index of `text`, the UTF-16 index in the original it came from (length text.length + 1). */
  map: Int32Array;
}

// What matching folding makes of one code point: the characters it keeps, each with whether it
// is a Latin/digit "word" character, and GAP for what it drops (space, punctuation, symbols). The
// rule is per code point (no context), so foldForMatch caches it per UTF-16 unit: computing it
// takes a regex test, an NFKC normalisation and a lower-casing, about 0.3 µs a character, which
// made compiling 10,000 articles take most of a minute.
const GAP = -1;
function foldCodePoint(ch: string): number[] {
  if (SOFT.test(ch)) return [];
  if (SPACE.test(ch)) return [GAP];
  const out: number[] = [];
  const n = (QUOTES[ch] ?? ch.normalize('NFKC')).toLowerCase();
  for (const c of n) {
    if (PUNCT_OR_SYMBOL.test(c) || SPACE.test(c)) out.push(GAP);
    else out.push(c.codePointAt(0)! * 2 + (HAN.test(c) ? 0 : 1));
  }
  return out;
}

// Cache by UTF-16 unit (surrogates are never cached): 0 unknown, 1 dropped (a gap), 2 anything
// that is not one kept BMP character (recomputed each time: rare), 3 dropped without a gap
// (invisible), else code * 4 + 4 + word bit.
let unitCache: Int32Array | null = null;
function unitClass(code: number, ch: string): number {
  const cache = (unitCache ??= new Int32Array(0x10000));
  let v = cache[code]!;
  if (v !== 0) return v;
  const f = foldCodePoint(ch);
  if (f.length === 0) v = 3;
  else if (f.every((x) => x === GAP)) v = 1;
  else if (f.length === 1 && f[0]! >>> 1 <= 0xffff && (f[0]! >>> 1 < 0xd800 || f[0]! >>> 1 > 0xdfff)) v = (f[0]! >>> 1) * 4 + 4 + (f[0]! & 1);
  else v = 2;
  cache[code] = v;
  return v;
}

// The last few texts folded and their results: matching folds a page once to fingerprint it and
// again for every candidate it verifies, and sharedRegion folds both sides every time.
const FOLD_MEMO = 4;
const foldMemo: Array<{ text: string; folded: Folded }> = [];

/**
 * Matching folding: NFKC, Traditional -> Simplified, lower case, one quote style; whitespace,
 * punctuation and symbols dropped (they carry no evidence of reuse and differ most between sites).
 * The result may be shared with other callers: do not modify it.
 */
export function foldForMatch(text: string): Folded {
  for (let k = 0; k < foldMemo.length; k++) {
    const m = foldMemo[k]!;
    if (m.text === text) {
      if (k > 0) {
        foldMemo.splice(k, 1);
        foldMemo.unshift(m);
      }
      return m.folded;
    }
  }
  const folded = fold(text);
  foldMemo.unshift({ text, folded });
  if (foldMemo.length > FOLD_MEMO) foldMemo.pop();
  return folded;
}

/**
 * Web addresses in a text (the characters RFC 3986 allows, so a sentence going on after the
 * address is not taken into it): no evidence of a version (a tracking link of 4,000 characters is
 * padding, and two copies of one article link to different places), so matching skips them.
 */
const URL_RUN = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/giu;

/** Where web addresses stand in a text (see URL_RUN), as offsets. */
export function urlSpans(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('://') && !/www\./i.test(text)) return [];
  return [...text.matchAll(URL_RUN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function fold(text: string): Folded {
  const simp = toSimplifiedKey(text);
  // where web addresses start and end (none in most texts: one indexOf each)
  const urls = urlSpans(simp);
  let nextUrl = 0;
  const cache = (unitCache ??= new Int32Array(0x10000));
  let codes = new Uint16Array(simp.length + 16);
  let pos = new Int32Array(simp.length + 16);
  let len = 0;
  let gap = false; // whitespace or punctuation was dropped since the last kept character
  let prevWord = false; // the last kept character is Latin/digit (not Han)
  const grow = (): void => {
    const c = new Uint16Array(codes.length * 2);
    c.set(codes);
    codes = c;
    const p = new Int32Array(pos.length * 2);
    p.set(pos);
    pos = p;
  };
  // appends one kept character (a code point), with the space that separates two Latin words
  const keep = (cp: number, word: boolean, at: number): void => {
    if (len + 3 > codes.length) grow();
    // keep one space between two Latin words so that English can be cut into words
    if (gap && prevWord && word) {
      codes[len] = 32;
      pos[len++] = at;
    }
    if (cp > 0xffff) {
      codes[len] = 0xd800 + ((cp - 0x10000) >> 10);
      pos[len++] = at;
      codes[len] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      pos[len++] = at;
    } else {
      codes[len] = cp;
      pos[len++] = at;
    }
    gap = false;
    prevWord = word;
  };
  for (let i = 0; i < simp.length; ) {
    if (nextUrl < urls.length && i >= urls[nextUrl]!.start) {
      i = urls[nextUrl++]!.end;
      gap = true;
      continue;
    }
    const at = i;
    const code = simp.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 === simp.length) {
      // one UTF-16 unit: the cached rule
      i++;
      let v = cache[code]!;
      if (v === 0) v = unitClass(code, simp[at]!);
      if (v === 1) gap = true;
      else if (v === 3) continue;
      else if (v !== 2) keep((v - 4) >>> 2, (v & 1) === 1, at);
      else for (const x of foldCodePoint(simp[at]!)) x === GAP ? (gap = true) : keep(x >>> 1, (x & 1) === 1, at);
      continue;
    }
    // a surrogate pair (or a lone high surrogate): the rule, uncached
    const ch = String.fromCodePoint(simp.codePointAt(i)!);
    i += ch.length;
    for (const x of foldCodePoint(ch)) x === GAP ? (gap = true) : keep(x >>> 1, (x & 1) === 1, at);
  }
  let folded = '';
  for (let k = 0; k < len; k += 0x2000) folded += String.fromCharCode(...codes.subarray(k, Math.min(len, k + 0x2000)));
  const map = new Int32Array(len + 1);
  map.set(pos.subarray(0, len));
  map[len] = text.length;
  return { text: folded, map };
}
