// The foundation path, installed in real Chromium and Firefox ESR: a page carrying corpus article
// 002 gets a badge with the number of versions found, the popup lists them (000 among them) and
// shows the page beside the chosen version with removed and added text marked; a page with no
// version says so plainly; a page whose article arrives a second after load gets its badge too.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../scripts/serve.mjs';
import { unpackedExtensionId } from '../../scripts/chromium-profile.mjs';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`extension in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      server = await serve();
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    it('counts the versions of a reprint on the badge and shows them in the popup with the diff', async () => {
      const url = `${server.url}/reprint-002.html`;
      await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, 'the badge');
      expect(Number(badge)).toBeGreaterThanOrEqual(1);
      // npm start pins the button by this id (scripts/chromium-profile.mjs): the badge must not hide in the puzzle menu
      if (name === 'chromium') expect(b.base).toBe(`chrome-extension://${unpackedExtensionId(join(ROOT, 'dist/chrome'))}/`);

      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="version"]');
      const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => [e.getAttribute('data-doc-id'), e.getAttribute('data-relation')]));
      expect(versions.length).toBe(Number(badge));
      expect(versions).toContainEqual([expect.stringMatching(/^000/), 'reprint']);

      await popup.waitForSelector('[data-testid="diff"] del', { timeout: 20_000 });
      const deleted = await popup.$$eval('[data-testid="diff"] del', (els) => els.map((e) => e.textContent ?? '').join('|'));
      const inserted = await popup.$$eval('[data-testid="diff"] ins', (els) => els.map((e) => e.textContent ?? '').join('|'));
      // 002 cut the qualifier 全球领先的 and the (战钊) byline; it added the 责编 line
      expect(deleted).toContain('全球领先的');
      expect(inserted.length).toBeGreaterThan(0);
      await popup.close();
    });

    // the browser stops a service worker when it likes (Chromium's 30-second idle limit, a crash,
    // an update); the verdict it was working on stays "analysing" in storage.session, as written here
    it.skipIf(name !== 'chromium')('finishes an analysis that a stopped worker left unfinished', async () => {
      const url = `${server.url}/reprint-002.html?resumed`;
      const tab = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, 'the badge');
      // stopped while matching (the page's text kept), then before the page's copy came (none kept)
      for (const stoppedAt of ['matching', 'reading']) {
        await b.inExtension(`async (b) => {
          const k = 'tab:${tabId}';
          const v = (await b.storage.session.get(k))[k];
          delete v.report;
          if (${JSON.stringify(stoppedAt)} === 'reading') delete v.extraction;
          v.status = 'analysing';
          await b.storage.session.set({ [k]: v, 'pending:index': [${tabId}] });
          await b.action.setBadgeText({ tabId: ${tabId}, text: '' });
        }`);
        await b.stopWorkers(tab);
        expect(await b.badge(tabId)).toBe('');
        // the next worker, woken by any page of the extension, starts it again: the badge is back
        // without the popup, and the popup shows the versions
        const options = await b.openExtensionPage('options.html', '#app');
        expect(await until(() => b.badge(tabId), (t) => t !== '', 20_000, `the badge again (stopped while ${stoppedAt})`)).toBe(badge);
        await options.close();
        const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="version"]');
        const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => [e.getAttribute('data-doc-id'), e.getAttribute('data-relation')]));
        expect(versions, stoppedAt).toContainEqual([expect.stringMatching(/^000/), 'reprint']);
        const v = await b.inExtension<{ status: string; resumed?: number }>(`async (b) => (await b.storage.session.get('tab:${tabId}'))['tab:${tabId}']`);
        expect(v.status).toBe('done');
        await popup.close();
      }
      await tab.close();
    });

    it('says plainly that a page has no version in the corpus', async () => {
      const url = `${server.url}/unrelated.html`;
      await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="no-versions"]');
      expect(await b.badge(tabId)).toBe('');
      const text = await popup.$eval('[data-testid="no-versions"]', (e) => e.textContent ?? '');
      expect(text.length).toBeGreaterThan(10);
      expect(await popup.$$('[data-testid="version"]')).toHaveLength(0);
      await popup.close();
    });

    it('notices an article inserted by script a second after load', async () => {
      const url = `${server.url}/delayed-000.html`;
      await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const badge = await until(() => b.badge(tabId), (t) => t !== '', 20_000, 'the badge of the delayed page');
      expect(Number(badge)).toBeGreaterThanOrEqual(1);
    });
  });
}
