// Corpus packs installed in real Chromium and Firefox ESR, as a researcher would use them: the
// CLI builds a pack of the 2,000 real articles of ../shared/realnews, the options page imports it
// through its file input, and a page carrying an edited reprint of one of those articles gets its
// badge and, in the popup, the article with its relation and the pack it comes from. The pack and
// the verdict outlive the service worker (Chromium); damaged packs are refused without touching
// what is installed; removing the pack removes its matches from the open tab.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { serve, type Served } from '../../scripts/serve.mjs';
import { precheck } from '../../src/core/topic/precheck';
import { REALNEWS, realnewsCorpus, realnewsCorpusFiles, realnewsPresent } from '../fixtures/realnews';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const present = realnewsPresent();
if (!present) console.warn(`pack browser tests skipped: ${REALNEWS} not found (the development sets live in ../shared)`);

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PACK_NAME = '人民日报与新闻联播 2022–2026';

/**
 * An edited reprint of the first corpus article the content script's precheck passes (a
 * digital-government page): its last paragraph cut, the first figure of its text changed.
 */
function reprintPage(): { html: string; expected: string } {
  for (const a of realnewsCorpus()) {
    if (a.paragraphs.length < 4) continue;
    const text = a.paragraphs.join('\n');
    if (!precheck({ title: a.title, description: '', keywords: '', text: text.slice(0, 4000) }).candidate) continue;
    let changed = false;
    const paragraphs = a.paragraphs.slice(0, -1).map((p) => (changed ? p : p.replace(/\d/, (d) => ((changed = true), String((Number(d) + 1) % 10)))));
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="${esc(a.date)}"></head>
<body><article><h1>${esc(a.title)}</h1><p class="info">发布时间：${esc(a.date)}</p>${paragraphs.map((x) => `<p>${esc(x)}</p>`).join('\n')}</article></body></html>`;
    return { html, expected: a.id };
  }
  throw new Error('no corpus article passes the precheck');
}

let dir = '';
let packFile = '';
let page: { html: string; expected: string } | null = null;
const damaged: Record<string, string> = {};
beforeAll(() => {
  if (!present || (skipReason('chromium') && skipReason('firefox'))) return;
  dir = mkdtempSync(join(tmpdir(), 'rl-packs-'));
  const articles = join(dir, 'articles');
  mkdirSync(articles);
  for (const f of realnewsCorpusFiles()) writeFileSync(join(articles, f.name), f.content);
  packFile = join(dir, 'realnews.rlpack');
  execFileSync(process.execPath, [join(ROOT, 'dist/cli.mjs'), 'corpus', 'build', articles, '-o', packFile, '--name', PACK_NAME, '--description', '2,000 real articles'], { stdio: 'pipe' });
  const bytes = readFileSync(packFile);
  const write = (name: string, b: Uint8Array): void => {
    damaged[name] = join(dir, name);
    writeFileSync(damaged[name], b);
  };
  write('truncated.rlpack', bytes.subarray(0, bytes.length - 1000));
  const flipped = Uint8Array.from(bytes);
  flipped[flipped.length - 7] = flipped[flipped.length - 7]! ^ 0x40;
  write('flipped.rlpack', flipped);
  const newer = Uint8Array.from(bytes);
  new DataView(newer.buffer).setUint32(12, 3, true);
  write('newer.rlpack', newer);
  write('notes.rlpack', new TextEncoder().encode('not a pack at all'));
  page = reprintPage();
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const packsListed = (options: Page) =>
  options.$$eval('[data-testid="pack"]', (els) => els.map((e) => ({ name: e.getAttribute('data-pack-name'), articles: e.getAttribute('data-articles'), enabled: e.getAttribute('data-enabled') })));

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = present ? skipReason(name) : 'no realnews';
  describe.skipIf(skip !== null)(`corpus packs in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      server = await serve({ pages: new Map([['/pack-reprint.html', page!.html]]) });
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    const upload = async (options: Page, file: string) => {
      const input = (await options.$('input[data-testid="import-pack"]')) as ElementHandle<HTMLInputElement> | null;
      await input!.uploadFile(file);
    };

    it('imports a pack built by the CLI, finds an edited reprint of one of its articles, keeps both past the worker, and forgets them when removed', async () => {
      const options = await b.openExtensionPage('options.html?lang=en', '[data-testid="packs"]');
      await upload(options, packFile);
      await options.waitForSelector('[data-testid="pack"][data-articles="2000"]', { timeout: 120_000 });
      expect(await packsListed(options)).toEqual([{ name: PACK_NAME, articles: '2000', enabled: 'true' }]);
      expect(await options.waitForSelector('[data-testid="options-status"]', { timeout: 10_000 }).then((e) => e!.evaluate((x) => x.textContent))).toContain('Installed the pack');

      // damaged packs: refused, each naming what is wrong, the installed pack untouched
      const refusals: Array<[string, RegExp]> = [
        ['truncated.rlpack', /incomplete/],
        ['flipped.rlpack', /checksum/],
        ['newer.rlpack', /another version of Reprint Lens/],
        ['notes.rlpack', /not a Reprint Lens corpus pack/],
      ];
      for (const [file, why] of refusals) {
        await upload(options, damaged[file]!);
        const error = await until(() => options.$eval('[data-testid="options-error"]', (e) => e.textContent ?? '').catch(() => ''), (t) => t.includes(file), 60_000, `the refusal of ${file}`);
        expect(error).toMatch(why);
        expect(error).toContain('nothing installed was changed');
        expect(await packsListed(options)).toEqual([{ name: PACK_NAME, articles: '2000', enabled: 'true' }]);
      }

      const url = `${server.url}/pack-reprint.html`;
      const tab = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const badge = await until(() => b.badge(tabId), (t) => t !== '', 60_000, 'the badge');
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, `[data-testid="version"][data-doc-id="${page!.expected}"]`);
      const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => [e.getAttribute('data-doc-id'), e.getAttribute('data-relation')]));
      expect(versions.length).toBe(Number(badge));
      expect(versions).toContainEqual([page!.expected, 'reprint']);
      await popup.waitForSelector(`[data-testid="version"][data-doc-id="${page!.expected}"] .tag.pack[data-pack-name="${PACK_NAME}"]`, { timeout: 20_000 });
      await popup.waitForSelector('[data-testid="diff"] del', { timeout: 30_000 });
      await popup.close();

      if (name === 'chromium') {
        await b.stopWorkers(tab);
        // a new worker: the verdict from storage.session, the pack opened again from IndexedDB for the comparison
        const again = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, `[data-testid="version"][data-doc-id="${page!.expected}"]`);
        await again.waitForSelector('[data-testid="diff"] del', { timeout: 30_000 });
        await again.close();
        const fresh = await b.openExtensionPage('options.html?lang=en', '[data-testid="pack"]');
        expect(await packsListed(fresh)).toEqual([{ name: PACK_NAME, articles: '2000', enabled: 'true' }]);
        // the pack's file gone from storage (cleared by the browser): listed as unusable, in the reader's language
        await fresh.evaluate(
          () =>
            new Promise<void>((resolve, reject) => {
              const open = indexedDB.open('reprint-lens');
              open.onsuccess = () => {
                const tx = open.result.transaction('packFiles', 'readwrite');
                tx.objectStore('packFiles').clear();
                tx.oncomplete = () => (open.result.close(), resolve());
                tx.onerror = () => reject(tx.error);
              };
              open.onerror = () => reject(open.error);
            }),
        );
        await fresh.close();
        await b.stopWorkers(tab);
        const zh = await b.openExtensionPage('options.html?lang=zh', '[data-testid="pack-problem"]');
        expect(await zh.$eval('[data-testid="pack-problem"]', (e) => e.textContent)).toMatch(/^无法使用：浏览器存储中已没有它的文件.*请重新导入该语料包。$/);
        await zh.close();
      }

      // removed: the open tab is matched again without it
      await options.waitForSelector('[data-testid="remove-pack"]', { timeout: 20_000 });
      await options.evaluate(() => (document.querySelector('[data-testid="remove-pack"]') as HTMLElement).click());
      await until(() => packsListed(options), (l) => l.length === 0, 30_000, 'the pack to be removed');
      await until(() => b.badge(tabId), (t) => t === '', 30_000, 'the badge to clear');
      const after = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="verdict"], [data-testid="no-versions"], main');
      await new Promise((r) => setTimeout(r, 1000));
      expect(await after.$(`[data-testid="version"][data-doc-id="${page!.expected}"]`)).toBeNull();
      await after.close();
      await options.close();
      await tab.close();
    }, 600_000);
  });
}
