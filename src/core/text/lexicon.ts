// The bilingual (Chinese -> English) lexicon the translation aligner and cross-language retrieval
// work with: the whole of CC-CEDICT (CC BY-SA 4.0), cleaned by scripts/build-lexicon.mjs into
// dist/corpus/lexicon.json (116,000 headwords, 4.5 MB, 1.8 MB gzipped), plus a small gazetteer of
// names that are not pinyin (浪潮 is Inspur, not "Langchao"). Pure: takes the parsed JSON.
//
// Loading is lazy: the JSON object is kept as parsed and a headword's glosses are stemmed the first
// time it is looked up, so a worker that loads the dictionary pays for JSON.parse alone (stemming
// all 116,000 entries up front took 2 s).
//
// English words on both sides (glosses and page text) are reduced to the same crude stem: plural
// endings dropped, then cut to six letters, so that government / governance / governing, and
// province / provincial, meet. Crude, but symmetric, and the aligner only asks "do they share a word".

/** The JSON written by scripts/build-lexicon.mjs. */
export interface LexiconJson {
  version: number;
  /** Simplified headword -> gloss words separated by spaces. */
  entries: Record<string, string>;
  /** Longest headword in UTF-16 units (computed when absent). */
  maxLength?: number;
  /**
   * Length (2 and up) -> the first UTF-16 units of headwords whose longest headword has that
   * length. Absent (an older file): every lookup tries up to maxLength.
   */
  longest?: Record<string, string>;
}

export interface Lexicon {
  /** Simplified headword -> stems of its English glosses (undefined when the lexicon lacks it). */
  glosses: { get(word: string): string[] | undefined };
  /** Longest headword, in UTF-16 units, for longest-match lookups. */
  maxLength: number;
  /**
   * Longest headword beginning with the UTF-16 unit `first` (an upper bound; maxLength when
   * unknown); with `second`, the longest beginning with those two units (1 when none of two or more does).
   */
  longestFrom(first: number, second?: number): number;
}

/**
 * Names that do not translate as their pinyin: companies, media, and a few terms whose English is
 * an acronym. The aligner also tries pinyin for every name (南京 = Nanjing), so only the exceptions belong here.
 */
export const GAZETTEER: Record<string, string> = {
  浪潮: 'inspur',
  浪潮集团: 'inspur group',
  浪潮云: 'inspur cloud',
  华为: 'huawei',
  光明网: 'guangming',
  光明日报: 'guangming daily',
  人民网: "people's daily",
  人民日报: "people's daily",
  新华社: 'xinhua',
  阿里巴巴: 'alibaba',
  阿里云: 'alibaba cloud aliyun',
  腾讯: 'tencent',
  百度: 'baidu',
  中兴: 'zte',
  联想: 'lenovo',
  京东: 'jd',
  小米: 'xiaomi',
  中国移动: 'china mobile',
  中国电信: 'china telecom',
  中国联通: 'china unicom',
  国际数据公司: 'idc',
  互联网: 'internet',
  人工智能: 'ai artificial intelligence',
  大数据: 'big data',
  云计算: 'cloud computing',
  政务云: 'government cloud',
  智算中心: 'intelligent computing center',
  算力: 'computing power',
  十四五: 'five-year plan',
  我国: 'china country',
  长三角: 'yangtze river delta',
};

/** English function words: they carry no evidence that two sentences say the same thing. */
export const EN_STOP = new Set(
  (
    'a an the to of in on at by for from with and or but as is be are was were been being it its this that these those ' +
    'there their they them he she his her we our us you your i me my which who whom whose what when where how than then ' +
    'so such not no nor do does did done have has had having can could will would shall should may might must also very ' +
    'into onto over under about after before between through during within without up down out off again further once ' +
    'here all any both each few more most other some same only own too just s t sth sb something someone oneself etc ' +
    'e.g i.e used lit fig esp especially one'
  ).split(' '),
);

/** The shared crude stem of an English word (already lower case). */
export function stemEnglish(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w.length > 6 ? w.slice(0, 6) : w;
}

