// Text folding for matching and for noise-free comparison.
// Matching folds compatibility forms (full-width letters, digits and punctuation), quote styles,
// whitespace, Latin case and Traditional to Simplified Chinese, and keeps a map back to the
// original offsets so that shared passages can be located in the text the reader sees.
import { Converter } from 'opencc-js/t2cn';

let t2sConvert: ((s: string) => string) | null = null;
/** Traditional -> Simplified Chinese, character by character (lengths are preserved). */
export function toSimplified(text: string): string {
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

const QUOTES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"',
  '\u300c': '"', '\u300d': '"', '\u300e': '"', '\u300f': '"', '\u301d': '"', '\u301e': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
};

const SPACE = /[\s\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff]/u;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SOFT = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/u; // soft hyphen and zero-width characters

/** Display folding: NFKC (full-width to half-width), one quote style, soft characters removed, runs of whitespace to one space. */
export function foldDisplay(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (SOFT.test(ch)) continue;
    if (SPACE.test(ch)) {
      space = true;
      continue;
    }
    if (space && out.length > 0) out += ' ';
    space = false;
    const q = QUOTES[ch];
    out += q ?? ch.normalize('NFKC');
  }
  return out;
}

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 index of `text`, the UTF-16 index in the original it came from (length text.length + 1). */
  map: Int32Array;
}

/**
 * Matching folding: NFKC, Traditional -> Simplified, lower case, one quote style; whitespace,
 * punctuation and symbols dropped (they carry no evidence of reuse and differ most between sites).
 */
export function foldForMatch(text: string): Folded {
  const simp = toSimplified(text);
  const chars: string[] = [];
  const pos: number[] = [];
  let gap = false; // whitespace or punctuation was dropped since the last kept character
  let prevWord = false; // the last kept character is Latin/digit (not Han)
  let i = 0;
  for (const ch of simp) {
    const at = i;
    i += ch.length;
    if (SPACE.test(ch) || SOFT.test(ch)) {
      gap = true;
      continue;
    }
    const n = (QUOTES[ch] ?? ch.normalize('NFKC')).toLowerCase();
    for (const c of n) {
      if (PUNCT_OR_SYMBOL.test(c) || SPACE.test(c)) {
        gap = true;
        continue;
      }
      const word = !HAN.test(c);
      // keep one space between two Latin words so that English can be cut into words
      if (gap && prevWord && word) {
        chars.push(' ');
        pos.push(at);
      }
      chars.push(c);
      for (let k = 0; k < c.length; k++) pos.push(at);
      gap = false;
      prevWord = word;
    }
  }
  const folded = chars.join('');
  const map = new Int32Array(folded.length + 1);
  for (let k = 0; k < pos.length; k++) map[k] = pos[k]!;
  map[folded.length] = text.length;
  return { text: folded, map };
}
