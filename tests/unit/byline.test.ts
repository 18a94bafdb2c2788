// Bylines read off Chinese news pages: the credited person near the headline or at the body's end,
// the editor kept apart, and never a site, a user id or a template credit taken from meta tags.
import { describe, expect, it } from 'vitest';
import { authorLinkName, findCredits, isChineseName, looksLikePerson } from '../../src/extract/byline';
import { zonesOf } from '../../src/extract/page-lines';
import { parseHtml } from '../../src/cli/html';

const credits = (head: string[], tail: string[] = [], fallback: (string | null)[] = []) =>
  findCredits({ head, tail, titleFound: true }, fallback);

describe('credits in the text', () => {
  it.each([
    // [where, line, byline]
    ['a newspaper label before the role', ['【新春走基层】', '光明日报记者 王建宏 张文攀'], '王建宏 张文攀'],
    ['interns and reporters in one line', ['本报实习生 刘国栋 周炜 本报记者 王燕平 方云凤 柏建斌 2003-7-24 钱江晚报'], '刘国栋 周炜 王燕平 方云凤 柏建斌'],
    ['a channel label, names without a common surname', ['新华网黑龙江频道 记者 伊琳 李清芬'], '伊琳 李清芬'],
    ['作者： with a forum user name', ['第 1 楼 时间：2005-08-28 20:56:20 分数：100 作者： 放飞&心情 振威将军(从一品)'], '放飞&心情'],
    ['执笔人', ['执笔人：闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺'], '闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺'],
    ['文/ credit', ['文/李想'], '李想'],
    ['□ 本报记者', ['□ 本报记者 葛灵丹 (责编：萧潇、张妍)'], '葛灵丹'],
    ['a place and 报道 after the name', ['新京报记者 彭冲 山东冠县报道'], '彭冲'],
    ['a name in brackets on the date line', ['BUSINESS.SOHU.COM', '2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]'], '黄宇'],
    ['the source in brackets on the date line is no name', ['2004年7月16日08:19 来源：[ 国际金融报 ]'], null],
    ['文/图 before the names', ['(文/图 刘玺东 易赛楠)'], '刘玺东 易赛楠'],
    ['文图/ before a name', ['文图/张三'], '张三'],
    ["a name's gloss in brackets", ['作者：张三（北京大学教授）'], '张三'],
    // a credit that names no one: anonymous, the site, the generic editor, a CMS user, a website
    ['作者：佚名', ['来源：新华网 作者：佚名'], null],
    ['作者：本站', ['作者：本站'], null],
    ['作者：小编', ['作者：小编'], null],
    ['作者：admin', ['作者：admin'], null],
    ['作者： a website', ['作者：中国政府网'], null],
    ['a rights notice after 图文', ['( 创作图文版权所有 未经授权同意均属违反著作权法 盗用必究)'], null],
    // an office or a branch credited as 作者 is the page's author
    ['作者： an office', ['作者：医技药剂党支部'], '医技药剂党支部'],
    ['a bracketed badge on a line without a date is no name', ['【新春走基层】', '【王者归来】'], null],
    // a wire dateline opening the first paragraph: the bracket closes the credit, the text runs on
    ['a wire dateline before the text', ['新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革。'], '唐霁'],
    ['two reporters in a dateline', ['环球网报道 记者 李东尧 侯佳欣】今天上午10时，美国驻成都总领馆按照中方要求闭馆。'], '李东尧 侯佳欣'],
    ['a reporter and a correspondent in a dateline', ['本报北京12月9日电（记者 王明 通讯员 李华）今天，全市政务服务一网通办。'], '王明 李华'],
    // a page's buttons read as a surname and a name (关 注), and are neither
    ['a follow button under an account name', ['去驴行', '关注'], null],
    // the reporter spoken to in running text, a box's heading after 作者, a credit to the web at large
    ['a reporter spoken to', ['另一位小米高管对记者透露，红米K30系列肯定支持5G手机。'], null],
    ['作者最新文章', ['作者最新文章'], null],
    ['作者：网络整理', ['作者：网络整理'], null],
    ['a paper whose name ends in 经 before 记者', ['第一财经记者 张三'], '张三'],
  ])('%s', (_, head, byline) => {
    expect(credits(head).byline).toBe(byline);
  });

  it.each([
    ['（记者 胡晓蓉）', '胡晓蓉'],
    ['……推动云南工业高质量发展。（记者 胡晓蓉）', '胡晓蓉'],
    ['……过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）', '常书香 马丹阳'],
    ['……难道不都是利益再分配的过程吗？”（姚峰 上海报道）', '姚峰'],
    ['……定期获得信息交流。(信报记者 蔡雪婧)', '蔡雪婧'],
  ])('closing tag %s', (line, byline) => {
    expect(credits(['正文第一段。'], [line]).byline).toBe(byline);
  });

  it('a reporter in running text is no credit', () => {
    expect(credits(['近日，记者回访了那位爆料的业内人士，他告诉记者，干细胞产品2003年中期开始出现。']).byline).toBeNull();
    expect(credits(['通过四川媒体帮助，记者了解到了老中医陈建民本人的最新动向。']).byline).toBeNull();
    // an aside in brackets at the end is no name tag
    expect(credits(['正文'], ['……最蔚为壮观的是巨蛇堆（图38）']).byline).toBeNull();
    expect(credits(['正文'], ['……据报道（新华社）']).byline).toBeNull();
  });

  it('the editor is kept apart, and is the byline only when no author is credited', () => {
    const both = credits(['第一段'], ['（记者 胡晓蓉）', '责任编辑：孙重远']);
    expect(both).toEqual({ byline: '胡晓蓉', editor: '孙重远' });
    expect(credits(['第一段'], ['来源：巴彦淖尔日报 编辑：苏亮'])).toEqual({ byline: '苏亮', editor: '苏亮' });
  });

  it('a photo credit is not the author', () => {
    expect(credits(['蔡雪婧/摄', '人物画像'], ['……(信报记者 蔡雪婧)']).byline).toBe('蔡雪婧');
    expect(credits(['张三/摄']).byline).toBeNull();
  });
});

