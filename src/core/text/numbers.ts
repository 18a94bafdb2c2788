// Numbers as written in Chinese and English news: Arabic numerals (half or full width, with
// thousands separators), Chinese numerals and scales (二十五, 80亿亿, 300万, 百亿级), percentages and
// per-mille, ordinals (第二十五次, 25th), years and dates, and English scale words (10 billion,
// tens of billions). Used to tell a changed number (1014 -> 1040) from a re-typeset one
// (1014 -> 1,014) and to check a translation's figures against its source (100亿 = 10 billion).

export type NumberKind =
  | 'integer'
  | 'decimal'
  | 'percent' // unit '%' or '‰'
  | 'ordinal'
  | 'year'
  | 'date' // value = month * 100 + day, or yyyymmdd when the year is given
  | 'magnitude'; // an order of magnitude, not a count: 百亿级, tens of billions (value = the scale)

export interface NumberMention {
  /** The mention as written, including scale words, unit and qualifier ("95%以上", "more than 20"). */
  text: string;
  /** Half-open UTF-16 offsets into the searched text. */
  start: number;
  end: number;
  value: number;
  unit?: '%' | '‰' | string;
  kind: NumberKind;
  /** A qualifier that makes the figure a bound: 以上/余/多/more than -> 'more', 近/nearly -> 'about', 以下/less than -> 'less'. */
  qualifier?: 'more' | 'less' | 'about';
  /** A range (4 to 6 million, 400万至600万, 一万六七千 = 16,000-17,000): its upper bound; `value` is the lower. */
  high?: number;
  /** A range's two bounds as mentions of their own, for pairing with figures the other side gives apart. */
  bounds?: [NumberMention, NumberMention];
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

// Measure words (and 大 as in 三大支柱) after which a bare Chinese numeral is a count, not part of a
// word: 七年 and 一家 are numbers, 一网统管, 统一, 百姓 and 十分 are not.
const MEASURE = new Set(
  Array.from('年个個次家项項类類天日月周週人名位所座条條件台臺套元块塊岁歲倍届屆批省市县縣区區种種款张張本篇场場期轮輪大份项例户戶股台辆輛架艘栋棟层層号號章节節部'),
);
const MEASURE_MULTI = ['小时', '小時', '分钟', '分鐘', '公里', '千米', '平方', '万', '亿', '多'];
// Numeral runs that are words: 万一 (in case), 千万 (by all means), 一一 (one by one), 万千 (myriad).
const CN_WORDS = new Set(['万一', '萬一', '千万', '千萬', '一一', '万千', '萬千', '万万', '萬萬', '千千万万', '十之八九']);

const EN_SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, decade: 10, decades: 10 };
const EN_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Every word (lower case) that can start an English mention: a unit or tens word, a magnitude, a month or its 3-4 letter abbreviation. */
const NUMBER_WORDS = new Set([
  ...Object.keys(EN_UNITS),
  ...Object.keys(EN_TENS),
  'tens', 'hundreds', 'thousands', 'millions', 'billions', 'a',
  ...MONTHS.flatMap((m) => [m, m.slice(0, 3), m.slice(0, 4)]),
]);

/** 1-12 for a capitalised month name or its abbreviation (Sept, Dec), else 0. */
function monthOf(word: string): number {
  const w = word.toLowerCase();
  if (w.length < 3) return 0;
  const k = MONTHS.findIndex((n) => n === w || (w.length <= 4 && n.startsWith(w)));
  return k + 1;
}

