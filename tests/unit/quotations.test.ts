// A page quoting an article, read as quotations (src/core/compare/quotations.ts): the passages it
// quotes beside their source, and only changes inside a quotation as edits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionText } from '../../src/core/compare/compare-versions';
import { quotations } from '../../src/core/compare/quotations';
import { corpusVersion } from '../fixtures/corpus-version';

const ROOT = path.resolve(__dirname, '../..');
const original = corpusVersion('000');
const lines = readFileSync(path.join(ROOT, 'tests/fixtures/match/commentary-quoting-000.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const commentary: VersionText = { title: lines[0]!, lang: 'zh', paragraphs: lines.slice(1), sourceLines: [] };

describe('quotations', () => {
  const c = compareVersions(original, commentary);
  const q = quotations(c);

  it('a commentary quoting two paragraphs shows two passages and drops no sentence', () => {
    expect(c.edits.filter((e) => e.type === 'sentence-deleted').length).toBeGreaterThan(5); // as a reprint, it looks mutilated
    expect(q.passages).toBe(2);
    expect(q.comparison.rows).toHaveLength(2);
    expect(q.comparison.rows[0]!.a).toContain('南京智能计算中心');
    expect(q.comparison.rows[1]!.b).toContain('北京城市副中心政务服务中心');
    expect(q.comparison.edits.filter((e) => /deleted|inserted/.test(e.type))).toEqual([]);
    // the commentary's own paragraphs and the unquoted source are set aside, not lost
    expect(q.comparison.outside.b.some((p) => p.startsWith('这段文字给出了很多数字'))).toBe(true);
    expect(q.comparison.outside.a.some((p) => p.startsWith('近年来，政务上云'))).toBe(true);
    expect(q.share).toBeGreaterThan(0.1);
    expect(q.share).toBeLessThan(0.5);
  });

  it('a change inside a quotation is still an edit', () => {
    const misquoted = { ...commentary, paragraphs: commentary.paragraphs.map((p) => p.replace('174类电子证照', '147类电子证照')) };
    const m = quotations(compareVersions(original, misquoted));
    expect(m.passages).toBe(2);
    expect(m.comparison.edits.map((e) => e.type)).toContain('number-changed');
  });

  it('a full reprint is one passage carrying all of it', () => {
    const whole = quotations(compareVersions(original, { ...original, id: 'copy' }));
    expect(whole.passages).toBe(1);
    expect(whole.share).toBeCloseTo(1, 5);
    expect(whole.comparison.edits).toEqual([]);
  });
});
