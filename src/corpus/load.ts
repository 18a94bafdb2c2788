// Loading a compiled corpus: the same code in the extension (fetching the packaged files) and the
// CLI (reading them from disk, or compiling raw articles on the fly). The JSON is checked field
// by field, so a damaged or outdated index fails here with a clear message rather than deep in
// matching.
import { FINGERPRINT_VERSION } from '../core/index/fingerprint';
import { zhNewsStock } from '../core/index/stock';
import { decodeStockTable, STOCK_K, unionStock, type StockTable } from '../core/index/stock-table';
import { decodeU32 } from '../core/index/postings';
import { conceptIndex, type ConceptIndex } from '../core/index/concepts';
import type { AppendedPiece, Corpus, DocMeta, DocRelation, DocText, Postings, StoredAlignment } from '../core/index/types';

const RELATIONS = new Set(['same', 'reprint', 'excerpt', 'translation']);

function fail(what: string): never {
  throw new Error(`damaged corpus index: ${what}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

function checkDoc(v: unknown, i: number): DocMeta {
  if (!isObj(v)) fail(`docs[${i}] is not an object`);
  const strs = ['id', 'title', 'lang'] as const;
  for (const k of strs) if (!isStr(v[k])) fail(`docs[${i}].${k} is not a string`);
  const nullable = ['siteName', 'published', 'url', 'byline', 'originalTitle', 'declaredSource'] as const;
  for (const k of nullable) if (!isStrOrNull(v[k])) fail(`docs[${i}].${k} is not a string or null`);
  if (!isStrArray(v.sourceLines)) fail(`docs[${i}].sourceLines is not a list of strings`);
  for (const k of ['chars', 'paragraphCount', 'appendedCount'] as const) {
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k])) fail(`docs[${i}].${k} is not a number`);
  }
  return v as unknown as DocMeta;
}

/** A uint32 array of the index: base64 in index.json, a Uint32Array already in a pack (src/corpus/pack.ts). */
function u32(v: unknown, count: number): Uint32Array {
  if (v instanceof Uint32Array) {
    if (v.length !== count) throw new Error(`expected ${count} values, found ${v.length}`);
    return v;
  }
  if (!isStr(v)) throw new Error('not an array of numbers');
  return decodeU32(v, count);
}
const isU32 = (v: unknown): boolean => isStr(v) || v instanceof Uint32Array;

/**
 * How far the index's number arrays are checked: `whole`, every value (doc numbers in range, hashes
 * sorted, concept keys known), for a file read for the first time; `shape`, their types and lengths
 * only, for a pack file stored by the extension after an import that checked it whole and compared
 * its checksum (at 100,000 articles the values are 18 million numbers, 100 ms of a worker's start).
 */
export type IndexCheck = 'whole' | 'shape';

function checkPostings(v: unknown, name: string, ndocs: number, check: IndexCheck = 'whole'): Postings {
  if (!isObj(v) || !isU32(v.hashes) || !isU32(v.docs) || typeof v.count !== 'number') fail(`${name} is missing or malformed`);
  let p: Postings;
  try {
    p = { hashes: u32(v.hashes, v.count), docs: u32(v.docs, v.count) };
  } catch (e) {
    fail(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (check === 'shape') return p;
  for (let i = 0; i < p.docs.length; i++) {
    if (p.docs[i]! >= ndocs) fail(`${name} refers to doc ${p.docs[i]} of ${ndocs}`);
    if (i > 0 && p.hashes[i]! < p.hashes[i - 1]!) fail(`${name} is not sorted`);
  }
  return p;
}

/** One article's text, checked (a texts.json entry or a pack's block). */
export function checkDocText(t: unknown, id: string): DocText {
  if (!isObj(t) || !isStrArray(t.paragraphs) || !Array.isArray(t.appended)) {
    throw new Error(`damaged corpus texts: no text for ${id}`);
  }
  const appended = t.appended.map((p: unknown): AppendedPiece => {
    if (!isObj(p) || !isStrOrNull(p.title) || !isStrArray(p.paragraphs) || !isStrArray(p.sourceLines)) {
      throw new Error(`damaged corpus texts: appended material of ${id}`);
    }
    return { title: p.title, paragraphs: p.paragraphs, sourceLines: p.sourceLines };
  });
  return { paragraphs: t.paragraphs, appended };
}

function checkTexts(v: unknown, docs: DocMeta[]): Map<string, DocText> {
  if (!isObj(v) || v.format !== 'reprint-lens-corpus-texts' || v.version !== 1 || !isObj(v.texts)) {
    throw new Error('damaged corpus texts: not a reprint-lens texts file (format/version)');
  }
  // own properties only: JSON.parse makes "__proto__" an own key like any other, while a missing
  // "constructor" or "toString" must not be found on Object.prototype
  const all = new Map(Object.entries(v.texts));
  const out = new Map<string, DocText>();
  for (const d of docs) out.set(d.id, checkDocText(all.get(d.id), d.id));
  return out;
}

/** The concept table, when the index has one (see CompiledIndex.concepts). */
function checkConcepts(v: unknown, ndocs: number, check: IndexCheck): ConceptIndex | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v) || !isU32(v.keys) || !isU32(v.df) || !isCount(v.keyCount) || !isCount(v.articles)) fail('concepts is malformed');
  const postings = checkPostings(v, 'concepts', ndocs, check);
  let keys: Uint32Array;
  let df: Uint32Array;
  let norms: Uint32Array | undefined;
  try {
    keys = u32(v.keys, v.keyCount);
    df = u32(v.df, v.keyCount);
    // absent in an index built before the norms were kept: summed from the postings (conceptIndex)
    if (v.norms !== undefined) norms = u32(v.norms, ndocs);
  } catch (e) {
    fail(`concepts: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (check === 'whole') {
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i]! <= keys[i - 1]!) fail('concepts keys are not sorted');
      if (df[i]! < 1 || df[i]! > v.articles) fail('concepts df is out of range');
    }
    const hashes = postings.hashes;
    for (let i = 0, k = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      while (k < keys.length && keys[k]! < h) k++;
      if (keys[k] !== h) fail('concepts postings name a key without its df');
    }
  }
  return conceptIndex({ postings, keys, df, ...(norms ? { norms } : {}) }, v.articles, ndocs);
}

