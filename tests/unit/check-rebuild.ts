// The rebuild guarantee of compareVersions, as one checker the comparison tests and the property
// tests share. For a comparison c of versions a and b:
//  1. rows with an a text, in aIndex order, joined with "\n", equal a.paragraphs.join("\n") sliced
//     by c.region.a (a row's text may hold two paragraphs merged into one of b); same for b;
//  2. each row with ops rebuilds its a and its b exactly (rowSteps: kept text in b's spelling);
//  3. outside.a is a.paragraphs without the region's paragraphs, then a.appended; same for b.
// Together: every character of both versions is in exactly one place of the comparison.
import { expect } from 'vitest';
import { rowSteps, type VersionComparison, type VersionText } from '../../src/core/compare/compare-versions';

export function checkRebuild(r: VersionComparison, a: VersionText, b: VersionText): void {
  for (const [side, v, region] of [['a', a, r.region.a], ['b', b, r.region.b]] as const) {
    const index = side === 'a' ? 'aIndex' : 'bIndex';
    const texts = r.rows.filter((row) => row[side] !== null).sort((x, y) => x[index]! - y[index]!).map((row) => row[side]!);
    const all = v.paragraphs.join('\n');
    expect(texts.join('\n')).toBe(all.slice(region.start, region.end));
    let start = 0;
    let from = 0;
    while (from < v.paragraphs.length && start < region.start) start += v.paragraphs[from++]!.length + 1;
    const count = region.end > region.start ? all.slice(region.start, region.end).split('\n').length : 0;
    expect(r.outside[side]).toEqual([...v.paragraphs.slice(0, from), ...v.paragraphs.slice(from + count), ...(v.appended ?? [])]);
  }
  for (const row of r.rows) {
    if (!row.ops) continue;
    const steps = rowSteps(row);
    expect(steps.map((s) => s.a).join('')).toBe(row.a);
    expect(steps.map((s) => s.b).join('')).toBe(row.b);
  }
}
