// compare on Traditional reprints: the comparison diffs in Simplified script, as matching does,
// so a Traditional rendering of an unchanged article shows no change, a real edit in it shows as
// exactly that edit, and each side is still shown as written. foldScript: false shows the
// script-only differences for readers who want them.
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/match/find-versions';
import { compareVersions, type VersionText } from '../../src/core/compare/compare-versions';
import { versionOfCorpusDoc } from '../../src/core/compare/compare-any';
import { toSimplified } from '../../src/core/text/normalize';
import { corpusDoc } from '../fixtures/translation/corpus';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const corpusVersion = (short: string): VersionText => versionOfCorpusDoc(corpusDoc(short));

const v000 = corpusVersion('000');
const v002 = corpusVersion('002');
const trad = (v: VersionText, edit: (ps: string[]) => string[] = (ps) => ps): VersionText => ({
  ...v,
  title: toTraditional(v.title),
  paragraphs: edit([...v.paragraphs]).map((p) => toTraditional(p)),
  ...(v.sourceLines ? { sourceLines: v.sourceLines.map((l) => toTraditional(l)) } : {}),
  ...(v.appended ? { appended: v.appended.map((p) => toTraditional(p)) } : {}),
});

// the second sentence of the first paragraph that has two long ones, and a figure of the text, chosen from 000 itself
const sentencesOf = (p: string): string[] => p.split(/(?<=。)/u).filter((x) => x.length > 10);
const sentencePara = v000.paragraphs.findIndex((p) => sentencesOf(p).length >= 2);
const sentence = sentencesOf(v000.paragraphs[sentencePara]!)[1] ?? '';
const numberPara = v000.paragraphs.findIndex((p) => /\d{2,}/u.test(p));
const number = v000.paragraphs[numberPara]!.match(/\d{2,}/u)![0];
const changed = String(Number(number) + 1);

describe('compare in Simplified script: Traditional reprints', () => {
  it('the texts chosen for the edits are there', () => {
    expect(sentence.length).toBeGreaterThan(10);
    expect(numberPara).toBeGreaterThanOrEqual(0);
  });

  it('a Traditional rendering of an unchanged article shows no change, and is shown as written', () => {
    const t = trad(v000);
    const c = compareVersions(v000, t);
    expect(c.edits).toEqual([]);
    expect(c.similarity).toBe(1);
    expect(c.rows.every((r) => r.kind === 'equal')).toBe(true);
    // the page's side is its own Traditional text, not the Simplified it was compared in
    expect(c.rows.map((r) => r.b).join('\n')).toBe(t.paragraphs.join('\n'));
    expect(c.foldScript).toBe(true);
  });

  // Taiwan-standard text writes the particle 着 as 著, which is also a Simplified character (著名)
  it('reads the Taiwan-standard 著 (随着 -> 隨著) as the particle it renders, and keeps 著名 equal', () => {
    const withZhe: VersionText = { ...v000, paragraphs: ['随着数字政府建设的推进，沿着一网通办的方向，著名企业看着机遇。', ...v000.paragraphs] };
    const t = trad(withZhe);
    expect(t.paragraphs[0]).toContain('隨著');
    const c = compareVersions(withZhe, t);
    expect(c.edits).toEqual([]);
    expect(verify(t.paragraphs.join('\n'), withZhe.paragraphs.join('\n'))?.similarity).toBe(1);
  });

  it.each([
    ['a deleted sentence', (ps: string[]): string[] => ps.map((p, i) => (i === sentencePara ? p.replace(sentence, '') : p)), ['sentence-deleted']],
    ['a changed number', (ps: string[]): string[] => ps.map((p, i) => (i === numberPara ? p.replace(number, changed) : p)), ['number-changed']],
  ])('%s in a Traditional reprint is exactly that edit', (_name, edit, types) => {
    const c = compareVersions(v000, trad(v000, edit));
    expect(c.edits.map((e) => e.type)).toEqual(types);
    // the same edit in Simplified gives the same list
    const s = compareVersions(v000, { ...v000, paragraphs: edit([...v000.paragraphs]) });
    expect(s.edits.map((e) => e.type)).toEqual(types);
  });

  it('the edited reprint 002 in Traditional has the edits 002 has, and none more', () => {
    const simp = compareVersions(v000, v002).edits;
    const tr = compareVersions(v000, trad(v002)).edits;
    // 002's own text through Taiwan-standard conversion and back: 着 comes back as 著, both Simplified
    const key = (e: { type: string; a?: string; b?: string }): string => `${e.type}:${toSimplified(toTraditional(e.a ?? ''))}:${toSimplified(toTraditional(e.b ?? ''))}`;
    expect(tr.map(key)).toEqual(simp.map(key));
  });

  it('with script folding off, the script differences show as changes', () => {
    const c = compareVersions(v000, trad(v000), { foldScript: false });
    expect(c.foldScript).toBe(false);
    expect(c.rows.filter((r) => r.kind === 'changed').length).toBeGreaterThan(v000.paragraphs.length / 2);
    expect(c.similarity).toBeLessThan(0.9);
  });
});
