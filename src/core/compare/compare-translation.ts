// Comparing an article with its translation (Chinese <-> English): each paragraph of the translation
// beside the source text it came from, what the translation left out or added, and where the
// figures disagree. Same JSON as the same-language comparison (Comparison, crossLanguage: true).
//
// 1. Sentences are aligned (align.ts), or the alignment stored with the corpus is reused for two of
//    its articles. Paired sentences are grouped into rows by the paragraphs of the side that cuts
//    its text finer (for 000/001 the English): a row is one or more whole paragraphs of that side
//    beside the sentences of the other side they translate.
// 2. A sentence of the coarser side left unpaired joins the neighbouring row when it belongs to the
//    same paragraph and that row's text explains it (the translator merged it into a neighbour);
//    otherwise it is a `deleted` row (a side) or an `inserted` row (b side). A whole paragraph of
//    the finer side left unpaired is likewise a deleted or inserted row.
// 3. The alignment is monotone; a translated paragraph that was moved (an English paragraph
//    translating a Chinese one from much earlier) is found afterwards among the unpaired text and
//    shown as a `moved` row when it is a close translation.
// 4. Unpaired text at either end is `outside` (site clutter, the rest of an article when only a part
//    was translated) unless it is small: up to two rows and a fifth of the compared text stay in
//    as deletions / insertions (a closing paragraph the translator dropped is an edit worth showing).
// 5. Figures of each row are checked against each other (numbers.ts): 1014 = 1,014 and 100亿 =
//    10 billion agree; 80亿亿 against 8 billion is a `number-mismatch`.
import type { VersionText } from './compare-versions';
import {
  alignPrepared,
  pairSimilarity,
  prepareText,
  unpackAlignment,
  PAIR_THRESHOLD,
  MERGE_FLOOR,
  lengthScore,
  translatorRatio,
  type PackedAlignment,
  type PreparedText,
  type Sentence,
  type SentenceFeatures,
} from './align';
import { digitSignature, findNumbers, isWeakNumber, sameNumber, type NumberMention } from '../text/numbers';
import { bilingualSide, STRONG_BEAD } from '../match/translation-evidence';
import type { Lexicon } from '../text/lexicon';
import type { CompareRow, Comparison, Edit, NumberCheck, RowKind } from '../types';

/** The same shape as a same-language version. */
export type TranslationVersion = VersionText;

/** Leading or trailing unpaired rows stay in the comparison when there are at most this many... */
const EDGE_ROWS = 2;
/** ... and they hold at most this share of the side's compared text. */
const EDGE_SHARE = 0.2;
/** An unpaired sentence this short is not worth an edit of its own ("etc. target."). */
const MIN_EDIT_SIZE = { zh: 12, en: 6 };
/** A neighbour joins a row when the row's similarity drops by at most this much with it (a partly translated sentence), not more (an untranslated one). */
const ATTACH_MARGIN = 0.1;

type SideName = 'a' | 'b';

/** One side of the comparison, prepared for alignment. */
interface Side {
  name: SideName;
  zh: boolean;
  version: TranslationVersion;
  text: PreparedText;
  index: Map<Sentence, number>;
}

interface RowBuild {
  kind: RowKind;
  /** Sentences of each side, in order. */
  a: Sentence[];
  b: Sentence[];
  /** Position in the bead sequence, for ordering rows. */
  order: number;
  /** Row text for a side that shows whole paragraphs (the finer side); otherwise the sentences. */
  wholeA?: number[];
  wholeB?: number[];
  /** The aligned sentence pairs (beads) the row is made of: a number's partner is looked for in its own bead. */
  beads: { a: Sentence[]; b: Sentence[] }[];
}

const visible = (s: string): number => s.replace(/\s+/g, '').length;

/** Sentences joined as the reader sees them: one paragraph's sentences run on, paragraphs are lines. */
function joinSentences(sents: Sentence[]): string {
  let out = '';
  let para = -1;
  for (const s of sents) {
    if (para !== -1 && s.para !== para) out = out.trimEnd() + '\n';
    out += s.text;
    para = s.para;
  }
  return out.trim();
}

function sideText(side: Side, sents: Sentence[], whole?: number[]): string {
  if (whole && whole.length) return whole.map((p) => side.version.paragraphs[p]!.trim()).join('\n');
  return joinSentences(sents);
}

