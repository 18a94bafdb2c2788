import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  alignTranslation,
  chineseFeatures,
  englishFeatures,
  LENGTH_RATIO,
  LENGTH_VARIANCE,
  pairSimilarity,
  prepareText,
  alignPrepared,
} from '../../src/core/compare/align';
import { loadLexicon, longestWord, stemEnglish } from '../../src/core/text/lexicon';
import { corpusDoc, corpusLexicon, ROOT } from '../fixtures/translation/corpus';

const CORPUS = path.join(ROOT, 'assets/corpus');

const lex = corpusLexicon();
const sim = (zh: string, en: string): number => pairSimilarity([chineseFeatures(zh, lex)], [englishFeatures(en)]);

describe('anchors the scorer recognises', () => {
  // Each row: a Chinese phrase, its English rendering; the pair must score as a translation.
  const SAME: [string, string][] = [
    ['南京', 'Nanjing'], // place name through pinyin / CC-CEDICT
    ['山东省政府', 'the Shandong provincial government'],
    ['郑东新区', 'Zhengdong New District'], // not in CC-CEDICT: pinyin only
    ['携手浪潮', 'joined hands with Inspur'], // gazetteer: not pinyin
    ['华为', 'Huawei'],
    ['部署AI算力', 'deploy AI computing power'], // Latin token and gazetteer term
    ['上云单位1014家', '1,014 cloud-based units'], // figures in both notations
    ['100亿张图像', '10 billion images'],
    ['加强數字政府建設', 'strengthen digital government construction'], // Traditional characters
  ];
  it.each(SAME)('%s ~ %s', (zh, en) => {
    expect(sim(zh, en)).toBeGreaterThanOrEqual(0.5);
  });

  const DIFFERENT: [string, string][] = [
    ['南京', 'Shandong'],
    ['上云单位1014家', '1,040 cloud-based units'],
    ['携手浪潮', 'joined hands with Huawei'],
    ['兰州新区引进落地中科曙光先进计算中心', 'the bus routes are optimized and greatly saved'],
  ];
  it.each(DIFFERENT)('%s !~ %s', (zh, en) => {
    expect(sim(zh, en)).toBeLessThan(0.5);
  });
});

describe('alignTranslation(000, 001)', () => {
  const zh = corpusDoc('000').paragraphs;
  const en = corpusDoc('001').paragraphs;
  const beads = alignTranslation(zh, en, lex);

  it('lists every sentence of both sides once, in order', () => {
    const zs = beads.flatMap((b) => b.zh.map((s) => `${s.para}:${s.start}`));
    const es = beads.flatMap((b) => b.en.map((s) => `${s.para}:${s.start}`));
    const order = (keys: string[]) => keys.map((k) => k.split(':').map(Number) as [number, number]);
    const sorted = (xs: [number, number][]) => xs.every((x, i) => i === 0 || x[0] > xs[i - 1]![0] || (x[0] === xs[i - 1]![0] && x[1] > xs[i - 1]![1]));
    expect(new Set(zs).size).toBe(zs.length);
    expect(sorted(order(zs))).toBe(true);
    expect(sorted(order(es))).toBe(true);
    expect(zs.length).toBe(prepareText(zh, true, lex).sentences.length);
    expect(es.length).toBe(prepareText(en, false, lex).sentences.length);
    for (const b of beads) expect(b.zh.length > 0 && b.en.length > 0 ? b.score > 0 : b.score === 0).toBe(true);
  });

  // Sentence pairs read off the two texts: the English sentence, a phrase of its Chinese source.
  const PAIRS: [string, string][] = [
    ['Behind the visible government services', '看得见的政务服务背后'],
    ['The Shandong provincial government and Inspur Group', '山东省政府与浪潮共同打造'],
    ['The reporter learned that', '按期结案率提升至95%以上'],
    ['with the help of the intelligent data analysis function', '借助车路协调系统'],
    ['With the help of the intelligent parking management system', '找车位只需1分钟'],
    ['With the help of Inspur, 174 types', '174类电子证照'],
  ];
  it.each(PAIRS)('pairs "%s…" with the sentence of "%s"', (enStart, zhPhrase) => {
    const bead = beads.find((b) => b.en.some((s) => s.text.trimStart().startsWith(enStart)));
    expect(bead?.zh.map((s) => s.text).join('')).toContain(zhPhrase);
  });

  it('cuts a Chinese sentence into the English sentences that translate it (1-2 beads)', () => {
    const bead = beads.find((b) => b.zh.some((s) => s.text.includes('80亿亿次')));
    expect(bead?.en.length).toBe(2);
    expect(bead?.en[1]!.text).toContain('tens of billions');
  });
});

