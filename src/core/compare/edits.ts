// Naming the edits between two versions: what a reader would say the reprinting site did.
// Works on the rows of a comparison (see compare.ts): a deleted row is a dropped sentence or an
// attribution line, a changed row is cut into change groups (nearby changes of one clause), and
// each group becomes a number change, an attribution change, a sentence or a phrase edit.
import { findNumbers, sameNumber, type NumberMention } from '../text/numbers';
import { foldDisplay, INVISIBLE, toSimplifiedKey } from '../text/normalize';
import { splitSentences } from '../text/segment';
import { attributionIn, isAttributionLine } from '../text/attribution';
import { isNoise, stepsOf, type Piece } from './diff';
import type { CompareRow, Edit, NumberCheck } from '../types';

// ---------------------------------------------------------------------------------------------
// Change groups: nearby changes of one clause, read as one edit.

/** Letters and digits: what a change has to touch to be worth naming (punctuation alone is not). */
export function contentLength(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

const CLAUSE_PUNCT = /[，。；：！？、,.;:!?\n]/u;

export interface ChangeGroup {
  /** Offsets of the group in the row's a text and in its b text as rebuilt from the ops. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** The group's text on each side (kept text between its changes included). */
  a: string;
  b: string;
  /** Only the deleted / inserted text of the group. */
  deleted: string;
  inserted: string;
  numbers: NumberCheck[];
}

/** Text of one side rebuilt from the steps of a diff. */
export function sideText(steps: readonly Piece[], side: 'a' | 'b'): string {
  return steps.map((p) => p[side]).join('');
}

/**
 * Groups of the changes in `ops`. Two changes are one group when only a short stretch (at most 4
 * letters or digits, no clause punctuation) is kept between them and together they replace
 * something: "省，220+地市" -> "省份超220个地市" is one rewording, while two separate cuts around a
 * kept word stay two deletions.
 */
export function changeGroups(steps: readonly Piece[], isNoiseChange: (s: string) => boolean): ChangeGroup[] {
  interface Cluster { aStart: number; aEnd: number; bStart: number; bEnd: number; deleted: string; inserted: string }
  const clusters: Cluster[] = [];
  const keptBetween: string[] = [];
  let ap = 0;
  let bp = 0;
  let open: Cluster | null = null;
  let kept = '';
  for (const { op, a: sa, b: sb } of steps) {
    if (op === 0) {
      if (open) {
        clusters.push(open);
        open = null;
        kept = '';
      }
      kept += sa;
      ap += sa.length;
      bp += sb.length;
      continue;
    }
    const s = op === -1 ? sa : sb;
    if (!open) {
      if (clusters.length > 0) keptBetween.push(kept);
      open = { aStart: ap, aEnd: ap, bStart: bp, bEnd: bp, deleted: '', inserted: '' };
    }
    if (op === -1) {
      open.deleted += s;
      ap += s.length;
      open.aEnd = ap;
    } else {
      open.inserted += s;
      bp += s.length;
      open.bEnd = bp;
    }
  }
  if (open) clusters.push(open);

  // drop clusters that are only noise (whitespace); the kept text around them joins up
  const real: Cluster[] = [];
  const gaps: string[] = [];
  let pendingGap = '';
  clusters.forEach((c, k) => {
    if (k > 0) pendingGap += keptBetween[k - 1] ?? '';
    if (isNoiseChange(c.deleted) && isNoiseChange(c.inserted)) {
      pendingGap += c.deleted;
      return;
    }
    if (real.length > 0) gaps.push(pendingGap);
    pendingGap = '';
    real.push(c);
  });

  const a = sideText(steps, 'a');
  const b = sideText(steps, 'b');
  const groups: Cluster[] = [];
  real.forEach((c, k) => {
    const last = groups[groups.length - 1];
    const gap = k > 0 ? gaps[k - 1]! : '';
    if (last && contentLength(gap) <= 4 && !CLAUSE_PUNCT.test(gap)) {
      const deletes = last.deleted.length + c.deleted.length > 0;
      const inserts = last.inserted.length + c.inserted.length > 0;
      if (deletes && inserts) {
        last.aEnd = c.aEnd;
        last.bEnd = c.bEnd;
        last.deleted += c.deleted;
        last.inserted += c.inserted;
        return;
      }
    }
    groups.push({ ...c });
  });

  const numsA = findNumbers(a);
  const numsB = findNumbers(b);
  return groups.map((g) => ({
    ...g,
    a: a.slice(g.aStart, g.aEnd),
    b: b.slice(g.bStart, g.bEnd),
    numbers: pairNumbers(touching(numsA, g.aStart, g.aEnd), touching(numsB, g.bStart, g.bEnd)),
  }));
}

/** Mentions that overlap [start, end); for an empty range, mentions that touch the insertion point. Mentions are in order. */
function touching(ms: NumberMention[], start: number, end: number): NumberMention[] {
  // first mention that ends at or after start (mentions do not overlap, so ends are increasing)
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.end < start) lo = mid + 1;
    else hi = mid;
  }
  const out: NumberMention[] = [];
  for (let k = lo; k < ms.length && ms[k]!.start <= end; k++) {
    const m = ms[k]!;
    if (start === end ? m.start <= start && m.end >= start : m.start < end && m.end > start) out.push(m);
  }
  return out;
}

