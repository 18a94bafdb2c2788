// Attribution lines: where an article comes from and who edited it (来源, 文章来源, 责任编辑, 责编,
// 原标题, (作者) tags, "Our reporter ...", "Editing by ..."). Reprints drop or rewrite exactly these
// lines, so they are kept apart from the body: the comparison reports them as attribution edits
// instead of as ordinary text changes.
import { clean } from './body/paragraphs';

// a keyword followed by a colon (half or full width) or, for 来源/来自, a space
const ZH_KEY =
  /^[[【〔(（]?\s*(?:文章来源|来源|來源|稿源|出处|出處|责任编辑|責任編輯|责编|責編|编辑|編輯|原标题|原標題|作者|撰文|记者|記者|本报记者|本報記者|通讯员|通訊員|摄影|攝影|校对|审核|审校)\s*[:：]/;
const EN_KEY = /^[[(]?\s*(?:(?:source|sources|editor|original title)\s*:|(?:edited|editing|reporting|writing|additional reporting) by\s|(?:our|staff) (?:staff )?reporters?\s|by our (?:staff )?reporter)/i;
// "(战钊)", "（记者 张三）", "[责任编辑:肖春芳]" as a whole line
const TAG = /^[[(（【〔]\s*(?:(?:记者|記者|编辑|編輯|责编|責編|作者)\s*)?[\p{Script=Han}·]{2,6}\s*[\])）】〕]$/u;
// the same tag at the end of the last paragraph: "...。（战钊）"
const TRAILING_TAG = /([。！？!?.”"])\s*([(（][\p{Script=Han}·]{2,4}[)）])$/u;

/** Longest line still taken for an attribution line; a longer one is prose that happens to start so. */
const MAX_LINE = 120;

/** Sentence punctuation in what follows a credit's colon. */
const SENTENCE_MARK = /[。？！?!]/;

/**
 * A Chinese credit line: a key and its colon, followed by names or a source, not by a sentence. An
 * interview's question after 记者：(记者：如何看待微短剧出海的潜力？) is body text; an original title
 * (原标题：…) may be punctuated like one and stays a credit.
 */
function zhCredit(line: string): boolean {
  const m = ZH_KEY.exec(line);
  if (!m) return false;
  if (/原[标標]题/.test(m[0])) return true;
  const value = line.slice(m[0].length);
  return !(SENTENCE_MARK.test(value) && (value.match(/\p{Script=Han}/gu)?.length ?? 0) >= 15);
}

export function isSourceLine(line: string): boolean {
  if (line.length > MAX_LINE) return false;
  return zhCredit(line) || EN_KEY.test(line) || TAG.test(line);
}

const OPEN = '[【〔(（';
const CLOSE = ']】〕)）';

/**
 * "[责任编辑:肖春芳]" and "（文章来源：光明网）" -> the line without the brackets, which are decoration;
 * a bracket left unbalanced by cutting a row into lines goes too. A bare tag like "（战钊）" keeps its
 * brackets: without them it would read as a word of the body.
 */
function tidyLine(line: string): string {
  let t = line.trim();
  const opens = [...t].filter((c) => OPEN.includes(c)).length;
  const closes = [...t].filter((c) => CLOSE.includes(c)).length;
  if (closes > opens && CLOSE.includes(t.at(-1) ?? '')) t = t.slice(0, -1).trim();
  else if (opens > closes && OPEN.includes(t[0] ?? '')) t = t.slice(1).trim();
  else if (opens === 1 && closes === 1 && OPEN.includes(t[0] ?? '') && CLOSE.includes(t.at(-1) ?? '') && /[:：]/.test(t)) {
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** Attribution lines without repeats: the page header and the foot of the body often say the same thing. */
export function uniqueLines(lines: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const t = tidyLine(line);
    const key = t.replace(/：/g, ':').replace(/[\s[\]【】〔〕()（）]+/g, '');
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

// a date row label and the date itself: "发布时间：2022-04-25 10:56", "April 26, 2022", "时间: 2022/09/05/ 16:26"
const DATE_LABEL = /(?:发布时间|發布時間|发布日期|时间|時間|日期|发表于|發表於|更新时间|published|updated|posted)\s*[:：]?\s*/gi;
const DATE_TEXT =
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2})?)?|\d{4}([-/.])\d{1,2}\1\d{1,2}\/?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|(?:(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*[ap]\.?m\.?)?/gi;
/** Paragraphs at each end of the body where a date / source row is looked for. */
const ROW_REACH = 3;

/**
 * A dateline row ("2022-04-25 10:56 来源：光明网", "April 26, 2022"): its attribution lines (none for
 * a bare date), or null when the paragraph is anything else.
 */
function dateRow(p: string): string[] | null {
  if (p.length > 160) return null;
  const rest = p.replace(DATE_TEXT, ' ');
  if (rest === p) return null; // no date in it
  const left = rest.replace(DATE_LABEL, ' ').replace(/[\s|｜·•]+/g, ' ').trim();
  if (!left) return [];
  // a row's pieces are credits or short labels (浏览次数：2168); a lead sentence that happens to hold
  // a date and a colon (张三说：“2019年1月17日我向…”, 央视网消息（新闻联播）：…自2024年10月1日起施行。) is no row
  const pieces = splitKeys(left);
  const rowPiece = (x: string): boolean => isSourceLine(x) || (x.length <= 30 && !SENTENCE_MARK.test(x) && !/[“”"]/.test(x));
  if (pieces.length === 0 || !pieces.every(rowPiece)) return null;
  return pieces.join('').replace(/\s/g, '').length >= left.replace(/[\s]/g, '').length * 0.9 ? pieces : null;
}

/** Moves attribution lines (and the dateline rows next to the body's ends) out of `paragraphs`, in place; returns them in order. */
export function takeSourceLines(paragraphs: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const nearEnd = i < ROW_REACH || i >= paragraphs.length - ROW_REACH;
    const row = nearEnd ? dateRow(p) : null;
    if (isSourceLine(p) || row) {
      lines.push(...(row ?? [p]));
      paragraphs.splice(i--, 1);
    }
  }
  const last = paragraphs.length - 1;
  const m = last >= 0 ? TRAILING_TAG.exec(paragraphs[last]!) : null;
  if (m) {
    paragraphs[last] = paragraphs[last]!.slice(0, m.index + m[1]!.length);
    lines.push(m[2]!);
  }
  return lines;
}

const BLOCKISH = /^(?:P|DIV|LI|TD|TH|DD|DT|SPAN|SECTION|H[1-6]|CENTER|FONT|EM|STRONG|B|I|SMALL)$/;
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|OPTION|TITLE)$/;
const KEY_ANYWHERE = /(?:文章来源|来源|來源|稿源|责任编辑|責任編輯|责编|責編|原标题|原標題|作者|编辑|編輯)\s*[:：]/;
/** Text nodes looked at when searching a whole page, so that a huge page stays cheap. */
const MAX_TEXT_NODES = 20_000;
const MAX_PAGE_LINES = 8;

/**
 * Attribution lines anywhere on the page outside the extracted body (the header row of a Chinese
 * portal article: "2017-03-10 09:58 来源：网易科学人 作者： 责任编辑：肖春芳"). Each line is the
 * text of the smallest element around the keyword, so "来源：<a>网易科学人</a>" comes out whole.
 */
export function findSourceLinesInPage(doc: Document): string[] {
  const body = doc.body;
  if (!body) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let visited = 0;
  for (let n = walker.nextNode(); n && visited < MAX_TEXT_NODES && out.length < MAX_PAGE_LINES; n = walker.nextNode()) {
    visited++;
    const data = (n as Text).data;
    if (!KEY_ANYWHERE.test(data)) continue;
    let el = n.parentElement;
    if (!el || NOT_TEXT.test(el.tagName.toUpperCase())) continue;
    // widen from the text node to the element that holds the whole "key: value" pair
    let line = clean(el.textContent ?? '');
    while (el && BLOCKISH.test(el.tagName.toUpperCase()) && /[:：]\s*$/.test(line) && el.parentElement) {
      el = el.parentElement;
      line = clean(el.textContent ?? '');
    }
    // a header row holds several keys: cut it into one line per key
    for (const piece of splitKeys(line)) {
      if (piece.length > MAX_LINE || !isSourceLine(piece) || seen.has(piece)) continue;
      seen.add(piece);
      out.push(piece);
    }
  }
  return out;
}

const SPLIT_AT = /(?=(?:文章来源|来源|來源|稿源|责任编辑|責任編輯|责编|責編|原标题|原標題|作者|编辑|編輯)\s*[:：])/;

function splitKeys(line: string): string[] {
  if (line.length > 400) return [];
  return line
    .split(SPLIT_AT)
    .map((s) => s.trim())
    // "责任编辑" contains "编辑": re-join a split that cut a keyword in two; and 数据来源 / 图片来源
    // (where a figure or a photo comes from) is no credit of the article's: re-joined, it is dropped
    .reduce<string[]>((acc, s) => {
      const prev = acc[acc.length - 1];
      if (prev !== undefined && /(?:责任|責任|文章|数据|數據|图片|圖片|图|圖|资料|資料|视频|視頻)$/.test(prev)) acc[acc.length - 1] = prev + s;
      else acc.push(s);
      return acc;
    }, [])
    .map((s) => s.replace(/\s*[|｜/]\s*$/, '').trim())
    .filter((s) => /[:：]\s*\S/.test(s));
}
