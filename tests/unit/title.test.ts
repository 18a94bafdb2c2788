// Titles of Chinese portal pages: the headline without the site and channel names glued on, however
// they are joined, confirmed by the page's own headings where it has them.
import { describe, expect, it } from 'vitest';
import { headlineInTitle, stripTrailingNames } from '../../src/extract/title';
import { extractArticle } from '../../src/extract/article';
import { parseHtml } from '../../src/cli/html';

describe('site and channel names off the end of a title', () => {
  it.each([
    ['法国全国大罢工再次严重影响交通-新华网', '法国全国大罢工再次严重影响交通'],
    ['天宫一号与神舟九号载人交会对接任务第二场新闻发布会_中国载人航天官方网站', '天宫一号与神舟九号载人交会对接任务第二场新闻发布会'],
    ['阿里发布最强AI芯片：性能“吊打”同行，一块顶十块GPU-EDN 电子技术设计', '阿里发布最强AI芯片：性能“吊打”同行，一块顶十块GPU'],
    ['中华人民共和国监察法-纪检', '中华人民共和国监察法'],
    ['四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网', '四年前中500万现穷困潦倒 一夜暴富后如何经营'],
    ['17种产品、1个园区入选国家绿色制造名单 - 要闻云南 - 云南日报网', '17种产品、1个园区入选国家绿色制造名单'],
    ['多数夫妻生活有名无实 日本无性婚姻问题严重(图)--雅虎新闻', '多数夫妻生活有名无实 日本无性婚姻问题严重(图)'],
    ['【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛 湖南省中医药研究院附属医院', '【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛'],
    ['土豆不“土” 土豆无“土” 松花江网', '土豆不“土” 土豆无“土”'],
    ['投身外交(3)_读书频道_新浪网', '投身外交(3)'],
  ])('%s', (title, headline) => {
    expect(stripTrailingNames(title)).toBe(headline);
  });

  it.each([
    // what stays must be a title's length, and a segment with sentence punctuation is the headline's
    '新闻动态--中国地理学会官网',
    '新冠疫苗-COVID-19疫苗接种须知',
    '为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕',
    '专家：今年经济增速_“稳中有进，持续向好”',
  ])('%s stays as it is', (title) => {
    expect(stripTrailingNames(title)).toBe(title);
  });
});

describe('the headline the title opens with', () => {
  it('takes the heading the title starts with, the longest', () => {
    expect(headlineInTitle('山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站', ['山西省人民政府网站', '山西品牌丝路行（南美站）正式启动'])).toBe('山西品牌丝路行（南美站）正式启动');
    expect(headlineInTitle('标题很长的一条新闻_频道_某某网', ['标题很长', '标题很长的一条新闻'])).toBe('标题很长的一条新闻');
    expect(headlineInTitle('法国全国大罢工再次严重影响交通-新华网', ['热点新闻', '新闻'])).toBeNull();
  });

  it('uses the document title over a broken og:title cut at an ASCII quote', () => {
    const doc = parseHtml(`<html><head><title>男孩因不想上补习班 写"救命啊"纸团抛出引来警察_网易新闻</title>
      <meta property="og:title" content="男孩因不想上补习班 写"救命啊"纸团抛出引来警察"></head>
      <body><h1>男孩因不想上补习班 写"救命啊"纸团抛出引来警察</h1><p>${'一名男孩因为不想上补习班，在纸上写下救命并抛出窗外，路人报警后警察赶到。'.repeat(8)}</p></body></html>`);
    expect(extractArticle(doc).article.title).toBe('男孩因不想上补习班 写"救命啊"纸团抛出引来警察');
  });
});

