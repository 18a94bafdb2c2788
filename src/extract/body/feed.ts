// Where an article's body ends and a feed of reader comments begins. Pages put comments in the
// article's own container (a list of 网友…：说得好 after the last paragraph), and Readability then
// keeps them as body: 20,000 comments were read as 13,000 paragraphs, the article cut at the
// extraction cap and its topic verdict lost among them. A run of FEED_RUN paragraphs in a row that
// are each shorter than SHORT characters (rows of a data table apart:
// a statistics table is article text) is no article text (an article's list of short items runs
// to a few dozen at most, and a list page is not an article anyway), so the body ends where it starts.

import { isTableRow } from './paragraphs';

/** Consecutive short paragraphs that make a feed. */
export const FEED_RUN = 50;
/** A paragraph this short is a comment, a caption or a list item, not prose. */
const SHORT = 60;
/** Body text before the run, in characters, for it to be a feed after an article rather than the page itself. */
const MIN_BEFORE = 200;

/**
 * Headings that open a feed of other posts after an article (a 继续阅读 / 相关推荐 / 猜你喜欢 block of
 * cards). Such a line ends the body when there is article text before it. 相关阅读 and 延伸阅读 are
 * left out: sites put them inside articles over links that belong to the story.
 */
const FEED_HEADINGS = new Set([
  '继续阅读', '相关推荐', '猜你喜欢', '热门排行', '为你推荐', '热门推荐', '精彩推荐', '大家都在看',
  '更多精彩', '阅读排行', '热点推荐', '热门文章', 'you may also like', 'recommended for you',
]);

/** Whether a paragraph is only a feed heading (punctuation and symbols around it ignored). */
export function isFeedHeading(p: string): boolean {
  if (p.length > 40) return false;
  const key = p.replace(/[\s\p{P}\p{S}]+/gu, ' ').trim().toLowerCase();
  return FEED_HEADINGS.has(key);
}

/** The index where a feed (a feed heading, or a run of short paragraphs) begins after the article, or -1. */
export function feedStart(paragraphs: readonly string[]): number {
  let before = 0;
  let runStart = -1;
  let seen = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (seen >= MIN_BEFORE && isFeedHeading(p)) return i;
    seen += p.length;
    if (p.length < SHORT && !isTableRow(p)) {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 >= FEED_RUN) return before >= MIN_BEFORE ? runStart : -1;
    } else {
      if (runStart >= 0) for (let k = runStart; k < i; k++) before += paragraphs[k]!.length;
      runStart = -1;
      before += p.length;
    }
  }
  return -1;
}
