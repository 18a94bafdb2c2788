// Sentence alignment of a Chinese text with its English translation, in the way hunalign and
// Gale-Church work, without any translation service:
//   - each side is cut into sentences (paragraph boundaries kept), and each sentence into units:
//     Chinese by longest match against the lexicon, English into words reduced to crude stems;
//   - a pair of passages is scored by how much of each side the other explains: a Chinese unit is
//     explained when one of its English glosses (or the pinyin of a name, or a gazetteer name) occurs
//     in the English, an English word when it is among the glosses; numbers count when they agree
//     (1014 = 1,014, 100亿 = 10 billion), Latin tokens (AI, IDC, 5G) when they occur on both sides;
//   - a length model for Chinese characters against English words (Gale-Church, constants measured
//     on corpus 000/001, see LENGTH_RATIO) adjusts the score;
//   - a monotone dynamic programme over 1-0, 0-1, 1-1, 1-2, 2-1 (and 1-3, 3-1) beads picks the best
//     chain. Skipping a sentence scores 0 and a pairing scores (similarity - threshold) times the
//     text it covers, so the chain keeps only pairings that are better than chance: this is what
//     lets a page that translates a part of an article, or adds paragraphs of its own, align without
//     forcing every sentence into a pair (and without a band, which would assume the whole text).
import { pinyin } from 'pinyin-pro';
import { findNumbers, sameNumber, type NumberMention } from '../text/numbers';
import { EN_STOP, longestWord, stemEnglish, type Lexicon } from '../text/lexicon';
import { toSimplified } from '../text/normalize';
import { splitSentences } from '../text/segment';

export interface Sentence {
  /** Index of the paragraph it belongs to. */
  para: number;
  /** Offsets inside that paragraph. */
  start: number;
  end: number;
  text: string;
}

export interface AlignmentBead {
  /** Chinese sentences of the bead (0, 1 or 2, consecutive). */
  zh: Sentence[];
  /** English sentences of the bead (0, 1 or 2, consecutive). */
  en: Sentence[];
  /** Similarity of the pair, 0..1; 0 for a sentence left without a counterpart. */
  score: number;
}

/**
 * English words per Chinese character (Han characters, plus Latin words and numbers counted as one
 * each), and the variance of that count per character. Measured on corpus 000/001 over the 16 beads
 * the aligner pairs with similarity >= 0.6, re-estimated once with the measured values in place:
 * 0.76-0.79 words per character, variance 0.74-0.98 per character (tests/unit/align.test.ts checks
 * the constants against the corpus). Gale-Church's constants for European pairs (1 and 6.8,
 * characters against characters) do not apply to Chinese against English.
 */
export const LENGTH_RATIO = 0.78;
export const LENGTH_VARIANCE = 0.85;

/** A pairing must beat this similarity to be worth more than leaving both sentences unpaired. */
export const PAIR_THRESHOLD = 0.16;
/** 1-2 and 2-1 beads are rarer than 1-1 (Gale-Church priors 0.089 vs 0.89): they must earn it. */
const MERGE_PENALTY = 0.04;
/** Weight of the length model against the lexical similarity. */
const LENGTH_WEIGHT = 0.03;

const NUMBER_WEIGHT = 1.5;
const ANCHOR_WEIGHT = 1.5; // Latin tokens and names: rare, and strong evidence when shared

const ZH_STOP = new Set(Array.from('的了和与及等在是为对将把被也都而并从以于其之这那该此各已还就又或即让使给向由因所着过到能会要可个'));

// English stems are interned as small integers, once per process, so that the scorer marks and
// tests them in flat arrays instead of hashing strings in the inner loop of the dynamic programme.
const keyIds = new Map<string, number>();
function keyId(stem: string): number {
  let id = keyIds.get(stem);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(stem, id);
  }
  return id;
}

interface Unit {
  keys: number[];
  weight: number;
}

/** What the scorer needs of one sentence. */
export interface SentenceFeatures {
  units: Unit[];
  /** Chinese: every English stem (interned) the sentence can be translated by. English: its stems. */
  keys: number[];
  numbers: NumberMention[];
  /** Sum of unit and number weights. */
  weight: number;
  /** Length in the unit of the length model: Han characters (zh) or words (en). */
  size: number;
}

