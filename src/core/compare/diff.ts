// Token-level diff of two texts in the same language, on top of diff-match-patch.
//
// Texts are cut into tokens (code points, or words from Intl.Segmenter), each distinct token is
// mapped to one UTF-16 code unit (private-use characters first) and diff-match-patch diffs those
// strings: its work is then counted in tokens, a change never splits a word or a surrogate pair,
// and astral characters (emoji, rare CJK) stay whole. Its own semantic cleanup is not used: it
// scores boundaries with /[^a-zA-Z0-9]/, for which every Chinese character is punctuation. Instead
// tiny equalities between changes are folded into the surrounding replacement, with lengths
// measured in visible characters.
//
// Noise: with `foldNoise`, tokens are compared by their display fold (punctuation width, quote
// style, whitespace), so ，/, or “/" never show as changes; a change made only of whitespace or
// zero-width characters is noise too (see `isNoise`). With `foldScript`, tokens are compared in
// Simplified script too (the folding matching applies), so a Traditional reprint's 對話 is the
// article's 对话; Chinese text is then cut into words on its Simplified form, so both sides break
// alike. Kept text then has two spellings: a Piece keeps both, a DiffOp carries a's.
import DiffMatchPatch from 'diff-match-patch';
import { foldDisplay, toSimplifiedKey } from '../text/normalize';
import { splitSentences, splitWords } from '../text/segment';
import type { DiffOp, Lang } from '../types';

export type Granularity = 'char' | 'word';

export interface TextDiffOptions {
  granularity: Granularity;
  lang: Lang;
  /** Compare tokens by their display fold, so width, quote and whitespace differences count as equal. */
  foldNoise: boolean;
  /** Compare tokens in Simplified script, so Traditional and Simplified spellings count as equal (default false). */
  foldScript?: boolean;
  /** Epoch milliseconds after which diff-match-patch gives up (and the result is marked degraded). */
  deadline: number;
}

export interface TextDiff {
  /** Ops in order. Concatenating ops -1 and 0 gives `a` exactly; ops 0 and 1 give `b` (up to display folding when noise is folded). */
  ops: DiffOp[];
  /** The deadline or the token alphabet ran out: the ops are valid but may not be minimal. */
  degraded: boolean;
}

/** One step of a diff that keeps both spellings of kept text. */
export interface Piece {
  op: -1 | 0 | 1;
  a: string;
  b: string;
}

// Intl.Segmenter slows down sharply on long unbroken input (minutes for 200,000 Chinese
// characters), so text is handed to it a clause at a time: words never span clause punctuation or
// whitespace, and a run longer than MAX_CHUNK without either is cut (a word may be split there).
const CHUNK = /[^。！？；，、：,.;:!?\s]*[。！？；，、：,.;:!?\s]*/gu;
const MAX_CHUNK = 256;

function chunks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CHUNK)) {
    const c = m[0];
    if (c.length === 0) continue;
    for (let i = 0; i < c.length; i += MAX_CHUNK) {
      let end = Math.min(c.length, i + MAX_CHUNK);
      // never cut a surrogate pair in two
      if (end < c.length && /[\ud800-\udbff]/.test(c[end - 1]!) && /[\udc00-\udfff]/.test(c[end]!)) end++;
      out.push(c.slice(i, end));
      i = end - MAX_CHUNK;
    }
  }
  return out;
}

/**
 * Tokens covering `text` exactly, in order. `memo` holds the words of chunks already segmented:
 * the two sides of a diff share most of their clauses, and each chunk is segmented on its own,
 * so a clause found on both sides is segmented once.
 */
export function tokenize(text: string, granularity: Granularity, lang: Lang, memo?: Map<string, string[]>): string[] {
  if (granularity === 'char') return Array.from(text);
  const out: string[] = [];
  const words = (c: string): string[] => {
    let w = memo?.get(c);
    if (!w) {
      w = splitWords(c, lang);
      memo?.set(c, w);
    }
    return w;
  };
  for (const seg of chunks(text).flatMap(words)) {
    // a segment that mixes spaces and other characters is split, so that a space change stays noise
    if (seg.length > 1 && /\s/u.test(seg) && /\S/u.test(seg)) {
      for (const part of seg.match(/\s+|\S+/gu) ?? []) out.push(part);
    } else out.push(seg);
  }
  return out;
}

