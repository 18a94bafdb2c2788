// Fixtures shared by the extraction, topic and precheck tests: the 30 real-world pages with their
// labels, and the five corpus articles read with a deliberately simple parser (front matter and
// tags stripped), also rendered as plain news pages.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeHtml, parseHtml } from '../../src/cli/html';

export const SHARED = path.resolve(__dirname, '../../../shared');
const REALWORLD = path.join(SHARED, 'realworld');
const CORPUS = path.join(SHARED, 'corpus');

export interface Label {
  name: string;
  lang: string;
  topic: boolean;
  is_article: boolean;
  title: string;
}

export interface Expected {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export const labels: Label[] = JSON.parse(readFileSync(path.join(REALWORLD, 'labels.json'), 'utf8'));

export function realworldBytes(name: string): Uint8Array {
  return readFileSync(path.join(REALWORLD, name, 'source.html'));
}

export function realworldDoc(name: string): Document {
  return parseHtml(decodeHtml(realworldBytes(name)).html);
}

export function expected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(REALWORLD, name, 'expected-metadata.json'), 'utf8'));
}

export const corpusStems: string[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

/** A corpus article: title from front matter (else the first line), paragraphs with tags stripped. */
export function corpusArticle(stem: string): { title: string; paragraphs: string[] } {
  const raw = readFileSync(path.join(CORPUS, `${stem}.txt`), 'utf8');
  const fm = /^\s*---\n([\s\S]*?)\n---\n/.exec(raw);
  const body = fm ? raw.slice(fm.index + fm[0].length) : raw;
  const lines = body
    .replace(/<\/(?:p|div|h\d|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const fmTitle = fm ? /^title:\s*['"]?(.*?)['"]?\s*$/m.exec(fm[1]!)?.[1] : undefined;
  return fmTitle ? { title: fmTitle, paragraphs: lines } : { title: lines[0] ?? '', paragraphs: lines.slice(1) };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A corpus article as a news page with site chrome around it, the way a reader would meet it. */
export function corpusPage(stem: string): string {
  const { title, paragraphs } = corpusArticle(stem);
  const zh = /[\u4e00-\u9fff]/.test(title);
  return `<!DOCTYPE html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<div class="nav"><a href="/">${zh ? '首页' : 'Home'}</a> <a href="/news">${zh ? '新闻' : 'News'}</a> <a href="/tech">${zh ? '科技' : 'Tech'}</a></div>
<div class="main"><h1>${esc(title)}</h1><div class="content">${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></div>
<div class="footer">Copyright</div></body></html>`;
}
