// The reader's own corpus: articles kept from pages with "add this page to my corpus", stored in
// browser.storage.local and matched like the bundled ones. They are compiled with the same
// compiler (same fingerprints, same relations) into a second, small corpus held in memory; the
// bundled index is never rebuilt.
//
// Storage is treated as fallible: a full quota rejects a write, and stored data can be damaged
// (an older version, a hand edit, a crash mid-write in some browsers). So every change builds the
// new state first and writes it once; the state in memory changes only after the write succeeded.
// Damaged data is detected at load, the valid entries are kept and a notice says what was left out.
// An import is validated completely before anything is merged, and only adds: what is already
// there is never replaced or lost.
//
// No browser API here: the storage area is passed in, so all of this runs under Node in tests.
import { compileDocs } from '../corpus/compile';
import { loadCorpus } from '../corpus/load';
import type { Corpus, CorpusDoc } from '../corpus/types';
import { declaredIn } from '../core/provenance';
import type { Article } from '../core/types';

/** The part of storage.local this module uses (browser.storage.local satisfies it). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** One kept article. */
export interface UserDoc {
  /** user-<hash of the text>: the same text added twice is one article. */
  id: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  /** The canonical address the page declared, else its address. */
  url: string | null;
  /** The address the reader was on when adding it: visiting it again re-checks the page even when it is off topic. */
  pageUrl: string | null;
  lang: string;
  paragraphs: string[];
  sourceLines: string[];
  /** When it was added, ISO. */
  added: string;
}

/** What storage holds, and what export writes and import reads: the same shape. */
export interface UserCorpusFile {
  format: typeof FORMAT;
  version: 1;
  docs: UserDoc[];
}

export const STORAGE_KEY = 'userCorpus';
export const FORMAT = 'reprint-lens-user-corpus';
/** Bounds that keep one article, and the whole corpus, within what storage and matching handle well. */
export const LIMITS = { docs: 1000, chars: 500_000, paragraphs: 10_000, field: 2_000 };

/** A failure to show the reader as is: what went wrong and, for data, where. */
export class UserCorpusError extends Error {}

// ---------------------------------------------------------------- checking

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, what: string): never {
  throw new UserCorpusError(`${where}: ${what}`);
}
function str(v: unknown, where: string, max = LIMITS.field): string {
  if (typeof v !== 'string') fail(where, 'must be text');
  if (v.length > max) fail(where, `is longer than ${max} characters`);
  return v;
}
function strOrNull(v: unknown, where: string): string | null {
  return v === null || v === undefined ? null : str(v, where);
}
function strList(v: unknown, where: string, maxItems: number, maxLen: number): string[] {
  if (!Array.isArray(v)) fail(where, 'must be a list of texts');
  if (v.length > maxItems) fail(where, `has more than ${maxItems} entries`);
  return v.map((x, i) => str(x, `${where}[${i}]`, maxLen));
}

/** FNV-1a over the text, twice with different offsets: 64 bits are plenty to tell articles apart. */
function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The id an article's text gets: whitespace does not make a second copy of the same text. */
export function userDocId(paragraphs: readonly string[]): string {
  return `user-${textHash(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).join('\n'))}`;
}

/** Checks one stored or imported article and returns a clean copy (extra fields dropped, id recomputed). */
export function checkUserDoc(v: unknown, where: string): UserDoc {
  if (!isObj(v)) fail(where, 'must be an object');
  const paragraphs = strList(v.paragraphs, `${where}.paragraphs`, LIMITS.paragraphs, LIMITS.chars).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) fail(`${where}.paragraphs`, 'has no text');
  if (paragraphs.reduce((n, p) => n + p.length, 0) > LIMITS.chars) fail(`${where}.paragraphs`, `is longer than ${LIMITS.chars} characters in all`);
  const lang = str(v.lang, `${where}.lang`, 20);
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$|^und$/.test(lang)) fail(`${where}.lang`, `is not a language code (${lang.slice(0, 20)})`);
  const added = str(v.added ?? new Date(0).toISOString(), `${where}.added`, 40);
  return {
    id: userDocId(paragraphs),
    title: str(v.title, `${where}.title`),
    byline: strOrNull(v.byline, `${where}.byline`),
    siteName: strOrNull(v.siteName, `${where}.siteName`),
    published: strOrNull(v.published, `${where}.published`),
    url: strOrNull(v.url, `${where}.url`),
    pageUrl: strOrNull(v.pageUrl, `${where}.pageUrl`),
    lang,
    paragraphs,
    sourceLines: strList(v.sourceLines ?? [], `${where}.sourceLines`, 100, LIMITS.field),
    added,
  };
}

