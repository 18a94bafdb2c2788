// The one typed contract between the extension's contexts.
// Every request the background answers is a method of BackgroundApi: its parameters are the
// message payload and its result is the reply. `send` and the handler table in the background
// are both typed from this interface, so a missing or mistyped handler is a compile error.
// Replies travel as {ok: true, value} or {ok: false, error}; errors are re-thrown at the sender.
import type { Article, Comparison, MatchReport } from './core/types';
import type { Provenance } from './core/compare/provenance';

/** What the content script's cheap precheck saw on a page. */
export interface PageCheck {
  url: string;
  title: string;
  candidate: boolean;
  reasons: string[];
  /** 1 for the first report of this url, more when the page's text grew after it (an article inserted by script). */
  revision: number;
}

/** What extraction produced on a page (extract.js, injected only into candidate pages). */
export interface PageExtraction {
  url: string;
  article: Article;
  isArticle: boolean;
  reasons: string[];
  /** Main-thread milliseconds spent extracting, for the benchmark. */
  ms: number;
}

/**
 * What extract.js sends from a page: a bounded, inert copy of it (src/extract/in-page/snapshot.ts), taken
 * in slices so that the page never waits; the background extracts the article from the copy.
 */
export interface PageSnapshot {
  url: string;
  html: string;
  /** The page had more text than the copy took. */
  truncated: boolean;
  /** Main-thread milliseconds the page spent on the copy. */
  ms: number;
  /**
   * Parts sent before this message (pageSnapshotPart, index 0 to parts - 1); `html` is then the last
   * part. 0 or absent: `html` is the whole copy.
   */
  parts?: number;
  /**
   * Which copy the parts belong to (SnapshotPart.copy): two copies of one tab can be on their way at
   * once (the reader asks for an analysis while the page's own is still being sent).
   */
  copy?: string;
}

/** One part of a large page copy (see src/extract/in-page/snapshot-cut.ts), sent before its pageSnapshot. */
export interface SnapshotPart {
  url: string;
  /** Chosen by extract.js for each copy it sends (a few letters and digits, COPY_ID). */
  copy: string;
  index: number;
  part: string;
}

/** What a copy's id may be. */
export const COPY_ID = /^[0-9a-z]{1,16}$/;

export type VerdictStatus = 'not-candidate' | 'analysing' | 'done' | 'error';

/** Everything the extension knows about one tab's page. Kept in storage.session so it survives the worker stopping. */
export interface TabVerdict {
  tabId: number;
  url: string;
  title: string;
  status: VerdictStatus;
  precheck?: { candidate: boolean; reasons: string[]; revision: number };
  extraction?: PageExtraction;
  report?: MatchReport;
  error?: string;
  /** The error again, for the interface to say in the reader's language. */
  problem?: Problem;
  /** How many times the analysis was started again because the worker doing it was stopped part way. */
  resumed?: number;
  updated: number;
}

export interface CompareRequest {
  tabId: number;
  /** The tab's verdict of that time (TabVerdict.updated), kept after the tab moved on; the current one when absent. */
  updated?: number;
  /** Corpus id of the version to compare the page with. */
  docId: string;
  granularity?: 'char' | 'word';
  foldNoise?: boolean;
  /** Compare in Simplified script (default true); false shows script-only differences. */
  foldScript?: boolean;
}

export interface CompareDocsRequest {
  a: string;
  b: string;
  granularity?: 'char' | 'word';
  foldNoise?: boolean;
  /** Compare in Simplified script (default true); false shows script-only differences. */
  foldScript?: boolean;
}

/** A corpus article as the UI lists it (no body). */
export interface DocInfo {
  id: string;
  title: string;
  site: string | null;
  date: string | null;
  lang: string;
  url: string | null;
  /** Where it comes from: the bundled corpus, the reader's own, or an installed corpus pack. */
  origin: 'bundled' | 'user' | 'pack';
  /** The name of the pack it comes from (origin pack). */
  pack?: string;
}

/** An installed corpus pack as the options page lists it. */
export interface PackInfo {
  id: string;
  name: string;
  description: string;
  articles: number;
  languages: Record<string, number>;
  dates: { first: string; last: string } | null;
  built: string;
  installed: string;
  size: number;
  enabled: boolean;
  /** Why it could not be opened for matching, or null. */
  problem: PackTrouble | null;
}

/** Why an installed pack cannot be opened: the kind (for the reader's language) and the English message. */
export interface PackTrouble {
  /** PackProblem of src/corpus/pack.ts (messages import only the core), or any other failure. */
  kind: 'not-pack' | 'truncated' | 'version' | 'checksum' | 'damaged' | 'missing' | 'other';
  message: string;
}