describe('the headline set over the body when the document title is not it', () => {
  const para = '5月10日至12日，年会在重庆举行。本次会议由专业委员会主办，多所大学学院承办，来自120余所高校、科研院所的600余名专家学者围绕学科创新展开研讨，会议收到论文三百余篇。';
  const page = (title: string, over: string) =>
    `<html><head><title>${title}</title></head><body><div class="nav"><h3>首页 - 新闻动态</h3></div>
     <div class="news">${over}<div class="ly">发布时间：2019-05-18 来源：中国地理学会</div>
     <div class="detail">${`<p>${para}</p>`.repeat(5)}</div></div></body></html>`;
  it.each([
    // a channel and the site as the document title, the headline in an <h5> over the date line
    ['a channel and the site as the title', '新闻动态--中国地理学会官网', '<h5>2019年中国人文地理学术年会在重庆成功举行！</h5>', '2019年中国人文地理学术年会在重庆成功举行！'],
    // a heading that is part of the title is its subtitle: the title stays
    ['a subtitle over the body that the title holds', '内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元', '<h2>预计4年为纳税人减负180亿元</h2>', '内蒙古延续部分到期税收优惠政策助企纾困预计4年为纳税人减负180亿元'],
    // a heading that is a link over the body is another page's headline (the previous item, a teaser)
    ['a linked heading over the body', '新闻动态--中国地理学会官网', '<a href="/n/2"><h5>2019年中国人文地理学术年会在重庆成功举行！</h5></a>', '新闻动态--中国地理学会官网'],
    // a label over the body is no headline
    ['a label over the body', '新闻动态--中国地理学会官网', '<h5>新闻详情：</h5>', '新闻动态--中国地理学会官网'],
  ])('%s', (_, title, over, expected) => {
    expect(extractArticle(parseHtml(page(title, over))).article.title).toBe(expected);
  });
});

describe('a headline set apart without a heading tag', () => {
  const para = '一九八九年四月，我在湖南张家界开一个全省教学研究会议。按照惯例，会议安排了一天时间，让与会者去风景点游玩观赏，那一天正好是四月十五日，后来我们才知道这一天的分量。';
  const text = `<table><tr><td>${`<p>${para}</p>`.repeat(5)}</td></tr></table>`;
  const page = (title: string, over: string) =>
    `<html><head>${title ? `<title>${title}</title>` : ''}</head><body><table><tr><td><a href="/">首页</a></td><td><a href="/a">人物</a></td></tr></table>${over}${text}</body></html>`;
  it.each([
    // an old portal: the document title greets the reader, the headline is bold in a table cell over the date line
    ['bold in a cell over the date line', '谢谢您访问关注中国中心', '<table><tr><td><b><font color="blue">茉莉：我是怎样卷入八九民运的</font></b></td></tr><tr><td>发布日期： 7/5/2005 9:23:57 PM</td></tr></table>', '茉莉：我是怎样卷入八九民运的'],
    // a page-making tool's default title gives way to a short headline, centred and strong, over the author's name
    ['a default title and a short headline', '显示', '<p align="center"><strong>犬儒病(上)</strong></p><p>胡平</p>', '犬儒病(上)'],
    ['无标题文档 and a headline named by its class', '无标题文档', '<div class="Heading">北京市儿童心理素质发展现状调查研究报告</div><div class="Date">2005-03-06 16:17:00</div>', '北京市儿童心理素质发展现状调查研究报告'],
    // no document title at all: the body's own first line, set apart, is the headline
    ['no title, the body opening with its headline', '', '<div class="content"><p><strong>北京市儿童心理素质发展现状调查研究报告</strong></p></div>', '北京市儿童心理素质发展现状调查研究报告'],
    // a bold lede is a sentence, not a headline; a bold link is another page's; centring alone sets nothing apart
    ['a bold lede over the text', '谢谢您访问关注中国中心', '<p><b>会议期间，与会者就教学研究展开讨论。</b></p>', '谢谢您访问关注中国中心'],
    ['a bold link over the text', '谢谢您访问关注中国中心', '<p><b><a href="/n/2">茉莉：我是怎样卷入八九民运的</a></b></p>', '谢谢您访问关注中国中心'],
    ['a centred date line over the text', '谢谢您访问关注中国中心', '<p align="center">2003-7-24 钱江晚报记者采写</p>', '谢谢您访问关注中国中心'],
  ])('%s', (_, title, over, expected) => {
    expect(extractArticle(parseHtml(page(title, over))).article.title).toBe(expected);
  });
});