export interface CompareTranslationOptions {
  /**
   * The two texts' alignment computed earlier (the corpus stores one for each pair of its articles
   * that translate each other), Chinese first. Used when it fits the texts; otherwise they are aligned.
   */
  alignment?: PackedAlignment | null | undefined;
}

export function compareTranslation(a: TranslationVersion, b: TranslationVersion, lexicon: Lexicon, opts: CompareTranslationOptions = {}): Comparison {
  let aZh = bilingualSide(a.lang, a.paragraphs) === 'zh';
  let bZh = bilingualSide(b.lang, b.paragraphs) === 'zh';
  if (aZh === bZh) {
    // both declared alike: let the script decide
    const han = (v: TranslationVersion): number => v.paragraphs.join('').match(/\p{Script=Han}/gu)?.length ?? 0;
    aZh = han(a) >= han(b);
    bZh = !aZh;
  }
  const A: Side = makeSide('a', aZh, a, lexicon);
  const B: Side = makeSide('b', bZh, b, lexicon);
  const zhSide = aZh ? A : B;
  const enSide = aZh ? B : A;
  const info = { banded: false };
  const stored = opts.alignment ? unpackAlignment(zhSide.text, enSide.text, opts.alignment) : null;
  if (stored) info.banded = opts.alignment!.banded;
  const beads = stored ?? alignPrepared(zhSide.text, enSide.text, info);
  // beads as a/b
  const ab = beads.map((bd) => ({ a: aZh ? bd.zh : bd.en, b: aZh ? bd.en : bd.zh, score: bd.score }));
  const sim = (as: Sentence[], bs: Sentence[]): number => {
    const fa = as.map((s) => A.text.features[A.index.get(s)!]!);
    const fb = bs.map((s) => B.text.features[B.index.get(s)!]!);
    return aZh ? pairSimilarity(fa, fb) : pairSimilarity(fb, fa);
  };

  // the translator's words per character, from the pairs found, for telling whether a row's
  // length needs a sentence left unpaired inside it
  const sizeOf = (side: Side, ss: Sentence[]): number => ss.reduce((t, x) => t + side.text.features[side.index.get(x)!]!.size, 0);
  let sizeA = 0;
  let sizeB = 0;
  for (const bd of ab) {
    if (bd.a.length === 0 || bd.b.length === 0) continue;
    sizeA += sizeOf(A, bd.a);
    sizeB += sizeOf(B, bd.b);
  }
  const ratio = aZh ? translatorRatio(sizeA, sizeB) : translatorRatio(sizeB, sizeA);
  const balance = (as: Sentence[], bs: Sentence[]): number =>
    aZh ? lengthScore(sizeOf(A, as), sizeOf(B, bs), ratio) : lengthScore(sizeOf(B, bs), sizeOf(A, as), ratio);

  // The finer side keeps whole paragraphs in rows.
  const fine: SideName = b.paragraphs.length >= a.paragraphs.length ? 'b' : 'a';
  const coarse: SideName = fine === 'a' ? 'b' : 'a';
  const sides = { a: A, b: B };

  // 1. groups of paired beads that share a paragraph of the finer side
  const rows: RowBuild[] = [];
  const rowOfFineParagraph = new Map<number, RowBuild>();
  const pairedA = new Set<Sentence>();
  const pairedB = new Set<Sentence>();
  ab.forEach((bd, k) => {
    if (bd.a.length === 0 || bd.b.length === 0) return;
    bd.a.forEach((s) => pairedA.add(s));
    bd.b.forEach((s) => pairedB.add(s));
    const paras = [...new Set(bd[fine].map((s) => s.para))];
    const last = rows[rows.length - 1];
    let row = paras.map((p) => rowOfFineParagraph.get(p)).find((r) => r !== undefined);
    if (!row && last && last.kind === 'equal' && last[coarse].length && bd[coarse][0] && last[coarse].includes(bd[coarse][0]!)) row = last;
    if (!row) {
      row = { kind: 'equal', a: [], b: [], order: k, beads: [] };
      rows.push(row);
    }
    row.a.push(...bd.a);
    row.b.push(...bd.b);
    row.beads.push({ a: bd.a, b: bd.b });
    for (const p of paras) rowOfFineParagraph.set(p, row);
  });
  for (const row of rows) {
    const paras = [...new Set(row[fine].map((s) => s.para))].sort((x, y) => x - y);
    if (fine === 'a') row.wholeA = paras;
    else row.wholeB = paras;
  }

  // 2. unpaired sentences
  const edits: Edit[] = [];
  const pendingEdits: { row: RowBuild; edit: Edit }[] = [];
  const unpairedInRows: { row: RowBuild; s: Sentence; name: SideName }[] = [];
  const fineSide = sides[fine];
  const fineParagraphRows = new Map<number, RowBuild>();
  let coarseRun: RowBuild | null = null;
  const pairedRowsInOrder = rows.slice();
  ab.forEach((bd, k) => {
    if (bd.a.length && bd.b.length) {
      coarseRun = null;
      return;
    }
    const name: SideName = bd.a.length ? 'a' : 'b';
    const s = (bd.a[0] ?? bd.b[0])!;
    if (name === fine) {
      coarseRun = null;
      const row = rowOfFineParagraph.get(s.para);
      if (row) {
        // inside a translated paragraph: part of the row; an edit when nothing on the other side explains it
        row[fine].push(s);
        unpairedInRows.push({ row, s, name });
        return;
      }
      let own = fineParagraphRows.get(s.para);
      if (!own) {
        own = { kind: name === 'a' ? 'deleted' : 'inserted', a: [], b: [], order: k, beads: [] };
        if (name === 'a') own.wholeA = [s.para];
        else own.wholeB = [s.para];
        fineParagraphRows.set(s.para, own);
        rows.push(own);
      }
      own[name].push(s);
      return;
    }
    // the coarser side: join a neighbouring row of the same paragraph that explains it
    const neighbours = pairedRowsInOrder
      .filter((r) => r[coarse].some((x) => x.para === s.para))
      .sort((x, y) => Math.abs(x.order - k) - Math.abs(y.order - k));
    const host = neighbours.find((r) => {
      const withS = coarse === 'a' ? sim([...r.a, s], r.b) : sim(r.a, [...r.b, s]);
      const without = sim(r.a, r.b);
      return withS >= without - ATTACH_MARGIN;
    });
    // an untranslated run already open in this paragraph goes on (a sentence after it cannot jump ahead of it)
    const run = coarseRun as RowBuild | null;
    const runGoesOn = run !== null && run[coarse][run[coarse].length - 1]?.para === s.para;
    if (host && !runGoesOn) {
      host[coarse].push(s);
      return;
    }
    if (runGoesOn) {
      run![coarse].push(s);
      return;
    }
    coarseRun = { kind: coarse === 'a' ? 'deleted' : 'inserted', a: [], b: [], order: k, beads: [] };
    coarseRun[coarse].push(s);
    rows.push(coarseRun);
  });

  // an unpaired sentence inside a translated paragraph is an edit only when nothing on the row's other
  // side explains it, judged once the rows are whole: not when its words are there, nor when that
  // side is too long for the row without it (the translator cut the source differently, and its
  // words are not in the lexicon)
  for (const { row, s, name } of unpairedInRows) {
    const size = fineSide.zh ? visible(s.text) : s.text.split(/\s+/).filter(Boolean).length;
    if (size < (fineSide.zh ? MIN_EDIT_SIZE.zh : MIN_EDIT_SIZE.en)) continue;
    const others = { a: row.a.filter((x) => x !== s), b: row.b.filter((x) => x !== s) };
    const explained = sim(name === 'a' ? [s] : others.a, name === 'b' ? [s] : others.b) >= MERGE_FLOOR || balance(row.a, row.b) > balance(others.a, others.b);
    if (!explained) pendingEdits.push({ row, edit: name === 'a' ? { type: 'not-translated', a: s.text.trim() } : { type: 'added-in-translation', b: s.text.trim() } });
  }

  // 3. moved translations among the unpaired rows
  findMoves(rows, sim);

  rows.sort((x, y) => x.order - y.order);
  for (const r of rows) {
    r.a.sort((x, y) => A.index.get(x)! - A.index.get(y)!);
    r.b.sort((x, y) => B.index.get(x)! - B.index.get(y)!);
  }

  // 4. outside: large unpaired stretches at the ends
  const outsideRows = new Set<RowBuild>();
  for (const name of ['a', 'b'] as const) {
    const kind: RowKind = name === 'a' ? 'deleted' : 'inserted';
    const paired = rows.map((r, i) => (r.kind === 'equal' || r.kind === 'moved' ? i : -1)).filter((i) => i >= 0);
    if (paired.length === 0) break;
    const first = paired[0]!;
    const last = paired[paired.length - 1]!;
    const sizeOf = (r: RowBuild): number => visible(sideText(sides[name], r[name], name === 'a' ? r.wholeA : r.wholeB));
    const total = rows.filter((r) => r[name].length).reduce((t, r) => t + sizeOf(r), 0);
    for (const edge of [rows.slice(0, first), rows.slice(last + 1)]) {
      const mine = edge.filter((r) => r.kind === kind);
      const size = mine.reduce((t, r) => t + sizeOf(r), 0);
      if (mine.length > EDGE_ROWS || size > EDGE_SHARE * total) mine.forEach((r) => outsideRows.add(r));
    }
  }

  // 5. rows, numbers and edits
  const outRows: CompareRow[] = [];
  const outside = { a: [] as string[], b: [] as string[] };
  let alignedA = 0;
  let alignedB = 0;
  let deletedChars = 0;
  let insertedChars = 0;
  let regionA = 0;
  const rowIndex = new Map<RowBuild, number>();
  for (const r of rows) {
    const ta = r.a.length ? sideText(A, r.a, r.wholeA) : null;
    const tb = r.b.length ? sideText(B, r.b, r.wholeB) : null;
    if (outsideRows.has(r)) {
      if (ta) outside.a.push(ta);
      if (tb) outside.b.push(tb);
      continue;
    }
    const row: CompareRow = { kind: r.kind, a: ta, b: tb };
    const index = outRows.length;
    rowIndex.set(r, index);
    if (ta) regionA += visible(ta);
    if (r.kind === 'equal' || r.kind === 'moved') {
      alignedA += visible(ta ?? '');
      alignedB += visible(tb ?? '');
      const { checks, unpaired } = rowNumbers(r, A, B);
      if (checks.length) row.numbers = checks;
      if (unpaired.a.length || unpaired.b.length) row.numbersUnpaired = unpaired;
      for (const c of checks) if (!c.agree) edits.push({ type: 'number-mismatch', a: c.a, b: c.b, row: index });
      if (r.kind === 'moved') edits.push({ type: 'paragraph-moved', a: ta ?? '', b: tb ?? '', row: index });
    } else if (r.kind === 'deleted') {
      deletedChars += visible(ta ?? '');
      edits.push({ type: 'not-translated', a: ta ?? '', row: index });
    } else {
      insertedChars += visible(tb ?? '');
      edits.push({ type: 'added-in-translation', b: tb ?? '', row: index });
    }
    outRows.push(row);
  }
  for (const { row, edit } of pendingEdits) {
    const index = rowIndex.get(row);
    if (index === undefined) continue;
    if (edit.a) deletedChars += visible(edit.a);
    if (edit.b) insertedChars += visible(edit.b);
    edits.push({ ...edit, row: index });
  }
  edits.sort((x, y) => (x.row ?? Infinity) - (y.row ?? Infinity));
  edits.push(...attributionEdits(A, B, lexicon));
  outside.a.push(...(a.appended ?? []));
  outside.b.push(...(b.appended ?? []));

  const totalA = visible(a.paragraphs.join(''));
  const totalB = visible(b.paragraphs.join(''));
  const share = (x: number, t: number): number => (t === 0 ? 0 : Math.min(1, x / t));
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    a: { ...(a.id ? { id: a.id } : {}), title: a.title, lang: a.lang },
    b: { ...(b.id ? { id: b.id } : {}), title: b.title, lang: b.lang },
    crossLanguage: true,
    similarity: round((share(alignedA, totalA) + share(alignedB, totalB)) / 2),
    rows: outRows,
    outside,
    edits,
    summary: {
      kept: round(share(alignedA, regionA)),
      deletedChars,
      insertedChars,
    },
    degraded: info.banded,
  };
}

