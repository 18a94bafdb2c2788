// The CLI reads a saved page as the installed extension reads it in a browser: real pages of
// ../shared/pages (one in ten of each set, sorted by name: a fixed sample), served to Chromium and
// Firefox ESR with the extension installed, go through its path (the page copy in slices, the
// worker's extraction), and the article must be the one `extract` gives on the same bytes: title,
// paragraphs, date, byline, and whether it is an article at all. The pages are served as the
// browser's own decoding of them (utf-8, declared in the header) and with a policy that runs none
// of their scripts, loads nothing and applies no style sheet, only style attributes: the CLI runs
// no script and has no layout (it knows what an element's own hidden attribute and style say, not
// what a site's CSS hides: CNN's "Read More" button, a WeChat profile card), so any difference
// left is how the two read the markup.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from '../../src/cli/html';
import { extractBounded } from '../../src/extract/from-snapshot';
import { launch, SHARED, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const DATA = path.join(SHARED, 'pages/data');
const present = existsSync(DATA);
const SETS = ['zh-portals', 'zh-cwced', 'zh-libtests', 'zh-trafilatura', 'en-trafilatura', 'en-scrapinghub'];
const EVERY = 10;

/** The sample: [set/name, the page as the browser decodes it]. */
function sample(): [string, string][] {
  if (!present) return [];
  return SETS.flatMap((set) =>
    readdirSync(path.join(DATA, set, 'pages'))
      .filter((f) => f.endsWith('.html.gz'))
      .sort()
      .filter((_, i) => i % EVERY === 0)
      .map((f): [string, string] => [`${set}/${f.slice(0, -'.html.gz'.length)}`, decodeHtml(gunzipSync(readFileSync(path.join(DATA, set, 'pages', f)))).html]),
  );
}

interface Seen {
  title: string;
  paragraphs: string[];
  published: string | null;
  byline: string | null;
  isArticle: boolean;
}
const seen = (r: { article: { title: string; paragraphs: string[]; published: string | null; byline: string | null }; isArticle: boolean }): Seen => ({
  title: r.article.title,
  paragraphs: r.article.paragraphs,
  published: r.article.published,
  byline: r.article.byline,
  isArticle: r.isArticle,
});

const pages = sample();

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name) ?? (present ? null : `${DATA} not found`);
  describe.skipIf(skip !== null)(`the CLI and the extension in ${name} read a page alike`, () => {
    let b: ExtensionBrowser;
    let server: Server;
    let base = '';
    const served = new Map(pages.map(([id, html]) => [`/${id}.html`, html]));
    beforeAll(async () => {
      server = createServer((req, res) => {
        const html = served.get(new URL(req.url ?? '/', 'http://x').pathname);
        if (html === undefined) {
          res.writeHead(404).end();
          return;
        }
        // no script of the page runs, nothing is loaded, no <style> applies; style attributes do
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src-attr 'unsafe-inline'" });
        res.end(html);
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      b = await launch(name);
    });
    afterAll(async () => {
      await b?.close();
      await new Promise((ok) => server?.close(ok));
    });

    it.each(pages.map(([id]) => [id]))('%s', async (id) => {
      const html = served.get(`/${id}.html`)!;
      const cli = seen(await extractBounded(parseHtml(html)));
      const url = `${base}/${id}.html`;
      const page = await b.openPage(url, 60_000);
      const tabId = await until(() => b.tabIdOf(url), (t) => t > 0, 10_000, 'the tab');
      // asked for, as the popup's button asks: most of these pages are not on the extension's topic
      await b.inExtension(`async (b) => b.runtime.sendMessage({ rl: 1, name: 'analyseTab', args: [${tabId}] })`);
      type V = { status: string; extraction?: Parameters<typeof seen>[0] } | null;
      const v = await until(
        () => b.inExtension<V>(`async (b) => (await b.runtime.sendMessage({ rl: 1, name: 'getVerdict', args: [${tabId}] })).value`),
        (x) => x?.status === 'done' || x?.status === 'error',
        60_000,
        `the verdict on ${id}`,
      );
      await page.close();
      expect(v?.extraction, `no extraction (${v?.status})`).toBeDefined();
      expect(seen(v!.extraction!)).toEqual(cli);
    }, 120_000);
  });
}
