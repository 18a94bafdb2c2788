// DOM -> Article. Readability finds the body; around it this module adds what Readability misses on
// Chinese news portals: body parts split by an ad block, attribution lines (来源, 责任编辑, 原标题 ...),
// dates written the Chinese way, the canonical URL and the language.
// The document given is only read: Readability, which rewrites what it parses, works on one copy,
// so the content script can pass the live page and it is copied once, never changed.
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article } from '../core/types';
import { detectLanguage } from '../core/text/language';
import { readMeta, type PageMeta } from './meta';
import { feedStart, isRightsNotice } from './body/feed';
import { paragraphsOf, clean, joinHardWraps } from './body/paragraphs';
import { takeSourceLines, findSourceLinesInPage, uniqueLines } from './source-lines';
import { headlineOverBody, pickTitle } from './title';
import { stampDate } from './platform-stamp';
import { closingDate, dateFromMetaNames, findDate, findDateInPage, footDate, headDate, inPageZone, labelledDateIn, parseDate } from './dates';
import { judgeArticle } from './is-article';
import { addSplitParts } from './body/split-body';
import { badgedHeadline, zonesOf } from './page-lines';
import { authorLinkName, findCredits } from './byline';
import { bodyOrDensest } from './body/density';
import { isPhotoLine, markedCaptions } from './body/captions';

export interface ExtractResult {
  article: Article;
  isArticle: boolean;
  reasons: string[];
}

export interface ExtractOptions {
  url?: string;
  /** Cap on the article text taken, in characters (default 200 000). */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 200_000;

/** An author's profile box, by its class or id: text about the writer, not by them. */
const AUTHOR_BOX = /author-?(?:profile|bio|description)|about-the-author/i;
/** The longest profile box dropped: a box holding more is a container around the article itself. */
const MAX_AUTHOR_BOX = 1500;

/**
 * A copy of `doc` for Readability, without author profile boxes: Readability unwraps a box around a
 * single paragraph and appends it to the body like any prose sibling. Short boxes (a byline) stay,
 * so Readability can still read the byline from them.
 */
function readabilityCopy(doc: Document): Document {
  const copy = doc.cloneNode(true) as Document;
  for (const el of Array.from(copy.querySelectorAll('[class*="author" i], [id*="author" i]'))) {
    const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
    const length = el.textContent?.trim().length ?? 0;
    if (AUTHOR_BOX.test(names) && length >= 80 && length <= MAX_AUTHOR_BOX) el.remove();
  }
  return copy;
}

/** A detached element holding `paragraphs`, one <p> each (for the article gate, which reads an element); the page is not changed. */
function elementOf(doc: Document, paragraphs: readonly string[]): Element {
  const div = doc.createElement('div');
  for (const text of paragraphs) {
    const p = doc.createElement('p');
    p.textContent = text;
    div.appendChild(p);
  }
  return div;
}

function emptyArticle(url: string | null): Article {
  return { title: '', byline: null, siteName: null, published: null, url, lang: 'und', paragraphs: [], sourceLines: [] };
}

/** Cuts `paragraphs` to `maxChars` characters in total; returns whether anything was cut. */
function cap(paragraphs: string[], maxChars: number): boolean {
  let total = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (total + p.length > maxChars) {
      const rest = maxChars - total;
      paragraphs.length = i;
      if (rest > 0) paragraphs.push(p.slice(0, rest));
      return true;
    }
    total += p.length + 1;
  }
  return false;
}

const charsOf = (ps: readonly string[]): number => ps.reduce((n, p) => n + p.length, 0);

export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractResult {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const fallbackUrl = opts.url ?? null;
  try {
    return extract(doc, maxChars, fallbackUrl);
  } catch (err) {
    // odd markup must never break the page or the CLI: report it as "not an article"
    const article = emptyArticle(fallbackUrl);
    try {
      article.title = clean(doc.title ?? '');
    } catch {
      // no title either
    }
    return { article, isArticle: false, reasons: [`extraction failed: ${err instanceof Error ? err.message : String(err)}`] };
  }
}