describe('credits in Traditional script, and the Taiwanese and wire forms', () => {
  it.each([
    // [where, head lines, tail lines, byline as the page writes it]
    ['a reporter glued to 記者, the place after a slash', ['記者陳曉華／台北報導'], [], '陳曉華'],
    ['the same in Simplified', ['记者王小明／台北报导'], [], '王小明'],
    ['a paper label before 記者', ['聯合報 記者張家豪／即時報導'], [], '張家豪'],
    ['a wire dateline: name, place and day run together', ['（中央社記者陳曉華台北7日電）市府今日宣布，數位身分證將於明年上路。'], [], '陳曉華'],
    ['a two-character name before a place', ['（中央社记者王明北京7日电）国务院今日宣布，数字身份证将于明年推行。'], [], '王明'],
    ['撰文： in Traditional', ['撰文：劉德華'], [], '劉德華'],
    ['an editor line only, in Traditional', ['第一段'], ['責任編輯：張家豪'], '張家豪'],
  ])('%s', (_, head, tail, byline) => {
    expect(credits(head, tail).byline).toBe(byline);
  });

  it('a Traditional meta author is judged as a name and kept as written; a site is not', () => {
    expect(credits(['第一段'], [], ['陳曉華']).byline).toBe('陳曉華');
    expect(credits(['第一段'], [], ['自由時報電子報']).byline).toBeNull();
  });

  it('a place and a day with no name before them credit no one', () => {
    expect(credits(['（中央社記者台北7日電）市府今日宣布，數位身分證將於明年上路。']).byline).toBeNull();
  });
});

