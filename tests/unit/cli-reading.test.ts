// The command line reads a page as a browser does (issue 18): markup before <html> (a PHP warning,
// a wrapper element), no <html> at all, a few stray NUL bytes, an undeclared GBK page with one
// character cut in half. Each gives the article, never "no article body found", a refusal or
// mojibake. The real pages of ../shared/pages have all of these.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk } from '../fixtures/gbk';
import { corpusDoc } from '../fixtures/translation/corpus';

const CLI = path.resolve(__dirname, '../../dist/cli.mjs');
let dir = '';

function extract(file: string): Promise<{ code: number; json: { article: { title: string; paragraphs: string[] }; isArticle: boolean; charset?: string } | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, 'extract', path.join(dir, file), '--json'], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      let json = null;
      try {
        json = JSON.parse(stdout);
      } catch {
        // no JSON: the test says so
      }
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, json, stderr });
    });
  });
}

const doc = corpusDoc('000');
const TITLE = doc.title;
const BODY = doc.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
const HEAD = `<head><meta charset="utf-8"><title>${TITLE}</title></head>`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-cli-reading-'));
  writeFileSync(path.join(dir, 'php-warning.html'), `<br />\n<b>Warning</b>: include(ad.php): failed to open stream in <b>/var/www/news.php</b> on line <b>12</b><br />\n<!DOCTYPE html><html>${HEAD}<body><article><h1>${TITLE}</h1>${BODY}</article></body></html>`);
  writeFileSync(path.join(dir, 'wrapped.html'), `<text id="73" class="page">\n<html>${HEAD}<body><div id="content"><h1>${TITLE}</h1>${BODY}</div></body></html></text>`);
  writeFileSync(path.join(dir, 'no-html.html'), `${HEAD}<body><div class="article"><h1>${TITLE}</h1>${BODY}</div></body>`);
  writeFileSync(path.join(dir, 'fragment.html'), `<meta charset="utf-8"><title>${TITLE}</title>\n<div class="article"><h1>${TITLE}</h1>${BODY}</div>`);
  const page = Buffer.from(`<!DOCTYPE html><html>${HEAD}<body><article><h1>${TITLE}</h1>${BODY}</article></body></html>`);
  const withNuls = Buffer.concat([page.subarray(0, 400), Buffer.from([0, 0]), page.subarray(400, 900), Buffer.from([0]), page.subarray(900)]);
  writeFileSync(path.join(dir, 'nuls.html'), withNuls);
  // no declaration, GBK bytes, and the last character cut in half (a lead byte without its trail)
  const gb = gbk(`<html><head><title>${TITLE}</title></head><body><article><h1>${TITLE}</h1>${BODY}</article></body></html>`);
  writeFileSync(path.join(dir, 'gbk-cut.html'), Buffer.concat([gb, Buffer.from([0xd5])]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pages a browser reads, read alike', () => {
  it.each(['php-warning.html', 'wrapped.html', 'no-html.html', 'fragment.html', 'nuls.html', 'gbk-cut.html'])('%s: the article, its title and its paragraphs', async (file) => {
    const r = await extract(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json?.article.title).toBe(TITLE);
    expect(r.json?.isArticle).toBe(true);
    const text = r.json!.article.paragraphs.join('\n');
    // the body's text, whole: its first and last sentences are there
    expect(text).toContain(doc.paragraphs[0]!.slice(0, 30));
    expect(text).toContain(doc.paragraphs.at(-1)!.slice(-20));
  });

  it('still refuses a binary file', async () => {
    writeFileSync(path.join(dir, 'image.html'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n'), Buffer.alloc(400)]));
    const r = await extract('image.html');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/binary/);
  });
});