/** Text with the number mentions blanked out, so that digits do not become words. */
function blankNumbers(text: string, numbers: NumberMention[]): string {
  let out = '';
  let at = 0;
  for (const m of numbers) {
    out += text.slice(at, m.start) + ' '.repeat(m.end - m.start);
    at = m.end;
  }
  return out + text.slice(at);
}

const LATIN = /[A-Za-z0-9][A-Za-z0-9'’-]*/g;

/** Features of English sentences. */
export function englishFeatures(text: string): SentenceFeatures {
  const numbers = findNumbers(text);
  const units: Unit[] = [];
  const keys = new Set<number>();
  let words = 0;
  for (const m of blankNumbers(text, numbers).matchAll(LATIN)) {
    words++;
    const raw = m[0].replace(/’/g, "'");
    const acronym = /^[A-Z0-9]{2,}$/.test(raw) || /\d/.test(raw); // AI, IDC, GDP, 5G
    const name = /^[A-Z][a-z]/.test(raw) && m.index !== undefined && m.index > 0; // not the capital that opens a sentence
    for (const part of raw.toLowerCase().split('-')) {
      if (!part || EN_STOP.has(part)) continue;
      const key = keyId(stemEnglish(part));
      units.push({ keys: [key], weight: acronym || name ? ANCHOR_WEIGHT : 1 });
      keys.add(key);
    }
  }
  const weight = units.reduce((s, u) => s + u.weight, 0) + numbers.length * NUMBER_WEIGHT;
  return { units, keys: [...keys], numbers, weight, size: words + numbers.length };
}

/** Pinyin of each UTF-16 unit of `text` (non-Han characters stay themselves). */
function pinyinOf(text: string): string[] {
  const out = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  // pinyin-pro returns one item per character for Han text; fall back when the shapes differ
  if (out.length === text.length) return out;
  return Array.from(text, (ch) => (/\p{Script=Han}/u.test(ch) ? (pinyin(ch, { toneType: 'none' }) as string) : ch));
}

/** Features of Chinese sentences (Traditional is read as Simplified). */
export function chineseFeatures(text: string, lexicon: Lexicon): SentenceFeatures {
  const numbers = findNumbers(text);
  const simp = toSimplified(blankNumbers(text, numbers)).normalize('NFKC');
  const units: Unit[] = [];
  const keys = new Set<number>();
  let size = numbers.length;
  // Latin tokens inside Chinese text: AI, IDC, 5G, GDP
  for (const m of simp.matchAll(LATIN)) {
    const key = keyId(stemEnglish(m[0].toLowerCase()));
    units.push({ keys: [key], weight: ANCHOR_WEIGHT });
    keys.add(key);
    size++;
  }
  for (const run of simp.matchAll(/\p{Script=Han}+/gu)) {
    const han = run[0];
    size += han.length;
    // Names through pinyin: every 2-4 character window also "translates" as its pinyin (南京 -> nanjing,
    // 山东省 -> shandongsheng, whose stem shando meets Shandong). Non-names almost never spell an English word.
    const py = pinyinOf(han);
    // one list per UTF-16 unit, as the loops below index them (Array.from(han) would give one per code point: an astral character such as 𠀀 left the last index without a list)
    const pyKeys: number[][] = Array.from({ length: han.length }, () => []);
    for (let i = 0; i < han.length; i++) {
      let s = py[i] ?? '';
      for (let len = 2; len <= 4 && i + len <= han.length; len++) {
        s += py[i + len - 1] ?? '';
        const key = keyId(stemEnglish(s));
        for (let k = i; k < i + len; k++) pyKeys[k]!.push(key);
      }
    }
    // longest match against the lexicon
    let i = 0;
    while (i < han.length) {
      const len = Math.max(1, longestWord(lexicon, han, i));
      const word = han.slice(i, i + len);
      const gl = glossIds(lexicon, word);
      if (!(len === 1 && ZH_STOP.has(word))) {
        const uk = [...(gl ?? [])];
        for (let k = i; k < i + len; k++) uk.push(...pyKeys[k]!);
        // single characters are ambiguous (dozens of senses): half a word of evidence
        units.push({ keys: uk, weight: len === 1 ? 0.5 : 1 });
        for (const k of uk) keys.add(k);
      }
      i += len;
    }
  }
  const weight = units.reduce((s, u) => s + u.weight, 0) + numbers.length * NUMBER_WEIGHT;
  return { units, keys: [...keys], numbers, weight, size };
}

const glossCache = new WeakMap<Lexicon, Map<string, number[]>>();
/** Interned gloss stems of a headword, or undefined when the lexicon lacks it. */
function glossIds(lexicon: Lexicon, word: string): number[] | undefined {
  let cache = glossCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    glossCache.set(lexicon, cache);
  }
  let ids = cache.get(word);
  if (ids === undefined) {
    const stems = lexicon.glosses.get(word);
    if (!stems) return undefined;
    ids = stems.map(keyId);
    cache.set(word, ids);
  }
  return ids;
}

