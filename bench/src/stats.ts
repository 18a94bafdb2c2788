// Timing and summaries. Every figure the bench reports is a summary of repeated runs: the median,
// the 95th percentile and the interquartile range, so that one slow run (a GC pause, the other
// core busy) shows as spread instead of moving the headline number.
import { foldForMatch } from '../../src/core/text/normalize';

export interface Summary {
  /** Number of timed runs. */
  n: number;
  median: number;
  p95: number;
  /** 25th and 75th percentiles. */
  q1: number;
  q3: number;
  min: number;
  max: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    median: r4(quantile(s, 0.5)),
    p95: r4(quantile(s, 0.95)),
    q1: r4(quantile(s, 0.25)),
    q3: r4(quantile(s, 0.75)),
    min: r4(s[0] ?? NaN),
    max: r4(s[s.length - 1] ?? NaN),
  };
}

/** Milliseconds one call of `fn` takes. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/**
 * Times `fn` `reps` times after `warmup` untimed calls (the first calls compile the code and fill
 * caches, which a long-running extension has long done). `forget` runs after each call, untimed
 * (to measure a first time: forget what the call prepared).
 */
export function repeat(fn: () => unknown, reps: number, warmup = 2, forget?: () => void): number[] {
  for (let i = 0; i < warmup; i++) {
    fn();
    forgetFolds();
    forget?.();
  }
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    out.push(timeOnce(fn).ms);
    forgetFolds();
    forget?.();
  }
  return out;
}

/**
 * foldForMatch remembers the last few texts it folded (a page is folded once per candidate
 * otherwise). A repetition must not find the previous one's folds: four tiny texts push them out.
 */
export function forgetFolds(): void {
  for (const t of ['\u0001', '\u0002', '\u0003', '\u0004']) foldForMatch(t);
}

/** Heap plus typed-array memory after a full collection (node --expose-gc), bytes. */
export function usedMemory(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
