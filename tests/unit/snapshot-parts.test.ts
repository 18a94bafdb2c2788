// A large page copy travels in parts (src/extract/in-page/snapshot-cut.ts) and is joined in the background
// (src/background/snapshot-parts.ts): whole and in order, or a clear error, never a wrong page.
import { describe, expect, it } from 'vitest';
import { COPIES_PER_TAB, SnapshotParts } from '../../src/background/snapshot-parts';
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
    parts.forEach((part, index) => held.add(7, { url, copy: 'c1', index, part }));
    expect(held.finish(7, url, parts.length, last, 'c1')).toBe(big);
  });

  it('sends a small copy whole', () => {
    expect(cutSnapshot('<p>x</p>')).toEqual({ parts: [], last: '<p>x</p>' });
    expect(new SnapshotParts().finish(1, url, 0, '<p>x</p>')).toBe('<p>x</p>');
  });

  it('refuses a copy with a part missing, out of order, of another page or too many parts', () => {
    const held = new SnapshotParts();
    const copy = 'k';
    held.add(1, { url, copy, index: 0, part: 'a' });
    expect(() => held.finish(1, url, 2, 'c', copy)).toThrow(/incomplete \(1 of 2 parts\)/);
    held.add(2, { url, copy, index: 0, part: 'a' });
    expect(() => held.add(2, { url, copy, index: 2, part: 'c' })).toThrow(/out of order/);
    held.add(3, { url, copy, index: 0, part: 'a' });
    expect(() => held.finish(3, 'https://example.com/other', 1, 'b', copy)).toThrow(/incomplete/);
    expect(() => held.add(4, { url, copy, index: MAX_SNAPSHOT_PARTS, part: 'a' })).toThrow(/out of range/);
    // the parts of one copy never complete another
    held.add(6, { url, copy: 'one', index: 0, part: 'a' });
    expect(() => held.finish(6, url, 1, 'b', 'two')).toThrow(/incomplete/);
    // another page's first part starts afresh
    held.add(5, { url, copy, index: 0, part: 'a' });
    held.add(5, { url: 'https://example.com/b', copy, index: 0, part: 'x' });
    expect(held.finish(5, 'https://example.com/b', 1, 'y', copy)).toBe('xy');
  });

  it('joins two copies of one tab sent at the same time, each whole (the reader asked again while the first was on its way)', () => {
    const { parts, last } = cutSnapshot(big);
    const held = new SnapshotParts();
    // the second copy starts when the first has sent three parts, then they alternate
    for (let i = 0; i < 3; i++) held.add(9, { url, copy: 'first', index: i, part: parts[i]! });
    for (let i = 0; i < parts.length; i++) {
      held.add(9, { url, copy: 'second', index: i, part: parts[i]! });
      if (i + 3 < parts.length) held.add(9, { url, copy: 'first', index: i + 3, part: parts[i + 3]! });
    }
    expect(held.finish(9, url, parts.length, last, 'first')).toBe(big);
    expect(held.finish(9, url, parts.length, last, 'second')).toBe(big);
  });

  it('holds a bounded number of unfinished copies per tab, dropping the oldest', () => {
    const held = new SnapshotParts();
    for (let c = 0; c <= COPIES_PER_TAB; c++) held.add(1, { url, copy: `c${c}`, index: 0, part: 'a' });
    expect(() => held.finish(1, url, 1, 'b', 'c0')).toThrow(/incomplete/);
    expect(held.finish(1, url, 1, 'b', `c${COPIES_PER_TAB}`)).toBe('ab');
  });

  it('accepts only well-formed parts as messages', () => {
    expect(validateArgs('pageSnapshotPart', [{ url, copy: 'a1', index: 0, part: 'x', extra: 1 }])).toEqual([{ url, copy: 'a1', index: 0, part: 'x' }]);
    expect(() => validateArgs('pageSnapshotPart', [{ url, copy: 'a1', index: -1, part: 'x' }])).toThrow(/index/);
    expect(() => validateArgs('pageSnapshotPart', [{ url, copy: 'a1', index: 0, part: 'x'.repeat(SNAPSHOT_PART_CHARS + 1) }])).toThrow(/part/);
    expect(() => validateArgs('pageSnapshotPart', [{ url, index: 0, part: 'x' }])).toThrow(/copy/);
    expect(() => validateArgs('pageSnapshotPart', [{ url, copy: '__proto__', index: 0, part: 'x' }])).toThrow(/copy/);
    expect(() => validateArgs('pageSnapshot', [{ url, html: '', truncated: false, ms: 1, parts: 1.5 }])).toThrow(/parts/);
    expect(() => validateArgs('pageSnapshot', [{ url, html: '', truncated: false, ms: 1, parts: 2 }])).toThrow(/copy/);
  });
});
