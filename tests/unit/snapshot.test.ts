// The extension's extraction is two halves: the page is copied in slices (snapshotPage, in the
// page) and the article is extracted from the copy (extractFromSnapshot, in the background). The
// reader must get the same article the command-line tool extracts from the same page, however
// the work was sliced; the copy must be bounded, and inert: nothing in it can run or load.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml, readPage } from '../../src/cli/html';
import { extractArticle } from '../../src/extract/article';
import { extractFromSnapshot } from '../../src/extract/from-snapshot';
import { snapshotPage } from '../../src/extract/in-page/snapshot';

const ROOT = path.resolve(__dirname, '../..');
const REALWORLD = path.resolve(ROOT, '../shared/realworld');
const PAGES = [
  ...readdirSync(REALWORLD, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => [d.name, path.join(REALWORLD, d.name, 'source.html')]),
  ...readdirSync(path.join(ROOT, 'tests/fixtures/pages')).map((f) => [f, path.join(ROOT, 'tests/fixtures/pages', f)]),
];
const URL_ = 'https://news.example/article';

describe('snapshot, then extraction in the background', () => {
  it.each(PAGES)('gives the same article as extracting the page itself: %s', async (_name, file) => {
    const { doc } = await readPage(file!);
    const direct = extractArticle(doc, { url: URL_ });
    // sliced every 50 nodes: many yields, and the copy must not depend on them
    const snap = await snapshotPage(doc, { sliceNodes: 50 });
    expect(snap.slices).toBeGreaterThan(1);
    expect(extractFromSnapshot(snap.html, URL_, snap.truncated)).toEqual(direct);
  });
});

