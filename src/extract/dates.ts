// Publication dates as written on news pages, and where on the page to read them (below); normalised to ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`,
// or `YYYY-MM` where the page gives the month only (a periodical issue's credit at the end of an essay).
// The time is kept as the page states it (local to the publisher), except a metadata time stated in
// UTC, which gives way to the same moment as the page shows it (inPageZone); no zone is guessed.

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(y: number, mo: number, d: number, h?: number, mi?: number): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined || Number.isNaN(h) || Number.isNaN(mi) || h > 23 || mi > 59) return day;
  return `${day}T${pad(h)}:${pad(mi)}`;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// 2022年04月25日 10:56 / 2022年4月25日10时56分
const ZH_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:(\d{1,2})\s*[:：时]\s*(\d{1,2}))?/;
// 2022-04-25 10:56, 2022/09/05/ 16:26, 2022.04.25, 2015-03-11T15:46:00-04:00
const NUM_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])\/?(?:(?:\s+|T)(\d{1,2}):(\d{2}))?/;
// March 11, 2015 3:46 PM / 11 March 2015
const EN_DATE = /\b(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?/i;

// 二〇二二年一月二十七日: an official document's date line in Chinese numerals
const HAN_DATE = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;
const HAN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A month's or a day's number in Chinese numerals (一 … 十二, 二十七, 三十一), or NaN. */
function hanNumber(s: string): number {
  const m = /^([二三])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || (!m[2] && (m[1] || !m[3]))) return NaN;
  return m[2] ? (m[1] ? HAN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? HAN_DIGIT[m[3]]! : 0) : HAN_DIGIT[m[3]!]!;
}

/** The first date found in `text`, as ISO, or null. */
export function findDate(text: string): string | null {
  let m = ZH_DATE.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : undefined, m[5] ? +m[5] : undefined);
  m = HAN_DATE.exec(text);
  if (m) {
    const [mo, d] = [hanNumber(m[2]!), hanNumber(m[3]!)];
    if (!Number.isNaN(mo) && !Number.isNaN(d)) return iso(+[...m[1]!].map((c) => HAN_DIGIT[c]).join(''), mo, d);
  }
  m = NUM_DATE.exec(text);
  if (m) return iso(+m[1]!, +m[3]!, +m[4]!, m[5] ? +m[5] : undefined, m[6] ? +m[6] : undefined);
  m = EN_DATE.exec(text);
  if (m) {
    const day = m[1] ?? m[3];
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!day || !mo) return null;
    let h = m[5] ? +m[5] : undefined;
    if (h !== undefined && m[7]) h = (h % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
    return iso(+m[4]!, mo, +day, h, m[6] ? +m[6] : undefined);
  }
  return null;
}

/** A date from a machine-readable field (meta tag, JSON-LD, <time datetime>): ISO first, then the formats above. */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  // epoch milliseconds or seconds, as some CMSs put in meta tags
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const d = new Date(v.length === 10 ? +v * 1000 : +v);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?/.exec(v);
  if (compact) return iso(+compact[1]!, +compact[2]!, +compact[3]!, compact[4] ? +compact[4] : undefined, compact[5] ? +compact[5] : undefined);
  // a field that is not ISO but a server locale's "06/13/2019" (schema.org microdata on US sites)
  return findDate(v) ?? monthFirst(v);
}

/**
 * A date with the year last and the month first, as an English-locale server writes it
 * ("9/17/2004 5:54:13 AM", "06/13/2019"); a first part over 12 is the day. Only where the text is
 * known to be a date (a labelled line, a metadata field): in running text "5/7/2005" may be either.
 */
function monthFirst(text: string): string | null {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AP])M)?/i.exec(text.trim());
  if (!us) return null;
  const [mo, d] = +us[1]! > 12 ? [us[2]!, us[1]!] : [us[1]!, us[2]!];
  const h = us[4] ? (+us[4] % 12) + (us[6]!.toUpperCase() === 'P' ? 12 : 0) : null;
  return findDate(`${us[3]}-${mo}-${d}${h !== null ? ` ${h}:${us[5]}` : ''}`);
}

// ---------- where the page states its date ----------
// When the article was published, as the page states it: its metadata, a labelled date in the lines
// between the headline and the body (发布时间：…, 某某 发表于 …), the first date written under the
// headline, and as a last resort a date-named meta tag. Never a script, nor the debug text of a video
// player or a custom widget.

/** Elements whose text is no article's date: players, widgets, comments. */
const NOT_ARTICLE = /player|video|txp|comment|danmu|barrage/i;

