// An article followed, in its own container, by a feed of reader comments ends where the comments
// begin (src/extract/body/feed.ts): its body is the article, not 13,000 paragraphs of 网友…：说得好, and
// its topic verdict is the article's. Real articles, lists of short items included, are whole.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { detectTopic } from '../../src/core/topic/topic';
import { extractArticle } from '../../src/extract/article';
import { feedStart, isFeedHeading } from '../../src/extract/body/feed';
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
