// A comparison as Markdown (GitHub flavour): summary, edit list, then every row with deletions
// as ~~strikethrough~~ and insertions in **bold**. Page text is escaped so that its own * _ [ ] < >
// never turn into formatting, links or HTML.
import { isNoise, stepsOf } from '../compare/diff';
import { EDIT_LABELS } from '../compare/edits';
import { DEGRADED_WARNING, editText, foldsNoise, rowHeading, summaryLine } from './text';
import type { CompareRow, Comparison } from '../types';

type Row = CompareRow & { aIndex?: number; bIndex?: number; keptB?: string[] };

/** Page text made inert in Markdown: every character with a meaning gets a backslash, line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/** Marks a change, keeping its outer spaces outside the marks (Markdown ignores `~~ x~~`). */
function marked(text: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const core = m[2]!;
  return core.length === 0 ? text.replace(/\s+/g, ' ') : `${m[1] ? ' ' : ''}${mark}${escapeMarkdown(core)}${mark}${m[3] ? ' ' : ''}`;
}

function inline(row: Row, fold: boolean): string {
  if (!row.ops) {
    if (row.kind === 'deleted') return marked(row.a ?? '', '~~');
    if (row.kind === 'inserted') return marked(row.b ?? '', '**');
    return escapeMarkdown(row.b ?? row.a ?? '');
  }
  let out = '';
  for (const p of stepsOf(row.ops, row.keptB)) {
    if (p.op === 0) out += escapeMarkdown(p.b);
    else if (fold && isNoise(p.op === -1 ? p.a : p.b)) out += p.op === 1 ? ' ' : '';
    else out += p.op === -1 ? marked(p.a, '~~') : marked(p.b, '**');
  }
  return out;
}

export function renderMarkdown(c: Comparison): string {
  const fold = foldsNoise(c);
  const out: string[] = [];
  out.push('# What changed between two versions', '');
  out.push(`- **a**: ${escapeMarkdown(c.a.title)} (${escapeMarkdown(c.a.id ?? 'page')}, ${escapeMarkdown(c.a.lang)})`);
  out.push(`- **b**: ${escapeMarkdown(c.b.title)} (${escapeMarkdown(c.b.id ?? 'page')}, ${escapeMarkdown(c.b.lang)})`, '');
  out.push(summaryLine(c), '');
  if (c.degraded) out.push(`> **Warning:** ${DEGRADED_WARNING}`, '');

  out.push(`## ${c.edits.length} edit${c.edits.length === 1 ? '' : 's'}`, '');
  for (const e of c.edits) {
    const at = e.row !== undefined ? ` (row ${e.row + 1})` : '';
    out.push(`1. **${EDIT_LABELS[e.type]}**${at}: ${escapeMarkdown(editText(e))}`);
  }
  out.push('', '## Rows', '', 'Deleted text is ~~struck through~~, inserted text is **bold**.', '');
  (c.rows as Row[]).forEach((row, i) => {
    out.push(`**${escapeMarkdown(rowHeading(row, i))}**`, '');
    if (c.crossLanguage && !row.ops) {
      if (row.a !== null) out.push(`> a: ${row.kind === 'deleted' ? marked(row.a, '~~') : escapeMarkdown(row.a)}`, '>');
      if (row.b !== null) out.push(`> b: ${row.kind === 'inserted' ? marked(row.b, '**') : escapeMarkdown(row.b)}`);
    } else out.push(`> ${inline(row, fold)}`);
    out.push('');
  });
  out.push('## Outside the compared region', '');
  for (const [label, list] of [['a', c.outside.a], ['b', c.outside.b]] as const) {
    out.push(`- ${label}: ${list.length} paragraph${list.length === 1 ? '' : 's'}`);
    for (const p of list) out.push(`  - ${escapeMarkdown(p)}`);
  }
  return `${out.join('\n')}\n`;
}