/** Text inside a script, a player, a comment block or a custom element. */
function inWidget(n: Node): boolean {
  let depth = 0;
  for (let e = n.parentElement; e && depth < 8; e = e.parentElement, depth++) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return true;
    // a custom element is a widget (<x-player>); an unknown old-style tag is not always one (a crawl
    // corpus's <text> wrapper, Word's <o:p> and <st1:chsdate> hold ordinary text), so only the
    // version string below and the class names above tell a player's debug text
    if (tag.includes('-')) return true;
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (NOT_ARTICLE.test(cls)) return true;
  }
  return false;
}

/**
 * A date inside a link that also carries a headline ("精选文章一(截止2006年8月10日)", "某某新闻 2018-03-02")
 * dates the page it links to: a sidebar's or a list's entry. A link holding the date alone (a blog
 * post's permalink) may be the article's own.
 */
function inHeadlineLink(n: Node): boolean {
  const a = n.parentElement?.closest('a');
  if (!a) return false;
  const rest = (a.textContent ?? '').replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}:\d{2}(?::\d{2})?/g, '');
  return (rest.match(/[\p{Script=Han}\p{L}]/gu)?.length ?? 0) >= 4;
}

/** A version string's build date ("3.4.40 (2019-9-5 9:38:01 PM)") is no publication date. */
const VERSION = /\b\d{1,3}\.\d+\.\d+\b/; // not a dotted date (2022.01.20)

/** The first date written near the top of the article: after the <h1> when there is one. */
export function findDateInPage(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const h1 = doc.querySelector('h1');
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let passed = h1 === null;
  let visited = 0;
  for (let n = walker.nextNode(); n && visited < 5000; n = walker.nextNode()) {
    visited++;
    if (!passed) {
      passed = h1 !== null && (h1.compareDocumentPosition(n) & 4) !== 0 && !h1.contains(n);
      if (!passed) continue;
    }
    const text = (n as Text).data;
    if (text.length > 80 || !/\d{4}/.test(text) || VERSION.test(text)) continue;
    if (inWidget(n) || inHeadlineLink(n)) continue;
    const d = findDate(text);
    if (d) return d;
  }
  return null;
}

/** The labels of a publication date, in Simplified and Traditional script (發布時間, 發佈日期, 發表於). */
const DATE_LABEL = /(?:[发發][布佈表稿](?:[时時][间間]|日期)|[发發]表[于於]|出版日期|首[发發][时時][间間])\s*[：:]?\s*(.{6,30})/u;

/**
 * A date the line labels as the publication's: 发布时间：…, 发表于 …, 发布日期：… (a two-digit year too:
 * 发布时间：18-03-08 23:16; a year of the Republic of China calendar on Taiwanese government pages:
 * 發布日期：113-05-07, 民國113年5月7日, that year plus 1911).
 */
export function labelledDate(line: string): string | null {
  const m = DATE_LABEL.exec(line);
  if (!m) return null;
  const full = findDate(m[1]!);
  if (full) return full;
  const roc = /^(?:民[国國]\s*)?(1\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:\s*(\d{1,2}):(\d{2}))?/u.exec(m[1]!.trim());
  if (roc) return findDate(`${+roc[1]! + 1911}-${roc[2]}-${roc[3]}${roc[4] ? ` ${roc[4]}:${roc[5]}` : ''}`);
  // (its day not run on into a year, "17/9/2004"; a time may follow with no space, "18-03-0823:16")
  const short = /^(\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d\d(?!:))(?:\s*(\d{1,2}):(\d{2}))?/.exec(m[1]!.trim());
  if (short) return findDate(`20${short[1]}-${short[2]}-${short[3]}${short[4] ? ` ${short[4]}:${short[5]}` : ''}`);
  // month first, as an English-locale server writes it (发布日期： 9/17/2004 5:54:13 AM)
  return monthFirst(m[1]!);
}

/**
 * The first date written in the lines right under the headline (`head`, when the headline was found
 * in the page's lines): "2019-09-09 19:32:27 字号：A- A A+ 来源：中新网", "中国网 2019-11-25 10:37:31".
 * Only short lines: a body paragraph's own dates are events, not the publication.
 */
export function headDate(head: string[], titleFound: boolean): string | null {
  return titleFound ? firstDateIn(head) : null;
}

/** The first date among short lines (labelled or not), never a version string's. */
function firstDateIn(lines: readonly string[]): string | null {
  for (const l of lines) {
    if (l.length > HEAD_LINE_MAX || VERSION.test(l)) continue;
    const d = labelledDate(l) ?? findDate(l);
    if (d) return d;
  }
  return null;
}

/**
 * The date in the short lines right after the body ("2019-09-08 11:42:03 举报", "责任编辑：某某 2019-09-08"),
 * when nothing above the body dated it: a gallery or a portal that prints its date under the text.
 */
