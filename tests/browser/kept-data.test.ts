// The reader's kept articles in real Chromium and Firefox ESR. What earlier versions kept in
// storage.local is written there by hand, damaged (one half-written article, one that is not an
// article at all), as if this version had never run: the worker moves it into IndexedDB, the options
// page must list what could not be read, the next "add this page" must keep it (set aside, not
// dropped), export gives it back as it was, and only the reader's confirmed "delete" removes it. A
// store made by a newer version is shown read-only and never moved, and a 200 MB import file gets a
// message naming the limit.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const KEPT = {
  title: 'A kept article that is still readable',
  byline: null,
  siteName: 'Example',
  published: '2024-05-01',
  url: 'https://example.com/kept',
  pageUrl: 'https://example.com/kept',
  lang: 'en',
  paragraphs: ['The first paragraph of an article the reader kept.', 'And its second paragraph.'],
  sourceLines: [],
  added: '2024-05-02T00:00:00.000Z',
};
const HALF_WRITTEN = { ...KEPT, title: 'Half-written article', paragraphs: [1, 2] };

const texts = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`kept data in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    let dir: string;
    beforeAll(async () => {
      server = await serve();
      b = await launch(name);
      dir = mkdtempSync(join(tmpdir(), 'rl-kept-'));
    });
    afterAll(async () => {
      await b?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const OPEN_DB = `await new Promise((ok, no) => { const q = indexedDB.open('reprint-lens'); q.onsuccess = () => ok(q.result); q.onerror = () => no(q.error); })`;
    /**
     * What an earlier version kept in storage.local, as if this version had never run: the records
     * are cleared (marker and all), then storage.local is set, which makes the worker read again.
     * A read of the worker's own still running (the options page that inExtension opens starts one)
     * is waited for first: finishing after the clear, it would write a marker of a store with
     * nothing moved, and the move that follows would then be one into an existing store.
     */
    const setOldStorage = (items: Record<string, unknown>) =>
      b.inExtension<void>(`async (b) => {
        const reply = await b.runtime.sendMessage({ rl: 1, name: 'userCorpus', args: [] });
        if (!reply || !reply.ok) throw new Error('the worker did not answer userCorpus: ' + JSON.stringify(reply));
        const db = ${OPEN_DB};
        if (db.objectStoreNames.contains('userMeta')) {
          const tx = db.transaction(['userDocs', 'userMeta'], 'readwrite');
          tx.objectStore('userDocs').clear();
          tx.objectStore('userMeta').clear();
          await new Promise((ok) => (tx.oncomplete = ok));
        }
        db.close();
        await b.storage.local.clear();
        await b.storage.local.set(${JSON.stringify(items)});
      }`);
    const storage = () => b.inExtension<Record<string, unknown>>(`async (b) => b.storage.local.get(null)`);
    /** The reader's records in IndexedDB. */
    const records = () =>
      b.inExtension<{ docs: Array<{ title: unknown }>; aside: { entries: Array<{ value: unknown }> } | undefined; marker: { moved?: { articles: number } } | undefined }>(`async () => {
        const db = ${OPEN_DB};
        const tx = db.transaction(['userDocs', 'userMeta']);
        const get = (r) => new Promise((ok) => (r.onsuccess = () => ok(r.result)));
        const out = { docs: await get(tx.objectStore('userDocs').getAll()), aside: await get(tx.objectStore('userMeta').get('setAside')), marker: await get(tx.objectStore('userMeta').get('marker')) };
        db.close();
        return out;
      }`);
    const EMPTY = { userCorpus: { format: 'reprint-lens-user-corpus', version: 1, docs: [] } };

    it('moves what an earlier version kept into IndexedDB, lists its damaged entries, keeps them through the next add, exports them, deletes them only when asked', async () => {
      await setOldStorage({ userCorpus: { format: 'reprint-lens-user-corpus', version: 1, docs: [KEPT, HALF_WRITTEN, 'not an article'] } });
      const options = await b.openExtensionPage('options.html?lang=en', '[data-testid="set-aside"]');
      // moved: the readable article is a record, the rest set aside beside it, storage.local emptied
      const moved = await records();
      expect(moved.docs.map((d) => d.title)).toEqual([KEPT.title]);
      expect(moved.aside?.entries.map((e) => e.value)).toEqual([HALF_WRITTEN, 'not an article']);
      expect(moved.marker?.moved?.articles).toBe(1);
      expect(await storage()).toEqual({});
      expect(await texts(options, '[data-testid="set-aside-articles"]')).toEqual([expect.stringMatching(/^2 articles could not be read/)]);
      expect(await texts(options, '[data-testid="set-aside-entry"]')).toEqual([expect.stringContaining('Half-written article'), expect.stringContaining('(no readable title)')]);
      expect(await texts(options, '[data-testid="user-doc"]')).toEqual([expect.stringContaining(KEPT.title)]);
      await options.close();

      // "add this page": the damaged entries are not dropped
      const url = `${server.url}/unrelated.html`;
      const page = await b.openPage(url);
      const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}&lang=en`, '[data-testid="add-to-corpus"]');
      await popup.click('[data-testid="add-to-corpus"]');
      expect(await popup.waitForSelector('[data-testid="corpus-status"]', { timeout: 20_000 }).then((e) => e!.evaluate((x) => x.textContent))).toMatch(/Added to your corpus/);
      await popup.close();
      await page.close();
      const stored = await records();
      expect(stored.aside?.entries.map((e) => e.value)).toEqual([HALF_WRITTEN, 'not an article']);
      expect(stored.docs).toHaveLength(2);

      const again = await b.openExtensionPage('options.html?lang=en', '[data-testid="set-aside"]');
      expect(await texts(again, '[data-testid="user-doc"]')).toEqual([expect.stringContaining(KEPT.title), expect.stringContaining('Harbour town bakery')]);
      expect(await again.$$('[data-testid="set-aside-entry"]')).toHaveLength(2);
      // export: the entries exactly as they were
      await again.evaluate(() => {
        const w = window as unknown as { blobs: Blob[] };
        w.blobs = [];
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (x: Blob | MediaSource) => (x instanceof Blob && w.blobs.push(x), create(x));
      });
      await again.click('[data-testid="export-set-aside"]');
      const exported = await until(() => again.evaluate(() => (window as unknown as { blobs: Blob[] }).blobs.at(-1)?.text() ?? null), (t) => t !== null, 5_000, 'the export');
      expect(JSON.parse(exported!).entries.map((e: { value: unknown }) => e.value)).toEqual([HALF_WRITTEN, 'not an article']);
      // delete: asks first; "keep them" keeps them
      await again.click('[data-testid="delete-set-aside"]');
      await again.click('[data-testid="keep-set-aside"]');
      expect(await again.$$('[data-testid="set-aside-entry"]')).toHaveLength(2);
      await again.click('[data-testid="delete-set-aside"]');
      await again.click('[data-testid="confirm-delete-set-aside"]');
      await again.waitForSelector('[data-testid="options-status"]');
      expect(await texts(again, '[data-testid="options-status"]')).toEqual(['Deleted 2 unreadable entries.']);
      expect(await again.$('[data-testid="set-aside"]')).toBeNull();
      expect(await texts(again, '[data-testid="user-doc"]')).toHaveLength(2);
      await again.close();
    });

    it('shows a store made by a newer version read-only, and changes nothing in it', async () => {
      const newer = { userCorpus: { format: 'reprint-lens-user-corpus', version: 2, docs: [KEPT, { body: 'a newer kind of entry' }] } };
      await setOldStorage(newer);
      const options = await b.openExtensionPage('options.html?lang=en', '[data-testid="newer-notice"]');
      expect(await texts(options, '[data-testid="newer-notice"]')).toEqual([expect.stringContaining('made by a newer version of Reprint Lens')]);
      expect(await texts(options, '[data-testid="user-doc"]')).toEqual([expect.stringContaining(KEPT.title)]);
      expect(await options.$eval('[data-testid="import-corpus"]', (e) => (e as HTMLButtonElement).disabled)).toBe(true);
      await options.close();
      // never moved, never written
      expect(await storage()).toEqual(newer);
      expect((await records()).docs).toEqual([]);
    });

    it('says what is wrong with a broken import file in the interface’s language', async () => {
      await setOldStorage(EMPTY);
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{"format": "reprint-lens-corpus",\n "docs": [hello]}');
      for (const [lang, expected] of [
        ['en', 'Nothing was imported: broken.json: the file is not JSON: it goes wrong at line 2, column 11 ("\u2068hello]}\u2069")'],
        ['zh', /^未导入任何内容：broken\.json: 文件不是有效的 JSON：第 2 行第 11 列出错（“\u2068hello]}\u2069”）$/],
      ] as const) {
        const options = await b.openExtensionPage(`options.html?lang=${lang}`, '[data-testid="import-file"]');
        const input = (await options.$('[data-testid="import-file"]'))!;
        await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
        const error = await options.waitForSelector('[data-testid="options-error"]', { timeout: 20_000 }).then((e) => e!.evaluate((x) => x.textContent));
        if (typeof expected === 'string') expect(error).toBe(expected);
        else expect(error).toMatch(expected);
        await options.close();
      }
      // an article that fails a check is named by its number and place in the file, in Chinese too
      writeFileSync(file, JSON.stringify({ format: 'reprint-lens-user-corpus', version: 1, docs: [{ title: 't', lang: 'zh', paragraphs: [] }] }));
      const options = await b.openExtensionPage('options.html?lang=zh', '[data-testid="import-file"]');
      await ((await options.$('[data-testid="import-file"]')) as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      const error = await options.waitForSelector('[data-testid="options-error"]', { timeout: 20_000 }).then((e) => e!.evaluate((x) => x.textContent));
      expect(error).toContain('第 1 篇文章（docs[0].paragraphs）没有文字');
      await options.close();
      expect((await records()).docs).toEqual([]);
    });

    it('refuses a 200 MB import file with a message naming the limit', async () => {
      await setOldStorage(EMPTY);
      const file = join(dir, 'big.json');
      // sparse: 200 MB long without writing 200 MB (it is refused by its size, before anything reads it)
      writeFileSync(file, '');
      truncateSync(file, 200_000_000);
      const options = await b.openExtensionPage('options.html?lang=en', '[data-testid="import-file"]');
      const input = (await options.$('[data-testid="import-file"]'))!;
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
      const error = await options.waitForSelector('[data-testid="options-error"]', { timeout: 20_000 }).then((e) => e!.evaluate((x) => x.textContent));
      expect(error).toBe('Nothing was imported: big.json: The file is 200 MB; at most 160 MB can be imported.');
      await options.close();
    });
  });
}