function makeSide(name: SideName, zh: boolean, version: TranslationVersion, lexicon: Lexicon): Side {
  const text = prepareText(version.paragraphs, zh, lexicon);
  return { name, zh, version, text, index: new Map(text.sentences.map((s, i) => [s, i])) };
}

/**
 * Unpaired text of one side that closely translates unpaired text of the other, out of order:
 * a `moved` row at the place of the b side. Only whole unpaired rows are considered, so a moved
 * paragraph is one that the monotone alignment had to leave out.
 */
function findMoves(rows: RowBuild[], sim: (a: Sentence[], b: Sentence[]) => number): void {
  const onlyA = rows.filter((r) => r.kind === 'deleted');
  const onlyB = rows.filter((r) => r.kind === 'inserted');
  const candidates: { ra: RowBuild; rb: RowBuild; s: number }[] = [];
  for (const ra of onlyA) for (const rb of onlyB) candidates.push({ ra, rb, s: sim(ra.a, rb.b) });
  candidates.sort((x, y) => y.s - x.s);
  const used = new Set<RowBuild>();
  for (const c of candidates) {
    if (c.s < STRONG_BEAD) break;
    if (used.has(c.ra) || used.has(c.rb)) continue;
    if (checkNumbers(joinSentences(c.ra.a), joinSentences(c.rb.b)).some((n) => !n.agree)) continue;
    used.add(c.ra);
    used.add(c.rb);
    // the b row becomes the moved pair; the a row disappears
    c.rb.kind = 'moved';
    c.rb.a = c.ra.a;
    c.rb.beads = [{ a: c.ra.a, b: c.rb.b }];
    if (c.ra.wholeA) c.rb.wholeA = c.ra.wholeA;
    rows.splice(rows.indexOf(c.ra), 1);
  }
}

