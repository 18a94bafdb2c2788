// Corpus packs (.rlpack): a compiled corpus in one file a reader can import (docs/PACK-FORMAT.md).
// The index, relations, rarity table and alignments sit in a JSON header, read whole; each
// article's text is its own zlib block after it, so one article is read without the rest. A
// fixed prefix names the format, its version and the lengths, and carries a SHA-256 of all that
// follows: a truncated, damaged or foreign file is refused with what is wrong, before anything
// installed is replaced.
//
// No browser API: crypto.subtle and DecompressionStream are the same in browsers and Node, and the
// writer takes Node's zlib and hash from the CLI.
import { decodeU32, encodeU32, LITTLE_ENDIAN } from '../core/index/postings';
import type { CompiledIndex, CompiledTexts, Corpus, DocMeta, DocText, StoredAlignment } from '../core/index/types';
import { checkDocText, loadCorpusPerArticle, type IndexCheck } from './load';

/** \x89 catches a 7-bit transfer, \r\n a line-ending conversion (as PNG's signature does). */
export const PACK_MAGIC = Uint8Array.from([0x89, 0x52, 0x4c, 0x50, 0x41, 0x43, 0x4b, 0x0d, 0x0a, 0x1a]);
export const PACK_VERSION = 2;
/** Versions this code reads: 1 held the articles' metadata as index.docs, one object each; 2 as columns (PackHeader.docs). */
const READS: readonly number[] = [1, 2];
/**
 * Bytes 0-9 the magic, 10-11 zero, 12-15 the format version, 16-19 the header's length (a multiple
 * of 4), 20-27 the body's length (little-endian, as every number here), 28-31 the tables' length,
 * 32-63 the SHA-256 of bytes 64 to the end. Then the header, the tables, the body.
 */
export const PACK_PREFIX = 64;
const HEADER_FORMAT = 'reprint-lens-pack';

/** What a pack says about itself; the options page lists it. */
export interface PackMeta {
  name: string;
  description: string;
  articles: number;
  /** Articles per language code (zh, en, …). */
  languages: Record<string, number>;
  /** Earliest and latest publication dates (YYYY-MM-DD) among the articles that have one. */
  dates: { first: string; last: string } | null;
  /** When it was built, ISO. */
  built: string;
  /** Which Reprint Lens built it. */
  builtWith: string;
}

/**
 * The articles' metadata as columns, one array per DocMeta field, in the order of the articles
 * (version 2): a header of 100,000 articles was half field names as one object each, and parsing
 * it was most of a worker's start.
 */
export type DocColumns = { [K in keyof DocMeta]: Array<DocMeta[K]> };
const DOC_FIELDS = ['id', 'title', 'titleDerived', 'lang', 'siteName', 'published', 'url', 'byline', 'originalTitle', 'declaredSource', 'sourceLines', 'chars', 'paragraphCount', 'appendedCount'] as const;
// every field of DocMeta is a column: a field added to DocMeta and not here fails to compile
type Missing = Exclude<keyof DocMeta, (typeof DOC_FIELDS)[number]>;
const allFields: Missing extends never ? true : Missing = true;
void allFields;

/** The JSON header. */
export interface PackHeader {
  format: typeof HEADER_FORMAT;
  meta: PackMeta;
  /** The index, its `docs` empty from version 2 on (the metadata is in `docs` below). */
  index: CompiledIndex;
  /** Version 2: the articles' metadata as columns. */
  docs?: DocColumns;
  alignments: Record<string, StoredAlignment>;
  /** Body offsets of the articles' text blocks, base64 of articles + 1 little-endian uint32. */
  texts: { offsets: string; encoding: 'zlib-json' };
  /**
   * The index's number arrays, moved out of `index` (whose fields for them are left empty) into the
   * tables region as raw little-endian uint32: name -> [byte offset in the tables, count]. Names:
   * postings.hashes, postings.docs, anchors.hashes, anchors.docs, concepts.hashes, concepts.docs,
   * concepts.keys, concepts.df.
   */
  tables: Record<string, [number, number]>;
}

/** What is wrong with a refused pack, for a message in the reader's language. */
export type PackProblem = 'not-pack' | 'truncated' | 'version' | 'checksum' | 'damaged' | 'missing';

