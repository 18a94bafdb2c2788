// The extension in real Chromium: main-thread time of the extension's scripts on every real-world
// page and on pages carrying the corpus articles, the popup's time to its first diff, and the size
// of every bundle.
//
// Method. The content script no longer leaves performance marks (the page shares its timeline), and
// the isolated world's own timeline is not readable from outside, so the time is read from a
// Chromium trace (category devtools.timeline) of the page loads: every script evaluation and
// callback (EvaluateScript, FunctionCall) in the page's frame whose script is the extension's content.js or
// extract.js, as intervals on the page's main thread, merged and summed. That includes compiling
// the script, the precheck, and the callbacks of its MutationObserver and messages. Requests to
// anything but the local server are aborted (saved pages reference their sites' scripts and ads).
// The floors (FLOORS) are the same extension with another content.js, each in a browser of its
// own, and every real page is loaded in each browser in turn: a machine that slows down for a
// while slows the content script and its floors alike.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import type { CorpusDoc } from '../../src/corpus/types';
import { heavyPages, type HeavyPage } from './heavy-pages';
import { keptCorpus, type KeptCorpus } from './kept-corpus';
import { ROOT, SHARED } from './sources';
import { serveWith, stopServer, type Served } from './serve';
import { log, summarize, type Summary } from './stats';

export interface PageTiming {
  name: string;
  group: 'real-world' | 'corpus';
  /** extract.js ran: the precheck found a candidate. */
  candidate: boolean;
  /** Per load: main-thread ms of content.js and of extract.js. */
  contentMs: number[];
  /** Of contentMs: the script's own evaluation (compiling it, the first sample and precheck); the rest is its later callbacks. */
  contentEvalMs: number[];
  extractMs: number[];
}

export interface BundleSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Listed in the manifest's content_scripts: runs on every page. */
  everyPage: boolean;
}

/** What any content script costs a page, measured the same way on the same real pages (see FLOORS). */
export interface ContentFloor {
  name: string;
  what: string;
  /** Main-thread ms per load, all real-world pages. */
  ms: Summary;
}

export interface BrowserResult {
  chromium: string;
  method: string;
  loadsPerPage: number;
  pages: PageTiming[];
  /** Main-thread ms per load (content.js + extract.js) on pages that are not candidates, and on candidate article pages. */
  nonCandidate: Summary;
  /** Of nonCandidate: content.js's evaluation alone (without its observer's and messages' callbacks). */
  nonCandidateEval: Summary;
  /** The floors of nonCandidate: the same extension with a content.js that does (almost) nothing. */
  floors: ContentFloor[];
  candidate: Summary;
  /** Of candidate pages: content.js alone and extract.js alone. */
  candidateContent: Summary;
  candidateExtract: Summary;
  popup: { opens: number; firstVersionMs: Summary; firstDiffMs: Summary; method: string };
  /** Importing the node part's largest pack through the options page, when it wrote one. */
  packImport: PackImport | null;
  /** The reader's own corpus at KEPT_ARTICLES articles: imported, matched, restarted. */
  kept: KeptCorpus | null;
  /** The 5 MB pages and the 250,000-node page: the page's long tasks while the extension reads it again. */
  heavy: HeavyPage[];
  bundles: BundleSize[];
}

export interface PackImport {
  articles: number;
  bytes: number;
  /** From choosing the file to the pack listed (read, verified, stored, opened by the worker). */
  importMs: number;
  /** Peak JS heap of the options page and of the worker while importing (Performance.getMetrics, sampled every 100 ms). */
  peakPageHeapBytes: number;
  peakWorkerHeapBytes: number;
  /** A fresh worker (the old one stopped) answering listPacks, which opens the installed packs from IndexedDB. */
  workerReadyMs: number;
  /** That worker's memory then, with the pack open: used JS heap and array buffers (Runtime.getHeapUsage); null if not measured. */
  workerMemory?: { heap: number; buffers: number } | null;
  error: string | null;
}

const LOADS = 3;
/** The reader's own corpus measured at its limit (LIMITS.docs in src/background/user-corpus.ts): about 5 minutes of the run. */
const KEPT_ARTICLES = 20_000;

/**
 * The floors of the content script's cost, each the built extension with content.js replaced: the
 * browser's own price for any content script (creating its isolated world, compiling and running a
 * script), and that plus the first read of the page's DOM, which the first access to a page
 * element pays once per isolated world (its interfaces are set up then). No precheck can cost less.
 */