/** Number of mentions of `a` that agree with a distinct mention of `b`. */
export function agreeingNumbers(a: NumberMention[], b: NumberMention[]): number {
  const used = new Set<number>();
  let n = 0;
  for (const x of a) {
    const k = b.findIndex((y, j) => !used.has(j) && sameNumber(x, y));
    if (k >= 0) {
      used.add(k);
      n++;
    }
  }
  return n;
}

// The dynamic programme scores every pair of sentences: each Chinese sentence's units are indexed
// by key once, so that a pair costs a few lookups per English word instead of a scan of every
// gloss of every Chinese unit.
const unitsByKey = new WeakMap<SentenceFeatures, Map<number, number[]>>();
function keyIndex(f: SentenceFeatures): Map<number, number[]> {
  let idx = unitsByKey.get(f);
  if (!idx) {
    idx = new Map();
    f.units.forEach((u, n) => {
      for (const k of u.keys) {
        const list = idx!.get(k);
        if (!list) idx!.set(k, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    });
    unitsByKey.set(f, idx);
  }
  return idx;
}
let unitMark = new Int32Array(256);
let unitStamp = 0;

/** Similarity of Chinese passage `zh` and English passage `en` (each one or more sentences), 0..1. */
export function pairSimilarity(zh: SentenceFeatures[], en: SentenceFeatures[]): number {
  let total = 0;
  let units = 0;
  for (const f of zh) {
    total += f.weight;
    units += f.units.length;
  }
  for (const f of en) total += f.weight;
  if (total === 0) return 0;
  if (unitMark.length < units) unitMark = new Int32Array(units * 2);
  unitStamp++;
  let covered = 0;
  // Chinese units explained by a word of the English side
  const idxs = zh.map(keyIndex);
  let offset = 0;
  for (let zi = 0; zi < zh.length; zi++) {
    const z = zh[zi]!;
    const idx = idxs[zi]!;
    for (const e of en) {
      for (const k of e.keys) {
        const us = idx.get(k);
        if (!us) continue;
        for (const n of us) {
          if (unitMark[offset + n] === unitStamp) continue;
          unitMark[offset + n] = unitStamp;
          covered += z.units[n]!.weight;
        }
      }
    }
    offset += z.units.length;
  }
  // English words among the translations of the Chinese side
  for (const e of en) {
    for (const u of e.units) {
      const k = u.keys[0]!;
      if (idxs.length === 1 ? idxs[0]!.has(k) : idxs.some((idx) => idx.has(k))) covered += u.weight;
    }
  }
  const zn = zh.length === 1 ? zh[0]!.numbers : zh.flatMap((f) => f.numbers);
  const enN = en.length === 1 ? en[0]!.numbers : en.flatMap((f) => f.numbers);
  if (zn.length && enN.length) covered += 2 * NUMBER_WEIGHT * agreeingNumbers(zn, enN);
  return covered / total;
}

/** Standard normal upper tail, for the Gale-Church length model. */
function normalTail(x: number): number {
  // Abramowitz-Stegun 26.2.17
  const t = 1 / (1 + 0.2316419 * x);
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  return d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
}

/** Log-probability-like length score of a pairing: 0 for a perfect ratio, down to about -5 for absurd ones. */
export function lengthScore(zhSize: number, enSize: number, ratio = LENGTH_RATIO): number {
  if (zhSize === 0 || enSize === 0) return -5;
  const delta = (enSize - zhSize * ratio) / Math.sqrt(zhSize * LENGTH_VARIANCE * (ratio / LENGTH_RATIO));
  const p = 2 * normalTail(Math.abs(delta));
  return Math.max(-5, Math.log(Math.max(p, 1e-12)));
}

/** Sentences of each paragraph, in order. */
export function sentencesOf(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, para) => {
    let at = 0;
    for (const s of splitSentences(p)) {
      if (s.trim()) out.push({ para, start: at, end: at + s.length, text: s });
      at += s.length;
    }
  });
  return out;
}

