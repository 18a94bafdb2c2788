// The page's visible text as lines in reading order (block elements and <br> end a line), and the
// two stretches of it where a Chinese news page states who wrote it and when: the lines from the
// headline to the start of the body, and the lines at and just after the body's end. Sidebars,
// scripts and comment feeds lie outside both.
import { paragraphsOf } from './body/paragraphs';
import { namesNothing } from './title';

/** How many lines the head and tail stretches may hold at most. */
const HEAD_LINES = 30;
const TAIL_AFTER = 6;
const TAIL_BODY = 3;
const TAIL_SHORT_FROM = 40;

export interface Zones {
  /** Lines after the headline up to and including the first body paragraph (or around the body's start). */
  head: string[];
  /** The last body paragraphs and the few lines after them. */
  tail: string[];
  /** Whether the head starts right under the headline (else it is the lines before the body). */
  titleFound: boolean;
  /** The headline's line on the page, when it was found above the body. */
  headline?: string;
  /** Up to 40 lines before the body's start (a forum post's author line, a notice's table of particulars). */
  before?: string[];
  /** The page's short lines from the body's start to its end (an editor line Readability left out). */
  inside?: string[];
  /** The few page lines right after the body (a gallery's or a portal's date and 举报 line under the text). */
  after?: string[];
  /**
   * The text of the heading element (h1–h6) closest above the body, when only a few short lines (a
   * date, a source) separate them: the headline as the page sets it over the text, whatever the
   * document title says.
   */
  headingAbove?: string;
}

/** Lines a headline may stand above the body's first paragraph (a date line, a source line, a share bar). */
const HEADING_GAP = 4;
/** Longer than this, a line between a heading and the body is text, and the heading is a section's. */
const GAP_LINE_MAX = 100;

/**
 * Elements an older or hand-made page sets its headline in without a heading tag: bold
 * (<b><font color=blue>标题</font></b> in a table cell, <p align=center><strong>标题</strong></p>), or
 * named a title by its class or id (<div class="Heading">). Centring alone is not enough: the byline
 * and the date under a headline are as often centred.
 */
const SET_APART = 'b, strong, [style*="font-weight:bold" i], [style*="font-weight: bold" i], [class*="title" i], [class*="heading" i], [class*="headline" i], [id*="title" i], [class*="biaoti" i]';
/** A set-apart line holding a sentence's full stop is a bold lede or a note, not a headline. */
const NOT_HEADLINE = /[。；;]/u;
const SET_APART_MAX = 60;

/** Each heading's line, and whether it is the page's own (not a link, not the frame: nav, header …). */
function headingLines(doc: Document, selector: string, limit: number, one: boolean): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const h of Array.from(doc.querySelectorAll(selector)).slice(0, limit)) {
    // a set-apart line with a link in it is a teaser's or a channel's (<strong><a>[专栏]</a><a>标题</a></strong>)
    const own = h.closest('a, nav, header, footer, aside') === null && (!one || h.querySelector('a') === null);
    const ls = paragraphsOf(h);
    // a set-apart element is a headline's only when it holds one line (a bold cell holds whole articles)
    if (one && (ls.length !== 1 || ls[0]!.length > SET_APART_MAX || NOT_HEADLINE.test(ls[0]!))) continue;
    for (const l of ls) out.set(l, own && (out.get(l) ?? true));
  }
  return out;
}

/** The line of a heading in `headings` closest above line `first`, with only short lines between them. */
function closestAbove(lines: string[], first: number, headings: Map<string, boolean>): string | undefined {
  for (let i = first - 1; i >= Math.max(0, first - 1 - HEADING_GAP); i--) {
    const l = lines[i]!;
    // the closest heading only: a linked one over the body is a teaser's, and one further up a breadcrumb's
    if (headings.has(l)) return headings.get(l) && !BREADCRUMB.test(l) ? l : undefined;
    if (l.length > GAP_LINE_MAX) return undefined;
  }
  return undefined;
}

/**
 * The heading element closest above line `first` of `lines`, with only short lines between them;
 * on a page with no heading element there, the closest set-apart line (SET_APART).
 */
function headingAboveOf(doc: Document, lines: string[], first: number): string | undefined {
  if (first <= 0) return undefined;
  const headings = headingLines(doc, 'h1, h2, h3, h4, h5, h6', 200, false);
  if (lines.slice(Math.max(0, first - 1 - HEADING_GAP), first).some((l) => headings.has(l))) return closestAbove(lines, first, headings);
  return closestAbove(lines, first, headingLines(doc, SET_APART, 400, true));
}

/** A breadcrumb trail: 首页 > 新闻动态, 当前位置：…, Home » News. */
const BREADCRUMB = /^(?:首页|当前位置|您的位置|你的位置|所在位置|位置)|[>»›]/u;

/** Characters of a badge before the headline in its line (原创, 独家, 图文). */
const BADGE_MAX = 3;

/** Whether `line` is `headline` with a badge set in the headline's own element before it ("<h2><span>原创</span>标题</h2>", 独家, 置顶). */
export function badgedHeadline(line: string, headline: string): boolean {
  return headline.length >= 8 && line.endsWith(headline) && line.length - headline.length <= BADGE_MAX;
}