const FLOORS: Array<{ name: string; what: string; code: string }> = [
  { name: 'empty', what: 'an empty content script', code: '"use strict";' },
  {
    name: 'one paragraph',
    what: "a content script reading the first paragraph's text",
    code: '"use strict";(()=>{const b=document.body;const p=b&&b.getElementsByTagName("p")[0];void(p&&p.textContent)})();',
  },
];
const POPUP_OPENS = 10;
/** After the load event: time for the content script (document_idle), the background's reply and extract.js. */
const SETTLE_MS = 1000;

function chromiumPath(): string {
  const env = process.env.CHROMIUM_BIN;
  const path = env || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
  if (!path) throw new Error('chromium not found (set CHROMIUM_BIN)');
  return path;
}

/**
 * Chromium with the extension from `extDir` (a copy of dist/chrome made right after the build, so
 * that another build of dist/ during the bench cannot change what is measured). Flags as in
 * tests/browser/harness.ts and ../shared/notes/browser-testing.md.
 */
async function launch(extDir: string): Promise<{ browser: Browser; id: string; profile: string }> {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'rl-bench-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const id = await browser.installExtension(extDir);
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), { timeout: 20_000 });
  return { browser, id, profile };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A corpus article as a plain news page (navigation, headline, paragraphs, footer). */
