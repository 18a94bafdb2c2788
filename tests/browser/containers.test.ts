// Articles the page publishes inside an open shadow root or inside a frame it may read (srcdoc, same
// origin) are read (issue 20): the copy the background extracts from holds them in place of their
// host. Each page is reprint-002.html with its body moved into the container; the page still gets
// its verdict (the badge counts its versions, 000 among them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const REPRINT = readFileSync(join(ROOT, 'tests/fixtures/pages/reprint-002.html'), 'utf8');
const open = REPRINT.indexOf('>', REPRINT.search(/<body[^>]*>/i)) + 1;
const close = REPRINT.lastIndexOf('</body>');
const HEAD = REPRINT.slice(0, open);
const BODY = REPRINT.slice(open, close);
const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const PAGES: Record<string, string> = {
  // the body built into an open shadow root by the page's script, as web components do
  shadow: `${HEAD}<div id="host"></div><script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(BODY).replace(/</g, '\\u003c')};</script></body></html>`,
  srcdoc: `${HEAD}<iframe style="width:100%;height:2000px;border:0" srcdoc="${attr(`<!doctype html><html><head><meta charset="utf-8"></head><body>${BODY}</body></html>`)}"></iframe></body></html>`,
  'same-origin': `${HEAD}<iframe style="width:100%;height:2000px;border:0" src="/inner.html"></iframe></body></html>`,
  // the frame's document arrives well after the page's own (a slow server, a reader on a slow line)
  'late same-origin': `${HEAD}<iframe style="width:100%;height:2000px;border:0" src="/inner-late.html"></iframe></body></html>`,
};

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`articles inside containers in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      const pages = new Map<string, string | (() => Promise<string>)>(Object.entries(PAGES).map(([k, v]) => [`/in-${k.replace(/ /g, '-')}.html`, v]));
      const inner = `<!doctype html><html><head><meta charset="utf-8"></head><body>${BODY}</body></html>`;
      pages.set('/inner.html', inner);
      pages.set('/inner-late.html', () => new Promise((ok) => setTimeout(() => ok(inner), 2_500)));
      server = await serve({ pages });
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    for (const kind of Object.keys(PAGES)) {
      it(`reads the article inside a ${kind} container`, async () => {
        const url = `${server.url}/in-${kind.replace(/ /g, '-')}.html`;
        const page = await b.openPage(url);
        const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
        const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, `the badge of the ${kind} page`);
        expect(Number(badge)).toBeGreaterThanOrEqual(1);
        const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="version"]');
        const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => e.getAttribute('data-doc-id') ?? ''));
        expect(versions.some((id) => id.startsWith('000'))).toBe(true);
        await popup.close();
        await page.close();
      });
    }
  });
}
