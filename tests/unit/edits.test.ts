// Naming edits: each kind a reader would name, on small versions built from the corpus text, and
// attribution lines recognised on the corpus and on real pages' own lines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, type VersionText } from '../../src/core/compare/compare-versions';
import { attributionIn, isAttributionLine } from '../../src/core/text/attribution';
import type { Edit } from '../../src/core/types';

const v = (paragraphs: string[], extra: Partial<VersionText> = {}): VersionText => ({ title: '加强数字政府建设，浪潮提供技术支撑', lang: 'zh', paragraphs, ...extra });
const edits = (a: VersionText, b: VersionText): Array<Pick<Edit, 'type' | 'a' | 'b'>> =>
  compareVersions(a, b).edits.map(({ type, a: x, b: y }) => ({ type, ...(x !== undefined ? { a: x } : {}), ...(y !== undefined ? { b: y } : {}) }));

const P1 = '看得见的政务服务背后是看不见的基础设施支撑。智算中心是数字经济时代的创新引擎，为数字政府服务奠定了坚实基座。浪潮作为全球领先的算力基础设施提供商，持续推动智算中心建设。';
const P2 = '山东省政府与浪潮共同打造“服务商建设运营、政府购买服务”的模式。目前，省内各云中心共承载全省上云单位1014家，承载上云业务系统5532个。';
const P3 = '此外，基于数字政府建设经验，浪潮还参与了政务数据、电子证照等相关国家标准的制定。据悉，浪潮将不断提升数字产品和技术创新能力，助力数字政府建设提速。(战钊) ';
const UNRELATED = '兰州新区近年借助城市运营指挥中心精确化管理各领域并做出智能响应，改善城市治理与服务，打造最强城市大脑，全面提升城市品质，先后获得智慧城市创新奖等多项荣誉。在此基础上，兰州新区融合了人才综合服务平台、集成健康证申报、体检预约、大厅导航、自助填单、办事预约等特色服务。';
const P5 = '中国和约旦位于亚洲东西两端，友好交往源远流长。2000多年前，约旦佩特拉古城就是古丝绸之路商贸枢纽。';
const P6 = '习近平主席高度赞赏阿塞拜疆作为COP29主席国为推动全球气候治理作出的积极努力。';
const P4 = 'Inspur has more than 20 years of experience in government services, and its cloud serves 25 provinces.';