/** A pack refused: the message says what is wrong in the reader's words; `problem` names the kind. */
export class PackError extends Error {
  constructor(
    readonly problem: PackProblem,
    message: string,
  ) {
    super(message);
  }
}

/** The fixed prefix, read. */
export interface PackPrefix {
  version: number;
  headerLength: number;
  /** The index's number tables (postings, anchors, concept keys) as raw uint32 arrays, after the header. */
  tablesLength: number;
  bodyLength: number;
  checksum: Uint8Array;
}

/** Where the tables begin in the file. */
export const tablesStart = (p: PackPrefix): number => PACK_PREFIX + p.headerLength;
/** Where the body (the articles' text blocks) begins in the file. */
export const bodyStart = (p: PackPrefix): number => PACK_PREFIX + p.headerLength + p.tablesLength;

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

/** Reads and checks the prefix of a file of `size` bytes (only its first PACK_PREFIX bytes are needed). */
export function readPackPrefix(start: Uint8Array, size: number): PackPrefix {
  if (size < PACK_MAGIC.length || PACK_MAGIC.some((b, i) => start[i] !== b)) {
    throw new PackError('not-pack', 'this file is not a Reprint Lens corpus pack (it does not begin with the pack signature; build one with `corpus build <dir> -o <name>.rlpack`)');
  }
  if (size < PACK_PREFIX) throw new PackError('truncated', `this pack is truncated: ${size} bytes, not even its ${PACK_PREFIX}-byte prefix`);
  const view = new DataView(start.buffer, start.byteOffset, PACK_PREFIX);
  const version = view.getUint32(12, true);
  if (!READS.includes(version)) {
    throw new PackError('version', `this pack has format version ${version}; this version of Reprint Lens reads versions ${READS.join(' and ')} (${version > PACK_VERSION ? 'update Reprint Lens' : 'rebuild the pack'})`);
  }
  const headerLength = view.getUint32(16, true);
  const bodyLength = view.getUint32(20, true) + view.getUint32(24, true) * 2 ** 32;
  const tablesLength = view.getUint32(28, true);
  if (headerLength % 4 !== 0 || tablesLength % 4 !== 0) throw new PackError('damaged', 'this pack is damaged: its prefix gives lengths a pack never has');
  const expected = PACK_PREFIX + headerLength + tablesLength + bodyLength;
  if (size < expected) throw new PackError('truncated', `this pack is truncated: ${size} bytes of the ${expected} its prefix announces`);
  if (size > expected) throw new PackError('damaged', `this pack is damaged: ${size - expected} bytes follow the end its prefix announces`);
  return { version, headerLength, tablesLength, bodyLength, checksum: start.slice(32, 64) };
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses and checks the header's own fields (the index is checked when it is loaded). */
export function parsePackHeader(bytes: Uint8Array): PackHeader {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackError('damaged', 'this pack is damaged: its header is not readable JSON');
  }
  const bad = (what: string): never => {
    throw new PackError('damaged', `this pack is damaged: its header ${what}`);
  };
  if (!isObj(v) || v.format !== HEADER_FORMAT) bad('is not a pack header');
  const h = v as Record<string, unknown>;
  const m = h.meta;
  if (!isObj(m) || typeof m.name !== 'string' || m.name.trim() === '' || typeof m.description !== 'string' || !Number.isInteger(m.articles)) bad('has no name or article count');
  if (!isObj(h.index)) bad('has no index');
  if (!isObj(h.alignments)) bad('has no alignments');
  if (!isObj(h.texts) || typeof h.texts.offsets !== 'string' || h.texts.encoding !== 'zlib-json') bad('has no text offsets');
  if (!isObj(h.tables) || !Object.values(h.tables).every((t) => Array.isArray(t) && t.length === 2 && t.every((x) => Number.isInteger(x) && x >= 0))) bad('has no tables');
  return v as unknown as PackHeader;
}

/** A pack's contents, checked: its header, its index with the tables in place, where each article's text block lies in the body. */
export interface PackContents {
  prefix: PackPrefix;
  header: PackHeader;
  /** The compiled index as loadCorpus takes it: the header's, its number arrays as Uint32Array views of the tables. */
  index: unknown;
  /** Body offsets (articles + 1). */
  offsets: Uint32Array;
}


