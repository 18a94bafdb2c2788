// Plain-text paragraphs of a DOM subtree, in reading order.
// Block elements and <br> end a paragraph; inline elements run on. Whitespace is collapsed the way
// a browser renders it, and the ideographic space that Chinese sites use to indent a paragraph is
// trimmed with it.

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME']);
const ELEMENT = 1;
const TEXT = 3;

export function clean(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Paragraphs of `root`, each a trimmed non-empty line of text. */
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