/** Value of an ASCII or full-width digit, else -1. */
function digit(ch: string | undefined): number {
  if (ch === undefined) return -1;
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}
const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/.test(ch);
const CN_NUMERALS = new Set([...Object.keys(CN_DIGIT), ...Object.keys(CN_SMALL), ...Object.keys(CN_BIG)]);
const isCnNumeral = (ch: string | undefined): boolean => ch !== undefined && CN_NUMERALS.has(ch);
/** ASCII letter (A-Z, a-z) at a UTF-16 code. */
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Full-width digits as ASCII ones (the same length: one UTF-16 unit each). */
function toAsciiDigits(s: string): string {
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Reads Arabic digits at `i`: 1014, 1,014, 1，014, ５５３２, 2.65. */
function readArabic(text: string, i: number): { value: number; end: number; grouped: boolean; decimal: boolean; digits: number } | null {
  let j = i;
  let s = '';
  while (digit(text[j]) >= 0) s += digit(text[j++]);
  if (s.length === 0) return null;
  let grouped = false;
  // thousands groups: a separator followed by exactly three digits and then no fourth digit
  for (;;) {
    const sep = text[j];
    const leadOk = grouped || s.length <= 3; // 1,014 yes; 10000,000 no
    if ((sep === ',' || sep === '，') && leadOk && digit(text[j + 1]) >= 0 && digit(text[j + 2]) >= 0 && digit(text[j + 3]) >= 0 && digit(text[j + 4]) < 0) {
      s += `${digit(text[j + 1])}${digit(text[j + 2])}${digit(text[j + 3])}`;
      j += 4;
      grouped = true;
    } else break;
  }
  const digits = s.length;
  let decimal = false;
  if ((text[j] === '.' || text[j] === '．') && digit(text[j + 1]) >= 0) {
    s += '.';
    j++;
    while (digit(text[j]) >= 0) s += digit(text[j++]);
    decimal = true;
  }
  return { value: Number(s), end: j, grouped, decimal, digits };
}

/**
 * Value of a run of Chinese numerals and scales, optionally led by an Arabic value (80亿亿, 3.5万).
 * 二十五 = 25, 一亿二千万 = 1.2e8, 80亿亿 = 8e17, 万亿 = 1e12, 一万五 = 15000 (colloquial).
 */
function cnValue(run: string, lead?: number): number | null {
  let total = 0;
  let section = 0;
  let num = lead ?? 0;
  let pending = lead !== undefined; // a digit waits for its unit
  let lastBig = 0;
  let lastUnit = 0; // the last unit applied, for the colloquial 一万五 / 三百五
  let zero = false;
  for (const ch of run) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      if (pending && d !== 0) return null; // two digits in a row (一二): a list, not a number
      if (d === 0) zero = true;
      num = d;
      pending = d !== 0;
      continue;
    }
    const u = CN_SMALL[ch];
    if (u !== undefined) {
      section += (pending ? num : 1) * u;
      num = 0;
      pending = false;
      lastUnit = u;
      zero = false;
      continue;
    }
    const b = CN_BIG[ch];
    if (b === undefined) return null;
    if (!pending && section === 0) {
      // 亿亿, 万亿: scales multiply
      total = (total === 0 ? 1 : total) * b;
    } else {
      section += pending ? num : 0;
      if (b > lastBig && lastBig !== 0) total = (total + section) * b;
      else total += section * b;
    }
    lastBig = Math.max(lastBig, b);
    section = 0;
    num = 0;
    pending = false;
    lastUnit = b;
    zero = false;
  }
  if (pending) section += !zero && lastUnit >= 100 ? num * (lastUnit / 10) : num;
  return total + section;
}

function startsAt(text: string, i: number, words: string[]): string | null {
  for (const w of words) if (text.startsWith(w, i)) return w;
  return null;
}

const CN_PRE_QUAL: [string, NumberMention['qualifier']][] = [
  ['超过', 'more'], ['超', 'more'], ['逾', 'more'], ['近', 'about'], ['约', 'about'], ['約', 'about'], ['大约', 'about'], ['不到', 'less'], ['不足', 'less'],
];
const CN_POST_QUAL: [string, NumberMention['qualifier']][] = [
  ['以上', 'more'], ['之上', 'more'], ['余', 'more'], ['餘', 'more'], ['多', 'more'], ['+', 'more'], ['＋', 'more'],
  ['左右', 'about'], ['上下', 'about'], ['以下', 'less'], ['以内', 'less'], ['以內', 'less'],
];
const EN_PRE_QUAL: [RegExp, NumberMention['qualifier']][] = [
  [/(?:more than|over|above|at least|upwards of)\s+$/i, 'more'],
  [/(?:nearly|almost|about|around|approximately|roughly|some|close to)\s+$/i, 'about'],
  [/(?:less than|fewer than|under|below|up to)\s+$/i, 'less'],
];

/** All number mentions in `text`, in order, without overlaps; ranges (4 to 6 million, 400万至600万) are one mention. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < text.length) {
    const m = readAt(text, i);
    if (m) {
      const prev = out[out.length - 1];
      const range = prev ? joinRange(text, prev, m) : null;
      if (range) out[out.length - 1] = range;
      else out.push(m);
      i = Math.max(m.end, i + 1);
    } else if (isAsciiLetter(text.charCodeAt(i))) {
      // the rest of an English word cannot start a number
      i++;
      while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
    } else i++;
  }
  return out;
}

/** Scale word a mention was written with (万, million): 4 in "4 to 6 million" takes its bound's. */
const SCALE_OF = new WeakMap<NumberMention, number>();
/** Currency written before the figure (£, $, N585 million), which lets "75m" read as 75 million. */
const MONEY_PREFIX = /(?:[£$€¥₦]|\b[A-Z]{1,3}\$?)$/;

