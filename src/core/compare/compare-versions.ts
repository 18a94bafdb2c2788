// Comparing two versions of an article in the same language: what the reprint cut, added,
// reworded or moved, and nothing else.
//
// 1. The shared region: where the two texts share passages (given, or found by sharedRegion),
//    widened to whole paragraphs and to the attribution lines right around it (来源, 责编, 原标题,
//    bylines). Everything outside it - site clutter, appended unrelated articles - is reported in
//    `outside`, never as insertions.
// 2. Paragraphs are paired: identical ones (up to noise) by a diff of the paragraph sequences, the
//    rest inside each gap by similarity with a small dynamic programme that also allows two
//    paragraphs merged into one and one split into two; what is left unpaired on both sides and
//    still similar is a move (one row, not a deletion plus an insertion).
// 3. Paired paragraphs that differ are diffed token by token (diff.ts), edits are named
//    (edits.ts), and the summary is counted in visible characters.
//
// Rebuilding. Every row carries `aIndex` / `bIndex`, the index of its (first) paragraph on each
// side. Rows with an a text, in aIndex order, joined with "\n", are exactly the region of a
// (a.paragraphs.join("\n") sliced by `region.a`); the same holds for b. A row's a text may hold
// two paragraphs joined by "\n" (a merge). The ops of a changed or moved row rebuild its a
// exactly from ops -1 and 0, and its b exactly from ops 0 and 1 with each kept op spelled as in
// `keptB` when the row has it (noise folded, and b spells kept text differently: see rowSteps).
// `outside.a` is the paragraphs before the region, then those after it, then `a.appended`;
// likewise for b.
import { compareKey, diffKeys, diffTextPieces, hasRealChange, isNoise, stepsOf, visibleLength, type Granularity, type Piece } from './diff';
import { isAttributionLine } from '../text/attribution';
import { classifyEdits, invisibleCount, rowGroups } from './edits';
import { tokenSpans } from '../index/fingerprint';
import { foldDisplay, foldForMatch } from '../text/normalize';
import { sharedRegion } from '../match/passages';
import type { CompareRow, Comparison, DiffOp, Lang, Span } from '../types';

export interface VersionText {
  id?: string;
  title: string;
  lang: Lang;
  /** Body paragraphs, none empty (extraction and the corpus parser drop empty lines). */
  paragraphs: string[];
  /** Unrelated material the page carries after the article (reported in `outside`). */
  appended?: string[];
  /** Source, editor and byline lines kept apart from the body. */
  sourceLines?: string[];
}

export interface CompareOptions {
  /** Token unit inside paragraphs; default 'word' (Intl.Segmenter words, for Chinese too). */
  granularity?: Granularity;
  /** Show punctuation width, quote style and whitespace differences as equal (default true). */
  foldNoise?: boolean;
  /**
   * Compare in Simplified script, as matching does, so a Traditional reprint of an unchanged
   * article shows no change and each side is still shown as written (default true).
   */
  foldScript?: boolean;
  /** The shared region as offsets into paragraphs.join('\n') of each side; default: sharedRegion(). */
  region?: { a: Span; b: Span };
  /** Time budget for all the diffing, ms (default 2000). Past it the result is marked degraded. */
  timeoutMs?: number;
}

/** A row with the paragraph index it starts at on each side (absent on a side it does not have). */
export interface VersionRow extends CompareRow {
  aIndex?: number;
  bIndex?: number;
  /**
   * When noise is folded, a kept op is spelled as in a; where b spells some kept op differently
   * (，for ,), this lists b's spelling of every kept op in order, so that b can be shown as written.
   */
  keptB?: string[];
}

/** The steps of a changed or moved row with b's own spelling of kept text; [] for rows without ops. */
export function rowSteps(row: VersionRow): Piece[] {
  return row.ops ? stepsOf(row.ops, row.keptB) : [];
}

export interface VersionComparison extends Comparison {
  rows: VersionRow[];
  /** The compared region, snapped to whole paragraphs, as offsets into paragraphs.join('\n'). */
  region: { a: Span; b: Span };
  granularity: Granularity;
  foldNoise: boolean;
  foldScript: boolean;
}

