// An article followed, in its own container, by a feed of reader comments ends where the comments
// begin (src/extract/body/feed.ts): its body is the article, not 13,000 paragraphs of 网友…：说得好, and
// its topic verdict is the article's. Real articles, lists of short items included, are whole.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { detectTopic } from '../../src/core/topic/topic';
import { extractArticle } from '../../src/extract/article';
import { feedStart, isFeedHeading, isPagination, isRightsNotice } from '../../src/extract/body/feed';
import { corpusDoc, realworldPages } from '../fixtures/translation/corpus';

const doc = corpusDoc('000');
const page = (after: string): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${doc.title}</title></head><body><article><h1>${doc.title}</h1>${doc.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}\n${after}</article></body></html>`;

describe('a feed of comments after the article', () => {
  it('is not body text: the body is the article, and so is the topic', () => {
    const comments = Array.from({ length: 20_000 }, (_, i) => `<p>网友${i + 1}：说得好，支持。</p>`).join('\n');
    const { article, isArticle } = extractArticle(parseHtml(page(comments)));
    expect(isArticle).toBe(true);
    expect(article.paragraphs).toEqual(doc.paragraphs);
    expect(article.truncated).toBeUndefined();
    expect(detectTopic(article, article.lang).digitalGovernment).toBe(true);
  });

  it('leaves an article with a list of 30 short items whole', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<p>${i + 1}. 第${i + 1}项政务服务事项</p>`).join('\n');
    const { article } = extractArticle(parseHtml(page(items)));
    expect(article.paragraphs.length).toBe(doc.paragraphs.length + 30);
  });

  it('cuts no real page of ../shared/realworld nor a bundled article', () => {
    for (const p of realworldPages()) expect(feedStart(p.paragraphs), p.name).toBe(-1);
    for (const id of ['000', '001', '002', '003', '004']) expect(feedStart(corpusDoc(id).paragraphs), id).toBe(-1);
  });
});

describe('a feed heading after the article', () => {
  const posts = Array.from({ length: 12 }, (_, i) => `<p>第${i + 1}条推荐：某地举办文化旅游节，吸引大批游客前来观光游览，现场气氛热烈，各类特色活动精彩纷呈，市民纷纷点赞。</p>`).join('\n');
  it.each(['继续阅读', '相关推荐', '▼ 猜你喜欢 ▼', '热门排行：'])('ends the body at %s', (heading) => {
    const { article } = extractArticle(parseHtml(page(`<p>${heading}</p>\n${posts}`)));
    expect(article.paragraphs).toEqual(doc.paragraphs);
  });

  it('is only a heading: a sentence naming it, or one at the very top, cuts nothing', () => {
    expect(isFeedHeading('平台根据用户兴趣提供相关推荐，提高了办事效率。')).toBe(false);
    expect(feedStart(['相关推荐', ...doc.paragraphs])).toBe(-1);
  });
});

describe("the page's pagination and the site's rights notice after the article", () => {
  const teasers = ['<p>幻灯欣赏：</p>', '<p>明星性感演出犒赏美军</p>', '<p>[头条] 某地一少女遭遇不幸 家属质疑鉴定结论</p>'].join('\n');
  const notice = ['<p>反侵权公告：</p>', '<p>根据《中华人民共和国著作权法》等法律法规，未经书面许可，擅自转载本报社作品的，将涉嫌侵犯著作权人合法权益。本报社郑重公告：</p>', '<p>一、任何单位或个人使用本报社原创内容，必须事先取得书面授权；</p>', '<p>陈律师（法律顾问）0432-62099222</p>'].join('\n');
  it.each([
    ['a pagination line, then teasers', `<p>第1页/共1页 &lt;&lt; 上一页 | 下一页 &gt;&gt;</p>\n${teasers}`],
    ['a page list, then teasers', `<p>上一页 1 2 3 下一页</p>\n${teasers}`],
    ['a rights notice block', notice],
    ["a platform's disclaimer", '<p>免责声明：本文来自某新闻客户端自媒体，不代表本网的观点和立场。</p>'],
    ['a one-line rights notice in brackets', '<p>【本文的中文相关权益归某公司独家所有。未经授权，不得转载、摘编等。】</p>'],
  ])('ends the body at %s', (_, after) => {
    const { article } = extractArticle(parseHtml(page(after)));
    expect(article.paragraphs).toEqual(doc.paragraphs);
  });

  it('takes only what is one: a sentence about pages or permissions stays article text', () => {
    expect(isPagination('点击下一页，查看办事指南的全部内容和申请材料清单')).toBe(false);
    expect(isPagination('第2页/共5页')).toBe(true);
    expect(isRightsNotice('平台上线后，未经授权的第三方不得使用公民个人信息，这是条例第十二条的明确规定，违反者将依法承担法律责任，相关部门将加强监督检查。')).toBe(false);
    expect(isRightsNotice('新规定明确，未经授权不得转载、公开政务数据。')).toBe(false);
    expect(isRightsNotice('新规明确，未经授权不得转载他人作品，侵犯著作权人合法权益的将被追责。')).toBe(false);
    expect(isRightsNotice('本文为原创，未经授权不得转载。')).toBe(true);
    expect(isRightsNotice('版权声明：本文为原创，未经许可不得转载。')).toBe(true);
  });
});
