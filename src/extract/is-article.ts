// Is this page an article at all? Separate from the topic: a front page, a link list, a product or
// about page or a colophon is not an article even when Readability finds text on it.
// Each rule that fires gives a reason the CLI and the popup can show. The thresholds were set on
// the 30 real pages in ../shared/realworld (25 articles, 5 not): see tests/unit/extract.test.ts.
import { leadCredit } from '../core/text/attribution';
import { paragraphsOf } from './paragraphs';

export interface ArticleSignals {
  /** Readability's isProbablyReaderable on the untouched page. */
  readerable: boolean;
  /** Readability's content element, or null when it found nothing. */
  content: Element | null;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/g;

/** Text size in Latin-letter equivalents: one CJK character carries about three letters' worth. */
export function textUnits(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

/** A paragraph of running prose: a sentence or more (about 20 English words or 40 Chinese characters), ending like one. */
function isProse(p: string): boolean {
  return textUnits(p) >= 120 && /[.!?。！？…"'”’」』)）:：]$/.test(p);
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

export function judgeArticle(s: ArticleSignals): { isArticle: boolean; reasons: string[] } {
  if (!s.content) return { isArticle: false, reasons: ['no article body found'] };
  const reasons: string[] = [];
  const paragraphs = paragraphsOf(s.content);
  const wire = paragraphs.some((p) => leadCredit(p.trim()) !== null && isProse(p));
  if (!s.readerable && !wire) reasons.push('page does not look readerable (too little text in paragraph blocks)');
  const total = paragraphs.reduce((n, p) => n + textUnits(p), 0);
  const min = wire ? WIRE_MIN_UNITS : MIN_UNITS;
  if (total < min) reasons.push(`too little text (${total} letter-equivalents < ${min})`);
  const text = (s.content.textContent ?? '').replace(/\s+/g, '');
  const listText = Array.from(s.content.querySelectorAll('li'))
    .filter((li) => !li.parentElement?.closest('li')) // nested lists: count the outer item only
    .reduce((n, li) => n + (li.textContent ?? '').replace(/\s+/g, '').length, 0);
  const listShare = text.length > 0 ? listText / text.length : 0;
  if (listShare > MAX_LIST_SHARE) reasons.push(`mostly a list (${Math.round(listShare * 100)}% of the text in list items)`);
  const headings = s.content.querySelectorAll('h1, h2, h3, h4, h5, h6').length;
  const prose = paragraphs.filter(isProse).length;
  if (headings >= MIN_HEADINGS && headings >= prose) reasons.push(`sections rather than a story (${headings} headings, ${prose} prose paragraphs)`);
  return { isArticle: reasons.length === 0, reasons };
}
