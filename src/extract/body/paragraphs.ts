// Plain-text paragraphs of a DOM subtree, in reading order, and hard-wrapped lines joined back into them.
// Block elements and <br> end a paragraph; inline elements run on. Whitespace is collapsed the way
// a browser renders it, and the ideographic space that Chinese sites use to indent a paragraph is
// trimmed with it.

/** Elements that end a line of text. */
export const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never text a reader reads. */
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME']);
const ELEMENT = 1;
const TEXT = 3;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/g;

/** Text size in Latin-letter equivalents: one CJK character carries about three letters' worth. */
export function textUnits(text: string): number {
  return text.length + 2 * (text.match(CJK)?.length ?? 0);
}

/** The length of a prose paragraph at least, in letter-equivalents: about 20 English words or 40 Chinese characters. */
export const PROSE_UNITS = 120;
/** A sentence's end inside a paragraph (a full stop and a space, or a Chinese full stop). */
const INNER_SENTENCE_END = /[.!?]["'”’)]?\s+\S|[。！？][”’」』）]?./gu;

/**
 * A paragraph of running prose: a sentence or more, ending like one, or two sentences and more
 * whatever closes it (a film review that ends on its cast list, an item that ends on a link).
 */
export function isProse(p: string): boolean {
  if (textUnits(p) < PROSE_UNITS) return false;
  return /[.!?。！？…"'”’」』)）:：]$/.test(p) || (p.match(INNER_SENTENCE_END)?.length ?? 0) >= 2;
}

export function clean(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** A row of a data table, its cells separated by a tab (paragraphsOf): never wrapped text. */
export const isTableRow = (p: string): boolean => p.includes('\t');

/** Block elements and line breaks, as a selector. */
const BREAKS = ['BR', ...BLOCK].map((t) => t.toLowerCase()).join(',');

/** Whether `el` holds a block element or a line break anywhere inside it. */
const hasBlockInside = (el: Element): boolean => el.querySelector(BREAKS) !== null;

/**
 * The cells of a table row of data (two or more cells of inline text, mostly not links: a row of
 * figures, a schedule), or null for a row that lays out blocks (old portals put the whole page in
 * table cells) or links (a menu, headlines in a grid).
 */
function dataCells(tr: Element): Element[] | null {
  const cells = Array.from(tr.children).filter((c) => /^T[DH]$/i.test(c.tagName));
  if (cells.length < 2 || cells.length !== tr.children.length) return null;
  if (cells.some(hasBlockInside)) return null;
  // a row of links is a menu or a block of headlines laid out in a table, not data
  const text = clean(textOf(tr)).length;
  const links = Array.from(tr.querySelectorAll('a')).reduce((n, a) => n + clean(textOf(a)).length, 0);
  return links * 2 >= text ? null : cells;
}

/**
 * Paragraphs of `root`, each a trimmed non-empty line of text. A table row of data is one line, its
 * cells separated by a tab, as a reader reads it across ("1\tKyle Busch\t5040", "2021年\t4.2万\t12%");
 * the tab tells a table row from a short line of text (feed.ts).
 */
export function paragraphsOf(root: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = clean(buf);
    if (t) out.push(t);
    buf = '';
  };
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === TEXT) {
        buf += (c as Text).data;
      } else if (c.nodeType === ELEMENT) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === 'BR') {
          flush();
          continue;
        }
        const cells = tag === 'TR' ? dataCells(c as Element) : null;
        if (cells) {
          flush();
          const line = cells.map((cell) => clean(textOf(cell))).filter(Boolean).join('\t');
          if (line) out.push(line);
          continue;
        }
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(c);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return out;
}

/** The text of `node` as rendered, scripts and styles left out. */
function textOf(node: Node): string {
  let t = '';
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT) t += (c as Text).data;
    else if (c.nodeType === ELEMENT && !SKIP.has((c as Element).tagName.toUpperCase())) t += textOf(c);
  }
  return t;
}

