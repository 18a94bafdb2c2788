// Issue 6's "done when", end to end through the built CLI (dist/cli.mjs, which `npm test` builds
// first): the English article is found as the translation of the Chinese original and its reprint,
// the comparison puts its paragraphs beside their sources, marks what the translator added and
// flags the one figure that disagrees, and the same-topic articles are never taken for versions.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Comparison, CompareRow } from '../../src/core/types';
import { gold, ROOT } from '../fixtures/translation/corpus';

const CLI = path.join(ROOT, 'dist/cli.mjs');
const CORPUS = path.join(ROOT, 'assets/corpus');

function cli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

interface MatchJson {
  matches: { id: string; relation: string; similarity: number; via?: string }[];
}
const match = (...args: string[]): MatchJson => JSON.parse(cli('match', ...args, '--json')) as MatchJson;
/** Matches as "short id relation", e.g. "000 translation". */
const brief = (m: MatchJson): string[] => m.matches.map((x) => `${x.id.slice(0, 3)} ${x.relation}`);

describe('match through the CLI', () => {
  it('finds 001 (the English article, itself left out) as a translation of 000 and of 002', () => {
    const m = match(path.join(CORPUS, '001_ca89d907f43c97a4.txt'), '--exclude', '001');
    expect(brief(m)).toEqual(['000 translation', '002 translation']);
    for (const x of m.matches) expect(x.similarity).toBeGreaterThan(0.5);
  });

  it('lists 001 as the translation of 000', () => {
    expect(brief(match('000'))).toContain('001 translation');
    // also when 000 itself is left out: through its reprint 002
    expect(brief(match(path.join(CORPUS, '000_3e0ed82598e826fe.txt'), '--exclude', '000'))).toContain('001 translation');
  });

  const of001 = match('001').matches.map((x) => x.id.slice(0, 3));
  it.each(['003', '004'])('never relates %s (same topic, not a version) to 001', (short) => {
    expect(of001).toEqual(['001', '000', '002']); // itself, then its two sources
    expect(of001).not.toContain(short);
    const file = path.join(CORPUS, `${short}_${short === '003' ? 'd66c7b6f47f18eb2' : '64f7dba65d21b4b5'}.txt`);
    expect(match(file, '--exclude', short).matches).toEqual([]);
  });
});

describe('compare 000 001 through the CLI', () => {
  const c = JSON.parse(cli('compare', '000', '001', '--json')) as Comparison;
  const paragraphs = gold();
  const rowOf = (en: string): CompareRow | undefined => c.rows.find((r) => r.b !== null && r.b.split('\n').some((p) => p.startsWith(en)));

  it('puts at least 90% of the English paragraphs that have a Chinese source beside that source', () => {
    const sourced = paragraphs.filter((g) => g.zh !== null);
    const right = sourced.filter((g) => {
      const row = rowOf(g.en);
      return row && (row.kind === 'equal' || row.kind === 'moved') && row.a !== null && row.a.includes(g.zh!);
    });
    expect(right.length / sourced.length).toBeGreaterThanOrEqual(0.9);
  });

  it('marks the English-only paragraphs (the Five-Year Plan remark, the Computing Power Index) as added', () => {
    const added = paragraphs.filter((g) => g.zh === null).map((g) => g.en);
    expect(added).toEqual(expect.arrayContaining(['This is another increase at the national level', 'According to the "2020 Global Computing Power Index']));
    for (const en of added) {
      const row = rowOf(en);
      expect(row?.kind, en).toBe('inserted');
      expect(c.edits).toContainEqual(expect.objectContaining({ type: 'added-in-translation', row: c.rows.indexOf(row!) }));
    }
  });

  it("marks the translation's byline as added and the dropped source line as removed", () => {
    expect(c.edits).toContainEqual({ type: 'attribution-added', b: 'Our reporter Wang Yanbin' });
    expect(c.edits).toContainEqual(expect.objectContaining({ type: 'attribution-removed', a: expect.stringContaining('光明网') }));
  });

  it('flags 80亿亿 against "8 billion" as the only disagreeing figure', () => {
    const mismatches = c.edits.filter((e) => e.type === 'number-mismatch').map((e) => [e.a, e.b]);
    expect(mismatches).toEqual([['80亿亿', '8 billion']]);
    expect(c.rows.flatMap((r) => r.numbers ?? []).filter((n) => !n.agree)).toEqual([{ a: '80亿亿', b: '8 billion', agree: false }]);
  });

  it('is not degraded', () => {
    expect(c.crossLanguage).toBe(true);
    expect(c.degraded).toBe(false);
  });
});

describe('the alignment stored with the built corpus', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reprint-lens-old-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is in dist/corpus/texts.json for 000/001 and 001/002', () => {
    const texts = JSON.parse(readFileSync(path.join(ROOT, 'dist/corpus/texts.json'), 'utf8')) as { alignments?: Record<string, unknown> };
    expect(Object.keys(texts.alignments ?? {}).map((k) => k.split('|').map((id) => id.slice(0, 3)).join('|'))).toEqual(['000|001', '001|002']);
  });

  it.each([
    ['000', '001'],
    ['001', '002'],
  ])('gives compare %s %s the same JSON as a corpus built without it', (a, b) => {
    // the built corpus as an older build wrote it: texts.json without alignments
    for (const f of ['index.json', 'lexicon.json']) copyFileSync(path.join(ROOT, 'dist/corpus', f), path.join(dir, f));
    const texts = JSON.parse(readFileSync(path.join(ROOT, 'dist/corpus/texts.json'), 'utf8')) as Record<string, unknown>;
    delete texts.alignments;
    writeFileSync(path.join(dir, 'texts.json'), JSON.stringify(texts));
    expect(cli('compare', a, b, '--json', '--corpus', dir)).toBe(cli('compare', a, b, '--json'));
  });
});