function indexOf(lines: string[], text: string, from: number): number {
  const whole = text.replace(/[\s\u3000]+/g, '');
  const k = whole.slice(0, 16);
  if (k.length < 4) return -1;
  // the line itself first: a short opening line ("陈天华《警世钟》") is also inside the post's title line above it
  for (let i = Math.max(0, from); i < lines.length; i++) if (lines[i]!.replace(/[\s\u3000]+/g, '') === whole) return i;
  for (let i = Math.max(0, from); i < lines.length; i++) {
    const l = lines[i]!.replace(/[\s\u3000]+/g, '');
    // the paragraph opens the line, holds it, or (Readability joined lines into one paragraph) the line opens it
    if (l.startsWith(k) || (k.length >= 8 && l.includes(k)) || (l.length >= 6 && whole.startsWith(l))) return i;
  }
  return -1;
}

/** Paragraphs too short to be looked up on their own (胡平, a name over the text): found by the one after them. */
const SHORT_OPENING = 3;

/**
 * The page lines where `body` starts: its first paragraph's, or, when that is a short line, the
 * line of the first paragraph long enough to look up (`text`) and the short lines right before it.
 */
function firstLinesOf(lines: string[], body: string[]): { first: number; text: number } {
  const j = body.findIndex((p) => p.replace(/[\s\u3000]+/g, '').length >= 4);
  if (j < 0 || j > SHORT_OPENING) {
    const first = body.length ? indexOf(lines, body[0]!, 0) : -1;
    return { first, text: first };
  }
  const text = indexOf(lines, body[j]!, 0);
  let first = text;
  for (let q = j - 1; q >= 0 && first > 0 && lines[first - 1] === body[q]; q--) first--;
  return { first, text };
}

/** Whether `line` is the headline: the <h1> text or the title, as the whole line or opening it. */
function isTitleLine(line: string, title: string, h1: string | null): boolean {
  const l = line.replace(/[\s\u3000]+/g, '');
  for (const t of [h1, title]) {
    const k = (t ?? '').replace(/[\s\u3000]+/g, '');
    if (k.length < 2) continue;
    if (l === k || (k.length >= 4 && l.startsWith(k) && l.length <= k.length + 40)) return true;
    if (badgedHeadline(l, k)) return true;
  }
  return false;
}

export function zonesOf(doc: Document, title: string, h1: string | null, body: string[]): Zones {
  // every <body>: a page with stray <body> tags can come out of the CLI's parser with more than one
  const bodies = Array.from(doc.getElementsByTagName('body')).filter((b) => !b.parentElement?.closest('body'));
  const lines = (bodies.length ? bodies : doc.body ? [doc.body] : []).flatMap((b) => paragraphsOf(b));
  // the body as the reader sees it: without the headline Readability may have kept at its top
  const b0 = body.findIndex((p) => !isTitleLine(p, title, h1));
  body = b0 > 0 ? body.slice(b0) : body;
  const { first, text } = firstLinesOf(lines, body);
  // the headline: the last line before the body that is the headline (a list of links may repeat it higher up)
  let t = -1;
  const end = first >= 0 ? first : lines.length;
  for (let i = end - 1; i >= 0 && (first < 0 || i >= first - HEAD_LINES * 2); i--) {
    if (isTitleLine(lines[i]!, title, h1)) {
      t = i;
      break;
    }
  }
  if (t < 0 && first < 0) t = lines.findIndex((l) => isTitleLine(l, title, h1));
  let head: string[];
  if (first >= 0) head = lines.slice(Math.max(t + 1, first - HEAD_LINES), text + 1);
  else if (t >= 0) head = lines.slice(t + 1, t + 1 + HEAD_LINES);
  else head = [];
  // the first body paragraph is part of the head even when it was not found in the page's lines
  if (body[0] && !head.includes(body[0])) head.push(body[0]);
  const lastPara = body.length ? body[body.length - 1]! : '';
  const last = lastPara ? indexOf(lines, lastPara, Math.max(first, t, 0)) : -1;
  // the body's closing lines: its last paragraphs, and any short line among its last ones (来源：… 编辑：…
  // before a block of links Readability kept), then the lines that follow it on the page
  const closing = body.filter((p, i, a) => i >= a.length - TAIL_BODY || (p.length <= 80 && i >= a.length - TAIL_SHORT_FROM));
  const after = last >= 0 ? lines.slice(last + 1, last + 1 + TAIL_AFTER) : [];
  const tail = [...closing, ...after];
  const before = first >= 0 ? lines.slice(Math.max(0, first - 40), text + 1) : head;
  const inside = first >= 0 && last > first ? lines.slice(first, last + 1).filter((l) => l.length <= 80) : [];
  const titleFound = t >= 0 && (first < 0 || t < first);
  // under a title that names nothing (无标题文档, none), the body's own first line may be the headline
  // (<strong>标题</strong> opening the text): the search for one starts at that line
  return { head, tail, inside, after, titleFound, ...(titleFound ? { headline: lines[t]! } : {}), before, headingAbove: titleFound ? undefined : headingAboveOf(doc, lines, first >= 0 && namesNothing(title) ? first + 1 : first) };
}
