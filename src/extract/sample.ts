// The DOM side of the precheck: a bounded sample of a page, taken on every page the reader opens.
// Whatever the page size, it visits a bounded number of nodes and collects at most `maxChars`
// characters: it never reads the whole page's innerText/textContent. It prefers prose: it starts
// in the article element when there is one and skips navigation, scripts, forms and link text
// (menus and link lists are what make portal pages look like every topic at once).
import type { PageSample } from '../core/precheck';

export type { PageSample };

/** Elements whose text is not prose: their whole subtree is skipped. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'NAV', 'HEADER', 'FOOTER', 'ASIDE',
  'A', 'BUTTON', 'SELECT', 'OPTION', 'LABEL', 'TEXTAREA', 'INPUT', 'FORM', 'MENU',
  'SVG', 'svg', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'MATH',
]);
/** Nodes one sample may visit (elements and text nodes), so a page of link soup stays cheap. */
const MAX_NODES = 8000;
const ELEMENT = 1;
const TEXT = 3;

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName) || SKIP.has(el.tagName.toUpperCase())) return true;
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

interface Budget {
  chars: number;
  nodes: number;
}

/** Appends text of `root`'s subtree (skipping `exclude`) to `out` in document order, within budget. */
function collect(root: Node, exclude: Node | null, out: string[], budget: Budget): void {
  let node: Node | null = root.firstChild;
  while (node && budget.chars > 0 && budget.nodes > 0) {
    budget.nodes--;
    let descend = false;
    if (node.nodeType === TEXT) {
      const text = (node as Text).data.slice(0, budget.chars + 200).replace(/\s+/g, ' ').trim();
      if (text) {
        const piece = text.slice(0, budget.chars);
        out.push(piece);
        budget.chars -= piece.length + 1;
      }
    } else if (node.nodeType === ELEMENT && node !== exclude && !skipped(node as Element)) {
      descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // next node in document order outside this subtree, without leaving root
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
}

/** name/property -> content of the <meta> tags in <head> (lower-case keys), read in one pass over the head only. */
function metas(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const list = doc.head?.getElementsByTagName('meta');
  if (!list) return out;
  for (let i = 0; i < list.length && i < 200; i++) {
    const el = list[i]!;
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('http-equiv'))?.toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !out.has(key)) out.set(key, content);
  }
  return out;
}

/** The precheck's view of a page: title, description, keywords, og:type, declared language and a bounded text sample. */
export function takeSample(doc: Document, maxChars = 3000): PageSample {
  const out: string[] = [];
  const budget: Budget = { chars: maxChars, nodes: MAX_NODES };
  const body = doc.body as Node | null;
  const main = doc.querySelector('article, [itemprop="articleBody"], main, [role="main"]');
  if (main) collect(main, null, out, budget);
  if (body && budget.chars > maxChars / 2) collect(body, main, out, budget);
  const meta = metas(doc);
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || meta.get('content-language') || meta.get('language') || null;
  return {
    title: (doc.title ?? '').trim() || meta.get('og:title') || '',
    description: meta.get('description') ?? meta.get('og:description') ?? '',
    keywords: meta.get('keywords') ?? '',
    ogType: meta.get('og:type') ?? null,
    lang,
    text: out.join(' '),
  };
}