const DEFAULT_TIMEOUT_MS = 2000;
/** Similarity cells computed inside one gap before it is banded around its diagonal. */
const MAX_GAP_CELLS = 200_000;
/** A gap bigger than this (cells of the alignment table) is not aligned at all: its paragraphs stay unpaired. */
const MAX_GAP_TABLE = 4_000_000;
/** Pairs of leftover paragraphs compared when looking for moves. */
const MAX_MOVE_PAIRS = 200_000;

// ---------------------------------------------------------------------------------------------
// Region

interface ParaRange {
  from: number;
  to: number;
}

function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    starts.push(at);
    at += p.length + 1;
  }
  return starts;
}

/** The paragraphs a span touches: from the first that ends after its start to the last that starts before its end. */
function snap(paragraphs: readonly string[], span: Span): ParaRange {
  const starts = paragraphStarts(paragraphs);
  let from = paragraphs.length;
  for (let i = 0; i < paragraphs.length; i++) {
    if (starts[i]! + paragraphs[i]!.length > span.start) {
      from = i;
      break;
    }
  }
  let to = from;
  for (let i = paragraphs.length - 1; i >= from; i--) {
    if (starts[i]! < span.end) {
      to = i + 1;
      break;
    }
  }
  return { from, to: Math.max(from, to) };
}

/** Widens a paragraph range over the attribution lines right before and after it. */
function widenOverAttribution(paragraphs: readonly string[], r: ParaRange): ParaRange {
  let { from, to } = r;
  if (to === from) return r;
  while (from > 0 && isAttributionLine(paragraphs[from - 1]!)) from--;
  while (to < paragraphs.length && isAttributionLine(paragraphs[to]!)) to++;
  return { from, to };
}

function toSpan(paragraphs: readonly string[], r: ParaRange): Span {
  if (r.to <= r.from) {
    const starts = paragraphStarts(paragraphs);
    const at = r.from < paragraphs.length ? starts[r.from]! : paragraphs.join('\n').length;
    return { start: at, end: at };
  }
  const starts = paragraphStarts(paragraphs);
  return { start: starts[r.from]!, end: starts[r.to - 1]! + paragraphs[r.to - 1]!.length };
}

// ---------------------------------------------------------------------------------------------
// Paragraph similarity

/** A paragraph's features: the ids of its distinct token bigrams, ascending. */
interface Features {
  ids: Int32Array;
  size: number;
}

/**
 * Token bigrams of the matching fold: Han characters are tokens, Latin words are tokens. Each
 * distinct bigram gets a number from `vocab` (one per comparison), so that two paragraphs are
 * compared by merging two sorted number arrays instead of probing a set of strings: a long
 * reprint compares paragraphs by the hundred thousand.
 */
function features(text: string, vocab: Map<string, number>): Features {
  const folded = foldForMatch(text).text;
  // the matching tokens (tokenSpans: one per Han/kana/Hangul character, one per word)
  const spans = tokenSpans(folded);
  const tokens: string[] = [];
  for (let k = 0; k < spans.starts.length; k++) tokens.push(folded.slice(spans.starts[k]!, spans.ends[k]!));
  const keys: string[] = [];
  if (tokens.length === 1) keys.push(tokens[0]!);
  for (let i = 0; i + 1 < tokens.length; i++) keys.push(`${tokens[i]}\u0001${tokens[i + 1]}`);
  const ids = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    let id = vocab.get(key);
    if (id === undefined) {
      id = vocab.size;
      vocab.set(key, id);
    }
    ids[i] = id;
  });
  ids.sort();
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!;
  return { ids: ids.subarray(0, n), size: n };
}

function intersection(x: Features, y: Features): number {
  const a = x.ids;
  const b = y.ids;
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const d = a[i]! - b[j]!;
    if (d === 0) {
      n++;
      i++;
      j++;
    } else if (d < 0) i++;
    else j++;
  }
  return n;
}

