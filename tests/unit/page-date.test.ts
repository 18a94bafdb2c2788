// Where a Chinese news page states its publication date, on markup taken from the pages of
// ../shared/pages (GeneralNewsExtractor's portal tests, the Chinese web-content dataset): the line
// under the headline, a labelled date, never a player's debug text or a sidebar's list of dates.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/article';
import { closingDate, findDate, inPageZone, labelledDate, parseDate, statedOffset } from '../../src/extract/dates';
import { parseHtml } from '../../src/cli/html';

const body = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>这是第${i + 1}段正文，记者在现场看到，当地群众和有关部门正在积极开展各项工作，情况总体平稳有序，相关措施已经落实到位。</p>`).join('');

describe('the date a page states for its article', () => {
  it.each([
    [
      // news.cn: the headline in a div, its date line under it, a sidebar of other stories' dates, an empty <h1> lower down
      'a headline in a div with its date line, before a sidebar of dates',
      `<html><head><title>法国全国大罢工再次严重影响交通-新华网</title></head><body>
       <div class="h-title">法国全国大罢工再次严重影响交通</div>
       <div class="h-info"><span class="h-time"> 2019-12-10 07:57:40</span><span>来源：<em>新华网</em></span></div>
       <ul><li><a href="/1">别的新闻</a><div class="publish-time">2018-03-02 08:58:39</div></li></ul>
       <h1></h1><div id="p-detail">${body(6)}</div></body></html>`,
      '2019-12-10',
    ],
    [
      // baijiahao: a labelled date with a two-digit year, the time in a sibling
      'a labelled date with a two-digit year',
      `<html><head><title>这款休闲裤太帅了</title></head><body><h2>这款休闲裤太帅了，让你时尚潮流穿着舒适</h2>
       <div class="author-txt"><p class="author-name">体育教科书</p><div class="article-source"><span class="date">发布时间：18-03-08</span><span class="time">23:16</span></div></div>
       <div class="article-content">${body(6)}</div></body></html>`,
      '2018-03-08',
    ],
    [
      // qq: a video player's debug panel (its version and build date) between the headline and the date line
      "a player's build date before the article's date",
      `<html><head><title>儿歌一分钱被改成一元钱_腾讯新闻</title></head><body><h1>儿歌一分钱被改成一元钱 原作者女儿：改成这样不觉得拗口吗？</h1>
       <div class="txp_player"><txpdiv class="txp_value">3.4.40 (2019-9-5 9:38:01 PM)</txpdiv></div>
       <div class="a_Info"><span class="a_time">2019-09-07 19:02</span></div>
       <div class="content">${body(6)}</div></body></html>`,
      '2019-09-07',
    ],
    [
      // a dated line with a dotted date (2022.01.20), which is no version number
      'a dotted date under the headline',
      `<html><head><title>洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年</title></head><body><h1>洛阳职业技术学院：剪“廉洁窗花” 过廉洁之年</h1>
       <div class="info">2022.01.20 16:31 来源：河南日报客户端</div><div class="content">${body(6)}</div></body></html>`,
      '2022-01-20',
    ],
    [
      // a blog's home page: a sidebar link dated in its text ("精选文章一(截止2006年8月10日)") before the post's own date
      "a sidebar link's date before the post's",
      `<html><head><title>海姑娘 | blog.example.com</title></head><body>
       <table><tr><td class="side"><a href="/a">博客精选文章一(截止2006年8月10日)</a></td>
       <td><table><tr><td class="post-title">湘菜粤菜 兵分两路</td><td><nobr>2005-06-14 03:25:55</nobr></td></tr>
       <tr><td class="post-body">${body(6)}</td></tr><tr><td>由海姑娘张贴 @ <a href="/p/1">2005-06-14 03:25:55</a></td></tr></table></td></tr></table></body></html>`,
      '2005-06-14',
    ],
  ])('%s', (_what, html, day) => {
    const { article } = extractArticle(parseHtml(html));
    expect(article.published?.slice(0, 10)).toBe(day);
  });

  it('reads text in a crawl wrapper and Word markup (an unknown tag is not a widget)', () => {
    const html = `<text id="http://blog.example.cn/1.html"><html><head><title>某某的博客</title></head><body><h1>某某的博客</h1>
      <div class="entity"><p class="MsoNormal"><span><span>2003-7-24 钱江晚报</span></span><o:p></o:p></p>${body(6)}</div></body></html></text>`;
    expect(extractArticle(parseHtml(html)).article.published?.slice(0, 10)).toBe('2003-07-24');
  });
});

describe('labelled dates', () => {
  it.each([
    ['发布时间：2019-09-25 10:00', '2019-09-25T10:00'],
    ['发布时间：18-03-08 23:16', '2018-03-08T23:16'],
    ['ggjjzhzz 发表于 2005-9-15 11:46:00', '2005-09-15T11:46'],
    ['作者： 来源： 发布日期： 9/17/2004 5:54:13 AM', '2004-09-17T05:54'],
    ['发布日期：17/9/2004', '2004-09-17'],
    ['来源：新华网', null],
    // Traditional labels, and the Republic of China calendar of Taiwanese government pages
    ['發布時間：2024-05-07 10:00', '2024-05-07T10:00'],
    ['發佈日期：2024/05/07', '2024-05-07'],
    ['某某 發表於 2005-9-15 11:46:00', '2005-09-15T11:46'],
    ['發布日期：113-05-07', '2024-05-07'],
    ['發布日期：民國113年5月7日', '2024-05-07'],
    ['发布时间：113-05-07 09:30', '2024-05-07T09:30'],
    // a three-digit number that is no year after the label is no date
    ['發布日期：113 筆資料', null],
  ])('%s', (line, iso) => {
    expect(labelledDate(line)).toBe(iso);
  });
  it('a dotted date is a date', () => {
    expect(findDate('2022.01.20 16:31 来源：河南日报客户端')).toBe('2022-01-20T16:31');
    // an official document's date line in Chinese numerals
    expect(findDate('吉林省人民政府 二〇二二年一月二十七日')).toBe('2022-01-27');
    expect(findDate('二〇一九年十二月三十一日')).toBe('2019-12-31');
    expect(findDate('二○二○年十月一日')).toBe('2020-10-01');
    expect(findDate('二〇一九年十三月一日')).toBeNull();
    expect(findDate('二〇一九年二十月一日')).toBeNull();
  });
});

describe('dates in metadata fields', () => {
  it.each([
    ['2019-06-13T10:00:00Z', '2019-06-13T10:00'],
    ['20190613', '2019-06-13'],
    // a US server's locale in a schema.org field: month first, unless the first part cannot be a month
    ['06/13/2019', '2019-06-13'],
    ['01/01/2004', '2004-01-01'],
    ['13/06/2019', '2019-06-13'],
    ['9/17/2004 5:54:13 PM', '2004-09-17T17:54'],
    ['not a date', null],
  ])('%s', (value, iso) => {
    expect(parseDate(value)).toBe(iso);
  });
  it("schema.org's dateCreated dates a page that gives no datePublished; dateModified never does", () => {
    const page = (metas: string) => `<html><head><title>A cake</title></head><body itemscope>${metas}<h1>A cake</h1>${'<p>Heat the oven, butter the pan and pour the batter in, then bake it for forty minutes.</p>'.repeat(4)}</body></html>`;
    expect(extractArticle(parseHtml(page('<meta itemprop="dateCreated" content="01/01/2004"><meta itemprop="dateModified" content="06/13/2019">'))).article.published).toBe('2004-01-01');
    expect(extractArticle(parseHtml(page('<meta itemprop="dateModified" content="06/13/2019">'))).article.published).toBeNull();
  });
});

describe('the date closing an article, when nothing else dates it', () => {
  it.each<[string, string[], string | null]>([
    ['a periodical issue credit on its own line', ['走到这一步，犬儒主义也就走到了它的极点。(未完待续)□', '——《北京之春》1998年3月号'], '1998-03'],
    ['the credit after the last sentence', ['我希望能有更多的朋友关心这一个有意义的课题。□ ——《北京之春》1996年6月号'], '1996-06'],
    ['a letter signed with its day and place', ['此致敬礼。', '2019年5月3日于北京'], '2019-05-03'],
    ['a month inside the last sentence is an event, not the date', ['截至2023年5月，全省已建成政务服务中心120个。'], null],
    ['a long closing line is more text', ['全文完。', '本文所述各项数据均来自有关部门在2023年5月发布的统计公报及相关报告材料等公开渠道所载内容'], null],
  ])('%s', (_, paragraphs, iso) => {
    expect(closingDate(paragraphs)).toBe(iso);
  });
  it('dates a page that says nothing else, and never overrides a date the page gives', () => {
    const essay = (head: string) => `<html><head><title>人心与灰烬</title>${head}</head><body><h1>人心与灰烬</h1><div>${body(5)}<p>——《北京之春》1998年3月号</p></div></body></html>`;
    expect(extractArticle(parseHtml(essay(''))).article.published).toBe('1998-03');
    expect(extractArticle(parseHtml(essay('<meta property="article:published_time" content="2005-03-06T16:17:00">'))).article.published).toBe('2005-03-06T16:17');
  });
});

describe("the date in the page's own time zone", () => {
  it.each<[string, number | null]>([
    ['2019-11-19T13:03:00Z', 0],
    ['2022-02-06T12:48:06+00:00', 0],
    ['2019-09-07T09:59:22+08:00', 480],
    ['2015-03-11T15:46:00-0400', -240],
    ['2019-11-19T13:03:00.000Z', 0],
    ['2019-11-19', null],
    ['2019-11-19 13:03', null],
  ])('%s states the offset %s', (value, offset) => {
    expect(statedOffset(value)).toBe(offset);
  });
  it.each<[string, string, number | null, string | null, string]>([
    ['a UTC time the page shows in its own zone', '2019-11-19T13:03', 0, '2019-11-19T08:03', '2019-11-19T08:03'],
    ['a UTC time after midnight, the page showing the evening before', '2019-11-20T01:50', 0, '2019-11-19', '2019-11-19'],
    ['a UTC time on the day the page shows: the time is kept', '2012-12-10T09:24', 0, '2012-12-10', '2012-12-10T09:24'],
    ["a shown time no zone apart (an update's, 87 minutes later)", '2019-11-18T20:11', 0, '2019-11-18T21:38', '2019-11-18T20:11'],
    ['a shown date days away (a sidebar)', '2019-11-20T01:50', 0, '2019-11-14', '2019-11-20T01:50'],
    ['a publisher offset is taken as written', '2019-09-07T09:59', 480, '2019-09-06', '2019-09-07T09:59'],
    ['a UTC time the page shows nothing beside is not guessed', '2022-02-06T12:48', 0, null, '2022-02-06T12:48'],
  ])('%s', (_, meta, offset, shown, expected) => {
    expect(inPageZone(meta, offset, shown)).toBe(expected);
  });
  it('an article dated in UTC by its metadata gets the date its page shows under the headline', () => {
    const page = `<html><head><meta property="article:published_time" content="2019-11-20T01:50:00Z"><title>Vote count runs late</title></head><body>
      <h1>Vote count runs late</h1><div class="byline">Nov. 19, 2019</div>${'<p>Election officials in the county said the count would run past midnight, with several thousand ballots still to be read.</p>'.repeat(5)}</body></html>`;
    expect(extractArticle(parseHtml(page)).article.published).toBe('2019-11-19');
  });
});
