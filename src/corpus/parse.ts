// Reading one corpus file into a CorpusDoc. Pure: bytes or text in, a result out; bad input is
// reported as {ok: false} naming the file, never thrown, so that one bad file does not stop the rest.
//
// The articles come as published, in several layouts:
// - front matter (--- key: value ---, possibly after blank lines) + HTML body (000, 004);
// - plain text with header lines under the title (来源:, 时间:, 字号:) (003);
// - plain text with site clutter before the title, a 原标题 line, an editor line closing the
//   article and other articles the site appended after it (002);
// - plain English text with a byline line and no title (001).
// All of them go through the same line model: head (clutter, title, header lines), body,
// closing attribution, appended material.
import { hanRatio, splitParagraphs, splitSentences } from '../core/text/segment';
import { foldForMatch } from '../core/text/normalize';
import { htmlToParagraphs, looksLikeHtml } from './html-text';
import type { AppendedPiece } from '../core/index/types';
import type { CorpusDoc, ParseResult } from './types';

/** The file stem (no folders, no extension) is the article's id. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Bytes to text: UTF-8 only (corpus files are ours to write); NUL bytes mean a binary file. */
function decode(content: string | Uint8Array): string | { error: string } {
  if (typeof content === 'string') {
    if (content.includes('\u0000')) return { error: 'binary file (contains NUL characters)' };
    return content.replace(/^\ufeff/, '');
  }
  if (content.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\ufeff/, '');
  } catch {
    return { error: 'not UTF-8 text' };
  }
}

// ---------------------------------------------------------------- front matter

interface FrontMatter {
  fields: Map<string, string | string[]>;
  body: string;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) {
    return t.slice(1, -1).replace(t[0] === "'" ? /''/g : /\\"/g, t[0]!);
  }
  return t;
}

/** YAML-like front matter between --- lines (flat keys and "- item" lists are all corpus files use). */
function readFrontMatter(text: string): FrontMatter | null | { error: string } {
  const m = /^\s*---[ \t]*\r?\n/.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) return { error: 'front matter (---) is not closed' };
  const fields = new Map<string, string | string[]>();
  let listKey: string | null = null;
  for (const line of rest.slice(0, close.index).split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const cur = fields.get(listKey);
      fields.set(listKey, [...(Array.isArray(cur) ? cur : []), unquote(item[1]!)]);
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!.trim();
    listKey = value === '' ? key : null;
    fields.set(key, value === '' ? [] : unquote(value));
  }
  return { fields, body: rest.slice(close.index + close[0].length) };
}