const SPACE_ONLY = /^[\s\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad]*$/u;

/** Display key of a token: all whitespace is one key, everything else its display fold. */
function foldKey(token: string): string {
  return SPACE_ONLY.test(token) ? ' ' : foldDisplay(token);
}

/**
 * What two texts are compared by: the display fold when noise is folded (width, quotes, spaces),
 * Simplified script when script is folded, both, or the text itself.
 */
export function compareKey(text: string, foldNoise: boolean, foldScript: boolean): string {
  const t = foldScript ? toSimplifiedKey(text) : text;
  return foldNoise ? foldDisplay(t) : t;
}

/**
 * A text's tokens as written, and the same tokens in Simplified script when script is folded: the
 * Simplified form is cut and the text as written sliced at the same offsets, so that a Traditional
 * text breaks where its Simplified counterpart does (t2s keeps lengths but for a few phrases;
 * where it does not, each token is converted on its own).
 */
function scriptTokens(text: string, opts: TextDiffOptions, memo: Map<string, string[]>): { tokens: string[]; simplified: string[] } {
  if (!opts.foldScript) {
    const tokens = tokenize(text, opts.granularity, opts.lang, memo);
    return { tokens, simplified: tokens };
  }
  const simp = toSimplifiedKey(text);
  if (simp.length !== text.length) {
    const tokens = tokenize(text, opts.granularity, opts.lang, memo);
    return { tokens, simplified: tokens.map(toSimplifiedKey) };
  }
  const simplified = tokenize(simp, opts.granularity, opts.lang, memo);
  if (simp === text) return { tokens: simplified, simplified };
  const tokens: string[] = [];
  let at = 0;
  for (const w of simplified) {
    tokens.push(text.slice(at, at + w.length));
    at += w.length;
  }
  return { tokens, simplified };
}

/** True for text that is only whitespace or zero-width characters: a change of it is never shown as an edit. */
export function isNoise(text: string): boolean {
  return SPACE_ONLY.test(text);
}

/** Visible characters of `text` after display folding (whitespace not counted): the unit of every length we report. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const ch of foldDisplay(text)) if (ch !== ' ') n++;
  return n;
}

// The alphabet tokens are mapped to: the 6,400 private-use characters first, then the rest of the
// BMP without surrogates (a lone surrogate in the encoded string would be harmless to
// diff-match-patch, but keeping it out makes the encoded strings valid UTF-16).
const PUA_START = 0xe000;
const PUA_SIZE = 0xf900 - 0xe000;
const ALPHABET_SIZE = PUA_SIZE + (0xd800 - 0x21) + (0x10000 - 0xf900);

function codeUnit(n: number): string {
  if (n < PUA_SIZE) return String.fromCharCode(PUA_START + n);
  let c = n - PUA_SIZE + 0x21;
  if (c >= 0xd800) c += 0xf900 - 0xd800;
  return String.fromCharCode(c);
}

let dmp: DiffMatchPatch | null = null;

/**
 * Diff of two key sequences: runs of [op, count]. Keys are compared as strings.
 * Degraded when the deadline passed or there are more distinct keys than code units to map them to
 * (then the whole of both sides is one replacement).
 */