const ZH_RANGE = /^([\p{Script=Han}]{0,2}?)\s*(?:至|到|~|～|-|－|—|–)\s*$/u;
const EN_RANGE = /^\s*(?:to|-|–|—|and)\s*$/i;
const plainNumber = (m: NumberMention): boolean => (m.kind === 'integer' || m.kind === 'decimal') && m.unit === undefined;

/**
 * Two mentions joined by a range connector as one range: 400万至600万, 6倍至7倍 (the unit between
 * repeated after the second), 50%至52%, 1月至9月, "4 to 6 million" (the scale and a percent sign
 * of the second apply to a bare first), "between 1.27 and 25 million". The bounds stay available.
 */
function joinRange(text: string, x: NumberMention, y: NumberMention): NumberMention | null {
  if (x.high !== undefined || y.high !== undefined || x.kind === 'magnitude' || y.kind === 'magnitude') return null;
  const gap = text.slice(x.end, y.start);
  if (gap.length > 6) return null;
  let start = x.start;
  const zh = ZH_RANGE.exec(gap);
  if (zh) {
    if (zh[1] && !text.startsWith(zh[1], y.end)) return null; // 6倍至7倍, not 2021年至今的9
  } else {
    if (!EN_RANGE.test(gap)) return null;
    if (/and/i.test(gap)) {
      const between = /\bbetween\s+$/i.exec(text.slice(Math.max(0, x.start - 10), x.start));
      if (!between) return null;
      start = x.start - between[0].length;
    }
  }
  let low = x;
  const scale = SCALE_OF.get(y);
  if (plainNumber(x) && !SCALE_OF.has(x) && scale !== undefined && x.value < y.value / scale) {
    low = { ...x, value: x.value * scale };
    if (!Number.isInteger(low.value)) low.kind = 'decimal';
  }
  if (plainNumber(low) && y.kind === 'percent') low = { ...low, kind: 'percent', unit: y.unit };
  const fam = (m: NumberMention): string => (m.kind === 'year' ? 'y' : family(m));
  if (fam(low) !== fam(y)) return null;
  const r = mention(text, start, y.end, low.value, y.kind === 'date' || low.kind === y.kind ? y.kind : 'decimal', {
    unit: y.unit,
    qualifier: x.qualifier ?? y.qualifier,
  });
  if (r.kind === 'decimal' && Number.isInteger(low.value) && Number.isInteger(y.value)) r.kind = 'integer';
  r.high = y.value;
  r.bounds = [low, y];
  return r;
}

// What can start a mention, by UTF-16 code, so that the scan over ordinary characters is one table
// read (findNumbers runs on every page matched, for its translation anchors): 1 a digit, 2 a
// Chinese numeral, 3 第, 4 an ASCII letter.
const STARTS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) STARTS[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) STARTS[c] = 1;
for (const ch of CN_NUMERALS) STARTS[ch.charCodeAt(0)] = 2;
STARTS['第'.charCodeAt(0)] = 3;
for (let c = 65; c <= 122; c++) if (isAsciiLetter(c)) STARTS[c] = 4;

function readAt(text: string, i: number): NumberMention | null {
  switch (STARTS[text.charCodeAt(i)]) {
    case 1:
      return readArabicMention(text, i);
    case 2:
      if (text.startsWith('百分之', i) || text.startsWith('千分之', i)) return readCnFraction(text, i);
      return readCnMention(text, i);
    case 3:
      return digit(text[i + 1]) >= 0 || isCnNumeral(text[i + 1]) ? readOrdinalCn(text, i) : null;
    case 4:
      return isLetter(text[i - 1]) ? null : readEnglishWords(text, i);
    default:
      return null;
  }
}

