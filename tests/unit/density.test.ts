// The densest stretch of a page's text (src/extract/body/density.ts): where an article's body is
// when the markup does not say (<section><span>, <td> and <br>, <font>), as the article gate and the
// fallback body read it. Pages are built from the bundled original (000) in the layouts real
// portals use, with their navigation, link lists and footers around it.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { bodyOrDensest, densestText, linesOf } from '../../src/extract/body/density';
import { extractBounded } from '../../src/extract/from-snapshot';
import { corpusDoc } from '../fixtures/translation/corpus';

const doc = corpusDoc('000');
const body = doc.paragraphs.filter((p) => p.length > 40);

const nav = `<div class="nav">${['首页', '新闻', '政务', '数字政府', '智慧城市', '专题', '视频', '图片'].map((t, i) => `<a href="/c/${i}">${t}</a>`).join(' | ')}</div>`;
const related = `<div class="related"><h3>相关新闻</h3><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">第${i}条：某市召开数字政府建设推进会部署下一阶段重点任务</a></li>`).join('')}</ul></div>`;
const footer = '<div class="foot">关于我们 | 联系我们 | 版权所有 © 某某网 | 京ICP备00000000号</div>';
const page = (article: string): string =>
  `<html><head><title>${doc.title}_某某网</title></head><body>${nav}<h1>${doc.title}</h1><div class="info">2022-04-25 10:56 来源：光明网</div>${article}${related}${footer}</body></html>`;

const layouts: [string, string][] = [
  ['WeChat-style <section><span>', `<div id="js_content">${body.map((p) => `<section><span>${p}</span></section>`).join('')}</div>`],
  ['one <td> of <br> lines', `<table><tr><td class="t">${body.join('<br><br>')}</td></tr></table>`],
  ['<font> and <br>', `<div><font size="3">${body.map((p) => `<font>${p}</font><br>`).join('')}</font></div>`],
  ['<li> per paragraph', `<ul class="article">${body.map((p) => `<li>${p}</li>`).join('')}</ul>`],
];

describe('the densest run of a page', () => {
  it('counts the link text of each line', () => {
    const lines = linesOf(parseHtml('<p>见<a href="/x">相关报道</a>一文</p><p><a href="/y">更多</a></p>').body);
    expect(lines).toEqual([
      { text: '见相关报道一文', links: 4 },
      { text: '更多', links: 2 },
    ]);
  });

  it.each(layouts)('is the article body in %s, without the menu, the link list or the footer', (_, article) => {
    expect(densestText(parseHtml(page(article)).body)).toEqual(body);
  });

  it('leaves out a line of links between two paragraphs', () => {
    const html = page(`<div>${body.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}<p><a href="/z">点击查看数字政府专题报道合集</a></p>${body.slice(3).map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(densestText(parseHtml(html).body)).toEqual(body);
  });

  it('is nothing on a page of links', () => {
    expect(densestText(parseHtml(`<html><body>${nav}${related}${footer}</body></html>`).body)).toEqual([]);
  });
});

describe('the fallback body', () => {
  const root = parseHtml(page(layouts[0]![1])).body;

  it("stands in for Readability's body when it found nothing or a caption's worth", () => {
    expect(bodyOrDensest([], root)).toEqual({ paragraphs: body, dense: true });
    expect(bodyOrDensest(['图为会议现场。'], root)).toEqual({ paragraphs: body, dense: true });
  });

  it('never replaces a body of its own size', () => {
    const found = body.slice(0, 2);
    expect(bodyOrDensest(found, root)).toEqual({ paragraphs: found, dense: false });
  });

  it('is not taken from a page without a story in it', () => {
    const thin = parseHtml(`<html><body>${nav}<p>${body[0]}</p>${related}</body></html>`).body;
    expect(bodyOrDensest([], thin)).toEqual({ paragraphs: [], dense: false });
  });
});

describe('the article gate reads what extraction found', () => {
  it.each(layouts)('a story in %s is an article with its paragraphs, though Readability finds no <p> in it', async (_, article) => {
    const r = await extractBounded(parseHtml(page(article)));
    expect(r.isArticle, r.reasons.join('; ')).toBe(true);
    // the body is Readability's: with <font> lines it runs on into the footer's one line
    expect(r.article.paragraphs.slice(0, body.length)).toEqual(body);
    expect(r.article.paragraphs.length).toBeLessThanOrEqual(body.length + 1);
  });

  it('a list of posts, each a linked title, a snippet and a line of figures, is not an article', async () => {
    const posts = body
      .slice(0, 8)
      .map((p, i) => `<li><a href="/p/${i}">帖子标题第${i}条讨论</a><div>${p.slice(0, 60)}</div><div><a href="/u/${i}">用户${i}</a> 回复 ${i * 7} 2022-04-2${i}</div></li>`)
      .join('');
    const r = await extractBounded(parseHtml(`<html><head><title>数字政府吧</title></head><body>${nav}<ul class="threads">${posts}</ul>${footer}</body></html>`));
    expect(r.isArticle).toBe(false);
    expect(r.reasons.length).toBeGreaterThan(0);
  });
});
