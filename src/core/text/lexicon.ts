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
}

export interface Lexicon {
  /** Simplified headword -> stems of its English glosses (undefined when the lexicon lacks it). */
  glosses: { get(word: string): string[] | undefined };
  /** Longest headword, in UTF-16 units, for longest-match lookups. */
  maxLength: number;
  /**
   * The longest headword of two or more units that `han` may have at `at`, from a table of every
   * headword's prefixes (0 when none): an upper bound found without making a string, which the
   * caller confirms with glosses.get.
   */
  longestAt(han: string, at: number): number;
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
  let prefixes: PrefixTable | null = null;
  const longestAt = (han: string, at: number): number => {
    prefixes ??= prefixTable([...Object.keys(raw).filter((zh) => typeof raw[zh] === 'string'), ...named.keys()]);
    return prefixes.longest(han, at, maxLength);
  };
  return { glosses: { get }, maxLength, longestAt };
}

// ---------------------------------------------------------------- the prefix table
//
// Longest-match lookups ask, at every position of a text, for the longest headword there. Trying
// each length and asking the dictionary makes a string per try (most of them misses): that was
// most of the time of computing a Chinese text's concept keys, so of building a corpus and of
// matching a page against an English-speaking corpus. The table holds a 32-bit hash of every
// headword prefix of two units or more, marked where the prefix is itself a headword, in an open
// addressed Int32Array (4 bytes a slot, at most half full: about 2 MB for CC-CEDICT). A lookup
// extends the hash one unit at a time and stops at the first prefix no headword has. A hash
// collision can only make the bound too long; the caller's glosses.get settles it.

const FNV_OFFSET = 0x811c9dc5 | 0;
const step = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
/** Slot value of a hash: its bits but the lowest, never 0 (0 is an empty slot); the lowest bit marks a whole headword. */
const slotKey = (h: number): number => h & ~1 || 2;
const WORD = 1;

interface PrefixTable {
  longest(han: string, at: number, maxLength: number): number;
}

function prefixTable(words: string[]): PrefixTable {
  let units = 0;
  for (const w of words) units += Math.max(0, w.length - 1);
  let size = 1024;
  while (size < units * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  const find = (key: number): number => {
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (slots[i] !== 0 && (slots[i]! & ~1) !== (key & ~1)) i = (i + 1) & mask;
    return i;
  };
  for (const w of words) {
    if (w.length < 2) continue;
    let h = step(FNV_OFFSET, w.charCodeAt(0));
    for (let j = 1; j < w.length; j++) {
      h = step(h, w.charCodeAt(j));
      const key = slotKey(h);
      const i = find(key);
      slots[i] = key | (slots[i]! & WORD) | (j === w.length - 1 ? WORD : 0);
    }
  }
  return {
    longest(han, at, maxLength) {
      let best = 0;
      const end = Math.min(han.length, at + maxLength);
      let h = step(FNV_OFFSET, han.charCodeAt(at));
      for (let j = at + 1; j < end; j++) {
        h = step(h, han.charCodeAt(j));
        const v = slots[find(slotKey(h))]!;
        if (v === 0) break;
        if (v & WORD) best = j + 1 - at;
      }
      return best;
    },
  };
}

/**
 * Length of the longest headword of the lexicon at `at` in `han` (a run of Han characters): 2 or
 * more for a word, 1 for a single character the lexicon knows, 0 for one it does not.
 */
export function longestWord(lexicon: Lexicon, han: string, at: number): number {
  for (let len = lexicon.longestAt(han, at); len > 1; len--) {
    if (lexicon.glosses.get(han.slice(at, at + len))) return len;
  }
  return lexicon.glosses.get(han.slice(at, at + 1)) ? 1 : 0;
}
