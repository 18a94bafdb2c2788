// Is an article about digital government (e-government, smart cities, government informatization)?
// Explainable by construction: a weighted vocabulary (src/core/topic/terms.ts), each term's count
// saturated so that one term repeated cannot carry a page, title terms counting extra, and a
// density floor so that a long page mentioning "smart city" once in passing stays off topic.
import { CORE_TERMS_EN, CORE_TERMS_ZH, CORE_TERMS_ZH_TRADITIONAL, FIELD_TERMS_EN, termRegex, type TermWeight } from './terms';
import type { Lang, TopicTerm, TopicVerdict } from '../types';
import { toSimplified } from '../text/normalize';

/**
 * Context terms: common in digital-government news but also elsewhere, so they only add to the
 * core terms (which name the topic) and never decide alone. Kept here, out of the content script.
 */
const CONTEXT_TERMS: readonly TermWeight[] = [
  { term: '政务', weight: 2 },
  { term: '政務', weight: 2 },
  { term: '数据共享', weight: 2 },
  { term: '信息化', weight: 2 },
  { term: '城市治理', weight: 2 },
  { term: '政府治理', weight: 2 },
  { term: '放管服', weight: 2 },
  { term: '数字中国', weight: 2 },
  { term: '互联网+', weight: 1 },
  { term: '数字化转型', weight: 1 },
  { term: '算力', weight: 1 },
  { term: '智算中心', weight: 1 },
  { term: '计算中心', weight: 1 },
  { term: '数据中心', weight: 1 },
  { term: '大数据', weight: 1 },
  { term: '云计算', weight: 1 },
  { term: '数字经济', weight: 1 },
  { term: 'government data', weight: 2 },
  { term: 'data sharing', weight: 2 },
  { term: 'informatization', weight: 2 },
  { term: 'open data', weight: 2 },
  { term: 'public services', weight: 1 },
  { term: 'digital transformation', weight: 1 },
  { term: 'computing power', weight: 1 },
  { term: 'computing center', weight: 1 },
  { term: 'data center', weight: 1 },
  { term: 'big data', weight: 1 },
  { term: 'cloud computing', weight: 1 },
  { term: 'digital economy', weight: 1 },
  { term: 'interoperability', weight: 1 },
  { term: 'online voting', weight: 1 },
  { term: 'online services', weight: 1 },
];

/**
 * Taiwan's words for the field, as they read once folded to Simplified script (數位 for 数字,
 * 資料 for 数据, 資訊 for 信息): the scorer folds the text, so 數位轉型 arrives as 数位转型.
 */
const TAIWAN_TERMS: readonly TermWeight[] = [
  { term: '智慧政府', weight: 3 },
  { term: '数位治理', weight: 2.5 },
  { term: '资料共享', weight: 2 },
  { term: '开放资料', weight: 2 },
  { term: '政府资料', weight: 2 },
  { term: '资讯化', weight: 2 },
  { term: '数位服务', weight: 2 },
  { term: '数位转型', weight: 1 },
  { term: '数位经济', weight: 1 },
  { term: '云端运算', weight: 1 },
  { term: '资料中心', weight: 1 },
];

// the text is read in Simplified script (toSimplified), so Traditional spellings are listed folded
const folded = (ts: readonly TermWeight[]): TermWeight[] => ts.map((t) => ({ ...t, term: toSimplified(t.term) }));
const LEXICON = [...CORE_TERMS_ZH, ...folded(CORE_TERMS_ZH_TRADITIONAL), ...CORE_TERMS_EN, ...FIELD_TERMS_EN, ...CONTEXT_TERMS, ...TAIWAN_TERMS];
// one pass over the text, longest term first, so "政务服务" is not also counted as "政务"
const keyOf = (s: string): string => s.toLowerCase().replace(/[-\s]+/g, '');
const BY_KEY = new Map(LEXICON.map((t) => [keyOf(t.term), t]));
const LEXICON_RE = termRegex(LEXICON.map((t) => t.term));