/** A page's article as an entry of the reader's corpus. */
export function userDocFromArticle(article: Article, pageUrl: string, now: Date = new Date()): UserDoc {
  if (article.paragraphs.every((p) => p.trim() === '')) throw new UserCorpusError('this page has no article text to keep');
  return checkUserDoc({ ...article, pageUrl, added: now.toISOString() }, 'this page');
}

// ---------------------------------------------------------------- stored data and import files

export interface Loaded {
  docs: UserDoc[];
  /** Set when stored data was damaged: what was left out. */
  notice: string | null;
}

/** Reads stored data, keeping every valid entry of damaged data and saying what was left out. */
export function recover(stored: unknown): Loaded {
  if (stored === undefined || stored === null) return { docs: [], notice: null };
  let v: unknown = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      return { docs: [], notice: 'Your saved articles could not be read (damaged data) and were set aside: the list starts empty.' };
    }
  }
  if (!isObj(v) || !Array.isArray(v.docs)) {
    return { docs: [], notice: 'Your saved articles were not in a form this version can read and were set aside: the list starts empty.' };
  }
  const docs: UserDoc[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  v.docs.forEach((d, i) => {
    try {
      const doc = checkUserDoc(d, `article ${i + 1}`);
      if (!seen.has(doc.id)) docs.push(doc);
      seen.add(doc.id);
    } catch (e) {
      problems.push((e as Error).message);
    }
  });
  if (problems.length === 0) return { docs, notice: null };
  return {
    docs,
    notice: `${problems.length} of your ${v.docs.length} saved articles were damaged and left out (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '; …' : ''}). The other ${docs.length} are kept.`,
  };
}

/**
 * The articles of an export file, or an error naming the first problem and where it is. All or
 * nothing: one bad entry rejects the file, so a reader never ends up with half an import.
 */
export function parseImport(text: string): UserDoc[] {
  let v: unknown;
  try {
    v = JSON.parse(text) as unknown;
  } catch (e) {
    throw new UserCorpusError(`the file is not JSON (${(e as Error).message})`);
  }
  if (!isObj(v) || v.format !== FORMAT) throw new UserCorpusError(`the file is not a Reprint Lens export (its "format" should be "${FORMAT}")`);
  if (v.version !== 1) throw new UserCorpusError(`the file is version ${String(v.version)}; this version reads version 1`);
  if (!Array.isArray(v.docs)) throw new UserCorpusError('the file has no "docs" list');
  if (v.docs.length > LIMITS.docs) throw new UserCorpusError(`the file has ${v.docs.length} articles; at most ${LIMITS.docs} can be kept`);
  return v.docs.map((d, i) => checkUserDoc(d, `article ${i + 1} ("docs[${i}]")`));
}

export function toFile(docs: readonly UserDoc[]): UserCorpusFile {
  return { format: FORMAT, version: 1, docs: [...docs] };
}

// ---------------------------------------------------------------- compiling

function asCorpusDoc(d: UserDoc): CorpusDoc {
  const declared = declaredIn(d.sourceLines);
  return {
    id: d.id,
    title: d.title,
    byline: d.byline,
    siteName: d.siteName ?? declared.declaredSource,
    published: d.published,
    url: d.url,
    lang: d.lang,
    paragraphs: d.paragraphs,
    sourceLines: d.sourceLines,
    originalTitle: declared.originalTitle,
    declaredSource: declared.declaredSource,
    titleDerived: false,
    appended: [],
    format: 'plain',
  };
}

