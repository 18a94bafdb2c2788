// The page's densest stretch of text, for when Readability finds no body or too little of one.
// Readability scores <p>-like blocks and their parents; portals that hold the body in <td>, <li>,
// <section>/<span> or bare text between <br>s give it little to score, and it returns nothing or a
// sidebar. This pass reads the page as lines in reading order (paragraphs.ts), each with how much of
// it is link text, and takes the stretch of lines whose text outweighs its boilerplate most: a
// maximum-sum run (the "maximum subsequence" segmentation of Pasternack and Roth, 2009), where a line
// of prose counts for its text less a fixed cost, and a short line, a link or a line without
// punctuation counts against. Menus, link lists, bylines and footers are short or links, so the run
// stops at them; the article's own paragraphs are long and punctuated, so it spans them.
import { BLOCK, SKIP, clean, isProse, textUnits } from './paragraphs';

/** A line of the page and how many of its characters are link text. */
export interface Line {
  text: string;
  links: number;
}

/** Never article text: code, controls, and the page's navigation and footer by their own tags (not <form>: ASP.NET pages wrap the whole page in one). */
const SKIP_HERE = new Set([...SKIP, 'NAV', 'FOOTER', 'ASIDE']);
/** Elements walked at most: the page copy is bounded already, this keeps the pass linear and small. */
const MAX_NODES = 200_000;

/** The lines of `root` in reading order (block elements and <br> end one), with their link text. */
export function linesOf(root: Node): Line[] {
  const out: Line[] = [];
  let buf = '';
  let links = 0;
  const flush = (): void => {
    const text = clean(buf);
    if (text) out.push({ text, links: Math.min(links, text.length) });
    buf = '';
    links = 0;
  };
  // an explicit stack, not recursion: pages nest deeper than the call stack goes
  type Frame = { node: Node; next: Node | null; inLink: boolean; block: boolean };
  const stack: Frame[] = [{ node: root, next: root.firstChild, inLink: false, block: false }];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_NODES) {
    const top = stack[stack.length - 1]!;
    const c = top.next;
    if (!c) {
      stack.pop();
      if (top.block) flush();
      continue;
    }
    top.next = c.nextSibling;
    seen++;
    if (c.nodeType === 3) {
      const data = (c as Text).data;
      buf += data;
      if (top.inLink) links += data.replace(/\s+/g, '').length;
    } else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toUpperCase();
      if (SKIP_HERE.has(tag)) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      stack.push({ node: c, next: c.firstChild, inLink: top.inLink || tag === 'A', block });
    }
  }
  flush();
  return out;
}

/** What a line costs before its text counts: 20 Chinese characters or about ten English words (a headline, a caption, a date line count against). */
const LINE_COST = 60;
/** Link share above which a line is navigation, not text. */
const LINK_LINE = 0.5;
/** Punctuation of running text, Chinese and Western. */
const PUNCT = /[，。！？；：、“”,.!?;:]/;

/** Share of a line's characters (white space left out) that are link text. */
export function lineLinkShare(line: Line): number {
  return line.links / Math.max(1, line.text.replace(/\s+/g, '').length);
}

/** A line's weight in the run: its text less LINE_COST when it reads as prose, against it otherwise. */
export function lineScore(line: Line): number {
  const units = textUnits(line.text);
  const linkShare = lineLinkShare(line);
  if (linkShare >= LINK_LINE) return -units;
  const own = units * (1 - linkShare);
  return PUNCT.test(line.text) ? own - LINE_COST : -LINE_COST;
}

/** The densest run of lines: start and end (exclusive) of the maximum-sum stretch, and its sum; null when no line scores above zero. */
export function densestRun(lines: readonly Line[]): { start: number; end: number; score: number } | null {
  let best: { start: number; end: number; score: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += lineScore(lines[i]!);
    if (sum > 0 && (best === null || sum > best.score)) best = { start, end: i + 1, score: sum };
  }
  return best;
}

/** The text of the densest run of `root`'s lines, or [] when the page has no run of prose. */
export function densestText(root: Node): string[] {
  const lines = linesOf(root);
  const run = densestRun(lines);
  if (!run) return [];
  // a line of links inside the run (a "related" link between two paragraphs) is not its text
  return lines.slice(run.start, run.end).filter((l) => lineLinkShare(l) < LINK_LINE).map((l) => l.text);
}

/** Readability's body at most this big (letter-equivalents) is "nothing": a caption, a teaser, a byline box. */
const TINY_BODY = 200;
/** The densest run must hold this much, in prose lines, to stand in for a body. */
const FALLBACK_UNITS = 400;
const FALLBACK_PROSE_LINES = 3;

/**
 * The body to use: Readability's paragraphs, or the page's densest run of prose when Readability
 * found nothing or next to nothing (under TINY_BODY) and the run holds a story (FALLBACK_UNITS in
 * FALLBACK_PROSE_LINES prose lines or more). A bigger Readability body is never replaced on size
 * alone: on ../shared/pages the densest run is twice Readability's body on 20 of 327 pages, and
 * there it is a comment thread, a cookie notice or a sidebar as often as the article.
 */
export function bodyOrDensest(paragraphs: string[], root: Node | null): { paragraphs: string[]; dense: boolean } {
  const units = paragraphs.reduce((n, p) => n + textUnits(p), 0);
  if (units >= TINY_BODY || !root) return { paragraphs, dense: false };
  const dense = densestText(root);
  const denseUnits = dense.reduce((n, p) => n + textUnits(p), 0);
  const proseLines = dense.filter(isProse).length;
  if (denseUnits < FALLBACK_UNITS || proseLines < FALLBACK_PROSE_LINES) return { paragraphs, dense: false };
  return { paragraphs: dense, dense: true };
}