/** Stored data that could not be read, as the options page lists it (its value is only in the export). */
export interface SetAsideInfo {
  id: string;
  /** One damaged article, or a whole list that could not be read. */
  kind: 'article' | 'store';
  reason: string;
  /** When it was found, ISO. */
  found: string;
  /** The damaged article's title, when it still has one. */
  title: string | null;
}

/** The reader's own corpus as the options page shows it; `notice` says when stored data was damaged and what was left out. */
export interface UserCorpusStatus {
  docs: DocInfo[];
  notice: string | null;
  /** The store was made by a newer version of the extension: it is read, never written. */
  newer: boolean;
  /** What could not be read: kept aside until the reader deletes it. */
  setAside: SetAsideInfo[];
}

/**
 * Import files travel to the background in parts: Chrome refuses a message over 64 MiB, and a
 * part of at most `partChars` characters is at most 24 MiB as JSON even if every character were
 * escaped as \u0000 (6 bytes). A file over `bytes` is refused before it is read: 30 000 000 bytes
 * hold at most 160 000 000 characters: the export of the 20,000 articles the reader's corpus keeps
 * at most, at typical length (6-7 KB each as JSON; 20,000 synthetic articles made a 130 MB file,
 * imported in Chromium in 39 s, npm run bench).
 */
export const IMPORT_LIMIT = { bytes: 160_000_000, partChars: 4 * 1024 * 1024 } as const;

/** One part of an import file. */
export interface ImportPart {
  /** Names the upload (random, per file). */
  upload: string;
  index: number;
  count: number;
  text: string;
}

/** The reply to a part: more are awaited, or the file was imported whole. */
export type ImportReply = { done: false; received: number } | { done: true; added: number; skipped: number };

export interface AddedToCorpus {
  doc: DocInfo;
  /** False when the same text was kept already. */
  added: boolean;
  /** The tab's verdict, matched again with the article now kept. */
  verdict: TabVerdict;
}

export interface BackgroundApi {
  /** content script -> background: the precheck of the sender's tab; a candidate gets extract.js injected. */
  pageChecked(check: PageCheck): TabVerdict;
  /** extract.js -> background: a copy of the sender tab's page; its article is extracted there and matched against the corpus. */
  pageSnapshot(snapshot: PageSnapshot): TabVerdict;
  /** extract.js -> background: one part of a large copy, kept until its pageSnapshot. */
  pageSnapshotPart(part: SnapshotPart): null;
  /** UI -> background: the verdict for a tab, or null when the page was never seen; with `updated`, that verdict, kept for the session after the tab moved on. */
  getVerdict(tabId: number, updated?: number): TabVerdict | null;
  /** UI -> background: run extraction and matching on a tab now, whatever the precheck said. */
  analyseTab(tabId: number): TabVerdict;
  /** UI -> background: compare a corpus version (a) with the tab's page (b). */
  compareWithPage(req: CompareRequest): Comparison;
  /** UI -> background: compare two corpus articles. */
  compareDocs(req: CompareDocsRequest): Comparison;
  /**
   * UI -> background: the corpus articles' metadata (bundled, then the reader's own); with ids,
   * those articles wherever they are (the installed packs too), in that order, unknown ones left out.
   */
  listDocs(ids?: string[]): DocInfo[];
  /** UI -> background: the installed corpus packs. */
  listPacks(): PackInfo[];
  /** options page -> background: it installed, removed, enabled or disabled a pack in IndexedDB; match the open tabs again. */
  packsChanged(): PackInfo[];
  /** UI -> background: the tab's versions on a timeline with the likely original, or null before the page has versions. */
  getProvenance(tabId: number, updated?: number): Provenance | null;
  /** UI -> background: keep the tab's analysed article in the reader's corpus. */
  addPageToCorpus(tabId: number): AddedToCorpus;
  /** UI -> background: the reader's corpus. */
  userCorpus(): UserCorpusStatus;
  /** UI -> background: forget one of the reader's articles. */
  removeUserDoc(id: string): UserCorpusStatus;
  /** UI -> background: the reader's corpus as an export file (JSON text). */
  exportUserCorpus(): string;
  /** UI -> background: one part of an export file; with the last part its articles are added, all checked first, nothing kept is replaced. */
  importUserCorpus(part: ImportPart): ImportReply;
  /** UI -> background: what was set aside, values exactly as they were stored (JSON text). */
  exportSetAside(): string;
  /** UI -> background: delete set-aside entries, because the reader asked to. */
  discardSetAside(ids: string[]): UserCorpusStatus;
}

