// Topic verdicts: the five corpus articles (including the two same-topic articles that are not
// versions of 000) are digital-government news; none of the 30 real pages is, including the two
// about surveillance laws; a passing mention does not make a page on topic.
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/cn2t';
import { detectTopic } from '../../src/core/topic/topic';
import { precheck } from '../../src/core/topic/precheck';
import { detectLanguage } from '../../src/core/text/language';
import { extractArticle } from '../../src/extract/article';
import { corpusArticle, corpusStems, labels, realworldDoc } from './extract-fixtures';

describe('corpus articles are digital-government news', () => {
  it.each(corpusStems)('%s', (stem) => {
    const a = corpusArticle(stem);
    const v = detectTopic(a, detectLanguage(a.paragraphs.join('\n')));
    expect(v.digitalGovernment, JSON.stringify(v)).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(1);
    // explainable: the deciding terms come first and are topic-naming ones
    expect(v.terms[0]!.weight).toBeGreaterThan(2);
    expect(v.terms[0]!.count).toBeGreaterThan(0);
  });

  it('000 in Traditional characters is still on topic', () => {
    const a = corpusArticle(corpusStems[0]!);
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const t = { title: toTraditional(a.title), paragraphs: a.paragraphs.map(toTraditional) };
    expect(t.title).not.toBe(a.title);
    expect(detectTopic(t, 'zh').digitalGovernment).toBe(true);
  });
});

describe("Taiwan's words for the field", () => {
  const paragraphs = [
    '數位發展部今日宣布，數位政府服務將全面升級，民眾可透過行動裝置辦理戶籍、稅務等業務，預計每年可節省數百萬小時的排隊時間。',
    '部長表示，政府將持續推動數位轉型，強化跨機關資料共享與資訊安全，並與地方政府合作建置智慧城市平台，提升公共服務效率。',
    '根據規劃，數位身分識別系統將於明年上路，初期開放線上申辦二十項服務，後續將逐步擴大至所有政府機關，數位政府的目標是全程線上辦理。',
  ];
  it('a Traditional article written in them is on topic, its terms shown as the page writes them', () => {
    const v = detectTopic({ title: '數位政府服務全面升級 線上申辦明年上路', paragraphs }, 'zh');
    expect(v.digitalGovernment, JSON.stringify(v)).toBe(true);
    expect(v.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['數位政府', '資料共享', '數位轉型']));
  });

  it('one of them in passing keeps a page off topic', () => {
    const concert = Array.from({ length: 6 }, () => '演唱會今晚在台北小巨蛋登場，歌手帶來二十多首經典歌曲，現場觀眾大合唱，氣氛熱烈，主辦單位表示門票早已售罄。');
    const v = detectTopic({ title: '天后演唱會今晚登場', paragraphs: [...concert, '主辦單位也配合市府的數位轉型政策，全面採用電子票券。'] }, 'zh');
    expect(v.digitalGovernment).toBe(false);
    expect(v.terms.map((t) => t.term)).toEqual(['數位轉型']);
  });
});

describe('real-world pages are not', () => {
  it.each(labels.map((l) => l.name))('%s', (name) => {
    const { article } = extractArticle(realworldDoc(name));
    const v = detectTopic(article, article.lang);
    expect(v.digitalGovernment, JSON.stringify(v.terms)).toBe(false);
    expect(v.score).toBeLessThan(1);
  });
});