interface Hit {
  term: string;
  /** The term as the page first writes it (數位政府 on a Traditional page). */
  shown: string;
  weight: number;
  count: number;
}

function findLexicon(text: string): Map<string, Hit> {
  const hits = new Map<string, Hit>();
  // folding keeps every character's place, so a match's place in the folded text is its place in the page's
  for (const m of toSimplified(text).matchAll(LEXICON_RE)) {
    const t = BY_KEY.get(keyOf(m[0]));
    if (!t) continue;
    const h = hits.get(t.term);
    if (h) h.count++;
    else hits.set(t.term, { term: t.term, shown: text.slice(m.index, m.index + m[0].length), weight: t.weight, count: 1 });
  }
  return hits;
}

/** A term in the title says more about the page than one in the body. */
const TITLE_BONUS = 2;
/** Evidence needed (sum of weight x saturated count) for a verdict of "on topic". */
const MIN_EVIDENCE = 12;
/** Weighted occurrences per 1000 characters of Chinese (or 500 English words) the body must reach. */
const MIN_DENSITY = 4;
/**
 * Occurrences of core (topic-naming) terms needed: one or two could be a passing mention. Terms of
 * weight 2, specific to the field without naming it (政务, 数据共享, e-services, digital identity,
 * e-voting), count half each, so that a feature on a country's digital state that says "digital
 * government" once and then writes about its e-services and digital identity is on topic; at least
 * one core term is always needed.
 */
const MIN_STRONG = 3;
const FIELD_SHARE = 0.5;

/** Saturated count: 1 -> 1, 3 -> 2, 7 -> 3; the 20th mention adds little. */
const saturate = (count: number): number => Math.log2(1 + count);

/** Body length in Chinese-character equivalents: in English one word ~ two characters; inside Chinese text a Latin token (AI, 5G) ~ one. */
function lengthUnits(text: string, lang: Lang): number {
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  // Han runs are matched as "words" by \p{L}+ as well: take them out again
  const hanRuns = text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g)?.length ?? 0;
  const perWord = lang === 'zh' || lang === 'ja' ? 1 : 2;
  return han + perWord * Math.max(0, words - hanRuns);
}

export function detectTopic(input: { title: string; paragraphs: string[] }, lang: Lang): TopicVerdict {
  const body = input.paragraphs.join('\n');
  const inTitle = findLexicon(input.title);
  const all = new Map<string, { hit: Hit; body: number; title: number }>();
  for (const h of findLexicon(body).values()) all.set(h.term, { hit: h, body: h.count, title: 0 });
  for (const [term, h] of inTitle) {
    const e = all.get(term);
    if (e) e.title = h.count;
    else all.set(term, { hit: h, body: 0, title: h.count });
  }

  let evidence = 0;
  let weighted = 0;
  let core = 0;
  let field = 0;
  const terms: (TopicTerm & { score: number })[] = [];
  for (const { hit, body: b, title: t } of all.values()) {
    const score = hit.weight * (saturate(b) + (t > 0 ? TITLE_BONUS : 0));
    evidence += score;
    weighted += hit.weight * b;
    if (hit.weight > 2) core += b + t;
    else if (hit.weight === 2) field += b + t;
    terms.push({ term: hit.shown, weight: hit.weight, count: b + t, score });
  }
  terms.sort((x, y) => y.score - x.score || y.weight - x.weight);

  const units = Math.max(lengthUnits(body, lang), 300); // a short text is not made dense by one mention
  const density = (weighted * 1000) / units;
  const strong = core + FIELD_SHARE * field;
  const digitalGovernment = core >= 1 && strong >= MIN_STRONG && evidence >= MIN_EVIDENCE && density >= MIN_DENSITY;
  // one number for the UI: 1 is the bar, the weaker of evidence and density decides
  const score = Math.round(Math.min(evidence / MIN_EVIDENCE, density / MIN_DENSITY) * 100) / 100;
  return {
    digitalGovernment,
    score,
    terms: terms.map(({ term, weight, count }) => ({ term, weight, count })),
  };
}
