// The DOM side of the precheck: a bounded sample of a page, taken on every page the reader opens.
// It collects at most `maxChars` characters of prose: the text of the paragraphs (<p>) of the
// article element when there is one, then of the rest of the page; only on a page with little text
// in paragraphs, the rest of its text. It skips navigation, headers and footers, asides, forms,
// scripts, link text outside paragraphs and hidden elements (menus and link lists are what make
// portal pages look like every topic at once); a link inside a paragraph is part of its sentence.
// Whatever the page size, it visits a bounded number of nodes: it never reads the whole page's
// innerText/textContent.
//
// It runs in a fresh script context on every page, where what costs is each DOM interface and each
// piece of code the script touches for the first time, more than the nodes it reads: a walk over
// every node from the top met a dozen kinds of element and cost 1-2 ms on an ordinary news page;
// reading the paragraphs whole meets one, with a handful of DOM calls per paragraph. No regular
// expression (each is compiled on its first use).
import type { PageSample } from '../../core/topic/precheck';

export type { PageSample };

/** Elements whose text is not prose, and hidden ones: their whole subtree is skipped. */
const SKIPPED =
  'script,style,noscript,template,head,title,nav,header,footer,aside,a,button,select,option,label,textarea,input,form,menu,' +
  'svg,canvas,iframe,object,video,audio,picture,img,math,[hidden],[aria-hidden="true"]';
/**
 * What of SKIPPED can hold a paragraph in the DOM: the others hold only text (script, style,
 * title, textarea, option; noscript when scripts run), nothing (img, input), or their own
 * document (template, iframe). A shorter selector to match against a paragraph's every ancestor.
 */
const SKIPPED_ABOVE_P = 'nav,header,footer,aside,a,button,select,label,form,menu,svg,canvas,object,video,audio,picture,math,[hidden],[aria-hidden="true"]';
/** Nodes (paragraphs, other elements, text nodes) one sample may visit, so a page of link soup stays cheap. */
const MAX_NODES = 8000;
const ELEMENT = 1;
const TEXT = 3;

interface Budget {
  chars: number;
  nodes: number;
}

/** Appends `text` trimmed, cut to the budget. */
function add(text: string, out: string[], budget: Budget): void {
  const t = (text.length > budget.chars + 200 ? text.slice(0, budget.chars + 200) : text).trim();
  if (!t) return;
  const piece = t.length > budget.chars ? t.slice(0, budget.chars) : t;
  out.push(piece);
  budget.chars -= piece.length + 1;
}

/** Appends the text of the paragraphs in `root` (not in `exclude`, not in a skipped element inside `root`), within budget. */
function paragraphs(root: Element, exclude: Element | null, out: string[], budget: Budget): void {
  const list = root.getElementsByTagName('p');
  for (let i = 0; i < list.length && budget.chars > 0 && budget.nodes > 0; i++) {
    const p = list[i]!;
    budget.nodes--;
    if (exclude && exclude.contains(p)) continue;
    // as a walk down from root would: an element skipped above root does not count
    const skippedBy = p.closest(SKIPPED_ABOVE_P);
    if (skippedBy && skippedBy !== root && root.contains(skippedBy)) continue;
    add(p.textContent ?? '', out, budget);
  }
}

/**
 * Appends the text of `root`'s subtree outside paragraphs (and outside `exclude`) to `out` in
 * document order, within budget, each text node trimmed; whitespace inside a text node is left as
 * it is (the precheck reads any run of whitespace as one space).
 */
function rest(root: Node, exclude: Node | null, out: string[], budget: Budget): void {
  let node: Node | null = root.firstChild;
  while (node && budget.chars > 0 && budget.nodes > 0) {
    budget.nodes--;
    const type = node.nodeType;
    if (type === TEXT) add((node as Text).data, out, budget);
    else if (type === ELEMENT && node !== exclude && (node as Element).localName !== 'p' && !(node as Element).matches(SKIPPED)) {
      const child: Node | null = node.firstChild;
      if (child) {
        node = child;
        continue;
      }
    }
    // next node in document order outside this subtree, without leaving root
    let next: Node | null = node.nextSibling;
    while (!next) {
      node = node!.parentNode;
      if (!node || node === root) return;
      next = node.nextSibling;
    }
    node = next;
  }
}

/** The <meta> tags the sample reads (by name or property), found by one selector so that the others are never read. */
const META =
  'meta[name="description" i],meta[property="description" i],meta[name="keywords" i],meta[property="keywords" i],' +
  'meta[name="og:description" i],meta[property="og:description" i],meta[name="og:title" i],meta[property="og:title" i]';

/** The precheck's view of a page: title, description, keywords and a bounded text sample. */
export function takeSample(doc: Document, maxChars = 3000): PageSample {
  const out: string[] = [];
  const budget: Budget = { chars: maxChars, nodes: MAX_NODES };
  const body = doc.body;
  const main = doc.querySelector('article, [itemprop="articleBody"], main, [role="main"]');
  const half = maxChars / 2;
  if (main) paragraphs(main, null, out, budget);
  if (body && budget.chars > half) paragraphs(body, main, out, budget);
  // little text in paragraphs: the rest of the text, as it comes
  if (main && budget.chars > half) rest(main, null, out, budget);
  if (body && budget.chars > half) rest(body, main, out, budget);

  // name or property (lower case) -> content, the first of each
  const meta: Record<string, string> = Object.create(null);
  const metas = doc.head?.querySelectorAll(META) ?? [];
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i]!;
    const key = (el.getAttribute('name') ?? el.getAttribute('property'))?.toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !(key in meta)) meta[key] = content;
  }
  return {
    title: (doc.title ?? '').trim() || meta['og:title'] || '',
    description: meta['description'] ?? meta['og:description'] ?? '',
    keywords: meta['keywords'] ?? '',
    text: out.join(' '),
  };
}

/**
 * Whether a batch of DOM changes may have added text the sample reads: a text node that is not
 * blank, an element with content that the sample does not skip, text edited in place. Scripts,
 * styles, frames, images and empty elements that pages and their ads insert after load do not
 * count, so they cost no new sample. Only the first 100 records are looked at; more count as yes.
 */
export function mayAddText(records: readonly MutationRecord[]): boolean {
  if (records.length > 100) return true;
  for (const r of records) {
    if (r.type === 'characterData') {
      if (r.target.nodeType === TEXT && (r.target as Text).data.trim() !== '') return true;
      continue;
    }
    const added = r.addedNodes;
    if (added.length > 100) return true;
    for (let i = 0; i < added.length; i++) {
      const n = added[i]!;
      const type = n.nodeType;
      if (type === TEXT ? (n as Text).data.trim() !== '' : type === ELEMENT && n.firstChild !== null && !(n as Element).matches(SKIPPED)) return true;
    }
  }
  return false;
}