/** A number mention of one side of a row, with the bead it belongs to (-1: a sentence outside any bead) and its place. */
interface Placed {
  m: NumberMention;
  bead: number;
  pos: number;
  /** The range this bound was taken from, when a range found no partner as a whole. */
  parent?: Placed;
}

/**
 * The figures of a row checked against each other, bead by bead (a bead is one aligned sentence
 * pair, or a sentence beside the two it was split into):
 *  1. each figure is paired with an equal one (1014 / 1,014, 100亿 / 10 billion, 95%以上 / more than
 *     95%), first in its own bead, then anywhere in the row (a translator may move a figure to the
 *     next sentence); a range that finds no equal range is split into its bounds (400万至600万 / 4
 *     million ... 6 million) and they are paired the same way;
 *  2. a figure left over is paired with a different one only inside its own bead, of the same family
 *     (counts, years, dates, each percent sign), and only with a partner a reader would accept: the
 *     same significant digits (250万 / 25 million, 138亿 / 138 billion), or the only figure left on
 *     each side of the bead. A figure written as a word below ten (三, four) is never flagged;
 *  3. anything else is only in one version: listed apart, not a disagreement (the translation may
 *     have left it out, or written it as a word the check does not read).
 */
function pairNumbers(a: Placed[], b: Placed[]): { checks: NumberCheck[]; unpaired: { a: string[]; b: string[] } } {
  const pairs: { x: Placed; y: Placed; agree: boolean }[] = [];
  let leftA = a.slice();
  let leftB = b.slice();
  const agree = (sameBead: boolean): void => {
    const usedB = new Set<Placed>();
    const restA: Placed[] = [];
    for (const x of leftA) {
      const y = leftB.find((c) => !usedB.has(c) && (!sameBead || (c.bead === x.bead && x.bead >= 0)) && sameNumber(x.m, c.m));
      if (y) {
        usedB.add(y);
        pairs.push({ x, y, agree: true });
      } else restA.push(x);
    }
    leftA = restA;
    leftB = leftB.filter((c) => !usedB.has(c));
  };
  agree(true);
  agree(false);
  const split = (ps: Placed[]): Placed[] =>
    ps.flatMap((p) => (p.m.bounds ? p.m.bounds.map((m, k) => ({ m, bead: p.bead, pos: p.pos + k * 0.5, parent: p })) : [p]));
  if (leftA.some((p) => p.m.bounds) || leftB.some((p) => p.m.bounds)) {
    leftA = split(leftA);
    leftB = split(leftB);
    agree(true);
    agree(false);
  }
  // 2. disagreements inside a bead
  const fam = (m: NumberMention): string => (m.kind === 'percent' ? `p${m.unit}` : m.kind === 'date' ? 'd' : m.kind === 'year' ? 'y' : 'n');
  const candidate = (p: Placed): boolean => p.bead >= 0 && p.m.kind !== 'magnitude' && !isWeakNumber(p.m);
  const taken = new Set<Placed>();
  const group = (p: Placed): string => `${p.bead}|${fam(p.m)}`;
  for (const x of leftA.filter(candidate)) {
    const y = leftB.find((c) => !taken.has(c) && candidate(c) && group(c) === group(x) && digitSignature(c.m) === digitSignature(x.m));
    if (y) {
      taken.add(x);
      taken.add(y);
      pairs.push({ x, y, agree: false });
    }
  }
  const groupsA = new Map<string, Placed[]>();
  const groupsB = new Map<string, Placed[]>();
  for (const [list, groups] of [[leftA, groupsA], [leftB, groupsB]] as const) {
    for (const p of list) {
      if (taken.has(p) || !candidate(p)) continue;
      const g = groups.get(group(p));
      if (g) g.push(p);
      else groups.set(group(p), [p]);
    }
  }
  for (const [g, xs] of groupsA) {
    const ys = groupsB.get(g);
    if (xs.length !== 1 || ys?.length !== 1) continue;
    taken.add(xs[0]!);
    taken.add(ys[0]!);
    pairs.push({ x: xs[0]!, y: ys[0]!, agree: false });
  }
  pairs.sort((p, q) => p.x.pos - q.x.pos);
  // 3. the rest: a range whose bounds both found nothing is listed once, as written
  const rest = (list: Placed[]): string[] => {
    const out: string[] = [];
    const seen = new Set<Placed>();
    for (const p of list.filter((q) => !taken.has(q)).sort((q, r) => q.pos - r.pos)) {
      const whole = p.parent && list.filter((q) => q.parent === p.parent && !taken.has(q)).length === p.parent.m.bounds!.length;
      if (whole) {
        if (seen.has(p.parent!)) continue;
        seen.add(p.parent!);
        out.push(p.parent!.m.text);
      } else out.push(p.m.text);
    }
    return out;
  };
  return { checks: pairs.map((p) => ({ a: p.x.m.text, b: p.y.m.text, agree: p.agree })), unpaired: { a: rest(leftA), b: rest(leftB) } };
}