/** Qualifier written before `start` (超过, more than ...): returns the new start. */
function preQualifier(text: string, start: number, english: boolean): { start: number; q?: NumberMention['qualifier'] } {
  if (english) {
    const before = text.slice(Math.max(0, start - 24), start);
    for (const [re, q] of EN_PRE_QUAL) {
      const m = re.exec(before);
      if (m && (m.index === 0 ? start - before.length === 0 || !isLetter(text[start - before.length - 1]) : !isLetter(before[m.index - 1]))) {
        return { start: start - (before.length - m.index), q };
      }
    }
    return { start };
  }
  for (const [w, q] of CN_PRE_QUAL.slice().sort((a, b) => b[0].length - a[0].length)) {
    if (text.startsWith(w, start - w.length)) return { start: start - w.length, q };
  }
  return { start };
}

function postQualifier(text: string, end: number): { end: number; q?: NumberMention['qualifier'] } {
  for (const [w, q] of CN_POST_QUAL) if (text.startsWith(w, end)) return { end: end + w.length, q };
  return { end };
}

/** Percent / per-mille sign after `j` (95%, 95 %, 95 percent, 3.3‰). */
function readPercent(text: string, j: number): { end: number; unit: '%' | '‰' } | null {
  const sp = text[j] === ' ' || text[j] === '\u00a0' ? 1 : 0; // 37 %, as some Chinese sites typeset it
  const c = text[j + sp];
  if (c === '%' || c === '％') return { end: j + sp + 1, unit: '%' };
  if (c === '‰') return { end: j + sp + 1, unit: '‰' };
  const m = /^\s?(percent|per cent|per mille|per mil)\b/i.exec(text.slice(j, j + 12));
  if (m) return { end: j + m[0].length, unit: /mil/i.test(m[1]!) ? '‰' : '%' };
  return null;
}

function mention(text: string, start: number, end: number, value: number, kind: NumberKind, extra: Partial<NumberMention> = {}): NumberMention {
  const m: NumberMention = { text: text.slice(start, end), start, end, value, kind };
  if (extra.unit !== undefined) m.unit = extra.unit;
  if (extra.qualifier !== undefined) m.qualifier = extra.qualifier;
  return m;
}

