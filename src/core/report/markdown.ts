// A comparison as Markdown (GitHub flavour): summary, edit list, then every row with deletions
// as ~~strikethrough~~ and insertions in **bold**. Page text is escaped so that its own * _ [ ] < >
// never turn into formatting, links or HTML.
import { isNoise, stepsOf } from '../compare/diff';
import { editText, foldsNoise, rowHeading, summaryLine } from './text';
import { ENGLISH, type ReportWords } from './words';
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

export function renderMarkdown(c: Comparison, words: ReportWords = ENGLISH): string {
  const [sa, sb] = words.sides;
  const fold = foldsNoise(c);
  const out: string[] = [];
  out.push(`# ${words.heading}`, '');
  out.push(`- **${escapeMarkdown(sa)}**: ${escapeMarkdown(c.a.title)} (${escapeMarkdown(c.a.id ?? 'page')}, ${escapeMarkdown(c.a.lang)})`);
  out.push(`- **${escapeMarkdown(sb)}**: ${escapeMarkdown(c.b.title)} (${escapeMarkdown(c.b.id ?? 'page')}, ${escapeMarkdown(c.b.lang)})`, '');
  out.push(summaryLine(c, words), '');
  if (c.degraded) out.push(`> **${words.warning}:** ${words.degraded}`, '');

  out.push(`## ${words.edits(c.edits.length)}`, '');
  for (const e of c.edits) {
    const at = e.row !== undefined ? ` (${words.rowRef(e.row + 1)})` : '';
    out.push(`1. **${words.edit(e.type)}**${at}: ${escapeMarkdown(editText(e))}`);
  }
  out.push('', `## ${words.rows}`, '', words.legend, '');
  (c.rows as Row[]).forEach((row, i) => {
    out.push(`**${escapeMarkdown(rowHeading(row, i, words))}**`, '');
    if (c.crossLanguage && !row.ops) {
      if (row.a !== null) out.push(`> ${escapeMarkdown(sa)}: ${row.kind === 'deleted' ? marked(row.a, '~~') : escapeMarkdown(row.a)}`, '>');
      if (row.b !== null) out.push(`> ${escapeMarkdown(sb)}: ${row.kind === 'inserted' ? marked(row.b, '**') : escapeMarkdown(row.b)}`);
    } else out.push(`> ${inline(row, fold)}`);
    out.push('');
  });
  out.push(`## ${words.outside}`, '');
  for (const [label, list] of [[sa, c.outside.a], [sb, c.outside.b]] as const) {
    out.push(`- ${escapeMarkdown(words.outsideOf(label, list.length))}`);
    for (const p of list) out.push(`  - ${escapeMarkdown(p)}`);
  }
  return `${out.join('\n')}\n`;
}
