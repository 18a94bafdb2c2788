// Is this page an article at all? Separate from the topic: a front page, a link list, a product or
// about page or a colophon is not an article even when Readability finds text on it.
// Each rule that fires gives a reason the CLI and the popup can show. The thresholds were set on
// the 30 real pages in ../shared/realworld (25 articles, 5 not): see tests/unit/extract.test.ts.
//
// Readability's readerable check and the shape rules below (too short, a list, sections) turn away
// real articles that are short, hold their body in list items, or are how-to pieces with a heading
// per step. What an article says of itself outweighs them: a page that declares itself an article
// (og:type, JSON-LD), is dated, shows its headline right above its body, or names its source (来源：…,
// 责任编辑：…), is an article when its body is prose rather than links. Two of the four claims are
// needed, so a front page that carries a date under its masthead or an og:type left on by a
// template is not let through by one of them, and the body's link share keeps link lists out.
// What extraction found speaks too: a body whose densest stretch is prose is an article when that
// stretch holds most of its text, or when the headline was found right above the body (an entry
// followed by its lists of works, a report followed by its tables), its lists not mostly links.
import { leadCredit } from '../core/text/attribution';
import { isProse, paragraphsOf, PROSE_UNITS, textUnits } from './body/paragraphs';

import { densestRun, lineLinkShare, linesOf } from './body/density';

export interface ArticleSignals {
  /** Readability's isProbablyReaderable on the untouched page. */
  readerable: boolean;
  /** Readability's content element, or null when it found nothing. */
  content: Element | null;
  /**
   * The body as extraction kept it (attribution lines, a feed after the article and the headline
   * taken out, hard-wrapped lines joined), when known: prose is counted in it, and lists of links
   * extraction left out (a blog's archive after the post) do not make the page a list.
   */
  kept?: readonly string[];
  /** What the page says of itself (each optional: a page with none is judged on its shape alone). */
  claims?: {
    /** og:type article, or a JSON-LD Article / NewsArticle / BlogPosting / Report. */
    declared: boolean;
    /** A publication date in the page's metadata or in the lines under its headline. */
    dated: boolean;
    /** The headline found right above the body. */
    headed: boolean;
    /** An attribution line of the body or around it (来源：…, 责任编辑：…, 原标题：…, a dateline credit). */
    sourced: boolean;
  };
}



/** Below this the page has too little text to be news (a Japanese fable of 360 characters is ~1000). */
const MIN_UNITS = 400;
/**
 * A wire brief opens with its credit or dateline (新华社北京6月5日电, 央视网消息（新闻联播）：, 本报讯): a
 * complete news item however short (a 150-character brief is 450 letter-equivalents, and Readability
 * finds too little text in it to call the page readerable). Such a page needs only this much text.
 */
const WIRE_MIN_UNITS = 200;
/** Share of the body's text inside list items above which the page is a list (articles reach 0.2). */
const MAX_LIST_SHARE = 0.35;
/** Headings needed before "more headings than prose paragraphs" marks a landing or index page. */
const MIN_HEADINGS = 3;
/**
 * Share of link text below which a page making its claims is taken at its word, in its body and in
 * its list items: the lists of real articles that the list rule turned away (ingredients, steps,
 * a body in <li>) are 0-25% links in ../shared/pages, an encyclopedia page's lists of citations
 * (realworld wikipedia-4) 47%, a front page's or a link list's most of it.
 */
const MAX_CLAIMED_LINK_SHARE = 0.3;

/** Text length without white space. */
const solid = (s: string | null | undefined): number => (s ?? '').replace(/\s+/g, '').length;

/** Characters of link text inside `el` (a link inside a link counted once). */
function linkTextOf(el: Element): number {
  return Array.from(el.querySelectorAll('a'))
    .filter((a) => !a.parentElement?.closest('a'))
    .reduce((n, a) => n + solid(a.textContent), 0);
}

/** Prose lines a body's densest run needs to be a story on its own (an article has a few paragraphs at least). */
const DENSE_PROSE_LINES = 3;
/** Share of the body's text its densest run must hold: a list of snippets between titles and links holds little. */
const DENSE_SHARE = 0.6;

/**
 * The body's densest stretch (density.ts) as a story: `story` when it is a few prose lines with no
 * links to speak of, `most` when it also holds most of the body's text (a list of snippets between
 * titles and links holds little of it).
 */
