// Bounded work per tab (issue 20): a page that changes its address every 10 ms, re-rendering as a
// single-page site does, must not make the extension copy and extract it again and again (73 times
// in 30 s before). The content script checks a route once the address has settled, and a tab makes
// at most a few reports a minute; once the storm is over, the page gets its verdict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const REPRINT = readFileSync(join(ROOT, 'tests/fixtures/pages/reprint-002.html'), 'utf8');
const STORM_MS = 5000;
// every 10 ms: a new address and a re-rendered line of text, for STORM_MS
const STORM = `<script>
let n = 0;
const line = document.createElement('p');
document.body.prepend(line);
const t = setInterval(() => {
  n++;
  history.pushState({}, '', location.pathname + '?route=' + n);
  line.textContent = '第 ' + n + ' 页';
  if (n * 10 >= ${STORM_MS}) { clearInterval(t); document.title = 'storm over'; }
}, 10);
</script>`;

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`a route-change storm in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      server = await serve({ pages: new Map([['/storm.html', REPRINT.replace('</body>', `${STORM}</body>`)]]) });
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    it('is checked a bounded number of times, and its last page gets its verdict', async () => {
      // every report a content script makes reaches the extension's pages too: count them
      await b.inExtension(`async (b) => {
        globalThis.__reports = 0;
        b.runtime.onMessage.addListener((m) => { if (m && m.name === 'pageChecked') globalThis.__reports++; });
        return true;
      }`);
      const page = await b.openPage(`${server.url}/storm.html`);
      await until(() => page.title(), (t) => t === 'storm over', STORM_MS * 4, 'the end of the storm');
      const last = (await page.evaluate('location.href')) as string;
      const tabId = await until(() => b.tabIdOf(last), (id) => id > 0, 10_000, 'the tab');
      const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, 'the badge after the storm');
      expect(Number(badge)).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1500));
      const reports = await b.inExtension<number>('async () => globalThis.__reports');
      // the page's first load, and the address it settled on: not one per route change
      expect(reports).toBeGreaterThanOrEqual(1);
      expect(reports).toBeLessThanOrEqual(3);
      await page.close();
    });
  });
}
