// The article's title: Readability's choice (the document title, cut at a separator when the rest
// is clearly the site), then the site's name taken off the end when the page declares that name
// ("标题_某某网" with og:site_name 某某网, "Title - Site").
// Without a declared site name, what follows a separator goes only when the page's own headline
// (<h1>) is exactly the part before it ("标题_某某网" over <h1>标题</h1>): on Chinese portals the
// part after "_" is as often a channel or a subtitle as the site, so the headline must confirm it.
import { toSimplified } from '../core/text/normalize';
import type { PageMeta } from './meta';

/** Collapses runs of ASCII whitespace; keeps the ideographic space, which Japanese and Chinese titles use as a separator. */
function tidy(s: string): string {
  return s.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ').trim();
}

const SEPARATOR = /[\s\u3000]*(?:[-–—_|｜·•»:：/\\]|::)+[\s\u3000]*$/;

/** `title` without a trailing "<separator> siteName", or unchanged. */
export function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const site = tidy(siteName);
  if (site.length === 0 || !title.endsWith(site)) return title;
  const rest = title.slice(0, title.length - site.length);
  const m = SEPARATOR.exec(rest);
  if (!m) return title;
  const bare = rest.slice(0, m.index).trim();
  // keep a title that would become too short to be one
  return bare.length >= 4 ? bare : title;
}

/** `title` cut to `headline` when it is `headline` followed by a separator and more (a site, a channel). */
export function stripToHeadline(title: string, headline: string | null): string {
  const h = tidy(headline ?? '');
  if (h.length < 4 || h.length >= title.length || !title.startsWith(h)) return title;
  return /^[\s\u3000]*(?:[-–—_|｜·•»:：/\\]|::)/.test(title.slice(h.length)) ? h : title;
}

/**
 * A Western title without the site glued on after " - " or " | " ("Headline - Los Angeles Times"),
 * when the page's h1 is exactly the part before it and what follows reads as a name (a few words,
 * no sentence end). Readability cuts only when the rest looks like a site by its own word counts.
 * "Headline | Author" stays as Readability has it: the author's name is the page's to show.
 */
function westernHeadline(title: string, h1Text: string | null, author: string | null): string {
  const h = tidy(h1Text ?? '');
  if (h.length < 12 || !title.startsWith(h)) return title;
  const m = /^\s+[-–—|]\s+(.+)$/.exec(title.slice(h.length));
  if (!m || m[1]!.length > 40 || m[1]!.split(/\s+/).length > 6 || /[.?!]$/.test(m[1]!)) return title;
  return author && tidy(author) === m[1]!.trim() ? title : h;
}

