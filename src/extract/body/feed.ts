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

/**
 * A page's pagination under its article (第1页/共1页 << 上一页 | 下一页 >>, 上一页 1 2 3 下一页): the
 * article's page ends there, and what follows (幻灯欣赏, 热点专题 …) is the site's frame.
 */
export function isPagination(p: string): boolean {
  if (p.length > 80 || !/上一页|下一页|第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页/u.test(p)) return false;
  return p.replace(/第\s*\d+\s*页|[/／]?\s*共\s*\d+\s*页|上一页|下一页|首页|尾页|末页|\d+|[\s\p{P}\p{S}]/gu, '') === '';
}

/**
 * A site's rights notice after the article: a heading of one (反侵权公告：, 版权声明, 免责声明：本文来自…)
 * opens a block that is the site's, not the story's.
 */
const NOTICE_HEADING = /^[\s【\[（(]*(?:反侵权公告|版权声明|免责声明)(?:[\s】\]）):：]|$)/u;

/**
 * A one-paragraph rights notice ending an article: 【…的中文相关权益归某公司独家所有。未经授权，不得转载、摘编等。】
 * (short, forbidding reuse without permission, set apart in brackets or speaking as the site:
 * 本文, 本网, 本报 …). An article's sentence on the rules (未经授权不得转载他人作品) is neither.
 */
export function isRightsNotice(p: string): boolean {
  if (NOTICE_HEADING.test(p)) return true;
  if (p.length > 160 || !/未经.{0,12}(?:授权|许可|同意)/u.test(p) || !/(?:不得|禁止|严禁|请勿).{0,6}(?:转载|摘编|镜像)/u.test(p)) return false;
  return /^[【\[（(].*[】\]）)]$/u.test(p) || /本文|本网|本报|本站|本社|本刊|本平台|本公众号/u.test(p);
}

/**
 * The index where a feed (a feed heading, or a run of short paragraphs), the page's pagination or
 * a rights notice begins after the article, or -1.
 */
export function feedStart(paragraphs: readonly string[]): number {
  let before = 0;
  let runStart = -1;
  let seen = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (seen >= MIN_BEFORE && (isFeedHeading(p) || isPagination(p) || NOTICE_HEADING.test(p))) return i;
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