describe('meta authors and Readability bylines', () => {
  it.each([
    ['www.yunnan.cn,云南日报报业集团,云南网', false],
    ['L_104485', false],
    ['Discuz! Team and Comsenz UI Team', false],
    ['维基媒体项目贡献者', false],
    ['■该作者文章', false],
    ['赵 培', true],
    ['安东尼', true],
    ['Jeffrey Gettleman', true],
    ['李源、曹淼', true],
  ])('%s looks like a person: %s', (s, ok) => {
    expect(looksLikePerson(s)).toBe(ok);
  });

  it('names open with a surname and are not organisations', () => {
    expect(isChineseName('胡平')).toBe(true);
    expect(isChineseName('欧阳修')).toBe(true);
    expect(isChineseName('新华社')).toBe(false);
    expect(isChineseName('分享到')).toBe(false);
  });

  it('a template credit in meta is dropped when the page credits nobody', () => {
    expect(credits(['正文。'], [], ['Discuz! Team and Comsenz UI Team', 'L_104485']).byline).toBeNull();
  });
});

describe('zones of a page', () => {
  it('reads the credit between the headline and the body, not a sidebar\'s', () => {
    const doc = parseHtml(`<html><body><div class="side"><p>本报记者 王五</p></div><h1>土豆不“土” 土豆无“土”</h1>
      <div>2022-02-13 09:57 光明网</div><div>分享到</div><p>光明日报记者 王建宏 张文攀</p>
      <p>土豆，听名字就“土”得掉渣。可这几天，在中国著名的土豆产区宁夏……</p><p>成了当地支撑乡村振兴的重要产业。</p>
      <p>（松花江网编辑 孙桂芳）</p><ul><li>相关新闻 记者 赵六</li></ul></body></html>`);
    const body = ['土豆，听名字就“土”得掉渣。可这几天，在中国著名的土豆产区宁夏……', '成了当地支撑乡村振兴的重要产业。'];
    const z = zonesOf(doc, '土豆不“土” 土豆无“土”', '土豆不“土” 土豆无“土”', body);
    expect(findCredits(z, [], body).byline).toBe('王建宏 张文攀');
  });

  it('a name alone under the headline is the author', () => {
    const doc = parseHtml('<html><body><h2>犬儒病(上)</h2><p>胡平</p><p>——当代中国的精神危机 (上)</p><p>人心不会熄灭，但它可能蒙上灰烬而不再燃烧。</p></body></html>');
    const z = zonesOf(doc, '犬儒病(上)', null, ['胡平', '——当代中国的精神危机 (上)', '人心不会熄灭，但它可能蒙上灰烬而不再燃烧。']);
    expect(findCredits(z, []).byline).toBe('胡平');
  });
});

describe('who wrote a story reposted on a blog or forum', () => {
  it("the story's own credit lines at its opening, not the poster named above it", () => {
    const z = { head: ['作者： 流泉 访问统计： 2005年08月30日, 星期二 13:22 加入博采', '谁来为无序拆房“埋单”？'], tail: [], titleFound: true };
    const body = ['谁来为无序拆房“埋单”？', '本报实习生 刘国栋 周炜', '本报记者 王燕平 方云凤 柏建斌', '今年1月至5月，杭州工矿企业共发生各类事故59起，死亡73人。', '（记者 赵六）'];
    expect(findCredits(z, [], body).byline).toBe('刘国栋 周炜 王燕平 方云凤 柏建斌');
  });
  it('the poster, when the story credits nobody: a blog footer 由某某张贴 @ <time>', () => {
    const z = { head: ['湘菜粤菜 兵分两路 (图)'], tail: ['澳坛真的累了。', '由海姑娘张贴 @ 2005-06-13 15:00:14 (697) 共 29 篇评论 发表评论 >>>'], titleFound: true };
    expect(findCredits(z, []).byline).toBe('海姑娘');
  });
  it.each([
    ['a sentence saying who issued a document', '由国务院办公厅于2023年5月发布的通知明确了各项任务。'],
    ['a long opening paragraph with a reporter in it', '新华社北京6月5日电 记者从国家卫生健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测预警体系。'],
  ])('no byline from %s', (_, line) => {
    const z = { head: ['标题'], tail: [line], titleFound: true };
    expect(findCredits(z, [], [line]).byline).toBeNull();
  });
});