function extract(doc: Document, maxChars: number, fallbackUrl: string | null): ExtractResult {
  const meta: PageMeta = readMeta(doc, fallbackUrl ?? undefined);
  // isProbablyReaderable counts paragraphs of 140+ characters; a Chinese paragraph says as much in
  // about a third of that, so CJK pages get a proportionally lower bar
  const cjkPage = /[\u3040-\u30ff\u3400-\u9fff]/.test(doc.title ?? '') || /^(?:zh|ja|ko)\b/i.test(meta.lang ?? '');
  const readerable = isProbablyReaderable(doc, cjkPage ? { minContentLength: 50, minScore: 20 } : {});
  const pageLines = findSourceLinesInPage(doc);
  // Readability rewrites the document it parses: it gets a copy, and the original stays untouched
  // for looking up body parts it left out
  const pristine = doc;
  const parsed = new Readability<Node>(readabilityCopy(doc), { serializer: (n) => n, charThreshold: 300 }).parse();

  const article = emptyArticle(meta.canonical ?? meta.ogUrl ?? fallbackUrl);
  article.siteName = clean(parsed?.siteName ?? meta.siteName ?? '') || null;
  article.title = pickTitle(parsed?.title ?? '', pristine, meta, article.siteName);

  let paragraphs = parsed?.content ? paragraphsOf(parsed.content) : [];
  // Readability found nothing, or a caption's worth: the page's densest stretch of prose (density.ts)
  const fallback = bodyOrDensest(paragraphs, pristine.body);
  let content = (parsed?.content as Element | null | undefined) ?? null;
  if (fallback.dense) {
    paragraphs = fallback.paragraphs;
    content = elementOf(pristine, paragraphs);
  }
  paragraphs = addSplitParts(pristine, paragraphs);
  // who wrote it: read before the attribution lines leave the body, from the headline's stretch and the body's end
  let zones = zonesOf(pristine, article.title, meta.h1, paragraphs);
  // the title nowhere above the body, a heading right over it: that heading may be the headline
  const setHeadline = headlineOverBody(article.title, zones.headingAbove, article.siteName);
  if (setHeadline) {
    article.title = setHeadline;
    zones = zonesOf(pristine, article.title, meta.h1, paragraphs);
  }
  const readabilityByline = clean(parsed?.byline ?? '') || null;
  const metaAuthor = clean(meta.author ?? '') || null;
  const bodyLines = takeSourceLines(paragraphs);
  // the headline repeated at the top of the body is not body text ("标题" under a title "标题_某某网")
  const isHeadline = (p: string): boolean =>
    p === article.title ||
    p === meta.h1 ||
    (p.length >= 8 && article.title.startsWith(p) && p.length >= article.title.length * 0.6) ||
    badgedHeadline(p, article.title);
  while (paragraphs.length > 0 && isHeadline(paragraphs[0]!)) paragraphs.shift();
  // a feed of comments in the article's own container, the page's pagination and what follows it,
  // and the site's rights notice are not body text (feed.ts)
  const feed = feedStart(paragraphs);
  if (feed >= 0) paragraphs.length = feed;
  while (paragraphs.length > 1 && isRightsNotice(paragraphs[paragraphs.length - 1]!)) paragraphs.pop();
  // pictures' captions and credits are not the story's text (captions.ts): the lines the page marks
  // as captions, unless they are most of the text (on a photo story, 图片新闻, the captions are the
  // story), and the lines that are a credit or a caption by their words
  const captions = markedCaptions(pristine);
  const uncaptioned = paragraphs.filter((p) => !captions.has(p));
  if (captions.size && 2 * charsOf(uncaptioned) >= charsOf(paragraphs)) paragraphs = uncaptioned;
  paragraphs = paragraphs.filter((p) => !isPhotoLine(p));
  paragraphs = joinHardWraps(paragraphs);
  article.truncated = cap(paragraphs, maxChars) || undefined;
  if (!article.truncated) delete article.truncated;
  article.paragraphs = paragraphs;
  article.sourceLines = uniqueLines([...pageLines, ...bodyLines]);

  const bodyText = paragraphs.join('\n');
  const head = `${article.title}${paragraphs.slice(0, 3).join('')}`;
  const zh = (head.match(/\p{Script=Han}/gu)?.length ?? 0) >= 10 && !/[\u3040-\u30ff]/.test(head);
  // the date: a labelled one between the headline and the body (发布时间：…, 发表于 …) before the first
  // date under the headline, which may be a sidebar's
  const headlineDate = labelledDateIn(zones.before ?? zones.head) ?? headDate(zones.head, zones.titleFound);
  const footLineDate = headlineDate ? null : footDate(zones.after ?? []);
  // a platform's own stamp (platform-stamp.ts) before the first date anywhere under the headline,
  // which is a body's event when the page shows only 前天
  const textDate = headlineDate ?? stampDate(pristine) ?? findDateInPage(pristine);
  // the metadata's date in the page's own zone (a time stated in UTC is a machine's), then: a meta
  // tag often gives the day only while the page shows the time too ("2017-03-10" / "2017-03-10 09:58")
  const metaDate = meta.published && inPageZone(meta.published, meta.publishedOffset, textDate);
  const pageDate = metaDate && !(textDate?.startsWith(metaDate) ?? false) ? metaDate : textDate;
  article.published =
    pageDate ??
    parseDate(parsed?.publishedTime ?? null) ??
    article.sourceLines.map(findDate).find((d) => d !== null) ??
    dateFromMetaNames(pristine) ??
    closingDate(paragraphs);
  // Readability's byline stands on Western pages, where it reads the page's own byline markup
  article.byline = zh ? findCredits(zones, [readabilityByline, metaAuthor], paragraphs, { authorLink: authorLinkName(pristine) }).byline : readabilityByline ?? metaAuthor;
  article.lang = detectLanguage(bodyText || article.title, parsed?.lang ?? meta.lang);

  const claims = { declared: meta.declaresArticle, dated: meta.published !== null || headlineDate !== null || footLineDate !== null, headed: zones.titleFound, sourced: article.sourceLines.length > 0 };
  const verdict = judgeArticle({ readerable, content, kept: paragraphs, claims });
  return { article, isArticle: verdict.isArticle, reasons: verdict.reasons };
}