/** English gloss words -> stems, function words dropped, duplicates removed. */
function glossStems(gloss: string): string[] {
  const out = new Set<string>();
  for (const w of gloss.toLowerCase().split(/[^a-z0-9'-]+/)) {
    if (!w || EN_STOP.has(w)) continue;
    for (const part of w.split('-')) if (part && !EN_STOP.has(part)) out.add(stemEnglish(part));
  }
  return [...out];
}

/** Builds the lookups from the lexicon JSON (and the gazetteer); glosses are stemmed on first use. */
export function loadLexicon(json: LexiconJson): Lexicon {
  const raw = json.entries;
  let maxLength = typeof json.maxLength === 'number' && json.maxLength > 0 ? json.maxLength : 1;
  if (json.maxLength === undefined) for (const zh in raw) if (zh.length > maxLength) maxLength = zh.length;
  const named = new Map<string, string[]>();
  for (const [zh, gloss] of Object.entries(GAZETTEER)) {
    named.set(zh, glossStems(gloss));
    maxLength = Math.max(maxLength, zh.length);
  }
  // only headwords are remembered: longest-match lookups ask for every substring of a text, and
  // remembering the misses would keep them all
  const done = new Map<string, string[] | null>();
  const get = (word: string): string[] | undefined => {
    let stems = done.get(word);
    if (stems === undefined) {
      const gloss = Object.hasOwn(raw, word) ? raw[word] : undefined;
      const extra = named.get(word);
      if (typeof gloss !== 'string' && !extra) return undefined;
      const own = typeof gloss === 'string' ? glossStems(gloss) : [];
      const all = extra ? [...new Set([...own, ...extra])] : own;
      stems = all.length ? all : null;
      done.set(word, stems);
    }
    return stems ?? undefined;
  };
  const byFirst = longestTable(json.longest, maxLength, GAZETTEER);
  // the bound by the first two units, made on first use from the headwords: a longest-match lookup
  // otherwise tries every length up to the first unit's bound (up to 19) at every position, and
  // those misses were a fifth of building a corpus
  let byPair: Map<number, number> | null = null;
  const pairs = (): Map<number, number> => {
    const m = new Map<number, number>();
    const note = (w: string): void => {
      if (w.length < 2) return;
      const k = w.charCodeAt(0) * 0x10000 + w.charCodeAt(1);
      if ((m.get(k) ?? 0) < w.length) m.set(k, w.length);
    };
    for (const zh in raw) if (typeof raw[zh] === 'string') note(zh);
    for (const zh of named.keys()) note(zh);
    return m;
  };
  const longestFrom = (first: number, second?: number): number => {
    if (second === undefined) return byFirst(first);
    byPair ??= pairs();
    return Math.min(byPair.get(first * 0x10000 + second) ?? 1, maxLength);
  };
  return { glosses: { get }, maxLength, longestFrom };
}

/** The per-first-character bound of longest-match lookups, from the file's table and the gazetteer. */
function longestTable(table: LexiconJson['longest'], maxLength: number, extra: Record<string, string>): (first: number) => number {
  if (!table || typeof table !== 'object') return () => maxLength;
  const byFirst = new Map<number, number>();
  for (const [len, firsts] of Object.entries(table)) {
    const n = Number(len);
    if (!Number.isInteger(n) || n < 2 || typeof firsts !== 'string') return () => maxLength; // not ours: no bound
    for (let i = 0; i < firsts.length; i++) byFirst.set(firsts.charCodeAt(i), Math.min(n, maxLength));
  }
  for (const zh of Object.keys(extra)) {
    const c = zh.charCodeAt(0);
    byFirst.set(c, Math.max(byFirst.get(c) ?? 1, zh.length));
  }
  return (first) => byFirst.get(first) ?? 1;
}

/**
 * Length of the longest headword of the lexicon at `at` in `han` (a run of Han characters): 2 or
 * more for a word, 1 for a single character the lexicon knows, 0 for one it does not.
 */
export function longestWord(lexicon: Lexicon, han: string, at: number): number {
  const bound = at + 1 < han.length ? lexicon.longestFrom(han.charCodeAt(at), han.charCodeAt(at + 1)) : 1;
  for (let len = Math.min(bound, han.length - at); len > 1; len--) {
    if (lexicon.glosses.get(han.slice(at, at + len))) return len;
  }
  return lexicon.glosses.get(han.slice(at, at + 1)) ? 1 : 0;
}
