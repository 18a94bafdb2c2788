// Padding cannot steer a verdict: a copy of 000 with a 4,094-character tracking address or a
// 2,000-character run without spaces inside a paragraph is still found as what it is, and its
// comparison shows that one insertion, not the article deleted and inserted again.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/core/compare/compare-versions';
import { versionOfCorpusDoc } from '../../src/core/compare/compare-any';
import { verify } from '../../src/core/match/find-versions';
import { corpusDoc } from '../fixtures/translation/corpus';

const v000 = versionOfCorpusDoc(corpusDoc('000'));
const tracking = `https://t.example.com/r?u=${'a1B2c3D4e5F6g7H8'.repeat(254).slice(0, 4094 - 32)}&id=42`; // 4,094 characters
const run = 'Zm9vYmFyYmF6'.repeat(167).slice(0, 2000); // base64-looking, no spaces
const at = v000.paragraphs.findIndex((p) => p.length > 80);
const padded = (pad: string) => ({ ...v000, paragraphs: v000.paragraphs.map((p, i) => (i === at ? `${p.slice(0, 40)}${pad}${p.slice(40)}` : p)) });

describe('padding inside a paragraph', () => {
  it('is 4,094 and 2,000 characters long', () => {
    expect(tracking.length).toBe(4094);
    expect(run.length).toBe(2000);
  });

  it.each([
    { name: 'a tracking address', pad: tracking, relation: 'same' },
    { name: 'a run without spaces', pad: run, relation: 'reprint' },
  ])('$name leaves a copy of 000 $relation', ({ pad, relation }) => {
    const page = padded(pad);
    const v = verify(page.paragraphs.join('\n'), v000.paragraphs.join('\n'));
    expect(v?.relation).toBe(relation);
    expect(v!.similarity).toBeGreaterThan(0.97);
    const c = compareVersions(v000, page);
    expect(c.degraded).toBe(false);
    // every paragraph but the padded one is unchanged, and the padded one is one insertion
    expect(c.rows.filter((r) => r.kind !== 'equal')).toHaveLength(1);
    expect(c.edits.map((e) => e.type)).toEqual(['phrase-inserted']);
  });
});
