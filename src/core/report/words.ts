// The words of a report, in the reader's language: what the two sides are called ("the original"
// and "this page" in the extension, a and b on the command line), the summary line, the headings
// and the names of the edits and rows. The core has no strings of the interface: the extension
// passes its own (src/ui/strings.json), the CLI uses ENGLISH.
import { EDIT_LABELS } from '../compare/edits';
import type { CompareRow, Comparison, Edit, RowKind } from '../types';

type Row = CompareRow & { aIndex?: number; bIndex?: number };

export interface ReportWords {
  /** BCP 47 tag of these words (the report's own lang attribute; page text keeps its own). */
  lang: string;
  /** What the two sides are called in running text: a, then b. */
  sides: [string, string];
  heading: string;
  /** The summary: b keeps `kept` of a; characters deleted and inserted; similarity. */
  summary(kept: string, deleted: number, inserted: number, similarity: string): string;
  degraded: string;
  edits(n: number): string;
  edit(type: Edit['type']): string;
  sideBySide: string;
  rows: string;
  /** The Markdown legend of the marks. */
  legend: string;
  row(kind: RowKind): string;
  /** Where a moved paragraph was and is, 1-based. */
  moved(from: number, to: number): string;
  outside: string;
  /** What usually lies outside: site furniture, appended articles. */
  outsideNote: string;
  /** "Warning" before the degraded note in Markdown. */
  warning: string;
  /** A reference to row n (1-based) from the edit list. */
  rowRef(n: number): string;
  /** The report's title: "Reprint Lens: a / b". */
  title(a: string, b: string): string;
  /** Paragraphs of one side outside the compared region. */
  outsideOf(side: string, n: number): string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const ENGLISH: ReportWords = {
  lang: 'en',
  sides: ['a', 'b'],
  heading: 'What changed between two versions',
  summary: (kept, deleted, inserted, similarity) => `b keeps ${kept} of a; ${deleted} characters deleted, ${inserted} inserted; similarity ${similarity}`,
  degraded: 'The diff hit its time or size limit: some changes may be shown coarser than they are.',
  edits: (n) => plural(n, 'edit'),
  edit: (type) => EDIT_LABELS[type],
  sideBySide: 'Side by side',
  rows: 'Rows',
  legend: 'Deleted text is ~~struck through~~, inserted text is **bold**.',
  row: (kind) => kind,
  moved: (from, to) => `paragraph ${from} of a, now ${to} of b`,
  outside: 'Outside the compared region',
  outsideNote: 'site furniture, appended articles',
  warning: 'Warning',
  rowRef: (n) => `row ${n}`,
  title: (a, b) => `Reprint Lens: ${a} / ${b}`,
  outsideOf: (side, n) => `${side}: ${n === 0 ? 'nothing' : plural(n, 'paragraph')}`,
};

/** The one-line summary every report opens with. */
export function summaryLine(c: Comparison, words: ReportWords = ENGLISH): string {
  const s = c.summary;
  return words.summary(`${(s.kept * 100).toFixed(1)}%`, s.deletedChars, s.insertedChars, c.similarity.toFixed(3));
}

/** What a row is, for its heading: its kind, and where a moved paragraph came from. */
export function rowHeading(row: Row, i: number, words: ReportWords = ENGLISH): string {
  const where = row.kind === 'moved' && row.aIndex !== undefined && row.bIndex !== undefined ? ` (${words.moved(row.aIndex + 1, row.bIndex + 1)})` : '';
  return `#${i + 1} ${words.row(row.kind)}${where}`;
}