// Chinese sentences are long and translators often cut one into two or three English sentences
const BEADS: [number, number][] = [
  [1, 1],
  [1, 2],
  [2, 1],
  [1, 3],
  [3, 1],
];
/** Above this many sentence pairs (about 250 x 250 sentences, a few hundred ms) the search is banded. */
const MAX_CELLS = 60_000;
/** Every sentence of a merged bead must resemble the other side at least this much (1-1). */
export const MERGE_FLOOR = PAIR_THRESHOLD / 2;
/** A bead whose sentences on one side come from two paragraphs: possible, but a paragraph break usually survives translation. */
const CROSS_PARAGRAPH_PENALTY = 0.1;

/**
 * Best monotone chain of beads between prepared Chinese and English sentences. Returns, for both
 * sides in order, every sentence exactly once: paired sentences in 1-1 / 1-2 / 2-1 beads and the
 * others in 1-0 / 0-1 beads.
 */
export function alignFeatures(
  zh: SentenceFeatures[],
  en: SentenceFeatures[],
  zhPara: number[] = [],
  enPara: number[] = [],
  info?: { banded: boolean },
): IndexBead[] {
  const n = zh.length;
  const m = en.length;
  const W = m + 1;
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  best[0] = 0;
  const back = new Uint8Array((n + 1) * W); // 0 start, 1 skip zh, 2 skip en, 3.. BEADS index + 3
  const sim = new Float64Array((n + 1) * W);
  const one = new Float32Array(n * m); // 1-1 similarities, filled as the cells are visited
  // Very long texts: only a band around the diagonal (as hunalign does). A partial translation far
  // off the diagonal can then be missed, so the caller is told (Comparison.degraded).
  const banded = n * m > MAX_CELLS;
  if (info) info.banded = banded;
  const half = banded ? Math.max(Math.ceil(MAX_CELLS / (2 * (n + 1))), Math.ceil(m / Math.max(1, n)) + 2) : m;
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : (i * m) / n;
    const lo = banded ? Math.max(0, Math.floor(centre - half)) : 0;
    const hi = banded ? Math.min(m, Math.ceil(centre + half)) : m;
    for (let j = lo; j <= hi; j++) {
      if (i === 0 && j === 0) continue;
      const at = i * W + j;
      let b = -Infinity;
      let how = 0;
      if (i > 0 && best[at - W]! > b) {
        b = best[at - W]!;
        how = 1;
      }
      if (j > 0 && best[at - 1]! > b) {
        b = best[at - 1]!;
        how = 2;
      }
      for (let k = 0; k < BEADS.length; k++) {
        const [di, dj] = BEADS[k]!;
        if (i < di || j < dj) continue;
        const prev = best[(i - di) * W + (j - dj)]!;
        if (k > 0) {
          // a merged bead is only worth scoring when each of its sentences already resembles the
          // other side (true splits do: each half of a split sentence translates part of it)
          let weak = false;
          for (let x = i - di; x < i && !weak; x++) for (let y = j - dj; y < j && !weak; y++) weak = one[x * m + y]! < MERGE_FLOOR;
          if (weak) continue;
        }
        const zs = di === 1 ? [zh[i - 1]!] : zh.slice(i - di, i);
        const es = dj === 1 ? [en[j - 1]!] : en.slice(j - dj, j);
        // a pairing is worth its excess similarity times the text it covers, so that a 1-2 bead that
        // explains a whole translated sentence beats a 1-1 bead that leaves half of it unpaired
        const mass = (zs.reduce((t, f) => t + f.weight, 0) + es.reduce((t, f) => t + f.weight, 0)) / 2;
        const s = pairSimilarity(zs, es);
        if (k === 0) one[(i - 1) * m + (j - 1)] = s;
        const crosses =
          (di > 1 && zhPara[i - di] !== zhPara[i - 1]) || (dj > 1 && enPara[j - dj] !== enPara[j - 1]);
        const gain =
          mass *
          (s - PAIR_THRESHOLD - (di + dj > 2 ? MERGE_PENALTY * (di + dj - 2) : 0) - (crosses ? CROSS_PARAGRAPH_PENALTY : 0) +
            LENGTH_WEIGHT * lengthScore(zs.reduce((t, f) => t + f.size, 0), es.reduce((t, f) => t + f.size, 0)));
        if (gain <= 0) continue;
        if (prev + gain > b) {
          b = prev + gain;
          how = 3 + k;
          sim[at] = s;
        }
      }
      best[at] = b;
      back[at] = how;
    }
  }
  const beads = traceBack(back, sim, W, n, m, BEADS, (k) => k, (k) => k);
  return fillGaps(beads, zh, en, zhPara, enPara);
}