export function diffKeys(keysA: readonly string[], keysB: readonly string[], deadline: number): { runs: Array<[-1 | 0 | 1, number]>; degraded: boolean } {
  // common prefix and suffix first: cheap, and keeps the alphabet small
  let pre = 0;
  while (pre < keysA.length && pre < keysB.length && keysA[pre] === keysB[pre]) pre++;
  let suf = 0;
  while (suf < keysA.length - pre && suf < keysB.length - pre && keysA[keysA.length - 1 - suf] === keysB[keysB.length - 1 - suf]) suf++;
  const midA = keysA.slice(pre, keysA.length - suf);
  const midB = keysB.slice(pre, keysB.length - suf);
  const runs: Array<[-1 | 0 | 1, number]> = [];
  const push = (op: -1 | 0 | 1, n: number): void => {
    if (n === 0) return;
    const last = runs[runs.length - 1];
    if (last && last[0] === op) last[1] += n;
    else runs.push([op, n]);
  };
  push(0, pre);
  let degraded = false;
  if (midA.length === 0 || midB.length === 0) {
    push(-1, midA.length);
    push(1, midB.length);
  } else {
    const ids = new Map<string, string>();
    const encode = (keys: string[]): string | null => {
      const parts: string[] = [];
      for (const k of keys) {
        let c = ids.get(k);
        if (c === undefined) {
          if (ids.size >= ALPHABET_SIZE) return null;
          c = codeUnit(ids.size);
          ids.set(k, c);
        }
        parts.push(c);
      }
      return parts.join('');
    };
    const ea = encode(midA);
    const eb = ea === null ? null : encode(midB);
    if (ea === null || eb === null) {
      degraded = true;
      push(-1, midA.length);
      push(1, midB.length);
    } else {
      dmp ??= new DiffMatchPatch();
      dmp.Diff_Timeout = Math.max(0.001, (deadline - Date.now()) / 1000);
      const diffs = dmp.diff_main(ea, eb, false, deadline);
      // diff-match-patch gives up silently at the deadline (a plain delete + insert): say so
      if (Date.now() >= deadline) degraded = true;
      // diffs are moves along the token strings: one code unit = one token
      for (const [op, s] of diffs) push(op as -1 | 0 | 1, s.length);
    }
  }
  push(0, suf);
  return { runs, degraded };
}

/** Past this many characters on a side, texts are diffed sentence by sentence first. */
const LARGE = 10_000;

/**
 * Long texts: a diff of their sentences first, then a token diff inside each stretch of changed
 * sentences (diff-match-patch's line mode, with sentences for lines). Token-level bisection over
 * 100,000 tokens with edits spread all over would run out of time and say nothing useful.
 */
function diffBySentences(a: string, b: string, opts: TextDiffOptions): { pieces: Piece[]; degraded: boolean } {
  const sa = splitSentences(a);
  const sb = splitSentences(b);
  const key = (x: string): string => compareKey(x, opts.foldNoise, opts.foldScript ?? false);
  const { runs, degraded: coarse } = diffKeys(sa.map(key), sb.map(key), opts.deadline);
  let degraded = coarse;
  const pieces: Piece[] = [];
  let i = 0;
  let j = 0;
  let delA = '';
  let insB = '';
  const flush = (): void => {
    if (delA.length > 0 || insB.length > 0) {
      const sub = tokenPieces(delA, insB, opts);
      degraded ||= sub.degraded;
      pieces.push(...sub.pieces);
    }
    delA = '';
    insB = '';
  };
  for (const [op, n] of runs) {
    if (op === 0) {
      flush();
      for (let k = 0; k < n; k++) pieces.push({ op: 0, a: sa[i + k]!, b: sb[j + k]! });
      i += n;
      j += n;
    } else if (op === -1) {
      delA += sa.slice(i, i + n).join('');
      i += n;
    } else {
      insB += sb.slice(j, j + n).join('');
      j += n;
    }
  }
  flush();
  return { pieces, degraded };
}

/** Diff of two texts as pieces that keep both spellings of kept text (before cleanup). */
function diffPieces(a: string, b: string, opts: TextDiffOptions): { pieces: Piece[]; degraded: boolean } {
  if ((a.length > LARGE || b.length > LARGE) && (splitSentences(a).length > 1 || splitSentences(b).length > 1)) {
    return diffBySentences(a, b, opts);
  }
  return tokenPieces(a, b, opts);
}

/** Token diff of two texts. */
function tokenPieces(a: string, b: string, opts: TextDiffOptions): { pieces: Piece[]; degraded: boolean } {
  const memo = new Map<string, string[]>();
  const { tokens: ta, simplified: sa } = scriptTokens(a, opts, memo);
  const { tokens: tb, simplified: sb } = scriptTokens(b, opts, memo);
  const ka = opts.foldNoise ? sa.map(foldKey) : sa;
  const kb = opts.foldNoise ? sb.map(foldKey) : sb;
  const { runs: raw, degraded } = diffKeys(ka, kb, opts.deadline);
  const runs = slideToBoundaries(raw, ta, tb, ka, kb);
  const pieces: Piece[] = [];
  let i = 0;
  let j = 0;
  for (const [op, n] of runs) {
    if (op === 0) {
      pieces.push({ op, a: ta.slice(i, i + n).join(''), b: tb.slice(j, j + n).join('') });
      i += n;
      j += n;
    } else if (op === -1) {
      pieces.push({ op, a: ta.slice(i, i + n).join(''), b: '' });
      i += n;
    } else {
      pieces.push({ op, a: '', b: tb.slice(j, j + n).join('') });
      j += n;
    }
  }
  return { pieces, degraded };
}