function corpusPage(doc: CorpusDoc): string {
  const zh = doc.lang.startsWith('zh');
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title></head><body>
<nav><a href="/">${zh ? '首页' : 'Home'}</a> <a href="/news">${zh ? '新闻' : 'News'}</a></nav>
<article><h1>${esc(doc.title)}</h1>${doc.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer>Copyright</footer></body></html>`;
}

/**
 * Serves /rw/<name>/source.html from ../shared/realworld as saved (text/html without a charset, so
 * the page's own declaration decides, as on its site) and /corpus/<id>.html from the corpus.
 */
async function serve(corpus: CorpusDoc[]): Promise<Served> {
  const rw = join(SHARED, 'realworld');
  const pages = new Map(corpus.map((d) => [`/corpus/${d.id.slice(0, 3)}.html`, corpusPage(d)]));
  return serveWith((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages.get(path);
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }
    const file = normalize(join(rw, path.replace(/^\/rw\//, '')));
    if (path.startsWith('/rw/') && file.startsWith(rw)) {
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(body);
      } catch {
        // fall through
      }
    }
    res.writeHead(404);
    res.end();
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; fileName?: string };
}

/** Main-thread ms of each extension script in a trace: its events' intervals (of the event `only`, else all) merged and summed. */
function scriptTime(events: TraceEvent[], base: string, only?: string): Map<string, number> {
  const byFile = new Map<string, Array<[number, number]>>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (only && e.name !== only)) continue;
    const url = e.args?.data?.url ?? e.args?.fileName ?? '';
    if (!url.startsWith(base)) continue;
    const file = url.slice(base.length);
    if (file !== 'content.js' && file !== 'extract.js') continue;
    const list = byFile.get(file) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    byFile.set(file, list);
  }
  const out = new Map<string, number>();
  for (const [file, list] of byFile) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [s, t] = list[0]!;
    for (const [a, b] of list.slice(1)) {
      if (a > t) {
        total += t - s;
        [s, t] = [a, b];
      } else t = Math.max(t, b);
    }
    total += t - s;
    out.set(file, total / 1000);
  }
  return out;
}

/**
 * Loads `url` `loads` times, each in a new tab, under one trace (stopping a trace costs a few
 * seconds per tab traced, so one trace covers all the loads of a page, recorded by a tab that stays
 * open). Events are told apart by the frame they ran in.
 */
async function tracedLoads(
  browser: Browser,
  recorder: Page,
  url: string,
  base: string,
  local: string,
  loads: number,
): Promise<Array<{ content: number; contentEval: number; extract: number | null }>> {
  await recorder.tracing.start({ categories: ['devtools.timeline'] });
  const frames: string[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith(local)) void r.continue();
      else void r.abort();
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    frames.push((page.mainFrame() as unknown as { _id: string })._id);
    await page.close();
  }
  const buf = await recorder.tracing.stop();
  const trace = JSON.parse(Buffer.from(buf ?? []).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  return frames.map((frame) => {
    const mine = events.filter((e) => e.args?.data?.frame === frame);
    const times = scriptTime(mine, base);
    const evaluation = scriptTime(mine, base, 'EvaluateScript');
    return { content: times.get('content.js') ?? 0, contentEval: evaluation.get('content.js') ?? 0, extract: times.has('extract.js') ? times.get('extract.js')! : null };
  });
}

// Records, from navigation start (performance.now()), when the popup first shows a version and a diff.
const OBSERVE = `(() => {
  const seen = () => {
    if (window.__rlVersion === undefined && document.querySelector('[data-testid="version"]')) window.__rlVersion = performance.now();
    if (window.__rlDiff === undefined && document.querySelector('[data-testid="diff"] del, [data-testid="diff"] ins, [data-testid="diff"] td')) {
      window.__rlDiff = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(seen);
  obs.observe(document, { childList: true, subtree: true });
})();`;

async function popupTimes(browser: Browser, base: string, tabId: number): Promise<{ version: number; diff: number }[]> {
  const out: { version: number; diff: number }[] = [];
  for (let i = 0; i < POPUP_OPENS + 1; i++) {
    const page: Page = await browser.newPage();
    await page.evaluateOnNewDocument(OBSERVE);
    await page.goto(`${base}popup.html?tab=${tabId}`, { waitUntil: 'load' });
    await page.waitForFunction('window.__rlDiff !== undefined', { timeout: 20_000 });
    const t = (await page.evaluate('({ version: window.__rlVersion ?? NaN, diff: window.__rlDiff })')) as { version: number; diff: number };
    await page.close();
    if (i > 0) out.push(t); // the first open warms the worker's caches
  }
  return out;
}

async function tabIdOf(browser: Browser, base: string, url: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`${base}options.html`, { waitUntil: 'load' });
  const id = (await page.evaluate(
    `(async () => ((await chrome.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)}) ?? {}).id ?? null)()`,
  )) as number | null;
  await page.close();
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

export function bundleSizes(extDir: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[] }> };
  const everyPage = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
  return readdirSync(extDir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(extDir, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, everyPage: everyPage.has(file) };
    });
}

interface Runner {
  browser: Browser;
  profile: string;
  /** chrome-extension://<id>/ */
  base: string;
  /** The tab that records the traces. */
  recorder: Page;
  /** A copy of the extension made for this runner, removed with it. */
  dir?: string;
}

/** Chromium with the extension in `extDir`, or with a copy of it whose content.js is `content`. */
async function runner(extDir: string, content?: string): Promise<Runner> {
  let dir: string | undefined;
  if (content !== undefined) {
    dir = mkdtempSync(join(tmpdir(), 'rl-bench-floor-'));
    cpSync(extDir, dir, { recursive: true });
    writeFileSync(join(dir, 'content.js'), content);
  }
  const { browser, id, profile } = await launch(dir ?? extDir);
  return { browser, profile, base: `chrome-extension://${id}/`, recorder: await browser.newPage(), ...(dir ? { dir } : {}) };
}

async function close(r: Runner): Promise<void> {
  await r.browser.close().catch(() => undefined);
  rmSync(r.profile, { recursive: true, force: true });
  if (r.dir) rmSync(r.dir, { recursive: true, force: true });
}

const heapOf = async (session: { send(m: 'Performance.getMetrics'): Promise<{ metrics: Array<{ name: string; value: number }> }> } | null): Promise<number> => {
  if (!session) return 0;
  const { metrics } = await session.send('Performance.getMetrics').catch(() => ({ metrics: [] as Array<{ name: string; value: number }> }));
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
};

/**
 * A service worker's memory: its isolate's used JS heap plus the backing stores of its array
 * buffers (a pack's tables are one), from Runtime.getHeapUsage on the worker's own target, which
 * answers where Performance.getMetrics gives 0 for a service worker. Null when it cannot be asked.
 */
async function workerMemory(session: { send(m: 'Runtime.getHeapUsage'): Promise<{ usedSize: number; backingStorageSize?: number }> } | null): Promise<{ heap: number; buffers: number } | null> {
  if (!session) return null;
  const u = await session.send('Runtime.getHeapUsage').catch(() => null);
  return u ? { heap: u.usedSize, buffers: u.backingStorageSize ?? 0 } : null;
}

/** Imports a pack file through the options page's file input, timing it and sampling the memory. */
export async function packImport(browser: Browser, base: string, file: string): Promise<PackImport> {
  const bytes = statSync(file).size;
  const page = await browser.newPage();
  await page.goto(`${base}options.html?lang=en`, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="packs"]');
  const pageCdp = await page.createCDPSession();
  await pageCdp.send('Performance.enable');
  const workerTarget = () => browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(base));
  let worker: Awaited<ReturnType<NonNullable<ReturnType<typeof workerTarget>>['createCDPSession']>> | null = null;
  try {
    worker = (await workerTarget()?.createCDPSession()) ?? null;
    await worker?.send('Performance.enable');
  } catch {
    worker = null;
  }
  let peakPage = 0;
  let peakWorker = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakPage = Math.max(peakPage, await heapOf(pageCdp));
      peakWorker = Math.max(peakWorker, await heapOf(worker));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  let error: string | null = null;
  let articles = 0;
  const started = performance.now();
  try {
    const input = await page.$('input[data-testid="import-pack"]');
    await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
    const listed = await page.waitForFunction(
      `document.querySelector('[data-testid="pack"]')?.getAttribute('data-articles') ?? (document.querySelector('[data-testid="options-error"]') ? 'error' : null)`,
      { timeout: 900_000, polling: 100 },
    );
    const v = String(await listed.jsonValue());
    if (v === 'error') error = await page.$eval('[data-testid="options-error"]', (e) => e.textContent ?? '');
    else articles = Number(v);
  } catch (e) {
    error = String((e as Error).message ?? e);
  }
  const importMs = performance.now() - started;
  sampling = false;
  await sampler;
  // a fresh worker: stopped, then asked for the packs (which opens them from IndexedDB)
  let workerReadyMs = NaN;
  let workerHolds: { heap: number; buffers: number } | null = null;
  if (!error) {
    await pageCdp.send('ServiceWorker.enable');
    await pageCdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 50 && workerTarget(); i++) await new Promise((r) => setTimeout(r, 100));
    // asked from a page opened after the stop: the page open during it stalled on evaluate (seen 2026-12-04, not understood)
    await page.close();
    const fresh = await browser.newPage();
    await fresh.goto(`${base}options.html?lang=en`, { waitUntil: 'load' });
    workerReadyMs = (await fresh.evaluate(`(async () => { const t = performance.now(); await chrome.runtime.sendMessage({ rl: 1, name: 'listPacks', args: [] }); return performance.now() - t; })()`)) as number;
    // the fresh worker holding the opened pack
    const target = workerTarget();
    const session = target ? await target.createCDPSession().catch(() => null) : null;
    workerHolds = await workerMemory(session);
    await session?.detach().catch(() => undefined);
    // removed again, so the profile does not carry it into the next measurement
    await fresh.evaluate(`(async () => { const r = await chrome.runtime.sendMessage({ rl: 1, name: 'listPacks', args: [] }); const db = await new Promise((ok, no) => { const q = indexedDB.open('reprint-lens'); q.onsuccess = () => ok(q.result); q.onerror = () => no(q.error); }); for (const p of r.value) { const tx = db.transaction(['packs', 'packFiles'], 'readwrite'); tx.objectStore('packs').delete(p.id); tx.objectStore('packFiles').delete(p.id); await new Promise((ok) => (tx.oncomplete = ok)); } db.close(); await chrome.runtime.sendMessage({ rl: 1, name: 'packsChanged', args: [] }); })()`);
    await fresh.close();
  } else await page.close();
  log(`browser: pack of ${articles} articles (${(bytes / 2 ** 20).toFixed(0)} MB) imported in ${(importMs / 1000).toFixed(1)} s, peak heap page ${(peakPage / 2 ** 20).toFixed(0)} MB, worker ${(peakWorker / 2 ** 20).toFixed(0)} MB; fresh worker ready in ${workerReadyMs.toFixed(0)} ms${workerHolds ? `, holding ${(workerHolds.heap / 2 ** 20).toFixed(0)} MB of JS heap and ${(workerHolds.buffers / 2 ** 20).toFixed(0)} MB of array buffers` : ''}${error ? `; error ${error}` : ''}`);
  return { articles, bytes, importMs: Math.round(importMs), peakPageHeapBytes: peakPage, peakWorkerHeapBytes: peakWorker, workerReadyMs: Math.round(workerReadyMs), workerMemory: workerHolds, error };
}

