// Saved pages are parsed as browsers parse them (src/cli/conforming-dom.ts): each row is markup
// linkedom's own parser read otherwise, with what Chromium and Firefox make of it. The same pages
// through the extension in both browsers: tests/browser/cli-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';

const BODY = '<p>国务院办公厅印发《关于加快推进政务服务标准化规范化便利化的指导意见》，要求各地区各部门推进政务服务事项全国统一，提升网上办事水平。</p>';

const CASES: Array<[string, string, (d: Document) => void]> = [
  [
    'IE conditional comments around <html> are comments',
    `<!DOCTYPE html>\n<!--[if IE 7 ]><html class="ie ie7" lang="en"> <![endif]-->\n<!--[if (gte IE 9)|!(IE)]><!--><html lang="en"> <!--<![endif]-->\n<head><title>T</title></head><body>${BODY}</body></html>`,
    (d) => {
      expect(d.documentElement.getAttribute('lang')).toBe('en');
      expect(d.documentElement.hasAttribute('class')).toBe(false);
      expect(d.title).toBe('T');
      expect(d.body.textContent).toContain('政务服务');
    },
  ],
  [
    'text before <html> opens the body and the <HEAD> title follows it there',
    `<text id="x">\n<HTML><HEAD><TITLE>投身外交</TITLE></HEAD><BODY>${BODY}</BODY></HTML>`,
    (d) => {
      expect(d.querySelectorAll('html')).toHaveLength(1);
      expect(d.body.querySelector('title')?.textContent).toBe('投身外交');
      expect(d.body.textContent).toContain('政务服务');
    },
  ],
  [
    'a PHP warning before the page',
    `<br />\n<b>Warning</b>: Undefined variable $x in <b>/var/www/a.php</b> on line <b>3</b><br />\n<!DOCTYPE html><html><head><title>标题</title></head><body><article>${BODY}</article></body></html>`,
    (d) => {
      expect(d.body.querySelector('article')?.textContent).toContain('政务服务');
      expect(d.body.textContent).toContain('Warning');
    },
  ],
  [
    'no <html>, <head> or <body> at all',
    `<title>标题</title><meta name="author" content="张三">${BODY}`,
    (d) => {
      expect(d.head.querySelector('title')?.textContent).toBe('标题');
      expect(d.head.querySelector('meta[name="author"]')).not.toBeNull();
      expect(d.body.querySelector('p')?.textContent).toContain('政务服务');
    },
  ],
  [
    'stray NULs in text are dropped, as browsers drop them',
    `<html><body><p>政务\u0000服务</p></body></html>`,
    (d) => expect(d.querySelector('p')?.textContent).toBe('政务服务'),
  ],
  [
    'a <div> inside <p> closes the paragraph',
    '<body><p>第一段<div>块</div>尾</body>',
    (d) => {
      expect(d.querySelector('p')?.textContent).toBe('第一段');
      expect(d.querySelector('p div')).toBeNull();
    },
  ],
  [
    'text a table does not allow is moved out in front of it',
    '<body><table>stray<tr><td>格</td></tr></table></body>',
    (d) => {
      expect(d.body.firstChild?.textContent).toBe('stray');
      expect(d.querySelector('table')?.textContent).toBe('格');
    },
  ],
  [
    'attributes keep the page order and a second <body> tag adds only new ones',
    '<html><body class="a" id="b"><body class="c" data-x="1"><p>x</p></body></html>',
    (d) => {
      expect(Array.from(d.body.attributes, (a) => `${a.name}=${a.value}`).sort()).toEqual(['class=a', 'data-x=1', 'id=b']);
      expect(d.body.getAttributeNames().filter((n) => n !== 'data-x')).toEqual(['class', 'id']);
    },
  ],
  [
    "a template's content is not part of the page",
    `<body><template><p>模板</p></template>${BODY}</body>`,
    (d) => expect(d.body.textContent).not.toContain('模板'),
  ],
  [
    "an SVG icon's <title> is not the page's title",
    '<head></head><body><svg><title>图标</title><foreignObject><p>x</p></foreignObject></svg><p>正文</p></body>',
    (d) => {
      expect(d.querySelector('svg')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(d.querySelector('svg p')?.textContent).toBe('x');
      expect(d.title).toBe('');
    },
  ],
];

describe('saved pages are parsed as browsers parse them', () => {
  it.each(CASES)('%s', (_name, html, check) => check(parseHtml(html)));

  it('an article after a PHP warning and without <html> is still found', () => {
    for (const html of [CASES[2]![1], CASES[3]![1]]) {
      const r = extractArticle(parseHtml(html));
      expect(r.article.paragraphs.join('')).toContain('政务服务事项全国统一');
    }
  });

  it('parses a page nested 20,000 elements deep, past where browsers stop nesting, without running out of stack', () => {
    const html = `<body>${'<div>'.repeat(20_000)}<p>深</p>${'</div>'.repeat(20_000)}</body>`;
    expect(parseHtml(html).querySelector('p')?.textContent).toBe('深');
  });
});
