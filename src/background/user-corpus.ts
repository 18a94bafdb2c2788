// The reader's own corpus: articles kept from pages with "add this page to my corpus", stored in
// IndexedDB (../corpus/user-records.ts: one record per article) and matched like the bundled ones.
// They are compiled with the same compiler (same fingerprints, same relations) into in-memory
// corpora of up to CHUNK articles each; the bundled index is never rebuilt.
//
// Storage is treated as fallible: a full disk rejects a write, and stored data can be damaged
// (an older version, a hand edit). So every change builds the new state first and writes it as
// one transaction; the state in memory changes only after it committed.
// Damaged data is detected at load, the valid entries are kept and a notice says what was left out.
// An import is validated completely before anything is merged, and only adds: what is already
// there is never replaced or lost.
//
// No extension API here: the records and storage.local are passed in, so all of this runs under
// Node in tests (with fake-indexeddb).
import { compileDocs } from '../corpus/compile';
import { loadCorpus } from '../corpus/load';
import type { Corpus } from '../core/index/types';
import type { CorpusDoc } from '../corpus/types';
import { declaredIn } from '../core/compare/provenance';
import type { Article } from '../core/types';
import type { Lexicon } from '../core/text/lexicon';
import type { Problem } from '../messages';
import type { CompiledChunk, UserChange, UserRecords, UserRecordsRead } from '../corpus/user-records';

/** The part of storage.local this module uses (browser.storage.local satisfies it). */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
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

/** What export writes and import reads (and what storage.local held): the same shape. */
export interface UserCorpusFile {
  format: typeof FORMAT;
  version: 1;
  docs: UserDoc[];
  /** In the old storage.local slots only: counted the writes, so the newer of the two slots is known without the head. */
  seq?: number;
}

/**
 * Where versions before 2026-12-06 kept the reader's corpus in storage.local, read once to move it
 * (UserCorpusStore.move): a change was written to the slot the head did not name, then the head
 * was switched to it; what could not be read was kept under ASIDE_KEY. LEGACY_KEY is the
 * single-key form of still earlier versions.
 */
export const LEGACY_KEY = 'userCorpus';
export const HEAD_KEY = 'userCorpusHead';
export const SLOT_KEYS = { a: 'userCorpus.a', b: 'userCorpus.b' } as const;
export const ASIDE_KEY = 'userCorpusSetAside';
/** Every old key of the reader's corpus (a change to any of them means: read again, and move them if nothing was moved yet). */
export const STORAGE_KEYS: readonly string[] = [HEAD_KEY, SLOT_KEYS.a, SLOT_KEYS.b, LEGACY_KEY, ASIDE_KEY];
export const FORMAT = 'reprint-lens-user-corpus';
/** Bounds that keep one article, and the whole corpus, within what storage and matching handle well. */
export const LIMITS = { docs: 20_000, chars: 500_000, paragraphs: 10_000, field: 2_000 };

/** A failure to show the reader as is: what went wrong and, for data, where; `problem` says it again for the interface to put in the reader's language. */
export class UserCorpusError extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** Where in a file or a kept list a value is: article n (0: the page being kept) and its JSON path. */
interface At {
  where: string;
  n: number;
  path: string;
}
const field = (at: At, name: string): At => ({ where: `${at.where}.${name}`, n: at.n, path: at.path ? `${at.path}.${name}` : name });
const item = (at: At, i: number): At => ({ where: `${at.where}[${i}]`, n: at.n, path: `${at.path}[${i}]` });

