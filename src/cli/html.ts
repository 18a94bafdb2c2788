// Reading saved pages in Node: bytes -> text with the right character set, text -> DOM (parsed as browsers parse).
// Browsers decode by BOM, then HTTP header, then <meta> charset. Saved pages lose the header and
// sometimes lie in the meta tag (a page re-saved as UTF-8 still declaring gb2312), so valid UTF-8
// wins over a declared legacy charset: legacy multi-byte text is almost never valid UTF-8. A page
// that declares nothing (or something its bytes are not) and reads as GB18030 Chinese is taken as
// such, as browsers guess from the text, instead of as Latin-1 mojibake.
// Every input is checked before it is read: a missing file, a folder, an empty or binary file and
// a file over 20 MB are refused with one line saying so (InputError).
import { open, stat } from 'node:fs/promises';
import { parseConforming } from './conforming-dom';

/**
 * Largest page or article file read. A news page is rarely over 2 MB (1.3 MB is the largest of the
 * 30 real pages); at 20 MB the tool still answers in about 3 s and 400 MB of memory, at 50 MB it
 * takes 6 s and 900 MB for text far beyond what is compared (the extraction cap is 200 000 characters).
 */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Bad input, with a message meant for the reader as it is. */
export class InputError extends Error {}

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** One line for a file system or network error: what went wrong (and where, unless the caller says it), not a Node error dump. */
export function errorText(e: unknown, withPath = true): string {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err?.code ?? err?.cause?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the disk',
    EMFILE: 'too many open files',
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'no such host',
    ETIMEDOUT: 'timed out',
    ECONNRESET: 'the connection was reset',
  };
  if (code && words[code]) return withPath && err.path ? `${err.path}: ${words[code]}` : words[code];
  const first = (m: string): string => m.split('\n')[0] ?? m;
  const message = first(e instanceof Error ? e.message : String(e));
  // fetch says only "fetch failed"; the cause says why
  return err?.cause instanceof Error && err.cause.message ? `${message} (${first(err.cause.message)})` : message;
}

/**
 * Bytes that are not text (text in UTF-16 has a BOM and is let through): in the first 64 KB, more
 * than a few NULs, or control bytes (NUL, and C0 controls other than tab, newlines, form feed and
 * escape) in more than 1% of the bytes. Images, archives and executables carry them everywhere; a
 * real page with a few stray NULs is read as browsers read it (U+FFFD, see decodeHtml).
 */
const MAX_STRAY_NULS = 16;
function isBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) return false;
  const head = bytes.subarray(0, 65536);
  let nuls = 0;
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0 && ++nuls > MAX_STRAY_NULS) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) controls++;
  }
  return controls > head.length / 100;
}

/** A file's bytes, after checking that it is a regular, non-empty text file of at most MAX_INPUT_BYTES. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${errorText(e, false)}`);
  }
  if (info.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
  if (!info.isFile()) throw new InputError(`${path} is not a regular file`);
  if (info.size === 0) throw new InputError(`${path} is empty`);
  if (info.size > MAX_INPUT_BYTES) throw new InputError(`${path} is ${mb(info.size)}: files up to ${mb(MAX_INPUT_BYTES)} are read`);
  let bytes: Uint8Array;
  try {
    // read through one handle: the size checked is the size read
    const handle = await open(path, 'r');
    try {
      bytes = new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${errorText(e, false)}`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${path} is over ${mb(MAX_INPUT_BYTES)}`);
  if (isBinary(bytes)) throw new InputError(`${path} is not a text or HTML file (it holds binary data)`);
  return bytes;
}

/** Seconds a page read from the network may take, connection to last byte (--timeout changes it). */
export const DEFAULT_TIMEOUT_S = 20;
let timeoutS = DEFAULT_TIMEOUT_S;
/** Redirects followed at most, each only to an http(s) address. */
export const MAX_REDIRECTS = 5;

/** Sets the network timeout (the CLI's --timeout); a clear error for anything but a positive number of seconds. */
export function setNetworkTimeout(seconds: number): void {
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new InputError('--timeout takes a number of seconds from 0.1 to 3600');
  timeoutS = seconds;
}

const timedOut = (url: string): InputError =>
  new InputError(`${url}: no complete answer within ${timeoutS} s (a slow or silent server; --timeout <seconds> waits longer)`);

/**
 * Fetches a page within the timeout (one clock for connecting, redirects and the whole body, so a
 * server that never answers or trickles a byte a second is given up on), following at most
 * MAX_REDIRECTS redirects, each only to http(s). Returns the response and the address it came from.
 */
async function fetchBounded(url: string): Promise<{ res: Response; finalUrl: string; signal: AbortSignal }> {
  const signal = AbortSignal.timeout(timeoutS * 1000);
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', signal });
    } catch (e) {
      if (signal.aborted) throw timedOut(url);
      throw new InputError(`cannot fetch ${url}: ${errorText(e, false)}`);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location === null) return { res, finalUrl: current, signal };
    await res.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw new InputError(`${url}: more than ${MAX_REDIRECTS} redirects, not followed further`);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new InputError(`${url}: redirected to an address that is not one (${location.slice(0, 80)})`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new InputError(`${url}: redirected to a ${next.protocol} address; only http(s) is followed`);
    current = next.href;
  }
}

