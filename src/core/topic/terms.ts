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

/** Traditional (Hong Kong, Taiwan) spellings of the core terms: the precheck matches them as they are; the scorer folds the text and these to Simplified. */
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
  { term: 'digital public infrastructure', weight: 3 },
  { term: 'online public services', weight: 3 },
  { term: 'open government data', weight: 3 },
  { term: 'e-residency', weight: 2.5 },
];

/**
 * English terms of the field that do not name it alone (a bank has digital identity too): what the
 * English press writes about a country's digital state beside "digital government". Weight 2: in
 * the topic scorer they add up with a core term (src/core/topic/topic.ts), never without one; in
 * the precheck, a few of them make a page worth the full check.
 */
export const FIELD_TERMS_EN: readonly TermWeight[] = [
  { term: 'e-services', weight: 2 },
  { term: 'digital identity', weight: 2 },
  { term: 'digital id', weight: 2 },
  { term: 'e-voting', weight: 2 },
  { term: 'x-road', weight: 2 },
  { term: 'public service delivery', weight: 2 },
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

export interface TermHit extends TermWeight {
  count: number;
}

// findTerms runs in the content script on every page, in a fresh script context each time, where
// compiling a regular expression or any code that runs costs more than the search itself: the
// alternation of all core terms, and the code that built it, cost each page about 1 ms. So it
// builds nothing: it searches a precomputed table (PRECHECK_NEEDLES, checked against
// precheckNeedles() by the unit tests) with indexOf on the lower-cased text, and keeps termRegex's
// meaning: a space in a term matches a run of whitespace, a hyphen an optional hyphen or
// whitespace character ("e-government", "e government", "egovernment"), Latin terms stand on word
// boundaries (as \b: ASCII letters, digits and _), and matches do not overlap: the leftmost wins,
// and the longer term where two start at the same place (the order of termRegex's alternatives).

/** In a needle's pattern: exactly one whitespace character (a hyphen written as a space). */
const ONE_SPACE = '\u0001';

/**
 * One spelling of a core term, in the order of termRegex's alternatives: [anchor, weight, pattern,
 * offset, term]. The anchor is a literal piece of the pattern, `offset` characters after its start,
 * searched with indexOf; the pattern is in lower case, ' ' in it matches a run of whitespace,
 * ONE_SPACE one whitespace character. Omitted: the pattern is the anchor, the offset 0, the term the pattern.
 */
export type Needle = [anchor: string, weight: number, pattern?: string, offset?: number, term?: string];

/** The needles of the core terms, built from the term lists (what PRECHECK_NEEDLES must equal). */
export function precheckNeedles(): Needle[] {
  // a term in two lists (智慧城市 is written alike in both scripts) is searched once: its second
  // needle could never win, it would always start where the first already matched
  const all = [...CORE_TERMS_ZH, ...CORE_TERMS_ZH_TRADITIONAL, ...CORE_TERMS_EN, ...FIELD_TERMS_EN].filter((t, i, xs) => xs.findIndex((x) => x.term === t.term) === i);
  // termRegex's order: longest term first, the lists' order among equals
  const ranked = all.map((t, i) => ({ t, i })).sort((a, b) => b.t.term.length - a.t.term.length || a.i - b.i);
  const out: Needle[] = [];
  for (const { t } of ranked) {
    // each hyphen as a hyphen, nothing, or one whitespace character
    let spellings = [''];
    t.term.toLowerCase().split('-').forEach((part, i) => {
      spellings = i === 0 ? [part] : spellings.flatMap((s) => ['-', '', ONE_SPACE].map((sep) => s + sep + part));
    });
    for (const pattern of spellings) {
      // the longest literal piece before any whitespace run
      let [at, length, from] = [0, 0, 0];
      for (let j = 0; j <= pattern.length; j++) {
        const c = pattern[j];
        if (j < pattern.length && c !== ' ' && c !== ONE_SPACE) continue;
        if (j - from > length) [at, length] = [from, j - from];
        if (c === ' ') break;
        from = j + 1;
      }
      const needle: Needle = [pattern.slice(at, at + length), t.weight];
      if (length !== pattern.length || pattern !== t.term) needle.push(pattern, at);
      if (pattern !== t.term) needle.push(t.term);
      out.push(needle);
    }
  }
  return out;
}

/** precheckNeedles(), written out: the content script runs none of the code that builds it. */
export const PRECHECK_NEEDLES: readonly Needle[] = [
  ['public', 3, 'public sector digital transformation', 0],
  ['digital', 3, 'digital public infrastructure', 0],
  ['government', 3, 'government services online', 0],
  ['online', 3, 'online government services', 0],
  ['government', 3, 'government informatization', 0],
  ['digital', 3, 'digital public services', 0],
  ['public', 2, 'public service delivery', 0],
  ['online', 3, 'online public services', 0],
  ['electronic', 3, 'electronic government', 0],
  ['open', 3, 'open government data', 0],
  ['digital', 3, 'digital government', 0],
  ['digital', 2.5, 'digital governance', 0],
  ['government', 3, 'government cloud', 0],
  ['digital', 2, 'digital identity', 0],
  ['e-government', 3],
  ['egovernment', 3, 'egovernment', 0, 'e-government'],
  ['government', 3, 'e\u0001government', 2, 'e-government'],
  ['e-governance', 3],
  ['egovernance', 3, 'egovernance', 0, 'e-governance'],
  ['governance', 3, 'e\u0001governance', 2, 'e-governance'],
  ['smart', 2.5, 'smart cities', 0],
  ['e-residency', 2.5],
  ['eresidency', 2.5, 'eresidency', 0, 'e-residency'],
  ['residency', 2.5, 'e\u0001residency', 2, 'e-residency'],
  ['smart', 2.5, 'smart city', 0],
  ['e-services', 2],
  ['eservices', 2, 'eservices', 0, 'e-services'],
  ['services', 2, 'e\u0001services', 2, 'e-services'],
  ['digital', 2, 'digital id', 0],
  ['e-voting', 2],
  ['evoting', 2, 'evoting', 0, 'e-voting'],
  ['voting', 2, 'e\u0001voting', 2, 'e-voting'],
  ['govtech', 3],
  ['x-road', 2],
  ['xroad', 2, 'xroad', 0, 'x-road'],
  ['road', 2, 'x\u0001road', 2, 'x-road'],
  ['政务信息化', 3],
  ['政府信息化', 3],
  ['政府数字化', 3],
  ['電子化政府', 3],
  ['数字政府', 3],
  ['电子政务', 3],
  ['政务服务', 3],
  ['政务数据', 3],
  ['智慧政务', 3],
  ['一网通办', 3],
  ['一网统管', 3],
  ['跨省通办', 3],
  ['智慧城市', 2.5],
  ['城市大脑', 2.5],
  ['数字治理', 2.5],
  ['數字政府', 3],
  ['數位政府', 3],
  ['電子政務', 3],
  ['政務服務', 3],
  ['政务云', 3],
];

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A character of \w (what \b looks at); false past either end. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Where `pattern` matched from `at` in `s` ends, or -1. */
function matchAt(s: string, at: number, pattern: string): number {
  let i = at;
  for (let j = 0; j < pattern.length; j++) {
    const p = pattern.charCodeAt(j);
    if (p === 32 || p === 1) {
      if (!isSpace(s.charCodeAt(i))) return -1;
      i++;
      if (p === 32) while (isSpace(s.charCodeAt(i))) i++;
    } else if (s.charCodeAt(i) === p) i++;
    else return -1;
  }
  return i;
}

/**
 * `text` in lower case as a case-insensitive regular expression compares it: two characters
 * lower-case to ASCII (U+0130 İ to "i" and a combining dot, U+212A Kelvin to "k"), which such an
 * expression never equates with ASCII letters; they become a character that is neither a letter
 * nor a space, so that offsets and word boundaries stay those of the text.
 */
function lowerAscii(text: string): string {
  if (text.indexOf('\u0130') >= 0) text = text.split('\u0130').join('\u0000');
  if (text.indexOf('\u212a') >= 0) text = text.split('\u212a').join('\u0000');
  return text.toLowerCase();
}

/** Core terms found in `text`, with counts, strongest (weight x count) first. */
export function findTerms(text: string): TermHit[] {
  return findTermsByPart([text])[0]!;
}

/**
 * findTerms of each of `parts` (a page's title, its metadata, its text), searched as one string:
 * the content script lower-cases and searches once. The parts are joined by NUL, which no term
 * contains and which is neither a letter nor a space, so no term reaches across two parts.
 */
export function findTermsByPart(parts: readonly string[]): TermHit[][] {
  const s = lowerAscii(parts.length === 1 ? parts[0]! : parts.join('\u0000'));
  // most texts have none of the anchors: a loop of indexOf, nothing more
  let present: number[] | undefined;
  for (let k = 0; k < PRECHECK_NEEDLES.length; k++) {
    if (s.indexOf(PRECHECK_NEEDLES[k]![0]) >= 0) (present ??= []).push(k);
  }
  const out: TermHit[][] = parts.map(() => []);
  if (present) termsIn(s, present, parts, out);
  return out;
}

/** The terms of the needles `present` (by index) in the lower-cased parts joined as `s`, into `out` by part. */
function termsIn(s: string, present: number[], parts: readonly string[], out: TermHit[][]): void {
  const found: Array<[start: number, end: number, needle: number]> = [];
  for (let j = 0; j < present.length; j++) {
    const k = present[j]!;
    const needle = PRECHECK_NEEDLES[k]!;
    const anchor = needle[0];
    const pattern = needle[2] ?? anchor;
    const offset = needle[3] ?? 0;
    const latin = anchor.charCodeAt(0) < 128;
    for (let i = s.indexOf(anchor); i >= 0; i = s.indexOf(anchor, i + 1)) {
      const start = i - offset;
      // the word boundary before first: "public" is found in "republic"
      if (start < 0 || (latin && isWordChar(s.charCodeAt(start - 1)))) continue;
      const end = pattern === anchor ? i + anchor.length : matchAt(s, start, pattern);
      if (end < 0 || (latin && isWordChar(s.charCodeAt(end)))) continue;
      found.push([start, end, k]);
    }
  }
  if (found.length === 0) return;
  // as a global regular expression reads them: leftmost first, then by rank, none inside the previous
  found.sort((a, b) => a[0] - b[0] || a[2] - b[2]);
  let until = 0;
  let part = 0;
  let partEnd = parts[0]!.length; // where the current part ends in s
  for (let j = 0; j < found.length; j++) {
    const match = found[j]!;
    if (match[0] < until) continue;
    until = match[1];
    while (match[0] > partEnd) partEnd += 1 + parts[++part]!.length;
    const needle = PRECHECK_NEEDLES[match[2]]!;
    const term = needle[4] ?? needle[2] ?? needle[0];
    const hits = out[part]!;
    const h = hits.find((x) => x.term === term);
    if (h) h.count++;
    else hits.push({ term, weight: needle[1], count: 1 });
  }
  for (const hits of out) hits.sort((a, b) => b.weight * b.count - a.weight * a.count);
}
