// HTML fragments of corpus files to plain paragraphs, without a DOM (the corpus code is pure and
// runs in the CLI, the tests and the extension alike). Corpus bodies are simple published markup
// (<p>, <div>, <strong>, <span>, <a>), so block tags become line breaks and the rest is dropped.
import { splitParagraphs } from '../core/text/segment';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', laquo: '\u00ab',
  raquo: '\u00bb', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7', bull: '\u2022',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', times: '\u00d7', divide: '\u00f7', yen: '\u00a5',
  deg: '\u00b0', permil: '\u2030', zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad',
};

/** Decodes character references: &lt; &#20013; &#x4e2d; (unknown names are left as written). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BLOCK = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|pre|hr)\b[^>]*>/gi;

/** Whether a text looks like HTML markup rather than plain text with a stray "<". */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|h[1-6]|span|strong|section|article)\b[^>]*>/i.test(text);
}

/** Paragraphs of an HTML fragment: block elements become paragraph breaks, other tags are dropped. */
export function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\r?\n/g, ' ') // source line breaks inside a paragraph are spaces in HTML
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '');
  return splitParagraphs(decodeEntities(text));
}
