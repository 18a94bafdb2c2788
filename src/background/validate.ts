// Shape checks for every message the background accepts. Anything from a page is hostile until
// proven otherwise: a content script runs beside the page's own scripts, and another extension or
// a compromised renderer may send anything. A failed check is a clear error back to the sender.
import { MAX_SNAPSHOT_PARTS, SNAPSHOT_PART_CHARS } from '../extract/in-page/snapshot-cut';
import { COPY_ID, IMPORT_LIMIT, type Args, type ImportPart, type MessageName, type PageCheck, type PageSnapshot, type SnapshotPart } from '../messages';

const MAX_SNAPSHOT = 6_000_000; // characters of a page copy (snapshot.ts stops near 4 000 000): bounds the background's parse
const MAX_PARTS = Math.ceil(IMPORT_LIMIT.bytes / IMPORT_LIMIT.partChars); // a file of at most IMPORT_LIMIT.bytes bytes has at most as many characters

export class InvalidMessage extends Error {}

function fail(what: string): never {
  throw new InvalidMessage(`invalid message: ${what}`);
}
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, what: string, max = 10_000): string => (typeof v === 'string' && v.length <= max ? v : fail(`${what} must be a string`));
const bool = (v: unknown, what: string): boolean => (typeof v === 'boolean' ? v : fail(`${what} must be true or false`));
const strings = (v: unknown, what: string, maxItems: number, maxLen: number): string[] => {
  if (!Array.isArray(v) || v.length > maxItems) fail(`${what} must be a list of at most ${maxItems}`);
  // indexed, not map(): map skips the holes of a sparse list, which would pass unchecked
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) out.push(str(v[i], `${what}[${i}]`, maxLen));
  return out;
};
const tabId = (v: unknown): number => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 2 ** 31 ? (v as number) : fail('tabId must be a tab number'));
const docId = (v: unknown, what: string): string =>
  typeof v === 'string' && /^[\w.-]{1,200}$/.test(v) ? v : fail(`${what} must be a corpus id`);
const granularity = (v: unknown): 'char' | 'word' | undefined =>
  v === undefined || v === 'char' || v === 'word' ? v : fail('granularity must be char or word');
// absent, or null (Chromium's messaging sends an undefined list item as null)
const optTime = (v: unknown): number | undefined => (v === undefined || v === null ? undefined : Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : fail('updated must be a time in milliseconds'));
const optBool = (v: unknown, what: string): boolean | undefined => (v === undefined ? undefined : bool(v, what));

function pageCheck(v: unknown): PageCheck {
  if (!isObj(v)) fail('page check must be an object');
  const revision = Number.isInteger(v.revision) && (v.revision as number) > 0 ? (v.revision as number) : fail('revision must be a positive whole number');
  return { url: str(v.url, 'url'), title: str(v.title, 'title'), candidate: bool(v.candidate, 'candidate'), reasons: strings(v.reasons, 'reasons', 50, 500), revision };
}

function importPart(v: unknown): ImportPart {
  if (!isObj(v)) fail('import part must be an object');
  const upload = typeof v.upload === 'string' && /^[\w-]{1,64}$/.test(v.upload) ? v.upload : fail('upload must be an upload id');
  const count = Number.isInteger(v.count) && (v.count as number) >= 1 && (v.count as number) <= MAX_PARTS ? (v.count as number) : fail(`count must be 1 to ${MAX_PARTS}`);
  const index = Number.isInteger(v.index) && (v.index as number) >= 0 && (v.index as number) < count ? (v.index as number) : fail('index must be a part of the upload');
  return { upload, index, count, text: str(v.text, 'the import part', IMPORT_LIMIT.partChars) };
}

const docIds = (v: unknown): string[] => {
  if (!Array.isArray(v) || v.length > 1000) fail('ids must be a list of at most 1000');
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) out.push(docId(v[i], `ids[${i}]`));
  return out;
};

const strIds = (v: unknown): string[] => {
  if (!Array.isArray(v) || v.length > 10_000) fail('ids must be a list of at most 10000');
  const out: string[] = [];
  for (let i = 0; i < v.length; i++) out.push(typeof v[i] === 'string' && /^aside-[0-9a-f]{16}$/.test(v[i] as string) ? (v[i] as string) : fail(`ids[${i}] must be a set-aside id`));
  return out;
};

