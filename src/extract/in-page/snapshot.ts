// A bounded, text-only copy of a page as HTML, taken in short slices so the page never waits on us.
//
// Why: Readability runs in one synchronous call whose cost grows with the page. Measured in
// Chromium on an idle machine it takes 10-80 ms on ordinary news pages (the 30 pages of
// ../shared/realworld; 240 ms on one of them with a cold JIT) and 0.3-0.8 s on pages of 1-5 MB,
// all of it on the page's main thread. So the page only pays for this walk, cut into slices of a
// few milliseconds with a yield between them, and the extraction itself runs in the background on
// the copy (from-snapshot.ts), with the same code the command-line tool runs.
//
// The copy keeps what extraction reads and nothing that runs or loads: elements and text of the
// body, the head's title, meta tags, canonical link and JSON-LD; only the attributes extraction
// looks at (class and id for scoring, lang, datetime, ...), never an event handler, a src or a
// style sheet. Scripts, styles, templates, SVG, frames and media are left out, and so is what the
// reader cannot see (display: none, the hidden attribute), so a hidden decoy article is not
// mistaken for the page's. What the reader sees inside an open shadow root, or inside a frame whose
// document the page may read (same origin, srcdoc), is copied in place of its host, so an article
// published there is read too. It is bounded in text (maxChars) and depth; `truncated` says when
// the page had more.
import { authorHref } from '../author-page';
import { hasStampTarget, stampIn, stampMeta } from '../platform-stamp';

export interface SnapshotOptions {
  /** Text characters taken at most (default 500 000: two and a half times the extraction cap, room for the page's clutter). */
  maxChars?: number;
  /** Main-thread milliseconds one slice may take before yielding (default 8). */
  sliceMs?: number;
  /** Nodes one slice may visit before yielding, whatever the time (default: no limit; tests set it). */
  sliceNodes?: number;
  /** How to give the page its turn (default: scheduler.yield where the browser has it, else a message-channel task). */
  yieldTo?: () => Promise<void>;
}

export interface Snapshot {
  html: string;
  /** The page had more text than was taken, or changed while it was read. */
  truncated: boolean;
  /** Main-thread milliseconds spent, summed over the slices. */
  ms: number;
  /** Slices the work was cut into. */
  slices: number;
}

const DEFAULT_MAX_CHARS = 500_000;
const DEFAULT_SLICE_MS = 8;
/**
 * Elements nested deeper than this are left out as elements, their text kept, so that no parser or
 * recursion downstream meets a 10 000-deep tree; paragraph-like elements still get a few levels
 * more, so the text keeps its paragraphs.
 */
const MAX_DEPTH = 200;
const LEAF_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'td', 'th', 'dd', 'dt', 'figcaption']);
const LEAF_EXTRA = 4;
/** Longest attribute value kept (class lists, ids, dates, meta contents, links). */
const MAX_ATTR = 2000;
/** Characters of HTML produced at most (markup included), whatever the text: a page of a million empty elements stays bounded too. */
const MAX_HTML = 4_000_000;
/** Nodes visited at most. */
const MAX_NODES = 1_000_000;
/** Longest JSON-LD block kept. */
const MAX_JSON_LD = 200_000;
/** How often (in nodes) the clock is read. */
const CLOCK_EVERY = 64;

/** Subtrees that carry no article text, or that would run or load something. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'video', 'audio', 'source', 'track', 'map', 'textarea', 'select',
  'base', 'dialog', 'slot', 'portal', 'applet',
  // a <title> in the body (a crawler's wrapper before <html>, a second one) is display: none in every
  // browser; the document's own title is copied into the head apart
  'title',
]);
/** Elements that hold raw text in an HTML parser: copied under a harmless name. */
const RENAME: Record<string, string> = { xmp: 'pre', listing: 'pre', plaintext: 'pre', noembed: 'div', noframes: 'div' };
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'link', 'meta', 'wbr']);
/** Attributes extraction reads (Readability's scoring and visibility checks, meta.ts, split-body.ts). */
const ATTRS = new Set(['id', 'class', 'lang', 'dir', 'role', 'hidden', 'aria-hidden', 'itemprop', 'itemscope', 'itemtype', 'datetime', 'pubdate', 'rel', 'name', 'property', 'content', 'http-equiv', 'charset', 'style', 'xml:lang']);
const TAG_NAME = /^[a-z][a-z0-9-]{0,40}$/;
const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Gives the page its turn: scheduler.yield where the browser has it, else a message-channel task. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  // a message-channel task, not setTimeout: a hidden tab's timers are held back to one a second
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** The body of a frame's document when this page may read it (same origin or srcdoc), else null. */
function frameBody(el: Element): HTMLElement | null {
  try {
    return (el as HTMLIFrameElement).contentDocument?.body ?? null;
  } catch {
    return null; // another origin
  }
}