// ---------------------------------------------------------------- checking

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(at: At, what: string, key: string, ...values: Array<string | number>): never {
  throw new UserCorpusError(`${at.where}: ${what}`, { key: `importProblem_${key}`, values, at: { n: at.n, path: at.path } });
}
function str(v: unknown, at: At, max = LIMITS.field): string {
  if (typeof v !== 'string') fail(at, 'must be text', 'text');
  if (v.length > max) fail(at, `is longer than ${max} characters`, 'long', max);
  return v;
}
function strOrNull(v: unknown, at: At): string | null {
  return v === null || v === undefined ? null : str(v, at);
}
function strList(v: unknown, at: At, maxItems: number, maxLen: number): string[] {
  if (!Array.isArray(v)) fail(at, 'must be a list of texts', 'list');
  if (v.length > maxItems) fail(at, `has more than ${maxItems} entries`, 'many', maxItems);
  return v.map((x, i) => str(x, item(at, i), maxLen));
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

/**
 * Checks one stored or imported article and returns a clean copy (extra fields dropped, id
 * recomputed). `n` is its number in its list (0: the page being kept), `path` its place in the file.
 */
export function checkUserDoc(v: unknown, n: number, path = ''): UserDoc {
  const at: At = { where: n === 0 ? 'this page' : path ? `article ${n} ("${path}")` : `article ${n}`, n, path };
  if (!isObj(v)) fail(at, 'must be an object', 'object');
  const paragraphs = strList(v.paragraphs, field(at, 'paragraphs'), LIMITS.paragraphs, LIMITS.chars).filter((p) => p.trim() !== '');
  if (paragraphs.length === 0) fail(field(at, 'paragraphs'), 'has no text', 'empty');
  if (paragraphs.reduce((k, p) => k + p.length, 0) > LIMITS.chars) fail(field(at, 'paragraphs'), `is longer than ${LIMITS.chars} characters in all`, 'long', LIMITS.chars);
  const lang = str(v.lang, field(at, 'lang'), 20);
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$|^und$/.test(lang)) fail(field(at, 'lang'), `is not a language code (${lang.slice(0, 20)})`, 'lang', lang.slice(0, 20));
  const added = str(v.added ?? new Date(0).toISOString(), field(at, 'added'), 40);
  return {
    id: userDocId(paragraphs),
    title: str(v.title, field(at, 'title')),
    byline: strOrNull(v.byline, field(at, 'byline')),
    siteName: strOrNull(v.siteName, field(at, 'siteName')),
    published: strOrNull(v.published, field(at, 'published')),
    url: strOrNull(v.url, field(at, 'url')),
    pageUrl: strOrNull(v.pageUrl, field(at, 'pageUrl')),
    lang,
    paragraphs,
    sourceLines: strList(v.sourceLines ?? [], field(at, 'sourceLines'), 100, LIMITS.field),
    added,
  };
}

/** A page's article as an entry of the reader's corpus. */
export function userDocFromArticle(article: Article, pageUrl: string, now: Date = new Date()): UserDoc {
  if (article.paragraphs.every((p) => p.trim() === '')) throw new UserCorpusError('this page has no article text to keep', { key: 'importProblem_nothingToKeep', values: [] });
  return checkUserDoc({ ...article, pageUrl, added: now.toISOString() }, 0);
}

// ---------------------------------------------------------------- stored data and import files

/** Something storage held that this version could not read: kept aside as it was, until the reader deletes it. */
export interface SetAside {
  /** A hash of where it came from and what it is: the same damaged entry found twice is kept once. */
  id: string;
  /** One damaged article of a list, or a whole stored list that could not be read. */
  kind: 'article' | 'store';
  /** The storage key it was found under. */
  from: string;
  /** Why it could not be read. */
  reason: string;
  /** When it was found, ISO. */
  found: string;
  /** The stored value, exactly as it was. */
  value: unknown;
}

export interface Loaded {
  docs: UserDoc[];
  /** Set when stored data was damaged or made by a newer version: what was left out, and why. */
  notice: string | null;
  /** Stored by a newer format version: this version reads what it can and writes nothing. */
  newer?: boolean;
  /** What could not be read: kept aside, listed on the options page, deleted only by the reader. */
  setAside?: SetAside[];
}

/** What reading one stored list gave: its articles, what could not be read in it, and whether a newer version made it. */
interface ReadList {
  docs: UserDoc[];
  aside: SetAside[];
  newer: boolean;
  /** Damaged entries, for the notice. */
  problems: string[];
  total: number;
  /** The write counter of a slot (0 for the old single-key format). */
  seq: number;
  /** The whole list could not be read. */
  unreadable: string | null;
}