/** The stock text to verify with: the shipped table, and the corpus's own when the index has one. */
function checkStock(v: unknown): StockTable {
  if (v === undefined) return zhNewsStock();
  if (!isObj(v) || v.k !== STOCK_K || !isStr(v.data)) fail('stock is malformed');
  try {
    return unionStock(zhNewsStock(), decodeStockTable(v.data));
  } catch (e) {
    fail(`stock: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The key of a pair of articles in CompiledTexts.alignments: the two ids in order, whichever is given first. */
export function alignmentKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The stored alignments of texts.json by key; none in a file written before they existed. */
function checkAlignments(v: unknown, byId: Map<string, number>): Map<string, StoredAlignment> {
  const all = isObj(v) ? v.alignments : undefined;
  return all === undefined ? new Map() : checkAlignmentMap(all, byId);
}

/** Alignments keyed "a|b" (texts.json's, a pack header's), checked against the articles. */
export function checkAlignmentMap(all: unknown, byId: Map<string, number>): Map<string, StoredAlignment> {
  const out = new Map<string, StoredAlignment>();
  if (!isObj(all)) throw new Error('damaged corpus texts: alignments is not an object');
  for (const [key, al] of Object.entries(all)) {
    const ok =
      isObj(al) &&
      isStr(al.zh) &&
      isStr(al.en) &&
      byId.has(al.zh) &&
      byId.has(al.en) &&
      typeof al.banded === 'boolean' &&
      Array.isArray(al.sentences) &&
      al.sentences.length === 2 &&
      al.sentences.every(isCount) &&
      Array.isArray(al.beads) &&
      al.beads.every((b: unknown) => Array.isArray(b) && b.length === 3 && isCount(b[0]) && isCount(b[1]) && typeof b[2] === 'number');
    if (!ok) throw new Error(`damaged corpus texts: alignment ${key}`);
    const a = al as unknown as StoredAlignment;
    out.set(alignmentKey(a.zh, a.en), a);
  }
  return out;
}

/** The index part of a corpus (everything but the texts), checked. */
type IndexPart = Pick<Corpus, 'docs' | 'byId' | 'postings' | 'anchors' | 'concepts' | 'relations' | 'stock' | 'resolve'>;

function loadIndex(index: unknown, check: IndexCheck = 'whole'): IndexPart {
  if (!isObj(index) || index.format !== 'reprint-lens-corpus-index') fail('not a reprint-lens corpus index');
  if (index.version !== 1) fail(`unsupported version ${String(index.version)}`);
  if (index.fingerprint !== FINGERPRINT_VERSION) {
    throw new Error(`corpus index was built with fingerprints ${String(index.fingerprint)}, this code uses ${FINGERPRINT_VERSION}: rebuild it (corpus build)`);
  }
  if (!Array.isArray(index.docs)) fail('docs is not a list');
  const docs = index.docs.map(checkDoc);
  const byId = new Map<string, number>();
  docs.forEach((d, i) => {
    if (byId.has(d.id)) fail(`duplicate id ${d.id}`);
    byId.set(d.id, i);
  });
  const postings = checkPostings(index.postings, 'postings', docs.length, check);
  const anchors = checkPostings(index.anchors, 'anchors', docs.length, check);
  if (!Array.isArray(index.relations)) fail('relations is not a list');
  const relations = index.relations.map((r: unknown, i): DocRelation => {
    if (!isObj(r) || !isStr(r.a) || !isStr(r.b) || !byId.has(r.a) || !byId.has(r.b)) fail(`relations[${i}] names an unknown article`);
    if (!isStr(r.relation) || !RELATIONS.has(r.relation) || typeof r.similarity !== 'number') fail(`relations[${i}] is malformed`);
    return r as unknown as DocRelation;
  });
  const stock = checkStock(index.stock);
  const concepts = checkConcepts(index.concepts, docs.length, check);
  return {
    docs,
    byId,
    postings,
    anchors,
    ...(concepts ? { concepts } : {}),
    relations,
    stock,
    resolve(idOrPrefix: string): string | null {
      if (byId.has(idOrPrefix)) return idOrPrefix;
      const hits = docs.filter((d) => d.id.startsWith(idOrPrefix));
      return hits.length === 1 ? hits[0]!.id : null;
    },
  };
}

/** Texts read one article at a time (a pack) are kept for this many articles, the least recently used dropped first. */
const KEPT_TEXTS = 4000;

/**
 * A corpus whose texts are read one article at a time (a corpus pack): `read` gives an article's
 * checked text by id and doc number, at once or as a promise; loadTexts(ids) reads those not yet
 * in memory. The alignments (texts.json's, a pack header's, keyed "a|b") are checked and known from the start.
 */
export function loadCorpusPerArticle(index: unknown, read: (id: string, doc: number) => DocText | Promise<DocText>, storedAlignments: unknown, check: IndexCheck = 'whole'): Corpus {
  const part = loadIndex(index, check);
  const alignments = checkAlignmentMap(storedAlignments, part.byId);
  const kept = new Map<string, DocText>();
  const keep = (id: string, t: DocText): DocText => {
    kept.delete(id);
    kept.set(id, t);
    if (kept.size > KEPT_TEXTS) kept.delete(kept.keys().next().value!);
    return t;
  };
  const pending = new Map<string, Promise<void>>();
  const docNo = (id: string): number => {
    const n = part.byId.get(id);
    if (n === undefined) throw new Error(`no article ${id} in the corpus`);
    return n;
  };
  const loadOne = (id: string): Promise<void> => {
    if (kept.has(id)) return Promise.resolve();
    let p = pending.get(id);
    if (!p) {
      p = Promise.resolve(read(id, docNo(id)))
        .then((t) => void keep(id, t))
        .finally(() => pending.delete(id));
      pending.set(id, p);
    }
    return p;
  };
  return {
    ...part,
    textsLoaded: (ids) => (ids ?? part.docs.map((d) => d.id)).every((id) => kept.has(id)),
    async loadTexts(ids) {
      await Promise.all((ids ?? part.docs.map((d) => d.id)).map(loadOne));
    },
    text(id: string): DocText {
      const t = kept.get(id);
      if (t) return keep(id, t);
      const v = read(id, docNo(id));
      if (v instanceof Promise) {
        v.catch(() => undefined); // the caller is told to await loadTexts(), which reports the error
        throw new Error(`the text of ${id} is not loaded yet: await corpus.loadTexts([id]) first`);
      }
      return keep(id, v);
    },
    alignment: (a, b) => alignments.get(alignmentKey(a, b)) ?? null,
  };
}

/**
 * A corpus from its compiled index (parsed JSON) and a function giving its texts (parsed JSON, or a
 * promise of it). The texts are read only when first needed. Throws a clear Error on a damaged index.
 */
export function loadCorpus(index: unknown, readTexts: () => Promise<unknown> | unknown): Corpus {
  const part = loadIndex(index);
  const { docs, byId } = part;

  let texts: Map<string, DocText> | null = null;
  let alignments = new Map<string, StoredAlignment>();
  let pending: Promise<void> | null = null;
  const begin = (v: unknown): Promise<void> => {
    pending = Promise.resolve(v)
      .then((json) => {
        const checked = checkTexts(json, docs);
        alignments = checkAlignments(json, byId);
        texts = checked;
      })
      .catch((e: unknown) => {
        pending = null; // a failed fetch may succeed next time
        throw e;
      });
    return pending;
  };
  const notLoaded = (): Error => new Error('corpus texts are not loaded yet: await corpus.loadTexts() first');

  const corpus: Corpus = {
    ...part,
    textsLoaded: () => texts !== null,
    loadTexts(): Promise<void> {
      if (texts) return Promise.resolve();
      return pending ?? begin(readTexts());
    },
    text(id: string): DocText {
      let loaded = texts;
      if (!loaded) {
        if (pending) throw notLoaded();
        const v = readTexts();
        if (isObj(v) && typeof v.then === 'function') {
          begin(v).catch(() => undefined); // the caller is told to await loadTexts(), which reports the error
          throw notLoaded();
        }
        loaded = checkTexts(v, docs);
        alignments = checkAlignments(v, byId);
        texts = loaded;
      }
      const t = loaded.get(id);
      if (!t) throw new Error(`no article ${id} in the corpus`);
      return t;
    },
    alignment(a: string, b: string): StoredAlignment | null {
      if (!texts && byId.has(a)) corpus.text(a); // loads them as text() does, or says they must be awaited
      return alignments.get(alignmentKey(a, b)) ?? null;
    },
  };
  return corpus;
}