describe('pen names, where no list of surnames helps', () => {
  it('a headline led in by a name, over a line holding that name alone, names the author', () => {
    const z = { head: ['茉莉：我是怎样卷入八九民运的', '作者： 来源： 发布日期： 7/5/2005 9:23:57 PM'], tail: [], titleFound: false };
    const body = ['我是怎样卷入八九民运的', '茉莉', '【看中国2005年07月03日报道】一九八九年四月，我在湖南张家界开一个全省教学研究会议。'];
    expect(findCredits(z, [], body).byline).toBe('茉莉');
  });
  it('a lead-in alone is a speaker quoted, not the author', () => {
    const z = { head: ['李克强：加快建设数字政府', '2022-04-25 09:00 来源：新华网'], tail: [], titleFound: true };
    const body = ['国务院总理李强日前主持召开国务院常务会议，部署加快建设数字政府。', '会议指出，要推进政务服务一网通办。'];
    expect(findCredits(z, [], body).byline).toBeNull();
  });
  it('a label leading a line in, with the label alone elsewhere, is no author', () => {
    const z = { head: ['数字政府建设指导意见', '摘要', '摘要：加快推进数字政府建设'], tail: [], titleFound: true };
    expect(findCredits(z, [], ['各地区各部门要加快推进数字政府建设，提升政务服务水平。']).byline).toBeNull();
  });
  it('a blog owner named by the links to their author page, after every credit written in the page', () => {
    const z = { head: ['播客热潮迅速蔓延 挑逗传统传媒业'], tail: [], titleFound: true };
    expect(findCredits(z, [], [], { authorLink: '太小心' }).byline).toBe('太小心');
    expect(findCredits({ ...z, tail: ['（记者 赵六）'] }, [], [], { authorLink: '太小心' }).byline).toBe('赵六');
  });
});

describe('the name on links to the author page', () => {
  const page = (links: string) => authorLinkName(parseHtml(`<html><body><h1>标题</h1>${links}<p>正文。</p></body></html>`));
  const own = '<a href="http://blog.example.com/?author=102">太小心</a>';
  const listings = ['?pc=85&amp;author=102">歷史', '?m=200508&author=102">August 2005', '?pc=125&#038;author=102">補文化']
    .map((l) => `<a href="http://blog.example.com/${l}</a>`).join('');
  it.each([
    ["the owner's page among their archives and categories, a commenter's link beside them", `${own}${listings}<a href="http://blog.example.com/?author=1470">century</a>`, '太小心'],
    ['a WordPress author path', '<a href="/author/jane-doe/">Jane Doe</a><a href="/author/jane-doe/page/2/">Older posts</a>', 'Jane Doe'],
    ['rel="author", its picture and its name', '<a rel="author" href="/people/li"><img src="li.jpg"></a><a rel="author" href="/people/li/">李源</a>', '李源'],
    ['rel="author" on two names', '<a rel="author" href="/people/li">李源</a><a rel="author" href="/people/cao">曹淼</a>', null],
    ["a group blog's list of authors, none of them most", '<a href="/?author=1">甲乙</a><a href="/?author=2">丙丁</a><a href="/?author=3">戊己</a>', null],
    ['listings only, no page of the author with a name', listings, null],
    ['a link text that is no name', '<a href="/?author=7">http://example.com</a>', null],
    ['no author links', '<a href="/news/1.html">新闻</a>', null],
  ])('%s', (_, links, name) => {
    expect(page(links)).toBe(name);
  });
});
