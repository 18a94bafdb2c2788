import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNumbers, sameNumber, type NumberMention } from '../../src/core/text/numbers';
import { realworldPages } from '../fixtures/translation/corpus';

// Sentences as they appear in the corpus (000 Chinese original, 001 English translation) and in
// ordinary Chinese/English news; each row: text, the figures a reader sees in it.
const FIND: [string, [string, number, string?][]][] = [
  ['省内各云中心共承载全省上云单位1014家，承载上云业务系统5532个', [['1014', 1014], ['5532', 5532]]],
  ['carry a total of 1,014 cloud-based units in the province and 5,532 cloud-based business systems', [['1,014', 1014], ['5,532', 5532]]],
  ['全角数字１，０１４家和５５３２个', [['１，０１４', 1014], ['５５３２', 5532]]],
  ['AI计算能力达每秒80亿亿次，1小时可处理100亿张图像、300万小时语音翻译或1万公里', [['80亿亿', 8e17], ['1', 1], ['100亿', 1e10], ['300万', 3e6], ['1万', 1e4]]],
  ['reaches 8 billion times per second, which can process 10 billion images, 3 million hours of speech translation or 10,000 kilometers', [['8 billion', 8e9], ['10 billion', 1e10], ['3 million', 3e6], ['10,000', 1e4]]],
  ['将带动长三角地区人工智能产业百亿级规模增长', [['百亿级', 1e10, 'magnitude']]],
  ['drive the tens of billions of scale growth', [['tens of billions', 1e10, 'magnitude']]],
  ['浪潮云连续七年蝉联中国政务云市场占有率第一位', [['七', 7], ['第一', 1, 'ordinal']]],
  ['中央全面深化改革委员会第二十五次会议', [['第二十五', 25, 'ordinal']]],
  ['the 25th meeting of the Central Committee', [['25th', 25, 'ordinal']]],
  ['城市管理案件按期结案率提升至95%以上', [['95%以上', 95, 'percent']]],
  ['increased the rate of urban management cases to more than 95% on schedule', [['more than 95%', 95, 'percent']]],
  ['数字经济和GDP将分别增长3.3‰和1.8‰', [['3.3‰', 3.3, 'percent'], ['1.8‰', 1.8, 'percent']]],
  ['办理的市级事项已压缩至2.65天，区级事项已缩至1.93天', [['2.65', 2.65, 'decimal'], ['1.93', 1.93, 'decimal']]],
  ['深耕政务服务领域20余年', [['20余', 20]]],
  ['their more than 20 years of experience', [['more than 20', 20]]],
  ['一亿二千万人，三百五十个，一万五千元，两千万', [['一亿二千万', 1.2e8], ['三百五十', 350], ['一万五千', 15000], ['两千万', 2e7]]],
  ['百分之九十五的用户', [['百分之九十五', 95, 'percent']]],
  ['4月19日，会议审议通过', [['4月19日', 419, 'date']]],
  ['On April 19, the meeting', [['April 19', 419, 'date']]],
  ['the "2020 Global Computing Power Index Evaluation Report"', [['2020', 2020, 'year']]],
  ['正为全国25个省，220+地市提供云计算服务', [['25', 25], ['220+', 220]]],
  // Numerals inside words are not figures; Latin codes with digits are names, not figures
  ['落地“一网统管”N项智慧应用，统一的平台，百姓生活，十分便捷，新一代信息技术', []],
  ['5G networks, IPv6 and COVID-19', []],
  ['three pillars of digital development', [['three', 3]]],
  // words that are names of object properties are words, not numbers; abbreviated months are dates
  ['the constructor of toString and valueOf, hasOwnProperty', []],
  ['Sept 3, 2021 and Dec. 12', [['Sept 3, 2021', 20210903, 'date'], ['Dec. 12', 1212, 'date']]],
  ['twenty-five thousand people and Thirty-one', [['twenty-five thousand', 25000], ['Thirty-one', 31]]],
  // a lone 一 is the article "a" or part of a word (一个, 一项, 一年 = a year, 一居室), never a figure
  ['开展了一项研究，是一个大问题，第一个在月球上', [['第一', 1, 'ordinal']]],
  ['早在一年前就来过，1小时可处理，未来一年，一份新的咨询文件，一居室', [['1', 1]]],
  ['地球数千公里的轨道', [['数千', 1000, 'magnitude']]],
  ['价高达1500亿美元，大约3000万记录', [['1500亿', 1.5e11], ['大约3000万', 3e7]]],
  ['兩層木屋、十二帳、總投資366億元', [['兩', 2], ['十二', 12], ['366億', 3.66e10]]],
  // as real translated news typesets them: a space before 万/亿, full-width dates, 余/多 before the scale
  ['投资7500 万英镑，另有7,500 万元', [['7500 万', 7.5e7], ['7,500 万', 7.5e7]]],
  ['５月２２日，2023年５月２５日', [['５月２２日', 522, 'date'], ['2023年５月２５日', 20230525, 'date']]],
  // months alone (value month * 100), in either language; British day-month order; the year of
  // "January 2023" stays a figure of its own
  ['2023年1月经济数据，三月初', [['2023', 2023, 'year'], ['1月', 100, 'date'], ['三月', 300, 'date']]],
  ['data for January 2023, by early March, in May, you may go', [['January', 100, 'date'], ['2023', 2023, 'year'], ['March', 300, 'date'], ['May', 500, 'date']]],
  ['at the 18 December summit, ending on 31 March 2024', [['18 December', 1218, 'date'], ['31 March 2024', 20240331, 'date']]],
  // ranges are one figure: 4 to 6 million, between 1.27 and 25 million (the scale of the second
  // bound applies to a bare first), 400万至600万, 6倍至7倍, 一万六七千 (16,000-17,000)
  ['earlier estimate of 4 to 6 million, rallied between 1.27 and 25 million people', [['4 to 6 million', 4e6], ['between 1.27 and 25 million', 1.27e6]]],
  ['预估的400万至600万人次，增长6倍至7倍，127万到250万人，4至6百万', [['400万至600万', 4e6], ['6倍至7', 6], ['127万到250万', 1.27e6], ['4至6百万', 4e6]]],
  ['价格大概要一万六七千元左右，十五六岁，三四百万', [['一万六七千', 16000], ['十五六', 15], ['三四百万', 3e6]]],
  ['约50%至52%的水平, about 50% to 52%', [['约50%至52%', 50, 'percent'], ['about 50% to 52%', 50, 'percent']]],
  // approximations before the scale; decades; a million; a currency code glued to the amount
  ['二十多年，一百多万吨', [['二十多', 20], ['一百多万', 1e6]]],
  ['more than two decades, more than one million tonnes, a million people', [['more than two decades', 20], ['more than one million', 1e6], ['a million', 1e6]]],
  ['N585 million, £75m, N95 masks and 100m sprint', [['585 million', 5.85e8], ['75m', 7.5e7]]],
  ['惠及300余万人、120多万户', [['300余万', 3e6], ['120多万', 1.2e6]]],
];

