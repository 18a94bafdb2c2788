// A comparison as terminal text: summary, the named edits, then every row, with deletions in red
// and struck through and insertions in green and underlined. Without colour (NO_COLOR, a pipe)
// the same marks as `git diff --word-diff`: [-deleted-] and {+inserted+}.
import { isNoise, stepsOf } from '../compare/diff';
import { EDIT_LABELS } from '../compare/edits';
import type { CompareRow, Comparison, Edit } from '../types';
import { ENGLISH, rowHeading, summaryLine } from './words';

export { rowHeading, summaryLine };

export interface TextReportOptions {
  /** ANSI colours; the caller decides (NO_COLOR, whether stdout is a terminal). */
  color: boolean;
}

type Row = CompareRow & { aIndex?: number; bIndex?: number; keptB?: string[] };

const ANSI = {
  del: '\x1b[31;9m',
  ins: '\x1b[32;4m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  warn: '\x1b[33;1m',
  reset: '\x1b[0m',
};

/** Whether whitespace-only changes were folded as noise (true unless the comparison says otherwise). */
export function foldsNoise(c: Comparison): boolean {
  return (c as { foldNoise?: boolean }).foldNoise !== false;
}

export const DEGRADED_WARNING = ENGLISH.degraded;

/** Display of one edit's texts: "a → b", or the side it has. */
export function editText(e: Edit): string {
  if (e.a !== undefined && e.b !== undefined) return `${e.a} → ${e.b}`;
  return e.a ?? e.b ?? '';
}

function side(label: string, s: Comparison['a']): string {
  return `  ${label}  ${s.id ?? '(page)'}  ${s.title}  [${s.lang}]`;
}

function inline(row: Row, fold: boolean, mark: (op: -1 | 1, text: string) => string): string {
  if (!row.ops) return row.kind === 'deleted' ? mark(-1, row.a ?? '') : row.kind === 'inserted' ? mark(1, row.b ?? '') : (row.b ?? row.a ?? '');
  let out = '';
  for (const p of stepsOf(row.ops, row.keptB)) {
    if (p.op === 0) out += p.b;
    else if (fold && isNoise(p.op === -1 ? p.a : p.b)) out += p.op === 1 ? p.b : '';
    else out += mark(p.op, p.op === -1 ? p.a : p.b);
  }
  return out;
}

export function renderText(c: Comparison, opts: TextReportOptions): string {
  const paint = (code: string, s: string): string => (opts.color && s.length > 0 ? `${code}${s}${ANSI.reset}` : s);
  const mark = (op: -1 | 1, text: string): string => {
    if (text.length === 0) return '';
    if (opts.color) {
      // colour each line on its own, so that a reset at a line end does not leave the next line painted
      return text.split('\n').map((l) => paint(op === -1 ? ANSI.del : ANSI.ins, l)).join('\n');
    }
    return op === -1 ? `[-${text}-]` : `{+${text}+}`;
  };
  const fold = foldsNoise(c);
  const lines: string[] = [];
  lines.push(paint(ANSI.bold, 'Comparing'), side('a', c.a), side('b', c.b), summaryLine(c));
  if (c.degraded) lines.push(paint(ANSI.warn, `WARNING: ${DEGRADED_WARNING}`));
  lines.push('', paint(ANSI.bold, `${c.edits.length} edit${c.edits.length === 1 ? '' : 's'}`));
  for (const e of c.edits) {
    const at = e.row !== undefined ? ` #${e.row + 1}` : '';
    lines.push(`  ${EDIT_LABELS[e.type]}${at}: ${editText(e).replace(/\s*\n\s*/g, ' / ')}`);
  }
  lines.push('', paint(ANSI.bold, 'Rows') + (opts.color ? ` (${paint(ANSI.del, 'deleted')}, ${paint(ANSI.ins, 'inserted')})` : ' ([-deleted-], {+inserted+})'));
  (c.rows as Row[]).forEach((row, i) => {
    lines.push(paint(ANSI.dim, rowHeading(row, i)));
    if (c.crossLanguage && !row.ops) {
      // a translation: the two texts differ in every character, so both are shown whole
      if (row.a !== null) lines.push(`   a: ${row.kind === 'deleted' ? mark(-1, row.a) : row.a}`);
      if (row.b !== null) lines.push(`   b: ${row.kind === 'inserted' ? mark(1, row.b) : row.b}`);
      return;
    }
    for (const l of inline(row, fold, mark).split('\n')) lines.push(`   ${l}`);
  });
  lines.push('', paint(ANSI.bold, 'Outside the compared region'));
  for (const [label, list] of [['a', c.outside.a], ['b', c.outside.b]] as const) {
    lines.push(`  ${label}: ${list.length} paragraph${list.length === 1 ? '' : 's'}`);
    // a glimpse of each paragraph is enough to recognise site furniture or an appended article
    for (const p of list) {
      const cps = Array.from(p);
      lines.push(paint(ANSI.dim, `     ${cps.length > 80 ? `${cps.slice(0, 80).join('')}…` : p}`));
    }
  }
  return `${lines.join('\n')}\n`;
}