describe('a copied og:title confirms nothing the h1 contradicts', () => {
  const zhBody = `<p>${'2020年11月18日上午，得知自己减刑释放的他还没缓过神来，被送到了高速路口，家人已在路口等候多时。'.repeat(6)}</p>`;
  const enBody = `<p>${'The regional council approved the new online permit service on Tuesday after a year of trials in three towns. '.repeat(6)}</p>`;
  const page = (title: string, og: string | null, h1: string, body: string, author = '') =>
    `<html><head><title>${title}</title>${og ? `<meta property="og:title" content="${og}">` : ''}${author ? `<meta name="author" content="${author}">` : ''}</head>
     <body><div class="main"><h1>${h1}</h1><article>${body}</article></div></body></html>`;
  it.each([
    // og:title is the document title with its glued-on keyword; the h1 is the headline it cuts to
    ['Chinese, og:title a copy of the title', page('刺死辱母者的罪与悔：出狱第一晚仅睡三四个小时_苏银', '刺死辱母者的罪与悔：出狱第一晚仅睡三四个小时_苏银', '刺死辱母者的罪与悔：出狱第一晚仅睡三四个小时', zhBody), '刺死辱母者的罪与悔：出狱第一晚仅睡三四个小时'],
    // a colon inside a headline is no separator: an h1 that is only the part before it is a kicker
    ['Chinese, a kicker h1 before a colon', page('外国专家：中美合作共赢符合国际社会利益', '外国专家：中美合作共赢符合国际社会利益', '外国专家', zhBody), '外国专家：中美合作共赢符合国际社会利益'],
    // the site after " - " or " | " goes when the h1 is the part before it
    ['Western, the site after a dash', page('Council opens online permits to every town - Sportsnet.ca', null, 'Council opens online permits to every town', enBody), 'Council opens online permits to every town'],
    ['Western, the site after a bar', page('Council opens online permits to every town | TheHill', null, 'Council opens online permits to every town', enBody), 'Council opens online permits to every town'],
    // "Headline | Author" (here og:title, which Readability takes whole) keeps the author's name
    ['Western, an author after a bar', page('Council opens online permits to every town | Eleanor Roy', 'Council opens online permits to every town | Eleanor Roy', 'Council opens online permits to every town', enBody, 'Eleanor Roy'), 'Council opens online permits to every town | Eleanor Roy'],
    // a short headline, an encyclopedia's entry, confirmed by the dash set off by spaces after it
    ['Chinese, a short entry before a spaced dash', page('金锺国 - 维基百科，自由的百科全书', '金锺国 - 维基百科，自由的百科全书', '金锺国', zhBody), '金锺国'],
    // a blog's name before », a forum's label before the headline
    ['Chinese, a blog name before »', page('多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业', null, '多维博客', zhBody), '播客热潮迅速蔓延 挑逗传统传媒业'],
    ['Chinese, a forum label', page('主题: 【太行山上】 【DVDSCR-RMVB】', null, '主题: 【太行山上】 【DVDSCR-RMVB】', zhBody), '【太行山上】 【DVDSCR-RMVB】'],
    // the site the page names in og:site_name goes after a dash, whatever the h1 says (og:title, which
    // Readability takes whole, carries it too)
    ['Western, the declared site after a dash', page('Council opens online permits, says mayor - Los Angeles Times', 'Council opens online permits, says mayor - Los Angeles Times', 'Council opens online permits, the mayor says', enBody).replace('</head>', '<meta property="og:site_name" content="Los Angeles Times"></head>'), 'Council opens online permits, says mayor'],
    // what follows is a sentence, not a name: it stays
    ['Western, a sentence after the dash', page('Council opens online permits - and the towns are not ready.', null, 'Council opens online permits', enBody), 'Council opens online permits - and the towns are not ready.'],
  ])('%s', (_, html, expected) => {
    expect(extractArticle(parseHtml(html)).article.title).toBe(expected);
  });
});

describe('Traditional titles', () => {
  it.each([
    ['數位身分證明年上路 民眾手機辦戶籍 - 自由時報電子報', '數位身分證明年上路 民眾手機辦戶籍'],
    ['數位身分證明年上路 民眾手機辦戶籍 | 聯合新聞網', '數位身分證明年上路 民眾手機辦戶籍'],
    ['數位身分證明年上路 民眾手機辦戶籍 自由時報電子報', '數位身分證明年上路 民眾手機辦戶籍'],
  ])('%s', (title, headline) => {
    expect(stripTrailingNames(title)).toBe(headline);
  });
});