/** Two paragraphs are versions of each other: similar overall, or one mostly contained in the other. */
function pairable(shared: number, fx: number, fy: number): boolean {
  if (shared === 0) return false;
  const dice = (2 * shared) / (fx + fy);
  const contained = shared / Math.max(1, Math.min(fx, fy));
  return dice >= 0.3 || (contained >= 0.6 && shared >= 3);
}

/** Stricter test for a move: no position backs it up. */
function movable(shared: number, fx: number, fy: number): number {
  if (shared === 0) return 0;
  const dice = (2 * shared) / (fx + fy);
  const contained = shared / Math.max(1, Math.min(fx, fy));
  return dice >= 0.5 || (contained >= 0.8 && shared >= 5) ? dice : 0;
}

// ---------------------------------------------------------------------------------------------
// Paragraph pairing

interface Unit {
  a: ParaRange;
  b: ParaRange;
}

interface Pairing {
  /** Pairs in order on both sides (equal or changed rows). */
  chain: Unit[];
  /** b paragraph index -> a paragraph index, for paragraphs that moved. */
  moves: Map<number, number>;
  pairedA: Set<number>;
  pairedB: Set<number>;
  degraded: boolean;
}

function alignGap(
  aIdx: number[],
  bIdx: number[],
  feat: (side: 'a' | 'b', i: number) => Features,
): { units: Unit[]; degraded: boolean } {
  const n = aIdx.length;
  const m = bIdx.length;
  if (n === 0 || m === 0) return { units: [], degraded: false };
  if (n * m > MAX_GAP_TABLE) return { units: [], degraded: true };
  // similarity only near the gap's diagonal when the gap is big
  const band = n * m > MAX_GAP_CELLS ? Math.max(2, Math.floor(MAX_GAP_CELLS / (2 * Math.max(n, m)))) : Infinity;
  const degraded = band !== Infinity;
  const shared = new Map<number, number>();
  const inter = (i: number, j: number): number => {
    if (Math.abs(j - (i * m) / n) > band) return 0;
    const key = i * m + j;
    let v = shared.get(key);
    if (v === undefined) {
      v = intersection(feat('a', aIdx[i]!), feat('b', bIdx[j]!));
      shared.set(key, v);
    }
    return v;
  };
  const size = (side: 'a' | 'b', k: number): number => feat(side, side === 'a' ? aIdx[k]! : bIdx[k]!).size;
  const s11 = (i: number, j: number): number => {
    const s = inter(i, j);
    return pairable(s, size('a', i), size('b', j)) ? s : -1;
  };
  // a part of a merge must be mostly inside the merged paragraph
  const part = (i: number, j: number, side: 'a' | 'b'): number => {
    const s = inter(i, j);
    const own = side === 'a' ? size('a', i) : size('b', j);
    return s >= 2 && s / Math.max(1, own) >= 0.5 ? s : -1;
  };
  const W = m + 1;
  const score = new Float64Array((n + 1) * W);
  const move = new Uint8Array((n + 1) * W); // 1 skip a, 2 skip b, 3 one-one, 4 two-one, 5 one-two
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let best = -Infinity;
      let how = 0;
      const take = (v: number, h: number): void => {
        if (v > best) {
          best = v;
          how = h;
        }
      };
      if (i > 0) take(score[(i - 1) * W + j]!, 1);
      if (j > 0) take(score[i * W + j - 1]!, 2);
      if (i > 0 && j > 0) {
        const s = s11(i - 1, j - 1);
        if (s > 0) take(score[(i - 1) * W + j - 1]! + s, 3);
      }
      if (i > 1 && j > 0) {
        const x = part(i - 2, j - 1, 'a');
        const y = part(i - 1, j - 1, 'a');
        if (x > 0 && y > 0) take(score[(i - 2) * W + j - 1]! + x + y, 4);
      }
      if (i > 0 && j > 1) {
        const x = part(i - 1, j - 2, 'b');
        const y = part(i - 1, j - 1, 'b');
        if (x > 0 && y > 0) take(score[(i - 1) * W + j - 2]! + x + y, 5);
      }
      score[i * W + j] = best;
      move[i * W + j] = how;
    }
  }
  const units: Unit[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const h = move[i * W + j]!;
    if (h === 1) i--;
    else if (h === 2) j--;
    else {
      const da = h === 4 ? 2 : 1;
      const db = h === 5 ? 2 : 1;
      units.push({ a: { from: aIdx[i - da]!, to: aIdx[i - 1]! + 1 }, b: { from: bIdx[j - db]!, to: bIdx[j - 1]! + 1 } });
      i -= da;
      j -= db;
    }
  }
  units.reverse();
  return { units, degraded };
}

