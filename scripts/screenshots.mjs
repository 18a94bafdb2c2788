// Screenshots of the interface for README.md: the popup and the full-page comparison, in English
// and Chinese, light and dark, written to docs/screenshots/. Builds nothing: run `node build.mjs`
// first. Uses dist/chrome in Debian's Chromium through puppeteer-core, and the demo pages served
// by scripts/serve.mjs. Chinese needs a CJK font (Debian: apt-get install fonts-noto-cjk).
//   node scripts/screenshots.mjs [--only popup|compare]
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './serve.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
const bin = [process.env.CHROMIUM_BIN, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean).find((b) => existsSync(b));
if (!bin) {
  console.error('screenshots: no Chromium found (set CHROMIUM_BIN)');
  process.exit(2);
}
if (!existsSync(join(root, 'dist/chrome/manifest.json'))) {
  console.error('screenshots: dist/chrome is missing: run node build.mjs first');
  process.exit(2);
}
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

const server = await serve();
const profile = mkdtempSync(join(tmpdir(), 'rl-shots-'));
const browser = await puppeteer.launch({
  executablePath: bin,
  headless: true,
  pipe: true,
  enableExtensions: true,
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
});

async function waitFor(fn, what, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`screenshots: timed out waiting for ${what}`);
}

try {
  const id = await browser.installExtension(join(root, 'dist/chrome'));
  const worker = await (await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`))).worker();
  const base = `chrome-extension://${id}/`;

  // the page the screenshots are about: a portal page carrying the edited reprint 002
  const pageUrl = `${server.url}/reprint-002.html`;
  const page = await browser.newPage();
  await page.goto(pageUrl, { waitUntil: 'load' });
  const tabId = await waitFor(() => worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, pageUrl), 'the tab');
  await waitFor(() => worker.evaluate(async (t) => (await chrome.action.getBadgeText({ tabId: t })) !== '', tabId), 'the badge');

  mkdirSync(out, { recursive: true });
  const shoot = async (name, path, viewport, ready, { fullPage = false, clip = null } = {}) => {
    const view = await browser.newPage();
    await view.setViewport({ ...viewport, deviceScaleFactor: 1 });
    await view.goto(base + path, { waitUntil: 'load' });
    await view.waitForSelector(ready, { timeout: 20_000 });
    await view.evaluate(() => document.fonts.ready);
    await new Promise((r) => setTimeout(r, 300)); // let the change strip measure the laid-out rows
    const file = join(out, `${name}.png`);
    await view.screenshot({ path: file, fullPage, ...(clip ? { clip } : {}) });
    await view.close();
    console.log(`screenshots: ${file}`);
  };

  for (const lang of ['en', 'zh']) {
    for (const theme of ['light', 'dark']) {
      if (only !== 'compare') {
        // the toolbar popup is 680 px wide; show its first screen, as the reader sees it
        await shoot(`popup-${lang}-${theme}`, `popup.html?tab=${tabId}&lang=${lang}&theme=${theme}`, { width: 680, height: 600 }, '[data-testid="diff"] tbody tr');
      }
      if (only !== 'popup') {
        await shoot(`compare-${lang}-${theme}`, `compare.html?tab=${tabId}&lang=${lang}&theme=${theme}&three=1`, { width: 1280, height: 900 }, '[data-testid="diff"][data-columns="3"] tbody tr');
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