// How good a place the boundary between two tokens is for a change to start or end: the ends of
// the text, then sentence ends, clause punctuation, other punctuation or spaces.
function boundaryScore(left: string | undefined, right: string | undefined): number {
  if (left === undefined || right === undefined) return 6;
  if (/[。！？；!?;\n]["'”’）)」』】]*$/u.test(left)) return 5;
  if (/[，、：:,]$/u.test(left)) return 4;
  if (/^[\s“‘"'（(「『【《]/u.test(right) || /\s$/u.test(left)) return 3;
  if (/[\p{P}\p{S}]$/u.test(left) || /^[\p{P}\p{S}]/u.test(right)) return 1;
  return 0;
}

/**
 * A one-sided change between two kept stretches can often sit in several places
 * (山东[是…，山东]省 = [山东是…，]山东省). It is slid to the place whose two ends are the best
 * boundaries, so that a dropped clause reads as a clause; on a tie it stays where it was.
 */
function slideToBoundaries(
  runs: Array<[-1 | 0 | 1, number]>,
  ta: readonly string[],
  tb: readonly string[],
  ka: readonly string[],
  kb: readonly string[],
): Array<[-1 | 0 | 1, number]> {
  const r = runs.map((x): [-1 | 0 | 1, number] => [x[0], x[1]]);
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < r.length; k++) {
    const [op, n] = r[k]!;
    const prev = r[k - 1];
    const next = r[k + 1];
    if (op !== 0 && prev && prev[0] === 0 && next && next[0] === 0) {
      const toks = op === -1 ? ta : tb;
      const keys = op === -1 ? ka : kb;
      const s = op === -1 ? ia : ib; // start of the change on its own side
      let best = 0;
      let bestScore = boundaryScore(toks[s - 1], toks[s]) + boundaryScore(toks[s + n - 1], toks[s + n]);
      // left: the kept token before the change equals the change's last token
      for (let d = 1; d <= prev[1] && keys[s - d] === keys[s + n - d]; d++) {
        const sc = boundaryScore(toks[s - d - 1], toks[s - d]) + boundaryScore(toks[s + n - d - 1], toks[s + n - d]);
        if (sc > bestScore) [best, bestScore] = [-d, sc];
      }
      // right: the kept token after the change equals the change's first token
      for (let d = 1; d <= next[1] && keys[s + n + d - 1] === keys[s + d - 1]; d++) {
        const sc = boundaryScore(toks[s + d - 1], toks[s + d]) + boundaryScore(toks[s + n + d - 1], toks[s + n + d]);
        if (sc > bestScore) [best, bestScore] = [d, sc];
      }
      prev[1] += best;
      next[1] -= best;
      if (op === -1) ia += best;
      else ib += best;
    }
    if (op <= 0) ia += r[k]![1];
    if (op >= 0) ib += r[k]![1];
  }
  return r.filter(([, n]) => n > 0);
}

interface Cluster {
  /** A kept stretch, or a change (deleted text `a`, inserted text `b`). */
  kept: boolean;
  a: string;
  b: string;
}

function toClusters(pieces: Piece[]): Cluster[] {
  const out: Cluster[] = [];
  for (const p of pieces) {
    const kept = p.op === 0;
    const last = out[out.length - 1];
    if (last && last.kept === kept) {
      last.a += p.a;
      last.b += p.b;
    } else out.push({ kept, a: p.a, b: p.b });
  }
  return out;
}

/**
 * Folds a kept stretch that sits between two changes into one replacement when it is no longer
 * (in visible characters) than the larger side of the change on each side of it, and the result
 * is a replacement anyway (something deleted and something inserted around it). This is
 * diff-match-patch's semantic rule, measured in characters rather than tokens; a kept word
 * between two pure deletions stays kept, so a dropped clause does not turn into a rewrite.
 */
function mergeTinyEqualities(clusters: Cluster[], foldNoise: boolean): Cluster[] {
  const size = (s: string): number => (foldNoise && isNoise(s) ? 0 : visibleLength(s));
  const stack: Cluster[] = [];
  for (const c of clusters) {
    stack.push({ ...c });
    for (;;) {
      const n = stack.length;
      const next = stack[n - 1]!;
      const eq = stack[n - 2];
      const prev = stack[n - 3];
      if (next.kept || !eq || !eq.kept || !prev || prev.kept) break;
      const len = size(eq.a);
      const before = Math.max(size(prev.a), size(prev.b));
      const after = Math.max(size(next.a), size(next.b));
      const replaces = (prev.a + next.a).length > 0 && (prev.b + next.b).length > 0;
      if (!(replaces && len <= before && len <= after)) break;
      stack.length = n - 3;
      stack.push({ kept: false, a: prev.a + eq.a + next.a, b: prev.b + eq.b + next.b });
    }
  }
  return stack;
}

/**
 * When almost nothing is kept (under a fifth of the longer side, and some of it is scattered
 * between changes), old and new are shown whole as one replacement instead of as confetti.
 */
function wholeWhenConfetti(clusters: Cluster[], foldNoise: boolean): Cluster[] {
  const changes = clusters.filter((c) => !c.kept && !(foldNoise && isNoise(c.a) && isNoise(c.b)));
  if (changes.length < 2) return clusters;
  let kept = 0;
  let lenA = 0;
  let lenB = 0;
  for (const c of clusters) {
    lenA += visibleLength(c.a);
    lenB += visibleLength(c.b);
    if (c.kept) kept += visibleLength(c.a);
  }
  if (kept * 5 >= Math.max(lenA, lenB)) return clusters;
  return [{ kept: false, a: clusters.map((c) => c.a).join(''), b: clusters.map((c) => c.b).join('') }];
}

/** Pieces of a cleaned diff: kept pieces carry both spellings, changes are a deletion then an insertion. */
export function diffTextPieces(a: string, b: string, opts: TextDiffOptions): { pieces: Piece[]; degraded: boolean } {
  const { pieces, degraded } = diffPieces(a, b, opts);
  const clusters = wholeWhenConfetti(mergeTinyEqualities(toClusters(pieces), opts.foldNoise), opts.foldNoise);
  const out: Piece[] = [];
  for (const c of clusters) {
    if (c.kept) {
      if (c.a.length > 0 || c.b.length > 0) out.push({ op: 0, a: c.a, b: c.b });
      continue;
    }
    if (c.a.length > 0) out.push({ op: -1, a: c.a, b: '' });
    if (c.b.length > 0) out.push({ op: 1, a: '', b: c.b });
  }
  return { pieces: out, degraded };
}

/** Diff of two texts as diff-match-patch style ops (kept text spelled as in `a`). */
export function diffTexts(a: string, b: string, opts: TextDiffOptions): TextDiff {
  const { pieces, degraded } = diffTextPieces(a, b, opts);
  return { ops: pieces.map((p): DiffOp => [p.op, p.op === 1 ? p.b : p.a]), degraded };
}

/** Pieces from diff ops, with b's spelling of each kept op taken from `keptB` when given. */
export function stepsOf(ops: readonly DiffOp[], keptB?: readonly string[]): Piece[] {
  let k = 0;
  return ops.map(([op, text]): Piece => {
    if (op === -1) return { op, a: text, b: '' };
    if (op === 1) return { op, a: '', b: text };
    const b = keptB?.[k] ?? text;
    k++;
    return { op, a: text, b };
  });
}

/** True when the diff has a change that is not noise (with folding) or any change at all (without). */
export function hasRealChange(pieces: readonly Piece[], foldNoise: boolean): boolean {
  return pieces.some((p) => p.op !== 0 && !(foldNoise && isNoise(p.op === 1 ? p.b : p.a)));
}