/** The figures of one row: each sentence's mentions, placed in the bead it belongs to. */
function rowNumbers(row: RowBuild, A: Side, B: Side): { checks: NumberCheck[]; unpaired: { a: string[]; b: string[] } } {
  const beadOf = new Map<Sentence, number>();
  row.beads.forEach((bd, k) => {
    for (const s of bd.a) beadOf.set(s, k);
    for (const s of bd.b) beadOf.set(s, k);
  });
  const place = (side: Side, sents: Sentence[]): Placed[] =>
    sents.flatMap((s) => findNumbers(s.text).map((m) => ({ m, bead: beadOf.get(s) ?? -1, pos: side.index.get(s)! * 1e6 + m.start })));
  return pairNumbers(place(A, row.a), place(B, row.b));
}

/**
 * The figures of two passages checked against each other as one aligned pair (see pairNumbers):
 * equal figures agree, a figure left over disagrees with its partner, a figure only one side gives
 * is not checked.
 */
export function checkNumbers(a: string, b: string): NumberCheck[] {
  const place = (t: string): Placed[] => findNumbers(t).map((m) => ({ m, bead: 0, pos: m.start }));
  return pairNumbers(place(a), place(b)).checks;
}

/**
 * Source and byline lines of each side that have no counterpart on the other: a translation that
 * drops "文章来源：光明网" hides where the text came from. Lines are matched through the same
 * scorer as sentences (names by pinyin, outlets through the gazetteer).
 */
function attributionEdits(A: Side, B: Side, lexicon: Lexicon): Edit[] {
  const linesA = A.version.sourceLines ?? [];
  const linesB = B.version.sourceLines ?? [];
  if (linesA.length === 0 && linesB.length === 0) return [];
  const fa = linesA.map((l) => prepareText([l], A.zh, lexicon, false).features);
  const fb = linesB.map((l) => prepareText([l], B.zh, lexicon, false).features);
  const carried = (x: SentenceFeatures[], y: SentenceFeatures[]): boolean =>
    (A.zh ? pairSimilarity(x, y) : pairSimilarity(y, x)) >= STRONG_BEAD;
  const out: Edit[] = [];
  linesA.forEach((line, i) => {
    if (!fb.some((f) => carried(fa[i]!, f))) out.push({ type: 'attribution-removed', a: line });
  });
  linesB.forEach((line, i) => {
    if (!fa.some((f) => carried(f, fb[i]!))) out.push({ type: 'attribution-added', b: line });
  });
  return out;
}