/**
 * Between two paired beads, unpaired sentences on both sides are most likely each other's
 * translation, which the lexicon failed to show ("So we have to act," he said. / “所以我们必须采取
 * 行动，”他说。, or any sentence whose words the dictionary lacks): they are aligned again with the
 * lexical threshold dropped and the length model given more weight, as hunalign fills the gaps
 * between its anchors. At the two ends of the texts, where a page's own material or an untranslated
 * lead may sit, a pairing still needs some lexical evidence.
 */
function fillGaps(beads: IndexBead[], zh: SentenceFeatures[], en: SentenceFeatures[], zhPara: number[], enPara: number[]): IndexBead[] {
  const paired = (b: IndexBead): boolean => b.zh.length > 0 && b.en.length > 0;
  if (!beads.some(paired)) return beads;
  // the translator's own words per character, from the pairs already found (news translations
  // range from 0.5 to over 1 English word per Chinese character; the constant is one corpus's)
  let zs = 0;
  let es = 0;
  for (const b of beads) {
    if (!paired(b)) continue;
    for (const x of b.zh) zs += zh[x]!.size;
    for (const y of b.en) es += en[y]!.size;
  }
  const ratio = translatorRatio(zs, es);
  const out: IndexBead[] = [];
  let k = 0;
  while (k < beads.length) {
    if (paired(beads[k]!)) {
      out.push(beads[k++]!);
      continue;
    }
    let l = k;
    const Z: number[] = [];
    const E: number[] = [];
    while (l < beads.length && !paired(beads[l]!)) {
      Z.push(...beads[l]!.zh);
      E.push(...beads[l]!.en);
      l++;
    }
    const edge = k === 0 || l === beads.length;
    const size = (idx: number[], f: SentenceFeatures[]): number => idx.reduce((t, x) => t + f[x]!.size, 0);
    const filled =
      Z.length > 0 && E.length > 0 && Z.length * E.length <= GAP_CELLS && lengthScore(size(Z, zh), size(E, en), ratio) >= GAP_MIN_LENGTH_SCORE
        ? alignGap(Z, E, zh, en, zhPara, enPara, edge, ratio)
        : null;
    // only a gap that aligns whole: one that leaves a sentence over holds text of one side only
    // (an untranslated paragraph, one the translator added), and then no pairing in it is safe
    if (filled && filled.every(paired)) out.push(...filled);
    else out.push(...(pairParagraphs(Z, E, zh, en, zhPara, enPara, edge, ratio) ?? beads.slice(k, l)));
    k = l;
  }
  return out;
}

/** Paired Chinese text (in length units) needed to measure a document's own length ratio. */
const MIN_RATIO_SIZE = 60;

/**
 * English words per Chinese character of one translation, measured on the text its alignment
 * paired (`zhSize` Chinese units beside `enSize` English words); LENGTH_RATIO when too little is paired.
 */
