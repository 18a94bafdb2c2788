// The comparison experience in real Chromium and Firefox ESR: the full-page view of a reprint and
// of a translation (three columns: original | version | translation), moving to the next change,
// the folding toggle, the exports, and keeping an off-topic page in the reader's own corpus so
// that it is matched when visited again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

/** Records every blob the page hands to a download, so a test can read what was exported. */
async function recordBlobs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { blobs: Blob[] };
    w.blobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) w.blobs.push(b);
      return create(b);
    };
  });
}
const lastBlob = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { blobs: Blob[] }).blobs.at(-1)!.text());

const rowsOf = (page: Page) =>
  page.$$eval('[data-testid="diff"] tbody tr', (trs) => trs.map((tr) => ({ row: tr.getAttribute('data-row'), kind: tr.getAttribute('data-kind'), text: tr.textContent ?? '' })));
const currentRow = (page: Page) => page.$eval('[data-testid="diff"] tr[aria-current="true"]', (tr) => tr.getAttribute('data-row')).catch(() => null);

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`comparison interface in ${name}`, () => {
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

    async function analysedTab(file: string): Promise<number> {
      const url = `${server.url}/${file}`;
      await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      await until(() => b.badge(tabId), (t) => t !== '', 20_000, `the badge of ${file}`);
      return tabId;
    }

    it('counts every edit once, steps through each of them, shows the first on the first screen and keeps the view in its URL', async () => {
      const tabId = await analysedTab('reprint-002.html');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en`, '[data-testid="diff"][data-columns="2"] tbody tr');
      await view.setViewport({ width: 1280, height: 860 });
      await view.waitForSelector('[data-testid="verdict"]');
      // the verdict, the toolbar and the edit list count the same edits of the same comparison
      const count = Number(await view.$eval('[data-testid="change-count"]', (e) => e.getAttribute('data-count')));
      expect(count).toBeGreaterThan(3);
      expect(await view.$eval('[data-testid="change-count"]', (e) => e.textContent)).toBe(`${count} edits`);
      expect(await view.$eval('[data-testid="edits"] h2', (e) => e.textContent)).toBe(`Edits (${count})`);
      expect(await view.$$eval('[data-testid="edit"]', (els) => els.length)).toBe(count);
      expect(await view.$eval('[data-testid="verdict"]', (e) => e.textContent)).toContain(` · ${count} edits`);
      // the popup, comparing by words as the full view does, says the same
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="verdict"]');
      expect(await until(() => popup.$eval('[data-testid="verdict"]', (e) => e.textContent ?? ''), (x) => / edits/.test(x), 20_000, 'the popup figures')).toContain(` · ${count} edits`);
      expect(await popup.$eval('[data-testid="popup-change-count"]', (e) => e.getAttribute('data-count'))).toBe(String(count));
      // a version reached "via" another keeps its title readable: the via line has a row of its own
      const widths = await popup.$eval('[data-testid="version"][data-relation="translation"]', (li) => ({ title: li.querySelector('.title')!.getBoundingClientRect().width, row: li.getBoundingClientRect().width, via: li.querySelector('.via') !== null }));
      expect(widths.via).toBe(true);
      expect(widths.title / widths.row).toBeGreaterThan(0.55);
      // at the popup's real size, one action shows the first change: changes only, with the edit list
      await popup.setViewport({ width: 695, height: 600 });
      await popup.click('[data-testid="popup-changes-only"]');
      await popup.waitForSelector('[data-testid="edits"]');
      const firstInPopup = await popup.$eval('[data-testid="edit"][data-stop="0"]', (e) => e.getAttribute('data-row'));
      const inView = await popup.$eval(`[data-testid="diff"] tr[data-row="${firstInPopup}"]`, (tr) => {
        const r = tr.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight - 20;
      });
      expect(inView).toBe(true);
      expect(await popup.$$eval('[data-testid="edit"]', (els) => els.length)).toBe(count);
      await popup.click('[data-testid="popup-next-change"]');
      await until(() => popup.$eval('[data-testid="popup-change-count"]', (e) => e.textContent), (x) => x === `Change 1 of ${count}`, 5_000, 'the first change in the popup');
      await popup.close();

      // first screen: the first change is in view without scrolling
      const firstRow = await view.$eval('[data-testid="edit"][data-stop="0"]', (e) => e.getAttribute('data-row'));
      const place = await view.$eval(`[data-testid="diff"] tr[data-row="${firstRow}"]`, (tr) => ({ top: tr.getBoundingClientRect().top, scrolled: window.scrollY, height: window.innerHeight }));
      expect(place.scrolled).toBe(0);
      expect(place.top).toBeLessThan(place.height - 40);

      // n visits every counted edit once, in order down the table, its row and its list entry current
      const visited: string[] = [];
      for (let k = 0; k < count; k++) {
        await view.keyboard.press('n');
        const stop = await until(() => view.$eval('[data-testid="edit"][aria-current="true"]', (e) => e.getAttribute('data-stop')).catch(() => null), (x) => x === String(k), 5_000, `edit ${k + 1}`);
        const row = await view.$eval('[data-testid="edit"][aria-current="true"]', (e) => e.getAttribute('data-row'));
        expect(await currentRow(view)).toBe(row);
        visited.push(stop!);
      }
      expect(new Set(visited).size).toBe(count);
      expect(await view.$eval('[data-testid="current-change"]', (e) => e.textContent)).toBe(`Change ${count} of ${count}`);
      await view.keyboard.press('n');
      await until(() => view.$eval('[data-testid="current-change"]', (e) => e.textContent), (x) => x === `Change 1 of ${count}`, 5_000, 'the first edit again');
      // keys pressed faster than the view renders (a busy page, a quick reader) each step on from the
      // last, none lost: two presses in one task, so no render comes between them
      await view.evaluate(() => {
        for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
      });
      await until(() => view.$eval('[data-testid="current-change"]', (e) => e.textContent), (x) => x === `Change 3 of ${count}`, 5_000, 'two quick steps');

      // the URL names the comparison: opened again, it shows the same, on the same change
      await view.keyboard.press('n');
      await view.click('[data-testid="toggle-granularity"]');
      await until(() => view.$eval('[data-testid="toggle-granularity"]', (e) => e.getAttribute('aria-pressed')), (x) => x === 'false', 5_000, 'by characters');
      await view.waitForSelector('.table-area[data-granularity="char"] [data-testid="diff"] tbody tr', { timeout: 20_000 });
      const byChars = Number(await view.$eval('[data-testid="change-count"]', (e) => e.getAttribute('data-count')));
      await view.keyboard.press('n');
      const rowNow = await until(() => currentRow(view), (r) => r !== null, 5_000, 'a current row');
      const url = await view.evaluate(() => location.href);
      expect(url).toMatch(/[?&]g=char/);
      expect(url).toMatch(new RegExp(`#row-${rowNow}$`));
      const again = await b.openExtensionPage(url.slice(url.indexOf('compare.html')), '[data-testid="diff"][data-columns="2"] tbody tr');
      expect(await again.$eval('[data-testid="toggle-granularity"]', (e) => e.getAttribute('aria-pressed'))).toBe('false');
      expect(await until(() => again.$eval('[data-testid="change-count"]', (e) => Number(e.getAttribute('data-count'))), (x) => x === byChars, 20_000, 'the same count')).toBe(byChars);
      expect(await until(() => currentRow(again), (r) => r !== null, 5_000, 'the linked change')).toBe(rowNow);
      await again.close();
      await view.close();
    });

    it('keeps a full view’s address working after the page’s tab has moved on, and after it closed', async () => {
      const url = `${server.url}/reprint-002.html?kept=1`;
      const page = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      await until(() => b.badge(tabId), (t) => t !== '', 20_000, 'the badge');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en`, '[data-testid="diff"][data-columns="2"] tbody tr');
      const address = await until(() => view.evaluate(() => location.href), (h) => /[?&]v=\d+/.test(h), 5_000, 'the verdict’s time in the address');
      const count = await view.$eval('[data-testid="change-count"]', (e) => e.getAttribute('data-count'));
      const verdict = await view.$eval('[data-testid="verdict"]', (e) => e.textContent);
      await view.close();
      const reopen = async () => {
        const again = await b.openExtensionPage(address.slice(address.indexOf('compare.html')), '[data-testid="diff"][data-columns="2"] tbody tr');
        expect(await again.$eval('[data-testid="change-count"]', (e) => e.getAttribute('data-count'))).toBe(count);
        expect(await again.$eval('[data-testid="verdict"]', (e) => e.textContent)).toBe(verdict);
        await again.close();
      };
      // the tab goes to another page: its verdict is gone, the address still shows the reprint
      await page.goto(`${server.url}/unrelated.html`, { waitUntil: 'load' });
      await until(() => b.badge(tabId), (t) => t === '', 20_000, 'the badge to clear');
      await reopen();
      await page.close();
      await reopen();
    });

    it('says a worker error in the interface’s language', async () => {
      for (const [lang, words] of [['zh', '语料库中没有文章'], ['en', 'no article']] as const) {
        const view = await b.openExtensionPage(`compare.html?a=zzz999&b=000&lang=${lang}`, 'p.error');
        expect(await view.$eval('p.error', (e) => e.textContent)).toContain(words);
        await view.close();
      }
    });

    it('shows a commentary quoting two paragraphs as two quotations beside their source, no sentence dropped', async () => {
      const tabId = await analysedTab('commentary-000.html');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en`, '[data-testid="diff"][data-columns="2"] tbody tr');
      expect(await until(() => view.$eval('[data-testid="verdict"]', (e) => e.textContent ?? ''), (x) => /passages/.test(x), 20_000, 'the verdict figures')).toMatch(/excerpt of .* · quotes 2 passages \(\d+% of it\)/);
      const rows = (await rowsOf(view)).filter((r) => r.kind !== 'edit');
      expect(rows.map((r) => r.kind)).toEqual([expect.stringMatching(/^(equal|changed)$/), expect.stringMatching(/^(equal|changed)$/)]);
      expect(rows[0]!.text).toContain('南京智能计算中心');
      expect(rows[1]!.text).toContain('北京城市副中心政务服务中心');
      expect(await view.$$eval('[data-testid="edit"]', (els) => els.map((e) => e.getAttribute('data-type')))).not.toContain('sentence-deleted');
      // the popup reads it the same way
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="diff"] tbody tr');
      expect(await popup.$$eval('[data-testid="diff"] tbody tr', (trs) => trs.filter((tr) => tr.getAttribute('data-kind') !== 'edit').length)).toBe(2);
      expect(await popup.$$eval('[data-testid="diff"] del', (d) => d.length)).toBe(0);
      await popup.close();
      await view.close();
    });

    it('shows a moved paragraph at both ends, each linking to the other', async () => {
      const tabId = await analysedTab('moved-000.html');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en`, '[data-testid="diff"][data-columns="2"] tbody tr');
      const to = await view.waitForSelector('[data-testid="move-to"]', { timeout: 20_000 });
      const target = await to!.evaluate((a) => a.getAttribute('href'));
      expect(target).toMatch(/^#row-\d+$/);
      // the paragraph at its new place, with a link back to where it was
      const moved = await view.$eval(`tr${target}`, (tr) => ({ kind: tr.getAttribute('data-kind'), text: tr.textContent ?? '' }));
      expect(moved.kind).toBe('moved');
      expect(moved.text).toContain('城市是数字经济发展的主要载体');
      const back = await view.$eval(`tr${target} [data-testid="move-from"]`, (a) => ({ href: a.getAttribute('href'), text: a.textContent }));
      expect(back.text).toMatch(/^moved from ¶\d+ to ¶\d+$/);
      // the old place is above the new one, and says where the paragraph went
      const order = await view.evaluate((from, to) => document.querySelector(from)!.compareDocumentPosition(document.querySelector(to)!) & Node.DOCUMENT_POSITION_FOLLOWING, back.href!, `tr${target}`);
      expect(order).toBeTruthy();
      expect(await view.$eval(`${back.href} [data-testid="move-to"]`, (a) => a.textContent)).toMatch(/↓ ¶\d+ moved to ¶\d+, after/);
      // the edit says from where to where
      expect(await view.$eval('[data-testid="edit"][data-type="paragraph-moved"]', (e) => e.textContent)).toContain(back.text!);
      await view.close();

      // three columns (the family has a translation): the same two ends, linked
      const three = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en&three=1`, '[data-testid="diff"][data-columns="3"] [data-testid="move-to"]');
      const target3 = await three.$eval('[data-testid="move-to"]', (a) => a.getAttribute('href'));
      expect(await three.$eval(`tr${target3}`, (tr) => tr.getAttribute('data-kind'))).toBe('moved');
      const back3 = await three.$eval(`tr${target3} [data-testid="move-from"]`, (a) => a.getAttribute('href'));
      expect(await three.$eval(`${back3} [data-testid="move-to"]`, (a) => a.getAttribute('href'))).toBe(target3);
      await three.close();
    });

    it('shows a reprint beside its original and translation, moves between changes, folds noise and exports', async () => {
      const tabId = await analysedTab('reprint-002.html');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en&three=1`, '[data-testid="diff"][data-columns="3"] tbody tr');
      // the page-derived names in the labels are bidi-isolated (U+2068 … U+2069): read past the isolates
      const heads = (await view.$$eval('[data-testid="diff"] thead th', (ths) => ths.map((th) => th.textContent ?? ''))).map((x) => x.replace(/[\u2068\u2069]/g, ''));
      expect(heads).toHaveLength(3);
      expect(heads[0]).toMatch(/^Original · 光明网 · 2022-04-25/);
      expect(heads[1]).toMatch(/This page/);
      expect(heads[2]).toMatch(/^Translation/);
      const rows = await rowsOf(view);
      expect(rows.length).toBeGreaterThan(10);
      // the translation column carries the English text of the original's paragraphs
      expect(rows.some((r) => r.text.includes('南京') && r.text.includes('Nanjing'))).toBe(true);
      // the timeline names the original
      expect(await view.$eval('[data-testid="timeline-entry"][data-role="original"]', (e) => e.getAttribute('data-doc-id'))).toMatch(/^000/);

      // next change: a row with an edit becomes current, then the next edit down the table
      expect(await currentRow(view)).toBeNull();
      const total = Number(await view.$eval('[data-testid="edits"]', (e) => e.getAttribute('data-count')));
      expect(await view.$eval('[data-testid="change-count"]', (e) => e.getAttribute('data-count'))).toBe(String(total));
      await view.click('[data-testid="next-change"]');
      const first = await until(() => currentRow(view), (r) => r !== null, 5_000, 'a current row');
      expect(await view.$eval(`[data-testid="diff"] tr[data-row="${first}"]`, (tr) => tr.getAttribute('data-changed') ?? tr.getAttribute('data-kind'))).toMatch(/^(true|edit)$/);
      await view.keyboard.press('n');
      expect(await until(() => view.$eval('[data-testid="current-change"]', (e) => e.textContent), (x) => x === `Change 2 of ${total}`, 5_000, 'the second edit')).toBe(`Change 2 of ${total}`);

      // folding: 002 retyped 000's full-width commas as half-width ones; folded, such rows are equal
      const nanjing = (rs: Awaited<ReturnType<typeof rowsOf>>) => rs.find((r) => r.text.startsWith('南京作为长三角'))!;
      expect(await view.$eval('[data-testid="toggle-fold"]', (e) => e.getAttribute('aria-pressed'))).toBe('true');
      expect(nanjing(rows).kind).toBe('equal');
      const changedFolded = rows.filter((r) => r.kind === 'changed').length;
      await view.click('[data-testid="toggle-fold"]');
      await until(() => view.$eval('[data-testid="toggle-fold"]', (e) => e.getAttribute('aria-pressed')), (p) => p === 'false', 5_000, 'the toggle');
      const unfolded = await until(() => rowsOf(view), (rs) => nanjing(rs)?.kind === 'changed', 20_000, 'the unfolded comparison');
      expect(unfolded.filter((r) => r.kind === 'changed').length).toBeGreaterThan(changedFolded);
      await view.click('[data-testid="toggle-fold"]');
      await until(() => rowsOf(view), (rs) => nanjing(rs)?.kind === 'equal', 20_000, 'the folded comparison again');

      // exports: the JSON the CLI prints (two comparisons with three versions shown), Markdown, HTML
      await recordBlobs(view);
      await view.click('[data-testid="export-json"]');
      await view.waitForSelector('[data-testid="last-export"][data-kind="json"]');
      const json = JSON.parse(await lastBlob(view));
      expect(json).toHaveLength(2);
      expect(json[0].a.id).toMatch(/^000/);
      expect(json[0].crossLanguage).toBe(false);
      expect(json[1].crossLanguage).toBe(true);
      expect(json[0].edits.map((e: { type: string }) => e.type)).toContain('phrase-deleted');
      const bytes = Number(await view.$eval('[data-testid="last-export"]', (e) => e.getAttribute('data-bytes')));
      expect(bytes).toBe(new TextEncoder().encode(JSON.stringify(json, null, 2) + '\n').length);
      await view.click('[data-testid="export-md"]');
      await view.waitForSelector('[data-testid="last-export"][data-kind="md"]');
      const md = await lastBlob(view);
      expect(md).toMatch(/^# What changed between two versions/);
      expect(md).toContain('~~全球领先的~~');
      await view.click('[data-testid="export-html"]');
      await view.waitForSelector('[data-testid="last-export"][data-kind="html"]');
      const html = await lastBlob(view);
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain('<del>全球领先的</del>');
      expect(html.match(/<table>/g)).toHaveLength(2);
      await view.close();
    });

    it('shows a translation page as the third column, with its number disagreement among the edits', async () => {
      const tabId = await analysedTab('translation-001.html');
      const view = await b.openExtensionPage(`compare.html?tab=${tabId}&lang=en`, '[data-testid="diff"][data-columns="3"] tbody tr');
      // the page-derived names in the labels are bidi-isolated (U+2068 … U+2069): read past the isolates
      const heads = (await view.$$eval('[data-testid="diff"] thead th', (ths) => ths.map((th) => th.textContent ?? ''))).map((x) => x.replace(/[\u2068\u2069]/g, ''));
      expect(heads[0]).toMatch(/^Original · 光明网/);
      expect(heads[1]).toMatch(/^Version · 博舍/);
      expect(heads[2]).toMatch(/^Translation · This page \(/);
      // 80亿亿 became "8 billion": shown as a disagreement and listed among the edits
      expect(await view.$$eval('.numbers .disagree', (els) => els.map((e) => e.textContent ?? ''))).toEqual(
        expect.arrayContaining([expect.stringMatching(/80亿亿 ↔ 8 billion/)]),
      );
      const mismatch = await view.$('[data-testid="edit"][data-type="number-mismatch"] button');
      expect(mismatch).not.toBeNull();
      const row = await view.$eval('[data-testid="edit"][data-type="number-mismatch"]', (e) => e.getAttribute('data-row'));
      await mismatch!.click();
      await until(() => currentRow(view), (r) => r === row, 5_000, 'the edit’s row to become current');
      expect(await view.$eval(`[data-testid="diff"] tr[data-row="${row}"]`, (tr) => tr.textContent ?? '')).toContain('80亿亿');

      // choosing one version shows two columns: it beside the page (the family box opens on demand)
      expect(await view.$eval('details.family', (d) => (d as HTMLDetailsElement).open)).toBe(false);
      await view.click('details.family > summary');
      await view.click('[data-testid="version"][data-relation="translation"]');
      await view.waitForSelector('[data-testid="diff"][data-columns="2"] tbody tr', { timeout: 20_000 });
      expect(await view.$eval('[data-testid="toggle-three"]', (e) => e.getAttribute('aria-pressed'))).toBe('false');
      await recordBlobs(view);
      await view.click('[data-testid="export-json"]');
      await view.waitForSelector('[data-testid="last-export"][data-kind="json"]');
      const one = JSON.parse(await lastBlob(view));
      expect(one.crossLanguage).toBe(true); // one Comparison, as the CLI prints it
      expect(one.b.lang).toBe('en');
      await view.close();
    });

    it('keeps an off-topic page in the reader’s corpus and matches it when visited again', async () => {
      const url = `${server.url}/unrelated.html`;
      const page = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="add-to-corpus"]');
      expect(await b.badge(tabId)).toBe('');
      await popup.click('[data-testid="add-to-corpus"]');
      expect(await popup.waitForSelector('[data-testid="corpus-status"]', { timeout: 20_000 }).then((e) => e!.evaluate((x) => x.textContent))).toMatch(/Added to your corpus/);
      await popup.close();

      await page.reload({ waitUntil: 'load' });
      expect(await until(() => b.badge(tabId), (t) => t === '1', 20_000, 'the badge after reload')).toBe('1');
      if (name === 'chromium') {
        // a new worker reads the kept article back from IndexedDB (and its compiled part, from userChunks)
        await b.stopWorkers(page);
        // a tab of its own, so that no verdict or badge from before the stop can answer
        // (the same address: an off-topic page is looked at again only where it was kept)
        const fresh = await b.openPage(url);
        const freshTab = await until(
          async () => (await b.inExtension<number[]>(`async (b) => (await b.tabs.query({})).filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id)`)).find((id) => id !== tabId) ?? 0,
          (id) => id > 0,
          10_000,
          'the new tab',
        );
        expect(await until(() => b.badge(freshTab), (t) => t === '1', 30_000, 'the badge after the worker stopped')).toBe('1');
        await fresh.close();
      }
      // and in a tab of its own
      const again = await b.openPage(url);
      const tabs = await b.inExtension<number[]>(`async (b) => (await b.tabs.query({})).filter((t) => t.url === ${JSON.stringify(url)}).map((t) => t.id)`);
      const newTab = tabs.find((id) => id !== tabId)!;
      expect(await until(() => b.badge(newTab), (t) => t === '1', 20_000, 'the badge of the new tab')).toBe('1');
      const popup2 = await b.openExtensionPage(`popup.html?tab=${newTab}&lang=en`, '[data-testid="version"]');
      const versions = await popup2.$$eval('[data-testid="version"]', (els) => els.map((e) => [e.getAttribute('data-doc-id'), e.getAttribute('data-relation')]));
      expect(versions).toEqual([[expect.stringMatching(/^user-[0-9a-f]{16}$/), 'same']]);
      expect(await popup2.$('[data-testid="add-to-corpus"]')).toBeNull(); // already kept
      await popup2.close();
      await again.close();

      // the options page lists it and removes it
      const options = await b.openExtensionPage('options.html?lang=en', '[data-testid="user-doc"]');
      expect(await options.$$eval('[data-testid="user-doc"]', (els) => els.map((e) => e.textContent ?? ''))).toEqual([expect.stringContaining('Harbour town bakery')]);
      await options.click('[data-testid="user-doc"] button');
      await options.waitForSelector('[data-testid="options-status"]');
      expect(await options.$$('[data-testid="user-doc"]')).toHaveLength(0);
      await options.close();
      await page.close();
    });
  });
}
