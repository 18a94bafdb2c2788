// Real-browser harness: installs the built extension (dist/chrome, dist/firefox) into Debian's
// Chromium and Firefox ESR through puppeteer-core, and serves the test pages on 127.0.0.1.
// A missing browser skips its tests with a one-line reason, except under REQUIRE_BROWSERS=1.
// The recipe (flags, prefs, the Firefox navigation work-around) is in ../shared/notes/browser-testing.md.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export type BrowserName = 'chromium' | 'firefox';

const GECKO_ID = 'reprint-lens@reprint-lens.invalid';
const FIREFOX_UUID = '7d1e4c3a-5b2f-4e8a-9c61-2f0a8b3d5e17';

function binary(name: BrowserName): string | null {
  const env = name === 'chromium' ? process.env.CHROMIUM_BIN : process.env.FIREFOX_BIN;
  if (env !== undefined) return env === '' ? null : env;
  const candidates = name === 'chromium' ? ['/usr/bin/chromium', '/usr/bin/chromium-browser'] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Why a browser's tests cannot run here, or null when they can. Under REQUIRE_BROWSERS=1 a missing browser is an error. */
export function skipReason(name: BrowserName): string | null {
  const bin = binary(name);
  const reason = bin === null ? `${name} not found (set ${name === 'chromium' ? 'CHROMIUM_BIN' : 'FIREFOX_BIN'})` : !existsSync(bin) ? `${bin} does not exist` : null;
  if (reason && process.env.REQUIRE_BROWSERS === '1') throw new Error(`REQUIRE_BROWSERS=1 but ${reason}`);
  if (reason) console.warn(`skipping ${name} browser tests: ${reason}`);
  return reason;
}

export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id>/ or moz-extension://<uuid>/ */
  base: string;
  /** Opens a web page in a new tab and waits for it to load (30 s unless `timeout` says otherwise). */
  openPage(url: string, timeout?: number): Promise<Page>;
  /** Opens an extension page (popup.html?tab=1, compare.html, ...) in a new tab; waits for `selector` when given. */
  openExtensionPage(path: string, selector?: string): Promise<Page>;
  /** Runs a function with the extension's API (`browser`) in an extension page, and returns its result. */
  inExtension<T>(fn: string): Promise<T>;
  tabIdOf(url: string): Promise<number>;
  badge(tabId: number): Promise<string>;
  /** Chromium only: stops every service worker of the profile (the extension's among them), as the browser does to an idle worker, through `page`'s CDP session. */
  stopWorkers(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function launch(name: BrowserName): Promise<ExtensionBrowser> {
  const { default: puppeteer } = await import('puppeteer-core');
  const bin = binary(name)!;
  const profile = mkdtempSync(join(tmpdir(), `rl-${name}-`));
  let browser: Browser;
  let base: string;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath: bin,
      headless: true,
      pipe: true,
      enableExtensions: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const id = await browser.installExtension(join(ROOT, 'dist/chrome'));
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), { timeout: 20_000 });
    base = `chrome-extension://${id}/`;
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: bin,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }) },
    });
    await browser.installExtension(join(ROOT, 'dist/firefox'));
    base = `moz-extension://${FIREFOX_UUID}/`;
  }

  async function openExtensionPage(path: string, selector?: string): Promise<Page> {
    const page = await browser.newPage();
    const url = base + path;
    if (name === 'chromium') {
      await page.goto(url, { waitUntil: 'load' });
    } else {
      // page.goto to moz-extension:// hangs over BiDi; navigating the browsing context works
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate(u: string, wait: string): Promise<unknown> } };
      await frame.browsingContext.navigate(url, 'complete');
    }
    if (selector) await page.waitForSelector(selector, { timeout: 20_000 });
    return page;
  }

  let apiPage: Page | null = null;
  async function inExtension<T>(fn: string): Promise<T> {
    apiPage ??= await openExtensionPage('options.html', '#app');
    return apiPage.evaluate(`(async () => { const browser = globalThis.browser ?? globalThis.chrome; return (${fn})(browser); })()`) as Promise<T>;
  }

  return {
    name,
    browser,
    base,
    async openPage(url, timeout = 30_000) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load', timeout });
      return page;
    },
    openExtensionPage,
    inExtension,
    async tabIdOf(url) {
      const id = await inExtension<number | null>(`async (b) => ((await b.tabs.query({})).find((t) => t.url === ${JSON.stringify(url)}) ?? {}).id ?? null`);
      if (id === null) throw new Error(`no tab shows ${url}`);
      return id;
    },
    async badge(tabId) {
      return inExtension<string>(`async (b) => b.action.getBadgeText({ tabId: ${tabId} })`);
    },
    async stopWorkers(page) {
      const cdp = await page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await until(async () => browser.targets().some((t) => t.type() === 'service_worker' && t.url().startsWith(base)), (alive) => !alive, 10_000, 'the worker to stop');
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` until it returns a value accepted by `ok`, or throws after `ms` with the last value. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}${error ? `, last error ${String(error)}` : ''}`);
}