export function translatorRatio(zhSize: number, enSize: number): number {
  return zhSize >= MIN_RATIO_SIZE ? Math.min(2 * LENGTH_RATIO, Math.max(LENGTH_RATIO / 2, enSize / zhSize)) : LENGTH_RATIO;
}
/** A gap this large (sentence pairs) is left as the main search found it. */
const GAP_CELLS = 400;
/** In a gap, a pairing is worth (similarity + GAP_LENGTH_WEIGHT * (length score + GAP_LENGTH_ALLOWANCE)). */
const GAP_LENGTH_WEIGHT = 0.05;
const GAP_LENGTH_ALLOWANCE = 2.5;
/** A gap whose two sides' lengths are this unlikely (about 1 in 50) for one translation is left unpaired. */
const GAP_MIN_LENGTH_SCORE = -4;

/** Sentences of each paragraph, counted once per call site. */
const paragraphSizes = new WeakMap<number[], Map<number, number>>();
function sentencesIn(paras: number[], p: number): number {
  let m = paragraphSizes.get(paras);
  if (!m) {
    m = new Map();
    for (const x of paras) m.set(x, (m.get(x) ?? 0) + 1);
    paragraphSizes.set(paras, m);
  }
  return m.get(p) ?? 0;
}

/** A gap of whole paragraphs, as many on each side, up to this many, can be paired paragraph by paragraph. */
const GAP_PARAGRAPHS = 4;
/** Below this many Chinese units a paragraph is a heading or a dateline, which few words can show. */
const SHORT_PARAGRAPH = 15;

/**
 * A gap that holds whole paragraphs, as many on each side (a paragraph translated in other
 * sentences than its source's, whose words the lexicon lacks): paragraph k beside paragraph k, when
 * every such pair shows some of its words (MERGE_FLOOR), or is short and of matching length. Null
 * when the gap is not of that shape or a pair fails.
 */
function pairParagraphs(Z: number[], E: number[], zh: SentenceFeatures[], en: SentenceFeatures[], zhPara: number[], enPara: number[], edge: boolean, ratio: number): IndexBead[] | null {
  if (Z.length === 0 || E.length === 0 || zhPara.length !== zh.length || enPara.length !== en.length) return null;
  const groups = (idx: number[], paras: number[]): number[][] | null => {
    const out: number[][] = [];
    for (const x of idx) {
      const last = out[out.length - 1];
      if (last && paras[last[0]!] === paras[x]) last.push(x);
      else out.push([x]);
    }
    return out.every((g) => g.length === sentencesIn(paras, paras[g[0]!]!)) ? out : null;
  };
  const gz = groups(Z, zhPara);
  const ge = groups(E, enPara);
  if (!gz || !ge || gz.length !== ge.length || gz.length > GAP_PARAGRAPHS) return null;
  const out: IndexBead[] = [];
  for (let k = 0; k < gz.length; k++) {
    const zs = gz[k]!.map((x) => zh[x]!);
    const es = ge[k]!.map((y) => en[y]!);
    const sim = pairSimilarity(zs, es);
    const zSize = zs.reduce((t, f) => t + f.size, 0);
    const ls = lengthScore(zSize, es.reduce((t, f) => t + f.size, 0), ratio);
    const ok = sim >= MERGE_FLOOR ? !edge || ls >= GAP_MIN_LENGTH_SCORE : zSize <= SHORT_PARAGRAPH && ls >= -1.5;
    if (!ok) return null;
    out.push({ zh: gz[k]!, en: ge[k]!, score: Math.max(sim, 1e-4) });
  }
  return out;
}

