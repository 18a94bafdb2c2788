// The precheck that runs on every page: candidate on pages that carry the corpus articles, not on
// (almost all) ordinary pages, and a sample that stays bounded whatever the page size.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { precheck } from '../../src/core/precheck';
import { takeSample } from '../../src/extract/sample';
import { corpusPage, corpusStems, labels, realworldDoc } from './extract-fixtures';

const check = (html: string) => precheck(takeSample(parseHtml(html)));

describe('pages carrying corpus articles are candidates', () => {
  it.each(corpusStems)('%s rendered as a page', (stem) => {
    const v = check(corpusPage(stem));
    expect(v.candidate, v.reasons.join('; ')).toBe(true);
  });

  const pagesDir = path.resolve(__dirname, '../fixtures/pages');
  const fixtures = readdirSync(pagesDir).filter((f) => /^(original|reprint|translation)-.*\.html$/.test(f));
  it.each(fixtures)('fixture %s', (file) => {
    expect(check(readFileSync(path.join(pagesDir, file), 'utf8')).candidate).toBe(true);
  });
});

describe('ordinary pages are not', () => {
  const verdicts = labels.map((l) => [l.name, precheck(takeSample(realworldDoc(l.name)))] as const);

  it('at most 3 of the 30 real-world pages are candidates', () => {
    const candidates = verdicts.filter(([, v]) => v.candidate).map(([name, v]) => `${name}: ${v.reasons.join('; ')}`);
    console.log(`real-world candidates: ${candidates.length} of ${verdicts.length}${candidates.length ? `\n  ${candidates.join('\n  ')}` : ''}`);
    expect(candidates.length).toBeLessThanOrEqual(3);
  });

  it('says why a page is not a candidate', () => {
    for (const [, v] of verdicts) expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('a portal whose navigation links to 数字政府 and 智慧城市 but whose story is about football is not a candidate', () => {
    const nav = ['数字政府', '智慧城市', '政务服务', '电子政务', '一网通办'].map((t) => `<a href="/${t}">${t}</a>`).join(' | ');
    const html = `<html><head><title>主队主场二比一取胜_体育频道</title></head><body><div class="nav">${nav}</div>
      <div class="content"><p>昨晚的比赛中，主队凭借下半场的两粒进球逆转取胜，球迷在看台上欢呼了整整十分钟。</p>
      <p>主教练赛后表示，球队的防守还需要加强，下一轮将客场挑战联赛领头羊。</p></div></body></html>`;
    expect(check(html).candidate).toBe(false);
  });
});

describe('the sample', () => {
  it('collects at most maxChars of text, starting with the article', () => {
    const para = '<p>Sports results and weather for the weekend, nothing about government at all.</p>';
    const html = `<html><body><div>${para.repeat(5000)}</div></body></html>`;
    const s = takeSample(parseHtml(html), 500);
    expect(s.text.length).toBeLessThanOrEqual(500);
    expect(s.text.startsWith('Sports results')).toBe(true);
  });

  it('stops early: a term that first appears after 400 KB of text is not seen', () => {
    const filler = '<p>Sports results and weather for the weekend, nothing about government at all.</p>'.repeat(5000);
    const html = `<html><head><title>Weekend</title></head><body>${filler}<p>Digital government and e-government: smart city, smart city, government cloud.</p></body></html>`;
    const s = takeSample(parseHtml(html));
    expect(s.text).not.toMatch(/digital government/i);
    expect(precheck(s).candidate).toBe(false);
  });

  it('reads title, description, keywords, og:type and declared language', () => {
    const s = takeSample(
      parseHtml(`<html lang="zh-CN"><head><title>标题</title><meta name="description" content="摘要"><meta name="keywords" content="数字政府,政务服务">
      <meta property="og:type" content="article"></head><body><article><p>正文。</p></article><p>页脚</p></body></html>`),
    );
    expect(s).toEqual({ title: '标题', description: '摘要', keywords: '数字政府,政务服务', ogType: 'article', lang: 'zh-CN', text: '正文。 页脚' });
  });

  it('skips scripts, styles and link text', () => {
    const s = takeSample(parseHtml('<html><body><script>var 数字政府 = 1</script><style>.a{}</style><p>正文 <a href="/">链接</a> 继续</p></body></html>'));
    expect(s.text).toBe('正文 继续');
  });
});