function pairParagraphs(
  pa: readonly string[],
  pb: readonly string[],
  ra: ParaRange,
  rb: ParaRange,
  foldNoise: boolean,
  foldScript: boolean,
  deadline: number,
): Pairing {
  const key = (p: string): string => {
    const k = compareKey(p, foldNoise, foldScript);
    return foldNoise ? k.replace(/ /g, '') : k;
  };
  const keysA: string[] = [];
  const keysB: string[] = [];
  for (let i = ra.from; i < ra.to; i++) keysA.push(key(pa[i]!));
  for (let j = rb.from; j < rb.to; j++) keysB.push(key(pb[j]!));
  const featCache = { a: new Map<number, Features>(), b: new Map<number, Features>() };
  const vocab = new Map<string, number>();
  const feat = (side: 'a' | 'b', i: number): Features => {
    let f = featCache[side].get(i);
    if (!f) {
      f = features((side === 'a' ? pa : pb)[i]!, vocab);
      featCache[side].set(i, f);
    }
    return f;
  };

  // identical paragraphs in order; the gaps between them are aligned by similarity
  const { runs, degraded: seqDegraded } = diffKeys(keysA, keysB, deadline);
  let degraded = seqDegraded;
  const chain: Unit[] = [];
  let i = ra.from;
  let j = rb.from;
  let gapA: number[] = [];
  let gapB: number[] = [];
  const flush = (): void => {
    const g = alignGap(gapA, gapB, feat);
    degraded ||= g.degraded;
    chain.push(...g.units);
    gapA = [];
    gapB = [];
  };
  for (const [op, count] of runs) {
    if (op === 0) {
      flush();
      for (let k = 0; k < count; k++) chain.push({ a: { from: i + k, to: i + k + 1 }, b: { from: j + k, to: j + k + 1 } });
      i += count;
      j += count;
    } else if (op === -1) {
      for (let k = 0; k < count; k++) gapA.push(i++);
    } else {
      for (let k = 0; k < count; k++) gapB.push(j++);
    }
  }
  flush();

  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  for (const u of chain) {
    for (let k = u.a.from; k < u.a.to; k++) pairedA.add(k);
    for (let k = u.b.from; k < u.b.to; k++) pairedB.add(k);
  }

  // moves: leftovers on both sides that are the same paragraph (identical first, then similar)
  const leftA: number[] = [];
  const leftB: number[] = [];
  for (let k = ra.from; k < ra.to; k++) if (!pairedA.has(k) && keysA[k - ra.from]!.length > 0) leftA.push(k);
  for (let k = rb.from; k < rb.to; k++) if (!pairedB.has(k) && keysB[k - rb.from]!.length > 0) leftB.push(k);
  const moves = new Map<number, number>();
  const byKey = new Map<string, number[]>();
  for (const k of leftA) {
    const list = byKey.get(keysA[k - ra.from]!) ?? [];
    list.push(k);
    byKey.set(keysA[k - ra.from]!, list);
  }
  const usedA = new Set<number>();
  for (const k of leftB) {
    const list = byKey.get(keysB[k - rb.from]!);
    const ka = list?.shift();
    if (ka !== undefined) {
      moves.set(k, ka);
      usedA.add(ka);
    }
  }
  const restA = leftA.filter((k) => !usedA.has(k));
  const restB = leftB.filter((k) => !moves.has(k));
  if (restA.length * restB.length > MAX_MOVE_PAIRS) degraded = true;
  else {
    const cands: Array<[number, number, number]> = [];
    for (const x of restA) {
      for (const y of restB) {
        const fx = feat('a', x);
        const fy = feat('b', y);
        const d = movable(intersection(fx, fy), fx.size, fy.size);
        if (d > 0) cands.push([d, x, y]);
      }
    }
    cands.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
    for (const [, x, y] of cands) {
      if (usedA.has(x) || moves.has(y)) continue;
      moves.set(y, x);
      usedA.add(x);
    }
  }
  for (const [y, x] of moves) {
    pairedA.add(x);
    pairedB.add(y);
  }
  return { chain, moves, pairedA, pairedB, degraded };
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Counts {
  keptA: number;
  keptB: number;
  deleted: number;
  inserted: number;
}

function pairRow(
  kind: 'equal' | 'moved',
  a: string,
  b: string,
  ctx: { granularity: Granularity; lang: Lang; foldNoise: boolean; foldScript: boolean; deadline: number; counts: Counts },
): { row: VersionRow; degraded: boolean } {
  const { counts, foldNoise, foldScript } = ctx;
  if (a === b || ((foldNoise || foldScript) && compareKey(a, foldNoise, foldScript) === compareKey(b, foldNoise, foldScript))) {
    counts.keptA += visibleLength(a);
    counts.keptB += visibleLength(b);
    return { row: { kind, a, b }, degraded: false };
  }
  const { pieces, degraded } = diffTextPieces(a, b, ctx);
  countPieces(pieces, foldNoise, counts);
  if (!hasRealChange(pieces, foldNoise)) return { row: { kind, a, b }, degraded };
  const ops = pieces.map((p: Piece): DiffOp => [p.op, p.op === 1 ? p.b : p.a]);
  const row: VersionRow = { kind: kind === 'equal' ? 'changed' : 'moved', a, b, ops };
  const kept = pieces.filter((p) => p.op === 0);
  if (kept.some((p) => p.a !== p.b)) row.keptB = kept.map((p) => p.b);
  return { row, degraded };
}

function countPieces(pieces: readonly Piece[], foldNoise: boolean, counts: Counts): void {
  for (const p of pieces) {
    if (p.op === 0) {
      counts.keptA += visibleLength(p.a);
      counts.keptB += visibleLength(p.b);
    } else if (foldNoise && isNoise(p.op === 1 ? p.b : p.a)) continue;
    else if (p.op === -1) counts.deleted += visibleLength(p.a);
    else counts.inserted += visibleLength(p.b);
  }
}

/** Compares two versions in the same language (see the file comment for what the result guarantees). */
export function compareVersions(a: VersionText, b: VersionText, opts: CompareOptions = {}): VersionComparison {
  const granularity = opts.granularity ?? 'word';
  const foldNoise = opts.foldNoise ?? true;
  const foldScript = opts.foldScript ?? true;
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const pa = a.paragraphs;
  const pb = b.paragraphs;
  const textA = pa.join('\n');
  const textB = pb.join('\n');

  let region = opts.region;
  if (!region) {
    const shared = sharedRegion(textA, textB);
    // nothing shared: the whole of both texts is compared, so the reader sees everything differ
    region = shared ? { a: shared.a, b: shared.b } : { a: { start: 0, end: textA.length }, b: { start: 0, end: textB.length } };
  }
  const ra = widenOverAttribution(pa, snap(pa, region.a));
  const rb = widenOverAttribution(pb, snap(pb, region.b));

  const pairing = pairParagraphs(pa, pb, ra, rb, foldNoise, foldScript, deadline);
  let degraded = pairing.degraded;
  const counts: Counts = { keptA: 0, keptB: 0, deleted: 0, inserted: 0 };
  const ctx = { granularity, lang: a.lang, foldNoise, foldScript, deadline, counts };
  const rows: VersionRow[] = [];
  const joined = (p: readonly string[], r: ParaRange): string => p.slice(r.from, r.to).join('\n');

  let ai = ra.from;
  let bj = rb.from;
  const emitUpTo = (aStop: number, bStop: number): void => {
    for (; ai < aStop; ai++) {
      if (pairing.pairedA.has(ai)) continue;
      counts.deleted += visibleLength(pa[ai]!);
      rows.push({ kind: 'deleted', a: pa[ai]!, b: null, aIndex: ai });
    }
    for (; bj < bStop; bj++) {
      const from = pairing.moves.get(bj);
      if (from !== undefined) {
        const r = pairRow('moved', pa[from]!, pb[bj]!, ctx);
        degraded ||= r.degraded;
        rows.push({ ...r.row, aIndex: from, bIndex: bj });
      } else if (!pairing.pairedB.has(bj)) {
        counts.inserted += visibleLength(pb[bj]!);
        rows.push({ kind: 'inserted', a: null, b: pb[bj]!, bIndex: bj });
      }
    }
  };
  for (const u of pairing.chain) {
    emitUpTo(u.a.from, u.b.from);
    const r = pairRow('equal', joined(pa, u.a), joined(pb, u.b), ctx);
    degraded ||= r.degraded;
    rows.push({ ...r.row, aIndex: u.a.from, bIndex: u.b.from });
    ai = u.a.to;
    bj = u.b.to;
  }
  emitUpTo(ra.to, rb.to);

  // numbers checked in the changes of each row, for the reader and for the edit list
  for (const row of rows) {
    if (!row.ops) continue;
    const checks = rowGroups(row, foldNoise).flatMap((g) => g.numbers);
    if (checks.length > 0) row.numbers = checks;
  }

  const appendedA = a.appended ?? [];
  const appendedB = b.appended ?? [];
  const outside = {
    a: [...pa.slice(0, ra.from), ...pa.slice(ra.to), ...appendedA],
    b: [...pb.slice(0, rb.from), ...pb.slice(rb.to), ...appendedB],
  };
  const edits = classifyEdits({
    rows,
    title: { a: a.title, b: b.title },
    sourceLines: { a: a.sourceLines ?? [], b: b.sourceLines ?? [] },
    appended: { a: trailingMaterial(pa.slice(ra.to), a.appended), b: trailingMaterial(pb.slice(rb.to), b.appended) },
    foldNoise,
    foldScript,
  });
  // what the folding hid: invisible characters the page carries beyond the original's (a copy
  // sprinkled with them to escape matching). Fewer is no edit: a reprint that drops a stray
  // zero-width space of the original has cleaned its text, not changed it.
  const hiddenA = invisibleCount(joined(pa, ra));
  const hiddenB = invisibleCount(joined(pb, rb));
  if (hiddenB.n > hiddenA.n) edits.push({ type: 'invisible-inserted', b: hiddenB.what });

  const aChars = counts.keptA + counts.deleted;
  const bChars = counts.keptB + counts.inserted;
  const similarity = aChars + bChars === 0 ? 1 : (counts.keptA + counts.keptB) / (aChars + bChars);
  return {
    a: side(a),
    b: side(b),
    crossLanguage: false,
    similarity: round(similarity),
    rows,
    outside,
    edits,
    summary: { kept: aChars === 0 ? (bChars === 0 ? 1 : 0) : round(counts.keptA / aChars), deletedChars: counts.deleted, insertedChars: counts.inserted },
    degraded,
    region: { a: toSpan(pa, ra), b: toSpan(pb, rb) },
    granularity,
    foldNoise,
    foldScript,
  };
}

/**
 * The material to name as appended. When the version says what was appended (a parsed corpus
 * article), that and only that: its body paragraphs after the region are its own text, which the
 * other version did not keep (an excerpt). When it does not say (a page as extracted), the text
 * after the region counts when it reads as more text, not a share button: at least 100 letters.
 */
function trailingMaterial(after: readonly string[], appended: readonly string[] | undefined): string[] {
  if (appended !== undefined) return appended.filter((p) => p.trim().length > 0);
  let letters = 0;
  for (const p of after) letters += p.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return letters >= 100 ? after.filter((p) => p.trim().length > 0) : [];
}

function side(v: VersionText): { id?: string; title: string; lang: Lang } {
  return v.id === undefined ? { title: v.title, lang: v.lang } : { id: v.id, title: v.title, lang: v.lang };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