describe('passing mentions', () => {
  const sports = extractArticle(realworldDoc('aktualne')).article; // football
  const bbc = extractArticle(realworldDoc('bbc-1')).article; // gun laws
  const gmw = extractArticle(realworldDoc('gmw')).article; // astronauts and alcohol

  it.each([
    ['an English article with one "smart city"', bbc, 'The president spoke in a city that calls itself a smart city.'],
    ['an English article with one "e-government" and one "digital government"', bbc, 'Critics said e-government and digital government were not the point.'],
    ['a Chinese article with one 智慧城市 and one 数字政府', gmw, '这座智慧城市也在推进数字政府建设。'],
  ])('%s stays off topic', (_, article, sentence) => {
    const paragraphs = [...article.paragraphs];
    paragraphs.splice(2, 0, sentence);
    const v = detectTopic({ title: article.title, paragraphs }, article.lang);
    expect(v.digitalGovernment).toBe(false);
    // the mention is reported even though it did not decide
    expect(v.terms.length).toBeGreaterThan(0);
  });

  it('a sports page with "smart city" in passing is off topic', () => {
    const v = detectTopic({ title: sports.title, paragraphs: [...sports.paragraphs, 'Smart city lights lit up the stadium.'] }, 'cs');
    expect(v.digitalGovernment).toBe(false);
  });

  it('the same terms throughout a short article put it on topic', () => {
    const paragraphs = [
      '市政务服务中心推出一网通办平台，市民办理政务服务事项不再跑腿。',
      '数字政府建设提速，政务云承载了全市八成以上的政务信息系统，政务数据共享率明显提高。',
      '下一步将建设城市大脑，推进智慧城市与数字政府协同发展。',
    ];
    const v = detectTopic({ title: '我市数字政府建设再提速', paragraphs }, 'zh');
    expect(v.digitalGovernment).toBe(true);
    expect(v.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['数字政府', '政务服务', '一网通办', '政务云']));
    // strongest first
    const scores = v.terms.map((t) => t.weight);
    expect(scores[0]).toBe(Math.max(...scores));
  });
});

describe("English features on a country's digital state", () => {
  // written for the test in the way the field's English press writes: "digital government" once,
  // then the services themselves
  const feature = {
    title: 'How a small country moved its public services online',
    paragraphs: [
      'Fifteen years ago the Baltic state decided that digital government would be the default rather than an experiment, and most of its officials now say the bet paid off.',
      'Citizens use a single digital identity card to sign contracts, file taxes and see their medical records, and the same digital identity works for e-services run by banks and by the state alike.',
      'Behind the portal sits X-Road, a data exchange layer that lets ministries ask one another for records instead of asking the citizen to bring paper copies. Interoperability, officials argue, matters more than any single app.',
      'Almost every public service is available as one of the e-services on the portal; only marriage, divorce and buying property still need a visit to an office.',
      'The country was also the first to allow e-voting in a national election. Around half of the ballots in the last parliamentary vote were cast online, and e-voting has survived several audits.',
      'Foreign entrepreneurs can apply for e-residency, a digital identity that lets them open a company and run it remotely, though it does not grant the right to live there.',
      'Critics point to a data breach in 2017 and to the cost of keeping the digital identity system secure, but support for the e-services remains high in surveys.',
    ],
  };
  it('is on topic when it says "digital government" once and then writes about e-services, digital identity and e-voting', () => {
    const v = detectTopic(feature, 'en');
    expect(v.digitalGovernment, JSON.stringify(v.terms)).toBe(true);
    expect(v.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['digital government', 'digital identity', 'e-services', 'e-voting', 'e-residency']));
    // and the content script's precheck lets it through to that check
    expect(precheck({ title: feature.title, description: '', keywords: '', text: feature.paragraphs.join('\n') }).candidate).toBe(true);
  });
  it('needs one term that names the topic: the same feature without "digital government" or "e-residency" is not', () => {
    const unnamed = { ...feature, paragraphs: feature.paragraphs.map((p) => p.replace('digital government', 'technology').replace('e-residency', 'a remote card')) };
    expect(detectTopic(unnamed, 'en').digitalGovernment).toBe(false);
  });
  it("a bank's piece on digital identity and online services is not", () => {
    const bank = {
      title: 'Bank launches digital identity app',
      paragraphs: [
        'The bank said its new digital identity app would let customers open accounts without visiting a branch.',
        'Customers verify their digital identity with a selfie and a passport scan, and can then use all online services, from mortgages to savings.',
        'The digital identity market is growing fast as lenders compete on online services, analysts said, and fraud remains the main worry.',
        'A spokesperson said the app had passed its security review and would reach all customers by the end of the year.',
      ],
    };
    expect(detectTopic(bank, 'en').digitalGovernment).toBe(false);
  });
});
