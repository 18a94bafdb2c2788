// A complete short wire item (a brief of ~120 characters opening with its dateline) is an article,
// and is matched; a short page without a credit or dateline is still too little to be news.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { compileDocs } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { findVersions } from '../../src/core/match/find-versions';
import { extractArticle } from '../../src/extract/article';
import { corpusDoc } from '../fixtures/translation/corpus';

const BRIEF = '新华社北京4月25日电（记者 张三）国家数据局25日发布《政务数据共享条例实施细则》，明确各级政务部门应在今年年底前完成数据目录编制，推动一网通办、跨省通办事项全部实现线上办理。细则自6月1日起施行。';
const page = (body: string): string => `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>国家数据局发布数字政府建设新规_新闻频道</title></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a> <a href="/gov">政务</a></nav>
<h1>国家数据局发布数字政府建设新规</h1>
<div class="content"><p>${body}</p></div>
<footer>版权所有 新闻网</footer></body></html>`;

describe('a short wire item', () => {
  it.each([
    ['新华社 dateline', BRIEF],
    ['CCTV credit', BRIEF.replace(/^新华社北京4月25日电（记者 张三）/, '央视网消息（新闻联播）：')],
    ['本报讯', BRIEF.replace(/^新华社北京4月25日电/, '本报讯')],
  ])('with a %s is an article', (_, body) => {
    const r = extractArticle(parseHtml(page(body)));
    expect(r.reasons).toEqual([]);
    expect(r.isArticle).toBe(true);
  });

  it('without its dateline is too little text to be news', () => {
    const r = extractArticle(parseHtml(page(BRIEF.replace(/^新华社北京4月25日电（记者 张三）/, ''))));
    expect(r.isArticle).toBe(false);
  });

  it('is found as the same text as the brief in a corpus', () => {
    const brief = { ...corpusDoc('000'), id: 'brief', title: '国家数据局发布数字政府建设新规', paragraphs: [BRIEF] };
    const compiled = compileDocs([corpusDoc('000'), brief]);
    const corpus = loadCorpus(compiled.index, () => compiled.texts);
    const { article } = extractArticle(parseHtml(page(BRIEF)));
    const found = findVersions(article, corpus);
    expect(found.map((m) => [m.id, m.relation])).toEqual([['brief', 'same']]);
  });
});
