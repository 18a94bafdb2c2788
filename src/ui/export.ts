// Exports of what the full view shows: the self-contained HTML report, Markdown, and the JSON the
// CLI prints (`compare --json`: one Comparison; with three versions shown, the two comparisons as
// a list). Files are handed over through a blob URL and <a download>, so the extension needs no
// `downloads` permission; copying uses navigator.clipboard.writeText from the click itself, which
// needs no clipboard permission.
import { renderHtml } from '../core/report/html';
import { renderMarkdown } from '../core/report/markdown';
import { ENGLISH, type ReportWords } from '../core/report/words';
import type { Comparison } from '../core/types';

export type ExportKind = 'html' | 'md' | 'json';

export interface ExportFile {
  kind: ExportKind;
  name: string;
  mime: string;
  text: string;
}

/** The second report's row anchors renamed, so that its edit links do not jump into the first report. */
function secondReportBody(html: string): string {
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));
  // escapeHtml turns every quote of page text into &quot;, so id="row- and href="#row- occur only in markup
  return body.replaceAll('id="row-', 'id="t-row-').replaceAll('href="#row-', 'href="#t-row-');
}

/** A file name from the compared sides: reprint-lens-<a>-<b>.<ext>, ids shortened. */
export function exportName(comparisons: readonly Comparison[], ext: string): string {
  const short = (s: Comparison['a']): string => (s.id ? s.id.split('_')[0]!.slice(0, 24) : 'page').replace(/[^\w.-]/g, '');
  const sides = [short(comparisons[0]!.a), ...comparisons.map((c) => short(c.b))];
  return `reprint-lens-${sides.join('-')}.${ext}`;
}

/** `wordsOf` gives each report its words (the interface's language); without it, the CLI's English. */
export function exportFile(kind: ExportKind, comparisons: readonly Comparison[], wordsOf: (c: Comparison) => ReportWords = () => ENGLISH): ExportFile {
  if (comparisons.length === 0) throw new Error('nothing to export');
  if (kind === 'json') {
    const value = comparisons.length === 1 ? comparisons[0] : comparisons;
    return { kind, name: exportName(comparisons, 'json'), mime: 'application/json', text: `${JSON.stringify(value, null, 2)}\n` };
  }
  if (kind === 'md') {
    return { kind, name: exportName(comparisons, 'md'), mime: 'text/markdown;charset=utf-8', text: comparisons.map((c) => renderMarkdown(c, wordsOf(c))).join('\n---\n\n') };
  }
  const [first, ...rest] = comparisons.map((c) => renderHtml(c, wordsOf(c)));
  let html = first!;
  if (rest.length > 0) {
    const at = html.lastIndexOf('</body>');
    html = `${html.slice(0, at)}<hr>\n${rest.map(secondReportBody).join('<hr>\n')}${html.slice(at)}`;
  }
  return { kind, name: exportName(comparisons, 'html'), mime: 'text/html;charset=utf-8', text: html };
}

let lastUrl: string | null = null;

/**
 * Offers a file for download. The blob URL lives until the next download (a page that revoked it
 * at once could cancel its own download in some browsers), and is returned so that the page can
 * show what was saved.
 */
export function download(file: ExportFile): string {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = lastUrl;
  a.download = file.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  return lastUrl;
}