function denseBody(content: Element): { story: boolean; most: boolean } {
  const lines = linesOf(content);
  const run = densestRun(lines);
  if (!run) return { story: false, most: false };
  const inRun = lines.slice(run.start, run.end);
  const units = inRun.reduce((n, l) => n + textUnits(l.text), 0);
  const total = lines.reduce((n, l) => n + textUnits(l.text), 0);
  const links = lineLinkShare({ text: inRun.map((l) => l.text).join(''), links: inRun.reduce((n, l) => n + l.links, 0) });
  const story = inRun.filter((l) => isProse(l.text)).length >= DENSE_PROSE_LINES && units >= MIN_UNITS && links < 0.1;
  return { story, most: story && units >= DENSE_SHARE * total };
}

export function judgeArticle(s: ArticleSignals): { isArticle: boolean; reasons: string[] } {
  if (!s.content) return { isArticle: false, reasons: ['no article body found'] };
  const reasons: string[] = [];
  const paragraphs = paragraphsOf(s.content);
  const kept = s.kept ? new Set(s.kept) : null;
  const wire = paragraphs.some((p) => leadCredit(p.trim()) !== null && isProse(p));
  const text = solid(s.content.textContent);
  const linkShare = text > 0 ? linkTextOf(s.content) / text : 0;
  const prose = Math.max(paragraphs.filter(isProse).length, s.kept?.filter(isProse).length ?? 0);
  const c = s.claims;
  const claims = c ? Number(c.declared) + Number(c.dated) + Number(c.headed) + Number(c.sourced) : 0;
  // the page's word, where its body is prose and not links
  const claimed = claims >= 2 && prose >= 1 && linkShare < MAX_CLAIMED_LINK_SHARE;
  // what extraction found: the body is one stretch of prose (density.ts), whatever the markup it is
  // in (<section><span>, <td> and <br>, <font>): isProbablyReaderable counts only <p>-like blocks.
  // Under the headline found right above it, that stretch is the page's story even when lists
  // follow it (an entry's works and awards, a report's tables of figures): the headline says the
  // body is one piece, which the share of the text is there to say when nothing else does
  const run = denseBody(s.content);
  const headedStory = run.story && c?.headed === true;
  const dense = run.most || headedStory;
  if (!s.readerable && !wire && !claimed && !dense) {
    const unsaid = c ? [!c.declared && 'declared an article', !c.dated && 'dated', !c.headed && 'headline above the body', !c.sourced && 'sourced'].filter(Boolean) : [];
    const own = claims >= 2 ? ` though it says it is an article (${prose} prose paragraphs, ${Math.round(linkShare * 100)}% link text)` : c ? ` and says too little of itself (not ${unsaid.join(', not ')})` : '';
    reasons.push(`page does not look readerable (too little text in paragraph blocks)${own}`);
  }
  const total = paragraphs.reduce((n, p) => n + textUnits(p), 0);
  // a page that says three ways that it is an article (declared, dated, its headline above the body
  // …) is one however short, down to one prose paragraph: a paywalled story shows no more
  const min = claimed && claims >= 3 ? PROSE_UNITS : wire || claimed ? WIRE_MIN_UNITS : MIN_UNITS;
  if (total < min) reasons.push(`too little text (${total} letter-equivalents < ${min})`);
  const items = Array.from(s.content.querySelectorAll('li'))
    .filter((li) => !li.parentElement?.closest('li')) // nested lists: count the outer item only
    // a navigation list extraction cut from the body (a blog's archive of links) is not the page's text;
    // a list with text of its own (citations, steps) counts whether it was kept or not
    .filter((li) => kept === null || linkTextOf(li) < 0.9 * solid(li.textContent) || paragraphsOf(li).some((p) => kept.has(p)));
  const listText = items.reduce((n, li) => n + solid(li.textContent), 0);
  const listLinks = items.reduce((n, li) => n + linkTextOf(li), 0);
  const listShare = text > 0 ? listText / text : 0;
  const listLinkShare = listText > 0 ? listLinks / listText : 0;
  if (listShare > MAX_LIST_SHARE && !((claimed || headedStory) && listLinkShare < MAX_CLAIMED_LINK_SHARE)) reasons.push(`mostly a list (${Math.round(listShare * 100)}% of the text in list items, ${Math.round(listLinkShare * 100)}% of that links)`);
  const headings = s.content.querySelectorAll('h1, h2, h3, h4, h5, h6').length;
  if (headings >= MIN_HEADINGS && headings >= prose && !claimed) reasons.push(`sections rather than a story (${headings} headings, ${prose} prose paragraphs)`);
  return { isArticle: reasons.length === 0, reasons };
}