function pairNumbers(as: NumberMention[], bs: NumberMention[]): NumberCheck[] {
  const out: NumberCheck[] = [];
  for (let k = 0; k < Math.min(as.length, bs.length); k++) {
    const x = as[k]!;
    const y = bs[k]!;
    // two versions in one language: the same figure or a changed one, never a rounding (see sameNumber)
    out.push({ a: x.text, b: y.text, agree: sameNumber(x, y, false) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Classification.

/** The sentences of a text with content, as [from, to) without their outer spaces. */
function sentenceSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const s of splitSentences(text)) {
    if (contentLength(s) >= 2) out.push([at + s.length - s.trimStart().length, at + s.trimEnd().length]);
    at += s.length;
  }
  return out;
}

/** True when [start, end) covers at least one whole sentence. */
function coversSentence(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([from, to]) => from >= start && to <= end);
}

/**
 * The sentences of `text` (which starts at `start` of the side whose sentences are `spans`) when it
 * is two whole sentences or more and nothing else: two sentences cut one after the other are two
 * edits a reader counts, not one. Null otherwise.
 */
function wholeSentences(spans: Array<[number, number]>, text: string, start: number): string[] | null {
  const end = start + text.length;
  const inside = spans.filter(([from, to]) => from >= start && to <= end);
  if (inside.length < 2) return null;
  let rest = text;
  for (const [from, to] of inside) rest = rest.slice(0, from - start) + ' '.repeat(to - from) + rest.slice(to - start);
  if (contentLength(rest) > 0) return null;
  return inside.map(([from, to]) => text.slice(from - start, to - start));
}

const DIGIT = /[0-9０-９]/;
/** The text with each run of digits as one placeholder. */
const digitsAsOne = (text: string): string => text.replace(/[0-9０-９]+/g, '#');

function withoutNumbers(text: string): string {
  let out = '';
  let at = 0;
  for (const m of findNumbers(text)) {
    out += text.slice(at, m.start);
    at = m.end;
  }
  return out + text.slice(at);
}

/** Edits of one change group in row `row`; `sa` and `sb` are the sentences of the row's two texts. */
function groupEdits(g: ChangeGroup, sa: Array<[number, number]>, sb: Array<[number, number]>, row: number): Edit[] {
  const out: Edit[] = [];
  for (const n of g.numbers) if (!n.agree) out.push({ type: 'number-changed', a: n.a, b: n.b, row });
  // digits inside a name are no figure findNumbers reads (COP29, G20, 5G), but a reprint that turns
  // COP29 into COP22 changed a number all the same: the two sides differ in their digits alone
  if (g.numbers.length === 0 && DIGIT.test(g.deleted) && DIGIT.test(g.inserted) && digitsAsOne(g.a) === digitsAsOne(g.b)) {
    return [{ type: 'number-changed', a: g.a, b: g.b, row }];
  }
  let deleted = g.numbers.length > 0 ? withoutNumbers(g.deleted) : g.deleted;
  let inserted = g.numbers.length > 0 ? withoutNumbers(g.inserted) : g.inserted;
  if (g.numbers.length > 0) {
    // digits left over once whole figures are removed were parts of a re-typeset number (1014 -> 1,014)
    deleted = deleted.replace(/[0-9０-９]/g, '');
    inserted = inserted.replace(/[0-9０-９]/g, '');
  }
  const attrA = attributionIn(g.deleted);
  if (attrA) {
    out.push({ type: 'attribution-removed', a: attrA, row });
    deleted = deleted.replace(attrA, '');
  }
  const attrB = attributionIn(g.inserted);
  if (attrB) {
    out.push({ type: 'attribution-added', b: attrB, row });
    inserted = inserted.replace(attrB, '');
  }
  const cd = contentLength(deleted);
  const ci = contentLength(inserted);
  if (cd === 0 && ci === 0) return out;
  if (ci === 0) {
    const each = wholeSentences(sa, g.a, g.aStart);
    if (each) for (const a of each) out.push({ type: 'sentence-deleted', a, row });
    else out.push({ type: coversSentence(sa, g.aStart, g.aEnd) ? 'sentence-deleted' : 'phrase-deleted', a: g.a, row });
  } else if (cd === 0) {
    const each = wholeSentences(sb, g.b, g.bStart);
    if (each) for (const b of each) out.push({ type: 'sentence-inserted', b, row });
    else out.push({ type: coversSentence(sb, g.bStart, g.bEnd) ? 'sentence-inserted' : 'phrase-inserted', b: g.b, row });
  } else if (cd >= ci) {
    // a rewording: named for the larger side, with both texts
    out.push({ type: coversSentence(sa, g.aStart, g.aEnd) ? 'sentence-deleted' : 'phrase-deleted', a: g.a, b: g.b, row });
  } else {
    out.push({ type: coversSentence(sb, g.bStart, g.bEnd) ? 'sentence-inserted' : 'phrase-inserted', a: g.a, b: g.b, row });
  }
  return out;
}

export interface EditInput {
  rows: readonly Row[];
  title: { a: string; b: string };
  sourceLines: { a: readonly string[]; b: readonly string[] };
  /** Unrelated material after the compared region, one block per side (paragraphs). */
  appended: { a: readonly string[]; b: readonly string[] };
  /** True when whitespace-only changes are noise (folded comparison). */
  foldNoise: boolean;
  /** True when Traditional and Simplified spellings are equal (script-folded comparison; default false). */
  foldScript?: boolean;
}

const PREVIEW = 120;
function preview(paragraphs: readonly string[]): string {
  const text = paragraphs.join(' ').replace(/\s+/gu, ' ').trim();
  const cps = Array.from(text);
  return cps.length <= PREVIEW ? text : `${cps.slice(0, PREVIEW).join('')}…`;
}

/** Folding for comparing short lines: display fold, no spaces (and Simplified script when script is folded). */
function lineKeyOf(foldScript: boolean): (s: string) => string {
  return (s) => foldDisplay(foldScript ? toSimplifiedKey(s) : s).replace(/ /g, '');
}

/** A row as compare.ts makes it: ops may come with b's spelling of kept text. */
type Row = CompareRow & { keptB?: string[] };

/** Change groups of a row with ops (changed or moved rows), with whitespace as noise when folding. */
export function rowGroups(row: Row, foldNoise: boolean): ChangeGroup[] {
  if (!row.ops) return [];
  const noise = (s: string): boolean => s.length === 0 || (foldNoise && isNoise(s));
  return changeGroups(stepsOf(row.ops, row.keptB), noise);
}

function rowEdits(row: Row, i: number, foldNoise: boolean): Edit[] {
  if (!row.ops) return [];
  const steps = stepsOf(row.ops, row.keptB);
  const sa = sentenceSpans(sideText(steps, 'a'));
  const sb = sentenceSpans(sideText(steps, 'b'));
  return rowGroups(row, foldNoise).flatMap((g) => groupEdits(g, sa, sb, i));
}

/** The edits between two versions, in reading order (title first, appended material last). */
export function classifyEdits(input: EditInput): Edit[] {
  const lineKey = lineKeyOf(input.foldScript ?? false);
  const edits: Edit[] = [];
  if (lineKey(input.title.a) !== lineKey(input.title.b) && (input.title.a.trim() || input.title.b.trim())) {
    edits.push({ type: 'title-changed', a: input.title.a, b: input.title.b });
  }
  const inRows = new Set<string>();
  // source and editor lines kept beside the body: an attribution line that one side keeps in its
  // body and the other among its credits is in both, not added or removed
  const keysB = new Set(input.sourceLines.b.map(lineKey));
  const keysA = new Set(input.sourceLines.a.map(lineKey));
  input.rows.forEach((row, i) => {
    if (row.a !== null) inRows.add(lineKey(row.a));
    if (row.b !== null) inRows.add(lineKey(row.b));
    switch (row.kind) {
      case 'deleted': {
        const text = row.a ?? '';
        if (contentLength(text) === 0) break;
        const credit = isAttributionLine(text);
        if (credit && keysB.has(lineKey(text))) break;
        edits.push({ type: credit ? 'attribution-removed' : 'sentence-deleted', a: text, row: i });
        break;
      }
      case 'inserted': {
        const text = row.b ?? '';
        if (contentLength(text) === 0) break;
        const credit = isAttributionLine(text);
        if (credit && keysA.has(lineKey(text))) break;
        edits.push({ type: credit ? 'attribution-added' : 'sentence-inserted', b: text, row: i });
        break;
      }
      case 'moved':
        edits.push({ type: 'paragraph-moved', a: row.a ?? '', b: row.b ?? '', row: i });
        edits.push(...rowEdits(row, i, input.foldNoise));
        break;
      case 'changed':
        edits.push(...rowEdits(row, i, input.foldNoise));
        break;
      case 'equal':
        break;
    }
  });
  // the credits compared as lines
  for (const line of input.sourceLines.a) {
    const k = lineKey(line);
    if (k && !keysB.has(k) && !inRows.has(k)) edits.push({ type: 'attribution-removed', a: line });
  }
  for (const line of input.sourceLines.b) {
    const k = lineKey(line);
    if (k && !keysA.has(k) && !inRows.has(k)) edits.push({ type: 'attribution-added', b: line });
  }
  if (input.appended.a.length > 0) edits.push({ type: 'appended-material', a: preview(input.appended.a) });
  if (input.appended.b.length > 0) edits.push({ type: 'appended-material', b: preview(input.appended.b) });
  return edits;
}

/** What each kind of edit is called in reports, for a reader. */
export const EDIT_LABELS: Record<Edit['type'], string> = {
  'sentence-deleted': 'sentence deleted',
  'sentence-inserted': 'sentence inserted',
  'phrase-deleted': 'phrase deleted',
  'phrase-inserted': 'phrase inserted',
  'number-changed': 'number changed',
  'attribution-removed': 'attribution removed',
  'attribution-added': 'attribution added',
  'title-changed': 'title changed',
  'paragraph-moved': 'paragraph moved',
  'appended-material': 'unrelated material appended',
  'not-translated': 'not translated',
  'added-in-translation': 'added in translation',
  'number-mismatch': 'number differs in translation',
  'invisible-inserted': 'invisible characters inserted',
};

/**
 * The invisible characters (normalize.ts INVISIBLE) of a text, counted by code point, written for
 * a reader: "7: U+200B x4, U+202E x3". Comparison folds them away; this says they were there.
 */
export function invisibleCount(text: string): { n: number; what: string } {
  const by = new Map<number, number>();
  let n = 0;
  for (const ch of text) {
    if (!INVISIBLE.test(ch)) continue;
    n++;
    const cp = ch.codePointAt(0)!;
    by.set(cp, (by.get(cp) ?? 0) + 1);
  }
  const list = [...by].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 4);
  const name = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return { n, what: `${n}: ${list.map(([cp, k]) => `${name(cp)} x${k}`).join(', ')}${by.size > 4 ? ', …' : ''}` };
}