function readArabicMention(text: string, i: number): NumberMention | null {
  const prev = text[i - 1];
  if (digit(prev) >= 0) return null;
  const money = MONEY_PREFIX.test(text.slice(Math.max(0, i - 4), i));
  const a = readArabic(text, i);
  if (!a) return null;
  // 5G, IPv6, COVID-19, A4: digits glued to Latin letters are names, not figures; but a currency
  // code before an amount is money (N585 million, RM20bn)
  if (isLetter(prev) && !(money && /^\s?(?:million|billion|trillion|bn|m)\b/i.test(text.slice(a.end, a.end + 9)))) return null;
  if (prev === '-' && isLetter(text[i - 2])) return null;
  let j = a.end;
  // dates are matched on ASCII digits; full-width ones (５月２２日) are the same digits, one unit each
  const ahead = (from: number, n: number): string => toAsciiDigits(text.slice(from, from + n));
  // ISO date 2022-04-25
  const iso = /^-(\d{2})-(\d{2})/.exec(ahead(j, 6));
  if (a.digits === 4 && !a.grouped && !a.decimal && iso) {
    return mention(text, i, j + 6, a.value * 10000 + Number(iso[1]) * 100 + Number(iso[2]), 'date');
  }
  // 4月19日, 2022年4月25日
  // (also typeset with spaces: 1989 年 11 月 13 日, 2月 11日)
  const cnDate = /^(?:(\d{4}) ?年 ?)?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号號]/.exec(ahead(i, 20));
  if (cnDate && !a.grouped && !a.decimal) {
    const v = Number(cnDate[2]) * 100 + Number(cnDate[3]) + (cnDate[1] ? Number(cnDate[1]) * 10000 : 0);
    return mention(text, i, i + cnDate[0].length, v, 'date');
  }
  // 1月, ９月 alone (2023年1月, 1月至9月): a month, value month * 100
  const sp = text[j] === ' ' ? 1 : 0;
  if (text[j + sp] === '月' && !a.grouped && !a.decimal && a.value >= 1 && a.value <= 12) return mention(text, i, j + sp + 1, a.value * 100, 'date');
  // 18 December, 31 March 2024 (British order)
  const dm = /^(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+)\.?(?:,?\s+(\d{4})\b)?/.exec(text.slice(j, j + 24));
  if (dm && !a.grouped && !a.decimal && a.value >= 1 && a.value <= 31) {
    const mo = monthOf(dm[1]!);
    if (mo > 0) return mention(text, i, j + dm[0].length, mo * 100 + a.value + (dm[2] ? Number(dm[2]) * 10000 : 0), 'date');
  }
  // English ordinal 25th, 1st, 22nd, 3rd
  const ord = /^(st|nd|rd|th)\b/i.exec(text.slice(j, j + 3));
  if (ord && !a.decimal && !a.grouped) return mention(text, i, j + ord[0].length, a.value, 'ordinal');
  if (isLetter(text[j]) && !/^(?:bn|percent|per)/i.test(text.slice(j, j + 7)) && !(money && /^m\b/.test(text.slice(j, j + 2)))) return null; // 5G, 4K
  let value = a.value;
  let kind: NumberKind = a.decimal ? 'decimal' : 'integer';
  // Chinese scales after Arabic digits: 80亿亿, 100亿, 300万, 3.5万; also spaced (7500 万, as
  // typeset with a thin or full space) and with the approximation between (300余万 = more than 3 million)
  let scaleQualifier: NumberMention['qualifier'];
  const probe = {} as NumberMention; // holds the scale until the mention exists
  if ((text[j] === ' ' || text[j] === '\u00a0' || text[j] === '\u2009' || text[j] === '\u3000') && text[j + 1]! in CN_BIG) j++;
  else if ((text[j] === '余' || text[j] === '多' || text[j] === '餘') && text[j + 1]! in CN_BIG) {
    scaleQualifier = 'more';
    j++;
  }
  let k = j;
  while (k < text.length && (text[k]! in CN_BIG || text[k]! in CN_SMALL)) k++;
  if (k > j) {
    const v = cnValue(text.slice(j, k), a.value);
    if (v !== null) {
      SCALE_OF.set(probe, v / a.value);
      value = v;
      j = k;
      kind = Number.isInteger(value) ? 'integer' : 'decimal';
    }
  } else {
    // English scale words: 10 billion, 3 million, 1.5bn
    const sc = /^\s?(hundred|thousand|million|billion|trillion|bn|decades?|m)\b/i.exec(text.slice(j, j + 10));
    if (sc && (sc[1] !== 'm' || money)) {
      SCALE_OF.set(probe, EN_SCALE[sc[1]!.toLowerCase()]!);
      value = a.value * EN_SCALE[sc[1]!.toLowerCase()]!;
      j += sc[0].length;
      kind = Number.isInteger(value) ? 'integer' : 'decimal';
    }
  }
  const pct = readPercent(text, j);
  let unit: '%' | '‰' | undefined;
  if (pct) {
    unit = pct.unit;
    j = pct.end;
    kind = 'percent';
  }
  // Chinese context decides which qualifiers apply (以上 after, 超过 before) and what a year looks like
  const english = !isHan(text[j]) && !isHan(prev);
  if (kind === 'integer' && a.digits === 4 && !a.grouped && value >= 1900 && value <= 2100 && (text[j] === '年' || (english && !/^\s?(?:years?|times|units?|people|items?)\b/i.test(text.slice(j, j + 8))))) {
    kind = 'year';
  }
  let start = i;
  let qualifier: NumberMention['qualifier'] = scaleQualifier;
  const pre = preQualifier(text, i, english);
  if (pre.q) {
    start = pre.start;
    qualifier = pre.q;
  }
  if (!english || text[j] === '+' || text[j] === '＋') {
    const post = postQualifier(text, j);
    if (post.q) {
      // 20余年, 100多个, 95%以上; but not 多 starting a new word after a classifier-less number at a clause end
      j = post.end;
      qualifier = post.q;
    }
  }
  if (kind === 'year' && qualifier) kind = 'integer';
  const out = mention(text, start, j, value, kind, { unit, qualifier });
  const scale = SCALE_OF.get(probe);
  if (scale !== undefined) SCALE_OF.set(out, scale);
  return out;
}

/** 第二十五次, 第25届, 第一家. */
function readOrdinalCn(text: string, i: number): NumberMention | null {
  let j = i + 1;
  if (digit(text[j]) >= 0) {
    const a = readArabic(text, j);
    if (!a || a.decimal) return null;
    return mention(text, i, a.end, a.value, 'ordinal');
  }
  while (isCnNumeral(text[j])) j++;
  const v = cnValue(text.slice(i + 1, j));
  if (v === null) return null;
  return mention(text, i, j, v, 'ordinal');
}