export function footDate(after: readonly string[]): string | null {
  return firstDateIn(after.slice(0, FOOT_LINES));
}

/** How many lines after the body may hold its date (the next is a related-links block's). */
const FOOT_LINES = 3;

/** Longer than this, a line under the headline is body text, not the dateline (a date line with source, author and views runs to ~60). */
const HEAD_LINE_MAX = 100;

/** The first labelled publication date among `lines` (the stretch between the headline and the body). */
export function labelledDateIn(lines: string[]): string | null {
  for (const l of lines) {
    if (l.length > 200) continue;
    const d = labelledDate(l);
    if (d) return d;
  }
  return null;
}


/**
 * Last resort, when nothing visible gives a date: a meta tag whose name says it is the publication
 * time (apub:time, pubtime, publishtime …, not an update or expiry). Never a script's variable: the
 * page copy the background extracts from has no scripts, and a script's date may be anything.
 */
export function dateFromMetaNames(doc: Document): string | null {
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    if (!/pub|time|date/.test(name) || /modif|updat|expir|crawl|build|generat|cache|verif|refresh/.test(name)) continue;
    const d = parseDate(el.getAttribute('content'));
    if (d) return d;
  }
  return null;
}

/** Longer than this, what follows an article's last sentence is more text, not its closing credit. */
const CLOSING_MAX = 40;
/** A year and month ending that closing text: 1998年3月号, 2003年5月, （1996年6月）. */
const CLOSING_MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:号|份)?\s*[)）】」』]?$/u;

/**
 * Last of all, when nothing else dates the page: the date closing the article, written after its
 * last sentence — an essay's or a magazine piece's credit (——《北京之春》1998年3月号), a report's or a
 * letter's date line (2003年5月, 2019年5月3日于北京). A year and month alone give `YYYY-MM`: the
 * page says no more, and a reader comparing versions is better told the month than nothing.
 */
export function closingDate(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs.slice(-2).reverse()) {
    const tail = (p.split(/[。！？!?□■]/u).at(-1) ?? '').trim();
    if (tail.length === 0 || tail.length > CLOSING_MAX) continue;
    const full = findDate(tail);
    if (full) return full;
    const m = CLOSING_MONTH.exec(tail);
    if (m && +m[1]! >= 1990 && +m[1]! <= 2100 && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${pad(+m[2]!)}`;
  }
  return null;
}

/** The UTC offset a machine-readable date-time states, in minutes (Z and +00:00 are 0); null when it states none or has no time. */
export function statedOffset(value: string | null | undefined): number | null {
  const m = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec((value ?? '').trim());
  if (!m) return null;
  const z = m[1]!;
  if (z.toUpperCase() === 'Z') return 0;
  const hhmm = z.slice(1).replace(':', '');
  return (z[0] === '-' ? -1 : 1) * (+hhmm.slice(0, 2) * 60 + +hhmm.slice(2));
}

/** Minutes since the epoch of an ISO date as this module writes it, read as if it were UTC (a day alone: its midnight). */
function minutesOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0)) / 60_000 : NaN;
}

/** Time zones are at most this far from UTC (UTC-12 to UTC+14). */
const MAX_OFFSET_MINUTES = 14 * 60;
const DAY_MINUTES = 24 * 60;

/**
 * The publication date in the page's own time zone, from the date its metadata gives (`meta`, with
 * the UTC offset its field stated) and the one its text shows (`shown`, local as printed). A
 * metadata time stated in UTC (…Z, +00:00) is a machine's clock, not the publisher's: the date the
 * page shows is the same moment in the page's zone when the two lie a time zone apart (a time
 * shown: whole quarter hours, at most 14 hours; a day shown: a day that moment falls on
 * somewhere), and then it is the date. A time with any other offset is the publisher's and is
 * taken as written; a UTC time the page shows nothing beside stays as stated (no zone guessed).
 */
export function inPageZone(meta: string, offset: number | null, shown: string | null): string {
  if (offset !== 0 || !meta.includes('T') || !shown) return meta;
  const m = minutesOf(meta);
  const s = minutesOf(shown);
  // a time shown: the same moment when it differs by a zone's offset (whole quarter hours); else another time (an update's)
  if (shown.includes('T')) return Math.abs(s - m) <= MAX_OFFSET_MINUTES && (s - m) % 15 === 0 ? shown : meta;
  if (shown === meta.slice(0, 10)) return meta;
  // the shown day begins at most 14 hours after the moment and ends at most 14 hours before it
  return s <= m + MAX_OFFSET_MINUTES && s + DAY_MINUTES > m - MAX_OFFSET_MINUTES ? shown : meta;
}
