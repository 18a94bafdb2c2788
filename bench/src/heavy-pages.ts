// The extension on pages built to be heavy (tests/fixtures/hostile/pages.ts): about 5 MB of Chinese
// and of English text, and a related-links list of about 250,000 DOM nodes, each carrying a corpus
// article. What is measured is what would freeze the page: its main thread's tasks while the
// extension does all of its work on it.
//
// Method. The page runs no script of its own after loading. Once its first verdict is in and it has
// been quiet for a while, a route change (history.pushState + popstate, as single-page sites do)
// makes the content script sample the page and report it, the background inject extract.js, which
// copies the page in slices, and the worker extract and match it. A Chromium trace covers the route
// change until the new verdict; each of the page's main-thread tasks over 50 ms (the Long Tasks
// API's definition) is listed with its own time, the collector's pauses taken out (long-tasks.ts):
// on the 250,000-node page one major collection's pause alone lasts 60-75 ms, whoever allocated.
// This was a browser test until 2026-12-06; as a timed assertion it failed at random under load.
import type { Browser, Page } from 'puppeteer-core';
import { hostilePages } from '../../tests/fixtures/hostile/pages';
import { startTrace, stopTrace } from './long-tasks';
import { servePages, stopServer } from './serve';
import { log } from './stats';

export interface HeavyPage {
  path: string;
  bytes: number;
  /** From the route change to the new verdict. */
  verdictMs: number;
  /** The page's main-thread tasks over 50 ms in that time: wall ms and own ms (without the collector). */
  longTasks: Array<{ ms: number; ownMs: number }>;
  /** The longest own time of those tasks, 0 when there were none. */
  longestOwnMs: number;
  /** What the verdict found: the relation of its first match, and whether the text was cut at the cap. */
  firstMatch: string | null;
  truncated: boolean;
  error: string | null;
}

const PATHS = ['/hostile/huge-zh.html', '/hostile/huge-en.html', '/hostile/many-nodes.html'];

interface VerdictLike {
  status: string;
  url: string;
  extraction?: { article?: { truncated?: boolean } };
  report?: { matches: Array<{ relation: string }> };
}

async function poll<T>(f: () => Promise<T>, ok: (x: T) => boolean, ms: number): Promise<T | null> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const x = await f().catch(() => null as T);
    if (x !== null && ok(x)) return x;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/** Measures each heavy page in turn in `browser`, whose extension pages are under `base`. */
export async function heavyPages(browser: Browser, base: string): Promise<HeavyPage[]> {
  const pages = hostilePages();
  const { url: local, server } = await servePages(new Map(PATHS.map((p) => [p, pages.get(p)!])));
  const ext = await browser.newPage();
  await ext.goto(`${base}options.html`, { waitUntil: 'load' });
  const ask = <T>(name: string, arg: unknown): Promise<T> =>
    ext.evaluate(`(async () => (await chrome.runtime.sendMessage({ rl: 1, name: ${JSON.stringify(name)}, args: [${JSON.stringify(arg)}] })).value)()`) as Promise<T>;
  const out: HeavyPage[] = [];
  try {
    for (const path of PATHS) {
      const url = `${local}${path}?bench=1`;
      const bytes = Buffer.byteLength(pages.get(path)!);
      let page: Page | null = null;
      try {
        page = await browser.newPage();
        // Chromium itself takes several seconds to lay out the 250,000-node page
        await page.goto(url, { waitUntil: 'load', timeout: 150_000 });
        const tabId = (await ext.evaluate(`(async () => ((await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)}) ?? {}).id ?? null)()`)) as number | null;
        if (tabId === null) throw new Error('no tab shows the page');
        const first = await poll(() => ask<VerdictLike | null>('getVerdict', tabId), (v) => v?.status === 'done', 150_000);
        if (!first) throw new Error('no first verdict');
        await new Promise((r) => setTimeout(r, 2000)); // quiet: the first verdict's work is over
        await startTrace(page);
        const started = Date.now();
        await page.evaluate(() => {
          history.pushState({}, '', `${location.pathname}${location.search}&route=2`);
          dispatchEvent(new PopStateEvent('popstate'));
        });
        const v = await poll(() => ask<VerdictLike | null>('getVerdict', tabId), (x) => x?.status === 'done' && x.url.includes('route=2'), 60_000);
        const verdictMs = Date.now() - started;
        const tasks = await stopTrace(page, url);
        if (!v) throw new Error('no verdict after the route change');
        const longTasks = tasks.map((t) => ({ ms: Math.round(t.ms), ownMs: Math.round(t.ownMs) }));
        const longestOwnMs = Math.max(0, ...longTasks.map((t) => t.ownMs));
        out.push({ path, bytes, verdictMs, longTasks, longestOwnMs, firstMatch: v.report?.matches[0]?.relation ?? null, truncated: v.extraction?.article?.truncated === true, error: null });
        log(`browser: ${path} verdict ${verdictMs} ms after the route change, long tasks ${longTasks.map((t) => `${t.ms}/${t.ownMs}`).join(', ') || 'none'} (wall/own ms)`);
      } catch (e) {
        out.push({ path, bytes, verdictMs: NaN, longTasks: [], longestOwnMs: NaN, firstMatch: null, truncated: false, error: String((e as Error).message ?? e) });
        log(`browser: ${path} failed: ${String((e as Error).message ?? e)}`);
      } finally {
        await page?.close().catch(() => undefined);
      }
    }
  } finally {
    await ext.close().catch(() => undefined);
    await stopServer(server);
  }
  return out;
}
