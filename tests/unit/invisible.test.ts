// Invisible characters cannot hide a reprint: bidi controls, zero-width spaces and joiners, soft
// hyphens, variation selectors and tag characters sprinkled into a copy of 000 change nothing a
// reader sees, so matching and comparison read through them, and the comparison says they are there.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/core/compare/compare-versions';
import { versionOfCorpusDoc } from '../../src/core/compare/compare-any';
import { verify } from '../../src/core/match/find-versions';
import { foldForMatch } from '../../src/core/text/normalize';
import { corpusDoc } from '../fixtures/translation/corpus';

const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u034f', '\ufe0f', '\u{e0041}'];

/** Every `every`-th character is followed by one of the invisibles, in turn. */
function sprinkle(text: string, every: number): string {
  let out = '';
  let k = 0;
  let i = 0;
  for (const ch of text) {
    out += ch;
    if (++i % every === 0) out += INVISIBLES[k++ % INVISIBLES.length];
  }
  return out;
}

describe('invisible characters', () => {
  const v000 = versionOfCorpusDoc(corpusDoc('000'));
  const hidden = { ...v000, paragraphs: v000.paragraphs.map((p) => sprinkle(p, 5)) };

  it('fold away for matching, without cutting a word in two', () => {
    expect(foldForMatch(sprinkle('数字政府建设', 1)).text).toBe('数字政府建设');
    expect(foldForMatch('data\u200bbase go\u00advernment').text).toBe('database government');
  });

  it('leave a sprinkled copy of 000 the same text as 000', () => {
    const v = verify(hidden.paragraphs.join('\n'), v000.paragraphs.join('\n'));
    expect(v?.relation).toBe('same');
    expect(v?.similarity).toBe(1);
  });

  it('leave its comparison without changes but one note that they were inserted', () => {
    const c = compareVersions(v000, hidden);
    expect(c.rows.every((r) => r.kind === 'equal')).toBe(true);
    expect(c.edits.map((e) => e.type)).toEqual(['invisible-inserted']);
    expect(c.edits[0]!.b).toMatch(/^\d+: U\+[0-9A-F]{4,5} x\d+/);
    // the page's side is still shown as written, invisibles and all
    expect(c.rows.map((r) => r.b).join('\n')).toBe(hidden.paragraphs.join('\n'));
  });
});
