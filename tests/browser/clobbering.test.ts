// DOM clobbering (issue 20): a page that puts an element or a frame under the names `browser` or
// `chrome` before its article (named access on window reaches the content script's isolated world
// wherever that world has no global of the name; Chrome has no `browser`) still gets its verdict:
// the badge counts its versions and the popup lists them. Each page is reprint-002.html with one
// clobbering form inserted at the top of its body; the content scripts take the extension API
// from extensionApi in src/messages.ts, which checks that it is the real one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const REPRINT = readFileSync(join(ROOT, 'tests/fixtures/pages/reprint-002.html'), 'utf8');

export const CLOBBERING: Record<string, string> = {
  'form-browser': '<form id="browser"><input name="runtime"><input name="id" value="x"></form>',
  'iframe-browser': '<iframe name="browser" srcdoc="<form id=runtime><input name=sendMessage></form>"></iframe>',
  'form-chrome': '<form id="chrome"><input name="runtime"></form>',
  'iframe-chrome': '<iframe name="chrome" srcdoc="<form id=runtime><input name=id></form>"></iframe>',
};

/** reprint-002.html with `markup` first in its body, before the article. */
function clobbered(markup: string): string {
  const at = REPRINT.search(/<body[^>]*>/i);
  if (at < 0) throw new Error('reprint-002.html has no <body>');
  const end = REPRINT.indexOf('>', at) + 1;
  return REPRINT.slice(0, end) + markup + REPRINT.slice(end);
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`clobbering pages in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      server = await serve({ pages: new Map(Object.entries(CLOBBERING).map(([k, v]) => [`/clobber-${k}.html`, clobbered(v)])) });
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    for (const form of Object.keys(CLOBBERING)) {
      // Chromium gives a world made after the page named a frame `browser` no extension API at all:
      // manifest.json runs the content script at document_start, before the page can name anything.
      it(`gives a page with ${form} its verdict`, async () => {
        const url = `${server.url}/clobber-${form}.html`;
        const page = await b.openPage(url);
        // the clobbering is in place in the page's own world
        const global = form.endsWith('chrome') ? 'chrome' : 'browser';
        expect(await page.evaluate(`typeof window.${global} === 'object' && window.${global} !== null`)).toBe(true);
        const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
        const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, `the badge of the ${form} page`);
        expect(Number(badge)).toBeGreaterThanOrEqual(1);
        const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="version"]');
        const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => e.getAttribute('data-doc-id') ?? ''));
        expect(versions.length).toBe(Number(badge));
        expect(versions.some((id) => id.startsWith('000'))).toBe(true);
        await popup.close();
        await page.close();
      });
    }
  });
}