/** Monotone alignment of the sentences of one gap (consecutive indexes on each side), 1-1 / 1-2 / 2-1 and skips. */
function alignGap(Z: number[], E: number[], zh: SentenceFeatures[], en: SentenceFeatures[], zhPara: number[], enPara: number[], edge: boolean, ratio: number): IndexBead[] {
  const n = Z.length;
  const m = E.length;
  const W = m + 1;
  const best = new Float64Array((n + 1) * W).fill(-Infinity);
  const back = new Uint8Array((n + 1) * W);
  const sims = new Float64Array((n + 1) * W);
  best[0] = 0;
  const shapes: [number, number][] = [[1, 1], [1, 2], [2, 1]];
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      const at = i * W + j;
      let b = -Infinity;
      let how = 0;
      if (i > 0 && best[at - W]! > b) {
        b = best[at - W]!;
        how = 1;
      }
      if (j > 0 && best[at - 1]! > b) {
        b = best[at - 1]!;
        how = 2;
      }
      shapes.forEach(([di, dj], s) => {
        if (i < di || j < dj) return;
        const zs = Z.slice(i - di, i).map((x) => zh[x]!);
        const es = E.slice(j - dj, j).map((y) => en[y]!);
        if (di > 1 && zhPara[Z[i - 2]!] !== zhPara[Z[i - 1]!]) return;
        if (dj > 1 && enPara[E[j - 2]!] !== enPara[E[j - 1]!]) return;
        const sim = pairSimilarity(zs, es);
        if (edge && sim < MERGE_FLOOR) return;
        const ls = lengthScore(zs.reduce((t, f) => t + f.size, 0), es.reduce((t, f) => t + f.size, 0), ratio);
        const gain = sim + GAP_LENGTH_WEIGHT * (ls + GAP_LENGTH_ALLOWANCE) - (di + dj > 2 ? MERGE_PENALTY : 0);
        if (gain <= 0) return;
        const mass = (zs.reduce((t, f) => t + f.weight, 0) + es.reduce((t, f) => t + f.weight, 0)) / 2;
        const v = best[(i - di) * W + (j - dj)]! + mass * gain;
        if (v > b) {
          b = v;
          how = 3 + s;
          sims[at] = sim;
        }
      });
      best[at] = b;
      back[at] = how;
    }
  }
  // (a pairing has a positive score, even when no word of it is in the lexicon)
  return traceBack(back, sims, W, n, m, shapes, (k) => Z[k]!, (k) => E[k]!).map((b) => (b.zh.length && b.en.length ? { ...b, score: Math.max(b.score, 1e-4) } : b));
}

/**
 * The beads of a dynamic programme's best path, first to last: back[i * W + j] says how cell (i, j)
 * was reached (1 a Chinese sentence alone, 2 an English one alone, 3 + k the shape shapes[k]), sims
 * the pair's similarity there; zhAt and enAt map the programme's positions to sentence numbers.
 */
function traceBack(back: Uint8Array | Int8Array | number[], sims: Float64Array | Float32Array | number[], W: number, n: number, m: number, shapes: readonly (readonly [number, number])[], zhAt: (k: number) => number, enAt: (k: number) => number): IndexBead[] {
  const out: IndexBead[] = [];
  const range = (from: number, to: number, at: (k: number) => number): number[] => Array.from({ length: to - from }, (_, k) => at(from + k));
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const how = back[i * W + j]!;
    if (how === 1) {
      out.push({ zh: [zhAt(--i)], en: [], score: 0 });
    } else if (how === 2) {
      out.push({ zh: [], en: [enAt(--j)], score: 0 });
    } else {
      const [di, dj] = shapes[how - 3]!;
      out.push({ zh: range(i - di, i, zhAt), en: range(j - dj, j, enAt), score: sims[i * W + j]! });
      i -= di;
      j -= dj;
    }
  }
  return out.reverse();
}

/** A text cut into sentences, with the features the scorer needs (Chinese or English). */
export interface PreparedText {
  sentences: Sentence[];
  features: SentenceFeatures[];
}

// Corpus articles are aligned against page after page: their features are kept for the last few texts.
const PREPARED_CACHE_SIZE = 16;
const prepared = new Map<string, PreparedText>();

/** Sentences and features of `paragraphs`, read as Chinese (`zh`) or English. */
export function prepareText(paragraphs: string[], zh: boolean, lexicon: Lexicon, cache = true): PreparedText {
  const key = `${zh ? 'zh' : 'en'}\u0000${paragraphs.join('\n')}`;
  const hit = cache ? prepared.get(key) : undefined;
  if (hit && (!zh || preparedLexicon.get(hit) === lexicon)) return hit;
  const sentences = sentencesOf(paragraphs);
  const out: PreparedText = {
    sentences,
    features: sentences.map((s) => (zh ? chineseFeatures(s.text, lexicon) : englishFeatures(s.text))),
  };
  if (!cache) return out;
  preparedLexicon.set(out, lexicon);
  prepared.set(key, out);
  if (prepared.size > PREPARED_CACHE_SIZE) prepared.delete(prepared.keys().next().value!);
  return out;
}
const preparedLexicon = new WeakMap<PreparedText, Lexicon>();