/** Chinese (Han without kana): the portals whose glued site names Readability leaves on. */
const isChinese = (s: string): boolean => /\p{Script=Han}/u.test(s) && !/[\u3040-\u30ff]/.test(s);

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** Separators a site or channel is joined with: _ __ | ｜ -- - (with or without spaces). */
const JOIN = /(?:\s*(?:__?|\||｜|--|-{1})\s*|\s+-\s+)/g;
/** Sentence punctuation: a segment holding it is part of the headline, not a site or channel name. */
const SENTENCE = /[，。！？；“”"「」]/u;
/** What a site's or institution's name ends with, when it is joined to the headline by a space only. */
const SITE_END_SIMPLIFIED = /(?:网|网站|官网|门户|政府|日报|晚报|时报|报|电子报|电视台|广播电台|频道|传媒|集团|大学|学院|研究院|研究所|医院|中心|协会|学会|委员会|新闻|资讯|在线|客户端)$/u;
/** SITE_END in either script (自由時報電子報, 聯合新聞網 read as 自由时报电子报, 联合新闻网). */
const SITE_END = { test: (s: string): boolean => SITE_END_SIMPLIFIED.test(toSimplified(s)) };

/**
 * `title` without the site and channel names glued to its end ("标题_频道_某某网", "标题-新华网",
 * "标题 - 山西省人民政府门户网站", "标题 湖南省中医药研究院附属医院"): trailing segments go while each
 * is short, holds no sentence punctuation, and what stays is a title's length.
 */
export function stripTrailingNames(title: string): string {
  let t = title;
  for (let guard = 0; guard < 4; guard++) {
    let last: RegExpMatchArray | null = null;
    for (const m of t.matchAll(JOIN)) {
      const before = t.slice(0, m.index);
      const after = t.slice(m.index! + m[0].length);
      // an ASCII hyphen inside a word or number (COVID-19, A-share) joins nothing
      if (m[0] === '-' && /[A-Za-z0-9]$/.test(before) && /^[a-z0-9]/.test(after)) continue;
      if (m.index! > 0 && after.length > 0) last = m;
    }
    let head: string;
    let rest: string;
    if (last) {
      head = t.slice(0, last.index).trim();
      rest = t.slice(last.index! + last[0].length).trim();
    } else {
      // a site name after a plain space ("标题 某某网")
      const sp = /^(.*\S)[\s\u3000]+(\S+)$/u.exec(t);
      if (!sp || !SITE_END.test(sp[2]!) || !/\p{Script=Han}/u.test(sp[2]!)) break;
      head = sp[1]!.trim();
      rest = sp[2]!;
    }
    if (rest.length > 20 || SENTENCE.test(rest) || squash(head).length < 6) break;
    t = head;
  }
  return t;
}


/**
 * The headline among the page's own headings (h1–h3, og:title, JSON-LD headline) that the document
 * title opens with, followed by a separator or a site's name ("标题_某某网" over <h2>标题</h2>), the
 * longest when several do. Null when none is.
 */
export function headlineInTitle(title: string, headings: string[]): string | null {
  const t = squash(title);
  const whole = tidy(title);
  let best: string | null = null;
  for (const raw of headings) {
    const h = tidy(raw);
    const k = squash(h);
    if (k.length < 2 || !t.startsWith(k)) continue;
    // a short headline (a name, an encyclopedia's entry: 金锺国 - 维基百科，自由的百科全书) is confirmed
    // only by a dash or a bar set off by spaces after it; a kicker before a colon (外国专家：…) is not one
    if ((k.length < 4 || k.length < t.length * 0.3) && !(whole.startsWith(h) && /^[\s\u3000]+[-–—|｜][\s\u3000]+\S/u.test(whole.slice(h.length)))) continue;
    const rest = t.slice(k.length);
    const confirmed = rest === '' || /^(?:[-–—_|｜·•»:：/\\]|::)/.test(rest) || (SITE_END.test(rest) && rest.length <= 20);
    if (confirmed && (!best || k.length > squash(best).length)) best = h;
  }
  return best;
}

/** Text of the page's h1–h3 headings, in that order. */
function headingsOf(doc: Document): string[] {
  const out: string[] = [];
  for (const tag of ['h1', 'h2', 'h3']) {
    for (const el of Array.from(doc.getElementsByTagName(tag)).slice(0, 20)) {
      const t = tidy(el.textContent ?? '');
      if (t) out.push(t);
    }
  }
  return out;
}

export function pickTitle(readabilityTitle: string, doc: Document, meta: PageMeta, siteName: string | null): string {
  const title = tidy(readabilityTitle) || tidy(meta.ogTitle ?? '') || tidy(meta.h1 ?? '') || tidy(doc.title ?? '');
  const docTitle = tidy(doc.title ?? '');
  // Western titles: Readability's choice, less the site the page names (og:site_name) after a
  // separator ("Headline - Los Angeles Times"); Japanese titles stay as Readability has them
  if (!isChinese(docTitle || title)) return westernHeadline(/[\p{Script=Han}\u3040-\u30ff]/u.test(title) ? title : stripSiteName(title, siteName), meta.h1, meta.author);
  // Chinese portals: the document title is the headline with site and channel names glued on, and
  // the page's own headings confirm where the headline ends
  const headings = [...headingsOf(doc), ...(meta.ogTitle ? [tidy(meta.ogTitle)] : []), ...(meta.headline ? [tidy(meta.headline)] : [])].map(stripLeadingNames);
  const base = stripLeadingNames(docTitle || title);
  const confirmed = headlineInTitle(base, headings);
  const stripped = stripTrailingNames(stripSiteName(base, siteName));
  // og:title and the JSON-LD headline are most often copies of the document title, glued-on names
  // and all ("标题_苏银" over <h1>标题</h1>): when the whole title is all that confirms itself and
  // the page's h1 is just what is left once the glued-on name is cut, two signals agree on the cut
  const h1 = tidy(meta.h1 ?? '');
  // the same when the h1 confirms itself as the title's opening (金锺国 over "金锺国 - 维基百科，自由的百科全书")
  const byH1 = h1 ? headlineInTitle(base, [h1]) : null;
  if (confirmed && squash(confirmed) === squash(base) && h1 && ((stripped.length < base.length && squash(stripped) === squash(h1)) || (byH1 && squash(byH1).length < squash(base).length))) return stripLeadingNames(h1);
  if (confirmed) return stripLeadingNames(confirmed);
  return stripLeadingNames(stripToHeadline(stripped, meta.h1));
}

/**
 * `title` without what a forum or a blog puts before the headline: a label (主题：, 标题：) or the
 * blog's name and a trail before » ("多维博客 » 标题", the old blog engines' "Blog » Post").
 */
export function stripLeadingNames(title: string): string {
  const label = /^(?:主题|标题|帖子主题|文章标题)[\s\u3000]*[:：][\s\u3000]*(\S.{3,})$/u.exec(title);
  if (label) return label[1]!;
  const trail = /^(?:[^»]{1,20}»[\s\u3000]*)+([^»]{6,})$/u.exec(title);
  return trail ? trail[1]!.trim() : title;
}

/** Page-making tools' default titles, left in by whoever made the page (FrontPage, Dreamweaver, Word). */
const DEFAULT_TITLE = /^(?:无标题文档|无标题网页|无标题|未命名|未命名文档|新建网页\s*\d*|显示|网页|untitled(?: document| page)?|new page\s*\d*|document|home)$/iu;

/** Whether a document title names nothing: none, a few characters, or a page-making tool's default. */
export function namesNothing(title: string): boolean {
  return squash(title).length < 4 || DEFAULT_TITLE.test(tidy(title));
}

/**
 * The heading set right over the body (page-lines.ts) as the headline, when the chosen title is
 * nowhere above the body: on a Chinese page whose document title is a channel and the site
 * ("新闻动态--某某学会官网"), a heading of a title's length that is no part of that title (a part of it
 * is its subtitle), not the site's name, not a label ("新闻详情："). Null when the title stands.
 * Western pages keep Readability's choice: the headings over their bodies are as often a
 * section's or a newsletter box's.
 */
export function headlineOverBody(title: string, heading: string | undefined, siteName: string | null): string | null {
  const weak = namesNothing(title);
  if (!heading || !(isChinese(title) || (weak && isChinese(heading)))) return null;
  // a title that names nothing (显示, 无标题文档, none at all) gives way to a shorter headline (犬儒病(上))
  const least = weak ? 4 : 6;
  const k = squash(heading);
  if (k.length < least || k.length > 100 || /[:：]$/.test(k) || (siteName && k === squash(siteName)) || squash(title).includes(k)) return null;
  return (k.match(/[\p{Script=Han}\p{L}]/gu)?.length ?? 0) >= least ? heading : null;
}