function asideOf(kind: SetAside['kind'], from: string, reason: string, value: unknown, now: Date): SetAside {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return { id: `aside-${textHash(`${kind}\n${from}\n${text}`)}`, kind, from, reason, found: now.toISOString(), value };
}

const newerVersion = (v: Record<string, unknown>): boolean => typeof v.version === 'number' && v.version > 1;

/** Reads one stored list (any shape storage may hold), keeping every valid entry and setting the rest aside. */
function readList(stored: unknown, from: string, now: Date): ReadList {
  const out: ReadList = { docs: [], aside: [], newer: false, problems: [], total: 0, seq: 0, unreadable: null };
  if (stored === undefined || stored === null) return out;
  let v: unknown = stored;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v) as unknown;
    } catch {
      out.unreadable = 'damaged data (not complete JSON)';
      out.aside.push(asideOf('store', from, out.unreadable, stored, now));
      return out;
    }
  }
  if (isObj(v) && newerVersion(v)) {
    // a newer version's list: read what looks like articles, set nothing aside (it may all be valid there)
    out.newer = true;
    if (Array.isArray(v.docs)) {
      for (const [i, d] of v.docs.entries()) {
        try {
          out.docs.push(checkUserDoc(d, i + 1));
        } catch {
          // not readable by this version; it stays where it is, untouched
        }
      }
    }
    return out;
  }
  if (!isObj(v) || !Array.isArray(v.docs)) {
    out.unreadable = 'not in a form this version can read';
    out.aside.push(asideOf('store', from, out.unreadable, stored, now));
    return out;
  }
  out.total = v.docs.length;
  out.seq = typeof v.seq === 'number' && Number.isFinite(v.seq) ? v.seq : 0;
  const seen = new Set<string>();
  v.docs.forEach((d, i) => {
    try {
      const doc = checkUserDoc(d, i + 1);
      if (!seen.has(doc.id)) out.docs.push(doc);
      seen.add(doc.id);
    } catch (e) {
      out.problems.push((e as Error).message);
      out.aside.push(asideOf('article', from, (e as Error).message, d, now));
    }
  });
  return out;
}

function noticeOf(r: ReadList): string | null {
  if (r.newer) return `Your saved articles were made by a newer version of Reprint Lens. This version shows the ${r.docs.length} it can read and changes nothing: update the extension to add or remove articles.`;
  if (r.unreadable?.startsWith('damaged')) return 'Your saved articles could not be read (damaged data) and were set aside, as they were: the list starts empty.';
  if (r.unreadable) return 'Your saved articles were not in a form this version can read and were set aside, as they were: the list starts empty.';
  if (r.problems.length === 0) return null;
  const p = r.problems;
  return `${p.length} of your ${r.total} saved articles were damaged and set aside, as they were (${p.slice(0, 3).join('; ')}${p.length > 3 ? '; …' : ''}). The other ${r.docs.length} are kept.`;
}

/** Reads stored data in the single-list form, keeping every valid entry of damaged data and saying what was left out (and set aside). */
export function recover(stored: unknown, from = LEGACY_KEY, now: Date = new Date()): Loaded {
  const r = readList(stored, from, now);
  return { docs: r.docs, notice: noticeOf(r), newer: r.newer, setAside: r.aside };
}

/**
 * The offset where `text` stops being JSON, found by reading it as JSON's grammar does (the
 * parsers' own messages differ between browsers and V8's gives no position); text.length when it
 * ends too soon, -1 when it is valid.
 */
export function jsonBreak(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return;
    }
    // "tru" at the end is cut off, not wrong
    if (word.startsWith(text.slice(i))) i = text.length;
    fail();
  };
  const string = (): void => {
    i++; // the opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c === '\\') {
        i++;
        if (i >= text.length) break;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}/.test(text.slice(i + 1, i + 5))) return fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i]!)) i++;
        else fail();
      } else if (c < ' ') fail();
      else i++;
    }
    fail();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return Math.min(at as number, text.length);
  }
}

/**
 * Where a file that is not valid JSON goes wrong, in a reader's words: the line and column and the
 * text there, or that it ends too soon, rather than the parser's message.
 */
export function jsonProblem(text: string): string {
  return jsonError(text).message;
}