/** 百分之九十五 = 95%, 千分之三 = 3‰. */
function readCnFraction(text: string, i: number): NumberMention | null {
  const unit = text[i] === '百' ? '%' : '‰';
  let j = i + 3;
  let value: number | null = null;
  if (digit(text[j]) >= 0) {
    const a = readArabic(text, j);
    if (!a) return null;
    value = a.value;
    j = a.end;
  } else {
    const s = j;
    while (isCnNumeral(text[j]) || (text[j] === '点' && isCnNumeral(text[j + 1]))) j++;
    const run = text.slice(s, j);
    const [whole, frac] = run.split('点');
    value = whole ? cnValue(whole) : null;
    if (value !== null && frac) value += Number(`0.${Array.from(frac, (c) => CN_DIGIT[c] ?? 0).join('')}`);
  }
  if (value === null || j === i + 3) return null;
  const post = postQualifier(text, j);
  return mention(text, i, post.end, value, 'percent', { unit, qualifier: post.q });
}

/** A run of Chinese numerals: counted when it reads as a number (二十五, 百亿) or a measure word follows (七年, 一家). */
function readCnMention(text: string, i: number): NumberMention | null {
  if (isCnNumeral(text[i - 1])) return null;
  let j = i;
  while (isCnNumeral(text[j])) j++;
  const run = text.slice(i, j);
  if (CN_WORDS.has(run)) return null;
  let v = cnValue(run);
  if (v === null) return readCnApproxRange(text, i, j);
  if (v === 0) return null;
  // 三月, 十二月 (not 三个月): a month
  if (text[j] === '月' && v >= 1 && v <= 12 && Number.isInteger(v) && !/[分之]/.test(text[i - 1] ?? '')) return mention(text, i, j + 1, v * 100, 'date');
  // 一百多万, 三十余亿: the approximation before the scale (more than one million)
  if ((text[j] === '多' || text[j] === '余' || text[j] === '餘') && text[j + 1]! in CN_BIG && !Array.from(run).some((c) => c in CN_BIG)) {
    let k = j + 1;
    while (text[k]! in CN_BIG) k++;
    const scaled = cnValue(run + text.slice(j + 1, k));
    if (scaled !== null) {
      const pre = preQualifier(text, i, false);
      return mention(text, pre.start, k, scaled, 'integer', { qualifier: 'more' });
    }
  }
  const after = text[j];
  const measured =
    (after !== undefined && MEASURE.has(after)) || startsAt(text, j, MEASURE_MULTI) !== null || startsAt(text, j, ['余', '餘', '以上', '左右']) !== null;
  const structured = run.length >= 2 && Array.from(run).some((c) => c in CN_SMALL || c in CN_BIG);
  if (!measured && !structured) return null;
  // a lone 一 is mostly the indefinite article or "one" in a word (一个, 一项, 一居室, 一年 = a year),
  // which English writes as a word the check does not read: a figure only with a scale (一万, 一百)
  if (run === '一' || run === '壹') return null;
  let kind: NumberKind = 'integer';
  let end = j;
  if (text[j] === '级' || text[j] === '級') {
    kind = 'magnitude'; // 百亿级: an order of magnitude
    end = j + 1;
  }
  const post = postQualifier(text, end);
  let qualifier = post.q;
  if (post.q && (text[end] === '多' || text[end] === '余' || text[end] === '餘')) end = post.end;
  else if (post.q && text.startsWith('以上', end)) end = post.end;
  else qualifier = undefined;
  // 数千, 几百万: "several thousand", an order of magnitude
  if ((text[i - 1] === '数' || text[i - 1] === '數' || text[i - 1] === '几' || text[i - 1] === '幾') && (run[0]! in CN_SMALL || run[0]! in CN_BIG)) {
    return mention(text, i - 1, end, v, 'magnitude');
  }
  const pre = preQualifier(text, i, false);
  return mention(text, pre.start, end, v, kind, { qualifier: qualifier ?? pre.q });
}

/**
 * 一万六七千 (16,000-17,000), 三四百万 (3-4 million), 十五六 (15 or 16): two neighbouring digits
 * give an approximate range, read as the run with one digit and with the other.
 */