/** An inline declaration that hides the element (display: none, visibility: hidden or collapse). */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Whether the reader can see `el`: the browser's own answer when it has one. A DOM without layout
 * (the command line's) knows what the element itself declares: the hidden attribute and its style
 * attribute; what a style sheet hides it cannot tell.
 */
function visible(el: Element): boolean {
  const e = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof e.checkVisibility !== 'function') return !el.hasAttribute('hidden') && !HIDING_STYLE.test(el.getAttribute('style') ?? '');
  if (e.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return true;
  // display: contents has no box of its own, but its children do
  const view = el.ownerDocument?.defaultView;
  return view ? view.getComputedStyle(el).display === 'contents' : false;
}

function attributes(el: Element, tag: string): string {
  let out = '';
  const list = el.attributes;
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const name = a.name.toLowerCase();
    if (!ATTRS.has(name) || a.value.length > MAX_ATTR) continue;
    out += ` ${name}="${escAttr(a.value)}"`;
  }
  // a link's target only matters for in-page anchors (Readability weighs "#..." links less), the canonical address and an author's page
  if (tag === 'a' || tag === 'link') {
    const href = el.getAttribute('href');
    if (href !== null && href.length <= MAX_ATTR && (tag === 'link' || href.startsWith('#'))) out += ` href="${escAttr(href)}"`;
    else if (tag === 'a' && href !== null) {
      // an author's page: its id alone, the byline's evidence on a blog (author-page.ts)
      const author = href.length <= MAX_ATTR ? authorHref(href) : null;
      out += author ? ` href="${escAttr(author)}"` : ' href="/"';
    }
  }
  // Readability drops an image without a source as junk and counts the others: the fact is kept, never the address
  if (tag === 'img' && (el.hasAttribute('src') || el.hasAttribute('srcset') || el.hasAttribute('data-src'))) out += ' src="/"';
  return out;
}

/** The first HTML <title> of the document in tree order (an SVG icon's <title> is not it); the collection is walked lazily. */
function documentTitle(doc: Document): Element | null {
  const all = doc.getElementsByTagName('title');
  for (let i = 0, t = all.item(0); t; t = all.item(++i)) if (t.namespaceURI === 'http://www.w3.org/1999/xhtml') return t;
  return null;
}

/**
 * Copies `doc` as bounded, inert HTML, yielding to the page between slices. The result depends only
 * on the page, never on how the work was sliced.
 */
