// Reading saved pages in Node: bytes -> text with the right character set, text -> DOM (linkedom).
// Browsers decode by BOM, then HTTP header, then <meta> charset. Saved pages lose the header and
// sometimes lie in the meta tag (a page re-saved as UTF-8 still declaring gb2312), so valid UTF-8
// wins over a declared legacy charset: legacy multi-byte text is almost never valid UTF-8.
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset a page declares in its first 4 KB (<meta charset>, http-equiv content-type), lower case. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label TextDecoder does not know
  }
}

/** `headerCharset`: the charset of an HTTP Content-Type header, which outranks the page's own declaration. */
export function decodeHtml(bytes: Uint8Array, headerCharset?: string | null): { html: string; charset: string } {
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { html: new TextDecoder(charset).decode(bytes.subarray(bom.length)), charset };
    }
  }
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: use the declared charset
  }
  const declared = headerCharset?.trim().toLowerCase() || declaredCharset(bytes);
  if (utf8 !== null) return { html: utf8, charset: 'utf-8' };
  const decoder = (declared ? decoderFor(declared) : null) ?? new TextDecoder('windows-1252');
  return { html: decoder.decode(bytes), charset: decoder.encoding };
}

export function parseHtml(html: string, url?: string): Document {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  if (url && !doc.querySelector('base[href]') && doc.head) {
    // linkedom has no document URL: a <base> lets relative links resolve against the page's address
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A plain-text file as a page: the first line is the title, the other lines are paragraphs. */
export function textToHtml(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const [title = '', ...rest] = lines;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><article><h1>${escapeHtml(title)}</h1>${rest
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('')}</article></body></html>`;
}

/** A page from a file (.html, or .txt as paragraphs) or, when asked for, an http(s) URL. */
export async function readPage(pathOrUrl: string): Promise<{ doc: Document; charset: string }> {
  let bytes: Uint8Array;
  let url: string | undefined;
  let headerCharset: string | null = null;
  if (/^https?:\/\//i.test(pathOrUrl)) {
    const res = await fetch(pathOrUrl);
    if (!res.ok) throw new Error(`${pathOrUrl}: HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
    url = res.url || pathOrUrl;
    headerCharset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? null;
  } else {
    bytes = await readFile(pathOrUrl);
  }
  const { html, charset } = decodeHtml(bytes, headerCharset);
  const isText = url === undefined && /\.txt$/i.test(pathOrUrl);
  return { doc: parseHtml(isText ? textToHtml(html) : html, url), charset };
}