function readCnApproxRange(text: string, i: number, j: number): NumberMention | null {
  const run = text.slice(i, j);
  for (let k = 0; k + 1 < run.length; k++) {
    const d = CN_DIGIT[run[k]!];
    const e = CN_DIGIT[run[k + 1]!];
    if (d === undefined || e !== d + 1 || d === 0) continue;
    const low = cnValue(run.slice(0, k + 1) + run.slice(k + 2));
    const high = cnValue(run.slice(0, k) + run.slice(k + 1));
    if (low === null || high === null || low >= high) return null;
    const structured = Array.from(run).some((c) => c in CN_SMALL || c in CN_BIG);
    const measured = (text[j] !== undefined && MEASURE.has(text[j]!)) || startsAt(text, j, MEASURE_MULTI) !== null;
    if (!structured && !measured) return null;
    const post = postQualifier(text, j);
    const end = post.q && text.startsWith('左右', j) ? post.end : j;
    const pre = preQualifier(text, i, false);
    const q = pre.q ?? (end > j ? post.q : undefined);
    const lo = mention(text, pre.start, end, low, 'integer', { qualifier: q });
    const hi = mention(text, pre.start, end, high, 'integer', { qualifier: q });
    const r = mention(text, pre.start, end, low, 'integer', { qualifier: q ?? 'about' });
    r.high = high;
    r.bounds = [lo, hi];
    return r;
  }
  return null;
}

/** English number words and magnitudes: "three million", "twenty-five", "tens of billions", "April 19". */
function readEnglishWords(text: string, i: number): NumberMention | null {
  // most words are none of these: tell from the word alone before any pattern is tried
  let e = i;
  while (e < text.length && isAsciiLetter(text.charCodeAt(e))) e++;
  const word = text.slice(i, e).toLowerCase();
  if (!NUMBER_WORDS.has(word)) return null;
  const rest = text.slice(i, i + 48);
  if (word === 'a') {
    // a million, a billion, a decade: one of the scale
    const sc = /^a\s+(hundred|thousand|million|billion|trillion|decade)\b/i.exec(rest);
    if (!sc || text[i] !== 'a' && text[i] !== 'A') return null;
    const pre = preQualifier(text, i, true);
    return mention(text, pre.start, i + sc[0].length, EN_SCALE[sc[1]!.toLowerCase()]!, 'integer', { qualifier: pre.q });
  }
  // dates: April 19, April 19, 2022
  const date = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?/.exec(rest);
  if (date) {
    const mo = MONTHS.findIndex((n) => n === date[1]!.toLowerCase() || (date[1]!.length >= 3 && n.startsWith(date[1]!.toLowerCase()) && date[1]!.length <= 4));
    if (mo >= 0 && Number(date[2]) <= 31) {
      const v = (mo + 1) * 100 + Number(date[2]) + (date[3] ? Number(date[3]) * 10000 : 0);
      return mention(text, i, i + date[0].length, v, 'date');
    }
  }
  // a month alone, capitalised (in January, from January to September 2022; the year stays a figure of its own);
  // abbreviations only with their full stop, and May only where a month is meant (in May, May 2023)
  const mo = /^[A-Z]/.test(rest) ? monthOf(word) : 0;
  if (mo > 0) {
    const abbrev = e - i <= 4 && MONTHS[mo - 1] !== word;
    const ok = abbrev
      ? text[e] === '.'
      : word !== 'may' || /^\s+\d{4}\b/.test(text.slice(e, e + 6)) || /\b(?:in|of|since|until|till|by|early|late|mid|last|next|this|from|to|and|through|between)[\s-]+$/i.test(text.slice(Math.max(0, i - 12), i));
    if (ok) return mention(text, i, abbrev ? e + 1 : e, mo * 100, 'date');
  }
  // magnitudes: tens of billions, hundreds of millions, thousands of
  const mag = /^(tens|hundreds|thousands|millions|billions)\s+of\s+(?:(thousands|millions|billions|trillions)\b)?/i.exec(rest);
  if (mag) {
    const first = { tens: 10, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 }[mag[1]!.toLowerCase()]!;
    const second = mag[2] ? EN_SCALE[mag[2].toLowerCase().replace(/s$/, '')]! : 1;
    if (first < 1000 && !mag[2]) return null; // "tens of people": too vague to check
    const end = i + (mag[2] ? mag[0].length : mag[0].replace(/\s+of\s+$/i, '').length);
    return mention(text, i, end, first * second, 'magnitude');
  }
  // number words: twenty-five, three, seven; "one" only with a scale (one million), as it is mostly a pronoun
  const w = /^([A-Za-z]+)(?:-([A-Za-z]+))?\b/.exec(rest);
  if (!w) return null;
  const first = w[1]!.toLowerCase();
  let value: number | undefined = Object.hasOwn(EN_UNITS, first) ? EN_UNITS[first] : Object.hasOwn(EN_TENS, first) ? EN_TENS[first] : undefined;
  if (value === undefined) return null;
  let len = w[1]!.length;
  if (w[2] && EN_TENS[first] !== undefined && EN_UNITS[w[2].toLowerCase()] !== undefined && EN_UNITS[w[2].toLowerCase()]! < 10) {
    value += EN_UNITS[w[2].toLowerCase()]!;
    len = w[0].length;
  }
  const sc = /^\s+(hundred|thousand|million|billion|trillion|decades?)\b/i.exec(text.slice(i + len, i + len + 12));
  if (sc) {
    value *= EN_SCALE[sc[1]!.toLowerCase()]!;
    len += sc[0].length;
  } else if (first === 'one') return null;
  const pre = preQualifier(text, i, true);
  const end = i + len;
  const pct = readPercent(text, end);
  if (pct) return mention(text, pre.start, pct.end, value, 'percent', { unit: pct.unit, qualifier: pre.q });
  return mention(text, pre.start, end, value, 'integer', { qualifier: pre.q });
}