/** A response body, refused once it passes MAX_INPUT_BYTES instead of after it has all been held. */
async function readResponse(url: string, res: Response, signal?: AbortSignal): Promise<Uint8Array> {
  try {
    return await readBody(url, res);
  } catch (e) {
    if (signal?.aborted) throw timedOut(url);
    throw e;
  }
}

async function readBody(url: string, res: Response): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_INPUT_BYTES) throw new InputError(`${url} is ${mb(declared)}: pages up to ${mb(MAX_INPUT_BYTES)} are read`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    size += r.value.length;
    if (size > MAX_INPUT_BYTES) {
      await reader!.cancel();
      throw new InputError(`${url} is over ${mb(MAX_INPUT_BYTES)}: pages up to ${mb(MAX_INPUT_BYTES)} are read`);
    }
    chunks.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

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
  const { html, charset } = decodeBytes(bytes, headerCharset);
  // NUL is no character of a page: browsers read it as U+FFFD
  return { html: html.includes('\u0000') ? html.replace(/\u0000/g, '\ufffd') : html, charset };
}

function decodeBytes(bytes: Uint8Array, headerCharset?: string | null): { html: string; charset: string } {
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { html: new TextDecoder(charset).decode(bytes.subarray(bom.length)), charset };
    }
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { html: utf8, charset: 'utf-8' };
  const declared = headerCharset?.trim().toLowerCase() || declaredCharset(bytes);
  const decoder = declared ? decoderFor(declared) : null;
  // the declaration, when the bytes are what it says
  const asDeclared = decoder && decoder.encoding !== 'utf-8' ? strictDecode(decoder.encoding, bytes) : null;
  if (asDeclared !== null) return { html: asDeclared, charset: decoder!.encoding };
  // nothing declared, or a declaration the bytes do not fit (utf-8 over GBK bytes): Chinese text?
  const gbLike = looksLikeGb(bytes);
  const gb = gbLike ? strictDecode('gb18030', bytes) : null;
  if (gb !== null) return { html: gb, charset: 'gb18030' };
  // no charset reads every byte: the one that reads all but a few (a character cut in half where a
  // page was truncated or spliced) is the page's, as a browser would show it
  for (const charset of [decoder?.encoding, 'utf-8', gbLike ? 'gb18030' : undefined]) {
    const text = charset ? nearlyDecode(charset, bytes) : null;
    if (text !== null) return { html: text, charset: charset! };
  }
  const fallback = decoder ?? new TextDecoder('windows-1252');
  return { html: fallback.decode(bytes), charset: fallback.encoding };
}

/**
 * The text when the bytes are that charset but for a few (at most 3, or one in a thousand
 * characters) and the rest shows it (ten times as many characters beyond ASCII read well: "caf" and
 * one Latin-1 byte is no UTF-8 page), else null.
 */
function nearlyDecode(charset: string, bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    return null;
  }
  let bad = 0;
  let good = 0;
  const allowed = Math.max(3, text.length / 1000);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      if (++bad > allowed) return null;
    } else if (c > 0x7f) good++;
  }
  return good >= 10 * bad ? text : null;
}

/** The text, or null when the bytes are not valid in that charset. */
function strictDecode(charset: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether the non-ASCII bytes pair up the way GB2312/GBK Chinese does: a lead byte followed by a
 * second high byte (every GB2312 character and most GBK ones). Latin-1 text has its accented
 * letters alone between ASCII letters, so its high bytes mostly do not pair.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b >= 0x81 && b <= 0xfe && (bytes[i + 1] ?? 0) >= 0x80) {
      pairs++;
      i++;
    } else lone++;
  }
  return pairs >= 4 && pairs >= 9 * lone;
}

/** A saved page as a browser parses it (see conforming-dom.ts); `url` resolves its relative links. */
export function parseHtml(html: string, url?: string): Document {
  const doc = parseConforming(html);
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
    const { res, finalUrl, signal } = await fetchBounded(pathOrUrl);
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new InputError(`cannot fetch ${pathOrUrl}: HTTP ${res.status}`);
    }
    bytes = await readResponse(pathOrUrl, res, signal);
    if (bytes.length === 0) throw new InputError(`${pathOrUrl} is empty`);
    url = finalUrl;
    headerCharset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? null;
  } else {
    bytes = await readInputFile(pathOrUrl);
  }
  const { html, charset } = decodeHtml(bytes, headerCharset);
  const isText = url === undefined && /\.txt$/i.test(pathOrUrl);
  return { doc: parseHtml(isText ? textToHtml(html) : html, url), charset };
}