export async function snapshotPage(doc: Document, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const sliceMs = opts.sliceMs ?? DEFAULT_SLICE_MS;
  const sliceNodes = opts.sliceNodes ?? Infinity;
  const yieldTo = opts.yieldTo ?? yieldToPage;
  const root = doc.documentElement;
  // the copy's pieces, joined into one string per slice: one join of the whole copy at the end (a
  // million small strings on a 250,000-node page) was a task of 50-100 ms of its own
  const slicesHtml: string[] = [];
  const parts: string[] = ['<!DOCTYPE html>'];
  let chars = maxChars;
  let truncated = false;
  let ms = 0;
  let slices = 1;
  if (!root) return { html: '<!DOCTYPE html><html><head></head><body></body></html>', truncated, ms, slices };

  parts.push(`<html${attributes(root, 'html')}>`);
  const head = doc.head;
  const body = doc.body;
  // the document's title is its first HTML <title> wherever the parser put it (document.title's
  // rule): markup before <html> (a PHP warning, a stray tag) puts the head's title in the body, and
  // the copy, read by a parser that takes the title from the head, must still have it there
  const docTitle = documentTitle(doc);
  // scripts are read for a platform's stamp only on a page with the platform's time element: no
  // other page pays for reading its scripts' text
  const stamped = hasStampTarget(doc);
  /** Open elements: the tag to close, or null for an element copied as its children only. */
  const open: (string | null)[] = [];
  let depth = 0; // copied elements open
  let inBody = false;
  let start = performance.now();
  let visited = 0;
  let total = 0;
  let size = 0;
  const push = (s: string): void => {
    parts.push(s);
    size += s.length;
  };
  let node: Node | null = root.firstChild;
  // open shadow roots and readable frame bodies being copied, each with the element it stands for:
  // their children's parentNode leads back to them, not to the page, so the walk returns through
  // this (`light`: the host's own children are copied after its shadow tree, as its slots show them)
  const inside = new Map<Node, { host: Element; light: boolean }>();

  while (node) {
    if (++total > MAX_NODES || size > MAX_HTML) {
      truncated = true;
      break;
    }
    if (++visited % CLOCK_EVERY === 0 || visited >= sliceNodes) {
      const now = performance.now();
      if (now - start >= sliceMs || visited >= sliceNodes) {
        slicesHtml.push(parts.join(''));
        parts.length = 0;
        ms += performance.now() - start;
        await yieldTo();
        slices++;
        visited = 0;
        start = performance.now();
        // the page's scripts ran meanwhile: a node taken out of the page ends the copy
        if (!node.isConnected) {
          truncated = true;
          break;
        }
      }
    }
    let descend = false;
    if (node.nodeType === TEXT) {
      const data = (node as Text).data;
      if (!/\S/.test(data)) {
        // kept as it is: Readability's length tests count it (a byline candidate's text must stay under 100 characters)
        push(data.length > MAX_ATTR ? data.slice(0, MAX_ATTR) : data);
      } else if (chars <= 0) {
        truncated = true;
        break;
      } else {
        const piece = data.length > chars ? data.slice(0, chars) : data;
        chars -= piece.length;
        push(escText(piece));
        if (piece.length < data.length) {
          truncated = true;
          break;
        }
      }
    } else if (node.nodeType === COMMENT) {
      // empty, but there: Readability ends a run of inline content at a comment
      push('<!---->');
    } else if (node.nodeType === ELEMENT) {
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (node === body) inBody = true;
      const inHead = !inBody && head !== null && head.contains(el);
      if (tag === 'script') {
        if (/^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? '')) {
          // inert in every parser; "</" written "<\/" (the same JSON) so that no "</script>" can end it early
          const json = (el.textContent ?? '').slice(0, MAX_JSON_LD).replace(/<\//g, '<\\/');
          push(`<script type="application/ld+json">${json}</script>`);
        } else if (stamped && !el.hasAttribute('src')) {
          // a platform's publication stamp (platform-stamp.ts): its digits, in a meta tag
          const stamp = stampIn(el.textContent ?? '');
          if (stamp) push(stampMeta(stamp));
        }
      } else if ((tag === 'iframe' || tag === 'frame') && inBody && visible(el) && frameBody(el)?.firstChild && depth < MAX_DEPTH) {
        // a frame the page may read: its body's content in place of the frame
        const inner = frameBody(el)!;
        push('<div>');
        open.push('div');
        depth++;
        inside.set(inner, { host: el, light: false });
        node = inner.firstChild;
        continue;
      } else if (SKIP.has(tag) || (inHead && tag !== 'meta' && tag !== 'link' && tag !== 'head') || (tag === 'link' && !/\b(?:canonical|author)\b/i.test(el.getAttribute('rel') ?? ''))) {
        // not copied
      } else if (inBody && node !== body && !visible(el)) {
        // not shown to the reader: not the page's article either
      } else {
        const name = RENAME[tag] ?? tag;
        const copied = TAG_NAME.test(name) && (depth < MAX_DEPTH || (LEAF_BLOCKS.has(name) && depth < MAX_DEPTH + LEAF_EXTRA));
        if (copied) push(`<${name}${attributes(el, name)}>`);
        // the head's <title> elements are left out with the rest of the head: the document's title goes here
        if (el === head && docTitle) push(`<title>${escText((docTitle.textContent ?? '').slice(0, 2000))}</title>`);
        const shadow = inBody ? el.shadowRoot : null; // open shadow roots only: a closed one is null here
        if (shadow?.firstChild && !VOID.has(name)) {
          open.push(copied ? name : null);
          if (copied) depth++;
          inside.set(shadow, { host: el, light: true });
          node = shadow.firstChild;
          continue;
        }
        if (VOID.has(name)) {
          // no children, no end tag
        } else {
          descend = el.firstChild !== null;
          if (descend) {
            open.push(copied ? name : null);
            if (copied) depth++;
          } else if (copied) push(`</${name}>`);
        }
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // next node in document order, closing the elements left on the way up
    let jumped = false;
    while (node && node !== root && !node.nextSibling) {
      const parent: Node | null = node.parentNode;
      const back: { host: Element; light: boolean } | undefined = parent ? inside.get(parent) : undefined;
      if (back) {
        // the end of a shadow tree or a frame: on with the host's own children, or past the host
        inside.delete(parent!);
        if (back.light && back.host.firstChild) {
          node = back.host.firstChild;
          jumped = true;
          break;
        }
        node = back.host;
      } else node = parent;
      if (node && node !== root) {
        const name = open.pop();
        if (name) {
          push(`</${name}>`);
          depth--;
        }
      }
    }
    if (jumped) continue;
    node = node && node !== root ? node.nextSibling : null;
  }
  ms += performance.now() - start;
  for (let name = open.pop(); name !== undefined; name = open.pop()) if (name) parts.push(`</${name}>`);
  parts.push('</html>');
  slicesHtml.push(parts.join(''));
  return { html: slicesHtml.join(''), truncated, ms, slices };
}
