// Comparing versions: compare 000 002 (compareVersions, as `compare 000 002` runs it) and long
// synthetic pairs of 50,000 and 200,000 characters, each beside jsdiff's character and word diffs
// of the same two texts (the paragraphs joined by newlines); and the translation comparison of 000
// and 001 (compareTranslation), then longer translation pairs.
import { diffChars, diffWords } from 'diff';
import { compareAny, versionOfDoc, type VersionText } from '../../src/core/compare/compare-any';
import { compareVersions } from '../../src/core/compare/compare-versions';
import type { Lexicon } from '../../src/core/text/lexicon';
import type { Comparison } from '../../src/core/types';
import type { Corpus } from '../../src/core/index/types';
import { log, repeat, summarize, timeOnce, type Summary } from './stats';
import { longPair, type Language } from './synthetic';

/** jsdiff gets this long per run on the long pairs; past it, it gives up (its `timeout` option). */
const JSDIFF_TIMEOUT_MS = 10_000;

export interface Timed {
  /** What ran. */
  method: string;
  ms: Summary;
  /** The result was degraded (compareVersions: time budget) or not produced (jsdiff: timed out). */
  degraded: boolean;
  note?: string;
}

export interface PairResult {
  name: string;
  /** Characters of each side (paragraphs joined by newlines). */
  aChars: number;
  bChars: number;
  runs: Timed[];
}

function compareRun(name: string, fn: () => Comparison, reps: number): Timed {
  const last = fn();
  return { method: name, ms: summarize(repeat(fn, reps, 1)), degraded: last.degraded };
}

function jsdiffRun(name: string, fn: (a: string, b: string, o: { timeout: number }) => unknown, a: string, b: string, reps: number): Timed {
  const samples: number[] = [];
  let failed = false;
  for (let i = 0; i < reps && !failed; i++) {
    const t = timeOnce(() => fn(a, b, { timeout: JSDIFF_TIMEOUT_MS }));
    failed = t.value === undefined;
    samples.push(t.ms);
  }
  return { method: name, ms: summarize(samples), degraded: failed, ...(failed ? { note: `gave up after ${JSDIFF_TIMEOUT_MS / 1000} s (timeout option)` } : {}) };
}

function samePair(name: string, a: VersionText, b: VersionText, reps: number, jsdiffReps: number): PairResult {
  log(`compare: ${name}`);
  const ta = a.paragraphs.join('\n');
  const tb = b.paragraphs.join('\n');
  const runs = [
    compareRun('compareVersions (word)', () => compareVersions(a, b), reps),
    compareRun('compareVersions (char)', () => compareVersions(a, b, { granularity: 'char' }), reps),
    jsdiffRun('jsdiff diffChars', diffChars, ta, tb, jsdiffReps),
    jsdiffRun('jsdiff diffWords', diffWords, ta, tb, jsdiffReps),
  ];
  return { name, aChars: ta.length, bChars: tb.length, runs };
}

const version = (id: string, paragraphs: string[]): VersionText => ({ id, title: id, lang: 'zh', paragraphs });

export function runComparison(corpus: Corpus, langs: Language[]): PairResult[] {
  const id = (p: string): string => corpus.resolve(p)!;
  const out = [samePair('000 vs 002', versionOfDoc(corpus, id('000')), versionOfDoc(corpus, id('002')), 30, 30)];
  for (const [size, reps] of [
    [50_000, 5],
    [200_000, 3],
  ] as const) {
    const { a, b } = longPair(langs, size, size);
    out.push(samePair(`synthetic ${size / 1000}k`, version('a', a), version('b', b), reps, 1));
  }
  return out;
}

/** 000 against its translation 001, then both repeated k times (a long article and its long translation). */
export function runTranslation(corpus: Corpus, lexicon: Lexicon): PairResult[] {
  const id = (p: string): string => corpus.resolve(p)!;
  const zh = versionOfDoc(corpus, id('000'));
  const en = versionOfDoc(corpus, id('001'));
  const out: PairResult[] = [];
  for (const [k, reps] of [
    [1, 20],
    [4, 5],
    [16, 3],
  ] as const) {
    const times = <T>(xs: T[]): T[] => Array.from({ length: k }, () => xs).flat();
    const a = { ...zh, paragraphs: times(zh.paragraphs) };
    const b = { ...en, paragraphs: times(en.paragraphs) };
    const name = k === 1 ? '000 vs 001 (translation)' : `000 vs 001 x${k}`;
    log(`compare: ${name}`);
    out.push({
      name,
      aChars: a.paragraphs.join('\n').length,
      bChars: b.paragraphs.join('\n').length,
      runs: [compareRun('compareTranslation', () => compareAny(a, b, {}, lexicon), reps)],
    });
  }
  return out;
}