/** The reader's articles as a corpus, compiled like the bundled one; null when there are none. */
export function compileUserCorpus(docs: readonly UserDoc[]): Corpus | null {
  if (docs.length === 0) return null;
  const { index, texts } = compileDocs(docs.map(asCorpusDoc));
  const corpus = loadCorpus(index, () => texts);
  void corpus.text(docs[0]!.id); // texts are in memory already: load them now so matching never waits
  return corpus;
}

// ---------------------------------------------------------------- the store

export interface ImportResult {
  added: number;
  /** Articles of the file that were already kept (same text). */
  skipped: number;
}

function quotaMessage(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return `not saved: the browser refused to store it (${why}). The storage for this extension may be full; your saved articles are unchanged — remove some to make room.`;
}

/**
 * The reader's corpus over a storage area. Changes are serialised (two adds at once would
 * otherwise each write the list without the other's article) and written once each.
 */
export class UserCorpusStore {
  private state: Loaded | null = null;
  private compiled: { docs: readonly UserDoc[]; corpus: Corpus | null } | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: StorageArea) {}

  /** The kept articles, and a notice when stored data was damaged. Read from storage once. */
  async load(): Promise<Loaded> {
    if (!this.state) {
      let stored: unknown;
      try {
        stored = (await this.storage.get(STORAGE_KEY))[STORAGE_KEY];
      } catch (e) {
        throw new UserCorpusError(`your saved articles could not be read (${(e as Error).message})`);
      }
      this.state ??= recover(stored);
    }
    return this.state;
  }

  /** Forgets what was read, so the next load reads storage again (another context wrote to it). */
  invalidate(): void {
    this.state = null;
    this.compiled = null;
  }

  /** The kept articles compiled for matching (cached until they change). */
  async corpus(): Promise<Corpus | null> {
    const { docs } = await this.load();
    if (this.compiled?.docs !== docs) this.compiled = { docs, corpus: compileUserCorpus(docs) };
    return this.compiled.corpus;
  }

  /** Runs one change after the previous one, writing the new list once; memory changes only when the write succeeded. */
  private change<T>(make: (docs: UserDoc[]) => { docs: UserDoc[]; result: T }): Promise<T> {
    const run = async (): Promise<T> => {
      const current = await this.load();
      const { docs, result } = make([...current.docs]);
      if (docs.length > LIMITS.docs) throw new UserCorpusError(`not saved: at most ${LIMITS.docs} articles can be kept`);
      try {
        await this.storage.set({ [STORAGE_KEY]: toFile(docs) });
      } catch (e) {
        throw new UserCorpusError(quotaMessage(e));
      }
      this.state = { docs, notice: null }; // what is stored now is clean
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Keeps an article; an article already kept (same text) is not added twice. */
  add(doc: UserDoc): Promise<{ doc: UserDoc; added: boolean }> {
    return this.change<{ doc: UserDoc; added: boolean }>((docs) => {
      const known = docs.find((d) => d.id === doc.id);
      return known ? { docs, result: { doc: known, added: false } } : { docs: [...docs, doc], result: { doc, added: true } };
    });
  }

  remove(id: string): Promise<boolean> {
    return this.change((docs) => {
      const kept = docs.filter((d) => d.id !== id);
      return { docs: kept, result: kept.length < docs.length };
    });
  }

  /** Adds the articles of an export file that are not kept yet. The file is checked whole first: on any error nothing changes. */
  async import(text: string): Promise<ImportResult> {
    const incoming = parseImport(text); // rejects before anything is queued
    return this.change((docs) => {
      const known = new Set(docs.map((d) => d.id));
      let added = 0;
      for (const d of incoming) {
        if (known.has(d.id)) continue;
        known.add(d.id);
        docs.push(d);
        added++;
      }
      return { docs, result: { added, skipped: incoming.length - added } };
    });
  }

  /** The export file's text. */
  async export(): Promise<string> {
    return `${JSON.stringify(toFile((await this.load()).docs), null, 2)}\n`;
  }
}
