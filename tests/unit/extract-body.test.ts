// The body as a reader would cut it from old and odd markup: hard-wrapped text (a <br> every 38
// characters, as old BBS posts and magazine archives carry it) joined back into paragraphs while
// typeset text is left as it is; paragraphs in one unclosed <p> of <br> lines taken once; an author's
// profile after the article left out; a table of figures read a row to a line.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import { joinHardWraps, wrapWidth } from '../../src/extract/body/paragraphs';
import { corpusDoc } from '../fixtures/translation/corpus';

/** `text` cut every `width` characters, as a fixed-width mailer would. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}

const doc = corpusDoc('000');
const long = doc.paragraphs.filter((p) => p.length > 80);

describe('hard-wrapped Chinese text', () => {
  const wrapped = long.flatMap((p) => wrap(p, 38));

  it('is joined back into the paragraphs it was cut from', () => {
    expect(wrapWidth(wrapped)).toBeGreaterThan(0);
    expect(joinHardWraps(wrapped)).toEqual(long);
  });

  it('is read as an article with whole paragraphs from a page of <br> lines', () => {
    const html = `<html><head><title>${doc.title}</title></head><body><h1>${doc.title}</h1><p>${wrapped.join('<br>\n')}</p></body></html>`;
    const r = extractArticle(parseHtml(html));
    expect(r.isArticle, r.reasons.join('; ')).toBe(true);
    expect(r.article.paragraphs).toEqual(long);
  });
});

describe('typeset text', () => {
  it.each(['000', '001', '002', '003', '004'])('corpus article %s is left as it is', (id) => {
    const ps = corpusDoc(id).paragraphs;
    expect(wrapWidth(ps)).toBe(0);
    expect(joinHardWraps(ps)).toEqual(ps);
  });

  it('a list of short lines of one length is not wrapped text', () => {
    const items = Array.from({ length: 10 }, (_, i) => `第${i + 1}项：某某区政务服务中心办事指南`);
    expect(joinHardWraps(items)).toEqual(items);
  });
});

describe('a body of <br> lines in unclosed <p> elements', () => {
  // one <p> left open runs on over the rest of the article: Readability splits it at each <br>, and
  // the body must not get it a second time as a part "left out"
  const [first, ...rest] = doc.paragraphs;
  const html = `<html><head><title>${doc.title}</title></head><body><table><tr><td><h1>${doc.title}</h1>
    <p>${first}<br><br>${rest.join('<br><br>\n')}</td></tr></table></body></html>`;

  it('is read once, in order', () => {
    const r = extractArticle(parseHtml(html));
    expect(r.article.paragraphs).toEqual(doc.paragraphs);
  });
});

describe('an author profile after the article', () => {
  it('is not taken as the article\'s last part', () => {
    // nested below the article's parent, where Readability does not look but the body's extension does
    const bio = '<div class="post-bottom"><div class="author-profile"><p>Freelance writer in Berlin and chair of a society that invites readers to talks on philosophy and literature every month.</p></div></div>';
    const html = `<html><head><title>${doc.title}</title></head><body><article><h1>${doc.title}</h1>${doc.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>${bio}</body></html>`;
    expect(extractArticle(parseHtml(html)).article.paragraphs).toEqual(doc.paragraphs);
  });
});

describe('a table of figures in the article', () => {
  // a statistics bulletin: 60 rows of figures after the text, longer than any list of short items
  const rows = Array.from({ length: 60 }, (_, i) => [`${2000 + i}年`, `${(i * 1.7).toFixed(1)}万`, `${i % 13}%`]);
  const table = `<table><tr><th>年份</th><th>用户</th><th>增长</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  const html = `<html><head><title>${doc.title}</title></head><body><article><h1>${doc.title}</h1>${doc.paragraphs.map((p) => `<p>${p}</p>`).join('')}${table}</article></body></html>`;

  it('is read a row to a line, across, and kept whole', () => {
    const paragraphs = extractArticle(parseHtml(html)).article.paragraphs;
    expect(paragraphs.slice(0, doc.paragraphs.length)).toEqual(doc.paragraphs);
    expect(paragraphs.slice(doc.paragraphs.length)).toEqual(['年份\t用户\t增长', ...rows.map((r) => r.join('\t'))]);
  });

  it('but a table that lays out the page keeps each block a paragraph of its own', () => {
    const layout = `<html><head><title>${doc.title}</title></head><body><table><tr><td><a href="/">首页</a></td><td><h1>${doc.title}</h1>${doc.paragraphs.map((p) => `<p>${p}</p>`).join('')}</td></tr></table></body></html>`;
    const paragraphs = extractArticle(parseHtml(layout)).article.paragraphs;
    expect(paragraphs.slice(-doc.paragraphs.length)).toEqual(doc.paragraphs);
    expect(paragraphs.filter((p) => p.includes('\t'))).toEqual([]);
  });
});