export type MessageName = keyof BackgroundApi;
export type Args<K extends MessageName> = Parameters<BackgroundApi[K]>;
export type Result<K extends MessageName> = ReturnType<BackgroundApi[K]>;

export interface Request<K extends MessageName = MessageName> {
  /** Marks our messages so that anything else is refused at once. */
  rl: 1;
  name: K;
  args: Args<K>;
}

/**
 * A failure said again for the interface, which puts it in the reader's language: a key of
 * src/ui/strings.json, its values, and for data the article (n; 0 for the page) and JSON path.
 */
export interface Problem {
  key: string;
  values: Array<string | number>;
  at?: { n: number; path: string };
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; problem?: Problem };

/** The background's error at the sender: its English message, and the problem when it gave one. */
export class ReplyError extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/**
 * Every message and the context allowed to send it: 'page' messages come from a content script
 * (their tab is sender.tab, never a field of the payload), 'ui' messages from the extension's own
 * pages. A Record over MessageName, so adding a message without saying who sends it fails to compile.
 */
export const SENDERS: Readonly<Record<MessageName, 'page' | 'ui'>> = {
  pageChecked: 'page',
  pageSnapshot: 'page',
  pageSnapshotPart: 'page',
  getVerdict: 'ui',
  analyseTab: 'ui',
  compareWithPage: 'ui',
  compareDocs: 'ui',
  listDocs: 'ui',
  listPacks: 'ui',
  packsChanged: 'ui',
  getProvenance: 'ui',
  addPageToCorpus: 'ui',
  userCorpus: 'ui',
  removeUserDoc: 'ui',
  exportUserCorpus: 'ui',
  importUserCorpus: 'ui',
  exportSetAside: 'ui',
  discardSetAside: 'ui',
};

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.rl === 1 && typeof v.name === 'string' && Object.hasOwn(SENDERS, v.name) && Array.isArray(v.args);
}

interface RuntimeLike {
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Whether `value` is the extension API rather than something a page put under its name. Content
 * scripts share the page's DOM, and named access on window (`<form id="browser">`, `<iframe
 * name="chrome">`) puts page elements and frames under any global name their world does not
 * define itself (Chrome defines no `browser` in some worlds): a bare `globalThis.browser` can be
 * the page's form, its `runtime` the form's <input>. Named access yields only elements and
 * windows, never a function, so an object whose runtime has a non-empty string id and a
 * sendMessage function is the extension's.
 */
export function isExtensionApi(value: unknown): value is RuntimeLike {
  if (typeof value !== 'object' || value === null || isDomThing(value)) return false;
  const runtime = (value as { runtime?: unknown }).runtime;
  if (typeof runtime !== 'object' || runtime === null || isDomThing(runtime)) return false;
  const r = runtime as { id?: unknown; sendMessage?: unknown };
  return typeof r.id === 'string' && r.id !== '' && typeof r.sendMessage === 'function';
}

/** A DOM node or a window (of this realm; frames of others fail the function test anyway). */
function isDomThing(value: object): boolean {
  return (typeof Node === 'function' && value instanceof Node) || (typeof Window === 'function' && value instanceof Window);
}

/**
 * The extension API object in either browser (Firefox: browser, Chrome: chrome; both return
 * promises in MV3), checked to be the real one (see isExtensionApi).
 * One case no check can mend: Chromium (156) sets up a content script world's API when the world
 * is first made, and if the page has a frame named `browser` by then, it installs neither
 * `browser` nor chrome.runtime there; only a content script at "run_at": "document_start" escapes
 * that (src/content/index.ts waits for the DOM then).
 */
export function extensionApi(): RuntimeLike {
  for (const name of ['browser', 'chrome']) {
    let candidate: unknown;
    try {
      candidate = (globalThis as Record<string, unknown>)[name];
    } catch {
      continue; // a cross-origin frame under that name throws on access
    }
    if (isExtensionApi(candidate)) return candidate;
  }
  throw new Error('Reprint Lens: no extension API in this context');
}

/** Sends a request to the background and returns its reply, re-throwing its error here. */
export async function send<K extends MessageName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  const request: Request<K> = { rl: 1, name, args };
  const reply = (await extensionApi().runtime.sendMessage(request)) as Reply<Result<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`Reprint Lens: no reply to ${name}`);
  if (!reply.ok) throw new ReplyError(reply.error, reply.problem);
  return reply.value;
}