describe('the length model', () => {
  it('has the words-per-character ratio and variance measured on 000/001', () => {
    const zh = prepareText(corpusDoc('000').paragraphs, true, lex);
    const en = prepareText(corpusDoc('001').paragraphs, false, lex);
    const zi = new Map(zh.sentences.map((s, i) => [s, i]));
    const ei = new Map(en.sentences.map((s, i) => [s, i]));
    const pairs = alignPrepared(zh, en)
      .filter((b) => b.score >= 0.6)
      .map((b) => [
        b.zh.reduce((t, s) => t + zh.features[zi.get(s)!]!.size, 0),
        b.en.reduce((t, s) => t + en.features[ei.get(s)!]!.size, 0),
      ]);
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    const ratio = pairs.reduce((t, p) => t + p[1]!, 0) / pairs.reduce((t, p) => t + p[0]!, 0);
    const variance = pairs.reduce((t, [l1, l2]) => t + (l2! - ratio * l1!) ** 2 / l1!, 0) / pairs.length;
    expect(Math.abs(ratio - LENGTH_RATIO) / ratio).toBeLessThan(0.1);
    expect(Math.abs(variance - LENGTH_VARIANCE) / variance).toBeLessThan(0.3);
  });
});

describe('the corpus lexicon', () => {
  const file = path.join(ROOT, 'dist/corpus/lexicon.json');
  it('is the whole of CC-CEDICT, not the words of one corpus', () => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string>; maxLength: number };
    expect(Object.keys(json.entries).length).toBeGreaterThan(100_000);
    // words no bundled article uses, in either direction of reading
    for (const [zh, en] of [['选举', 'elect'], ['地震', 'earthquake'], ['足球', 'soccer']] as const) expect(lex.glosses.get(zh)).toContain(stemEnglish(en));
    expect(json.maxLength).toBe(Object.keys(json.entries).reduce((m, k) => Math.max(m, k.length), 1));
  });

  it('finds the longest headword at each place from its prefix table, without losing one', () => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string> };
    let exact = 0;
    for (const k of Object.keys(json.entries)) {
      if (k.length < 2) continue;
      const bound = lex.longestAt(`${k}。`, 0);
      expect(bound, k).toBeGreaterThanOrEqual(k.length);
      if (bound === k.length) exact++;
    }
    expect(exact).toBeGreaterThan(50_000); // a bound that is always maxLength would pass the line above
    // the gazetteer's names count too, and nothing begins with the ideographic space
    expect(lex.longestAt('浪潮集团发布', 0)).toBe('浪潮集团'.length);
    expect(lex.longestAt('\u3000中国', 0)).toBe(0);
    expect(longestWord(lex, '中华人民共和国国务院', 0)).toBe('中华人民共和国'.length);
    // segmentation is what trying every length gives, at every place of real text
    const text = readFileSync(path.join(CORPUS, readdirSync(CORPUS).find((n) => n.startsWith('000'))!), 'utf8');
    const han = (text.match(/\p{Script=Han}+/gu) ?? []).join('');
    const everyLength = (at: number): number => {
      for (let len = Math.min(lex.maxLength, han.length - at); len > 1; len--) if (lex.glosses.get(han.slice(at, at + len))) return len;
      return lex.glosses.get(han[at]!) ? 1 : 0;
    };
    expect(han.length).toBeGreaterThan(1000);
    for (let at = 0; at < han.length; at++) expect(longestWord(lex, han, at), han.slice(at, at + 8)).toBe(everyLength(at));
  });

  const ENTRIES: [string, string][] = [
    ['政府', 'government'],
    ['南京', 'nanjing'],
    ['山东', 'shandong'], // CC-CEDICT only says "see 山東省": the reference is followed
    ['长三角', 'yangtze'],
    ['浪潮', 'inspur'], // gazetteer
    ['光明网', 'guangming'],
  ];
  it.each(ENTRIES)('translates %s as %s', (zh, en) => {
    expect(lex.glosses.get(zh)).toContain(stemEnglish(en));
  });

  it('loads from its JSON alone (pure)', () => {
    const l = loadLexicon({ version: 1, entries: { 政务: 'government affairs' } });
    expect(l.glosses.get('政务')).toEqual([stemEnglish('government'), stemEnglish('affairs')]);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries['数字']).toMatch(/digit/);
  });
});
