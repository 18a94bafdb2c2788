// A comparison as one self-contained HTML page: inline CSS, no script, nothing fetched (a
// Content-Security-Policy says so to the browser too), so it can be mailed or archived as is.
// All page text is hostile input: every piece of it goes through `escapeHtml`.
import { isNoise, stepsOf } from '../compare/diff';
import { editText, foldsNoise, rowHeading, summaryLine } from './text';
import { ENGLISH, type ReportWords } from './words';
import type { CompareRow, Comparison } from '../types';

type Row = CompareRow & { aIndex?: number; bIndex?: number; keptB?: string[] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
body{font:15px/1.7 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1200px;padding:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.4em;margin:0 0 .4em}h2{font-size:1.1em;margin:1.6em 0 .5em;border-bottom:1px solid #ddd}
.sides{display:grid;grid-template-columns:auto 1fr;gap:.1em 1em}.sides dt{font-weight:600}.sides dd{margin:0}
.id{color:#666;font-family:ui-monospace,monospace;font-size:.85em}
.summary{font-weight:600}.warn{background:#fff3cd;border:1px solid #e0b000;padding:.5em .8em;border-radius:4px}
del{background:#ffd7d5;color:#82071e;text-decoration:line-through}
ins{background:#ccffd8;color:#055d20;text-decoration:underline}
ol.edits{padding-left:1.5em}ol.edits li{margin:.2em 0}.type{font-weight:600}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border-top:1px solid #e5e5e5;padding:.4em .6em;vertical-align:top;text-align:left}
td{white-space:pre-wrap;word-wrap:break-word}th{width:9em;font-weight:400;color:#666;font-size:.85em}
thead th{color:#1b1b1b;font-weight:600;font-size:1em;width:auto}
tr.equal td{color:#444}tr.deleted td.a{background:#fff5f5}tr.inserted td.b{background:#f3fff5}tr.moved th{color:#6f42c1}
details{margin:.5em 0}details p{white-space:pre-wrap;color:#555;margin:.3em 0}
`;

function cell(row: Row, side: 'a' | 'b', fold: boolean): string {
  const text = row[side];
  if (text === null) return '';
  if (!row.ops) {
    if (row.kind === 'deleted') return `<del>${escapeHtml(text)}</del>`;
    if (row.kind === 'inserted') return `<ins>${escapeHtml(text)}</ins>`;
    return escapeHtml(text);
  }
  let out = '';
  for (const p of stepsOf(row.ops, row.keptB)) {
    const t = p[side];
    if (t.length === 0) continue;
    if (p.op === 0 || (fold && isNoise(t))) out += escapeHtml(t);
    else out += p.op === -1 ? `<del>${escapeHtml(t)}</del>` : `<ins>${escapeHtml(t)}</ins>`;
  }
  return out;
}

export function renderHtml(c: Comparison, words: ReportWords = ENGLISH): string {
  const [sa, sb] = words.sides;
  const fold = foldsNoise(c);
  const name = (s: Comparison['a']): string => `${escapeHtml(s.title)} <span class="id">${escapeHtml(s.id ?? '(page)')} · ${escapeHtml(s.lang)}</span>`;
  const parts: string[] = [];
  parts.push(
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(words.lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(words.title(c.a.title, c.b.title))}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(words.heading)}</h1>`,
    `<dl class="sides"><dt>${escapeHtml(sa)}</dt><dd lang="${escapeHtml(c.a.lang)}">${name(c.a)}</dd><dt>${escapeHtml(sb)}</dt><dd lang="${escapeHtml(c.b.lang)}">${name(c.b)}</dd></dl>`,
    `<p class="summary">${escapeHtml(summaryLine(c, words))}</p>`,
  );
  if (c.degraded) parts.push(`<p class="warn">${escapeHtml(words.degraded)}</p>`);

  parts.push(`<h2>${escapeHtml(words.edits(c.edits.length))}</h2>`, '<ol class="edits">');
  for (const e of c.edits) {
    const at = e.row !== undefined ? ` <a href="#row-${e.row + 1}">#${e.row + 1}</a>` : '';
    parts.push(`<li><span class="type">${escapeHtml(words.edit(e.type))}</span>${at}: ${escapeHtml(editText(e))}</li>`);
  }
  parts.push('</ol>');

  parts.push(
    `<h2>${escapeHtml(words.sideBySide)}</h2>`,
    '<table><thead><tr><th></th>',
    `<th lang="${escapeHtml(c.a.lang)}">${escapeHtml(sa)}: ${escapeHtml(c.a.title)}</th><th lang="${escapeHtml(c.b.lang)}">${escapeHtml(sb)}: ${escapeHtml(c.b.title)}</th></tr></thead><tbody>`,
  );
  (c.rows as Row[]).forEach((row, i) => {
    parts.push(
      `<tr id="row-${i + 1}" class="${row.kind}"><th>${escapeHtml(rowHeading(row, i, words))}</th>`,
      `<td class="a" lang="${escapeHtml(c.a.lang)}">${cell(row, 'a', fold)}</td><td class="b" lang="${escapeHtml(c.b.lang)}">${cell(row, 'b', fold)}</td></tr>`,
    );
  });
  parts.push('</tbody></table>');

  parts.push(`<h2>${escapeHtml(words.outside)}</h2>`);
  for (const [label, list, lang] of [[sa, c.outside.a, c.a.lang], [sb, c.outside.b, c.b.lang]] as const) {
    if (list.length === 0) {
      parts.push(`<p>${escapeHtml(words.outsideOf(label, 0))}</p>`);
      continue;
    }
    parts.push(`<details><summary>${escapeHtml(words.outsideOf(label, list.length))} (${escapeHtml(words.outsideNote)})</summary>`);
    for (const p of list) parts.push(`<p lang="${escapeHtml(lang)}">${escapeHtml(p)}</p>`);
    parts.push('</details>');
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