function page(body: string, head = ''): Document {
  return parseHtml(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>标题</title>${head}</head><body>${body}</body></html>`);
}

describe('the copy', () => {
  it('is the same however the work is sliced', async () => {
    const doc = page(`<article>${'<p>一段文字。<b>加粗</b>和<a href="/x">链接</a></p>'.repeat(200)}</article>`);
    const whole = await snapshotPage(doc);
    for (const sliceNodes of [1, 7, 100]) expect((await snapshotPage(doc, { sliceNodes })).html).toBe(whole.html);
  });

  it('runs and loads nothing: no script, style, frame, handler, source or address of the page survives', async () => {
    const doc = page(
      `<article class="story" id="main" onclick="steal()" style="color:red">
        <p onmouseover="steal()">正文<img src="https://tracker.example/p.gif" onerror="steal()"></p>
        <script>steal()</script><style>p{background:url(https://tracker.example/s)}</style>
        <iframe src="https://evil.example/"></iframe><svg onload="steal()"><text>矢量</text></svg>
        <a href="javascript:steal()">链接</a><a href="https://other.example/">外链</a>
        <object data="x.swf"></object><template><p>模板</p></template><noscript><img src="n.gif"></noscript>
        <form action="https://evil.example/"><textarea>&lt;/textarea&gt;&lt;script&gt;</textarea></form>
      </article>`,
      '<base href="https://evil.example/"><link rel="stylesheet" href="https://cdn.example/a.css"><script src="https://cdn.example/a.js"></script><link rel="canonical" href="https://news.example/canonical">',
    );
    const { html } = await snapshotPage(doc);
    expect(html).not.toMatch(/<(?:script(?! type="application\/ld\+json")|style|iframe|svg|object|template|noscript|textarea|base)\b/i);
    expect(html).not.toMatch(/\s(?:on\w+|action|src(?!="\/")|href(?!="[\/#h])|data)=/i);
    // a form stays (whole pages of government sites sit in one), without where it would send anything
    expect(html).toContain('<form>');
    expect(html).not.toMatch(/steal|tracker|evil\.example|other\.example|cdn\.example|javascript:/);
    // what extraction reads is kept: classes and ids, the canonical address, the text, that links and images are there
    expect(html).toContain('<article class="story" id="main" style="color:red">');
    expect(html).toContain('<link rel="canonical" href="https://news.example/canonical">');
    expect(html).toMatch(/<p>正文<img src="\/"><\/p>/);
    expect(html).toContain('<a href="/">链接</a>');
    expect(html).not.toContain('模板');
  });

  it("keeps of a link to an author's page only the author's id, which the byline is read from", async () => {
    const doc = page(
      `<div class="side"><a href="https://blog.example/?author=102">太小心</a><a href="https://blog.example/?m=200508&amp;author=102">August 2005</a>
        <a href="https://blog.example/?pc=125&amp;author=102">補文化</a><a href="https://blog.example/?author=1470">century</a></div>
        <h1>播客热潮迅速蔓延 挑逗传统传媒业</h1><div>2006-12-27</div>
        <article>${'<p>每个人都可以当主持人，任何人都可以通过软件免费下载播客提供的节目，订阅自己喜欢的内容。</p>'.repeat(6)}</article>`,
    );
    const snap = await snapshotPage(doc);
    expect(snap.html).toContain('<a href="/author/102/">太小心</a>');
    expect(snap.html).toContain('<a href="/author/102/?listing">August 2005</a>');
    expect(snap.html).not.toContain('blog.example');
    const fromCopy = extractFromSnapshot(snap.html, URL_, snap.truncated);
    expect(fromCopy.article.byline).toBe('太小心');
    expect(fromCopy).toEqual(extractArticle(doc, { url: URL_ }));
  });

  it("carries a platform's publication stamp, which only a script states, as digits in a meta tag", async () => {
    // a WeChat 公众号 article saved two days on: the page shows 前天, its script the time
    const wechat = (script: string, timeEl = '<em id="publish_time">前天</em>') =>
      page(`<h1>一日一技：在 Python 中实现延迟调用</h1><div>${timeEl}<a>未闻Code</a></div><script>${script}</script>
        <div id="js_content">${'<p>在 Golang 中，有一个关键词叫做 defer，它的作用是让某些代码延迟执行，直到函数返回之前才运行，常用于释放资源。</p>'.repeat(6)}</div>`);
    const doc = wechat('var nickname = "未闻Code"; var ct = "1581418070"; var user_name = "gh_1";');
    const snap = await snapshotPage(doc);
    expect(snap.html).toContain('<meta name="reprint-lens-stamp" content="1581418070">');
    expect(snap.html).not.toMatch(/<script|nickname|gh_1/);
    const fromCopy = extractFromSnapshot(snap.html, URL_, snap.truncated);
    expect(fromCopy.article.published).toBe('2020-02-11T18:47');
    expect(fromCopy).toEqual(extractArticle(doc, { url: URL_ }));
    // the same name in a script of a page without the platform's time element dates nothing
    expect(extractArticle(wechat('var ct = "1581418070";', '<em>前天</em>')).article.published).toBeNull();
    // nor does a stamp of another shape
    expect(extractArticle(wechat('var ct = "15814";')).article.published).toBeNull();
  });

  it('keeps page text that looks like markup as text', async () => {
    const text = '</p></article><script>alert(1)</script><!-- & &amp; "quoted" ]]>';
    const doc = page('<article><p></p></article>');
    doc.querySelector('p')!.append(text);
    doc.title = text;
    const { html } = await snapshotPage(doc);
    const copy = parseHtml(html);
    expect(copy.querySelectorAll('script')).toHaveLength(0);
    expect(copy.querySelector('p')!.textContent).toBe(text);
    expect(copy.title).toBe(text);
  });

  it("keeps the document's title in the head when the browser's parser left it in the body", async () => {
    // markup before <html> (a PHP warning, sina's <text …>) opens the body early in a browser, and
    // the <title> of the page's <HEAD> lands there; an SVG icon's <title> is not the document's
    const doc = page('<p>正文。</p>');
    const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.append(doc.createElementNS('http://www.w3.org/2000/svg', 'title'));
    svg.firstChild!.textContent = '图标';
    doc.body.prepend(svg);
    doc.body.append(doc.querySelector('head > title')!);
    const copy = parseHtml((await snapshotPage(doc)).html);
    expect(copy.head.querySelectorAll('title')).toHaveLength(1);
    expect(copy.title).toBe('标题');
    expect(copy.body.textContent).not.toContain('图标');
  });

  it('leaves out a second <title> in the body, which no browser shows', async () => {
    // a crawler's wrapper before <html> (<text title="…">) or a template's stray <title> in the body
    const doc = page('<p>正文。</p>');
    const stray = doc.createElement('title');
    stray.textContent = '谢谢您访问本站';
    doc.body.prepend(stray);
    const copy = parseHtml((await snapshotPage(doc)).html);
    expect(copy.title).toBe('标题');
    expect(copy.body.textContent).not.toContain('谢谢您访问本站');
    expect(copy.body.textContent).toContain('正文。');
  });

  it('keeps JSON-LD (a date and an author extraction reads) without letting it end its element early', async () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'x</script><script>alert(1)</script>', datePublished: '2022-04-25T10:56:00+08:00' };
    const doc = page('<article><p>正文。</p></article>', `<script type="application/ld+json">${JSON.stringify(ld).replace(/<\//g, '<\\/')}</script>`);
    const copy = parseHtml((await snapshotPage(doc)).html);
    const scripts = copy.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]!.textContent!)).toEqual(ld);
  });

  it('takes at most maxChars characters of text and says when the page had more', async () => {
    const doc = page(`<article>${Array.from({ length: 100 }, (_, i) => `<p>${String(i).padStart(3, '0')}${'字'.repeat(97)}</p>`).join('')}</article>`);
    const all = await snapshotPage(doc);
    expect(all.truncated).toBe(false);
    const cut = await snapshotPage(doc, { maxChars: 2_550 });
    expect(cut.truncated).toBe(true);
    const texts = Array.from(parseHtml(cut.html).querySelectorAll('p')).map((p) => p.textContent ?? '');
    expect(texts.join('').length).toBe(2_550);
    expect(texts.at(-1)).toMatch(/^025字+$/);
    expect(extractFromSnapshot(cut.html, URL_, cut.truncated).article.truncated).toBe(true);
  });

  it('bounds the depth of what it copies and keeps the paragraphs of text nested 5 000 deep', async () => {
    const doc = page('<div id="root"></div>');
    let at = doc.getElementById('root')!;
    for (let i = 0; i < 5000; i++) {
      const d = doc.createElement('div');
      at.append(d);
      at = d;
    }
    for (const t of ['第一段很深。', '第二段更深。']) {
      const p = doc.createElement('p');
      p.append(t);
      at.append(p);
    }
    const { html } = await snapshotPage(doc);
    const copy = parseHtml(html);
    let depth = 0;
    for (let e: Element | null = copy.querySelector('p'); e; e = e.parentElement) depth++;
    expect(depth).toBeLessThan(220);
    expect(Array.from(copy.querySelectorAll('p')).map((p) => p.textContent)).toEqual(['第一段很深。', '第二段更深。']);
  });

  it('stops at a node the page takes away while it waits, and says the copy is incomplete', async () => {
    const doc = page(`<article>${'<p>一段文字。</p>'.repeat(50)}</article>`);
    const article = doc.querySelector('article')!;
    let turns = 0;
    const snap = await snapshotPage(doc, {
      sliceNodes: 20,
      // the page's script runs between two slices and replaces the article
      yieldTo: async () => {
        if (++turns === 2) article.replaceChildren();
      },
    });
    expect(snap.truncated).toBe(true);
    expect(snap.html).toMatch(/<\/html>$/);
  });
});