describe('findNumbers', () => {
  it.each(FIND)('%s', (text, expected) => {
    const got = findNumbers(text);
    expect(got.map((m) => [m.text, m.value])).toEqual(expected.map(([t, v]) => [t, v]));
    expected.forEach(([, , kind], k) => {
      if (kind) expect(got[k]!.kind).toBe(kind);
    });
    for (const m of got) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('marks bounds written with 以上 / 余 / more than as qualified', () => {
    expect(findNumbers('95%以上')[0]!.qualifier).toBe('more');
    expect(findNumbers('100多个城市')[0]!.qualifier).toBe('more');
    expect(findNumbers('more than 95%')[0]!.qualifier).toBe('more');
    expect(findNumbers('1014家')[0]!.qualifier).toBeUndefined();
  });
});

const one = (s: string): NumberMention => {
  const m = findNumbers(s);
  expect(m).toHaveLength(1);
  return m[0]!;
};

const SAME: [string, string, boolean][] = [
  ['1014', '1,014', true],
  ['1014', '1040', false],
  ['5532个', '5,532', true],
  ['100亿', '10 billion', true],
  ['300万', '3 million', true],
  ['1万', '10,000', true],
  ['80亿亿', '8 billion', false],
  ['95%以上', 'more than 95%', true],
  ['95%', '95', false],
  ['3.3‰', '3.3%', false],
  ['2.65天', '2.65', true],
  ['2.65', '2.56', false],
  ['第二十五次', '25th', true],
  ['百亿级', 'tens of billions', true],
  ['百亿级', '30 billion', true],
  ['百亿级', '8 billion', false],
  ['4月19日', 'April 19', true],
  ['4月19日', 'April 18', false],
  ['20余年', 'more than 20', true],
  ['7500 万英镑', '£75 million', true],
  ['300余万人', 'more than 3 million', true],
  ['５月２２日', 'May 22', true],
  // ranges agree bound by bound
  ['400万至600万人次', 'an estimate of 4 to 6 million', true],
  ['127万到250万人', 'between 1.27 and 25 million', false],
  ['一万六七千元', 'from 16,000 to 17,000 yuan', true],
  ['一万六七千元', 'from 16,000 to 7,000 yuan', false],
  ['400万至600万人次', '4 million', false],
  ['二十多年', 'more than two decades', true],
  ['一百多万吨', 'more than one million tonnes', true],
  ['5.85亿奈拉', 'N585 million', true],
  ['1月', 'January', true],
  ['三月初', 'early March', true],
  ['12月18日', '18 December', true],
  ['1月至9月', 'from January to September', true],
  // approximate figures agree with a rounding of them, exact ones do not
  ['近135万吨', 'nearly 1.4 million tonnes', true],
  ['135万吨', '1.4 million tonnes', false],
  ['约4765亿令吉', 'approximately 4765 billion ringgit', false],
];

describe('sameNumber', () => {
  it.each(SAME)('%s vs %s -> %s', (a, b, agree) => {
    expect(sameNumber(one(a), one(b))).toBe(agree);
    expect(sameNumber(one(b), one(a))).toBe(agree);
  });
});

describe('findNumbers on real pages', () => {
  it.each(realworldPages().map((p) => [p.name, p.paragraphs.join('\n')]))('%s: mentions are where they say, in order, finite', (_name, text) => {
    let last = 0;
    for (const m of findNumbers(text as string)) {
      expect((text as string).slice(m.start, m.end)).toBe(m.text);
      expect(m.start).toBeGreaterThanOrEqual(last);
      expect(Number.isFinite(m.value)).toBe(true);
      last = m.end;
    }
  });
});

describe('notations of one integer', () => {
  it('agree: plain, grouped with commas, grouped with full-width commas, full-width digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 99_999_999 }), (n) => {
        const plain = String(n);
        const grouped = n.toLocaleString('en-US');
        const wide = grouped.replace(/,/g, '，').replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        const forms = [`共${plain}家`, `a total of ${grouped} units`, `共${wide}家`].map((s) => findNumbers(s));
        for (const f of forms) expect(f).toHaveLength(1);
        expect(sameNumber(forms[0]![0]!, forms[1]![0]!)).toBe(true);
        expect(sameNumber(forms[0]![0]!, forms[2]![0]!)).toBe(true);
        const other = findNumbers(`共${n + 1}家`)[0]!;
        expect(sameNumber(forms[0]![0]!, other)).toBe(false);
      }),
    );
  });
});