/** A uint32 array of the tables: a view when aligned on a little-endian machine, else a copy. */
function table(tables: Uint8Array, name: string, at: [number, number] | undefined): Uint32Array {
  if (!at) throw new PackError('damaged', `this pack is damaged: its table ${name} is missing`);
  const [offset, count] = at;
  if (offset % 4 !== 0 || offset + count * 4 > tables.length) throw new PackError('damaged', `this pack is damaged: its table ${name} lies outside its tables`);
  const start = tables.byteOffset + offset;
  if (LITTLE_ENDIAN && start % 4 === 0) return new Uint32Array(tables.buffer, start, count);
  const out = new Uint32Array(count);
  const view = new DataView(tables.buffer, start, count * 4);
  for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

/**
 * The articles' metadata of a version 2 header, as the index's objects (each is checked when the
 * index is loaded). An object literal rather than a loop over DOC_FIELDS: every object gets the
 * same shape at once, and the compiler checks the literal names every field of DocMeta.
 */
function docsOfColumns(columns: unknown, n: number): DocMeta[] {
  if (!isObj(columns) || !DOC_FIELDS.every((f) => Array.isArray(columns[f]) && (columns[f] as unknown[]).length === n)) {
    throw new PackError('damaged', 'this pack is damaged: its article metadata does not have a column of every field for every article');
  }
  const c = columns as unknown as DocColumns;
  const docs = new Array<DocMeta>(n);
  for (let i = 0; i < n; i++) {
    docs[i] = {
      id: c.id[i]!,
      title: c.title[i]!,
      titleDerived: c.titleDerived[i]!,
      lang: c.lang[i]!,
      siteName: c.siteName[i]!,
      published: c.published[i]!,
      url: c.url[i]!,
      byline: c.byline[i]!,
      originalTitle: c.originalTitle[i]!,
      declaredSource: c.declaredSource[i]!,
      sourceLines: c.sourceLines[i]!,
      chars: c.chars[i]!,
      paragraphCount: c.paragraphCount[i]!,
      appendedCount: c.appendedCount[i]!,
    };
  }
  return docs;
}

/** The header and tables of a pack whose prefix is known, with its offsets checked against the body. */
export function packContents(prefix: PackPrefix, headerBytes: Uint8Array, tableBytes: Uint8Array): PackContents {
  const header = parsePackHeader(headerBytes);
  const n = header.meta.articles;
  const docs = prefix.version >= 2 ? docsOfColumns(header.docs, n) : header.index.docs;
  if (!Array.isArray(docs) || docs.length !== n) throw new PackError('damaged', 'this pack is damaged: its article count and its index disagree');
  let offsets: Uint32Array;
  try {
    offsets = decodeU32(header.texts.offsets, n + 1);
  } catch {
    throw new PackError('damaged', 'this pack is damaged: its text offsets do not match its articles');
  }
  for (let i = 0; i < n; i++) if (offsets[i + 1]! < offsets[i]!) throw new PackError('damaged', 'this pack is damaged: its text offsets are out of order');
  if (offsets[0] !== 0 || offsets[n] !== prefix.bodyLength) throw new PackError('damaged', 'this pack is damaged: its text offsets do not cover its body');
  const t = (name: string): Uint32Array => table(tableBytes, name, header.tables[name]);
  const pair = (name: 'postings' | 'anchors') => ({ ...header.index[name], hashes: t(`${name}.hashes`), docs: t(`${name}.docs`) });
  const c = header.index.concepts;
  const index = {
    ...header.index,
    docs,
    postings: pair('postings'),
    anchors: pair('anchors'),
    ...(c ? { concepts: { ...c, hashes: t('concepts.hashes'), docs: t('concepts.docs'), keys: t('concepts.keys'), df: t('concepts.df'), ...(c.norms !== undefined ? { norms: t('concepts.norms') } : {}) } } : {}),
  };
  return { prefix, header, index, offsets };
}

/**
 * Checks a whole pack in memory: prefix, checksum over header and body, header. What an import
 * runs before anything is stored.
 */
export async function verifyPack(bytes: Uint8Array): Promise<PackContents> {
  const prefix = readPackPrefix(bytes.subarray(0, PACK_PREFIX), bytes.length);
  return checked(bytes, prefix, await sha256(bytes.subarray(PACK_PREFIX)));
}

/** verifyPack with a synchronous SHA-256 (the CLI's, from node:crypto). */
export function verifyPackSync(bytes: Uint8Array, hash: (b: Uint8Array) => Uint8Array): PackContents {
  const prefix = readPackPrefix(bytes.subarray(0, PACK_PREFIX), bytes.length);
  return checked(bytes, prefix, hash(bytes.subarray(PACK_PREFIX)));
}

function checked(bytes: Uint8Array, prefix: PackPrefix, sum: Uint8Array): PackContents {
  if (hex(sum) !== hex(prefix.checksum)) throw new PackError('checksum', 'this pack is damaged: its checksum does not match its contents (a changed or incompletely copied file)');
  return headContents(prefix, bytes.subarray(PACK_PREFIX, bodyStart(prefix)));
}

/** packContents of the bytes from the end of the prefix to the body (the header, then the tables), read in one piece. */
export function headContents(prefix: PackPrefix, head: Uint8Array): PackContents {
  const split = tablesStart(prefix) - PACK_PREFIX;
  return packContents(prefix, head.subarray(0, split), head.subarray(split));
}

/** Reads part of the pack's body, [start, end) relative to the body. */
export type BodyReader = (start: number, end: number) => Uint8Array | Promise<Uint8Array>;
/** zlib (RFC 1950) inflate, synchronous (Node's zlib) or not (DecompressionStream). */
export type Inflate = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

/** Inflate with the platform's DecompressionStream (browsers and Node alike). */
export async function streamInflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The corpus of a checked pack: its index loaded now, each article's text read from the body when
 * first asked for. Throws on a damaged index (the same checks as a compiled corpus folder; with
 * `check` 'shape', a pack the extension stored after checking it whole, the index's number arrays
 * are taken as they are: see IndexCheck).
 */
export function packCorpus(contents: PackContents, readBody: BodyReader, inflate: Inflate, check: IndexCheck = 'whole'): Corpus {
  const { header, offsets } = contents;
  const decode = (id: string, bytes: Uint8Array): DocText => {
    let v: unknown;
    try {
      v = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new PackError('damaged', `this pack is damaged: the text of ${id} is not readable`);
    }
    return checkDocText(v, id);
  };
  const read = (id: string, doc: number): DocText | Promise<DocText> => {
    const fail = (e: unknown): never => {
      throw e instanceof PackError ? e : new PackError('damaged', `this pack is damaged: the text of ${id} cannot be read (${e instanceof Error ? e.message : String(e)})`);
    };
    try {
      const raw = readBody(offsets[doc]!, offsets[doc + 1]!);
      const inflated = raw instanceof Uint8Array ? inflate(raw) : raw.then(inflate);
      return inflated instanceof Uint8Array ? decode(id, inflated) : inflated.then((b) => decode(id, b), fail);
    } catch (e) {
      return fail(e);
    }
  };
  try {
    return loadCorpusPerArticle(contents.index, read, header.alignments, check);
  } catch (e) {
    throw new PackError('damaged', `this pack is damaged: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** What writing a pack needs from its platform (the CLI passes Node's zlib and crypto). */
export interface PackWriter {
  deflate(bytes: Uint8Array): Uint8Array;
  sha256(bytes: Uint8Array): Uint8Array;
}

/** The pack's metadata from its index: counts, languages, date range. */
export function packMeta(index: CompiledIndex, name: string, description: string, builtWith: string, built = new Date()): PackMeta {
  const languages: Record<string, number> = {};
  let first: string | null = null;
  let last: string | null = null;
  for (const d of index.docs) {
    const lang = d.lang.slice(0, 2) || 'und';
    languages[lang] = (languages[lang] ?? 0) + 1;
    const day = /^\d{4}-\d{2}-\d{2}/.exec(d.published ?? '')?.[0];
    if (day) {
      if (first === null || day < first) first = day;
      if (last === null || day > last) last = day;
    }
  }
  return { name, description, articles: index.docs.length, languages, dates: first && last ? { first, last } : null, built: built.toISOString(), builtWith };
}

/** The bytes of a pack holding a compiled corpus. */
export function writePack(index: CompiledIndex, texts: CompiledTexts, meta: PackMeta, w: PackWriter, version = PACK_VERSION): Uint8Array {
  if (!READS.includes(version)) throw new Error(`no pack format version ${version}`);
  const blocks: Uint8Array[] = [];
  const offsets = new Uint32Array(index.docs.length + 1);
  const enc = new TextEncoder();
  const all = new Map(Object.entries(texts.texts));
  let at = 0;
  index.docs.forEach((d, i) => {
    const t = all.get(d.id);
    if (!t) throw new Error(`no text for ${d.id}`);
    const block = w.deflate(enc.encode(JSON.stringify({ paragraphs: t.paragraphs, appended: t.appended })));
    blocks.push(block);
    offsets[i] = at;
    at += block.length;
    if (at > 0xffffffff) throw new Error('the texts do not fit in one pack (4 GB of compressed text): split the corpus');
  });
  offsets[index.docs.length] = at;
  // the number arrays of the index as raw tables, so that opening a pack is no base64 decoding
  const arrays: Array<[string, Uint32Array]> = [
    ['postings.hashes', decodeU32(index.postings.hashes, index.postings.count)],
    ['postings.docs', decodeU32(index.postings.docs, index.postings.count)],
    ['anchors.hashes', decodeU32(index.anchors.hashes, index.anchors.count)],
    ['anchors.docs', decodeU32(index.anchors.docs, index.anchors.count)],
  ];
  const c = index.concepts;
  if (c) {
    arrays.push(['concepts.hashes', decodeU32(c.hashes, c.count)], ['concepts.docs', decodeU32(c.docs, c.count)]);
    arrays.push(['concepts.keys', decodeU32(c.keys, c.keyCount)], ['concepts.df', decodeU32(c.df, c.keyCount)]);
    if (c.norms !== undefined) arrays.push(['concepts.norms', decodeU32(c.norms, index.docs.length)]);
  }
  const tables: Record<string, [number, number]> = {};
  let tablesLength = 0;
  for (const [name, a] of arrays) {
    tables[name] = [tablesLength, a.length];
    tablesLength += a.length * 4;
  }
  if (tablesLength > 0xffffffff) throw new Error('the index does not fit in one pack (4 GB of tables): split the corpus');
  const columns = version >= 2 ? (Object.fromEntries(DOC_FIELDS.map((f) => [f, index.docs.map((d) => d[f])])) as DocColumns) : null;
  const emptied: CompiledIndex = {
    ...index,
    ...(columns ? { docs: [] } : {}),
    postings: { ...index.postings, hashes: '', docs: '' },
    anchors: { ...index.anchors, hashes: '', docs: '' },
    ...(c ? { concepts: { ...c, hashes: '', docs: '', keys: '', df: '', ...(c.norms !== undefined ? { norms: '' } : {}) } } : {}),
  };
  const header: PackHeader = { format: HEADER_FORMAT, meta, index: emptied, ...(columns ? { docs: columns } : {}), alignments: texts.alignments ?? {}, texts: { offsets: encodeU32(offsets), encoding: 'zlib-json' }, tables };
  let json = JSON.stringify(header);
  json += ' '.repeat((4 - (enc.encode(json).length % 4)) % 4); // the tables start on a 4-byte boundary
  const headerBytes = enc.encode(json);
  const out = new Uint8Array(PACK_PREFIX + headerBytes.length + tablesLength + at);
  out.set(PACK_MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(12, version, true);
  view.setUint32(16, headerBytes.length, true);
  view.setUint32(20, at % 2 ** 32, true);
  view.setUint32(24, Math.floor(at / 2 ** 32), true);
  view.setUint32(28, tablesLength, true);
  out.set(headerBytes, PACK_PREFIX);
  let o = PACK_PREFIX + headerBytes.length;
  for (const [, a] of arrays) {
    for (let i = 0; i < a.length; i++) view.setUint32(o + i * 4, a[i]!, true);
    o += a.length * 4;
  }
  for (const b of blocks) {
    out.set(b, o);
    o += b.length;
  }
  out.set(w.sha256(out.subarray(PACK_PREFIX)), 32);
  return out;
}
