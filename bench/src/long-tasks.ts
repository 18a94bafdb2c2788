// Long tasks on a page's main thread, read from a Chromium trace, with the garbage collector's
// pauses taken out. A task over 50 ms (the Long Tasks API's definition) is what freezes a page; on
// a page of 250,000 nodes one major collection's final pause alone takes 60-75 ms here (measured
// with a trace: 70 of a 74 ms task), whoever allocated last, so the Long Tasks API cannot tell the
// extension's work from the browser's. The trace can: each task's own time is its wall time less
// the collector's time inside it.
import type { Page } from 'puppeteer-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frames?: { processId: number; url: string }[] } };
}

/** A task of the page's main thread: when it started (ms, trace clock), its wall time and the part of it that was not the collector. */
export interface PageTask {
  startMs: number;
  ms: number;
  ownMs: number;
}

const GC = new Set(['MajorGC', 'MinorGC', 'V8.GCFinalizeMC', 'V8.GCIncrementalMarking', 'V8.GCScavenger', 'BlinkGC.AtomicPhase']);

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', '__metadata'];

/** Starts tracing the browser (one trace at a time). */
export async function startTrace(page: Page): Promise<void> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
}

/** Stops the trace and returns the tasks over `overMs` on the main thread of the renderer showing `urlPrefix`. */
export async function stopTrace(page: Page, urlPrefix: string, overMs = 50): Promise<PageTask[]> {
  const buf = await page.tracing.stop();
  if (!buf) throw new Error('the trace came back empty');
  return longTasks((JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, urlPrefix, overMs);
}

/** The tasks over `overMs` of wall time on the page's main thread, each with its own (non-collector) time. */
export function longTasks(events: TraceEvent[], urlPrefix: string, overMs = 50): PageTask[] {
  const pids = new Set<number>();
  for (const e of events) if (e.name === 'TracingStartedInBrowser') for (const f of e.args?.data?.frames ?? []) if (f.url.startsWith(urlPrefix)) pids.add(f.processId);
  if (pids.size === 0) throw new Error(`the trace has no frame showing ${urlPrefix}`);
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)) main.add(`${e.pid}:${e.tid}`);
  const on = (e: TraceEvent): boolean => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined;
  const tasks = events.filter((e) => on(e) && e.name === 'RunTask' && e.dur! > overMs * 1000);
  const gcs = events.filter((e) => on(e) && GC.has(e.name));
  return tasks.map((t) => {
    const end = t.ts + t.dur!;
    // the collector's intervals inside the task, joined (its events nest)
    const inside = gcs
      .filter((g) => g.pid === t.pid && g.tid === t.tid && g.ts < end && g.ts + g.dur! > t.ts)
      .map((g) => [Math.max(g.ts, t.ts), Math.min(g.ts + g.dur!, end)] as const)
      .sort((a, b) => a[0] - b[0]);
    let gc = 0;
    let reach = -Infinity;
    for (const [a, b] of inside) {
      if (b <= reach) continue;
      gc += b - Math.max(a, reach);
      reach = b;
    }
    return { startMs: t.ts / 1000, ms: t.dur! / 1000, ownMs: (t.dur! - gc) / 1000 };
  });
}
