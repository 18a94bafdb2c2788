// Where an article's body ends and a feed of reader comments begins. Pages put comments in the
// article's own container (a list of 网友…：说得好 after the last paragraph), and Readability then
// keeps them as body: 20,000 comments were read as 13,000 paragraphs, the article cut at the
// extraction cap and its topic verdict lost among them. A run of FEED_RUN paragraphs in a row that
// are each shorter than SHORT characters is no article text (an article's list of short items runs
// to a few dozen at most, and a list page is not an article anyway), so the body ends where it starts.

/** Consecutive short paragraphs that make a feed. */
export const FEED_RUN = 50;
/** A paragraph this short is a comment, a caption or a list item, not prose. */
const SHORT = 60;
/** Body text before the run, in characters, for it to be a feed after an article rather than the page itself. */
const MIN_BEFORE = 200;

/** The index where a feed of short paragraphs begins after the article, or -1. */
export function feedStart(paragraphs: readonly string[]): number {
  let before = 0;
  let runStart = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.length < SHORT) {
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
