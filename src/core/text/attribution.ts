// Attribution in news text: who wrote, carried or edited it, wherever it stands. Whole lines
// (来源：光明网, （责任编辑：王晓）, 本报记者 张三, 原标题:…, Source: Xinhua), the credit or dateline
// that opens a paragraph (央视网消息（新闻联播）：, 新华社北京6月5日电（记者 张三）, 本报讯（记者 李四）),
// and the name tag that closes one (（记者 王五）, (战钊)). Removing, adding or changing any of them
// is an attribution edit, not a sentence edit, and it does not make a version differ in its body.
import type { Span } from '../types';


const LABELS = '(?:文章来源|新闻来源|信息来源|稿件来源|来源|出处|责任编辑|责编|编辑|编审|审核|校对|监制|作者|记者|通讯员|撰文|摄影|供稿|原标题|原题)';
/** A line that is only an attribution: 来源：光明网, （文章来源：光明网）, (责编:李源、曹淼), 原标题:..., (战钊), Source: Xinhua. */
const ATTRIBUTION_LINE: RegExp[] = [
  new RegExp(`^[（(【\\[]?\\s*${LABELS}\\s*[:：]`, 'u'),
  new RegExp(`^[（(【\\[]\\s*(?:本报|本刊|本网)?${LABELS}`, 'u'),
  /^(?:本报|本刊|本网)?(?:记者|通讯员)\s*\S{1,12}(?:\s+\S{1,12})*$/u,
  // a bare name tag: (战钊), （李源、曹淼）
  /^[（(]\s*[\p{Script=Han}·]{2,4}(?:[、，,\s]+[\p{Script=Han}·]{2,4})*\s*[)）]$/u,
  /^(?:source|editor|original title)\s*:\s*\S/iu,
  // an English byline is names only: "By Wang Yanbin", "Edited by Li Yuan" (not "By the end of 2021, ...")
  /^(?:[Bb]y|[Ee]dited by|[Rr]eport(?:ing|ed) by|[Ww]ritten by)\s+\p{Lu}[\p{L}.'-]*(?:\s+(?:and\s+)?\p{Lu}[\p{L}.'-]*){0,4}$/u,
];
const ATTRIBUTION_MAX = 80;

/** True when `line` is a whole attribution line (source, editor, byline, original title). */
export function isAttributionLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > ATTRIBUTION_MAX) return false;
  return ATTRIBUTION_LINE.some((re) => re.test(t));
}

// Attribution inside a changed stretch of a paragraph: a trailing name tag "(战钊)" or a source note.
const ATTRIBUTION_INLINE: RegExp[] = [
  /[（(]\s*[\p{Script=Han}·]{2,4}(?:[、，,]\s*[\p{Script=Han}·]{2,4})*\s*[)）]/u,
  new RegExp(`[（(【\\[]?\\s*${LABELS}\\s*[:：][^（）()【】\\[\\]\\n]{1,40}[)）】\\]]?`, 'u'),
];

/** The attribution written in a changed stretch, if the stretch is one (or holds one at its edge). */
export function attributionIn(text: string): string | null {
  const t = text.trim();
  if (t.length === 0) return null;
  if (isAttributionLine(t)) return t;
  const open = leadCredit(t);
  if (open) return open.trim();
  for (const re of ATTRIBUTION_INLINE) {
    const m = re.exec(t);
    if (!m) continue;
    // only when the tag is the stretch, or stands at its start or end (a byline closes a paragraph)
    const at = m.index;
    const end = at + m[0].length;
    if (at === 0 || end === t.length) return m[0];
  }
  return null;
}

// The credit or dateline a paragraph opens with. The place and date before 电 are a short run of
// Han characters and digits with no punctuation, so a lead sentence that merely starts with a date
// (6月5日，国务院…) or a clause (据了解，…) is never taken for one.
const DIGITS = '[0-9０-９一二三四五六七八九十〇]{1,3}';
const TAG = '[（(][^（）()\\n]{1,40}[)）]';
const LEAD_CREDIT: RegExp[] = [
  // 央视网消息（新闻联播）：, 新华网消息：, 本报讯（记者 李四）, 人民网讯
  new RegExp(`^[\\p{Script=Han}A-Za-z]{1,8}?(?:消息|讯)\\s*(?:${TAG}\\s*[:：]?|[:：])`, 'u'),
  // 新华社北京6月5日电, 本报北京6月5日电（记者 张三 王五）, 新华社华盛顿五月一日电：
  new RegExp(`^[\\p{Script=Han}]{2,16}?${DIGITS}月${DIGITS}日(?:电|讯)\\s*(?:${TAG})?\\s*[:：]?`, 'u'),
];
// The name tag a paragraph closes with: （记者 王五）, （本报记者 张三 李四）, （责任编辑：王晓）, (战钊)
const CLOSING_CREDIT: RegExp[] = [
  new RegExp(`[（(]\\s*(?:本报|本刊|本网|新华社)?${LABELS}\\s*[:：]?\\s*[^（）()\\n]{1,30}[)）]\\s*$`, 'u'),
  /[（(]\s*[\p{Script=Han}·]{2,4}(?:[、，,\s]+[\p{Script=Han}·]{2,4})*\s*[)）]\s*$/u,
];

/** The credit or dateline `text` opens with (央视网消息（新闻联播）：, 新华社北京6月5日电（记者 张三）), or null. */
export function leadCredit(text: string): string | null {
  for (const re of LEAD_CREDIT) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** The name tag `text` closes with (（记者 王五）, （责任编辑：王晓）), or null. */
export function closingCredit(text: string): string | null {
  for (const re of CLOSING_CREDIT) {
    const m = re.exec(text);
    if (m && m.index > 0) return m[0];
  }
  return null;
}

/**
 * Where attribution stands in a body text (paragraphs joined by \n): whole attribution lines, the
 * credit a paragraph opens with and the name tag it closes with, as offsets into `text`.
 */
export function attributionSpans(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const start = at;
    at += line.length + 1;
    const lead = line.length - line.trimStart().length;
    const t = line.trim();
    if (!t) continue;
    if (isAttributionLine(t)) {
      out.push({ start: start + lead, end: start + lead + t.length });
      continue;
    }
    const open = leadCredit(t);
    if (open) out.push({ start: start + lead, end: start + lead + open.length });
    const close = closingCredit(t);
    if (close) out.push({ start: start + lead + t.length - close.length, end: start + lead + t.length });
  }
  return out;
}