function snapshot(v: unknown): PageSnapshot {
  if (!isObj(v)) fail('snapshot must be an object');
  const ms = typeof v.ms === 'number' && Number.isFinite(v.ms) && v.ms >= 0 ? v.ms : 0;
  const parts = v.parts === undefined ? 0 : v.parts;
  if (!Number.isInteger(parts) || (parts as number) < 0 || (parts as number) >= MAX_SNAPSHOT_PARTS) fail('parts must be a whole number below the limit');
  const out: PageSnapshot = { url: str(v.url, 'url'), html: str(v.html, 'html', MAX_SNAPSHOT), truncated: bool(v.truncated, 'truncated'), ms, parts: parts as number };
  if ((parts as number) > 0 || v.copy !== undefined) out.copy = copyId(v.copy);
  return out;
}

function copyId(v: unknown): string {
  return typeof v === 'string' && COPY_ID.test(v) ? v : fail('copy must be a copy id');
}

function snapshotPart(v: unknown): SnapshotPart {
  if (!isObj(v)) fail('part must be an object');
  if (!Number.isInteger(v.index) || (v.index as number) < 0 || (v.index as number) >= MAX_SNAPSHOT_PARTS) fail('index must be a whole number below the limit');
  return { url: str(v.url, 'url'), copy: copyId(v.copy), index: v.index as number, part: str(v.part, 'part', SNAPSHOT_PART_CHARS) };
}

/** Returns the arguments of a message, checked and copied (no extra fields survive), or throws InvalidMessage. */
export function validateArgs<K extends MessageName>(name: K, args: unknown[]): Args<K> {
  if (!Array.isArray(args)) fail('arguments must be a list');
  const a = args[0];
  const out: Record<MessageName, () => unknown[]> = {
    pageChecked: () => [pageCheck(a)],
    pageSnapshot: () => [snapshot(a)],
    pageSnapshotPart: () => [snapshotPart(a)],
    getVerdict: () => (optTime(args[1]) === undefined ? [tabId(a)] : [tabId(a), optTime(args[1])]),
    analyseTab: () => [tabId(a)],
    compareWithPage: () => {
      if (!isObj(a)) fail('request must be an object');
      return [{ tabId: tabId(a.tabId), updated: optTime(a.updated), docId: docId(a.docId, 'docId'), granularity: granularity(a.granularity), foldNoise: optBool(a.foldNoise, 'foldNoise'), foldScript: optBool(a.foldScript, 'foldScript') }];
    },
    compareDocs: () => {
      if (!isObj(a)) fail('request must be an object');
      return [{ a: docId(a.a, 'a'), b: docId(a.b, 'b'), granularity: granularity(a.granularity), foldNoise: optBool(a.foldNoise, 'foldNoise'), foldScript: optBool(a.foldScript, 'foldScript') }];
    },
    listDocs: () => (a === undefined ? [] : [docIds(a)]),
    listPacks: () => [],
    packsChanged: () => [],
    getProvenance: () => (optTime(args[1]) === undefined ? [tabId(a)] : [tabId(a), optTime(args[1])]),
    addPageToCorpus: () => [tabId(a)],
    userCorpus: () => [],
    removeUserDoc: () => [docId(a, 'id')],
    exportUserCorpus: () => [],
    importUserCorpus: () => [importPart(a)],
    exportSetAside: () => [],
    discardSetAside: () => [strIds(a)],
  };
  if (!Object.hasOwn(out, name)) fail(`unknown message ${String(name).slice(0, 40)}`);
  return out[name]() as Args<K>;
}

/** The parts of a runtime.MessageSender the sender check reads. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Whether a sender may send a message of this kind. 'page' messages come from our content script in
 * a tab's top frame, on a web page (never one of our own pages posing as one); 'ui' messages from
 * our own pages. The browser fills `sender` in, not the page: a page's own scripts cannot reach our
 * runtime at all, and another extension's messages carry its id.
 */
export function senderAllowed(kind: 'page' | 'ui', sender: SenderLike, ownId: string, ownPages: string): boolean {
  if (sender.id !== ownId || typeof sender.url !== 'string') return false;
  if (kind === 'page') return sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:\/\//i.test(sender.url);
  return sender.url.startsWith(ownPages);
}
