// The reader's own corpus in Chromium at the size a heavy reader reaches: an export file of N
// synthetic articles (synthetic.ts: real script and lengths, no shared passages) imported through
// the options page, as a reader restores a backup; then the worker is stopped, and a page the
// reader kept is opened, which the new worker must match against all N.
//
// Measured: the import (choosing the file to the options page saying it was imported), the JS heap
// peak of the options page meanwhile (Performance.getMetrics every 100 ms; the worker's heap is not
// readable this way: its target answers 0), the
// first match after the import (navigation to the badge of a kept page: every part compiled), the
// first match after a restart (the worker reads the N records and their compiled parts back from
// IndexedDB), and the same once more with the compiled parts deleted (what every start cost before
// they were kept, and what the first start after an update costs).
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { languages, syntheticArticle } from './synthetic';
import { realworldPages } from './sources';
import { servePages, stopServer } from './serve';
import { log } from './stats';

export interface KeptCorpus {
  articles: number;
  fileBytes: number;
  importMs: number;
  peakPageHeapBytes: number;
  /** The first match after the import: navigation to the badge of a kept page, every part compiled. */
  firstMatchMs: number;
  /** Worker stopped, a kept page opened: navigation to its badge, compiled parts read back. */
  restartMatchMs: number;
  /** The same with the compiled parts deleted first: every part compiled again. */
  recompileMatchMs: number;
  error: string | null;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

type Cdp = { send(m: string, p?: unknown): Promise<unknown> };
const heapOf = async (s: Cdp | null): Promise<number> => {
  if (!s) return 0;
  const r = (await s.send('Performance.getMetrics').catch(() => ({ metrics: [] }))) as { metrics: Array<{ name: string; value: number }> };
  return r.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
};

/**
 * `p`, or an error naming the step after `ms`: a step that never answers (an evaluate on a page
 * that was open while the worker stopped can stall for good) ends this measurement with an error,
 * not the whole bench with a hang.
 */
function within<T>(ms: number, step: string, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, no) => (timer = setTimeout(() => no(new Error(`${step}: no answer within ${ms / 1000} s`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

async function stopWorker(browser: Browser, base: string, page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  for (let i = 0; i < 100 && browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(base)); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Opens `url` in a new tab and times navigation to the badge showing a count. */
async function timeToBadge(browser: Browser, base: string, ext: Page, url: string): Promise<number> {
  const page = await browser.newPage();
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  const badge = `(async () => { const t = (await chrome.tabs.query({})).find((x) => x.url === ${JSON.stringify(url)}); return t ? chrome.action.getBadgeText({ tabId: t.id }) : ''; })()`;
  let text = '';
  while (performance.now() - started < 300_000) {
    text = String(await within(10_000, 'reading the badge', ext.evaluate(badge)).catch(() => ''));
    if (text !== '') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ms = performance.now() - started;
  if (text === '') {
    const v = String(await within(10_000, 'reading the verdict', ext.evaluate(`(async () => { const t = (await chrome.tabs.query({})).find((x) => x.url === ${JSON.stringify(url)}); const r = await chrome.runtime.sendMessage({ rl: 1, name: 'getVerdict', args: [t.id] }); return JSON.stringify(r).slice(0, 300); })()`)).catch((e) => String(e)));
    await page.close();
    throw new Error(`no badge on ${url} within 300 s (verdict: ${v})`);
  }
  await page.close();
  return ms;
}

export async function keptCorpus(browser: Browser, base: string, n: number): Promise<KeptCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-kept-'));
  let server: Server | null = null;
  const out: KeptCorpus = { articles: n, fileBytes: 0, importMs: NaN, firstMatchMs: NaN, peakPageHeapBytes: 0, restartMatchMs: NaN, recompileMatchMs: NaN, error: null };
  try {
    // the kept page: one of the N articles, at the address it was kept from
    const langs = languages(realworldPages());
    const pages = new Map<string, string>();
    const served = await servePages(pages);
    server = served.server;
    const local = served.url;
    const docs = Array.from({ length: n }, (_, i) => {
      const d = syntheticArticle(langs, 7, i);
      return { title: d.title, byline: null, siteName: null, published: null, url: null, pageUrl: `${local}/kept/${i}.html`, lang: d.lang, paragraphs: d.paragraphs, sourceLines: [], added: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() };
    });
    const target = docs[Math.floor(n / 2)]!;
    pages.set(new URL(target.pageUrl).pathname, `<!doctype html><html lang="${target.lang}"><head><meta charset="utf-8"><title>${esc(target.title)}</title></head><body><article><h1>${esc(target.title)}</h1>${target.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`);
    const file = join(dir, 'kept.json');
    const text = JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs });
    writeFileSync(file, text);
    out.fileBytes = Buffer.byteLength(text);

    const options = await browser.newPage();
    await options.goto(`${base}options.html?lang=en`, { waitUntil: 'load' });
    await options.waitForSelector('[data-testid="import-file"]');
    const pageCdp = (await options.createCDPSession()) as unknown as Cdp;
    await pageCdp.send('Performance.enable');
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        out.peakPageHeapBytes = Math.max(out.peakPageHeapBytes, await heapOf(pageCdp));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const started = performance.now();
    const step = (what: string): void => log(`browser: ${n} kept articles: ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    step('importing');
    const input = await options.$('[data-testid="import-file"]');
    await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
    const said = await options.waitForFunction(
      `document.querySelector('[data-testid="options-status"]')?.textContent ?? document.querySelector('[data-testid="options-error"]')?.textContent ?? null`,
      { timeout: 600_000, polling: 100 },
    );
    const message = String(await said.jsonValue());
    out.importMs = Math.round(performance.now() - started);
    sampling = false;
    await within(10_000, 'the heap sampler', sampler).catch(() => undefined);
    step(`import said "${message.slice(0, 80)}"`);
    if (!/^Imported/.test(message)) throw new Error(message);

    // Stopped, then asked from an extension page opened after the stop (a page open during a stop
    // stalls on evaluate, as in browser.ts's pack import). Opening it wakes the new worker, whose
    // first work is reading the records back: part of what a restart costs.
    const fresh = async (): Promise<Page> => {
      const p = await browser.newPage();
      await within(60_000, 'opening the options page', p.goto(`${base}options.html?lang=en`, { waitUntil: 'load' }));
      return p;
    };
    const db = `await new Promise((ok, no) => { const q = indexedDB.open('reprint-lens'); q.onsuccess = () => ok(q.result); q.onerror = () => no(q.error); })`;
    await stopWorker(browser, base, options);
    await options.close();
    let ext = await fresh();
    step('worker stopped; first match');
    // the first match after the import compiles every part and keeps them
    out.firstMatchMs = Math.round(await timeToBadge(browser, base, ext, target.pageUrl));
    step(`first match in ${out.firstMatchMs} ms; restart`);
    await stopWorker(browser, base, ext);
    await ext.close();
    ext = await fresh();
    out.restartMatchMs = Math.round(await timeToBadge(browser, base, ext, target.pageUrl));
    step(`after a restart in ${out.restartMatchMs} ms; compiling every part again`);
    // the same without the compiled parts
    await within(60_000, 'clearing the compiled parts', ext.evaluate(`(async () => { const d = ${db}; const tx = d.transaction('userChunks', 'readwrite'); tx.objectStore('userChunks').clear(); await new Promise((ok) => (tx.oncomplete = ok)); d.close(); })()`));
    await stopWorker(browser, base, ext);
    await ext.close();
    ext = await fresh();
    out.recompileMatchMs = Math.round(await timeToBadge(browser, base, ext, target.pageUrl));
    // leave the profile as it was: the kept articles removed
    await within(60_000, 'removing the kept articles', ext.evaluate(`(async () => { const d = ${db}; const tx = d.transaction(['userDocs', 'userChunks'], 'readwrite'); tx.objectStore('userDocs').clear(); tx.objectStore('userChunks').clear(); await new Promise((ok) => (tx.oncomplete = ok)); d.close(); })()`));
    await stopWorker(browser, base, ext);
    await ext.close();
  } catch (e) {
    out.error = String((e as Error).message ?? e);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
  log(
    `browser: ${n} kept articles (${(out.fileBytes / 2 ** 20).toFixed(0)} MB file) imported in ${(out.importMs / 1000).toFixed(1)} s, first match ${out.firstMatchMs} ms, peak heap page ${(out.peakPageHeapBytes / 2 ** 20).toFixed(0)} MB; a kept page after a restart ${out.restartMatchMs} ms, compiling every part ${out.recompileMatchMs} ms${out.error ? `; error ${out.error}` : ''}`,
  );
  return out;
}
