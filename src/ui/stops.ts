// One model of the changes a reader steps through: every edit of the comparisons shown is one
// stop, counted once (the verdict, the toolbar, the edit list and the change strip all count these),
// in the order they appear down the table. An edit with no row of its own (a changed title, a
// credit line outside the body, appended material) gets one: the title's above the body rows, the
// others below them, so that n/p and the edit list reach every edit. Also where a moved paragraph
// used to be, for the placeholder at its old place.
import type { CompareRow, Edit } from '../core/types';

export interface EditGroup {
  title: string;
  edits: Edit[];
  /** The table row an edit's row is shown in (the three-column table renumbers them). */
  rowOf(edit: Edit): number | undefined;
}

export interface Stop {
  group: number;
  /** Index of the edit in its group. */
  index: number;
  edit: Edit;
  /** The table row it is shown in: a body row, or an edit row numbered after the body rows. */
  row: number;
}

/** A row of its own for an edit outside the body rows; `top` rows are drawn above the body. */
export interface EditRow {
  row: number;
  edit: Edit;
  top: boolean;
}

export interface Stops {
  stops: Stop[];
  editRows: EditRow[];
}

/** The stops of `groups` over a table of `bodyRows` rows. */
export function editStops(groups: readonly EditGroup[], bodyRows: number): Stops {
  const placed: Array<Stop & { at: number }> = [];
  const editRows: EditRow[] = [];
  groups.forEach((g, group) =>
    g.edits.forEach((edit, index) => {
      let row = g.rowOf(edit);
      let at = row ?? 0;
      if (row === undefined) {
        const top = edit.type === 'title-changed';
        row = bodyRows + editRows.length;
        editRows.push({ row, edit, top });
        at = top ? -bodyRows - 1 + editRows.length : row;
      }
      placed.push({ group, index, edit, row, at });
    }),
  );
  // down the table; edits of one row keep the order of their lists (stable sort)
  placed.sort((x, y) => x.at - y.at);
  return { stops: placed.map((s) => ({ group: s.group, index: s.index, edit: s.edit, row: s.row })), editRows };
}

/** The stop `by` steps from `current` (-1: none yet), wrapping round; -1 when there are none. */
export function stepStop(current: number, count: number, by: 1 | -1): number {
  if (count === 0) return -1;
  return current < 0 ? (by === 1 ? 0 : count - 1) : (current + by + count) % count;
}

type Row = CompareRow & { aIndex?: number };

/** A moved paragraph's two ends in a table: its body row, the body row it followed, and the table row it is shown in. */
export interface MovePlace {
  moved: number;
  after: number;
  target: number;
}

/**
 * The old places of the moved rows, keyed by the table row they come after (-1: before the first);
 * `toTable` gives the table row of a body row (the three-column table numbers its own).
 */
export function movePlaces(rows: readonly Row[], toTable: (row: number) => number | undefined = (row) => row): Map<number, MovePlace[]> {
  const out = new Map<number, MovePlace[]>();
  for (const [moved, after] of movedFrom(rows)) {
    const target = toTable(moved);
    if (target === undefined) continue;
    const at = after < 0 ? -1 : (toTable(after) ?? -1);
    out.set(at, [...(out.get(at) ?? []), { moved, after, target }]);
  }
  return out;
}

/**
 * Where each moved row was: the body row after which its old place lies (-1: before the first),
 * keyed by the moved row. The old place follows the unmoved paragraph that came before it in a.
 */
export function movedFrom(rows: readonly Row[]): Map<number, number> {
  const out = new Map<number, number>();
  rows.forEach((row, i) => {
    if (row.kind !== 'moved' || row.aIndex === undefined) return;
    let after = -1;
    let best = -1;
    rows.forEach((r, j) => {
      if (r.kind === 'moved' || r.a === null || r.aIndex === undefined) return;
      if (r.aIndex < row.aIndex! && r.aIndex > best) {
        best = r.aIndex;
        after = j;
      }
    });
    out.set(i, after);
  });
  return out;
}
