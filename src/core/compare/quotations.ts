// A page that quotes an article (an `excerpt`: a commentary, a digest) read as quotations rather
// than as a mutilated reprint: each quoted passage beside its source, and only what changed inside
// a quotation counted as an edit. The source's paragraphs the page never claimed to carry are not
// "sentences dropped", the page's own paragraphs are not "sentences added": both are set aside
// (`outside`); what a quotation leaves of its source paragraph before and after it is not shown.
import { classifyEdits } from './edits';
import type { CompareRow, Comparison, DiffOp } from '../types';

type Row = CompareRow & { keptB?: string[]; aIndex?: number; bIndex?: number };

export interface Quotations {
  /** The comparison with only the quoted passages as rows and the edits inside them. */
  comparison: Comparison;
  /** How many passages the page quotes. */
  passages: number;
  /** Share of the source's characters that the quotations carry, 0..1. */
  share: number;
}

const length = (s: string): number => Array.from(s).length;

/** A paired row cut down to the quotation: leading and trailing changes lie outside it. */
function quoted(row: Row): Row | null {
  if (!row.ops) return row;
  const first = row.ops.findIndex(([op]) => op === 0);
  if (first < 0) return null;
  let last = row.ops.length - 1;
  while (row.ops[last]![0] !== 0) last--;
  const ops: DiffOp[] = row.ops.slice(first, last + 1);
  const aOf = (list: readonly DiffOp[]) => list.filter(([op]) => op !== 1).map(([, t]) => t).join('');
  // b's spelling of kept text: the edges dropped hold no kept piece, so its k-th kept piece is keptB[k]
  const bOf = (list: readonly DiffOp[]) => {
    let k = 0;
    return list.map(([op, t]) => (op === 1 ? t : op === 0 ? (row.keptB?.[k++] ?? t) : '')).join('');
  };
  const changed = ops.some(([op]) => op !== 0);
  const out: Row = { ...row, kind: changed || row.kind === 'moved' ? row.kind : 'equal', a: aOf(ops), b: bOf(ops) };
  if (changed) out.ops = ops;
  else {
    delete out.ops;
    delete out.keptB;
  }
  return out;
}

/** The quotations of `c`: `c` read as a page quoting its a side. */
export function quotations(c: Comparison, opts: { foldNoise?: boolean; foldScript?: boolean } = {}): Quotations {
  const rows: Row[] = [];
  const outsideA: string[] = [];
  const outsideB: string[] = [];
  let total = 0;
  let carried = 0;
  for (const row of c.rows as Row[]) {
    if (row.a !== null) total += length(row.a);
    if (row.a === null || row.b === null) {
      if (row.a !== null) outsideA.push(row.a);
      if (row.b !== null) outsideB.push(row.b);
      continue;
    }
    const q = quoted(row);
    if (!q) {
      outsideA.push(row.a);
      outsideB.push(row.b);
      continue;
    }
    rows.push(q);
    carried += q.ops ? q.ops.filter(([op]) => op === 0).reduce((n, [, t]) => n + length(t), 0) : length(q.a ?? '');
  }
  // passages: runs of quoted rows that follow each other in both texts
  let passages = 0;
  rows.forEach((r, i) => {
    const p = rows[i - 1];
    const next = p && p.aIndex !== undefined && r.aIndex !== undefined && r.aIndex === p.aIndex + 1 && r.bIndex !== undefined && p.bIndex !== undefined && r.bIndex === p.bIndex + 1;
    if (!next) passages++;
  });
  const edits = classifyEdits({
    rows,
    title: { a: '', b: '' },
    sourceLines: { a: [], b: [] },
    appended: { a: [], b: [] },
    foldNoise: opts.foldNoise ?? true,
    foldScript: opts.foldScript ?? true,
  });
  return {
    comparison: { ...c, rows, edits, outside: { a: [...outsideA, ...c.outside.a], b: [...outsideB, ...c.outside.b] } },
    passages,
    share: total > 0 ? carried / total : 0,
  };
}
