// The full view's one model of the changes (src/ui/stops.ts): every edit is one stop, in table
// order, each with a row; a moved paragraph's old place is found in the original's order.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/core/compare/compare-versions';
import { corpusVersion } from '../fixtures/corpus-version';
import { editStops, movedFrom } from '../../src/ui/stops';

const original = corpusVersion('000');
const reprint = compareVersions(original, corpusVersion('002'));
// 000 with its 10th paragraph moved to the end, and a credit line of its own
const p = [...original.paragraphs];
const [tenth] = p.splice(9, 1);
const moved = compareVersions(original, { ...original, id: 'moved', paragraphs: [...p, tenth!], sourceLines: ['（责任编辑：张三）'] });

describe('stops', () => {
  it.each([
    ['an edited reprint with appended articles', reprint],
    ['a moved paragraph', moved],
  ])('%s: every edit is one stop with a row, down the table', (_name, c) => {
    const { stops, editRows } = editStops([{ title: '', edits: c.edits, rowOf: (e) => e.row }], c.rows.length);
    expect(stops).toHaveLength(c.edits.length);
    expect(new Set(stops.map((s) => s.index)).size).toBe(c.edits.length);
    // rowless edits (credit lines, appended material, the title) get rows after the body's
    expect(editRows).toHaveLength(c.edits.filter((e) => e.row === undefined).length);
    for (const er of editRows) expect(er.row).toBeGreaterThanOrEqual(c.rows.length);
    // in table order: the title's row on top, body rows in order, the other edit rows below
    const order = stops.map((s) => (editRows.find((er) => er.row === s.row)?.top ? -1 : s.row));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('counts the edits of two groups apart and together', () => {
    const groups = [
      { title: 'version', edits: reprint.edits, rowOf: (e: { row?: number }) => e.row },
      { title: 'again', edits: moved.edits, rowOf: (e: { row?: number }) => e.row },
    ];
    const { stops } = editStops(groups, Math.max(reprint.rows.length, moved.rows.length));
    expect(stops.filter((s) => s.group === 0)).toHaveLength(reprint.edits.length);
    expect(stops.filter((s) => s.group === 1)).toHaveLength(moved.edits.length);
  });

  it('places a moved paragraph’s old place after the paragraph that preceded it in the original', () => {
    const at = moved.rows.findIndex((r) => r.kind === 'moved');
    expect(at).toBeGreaterThan(0);
    expect(moved.rows[at]!.a).toBe(tenth);
    const after = movedFrom(moved.rows).get(at)!;
    expect(moved.rows[after]!.a).toBe(original.paragraphs[8]);
    expect(movedFrom(reprint.rows).size).toBe(reprint.rows.filter((r) => r.kind === 'moved').length);
  });
});
