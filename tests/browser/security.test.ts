// Reliability, security and privacy of the installed extension, in real Chromium and Firefox ESR.
//
// Hostile pages (tests/fixtures/hostile/pages.ts) are versions of corpus article 000, so that their
// text goes through the whole path and must come out as text: in the popup, in the full view and in
// the exported HTML report, with nothing executed and no element made from it. Pages built to break
// extraction still show their versions (or say there are none). The page's own scripts get nothing
// from the extension; the background answers bad messages with an error and keeps answering.
// A 5 MB page and one of 250,000 nodes are read again after a route change (the page's long tasks
// while that happens are measured in `npm run bench`). Chromium only (it has the tools to look):
// results that survive the service worker being stopped, and no network request from any of the
// extension's contexts.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, type Served } from '../../scripts/serve.mjs';
import { decoyParagraphs, hostilePages, PAYLOADS, PWNED } from '../fixtures/hostile/pages';
import { launch, ROOT, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

interface TabVerdictLike {
  status: string;
  url: string;
  updated: number;
  report?: { matches: { id: string; relation: string }[] };
  extraction?: { article: { title: string; paragraphs: string[]; truncated?: boolean }; ms: number };
  error?: string;
}

/**
 * Run in an extension page: the visible text of `selector`, and every trace of page text turned
 * into markup anywhere in the document (an element that could run or load something, an inline
 * handler attribute, a javascript: link), plus the flags a payload would set if it ran.
 */
const INSPECT = `(selector) => {
  const root = document.querySelector(selector);
  const traces = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (tag === 'script' && !el.hasAttribute('src')) traces.push('inline script');
    if (['iframe', 'frame', 'object', 'embed', 'math'].includes(tag)) traces.push(tag);
    if (tag === 'img' && !(el.getAttribute('src') || '').startsWith('icons/')) traces.push('img ' + el.getAttribute('src'));
    if (tag === 'svg' && root && root.contains(el)) traces.push('svg in the text');
    if (tag === 'a' && /^\\s*javascript:/i.test(el.getAttribute('href') || '')) traces.push('javascript: link');
    for (const a of el.getAttributeNames()) if (a.toLowerCase().startsWith('on')) traces.push(tag + ' ' + a);
  }
  return { text: root ? root.innerText : null, traces, title: document.title, pwned: globalThis.__rlPwned ?? null };
}`;

async function inspect(page: Page, selector: string): Promise<{ text: string | null; traces: string[]; title: string; pwned: unknown }> {
  return page.evaluate(`(${INSPECT})(${JSON.stringify(selector)})`) as Promise<{ text: string | null; traces: string[]; title: string; pwned: unknown }>;
}

interface BidiSession {
  on(event: string, fn: (e: { request: { url: string } }) => void): void;
  off(event: string, fn: (e: { request: { url: string } }) => void): void;
  subscribe(events: string[]): Promise<void>;
}

/** What the page text would look like once shown: the diff and the report collapse runs of spaces only where HTML does. */
const visible = (s: string): string => s.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b]/g, '').replace(/\s+/g, ' ');

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`security in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    beforeAll(async () => {
      server = await serve({ pages: hostilePages() });
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    const verdictOf = (tabId: number) => b.inExtension<TabVerdictLike | null>(`async (b) => (await b.runtime.sendMessage({ rl: 1, name: 'getVerdict', args: [${tabId}] })).value`);
    /**
     * Opens a page and waits for the extension's verdict. A page the bounded precheck passes by (its
     * sample found no text) is analysed when the reader asks, as the popup's button does.
     */
    let opened = 0;
    async function analysed(path: string, firstWait = 5_000, loadWait = 30_000): Promise<{ page: Page; url: string; tabId: number; verdict: TabVerdictLike }> {
      // a query of its own, so that no tab left open by an earlier test answers for this one
      const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}n=${++opened}`;
      const page = await b.openPage(url, loadWait);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const finished = (v: TabVerdictLike | null) => v?.status === 'done' || v?.status === 'error';
      let verdict = await until(() => verdictOf(tabId), finished, firstWait, `the verdict on ${path}`).catch(() => null);
      if (!verdict) {
        await b.inExtension(`async (b) => b.runtime.sendMessage({ rl: 1, name: 'analyseTab', args: [${tabId}] })`);
        verdict = await until(() => verdictOf(tabId), finished, 30_000, `the verdict on ${path} after asking`);
      }
      return { page, url, tabId, verdict: verdict! };
    }
    const ids = (v: TabVerdictLike): string[] => (v.report?.matches ?? []).map((m) => m.id.slice(0, 3));

    it('shows script, handler and breakout payloads as text in the popup, the full view and the exported report, and runs none of them', async () => {
      const { page, tabId, verdict } = await analysed('/hostile/payloads.html');
      expect(verdict.status).toBe('done');
      expect(ids(verdict)).toContain('000');

      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="diff"]');
      await popup.click('[data-testid="version"][data-doc-id^="000"]');
      // polled from here: waitForFunction's in-page polling builds a Function, which the extension page's CSP refuses in Firefox
      await until(() => popup.evaluate(() => document.querySelector('[data-testid="diff"]')?.textContent?.includes('第10条读者留言') ?? false), (x) => x, 20_000, 'the payload paragraphs in the popup diff');
      const shown = await inspect(popup, '[data-testid="diff"]');
      expect(shown.traces).toEqual([]);
      expect(shown.pwned).toBeNull();
      expect(shown.title).not.toBe(PWNED);
      for (const p of PAYLOADS) expect(visible(shown.text!)).toContain(visible(p));
      // the page title (with its payload) in "what was extracted"
      await popup.click('[data-testid="show-extracted"]');
      await popup.waitForSelector('[data-testid="extracted"]');
      const extracted = await inspect(popup, '[data-testid="extracted"]');
      expect(extracted.traces).toEqual([]);
      expect(visible(extracted.text!)).toContain(visible(PAYLOADS[1]!));
      await popup.close();

      const full = await b.openExtensionPage(`compare.html?tab=${tabId}&doc=${verdict.report!.matches.find((m) => m.id.startsWith('000'))!.id}`, '[data-testid="diff"]');
      // polled from here: waitForFunction's in-page polling builds a Function, which the extension page's CSP refuses in Firefox
      await until(() => full.evaluate(() => document.querySelector('[data-testid="diff"]')?.textContent?.includes('第10条读者留言') ?? false), (x) => x, 20_000, 'the payload paragraphs in the full view diff');
      const inFull = await inspect(full, '[data-testid="diff"]');
      expect(inFull.traces).toEqual([]);
      expect(inFull.pwned).toBeNull();
      for (const p of PAYLOADS) expect(visible(inFull.text!)).toContain(visible(p));

      // the exported report is a file the reader opens in a browser, with no extension CSP around it;
      // the file handed to the download is kept as it leaves (the page's CSP does not let it fetch blob: URLs back in Firefox)
      await full.evaluate(() => {
        const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob) => ((globalThis as { __exported?: Blob }).__exported = blob, make(blob));
      });
      await full.click('[data-testid="export-html"]');
      await full.waitForSelector('[data-testid="last-export"][data-kind="html"]');
      const html = (await full.evaluate(() => (globalThis as unknown as { __exported: Blob }).__exported.text())) as string;
      await full.close();
      server.pages.set('/report.html', html);
      const report = await b.openPage(`${server.url}/report.html`);
      const inReport = await inspect(report, 'body');
      expect(inReport.traces).toEqual([]);
      expect(inReport.pwned).toBeNull();
      expect(inReport.title).not.toBe(PWNED);
      for (const p of PAYLOADS) expect(visible(inReport.text!)).toContain(visible(p));
      await report.close();

      // and the page itself: the extension read it without running anything in it
      expect(await page.evaluate(() => [document.title === 'RL-PWNED', (globalThis as { __rlPwned?: unknown }).__rlPwned ?? null])).toEqual([false, null]);
      await page.close();
    });

    it.each([
      ['nested 1 500 elements deep', '/hostile/deep.html'],
      ['with unclosed tags and a stray </body>', '/hostile/unclosed.html'],
      ['with 12 000 paragraphs of comments', '/hostile/paragraphs.html'],
    ])('finds the version of an article %s', async (_what, path) => {
      const { page, verdict } = await analysed(path);
      expect(verdict.status).toBe('done');
      expect(ids(verdict)).toContain('000');
      await page.close();
    });

    it('gives its verdict, not an error, when the reader asks again while the page copy is on its way', async () => {
      // the page's own copy (several parts) is being sent when two more are asked for: three copies
      // of one tab in flight at once, whose parts must not mix
      const url = `${server.url}/hostile/paragraphs.html?n=${++opened}`;
      const page = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      await b.inExtension(`async (b) => { const ask = () => b.runtime.sendMessage({ rl: 1, name: 'analyseTab', args: [${tabId}] }); await ask(); await ask(); }`);
      const finished = (v: TabVerdictLike | null) => v?.status === 'done' || v?.status === 'error';
      // the last word, once every copy has been answered: a finished verdict unchanged for 3 s
      let last: TabVerdictLike | null = null;
      let since = 0;
      await until(async () => {
        const v = await verdictOf(tabId);
        if (!finished(v) || v!.updated !== last?.updated) [last, since] = [v, Date.now()];
        return finished(v) && Date.now() - since > 3_000;
      }, (x) => x, 60_000, 'a settled verdict');
      expect(last!.status, last!.error).toBe('done');
      expect(ids(last!)).toContain('000');
      await page.close();
    });

    it('reads what the reader sees, not hidden decoy articles', async () => {
      const { page, verdict } = await analysed('/hostile/decoy.html');
      expect(verdict.status).toBe('done');
      expect(ids(verdict)).toContain('000');
      expect(ids(verdict)).not.toContain('003');
      expect(ids(verdict)).not.toContain('004');
      const text = verdict.extraction!.article.paragraphs.join('\n');
      expect(text).toContain('浪潮');
      for (const p of decoyParagraphs()) expect(text).not.toContain(p);
      await page.close();
    });

    it('finds no article in a page whose text is only inside a <template>', async () => {
      const { page, tabId, verdict } = await analysed('/hostile/template.html');
      expect(verdict.report?.matches ?? []).toEqual([]);
      expect(verdict.extraction?.article.paragraphs.join('') ?? '').not.toContain('浪潮');
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="no-versions"]');
      expect(await popup.$$('[data-testid="version"]')).toHaveLength(0);
      await popup.close();
      await page.close();
    });

    it("accepts nothing from the page's own scripts: no runtime in their world, no window message or event is heard", async () => {
      const extId = b.base.split('/')[2]!;
      const { page, verdict } = await analysed(`/hostile/page-scripts.html?ext=${extId}`);
      // the page's script has been offering 003 through every door since it loaded
      expect(await page.evaluate(() => (globalThis as unknown as { __tries: Record<string, unknown> }).__tries)).toEqual({ chrome: 'none', browser: 'none' });
      expect(verdict.status).toBe('done');
      expect(ids(verdict)).toContain('000');
      expect(ids(verdict)).not.toContain('003');
      const text = verdict.extraction!.article.paragraphs.join('\n');
      for (const p of decoyParagraphs()) expect(text).not.toContain(p);
      // and the page cannot tell that the extension read it: nothing in its timeline, its DOM or its globals
      expect(
        await page.evaluate(() => ({
          entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((e) => e.name),
          nodes: document.querySelectorAll('[id*="reprint-lens" i], [class*="reprint-lens" i], [id*="reprintlens" i], [class*="reprintlens" i]').length,
          globals: Object.keys(globalThis).filter((k) => /reprint.?lens|^__rl/i.test(k)),
        })),
      ).toEqual({ entries: [], nodes: 0, globals: [] });
      await page.close();
    });

    it('answers malformed and misdirected messages from an extension page with an error, and keeps answering', async () => {
      const replies = await b.inExtension<unknown[]>(`async (b) => {
        const send = (m) => b.runtime.sendMessage(m).then((r) => (r === undefined ? null : r), (e) => ({ rejected: String(e && e.message || e) }));
        const bad = [
          { rl: 1, name: 'getVerdict', args: ['1'] },
          { rl: 1, name: 'getVerdict', args: [-1] },
          { rl: 1, name: 'getVerdict', args: [1.5] },
          { rl: 1, name: 'getVerdict', args: [] },
          { rl: 1, name: 'analyseTab', args: [{ tabId: 1 }] },
          { rl: 1, name: 'compareDocs', args: [{ a: '../../manifest.json', b: '000' }] },
          { rl: 1, name: 'compareDocs', args: [{ a: '000', b: '002', granularity: 'line' }] },
          { rl: 1, name: 'compareWithPage', args: [null] },
          { rl: 1, name: 'compareWithPage', args: [{ tabId: 1, docId: '<img src=x onerror=alert(1)>' }] },
          // page messages are refused from our own pages, whatever they carry
          { rl: 1, name: 'pageSnapshot', args: [{ url: 'http://x/', html: '<p>x</p>', truncated: false, ms: 0 }] },
          { rl: 1, name: 'pageChecked', args: [{ url: 'http://x/', title: 't', candidate: true, reasons: [], revision: 1 }] },
          { rl: 1, name: 'pageSnapshot', args: [{}] },
        ];
        const out = [];
        for (const m of bad) out.push(await send(m));
        // not ours at all: no answer (undefined, or a closed port)
        const notOurs = [{ name: 'getVerdict', args: [1] }, { rl: 1, name: 'toString', args: [] }, { rl: 1, name: '__proto__', args: [] }, { rl: 1, name: 'listDocs' }, 'listDocs', null, { rl: 1, name: 'pageExtracted', args: [{}] }];
        for (const m of notOurs) out.push(await send(m));
        out.push(await send({ rl: 1, name: 'listDocs', args: [] }));
        return out;
      }`);
      const errors = replies.slice(0, 12) as { ok: boolean; error: string }[];
      for (const r of errors) {
        expect(r).toMatchObject({ ok: false });
        expect(r.error.length).toBeGreaterThan(5);
      }
      expect(errors.slice(0, 5).map((r) => r.error)).toEqual(Array(5).fill(expect.stringMatching(/tabId|tab number/)));
      expect(errors[5]!.error).toMatch(/corpus id/);
      expect(errors[9]!.error).toMatch(/not accepted from this sender/);
      expect(errors[10]!.error).toMatch(/not accepted from this sender/);
      // (pageExtracted, a finished article handed over by the page, is no message any more)
      for (const r of replies.slice(12, 19)) expect(r === null || (r as { ok?: unknown }).ok === undefined).toBe(true);
      // and the worker is still there, answering
      const docs = replies[19] as { ok: boolean; value: { id: string }[] };
      expect(docs.ok).toBe(true);
      expect(docs.value.map((d) => d.id.slice(0, 3))).toEqual(expect.arrayContaining(['000', '001', '002', '003', '004']));
    });

    it("forgets a page's text when its tab moves to another page or closes", async () => {
      const stored = (tabId: number) => b.inExtension<unknown>(`async (b) => (await b.storage.session.get('tab:${tabId}'))['tab:${tabId}'] ?? null`);
      const { page, tabId } = await analysed('/reprint-002.html');
      expect(JSON.stringify(await stored(tabId))).toContain('浪潮');
      await page.goto(`${server.url}/unrelated.html`, { waitUntil: 'load' }).catch(async () => {
        // Firefox over BiDi: navigating a web page works through the browsing context as well
        await (page.mainFrame() as unknown as { browsingContext: { navigate(u: string, w: string): Promise<unknown> } }).browsingContext.navigate(`${server.url}/unrelated.html`, 'complete');
      });
      await until(() => stored(tabId), (v) => v === null, 10_000, 'the verdict to go after navigating');
      const again = await analysed('/reprint-002.html');
      expect(await stored(again.tabId)).not.toBeNull();
      await again.page.close();
      await until(() => stored(again.tabId), (v) => v === null, 10_000, 'the verdict to go with its tab');
      await page.close();
    });

    it("keeps the page's verdicts (and, in Chromium, storage.local) out of reach of a content-script context", async () => {
      // what a compromised renderer could do with our content script's powers: ask for storage
      const { page, tabId } = await analysed('/reprint-002.html');
      const reach = await b.inExtension<{ local: string; session: string }[]>(`async (b) => {
        await b.storage.local.set({ 'rl-probe': 'kept by the reader' });
        const r = await b.scripting.executeScript({ target: { tabId: ${tabId} }, func: async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          const out = {};
          for (const area of ['local', 'session']) {
            try { out[area] = 'read ' + JSON.stringify(await api.storage[area].get(null)); } catch (e) { out[area] = 'refused'; }
          }
          return out;
        } });
        await b.storage.local.remove('rl-probe');
        return r.map((x) => x.result);
      }`);
      expect(reach[0]!.session).toBe('refused');
      // Firefox has no setAccessLevel for storage.local: its content scripts can read it (docs/SECURITY.md)
      if (name === 'chromium') expect(reach[0]!.local).toBe('refused');
      else expect(reach[0]!.local).toContain('kept by the reader');
      await page.close();
    });

    it.each([
      ['Chinese', '/hostile/huge-zh.html', '000'],
      ['English', '/hostile/huge-en.html', '001'],
    ])('reads a 5 MB page of %s text up to its cap, finds its version and says the text was cut', async (_lang, path, id) => {
      const { page, tabId, verdict } = await analysed(path);
      expect(verdict.status).toBe('done');
      expect(ids(verdict)).toContain(id);
      expect(verdict.extraction!.article.truncated).toBe(true);
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="show-extracted"]');
      await until(async () => {
        if (await popup.$('[data-testid="extracted"]')) return true;
        await popup.click('[data-testid="show-extracted"]');
        return false;
      }, (open) => open, 10_000, 'the extracted view');
      const notice = await popup.waitForSelector('[data-testid="extracted"] .notice').then((el) => el!.evaluate((e) => (e as HTMLElement).innerText));
      expect(notice).toMatch(/200[,\s]?000|\d{6}/);
      await popup.close();
      await page.close();
    });

    // How long the page's own tasks last while this happens is measured in `npm run bench`
    // (bench/src/heavy-pages.ts, with a trace that takes the collector's pauses out), never asserted
    // here: as a timed test it failed at random on a loaded machine.
    it('reads a 5 MB page, or one of 250,000 nodes, again after a route change, and still finds the article behind the bulk', async () => {
      for (const [path, truncated] of [['/hostile/huge-zh.html', true], ['/hostile/huge-en.html', true], ['/hostile/many-nodes.html', null]] as const) {
        // the browser itself takes several seconds to load and lay out the 250,000-node page here
        // (6 s measured without the extension, more on a loaded machine, and more in Firefox)
        const many = path.includes('many-nodes');
        const { page, tabId, verdict } = await analysed(path, many ? 90_000 : 5_000, many ? 150_000 : 30_000);
        expect(verdict.status).toBe('done');
        await page.evaluate(() => {
          history.pushState({}, '', `${location.pathname}${location.search}&route=2`);
          dispatchEvent(new PopStateEvent('popstate'));
        });
        const v = await until(() => verdictOf(tabId), (x) => x?.status === 'done' && x.url.includes('route=2'), 60_000, 'the verdict after the route change');
        if (truncated !== null) expect(v!.extraction!.article.truncated).toBe(truncated);
        // the article is still found behind the list: 000 itself
        if (many) expect(v!.report!.matches[0]?.relation).toBe('same');
        else expect(ids(v!)).toContain(path.includes('-zh') ? '000' : '001');
        await page.close();
      }
    }, 420_000);

    // ------------------------------------------------------------------ Chromium only

    const workerTarget = () => b.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(b.base));
    const stopWorkers = (page: Page) => b.stopWorkers(page);

    it.skipIf(name !== 'chromium')('still shows the versions of a page after the browser stops the service worker', async () => {
      const { page, tabId, verdict } = await analysed('/reprint-002.html');
      expect(ids(verdict)).toContain('000');
      await stopWorkers(page);
      // a new worker starts for the popup's messages: its memory is empty, the verdict comes from storage.session
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="version"]');
      const versions = await popup.$$eval('[data-testid="version"]', (els) => els.map((e) => e.getAttribute('data-doc-id')!.slice(0, 3)));
      expect(versions).toEqual(ids(verdict));
      await popup.waitForSelector('[data-testid="diff"] del', { timeout: 20_000 });
      expect(workerTarget()).toBeDefined();
      await popup.close();
      await page.close();
    });

    it.skipIf(name !== 'chromium')('makes no network request from its worker, its pages or the pages it reads (Chromium: CDP Network on every target)', async () => {
      const requests: { context: string; url: string }[] = [];
      const cdp = await b.browser.target().createCDPSession();
      const connection = cdp.connection()!;
      // every target, existing and new, is attached and held until its Network domain records
      cdp.on('Target.attachedToTarget', (ev: { sessionId: string; targetInfo: { type: string; url: string }; waitingForDebugger: boolean }) => {
        const session = connection.session(ev.sessionId);
        if (!session) return;
        // the context is the document a request is made for (a new tab starts as about:blank), or the worker
        session.on('Network.requestWillBeSent', (r: { request: { url: string }; documentURL?: string }) =>
          requests.push({ context: `${ev.targetInfo.type} ${r.documentURL || ev.targetInfo.url}`, url: r.request.url }),
        );
        void session
          .send('Network.enable')
          .catch(() => undefined)
          .then(() => (ev.waitingForDebugger ? session.send('Runtime.runIfWaitingForDebugger') : undefined))
          .catch(() => undefined);
      });
      // stopped first (a worker with a debugger attached is kept alive), so that it starts again
      // under observation: loading the corpus is among what is recorded
      const first = await b.openPage(`${server.url}/unrelated.html`);
      await stopWorkers(first);
      await first.close();
      await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
      try {
        const { page, url, tabId, verdict } = await analysed('/reprint-002.html');
        const doc = verdict.report!.matches.find((m) => m.id.startsWith('000'))!.id;
        const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="diff"] del');
        await popup.close();
        const full = await b.openExtensionPage(`compare.html?tab=${tabId}&doc=${doc}`, '[data-testid="diff"] del');
        await full.click('[data-testid="export-html"]');
        await full.waitForSelector('[data-testid="last-export"]');
        await full.close();
        await page.close();

        const own = (r: { context: string }) => r.context.includes(` ${b.base}`);
        const packaged = requests.filter((r) => own(r) && r.url.startsWith(b.base));
        const network = requests.filter((r) => own(r) && !r.url.startsWith(b.base) && !/^(?:data|blob):/.test(r.url));
        expect(network).toEqual([]);
        // the recorder saw the worker and the pages: their packaged files are listed, and only those
        expect(packaged.map((r) => r.url.slice(b.base.length))).toEqual(expect.arrayContaining(['corpus/index.json', 'popup.js', 'compare.js']));
        // the page read: its own document, and nothing fetched for or by the content scripts
        const fromPage = requests.filter((r) => r.context.startsWith(`page ${server.url}`) && r.context.includes('reprint-002') && !r.url.endsWith('/favicon.ico'));
        expect(fromPage.map((r) => r.url)).toEqual([url]);
      } finally {
        await cdp.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true }).catch(() => undefined);
        await cdp.detach().catch(() => undefined);
      }
    });

    it.skipIf(name !== 'firefox')('makes no network request for the pages it reads (Firefox: WebDriver BiDi network events)', async () => {
      // Firefox reports, over BiDi, the requests of web pages but none of an extension's own
      // contexts (not even the loading of popup.js): what the background page and the extension
      // pages do cannot be observed here. For them the test below shows that their CSP refuses a
      // request before it leaves the browser, and the bundles checked at the end of this file hold
      // no network call outside the background's reading of its packaged corpus.
      const requests: string[] = [];
      const probe = await b.browser.newPage();
      const session = (probe.mainFrame() as unknown as { browsingContext: { userContext: { browser: { session: BidiSession } } } }).browsingContext.userContext.browser.session;
      const record = (e: { request: { url: string } }) => requests.push(e.request.url);
      session.on('network.beforeRequestSent', record);
      await session.subscribe(['network.beforeRequestSent']);
      try {
        const { page, url, tabId, verdict } = await analysed('/reprint-002.html');
        const doc = verdict.report!.matches.find((m) => m.id.startsWith('000'))!.id;
        const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`, '[data-testid="diff"] del');
        await popup.close();
        const full = await b.openExtensionPage(`compare.html?tab=${tabId}&doc=${doc}`, '[data-testid="diff"] del');
        await full.close();
        await page.close();
        const network = requests.filter((u) => !u.startsWith('data:') && u !== url && u !== `${server.url}/favicon.ico`);
        expect(requests).toContain(url); // the recorder works: it saw the page itself
        expect(network).toEqual([]);
      } finally {
        session.off('network.beforeRequestSent', record);
        await probe.close();
      }
    });

    it('cannot reach the network from its own pages: the CSP refuses a request before it leaves the browser', async () => {
      let hits = 0;
      const target = createServer((_req, res) => {
        hits++;
        res.end('reached');
      });
      await new Promise<void>((ok) => target.listen(0, '127.0.0.1', ok));
      const origin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
      try {
        const tries = await b.inExtension<string[]>(`async () => {
          const out = [];
          out.push(await fetch('${origin}/fetch').then(() => 'fetched', () => 'refused'));
          out.push(await new Promise((done) => { const x = new XMLHttpRequest(); x.onload = () => done('loaded'); x.onerror = () => done('refused'); try { x.open('GET', '${origin}/xhr'); x.send(); } catch { done('refused'); } }));
          out.push(await new Promise((done) => { try { const w = new WebSocket('${origin.replace('http', 'ws')}/ws'); w.onopen = () => done('open'); w.onerror = w.onclose = () => done('refused'); setTimeout(() => done('refused (no answer)'), 2000); } catch { done('refused'); } }));
          try { navigator.sendBeacon('${origin}/beacon', 'x'); } catch {}
          await new Promise((r) => setTimeout(r, 300));
          return out;
        }`);
        expect(tries.map((t) => t.slice(0, 7))).toEqual(['refused', 'refused', 'refused']);
        expect(hits).toBe(0);
        // the control: the same server answers a web page, so the requests above could have reached it
        const page = await b.openPage(`${origin}/control`);
        expect(hits).toBeGreaterThan(0);
        await page.close();
      } finally {
        target.closeAllConnections(); // the browser keeps the control page's connection alive
        await new Promise((ok) => target.close(ok));
      }
    });
  });
}

describe('the content scripts, as built', () => {
  // They run in every page: no network call, no HTML parsing of strings, no eval, and no listener
  // for window messages. (extract.js's one postMessage is a private MessageChannel's, to yield.)
  it.each(['content.js', 'extract.js'])('%s has no network call, no HTML sink, no eval and no window message listener', (file) => {
    for (const dir of ['chrome', 'firefox']) {
      const code = readFileSync(join(ROOT, 'dist', dir, file), 'utf8');
      expect(code).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection|importScripts/);
      expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|srcdoc/);
      expect(code).not.toMatch(/\beval\(|new Function\(/);
      expect(code).not.toMatch(/addEventListener\(\s*["'`]message|window\.postMessage|\bopener\b/);
    }
  });
});