export async function runBrowser(extDir: string, corpus: CorpusDoc[], packFile?: string): Promise<BrowserResult> {
  const { url: local, server } = await serve(corpus);
  // the extension, and beside it the floors, each in its own browser: a real page is loaded in
  // each in turn, so that the floors are measured under the same conditions as the content script
  const main = await runner(extDir);
  const floorRunners: Runner[] = [];
  try {
    for (const f of FLOORS) floorRunners.push(await runner(extDir, f.code));
    const { browser, base } = main;
    const labels = JSON.parse(readFileSync(join(SHARED, 'realworld/labels.json'), 'utf8')) as Array<{ name: string }>;
    const targets: Array<{ name: string; group: PageTiming['group']; url: string }> = [
      ...corpus.map((d) => ({ name: d.id.slice(0, 3), group: 'corpus' as const, url: `${local}/corpus/${d.id.slice(0, 3)}.html` })),
      ...labels.map((l) => ({ name: l.name, group: 'real-world' as const, url: `${local}/rw/${l.name}/source.html` })),
    ];
    // one untimed load first: the worker loads the corpus and compiles its code once
    for (const r of [main, ...floorRunners]) await tracedLoads(r.browser, r.recorder, targets[0]!.url, r.base, local, 1);
    const pages: PageTiming[] = [];
    const floorMs: number[][] = FLOORS.map(() => []);
    for (const t of targets) {
      const loads = await tracedLoads(browser, main.recorder, t.url, base, local, LOADS);
      const contentMs = loads.map((r) => round(r.content));
      const contentEvalMs = loads.map((r) => round(r.contentEval));
      const extractMs = loads.map((r) => round(r.extract ?? 0));
      const candidate = loads.some((r) => r.extract !== null);
      const floors: string[] = [];
      if (t.group === 'real-world') {
        for (const [k, r] of floorRunners.entries()) {
          const ms = (await tracedLoads(r.browser, r.recorder, t.url, r.base, local, LOADS)).map((x) => round(x.content));
          floorMs[k]!.push(...ms);
          floors.push(`${FLOORS[k]!.name} ${ms.join('/')}`);
        }
      }
      log(`browser: ${t.name} ${candidate ? 'candidate' : 'not a candidate'}, content.js ${contentMs.join('/')} ms, extract.js ${extractMs.join('/')} ms${floors.length ? `; floors: ${floors.join(', ')} ms` : ''}`);
      pages.push({ name: t.name, group: t.group, candidate, contentMs, contentEvalMs, extractMs });
    }
    const total = (p: PageTiming): number[] => p.contentMs.map((c, i) => round(c + p.extractMs[i]!));
    const floors: ContentFloor[] = FLOORS.map((f, k) => ({ name: f.name, what: f.what, ms: summarize(floorMs[k]!) }));

    // the popup on a tab showing the reprint 002
    const reprint = `${local}/corpus/002.html`;
    const tab = await browser.newPage();
    await tab.goto(reprint, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const tabId = await tabIdOf(browser, base, reprint);
    const opens = await popupTimes(browser, base, tabId);
    log(`browser: popup first diff ${opens.map((o) => o.diff.toFixed(0)).join('/')} ms`);
    const heavy = await heavyPages(browser, base);
    const kept = await keptCorpus(browser, base, KEPT_ARTICLES);
    const cand = pages.filter((p) => p.candidate);
    const chromium = await browser.version();
    const imported = packFile && existsSync(packFile) ? await packImport(browser, base, packFile) : null;
    return {
      chromium,
      method: 'Chromium trace (devtools.timeline): merged intervals of events whose script is content.js or extract.js, per page load; the floors loaded in turn with the extension, page by page',
      loadsPerPage: LOADS,
      pages,
      nonCandidate: summarize(pages.filter((p) => !p.candidate).flatMap(total)),
      nonCandidateEval: summarize(pages.filter((p) => !p.candidate).flatMap((p) => p.contentEvalMs)),
      floors,
      candidate: summarize(cand.flatMap(total)),
      candidateContent: summarize(cand.flatMap((p) => p.contentMs)),
      candidateExtract: summarize(cand.flatMap((p) => p.extractMs)),
      popup: {
        opens: opens.length,
        firstVersionMs: summarize(opens.map((o) => o.version)),
        firstDiffMs: summarize(opens.map((o) => o.diff)),
        method: 'popup.html?tab=<id> opened in a tab; a MutationObserver installed before the page runs records performance.now() (from navigation start) when the first diff cell appears',
      },
      packImport: imported,
      heavy,
      kept,
      bundles: bundleSizes(extDir),
    };
  } finally {
    for (const r of [main, ...floorRunners]) await close(r);
    await stopServer(server);
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