// Text hard-wrapped at a fixed width (old BBS posts, e-mailed articles, magazine archives put on the
// web with a <br> every 38 characters): each paragraph arrives as many lines cut mid-sentence. The
// lines are joined back into paragraphs, so a reader sees sentences and the article gate counts
// prose paragraphs, not 38-character fragments.
//
// A wrapped text shows itself by many lines of one length that do not end a sentence; a line of that
// full length runs on into the next, a shorter one ends its paragraph. Typeset text has no such
// shape: its paragraphs vary in length and end in punctuation.

/** Lines of the most common length needed before the text counts as hard-wrapped. */
const MIN_FULL_LINES = 5;
/** Shortest wrap width considered, in characters (a list of short items is not wrapped text). */
const MIN_WIDTH = 20;
/** Share of the full-length lines that must end mid-sentence. */
const MIN_OPEN_SHARE = 0.6;

const SENTENCE_END = /[.!?。！？…”’」』)）:：;；]$/;
const CJK_EDGE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Width of a line in columns: a CJK character takes two, as in GBK text wrapped at a byte count. */
function columns(line: string): number {
  let n = 0;
  for (const ch of line) n += CJK_EDGE.test(ch) ? 2 : 1;
  return n;
}
/** Width of a line in characters, as text wrapped at a character count. */
const chars = (line: string): number => line.length;

interface Wrap {
  width: number;
  measure: (line: string) => number;
}

/** The commonest line width under `measure`, with how many lines have it (or a neighbour: a wrapper breaks before a character that would overflow). */
function commonWidth(paragraphs: readonly string[], measure: (line: string) => number, min: number): { width: number; lines: number } {
  const counts = new Map<number, number>();
  for (const p of paragraphs) {
    const w = measure(p);
    if (w >= min) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let width = 0;
  let lines = 0;
  for (const [w, n] of counts) {
    const around = n + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0);
    if (around > lines || (around === lines && w > width)) [width, lines] = [w, around];
  }
  return { width, lines };
}

/** How `paragraphs` are hard-wrapped (width and the measure it is counted in), or null when they are not. */
function wrapOf(all: readonly string[]): Wrap | null {
  const paragraphs = all.filter((p) => !isTableRow(p));
  const byColumns = commonWidth(paragraphs, columns, MIN_WIDTH * 2);
  const byChars = commonWidth(paragraphs, chars, MIN_WIDTH);
  const [best, measure] = byColumns.lines >= byChars.lines ? [byColumns, columns] : [byChars, chars];
  if (best.lines < MIN_FULL_LINES) return null;
  const full = paragraphs.filter((p) => Math.abs(measure(p) - best.width) <= 1);
  const open = full.filter((p) => !SENTENCE_END.test(p)).length;
  return open / full.length >= MIN_OPEN_SHARE ? { width: best.width + 1, measure } : null;
}

/** The wrap width of `paragraphs` (in columns or characters, whichever they were wrapped at), or 0 when they are not hard-wrapped. */
export function wrapWidth(paragraphs: readonly string[]): number {
  return wrapOf(paragraphs)?.width ?? 0;
}

/** `paragraphs` with hard-wrapped lines joined back into paragraphs; unchanged when the text is not wrapped. */
export function joinHardWraps(paragraphs: readonly string[]): string[] {
  const wrap = wrapOf(paragraphs);
  if (!wrap) return [...paragraphs];
  const out: string[] = [];
  let open = false; // the last line was full width: the next one continues it
  for (const p of paragraphs) {
    if (isTableRow(p)) {
      out.push(p);
      open = false;
      continue;
    }
    if (open && out.length > 0) {
      const prev = out[out.length - 1]!;
      const glue = CJK_EDGE.test(prev.slice(-1)) || CJK_EDGE.test(p[0]!) ? '' : ' ';
      out[out.length - 1] = prev + glue + p;
    } else {
      out.push(p);
    }
    open = wrap.measure(p) >= wrap.width - 3 && !SENTENCE_END.test(p);
  }
  return out;
}
