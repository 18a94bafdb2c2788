// The core vocabulary of digital-government news, shared by the cheap precheck (bundled into the
// content script that runs on every page, so this list stays small) and by the full topic scorer.
// Chinese terms are in Simplified form; the precheck cannot afford a converter, so the few
// Traditional and Taiwanese spellings that matter are listed as well.

export interface TermWeight {
  term: string;
  weight: number;
}

/** Terms that on their own say "digital government" (weights are shared with the topic scorer). */
export const CORE_TERMS_ZH: readonly TermWeight[] = [
  { term: '数字政府', weight: 3 },
  { term: '电子政务', weight: 3 },
  { term: '政务服务', weight: 3 },
  { term: '政务云', weight: 3 },
  { term: '政务数据', weight: 3 },
  { term: '政务信息化', weight: 3 },
  { term: '政府信息化', weight: 3 },
  { term: '政府数字化', weight: 3 },
  { term: '智慧政务', weight: 3 },
  { term: '一网通办', weight: 3 },
  { term: '一网统管', weight: 3 },
  { term: '跨省通办', weight: 3 },
  { term: '智慧城市', weight: 2.5 },
  { term: '城市大脑', weight: 2.5 },
  { term: '数字治理', weight: 2.5 },
];

/** Traditional (Hong Kong, Taiwan) spellings of the core terms, for the precheck only. */
export const CORE_TERMS_ZH_TRADITIONAL: readonly TermWeight[] = [
  { term: '數字政府', weight: 3 },
  { term: '數位政府', weight: 3 },
  { term: '電子政務', weight: 3 },
  { term: '電子化政府', weight: 3 },
  { term: '政務服務', weight: 3 },
  { term: '智慧城市', weight: 2.5 },
];

/** English core terms, lower case; matched case-insensitively on word boundaries. */
export const CORE_TERMS_EN: readonly TermWeight[] = [
  { term: 'digital government', weight: 3 },
  { term: 'e-government', weight: 3 },
  { term: 'e-governance', weight: 3 },
  { term: 'electronic government', weight: 3 },
  { term: 'government cloud', weight: 3 },
  { term: 'government services online', weight: 3 },
  { term: 'online government services', weight: 3 },
  { term: 'digital public services', weight: 3 },
  { term: 'public sector digital transformation', weight: 3 },
  { term: 'government informatization', weight: 3 },
  { term: 'govtech', weight: 3 },
  { term: 'smart city', weight: 2.5 },
  { term: 'smart cities', weight: 2.5 },
  { term: 'digital governance', weight: 2.5 },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One global regex matching any of `terms`, longest first so that a longer term wins where two
 * start at the same place. Latin terms get word boundaries and `-` also matches a space or nothing
 * ("e-government", "e government", "egovernment").
 */
export function termRegex(terms: readonly string[]): RegExp {
  const parts = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => {
      const body = escape(t).replace(/\\-|-/g, '[-\\s]?').replace(/ /g, '\\s+');
      return /^[a-z]/i.test(t) ? `\\b${body}\\b` : body;
    });
  return new RegExp(parts.join('|'), 'gi');
}

/** Canonical form of a matched term: lower case, single spaces, hyphen-free variants mapped back. */
export function canonicalTerm(match: string): string {
  return match.toLowerCase().replace(/\s+/g, ' ');
}

export interface TermHit extends TermWeight {
  count: number;
}

const ALL_CORE = [...CORE_TERMS_ZH, ...CORE_TERMS_ZH_TRADITIONAL, ...CORE_TERMS_EN];
// spelling variants ("egovernment", "e government") share one key with the listed term
const keyOf = (s: string): string => s.toLowerCase().replace(/[-\s]+/g, '');
const BY_KEY = new Map(ALL_CORE.map((t) => [keyOf(t.term), t]));
const CORE_RE = termRegex(ALL_CORE.map((t) => t.term));

/** Core terms found in `text`, with counts, strongest (weight x count) first. */
export function findTerms(text: string): TermHit[] {
  const hits = new Map<string, TermHit>();
  CORE_RE.lastIndex = 0;
  for (const m of text.matchAll(CORE_RE)) {
    const t = BY_KEY.get(keyOf(m[0]));
    if (!t) continue;
    const h = hits.get(t.term);
    if (h) h.count++;
    else hits.set(t.term, { term: t.term, weight: t.weight, count: 1 });
  }
  return [...hits.values()].sort((a, b) => b.weight * b.count - a.weight * a.count);
}