function jsonError(text: string): UserCorpusError {
  const e = (message: string, key: string, ...values: Array<string | number>) => new UserCorpusError(message, { key: `importProblem_${key}`, values });
  if (text.trim() === '') return e('the file is empty', 'emptyFile');
  const at = jsonBreak(text);
  if (at >= text.length) return e('the file ends before its JSON is complete (was it cut off?)', 'cutOff');
  if (at < 0) return e('the file is not JSON', 'notJson');
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const there = text.slice(at, at + 24).replace(/\s+/g, ' ');
  return e(`the file is not JSON: it goes wrong at line ${line}, column ${column} ("${there}")`, 'notJsonAt', line, column, there);
}

/**
 * The articles of an export file, or an error naming the first problem and where it is. All or
 * nothing: one bad entry rejects the file, so a reader never ends up with half an import.
 */
export function parseImport(text: string): UserDoc[] {
  let v: unknown;
  try {
    v = JSON.parse(text) as unknown;
  } catch {
    throw jsonError(text);
  }
  const e = (message: string, key: string, ...values: Array<string | number>) => new UserCorpusError(message, { key: `importProblem_${key}`, values });
  if (!isObj(v) || v.format !== FORMAT) throw e(`the file is not a Reprint Lens export (its "format" should be "${FORMAT}")`, 'format', FORMAT);
  if (v.version !== 1) throw e(`the file is version ${String(v.version)}; this version reads version 1`, 'version', String(v.version).slice(0, 20));
  if (!Array.isArray(v.docs)) throw e('the file has no "docs" list', 'noDocs');
  if (v.docs.length > LIMITS.docs) throw e(`the file has ${v.docs.length} articles; at most ${LIMITS.docs} can be kept`, 'tooMany', v.docs.length, LIMITS.docs);
  return v.docs.map((d, i) => checkUserDoc(d, i + 1, `docs[${i}]`));
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

/** The texts of some kept articles, in the form a compiled corpus reads them. */
const textsOf = (docs: readonly UserDoc[], alignments: unknown) => ({
  format: 'reprint-lens-corpus-texts',
  version: 1,
  texts: Object.fromEntries(docs.map((d) => [d.id, { paragraphs: d.paragraphs, appended: [] }])),
  ...(alignments ? { alignments } : {}),
});

/**
 * Some of the reader's articles as a corpus, compiled like the bundled one (with the dictionary,
 * translations are related and retrieved by meaning as there), with what to store of it; null
 * when there are none.
 */
export function compileUserCorpus(docs: readonly UserDoc[], lexicon: Lexicon | null = null): { corpus: Corpus; index: unknown; alignments: unknown } | null {
  if (docs.length === 0) return null;
  const { index, texts } = compileDocs(docs.map(asCorpusDoc), { lexicon });
  const corpus = loadCorpus(index, () => texts);
  void corpus.text(docs[0]!.id); // texts are in memory already: load them now so matching never waits
  return { corpus, index, alignments: texts.alignments ?? null };
}

/** A part compiled before (stored), over the articles it was compiled from; null when it cannot be read. */
function storedCorpus(chunk: CompiledChunk, docs: readonly UserDoc[]): Corpus | null {
  try {
    const corpus = loadCorpus(chunk.index, () => textsOf(docs, chunk.alignments));
    void corpus.text(docs[0]!.id);
    return corpus.docs.length === docs.length && docs.every((d) => corpus.byId.has(d.id)) ? corpus : null;
  } catch {
    return null; // damaged, or from a build this one cannot read: compiled again
  }
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

export const NEWER_MESSAGE =
  'not saved: your saved articles were made by a newer version of Reprint Lens. This version reads them but never rewrites them; update the extension to add, remove or import articles.';

type Slot = keyof typeof SLOT_KEYS;

/** What storage.local held (the versions before 2026-12-06): read once, to move it into the records. */
interface OldState extends Loaded {
  newer: boolean;
  setAside: SetAside[];
}

const isSlot = (v: unknown): v is Slot => v === 'a' || v === 'b';

/** Reads every storage.local key of the reader's corpus (single key, two slots and a head, the set-aside list) into one state. */
function readOldState(raw: Record<string, unknown>, now: Date): OldState {
  const aside: SetAside[] = [];
  let newer = false;
  const kept = raw[ASIDE_KEY];
  if (kept !== undefined) {
    if (isObj(kept) && newerVersion(kept)) newer = true;
    else if (isObj(kept) && Array.isArray(kept.entries) && kept.entries.every((e) => isObj(e) && typeof e.id === 'string')) aside.push(...(kept.entries as SetAside[]));
    else aside.push(asideOf('store', ASIDE_KEY, 'the list of set-aside data could not be read', kept, now));
  }
  const head = raw[HEAD_KEY];
  let r: ReadList;
  let notice: string | null = null;
  if (head === undefined) {
    r = readList(raw[LEGACY_KEY], LEGACY_KEY, now);
  } else if (isObj(head) && newerVersion(head)) {
    r = isSlot(head.slot) ? readList(raw[SLOT_KEYS[head.slot]], SLOT_KEYS[head.slot], now) : readList(undefined, HEAD_KEY, now);
    r.newer = true;
  } else {
    // the head names the current slot; if it is damaged, the slot with the higher write count is
    const lists = { a: readList(raw[SLOT_KEYS.a], SLOT_KEYS.a, now), b: readList(raw[SLOT_KEYS.b], SLOT_KEYS.b, now) };
    const named = isObj(head) && isSlot(head.slot) ? head.slot : null;
    const slot: Slot = named ?? (lists.a.seq >= lists.b.seq ? 'a' : 'b');
    r = lists[slot];
    if (r.unreadable || raw[SLOT_KEYS[slot]] === undefined) {
      // the current list cannot be read at all: it is set aside, and the previous one (the other slot) is used
      const other: Slot = slot === 'a' ? 'b' : 'a';
      if (!lists[other].unreadable && raw[SLOT_KEYS[other]] !== undefined && !lists[other].newer) {
        aside.push(...r.aside);
        r = lists[other];
        notice = 'Your latest saved list could not be read and was set aside, as it was; the list before it is shown, so the last change may be missing.';
      }
    }
  }
  newer ||= r.newer;
  if (!newer) aside.push(...r.aside.filter((a) => !aside.some((b) => b.id === a.id)));
  return { docs: r.docs, notice: newer ? noticeOf({ ...r, newer: true }) : (notice ?? noticeOf(r)), newer, setAside: aside };
}

// ---------------------------------------------------------------- the store

/** The store's marker: its format, and where its articles came from when they were moved. */
interface Marker {
  format: string;
  version: 1;
  moved?: { from: 'storage.local'; at: string; articles: number; setAside: number };
}
const MARKER_FORMAT = `${FORMAT}-store`;
const asideFile = (entries: SetAside[]) => ({ format: `${FORMAT}-set-aside`, version: 1, entries });

/** Articles compiled together: a change compiles again only the part of the list it falls in. */
export const CHUNK = 1000;

/** Everything read, and what the next change must write too. */
interface State extends Loaded {
  newer: boolean;
  setAside: SetAside[];
  /** Found since the records were last written: the set-aside list, and the records to delete (set aside) or put again (under their right key), go with the next change. */
  pending: boolean;
  fix: { put: UserDoc[]; delete: string[] };
}

/** Reads the records into one state, checking every article: what cannot be read is set aside, never dropped. */
function readRecords(raw: UserRecordsRead, now: Date): State {
  const newer = isObj(raw.marker) && newerVersion(raw.marker);
  const aside: SetAside[] = [];
  let pending = false;
  const kept = raw.aside;
  if (kept !== undefined) {
    if (isObj(kept) && Array.isArray(kept.entries) && kept.entries.every((e) => isObj(e) && typeof e.id === 'string')) aside.push(...(kept.entries as SetAside[]));
    else if (!newer) {
      aside.push(asideOf('store', 'userMeta/setAside', 'the list of set-aside data could not be read', kept, now));
      pending = true;
    }
  }
  const docs: UserDoc[] = [];
  const fix: State['fix'] = { put: [], delete: [] };
  const problems: string[] = [];
  const seen = new Set<string>();
  raw.docs.forEach(({ key, value }, i) => {
    let doc: UserDoc;
    try {
      doc = checkUserDoc(value, i + 1);
    } catch (e) {
      if (newer) return; // a newer version's record: not this version's to judge, and it stays as it is
      problems.push((e as Error).message);
      const entry = asideOf('article', `userDocs/${key}`, (e as Error).message, value, now);
      if (!aside.some((a) => a.id === entry.id)) aside.push(entry);
      fix.delete.push(key);
      pending = true;
      return;
    }
    if (doc.id !== key) {
      // kept under another key (its text's id is the key): moved to its own with the next change
      fix.delete.push(key);
      if (!seen.has(doc.id) && !raw.docs.some((r) => r.key === doc.id)) fix.put.push(doc);
      pending ||= !newer;
    }
    if (seen.has(doc.id)) return;
    seen.add(doc.id);
    docs.push(doc);
  });
  docs.sort((a, b) => a.added.localeCompare(b.added) || a.id.localeCompare(b.id));
  const r: ReadList = { docs, aside: [], newer, problems, total: raw.docs.length, seq: 0, unreadable: null };
  return { docs, notice: noticeOf(r), newer, setAside: aside, pending: pending && !newer, fix };
}

/**
 * The reader's corpus over its records (user-records.ts: IndexedDB, one record per article).
 * Changes are serialised (two adds at once would otherwise each miss the other's article) and each
 * is one transaction; the state in memory changes only when it committed. Nothing the reader kept
 * is ever dropped: damaged records are set aside, and a newer version's store is never written.
 *
 * Moving from storage.local: the versions before 2026-12-06 kept the list in storage.local (one
 * key, later two slots and a head). When the records have no marker yet, that list is read as
 * those versions read it, written into the records with the marker in one transaction, and only
 * then removed from storage.local; a failed move leaves it where it was. Old keys found at a later
 * start (an older version ran in between) are moved the same way, adding what the records lack.
 */
export class UserCorpusStore {
  private state: State | null = null;
  private reading: Promise<State> | null = null;
  private compiled: { docs: readonly UserDoc[]; lexicon: Lexicon | null; chunks: Map<string, Corpus> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;
  /** Said once after the move, until the next change: what the old list held that could not be read. */
  private movedNotice: string | null = null;

  constructor(
    private readonly records: UserRecords,
    /** storage.local, where the versions before this one kept the list (null: nothing to move). */
    private readonly legacy: StorageArea | null = null,
    private readonly now: () => Date = () => new Date(),
    /** Names the code that compiles (the build): a part compiled by another build is compiled again. */
    private readonly build: string = 'dev',
  ) {}

  private async read(): Promise<State> {
    // a read that a change from elsewhere overtook (invalidate() during it) is read again,
    // or the store would keep what was stored before that change for as long as the worker lives
    while (!this.state) {
      const generation = this.generation;
      this.reading ??= this.readOnce().finally(() => (this.reading = null));
      const s = await this.reading;
      if (generation === this.generation) this.state ??= s;
    }
    return this.state;
  }

  private async readRaw(): Promise<UserRecordsRead> {
    try {
      return await this.records.read();
    } catch (e) {
      throw new UserCorpusError(`your saved articles could not be read (${(e as Error).message})`);
    }
  }

  private async readOnce(): Promise<State> {
    let raw = await this.readRaw();
    const fresh = raw.marker === undefined;
    if (fresh || !(isObj(raw.marker) && newerVersion(raw.marker))) {
      const old = await this.move(fresh ? null : raw);
      if (old) return old;
      if (old === null) raw = await this.readRaw();
    }
    const s = readRecords(raw, this.now());
    if (this.movedNotice && !s.notice) s.notice = this.movedNotice;
    return s;
  }

  /**
   * Moves storage.local's list into the records: at the first start (`existing` null), and at any
   * later one that finds the old keys again (an older version of the extension ran in between and
   * kept articles there; nothing it kept may be lost), adding only what the records lack. Returns
   * the old state itself when a newer version made it and nothing was moved yet (read there,
   * never moved), null when the records were written, undefined when there was nothing to move.
   */
  private async move(existing: UserRecordsRead | null): Promise<State | null | undefined> {
    let raw: Record<string, unknown> = {};
    if (this.legacy) {
      try {
        raw = await this.legacy.get([...STORAGE_KEYS]);
      } catch (e) {
        if (existing) return undefined; // the records are read; the old keys can wait for the next start
        throw new UserCorpusError(`your saved articles could not be read (${(e as Error).message})`);
      }
    }
    const found = Object.keys(raw).length > 0;
    if (existing && !found) return undefined;
    const now = this.now();
    const old = readOldState(raw, now);
    if (old.newer) return existing ? undefined : { ...old, pending: false, fix: { put: [], delete: [] } };
    const have = new Set(existing?.docs.map((d) => d.key) ?? []);
    const put = old.docs.filter((d) => !have.has(d.id));
    const current = existing ? readRecords(existing, now).setAside : [];
    const aside = [...current, ...old.setAside.filter((a) => !current.some((c) => c.id === a.id))];
    const marker: Marker = { format: MARKER_FORMAT, version: 1 };
    if (found) marker.moved = { from: 'storage.local', at: now.toISOString(), articles: old.docs.length, setAside: old.setAside.length };
    try {
      await this.records.commit({
        put: put.map((d) => ({ key: d.id, value: d })),
        ...(aside.length > current.length ? { aside: asideFile(aside) } : {}),
        ...(existing ? {} : { marker }),
      });
    } catch (e) {
      throw new UserCorpusError(`your saved articles could not be moved to the extension's database (${(e as Error).message}); they are unchanged where they were`, {
        key: 'importProblem_move',
        values: [e instanceof Error ? e.message : String(e)],
      });
    }
    this.movedNotice = old.notice;
    // moved: the old keys can go (if this fails they are moved again at the next start, which adds nothing twice)
    if (found) await this.legacy?.remove([...STORAGE_KEYS]).catch(() => undefined);
    return null;
  }

  /** The kept articles, a notice when stored data was damaged or newer, and what was set aside. Never writes, except to move the old list once. */
  async load(): Promise<Loaded> {
    const s = await this.read();
    return { docs: s.docs, notice: s.notice, newer: s.newer, setAside: s.setAside };
  }

  /** Forgets what was read, so the next load reads the records again. */
  invalidate(): void {
    this.generation++;
    this.state = null;
  }

  /**
   * The kept articles compiled for matching, with the dictionary when given: in parts of CHUNK
   * articles in the order they were kept, each compiled like the bundled corpus, so keeping one
   * more article compiles only the last part. (Relations between articles of two parts are not
   * found: each part is a corpus of its own.) A compiled part is kept in memory and in the
   * records' userChunks store under a key naming this build, whether the dictionary was used,
   * and its articles' ids: a restarted worker reads it back instead of compiling again (about
   * 1 s per 1,000 articles), and an update of the extension compiles every part once.
   */
  corpora(lexicon: Lexicon | null = null): Promise<Corpus[]> {
    return this.serialCompile(async () => {
      const { docs } = await this.read();
      if (this.compiled?.docs === docs && this.compiled.lexicon === lexicon) return [...this.compiled.chunks.values()];
      const before = this.compiled?.lexicon === lexicon ? this.compiled.chunks : new Map<string, Corpus>();
      const parts: Array<{ key: string; docs: UserDoc[] }> = [];
      for (let i = 0; i < docs.length; i += CHUNK) {
        const part = docs.slice(i, i + CHUNK);
        parts.push({ key: `${this.build}|${lexicon ? 'lexicon' : 'none'}|${part.length}|${textHash(part.map((d) => d.id).join(' '))}`, docs: part });
      }
      const missing = parts.filter((p) => !before.has(p.key)).map((p) => p.key);
      const stored = new Map((missing.length ? await this.records.chunks(missing).catch(() => []) : []).map((c) => [c.key, c]));
      const chunks = new Map<string, Corpus>();
      const made: CompiledChunk[] = [];
      for (const p of parts) {
        let corpus = before.get(p.key) ?? null;
        const kept = corpus ? undefined : stored.get(p.key);
        if (!corpus && kept) corpus = storedCorpus(kept, p.docs);
        if (!corpus) {
          const c = compileUserCorpus(p.docs, lexicon)!;
          corpus = c.corpus;
          made.push({ key: p.key, index: c.index, alignments: c.alignments });
          // a part is seconds of work: between parts the event loop runs (the worker's keep-alive
          // ping among it), so compiling 20 parts is 20 tasks, not one of 100 s
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        chunks.set(p.key, corpus);
      }
      this.compiled = { docs, lexicon, chunks };
      // a cache: a failed write costs a compile at the next start, nothing else
      if (made.length || stored.size < missing.length) await this.records.keepChunks(made, parts.map((p) => p.key)).catch(() => undefined);
      return [...chunks.values()];
    });
  }

  private compiling: Promise<unknown> = Promise.resolve();
  /** One compile at a time: two pages matched at once must not compile the same parts twice. */
  private serialCompile<T>(run: () => Promise<T>): Promise<T> {
    const next = this.compiling.then(run, run);
    this.compiling = next.catch(() => undefined);
    return next;
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async commit(change: UserChange): Promise<void> {
    try {
      await this.records.commit(change);
    } catch (e) {
      throw new UserCorpusError(quotaMessage(e), { key: 'importProblem_quota', values: [e instanceof Error ? e.message : String(e)] });
    }
  }

  /** Runs one change after the previous one, as one transaction with what was found damaged since; memory changes only when it committed. */
  private change<T>(make: (docs: UserDoc[]) => { docs: UserDoc[]; result: T }): Promise<T> {
    return this.serial(async () => {
      const s = await this.read();
      if (s.newer) throw new UserCorpusError(NEWER_MESSAGE, { key: 'importProblem_newer', values: [] });
      const { docs, result } = make([...s.docs]);
      if (docs.length > LIMITS.docs && docs.length > s.docs.length) {
        throw new UserCorpusError(`not saved: at most ${LIMITS.docs} articles can be kept (a larger collection is a corpus pack: see the README)`, { key: 'importProblem_full', values: [LIMITS.docs] });
      }
      const had = new Set(s.docs.map((d) => d.id));
      const has = new Set(docs.map((d) => d.id));
      const put = [...s.fix.put, ...docs.filter((d) => !had.has(d.id))];
      const gone = [...s.fix.delete, ...s.docs.filter((d) => !has.has(d.id)).map((d) => d.id)];
      if (put.length || gone.length || s.pending) {
        await this.commit({ put: put.map((d) => ({ key: d.id, value: d })), delete: gone, ...(s.pending ? { aside: asideFile(s.setAside) } : {}) });
      }
      Object.assign(s, { docs, notice: null, pending: false, fix: { put: [], delete: [] } });
      this.movedNotice = null;
      return result;
    });
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
    return `${JSON.stringify(toFile((await this.read()).docs), null, 2)}\n`;
  }

  /** What was set aside, as a file: every entry with its value exactly as it was stored. */
  async exportSetAside(): Promise<string> {
    const { setAside } = await this.read();
    return `${JSON.stringify(asideFile(setAside), null, 2)}\n`;
  }

  /**
   * Deletes set-aside entries: only ever because the reader asked. Damaged records still in the
   * store go with it (they are set aside for good), so they cannot come back. Returns how many
   * were deleted.
   */
  discardSetAside(ids: readonly string[]): Promise<number> {
    return this.serial(async () => {
      const s = await this.read();
      if (s.newer) throw new UserCorpusError(NEWER_MESSAGE, { key: 'importProblem_newer', values: [] });
      const gone = new Set(ids);
      const left = s.setAside.filter((a) => !gone.has(a.id));
      const count = s.setAside.length - left.length;
      if (count === 0) return 0;
      await this.commit({ put: s.fix.put.map((d) => ({ key: d.id, value: d })), delete: s.fix.delete, aside: asideFile(left) });
      Object.assign(s, { setAside: left, pending: false, fix: { put: [], delete: [] } });
      return count;
    });
  }
}