describe('each kind of edit', () => {
  it.each<[string, VersionText, VersionText, Array<Pick<Edit, 'type' | 'a' | 'b'>>]>([
    ['a sentence deleted', v([P1, P2]), v([P1.replace('智算中心是数字经济时代的创新引擎，为数字政府服务奠定了坚实基座。', ''), P2]), [{ type: 'sentence-deleted', a: '智算中心是数字经济时代的创新引擎，为数字政府服务奠定了坚实基座。' }]],
    [
      'two sentences deleted one after the other: two edits',
      v([P1, P2]),
      v([P1.replace('智算中心是数字经济时代的创新引擎，为数字政府服务奠定了坚实基座。浪潮作为全球领先的算力基础设施提供商，持续推动智算中心建设。', ''), P2]),
      [
        { type: 'sentence-deleted', a: '智算中心是数字经济时代的创新引擎，为数字政府服务奠定了坚实基座。' },
        { type: 'sentence-deleted', a: '浪潮作为全球领先的算力基础设施提供商，持续推动智算中心建设。' },
      ],
    ],
    ['a sentence inserted', v([P1, P2]), v([P1, P2 + '这一模式已在全国推广。']), [{ type: 'sentence-inserted', b: '这一模式已在全国推广。' }]],
    ['a qualifier deleted', v([P1, P2]), v([P1.replace('全球领先的', ''), P2]), [{ type: 'phrase-deleted', a: '全球领先的' }]],
    ['a qualifier inserted', v([P1, P2]), v([P1.replace('时代的创新引擎', '时代的重要创新引擎'), P2]), [{ type: 'phrase-inserted', b: '重要' }]],
    ['a number changed', v([P1, P2]), v([P1, P2.replace('5532个', '5600个')]), [{ type: 'number-changed', a: '5532', b: '5600' }]],
    // an approximate figure in both versions: a reprint writes it as the original did, so a changed digit is a change (no rounding tolerance)
    ['an approximate figure changed (2000多 -> 2002多)', v([P5]), v([P5.replace('2000多年前', '2002多年前')]), [{ type: 'number-changed', a: '2000多', b: '2002多' }]],
    ['a number inside a name changed (COP29 -> COP22)', v([P6]), v([P6.replace('COP29', 'COP22')]), [{ type: 'number-changed', a: 'COP29', b: 'COP22' }]],
    ['a Chinese numeral for the same figure', v([P2]), v([P2.replace('1014家', '一千零一十四家')]), []],
    ['an English figure changed', v([P4], { lang: 'en' }), v([P4.replace('20 years', '30 years')], { lang: 'en' }), [{ type: 'number-changed', a: 'more than 20', b: 'more than 30' }]],
    ['a byline removed from the last paragraph', v([P1, P3]), v([P1, P3.replace('(战钊) ', '')]), [{ type: 'attribution-removed', a: '(战钊)' }]],
    ['an editor line added after the body', v([P1, P2]), v([P1, P2, '(责编:李源、曹淼)']), [{ type: 'attribution-added', b: '(责编:李源、曹淼)' }]],
    ['a source line removed', v([P1, P2], { sourceLines: ['（文章来源：光明网）'] }), v([P1, P2]), [{ type: 'attribution-removed', a: '（文章来源：光明网）' }]],
    // one side's extraction kept the author note in its body, the other's among its credits: the same line in both
    ['a credit kept in the body on one side and among the credits on the other', v([P1, P2], { sourceLines: ['（作者为中国驻约旦大使）'] }), v([P1, P2, '（作者为中国驻约旦大使）']), []],
    ['the same, the other way round', v([P1, P2, '（作者为中国驻约旦大使）']), v([P1, P2], { sourceLines: ['（作者为中国驻约旦大使）'] }), []],
    ['the title changed', v([P1, P2]), v([P1, P2], { title: '紧抓人工智能产业机遇 加强数字政府建设' }), [{ type: 'title-changed', a: '加强数字政府建设，浪潮提供技术支撑', b: '紧抓人工智能产业机遇 加强数字政府建设' }]],
    ['a paragraph moved', v([P1, P2, P3]), v([P2, P3, P1]), [{ type: 'paragraph-moved', a: P1, b: P1 }]],
    ['unrelated material appended', v([P1, P2]), v([P1, P2], { appended: ['数字化转型中政府治理的机遇与挑战', '近年来，新一代信息技术快速发展。'] }), [{ type: 'appended-material', b: '数字化转型中政府治理的机遇与挑战 近年来，新一代信息技术快速发展。' }]],
    ['unrelated text after the article on a page (nothing says what was appended)', v([P1, P2]), v([P1, P2, UNRELATED]), [{ type: 'appended-material', b: UNRELATED.slice(0, 120) + '…' }]],
    ['an excerpt: the later paragraphs of the original are not appended material', v([P1, P2, P3], { appended: [] }), v([P1], { appended: [] }), []],
    ['nothing but punctuation width', v([P1, P2]), v([P1.replace(/，/g, ','), P2.replace(/：|，/g, ',')]), []],
  ])('%s', (_what, a, b, expected) => {
    expect(edits(a, b)).toEqual(expected);
  });

  it('points each edit at the row where it shows', () => {
    const r = compareVersions(v([P1, P2, P3]), v([P1.replace('全球领先的', ''), P2, P3.replace('5532', '5600')]));
    for (const e of r.edits) {
      const row = r.rows[e.row!]!;
      expect(`${row.a}`).toContain(e.a ?? '');
    }
  });
});

describe('attribution lines', () => {
  it.each([
    '（文章来源：光明网）',
    '(责编:李源、曹淼)',
    '原标题:加强数字政府建设,浪潮提供技术支撑',
    '(战钊)',
    '来源: 中国新闻网',
    '责任编辑：王丽',
    '本报记者 王彦斌',
    '(作者杨冬梅单位:中共黑龙江省委党校(黑龙江省行政学院)公共管理教研部)',
    'Source: Xinhua',
    'By Wang Yanbin',
  ])('%s is an attribution line', (line) => {
    expect(isAttributionLine(line)).toBe(true);
  });

  it.each([
    '智算筑牢数字政府底座',
    '为全国100，多个省(区、市)政府建立大数据平台',
    'By the end of 2021, the province had built 5G stations.',
    '北京城市副中心政务服务中心，是全国首个“以智能终端自助服务为主、人工窗口服务为辅”的新型智能型政务中心。',
  ])('%s is not', (line) => {
    expect(isAttributionLine(line)).toBe(false);
  });

  it('finds a byline only at the edge of a changed stretch', () => {
    expect(attributionIn('(战钊) ')).toBe('(战钊)');
    expect(attributionIn('提速。(战钊)')).toBe('(战钊)');
    expect(attributionIn('省(区、市)政府')).toBeNull();
  });

  // Real pages (none a version of the corpus): their body paragraphs as labelled are article text,
  // so hardly any of them may read as attribution lines.
  it('does not take the body paragraphs of the corpus articles for attribution', () => {
    const CORPUS = path.resolve(__dirname, '../../assets/corpus');
    for (const file of ['001_ca89d907f43c97a4.txt', '002_0e89e667d319eb52.txt', '004_64f7dba65d21b4b5.txt']) {
      const lines = readFileSync(path.join(CORPUS, file), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 40);
      const hits = lines.filter((l) => isAttributionLine(l) && !/^[（(]作者/.test(l));
      expect(hits, file).toEqual([]);
    }
  });
});