function field(fm: FrontMatter | null, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = fm?.fields.get(k);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

// ---------------------------------------------------------------- dates

const pad = (n: number): string => String(n).padStart(2, '0');

/** A publication date as ISO YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time as written; null when unreadable. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  // 2022-04-25 10:56:20 +0800, 2022/09/05/ 16:26, 2022年4月25日 10:56
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*\/?\s*(?:T?\s*(\d{1,2})[:：](\d{2}))?/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const day = `${y}-${pad(mo)}-${pad(d)}`;
    return m[4] !== undefined ? `${day}T${pad(Number(m[4]))}:${m[5]}` : day;
  }
  // RFC 2822 as in feeds and Jekyll exports: Sat, 01 Jan 2022 09:44:00 GMT (kept in its own zone, UTC)
  if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(s)) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      return /\d{1,2}:\d{2}/.test(s) ? `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
    }
  }
  return null;
}

// ---------------------------------------------------------------- line kinds

const COLON = '\\s*[:：]\\s*';
/** Header lines under a title: 来源: 中国新闻网 / 时间: 2022/09/05 / 字号:[大][中][小]. */
const HEADER = new RegExp(`^(来源|稿源|时间|发布时间|日期|作者|字号|浏览次数|阅读)${COLON}(.*)$`);
const ORIGINAL_TITLE = new RegExp(`^[（(]?原标题${COLON}(.+?)[）)]?$`);
/** Lines that close an article: the editor's line, or the site's short share prompt (分享让更多人看到). */
const EDITOR_LINE = new RegExp(`^[（(]?\\s*(?:责编|责任编辑|编辑|Editor)${COLON}`, 'i');
function isClosing(line: string): boolean {
  return EDITOR_LINE.test(line) || (line.length <= 12 && /^(?:分享|Share\b)/i.test(line));
}
/** Attribution lines (sources, authors, editors, reporters) wherever they stand; bracketed ones may lack the colon: (作者杨冬梅单位:...). */
const ATTRIBUTION = new RegExp(
  `^[（(]?\\s*(?:文章来源|来源|本文来源|稿件来源|转自|转载自|原文链接|责编|责任编辑|编辑|作者|记者|通讯员|Source|Editor|Author)${COLON}|^[（(]\\s*(?:本文系|本文为|作者|来源|记者)`,
  'i',
);
const EN_BYLINE = /^(?:our reporter|reporter|by|written by|staff reporter)\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s*$/i;
/** Page furniture that is neither article nor attribution. */
const FURNITURE = /^(?:版权声明|免责声明|上一篇|下一篇|相关阅读|相关新闻|推荐阅读|热门推荐|返回|打印|关闭窗口|分享到|扫一扫|【纠错】)/;
const SENTENCE_END = /[。！？!?；;…」』”"')）.]$/;

function isAttribution(line: string): boolean {
  return line.length <= 80 && (ATTRIBUTION.test(line) || EN_BYLINE.test(line));
}

/** A short line without closing punctuation: a title, heading or bit of page furniture. */
function isHeadingLike(line: string): boolean {
  const han = hanRatio(line) > 0.5;
  const short = han ? line.length <= 40 : line.split(/\s+/).length <= 14;
  return short && !SENTENCE_END.test(line);
}

/** The value of an attribution line: (文章来源：光明网) -> 光明网. */
function attributionValue(line: string): string {
  return line
    .replace(/^[（(]\s*/, '')
    .replace(/\s*[）)]\s*$/, '')
    .replace(/^[^:：]*[:：]\s*/, '')
    .trim();
}

/** A reporter's name in brackets closing the last paragraph: ...建设提速。(战钊) */
const TRAILING_BYLINE = /\s*[（(]\s*([\p{Script=Han}·]{2,4}(?:[、，,\s][\p{Script=Han}·]{2,4}){0,3})\s*[）)]\s*$/u;

function detectLang(text: string): string {
  if (hanRatio(text) >= 0.3) {
    const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    return kana > text.length * 0.05 ? 'ja' : 'zh';
  }
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length === 0) return 'und';
  const common = words.filter((w) => w === 'the' || w === 'and' || w === 'of' || w === 'to' || w === 'is').length;
  return common / words.length > 0.04 ? 'en' : 'und';
}

function deriveTitle(paragraphs: string[]): string {
  const first = splitSentences(paragraphs[0] ?? '')[0]?.trim() ?? '';
  if (first.length <= 90) return first;
  const cut = first.slice(0, 90);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

// ---------------------------------------------------------------- appended material

/**
 * Material after the line that closes the article: other articles a site put under it. Pieces are
 * cut after each run of attribution lines (an article ends with its author or editor); furniture
 * (版权声明, 上一篇, 下一篇) is dropped. A piece's title is its first line when that is heading-like.
 */
function splitAppended(lines: string[]): { pieces: AppendedPiece[]; closing: string[] } {
  const pieces: AppendedPiece[] = [];
  const closing: string[] = [];
  let cur: AppendedPiece | null = null;
  let afterAttribution = false;
  for (const line of lines) {
    if (FURNITURE.test(line) || (isClosing(line) && !EDITOR_LINE.test(line))) continue;
    if (isAttribution(line)) {
      if (cur) cur.sourceLines.push(line);
      else closing.push(line); // still the article's own closing lines (责编, 分享)
      afterAttribution = true;
      continue;
    }
    if (!cur || afterAttribution) {
      cur = { title: null, paragraphs: [], sourceLines: [] };
      pieces.push(cur);
      afterAttribution = false;
      if (isHeadingLike(line)) {
        cur.title = line;
        continue;
      }
    }
    cur.paragraphs.push(line);
  }
  return { pieces: pieces.filter((p) => p.paragraphs.length > 0), closing };
}

// ---------------------------------------------------------------- the parser

/** Parses one corpus file. `fileName` gives the id (its stem) and names the file in errors. */
export function parseCorpusFile(fileName: string, content: string | Uint8Array): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, file: fileName, error: `${fileName}: ${error}` });
  const decoded = decode(content);
  if (typeof decoded !== 'string') return fail(decoded.error);
  if (decoded.trim() === '') return fail('empty file');
  const id = fileStem(fileName);
  if (!id) return fail('no file name to take the id from');

  const fmOrError = readFrontMatter(decoded);
  if (fmOrError && 'error' in fmOrError) return fail(fmOrError.error);
  const fm = fmOrError;
  let body = fm ? fm.body : decoded;

  // trailing link lines of exported pages: <http://...> is the article's address, [返回首页](...) is furniture
  let url: string | null = field(fm, 'url', 'link', 'permalink', 'canonical');
  body = body.replace(/^[ \t]*<(https?:\/\/[^\s>]+)>[ \t]*$/gm, (_, u: string) => {
    url ??= u;
    return '';
  });
  body = body.replace(/^[ \t]*(?:\[[^\]\n]*\]\([^)\n]*\)[\s｜|·/-]*)+$/gm, '');

  const html = looksLikeHtml(body);
  const lines = html ? htmlToParagraphs(body) : splitParagraphs(body);
  if (lines.length === 0) return fail('no article text found');

  let title = field(fm, 'title');
  let siteName: string | null = null;
  let published = parseDate(field(fm, 'date', 'published', 'pubdate') ?? '') ?? null;
  let byline = fm ? field(fm, 'author', 'byline') : null;
  let declaredSource: string | null = field(fm, 'source');
  let originalTitle: string | null = null;
  const sourceLines: string[] = [];

  // ---- head: lines before the first body paragraph (clutter, title, header lines, 原标题, byline)
  let start = 0;
  const head: string[] = [];
  let firstHeader = -1;
  let originalAt = -1;
  for (; start < lines.length; start++) {
    const line = lines[start]!;
    const header = HEADER.exec(line);
    const orig = ORIGINAL_TITLE.exec(line);
    const en = EN_BYLINE.exec(line);
    if (header) {
      const [, key, value] = header;
      if (firstHeader < 0) firstHeader = head.length;
      if (key === '来源' || key === '稿源') declaredSource ??= value!.trim() || null;
      else if (key === '时间' || key === '发布时间' || key === '日期') published ??= parseDate(value!);
      else if (key === '作者') byline ??= value!.trim() || null;
      if (key !== '字号' && key !== '浏览次数' && key !== '阅读') sourceLines.push(line);
      continue;
    }
    if (orig) {
      originalTitle = orig[1]!.trim();
      originalAt = head.length;
      sourceLines.push(line);
      continue;
    }
    if (en) {
      byline ??= en[1]!.trim();
      sourceLines.push(line);
      continue;
    }
    if (isAttribution(line) && !isClosing(line)) {
      sourceLines.push(line);
      continue;
    }
    // a heading-like line followed by a heading-like line or header is still head; a heading
    // directly followed by a paragraph may be the body's first subheading, unless no title is known
    if (!isHeadingLike(line) || FURNITURE.test(line)) break;
    if (html) break; // HTML bodies start at their first element; the title is in the front matter
    const next = lines[start + 1];
    if (title !== null && next !== undefined && !isHeadingLike(next) && !HEADER.test(next) && !ORIGINAL_TITLE.test(next)) break;
    head.push(line);
  }
  if (head.length > 0 && title === null) {
    // the title is the heading just before the header lines (003) or the 原标题 line (002), else the last one
    const at = firstHeader > 0 ? firstHeader - 1 : originalAt > 0 ? originalAt - 1 : head.length - 1;
    title = head[at]!;
    // a short line above the title is the site's name (博舍)
    const site = head.slice(0, at).find((l) => l.length <= 12);
    if (site) siteName = site;
  }

  // ---- body up to the line that closes the article; what follows was appended by the site
  let end = start;
  while (end < lines.length && !isClosing(lines[end]!)) end++;
  let paragraphs = lines.slice(start, end);
  const { pieces: appended, closing } = splitAppended(lines.slice(end));

  // attribution lines at the end of the body: (文章来源：光明网), 作者: ...
  const tail: string[] = [];
  while (paragraphs.length > 0 && isAttribution(paragraphs[paragraphs.length - 1]!)) tail.unshift(paragraphs.pop()!);
  // the reporter's name closing the last paragraph: ...建设提速。(战钊)
  const last = paragraphs[paragraphs.length - 1];
  const trailing = last !== undefined ? TRAILING_BYLINE.exec(last) : null;
  if (trailing && last !== undefined && SENTENCE_END.test(last.slice(0, trailing.index))) {
    paragraphs = [...paragraphs.slice(0, -1), last.slice(0, trailing.index)];
    sourceLines.push(trailing[0].trim());
    byline ??= trailing[1]!;
  }
  sourceLines.push(...tail);
  sourceLines.push(...closing);

  for (const line of sourceLines) {
    const v = attributionValue(line);
    if (/^[（(]?\s*(?:文章来源|来源|本文来源|稿件来源|转自|转载自)/.test(line)) declaredSource ??= v || null;
    if (/^[（(]?\s*(?:责编|责任编辑|编辑)\s*[:：]/.test(line)) byline ??= v || null;
  }
  siteName ??= declaredSource;

  if (paragraphs.length === 0) return fail('no article text found (only headings and attribution lines)');
  const chars = foldForMatch(paragraphs.join('\n')).text.replace(/ /g, '').length;
  if (chars < 20) return fail(`too little text to match (${chars} characters)`);

  const titleDerived = title === null || title === '';
  const lang = field(fm, 'lang', 'language') ?? detectLang(paragraphs.join('\n'));
  const doc: CorpusDoc = {
    id,
    // no-break and ideographic spaces in a title are layout, not content
    title: (titleDerived ? deriveTitle(paragraphs) : title!).replace(/[\s\u00a0\u3000]+/g, ' ').trim(),
    titleDerived,
    byline,
    siteName,
    published,
    url,
    lang,
    paragraphs,
    sourceLines,
    originalTitle,
    declaredSource,
    appended,
    format: fm ? (html ? 'front-matter-html' : 'plain') : html ? 'html' : firstHeader >= 0 ? 'header-lines' : 'plain',
  };
  return { ok: true, doc };
}
