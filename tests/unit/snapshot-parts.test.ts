// A large page copy travels in parts (src/extract/in-page/snapshot-cut.ts) and is joined in the background
// (src/background/snapshot-parts.ts): whole and in order, or a clear error, never a wrong page.
import { describe, expect, it } from 'vitest';
import { SnapshotParts } from '../../src/background/snapshot-parts';
import { validateArgs } from '../../src/background/validate';
import { cutSnapshot, MAX_SNAPSHOT_PARTS, SNAPSHOT_PART_CHARS } from '../../src/extract/in-page/snapshot-cut';

const url = 'https://example.com/a';
const big = '<p>数字政府建设</p>'.repeat(120_000); // 1.8 M characters

describe('a page copy in parts', () => {
  it('is cut into parts no longer than a message should be, and joined back to the same copy', () => {
    const { parts, last } = cutSnapshot(big);
    expect(parts.length).toBe(Math.ceil(big.length / SNAPSHOT_PART_CHARS) - 1);
    expect(parts.every((p) => p.length === SNAPSHOT_PART_CHARS)).toBe(true);
    expect(last.length).toBeLessThanOrEqual(SNAPSHOT_PART_CHARS);
    const held = new SnapshotParts();
    parts.forEach((part, index) => held.add(7, { url, index, part }));
    expect(held.finish(7, url, parts.length, last)).toBe(big);
  });

  it('sends a small copy whole', () => {
    expect(cutSnapshot('<p>x</p>')).toEqual({ parts: [], last: '<p>x</p>' });
    expect(new SnapshotParts().finish(1, url, 0, '<p>x</p>')).toBe('<p>x</p>');
  });

  it('refuses a copy with a part missing, out of order, of another page or too many parts', () => {
    const held = new SnapshotParts();
    held.add(1, { url, index: 0, part: 'a' });
    expect(() => held.finish(1, url, 2, 'c')).toThrow(/incomplete \(1 of 2 parts\)/);
    held.add(2, { url, index: 0, part: 'a' });
    expect(() => held.add(2, { url, index: 2, part: 'c' })).toThrow(/out of order/);
    held.add(3, { url, index: 0, part: 'a' });
    expect(() => held.finish(3, 'https://example.com/other', 1, 'b')).toThrow(/incomplete/);
    expect(() => held.add(4, { url, index: MAX_SNAPSHOT_PARTS, part: 'a' })).toThrow(/out of range/);
    // another page's first part starts afresh
    held.add(5, { url, index: 0, part: 'a' });
    held.add(5, { url: 'https://example.com/b', index: 0, part: 'x' });
    expect(held.finish(5, 'https://example.com/b', 1, 'y')).toBe('xy');
  });

  it('accepts only well-formed parts as messages', () => {
    expect(validateArgs('pageSnapshotPart', [{ url, index: 0, part: 'x', extra: 1 }])).toEqual([{ url, index: 0, part: 'x' }]);
    expect(() => validateArgs('pageSnapshotPart', [{ url, index: -1, part: 'x' }])).toThrow(/index/);
    expect(() => validateArgs('pageSnapshotPart', [{ url, index: 0, part: 'x'.repeat(SNAPSHOT_PART_CHARS + 1) }])).toThrow(/part/);
    expect(() => validateArgs('pageSnapshot', [{ url, html: '', truncated: false, ms: 1, parts: 1.5 }])).toThrow(/parts/);
  });
});
