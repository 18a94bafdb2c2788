// Body parts that Readability leaves out. Chinese news portals often cut an article in two with an
// ad block, and the second part can sit in a container of its own; Readability keeps the container
// it scored best (and siblings like it) and drops the rest. Here, in the untouched page, prose
// paragraphs that directly precede or follow the extracted body are added back when all that
// separates them from it is a little non-prose text (an ad, a caption) and they are not in a
// comment, related-news or navigation block.
import { paragraphsOf } from './paragraphs';
import { isSourceLine } from '../source-lines';
import { textUnits } from './paragraphs';

/** Containers whose prose is never the article's (comments, related stories, an author's profile, chrome). */
const FOREIGN = /comment|reply|related|recommend|hot|rank|footer|sidebar|side-bar|nav|menu|share|copyright|breadcrumb|xgxw|xgwz|pinglun|author-?(?:profile|bio|info|box|description)|about-the-author/i;
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|OPTION|BUTTON|SELECT)$/;
/** Most non-prose text (letter-equivalents) an ad block or caption between two body parts holds. */
const MAX_GAP = 240;
/** Paragraph elements looked at; a page with more is too large to be a split article. */
const MAX_PARAGRAPHS = 4000;
/** Paragraphs added on each side at most. */
const MAX_ADDED = 60;

function isProse(text: string): boolean {
  return textUnits(text) >= 90 && /[.!?。！？…"'”’」』)）]$/.test(text);
}

function foreign(el: Element): boolean {
  for (let a: Element | null = el; a && a.tagName !== 'BODY'; a = a.parentElement) {
    const tag = a.tagName.toUpperCase();
    if (tag === 'NAV' || tag === 'FOOTER' || tag === 'ASIDE' || tag === 'LI' || tag === 'A' || tag === 'HEADER') return true;
    const names = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
    if (names.trim() && FOREIGN.test(names)) return true;
  }
  return false;
}

/** The node after `node`'s subtree in document order (null at the end of the document). */
function afterSubtree(node: Node): Node | null {
  for (let n: Node | null = node; n; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** Non-prose text between the end of `a` and the start of `b` (b after a), capped just above MAX_GAP. */
function gapBetween(a: Element, b: Element): number {
  // walked by hand: TreeWalker.currentNode cannot be set in every DOM this runs on (linkedom)
  let units = 0;
  let n = afterSubtree(a);
  while (n && n !== b && units <= MAX_GAP) {
    if (n.nodeType === 3) {
      units += textUnits((n as Text).data.replace(/\s+/g, ''));
    } else if (n.nodeType === 1 && !NOT_TEXT.test((n as Element).tagName.toUpperCase()) && n.firstChild) {
      n = n.firstChild; // descend; b itself ends the walk when reached
      continue;
    }
    n = afterSubtree(n);
  }
  return units;
}

/** `paragraphs` with the parts of the same article that Readability left out, in page order. */
export function addSplitParts(doc: Document, paragraphs: string[]): string[] {
  if (!doc.body || paragraphs.length === 0) return paragraphs;
  const have = new Set(paragraphs);
  const ps = Array.from(doc.body.querySelectorAll('p')).slice(0, MAX_PARAGRAPHS);
  // a <p> holding <br>-separated lines (or unclosed, running on over several) is in the body when
  // any of its lines is: Readability's paragraphs are split at <br> as these are
  const lines = ps.map((p) => paragraphsOf(p));
  const texts = lines.map((ls) => ls.join('\n'));
  const inBody = lines.map((ls) => ls.some((l) => have.has(l)));
  let first = -1;
  let last = -1;
  inBody.forEach((yes, i) => {
    if (!yes) return;
    if (first < 0) first = i;
    last = i;
  });
  if (first < 0) return paragraphs;

  const take = (from: number, step: 1 | -1): string[] => {
    const out: string[][] = [];
    let anchor = ps[from]!;
    for (let i = from + step; i >= 0 && i < ps.length && out.length < MAX_ADDED; i += step) {
      const p = ps[i]!;
      const t = texts[i]!;
      if (inBody[i]) {
        anchor = p;
        continue;
      }
      // headings and captions between parts are not taken but count towards the gap; attribution
      // lines next to the body ("（战钊）", "责任编辑：张三") are taken so that they are not lost
      const attribution = isSourceLine(t);
      if (!t || !(attribution || isProse(t)) || p.querySelector('p') || anchor.contains(p) || p.contains(anchor)) continue;
      if (foreign(p)) break;
      const gap = step === 1 ? gapBetween(anchor, p) : gapBetween(p, anchor);
      if (gap > MAX_GAP) break;
      out.push(lines[i]!);
      anchor = p;
    }
    return (step === 1 ? out : out.reverse()).flat();
  };
  const before = take(first, -1);
  const after = take(last, 1);
  if (before.length === 0 && after.length === 0) return paragraphs;
  return [...before, ...paragraphs, ...after];
}