/** Kinds that can be compared with each other: counts, ordinals and years are all plain numbers. */
function family(m: NumberMention): string {
  if (m.kind === 'percent') return m.unit ?? '%';
  if (m.kind === 'date') return 'date';
  return 'n';
}

/**
 * Whether two mentions state the same figure: 1014 = 1,014, 100亿 = 10 billion, 95%以上 = more than 95%,
 * 第二十五次 = 25th; 1014 != 1040, 80亿亿 != 8 billion. Qualifiers (以上, more than) are ignored; an
 * order of magnitude (百亿级, tens of billions) agrees with any figure of that order.
 *
 * `rounded` (the default, for a translation): an approximate figure agrees with a rounding of it,
 * since a translator may write 近135万 as nearly 1.4 million. Two versions in one language write
 * their figures alike, so there (rounded = false) a figure must be the same figure: a reprint that
 * turns 2000多年前 into 2002多年前 changed a number, however approximate both are.
 */
export function sameNumber(a: NumberMention, b: NumberMention, rounded = true): boolean {
  if (family(a) !== family(b)) return false;
  if ((a.high === undefined) !== (b.high === undefined)) return false;
  if (a.high !== undefined && b.high !== undefined) {
    // a range agrees with a range of the same bounds (400万至600万 = 4 to 6 million)
    const [a0, a1] = a.bounds ?? [a, a];
    const [b0, b1] = b.bounds ?? [b, b];
    return sameNumber(a0, b0, rounded) && sameNumber(a1, b1, rounded);
  }
  if (a.kind === 'date' && b.kind === 'date') {
    // 4月19日 = April 19 = April 19, 2022 (a year on one side only is not a disagreement); a month
    // alone (value month * 100) agrees with a date in that month
    const da = a.value % 10000;
    const db = b.value % 10000;
    const day = da % 100 === 0 || db % 100 === 0 ? Math.floor(da / 100) === Math.floor(db / 100) : da === db;
    return day && (a.value < 10000 || b.value < 10000 || Math.floor(a.value / 10000) === Math.floor(b.value / 10000));
  }
  if (a.kind === 'magnitude' || b.kind === 'magnitude') {
    const mag = a.kind === 'magnitude' ? a : b;
    const other = mag === a ? b : a;
    return other.value >= mag.value && other.value < mag.value * 10 + 1e-9 * mag.value;
  }
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value), 1);
  // an approximate figure (约, 近, 余, about, nearly, more than) agrees with a rounding of it
  const tolerance = rounded && (a.qualifier || b.qualifier) ? APPROXIMATE : 1e-9;
  return Math.abs(a.value - b.value) <= tolerance * scale;
}

/** How far apart (relative) two figures may be when one of them is approximate: 近135万 = nearly 1.4 million. */
const APPROXIMATE = 0.05;

/** A figure written as a word below ten (三, 两, four, 第三): the article "a", a word like 三大 or one-bedroom as often as a count. */
export function isWeakNumber(m: NumberMention): boolean {
  return m.high === undefined && (m.kind === 'integer' || m.kind === 'ordinal') && m.value < 10 && !/[0-9０-９]/.test(m.text);
}

/**
 * The significant digits of a figure (250万 and 25 million: "25"; 89.6亿: "896"): a translator who
 * gets a scale wrong keeps the digits, so two figures with the same digits are each other's partners.
 */
export function digitSignature(m: NumberMention): string {
  const v = Math.abs(m.value);
  if (v === 0 || !Number.isFinite(v)) return '0';
  return v.toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
}