/** A bead by sentence numbers (indexes into PreparedText.sentences) instead of sentences. */
export interface IndexBead {
  zh: number[];
  en: number[];
  score: number;
}

/** Aligns two prepared texts by sentence numbers; see alignTranslation. */
export function alignIndexes(zh: PreparedText, en: PreparedText, info?: { banded: boolean }): IndexBead[] {
  return alignFeatures(
    zh.features,
    en.features,
    zh.sentences.map((s) => s.para),
    en.sentences.map((s) => s.para),
    info,
  );
}

function beadsOf(zh: PreparedText, en: PreparedText, beads: IndexBead[]): AlignmentBead[] {
  return beads.map((b) => ({ zh: b.zh.map((k) => zh.sentences[k]!), en: b.en.map((k) => en.sentences[k]!), score: b.score }));
}

/** Aligns two prepared texts; see alignTranslation. */
export function alignPrepared(zh: PreparedText, en: PreparedText, info?: { banded: boolean }): AlignmentBead[] {
  return beadsOf(zh, en, alignIndexes(zh, en, info));
}

/**
 * An alignment kept for later (the corpus compiler stores one for each pair of articles that
 * translate each other, so that comparing them does not align them again). Beads are consecutive
 * and cover every sentence once, so a bead is stored as its two sentence counts.
 */
export interface PackedAlignment {
  /** Sentences of the Chinese and of the English text it was computed on. */
  sentences: [number, number];
  /** Beads in order: [Chinese sentences, English sentences, similarity]. */
  beads: [number, number, number][];
  /** The search was banded (very long texts): a comparison built on it is degraded. */
  banded: boolean;
}

/** Aligns Chinese and English paragraphs and packs the result for storage. */
export function packedAlignment(zh: string[], en: string[], lexicon: Lexicon): PackedAlignment {
  const z = prepareText(zh, true, lexicon);
  const e = prepareText(en, false, lexicon);
  const info = { banded: false };
  const beads = alignIndexes(z, e, info);
  return {
    sentences: [z.sentences.length, e.sentences.length],
    // four decimals: the similarity only orders and thresholds beads, it is never shown
    beads: beads.map((b) => [b.zh.length, b.en.length, Math.round(b.score * 1e4) / 1e4]),
    banded: info.banded,
  };
}

/**
 * A packed alignment as beads of two prepared texts, or null when it does not fit them (the
 * sentence splitter has changed since it was computed, or it belongs to other texts): the caller
 * then aligns afresh.
 */
export function unpackAlignment(zh: PreparedText, en: PreparedText, packed: PackedAlignment): AlignmentBead[] | null {
  const [nz, ne] = packed.sentences;
  if (nz !== zh.sentences.length || ne !== en.sentences.length) return null;
  const out: IndexBead[] = [];
  let i = 0;
  let j = 0;
  for (const [dz, de, score] of packed.beads) {
    if (!Number.isInteger(dz) || !Number.isInteger(de) || dz < 0 || de < 0 || dz + de === 0) return null;
    out.push({ zh: Array.from({ length: dz }, (_, k) => i + k), en: Array.from({ length: de }, (_, k) => j + k), score });
    i += dz;
    j += de;
  }
  if (i !== nz || j !== ne) return null;
  return beadsOf(zh, en, out);
}

/**
 * Aligns Chinese paragraphs with English paragraphs sentence by sentence. Every sentence of both
 * sides appears in exactly one bead, in order; paired beads carry their similarity.
 */
export function alignTranslation(zh: string[], en: string[], lexicon: Lexicon): AlignmentBead[] {
  return alignPrepared(prepareText(zh, true, lexicon), prepareText(en, false, lexicon));
}
