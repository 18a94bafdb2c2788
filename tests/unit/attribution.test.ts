// Credit and byline forms of Chinese news, wherever they stand (src/core/text/attribution.ts), and what
// they mean for a verdict: two outlets' copies of one wire story, each with its own credit, are the
// same text; their credits are attribution edits, never sentence edits.
import { describe, expect, it } from 'vitest';
import { attributionIn, attributionSpans, closingCredit, leadCredit } from '../../src/core/text/attribution';
import { compareVersions } from '../../src/core/compare/compare-versions';
import { verify } from '../../src/core/match/find-versions';
import { corpusDoc, realworldPages } from '../fixtures/translation/corpus';

describe('credits a paragraph opens with', () => {
  it.each([
    ['央视网消息（新闻联播）：5月13日，国务院召开会议。', '央视网消息（新闻联播）：'],
    ['新华社北京6月5日电（记者 张三）国务院总理李强5日主持召开国务院常务会议。', '新华社北京6月5日电（记者 张三）'],
    ['新华社北戴河8月3日电 受习近平总书记委托，蔡奇3日看望暑期休假专家。', '新华社北戴河8月3日电 '],
    ['本报北京6月5日电（记者王彦斌、李四）记者从国家数据局获悉，……', '本报北京6月5日电（记者王彦斌、李四）'],
    ['本报讯（记者 李源）近日，青禾市上线一网通办平台。', '本报讯（记者 李源）'],
    ['新华网消息：国务院办公厅近日印发通知。', '新华网消息：'],
  ])('%s', (text, credit) => {
    expect(leadCredit(text)).toBe(credit);
    expect(attributionIn(credit)).toBe(credit.trim());
  });

  it.each([
    '6月5日，国务院总理李强主持召开国务院常务会议。',
    '5月13日电视电话会议在北京召开。',
    '据了解，今年以来全市共办理政务服务事项120万件。',
    '近日，国务院办公厅印发《关于进一步优化政务服务提升行政效能的指导意见》。',
    '会议指出，要加强数字政府建设。',
    '消息传来，群众纷纷点赞。',
  ])('a lead sentence is not a credit: %s', (text) => {
    expect(leadCredit(text)).toBeNull();
  });
});

describe('name tags a paragraph closes with', () => {
  it.each([
    ['各项工作有序推进。（记者 王五）', '（记者 王五）'],
    ['各项工作有序推进。（本报记者 张三 李四）', '（本报记者 张三 李四）'],
    ['各项工作有序推进。（责任编辑：王晓）', '（责任编辑：王晓）'],
    ['各项工作有序推进。(战钊)', '(战钊)'],
  ])('%s', (text, tag) => {
    expect(closingCredit(text)).toBe(tag);
  });

  it('is not a parenthesis of the sentence itself', () => {
    expect(closingCredit('覆盖全国31个省（区、市）')).toBeNull();
    expect(closingCredit('（记者 王五）')).toBeNull(); // a whole line is an attribution line, not a closing tag
  });
});

describe('attribution in real article text', () => {
  // The lead sentences of real news pages (none opens with a credit form) must not read as credits.
  it('finds no credit in the paragraphs of the 30 real-world pages and the bundled articles', () => {
    const paragraphs = [...realworldPages().flatMap((p) => p.paragraphs), ...['000', '002', '003', '004'].flatMap((id) => corpusDoc(id).paragraphs)];
    const hits = paragraphs.filter((p) => p.length > 40 && leadCredit(p.trim()));
    expect(hits).toEqual([]);
  });

  it('locates lines, opening credits and closing tags as offsets', () => {
    const text = '本报记者 张三\n新华社北京6月5日电 会议强调，要加强数字政府建设。（记者 王五）\n（责任编辑：王晓）';
    const spans = attributionSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['本报记者 张三', '新华社北京6月5日电 ', '（记者 王五）', '（责任编辑：王晓）']);
  });
});

describe('the same wire story under two credits', () => {
  const body = corpusDoc('000').paragraphs;
  const cctv = ['央视网消息（新闻联播）：' + body[0]!, ...body.slice(1)];
  const xinhua = ['新华社北京4月25日电（记者 张三）' + body[0]!, ...body.slice(1), '（责任编辑：王晓）'];

  it('is the same text, and the credits are attribution edits', () => {
    expect(verify(xinhua.join('\n'), cctv.join('\n'))?.relation).toBe('same');
    const r = compareVersions({ title: 't', lang: 'zh', paragraphs: cctv }, { title: 't', lang: 'zh', paragraphs: xinhua });
    const types = r.edits.map((e) => e.type).sort();
    expect(types).toEqual(['attribution-added', 'attribution-added', 'attribution-removed']);
  });

  it('is a reprint as soon as a sentence of the body differs', () => {
    const cut = [...xinhua];
    const at = cut.findIndex((p) => p.split('。').length > 2);
    cut[at] = cut[at]!.replace(/[^。]*。/, '');
    expect(verify(cut.join('\n'), cctv.join('\n'))?.relation).toBe('reprint');
  });
});
