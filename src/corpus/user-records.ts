// Where the reader's own articles are stored: IndexedDB (database.ts), one record per article
// under its id, and beside them the set-aside list and the store's marker. Every change is one
// transaction, so a crash or a full disk leaves the records as they were before it, whole.
// What the records mean, and what is checked in them, is the background's user-corpus.ts.
import { Database, done, request, STORES } from './database';

/** What the store holds, read as it is: nothing is checked here. */
export interface UserRecordsRead {
  docs: Array<{ key: string; value: unknown }>;
  /** The set-aside list (undefined: none was ever written). */
  aside: unknown;
  /** The store's marker (undefined: the store was never written, so storage.local may still hold the articles). */
  marker: unknown;
}

/** One change, made whole or not at all. */
export interface UserChange {
  put?: ReadonlyArray<{ key: string; value: unknown }>;
  delete?: readonly string[];
  aside?: unknown;
  marker?: unknown;
}

/** A part of the kept articles, compiled: a cache (losing it costs a compile, never an article). */
export interface CompiledChunk {
  /** Says what was compiled, and by which build: see UserCorpusStore.corpora. */
  key: string;
  /** The compiled index, as compileDocs made it. */
  index: unknown;
  /** Translation alignments among its articles, as compileDocs made them. */
  alignments: unknown;
}

/** The records of the reader's articles (an IndexedDB implementation below; tests may wrap it). */
export interface UserRecords {
  read(): Promise<UserRecordsRead>;
  commit(change: UserChange): Promise<void>;
  /** The compiled parts stored under these keys (those not stored are left out). */
  chunks(keys: readonly string[]): Promise<CompiledChunk[]>;
  /** Stores these compiled parts and deletes every stored part whose key is not in `keep`. */
  keepChunks(put: readonly CompiledChunk[], keep: readonly string[]): Promise<void>;
}

const ASIDE = 'setAside';
const MARKER = 'marker';

export class IdbUserRecords implements UserRecords {
  private readonly db: Database;

  constructor(idb: IDBFactory, name?: string) {
    this.db = new Database(idb, name);
  }

  async read(): Promise<UserRecordsRead> {
    const db = await this.db.open();
    const tx = db.transaction([STORES.userDocs, STORES.userMeta]);
    const docs = tx.objectStore(STORES.userDocs);
    const meta = tx.objectStore(STORES.userMeta);
    const [keys, values, aside, marker] = await Promise.all([
      request(docs.getAllKeys()),
      request(docs.getAll() as IDBRequest<unknown[]>),
      request(meta.get(ASIDE) as IDBRequest<unknown>),
      request(meta.get(MARKER) as IDBRequest<unknown>),
    ]);
    // getAllKeys and getAll of one store in one transaction list the same records in the same order
    return { docs: keys.map((k, i) => ({ key: String(k), value: values[i] })), aside, marker };
  }

  async commit(change: UserChange): Promise<void> {
    const db = await this.db.open();
    const tx = db.transaction([STORES.userDocs, STORES.userMeta], 'readwrite');
    const finished = done(tx);
    const docs = tx.objectStore(STORES.userDocs);
    const meta = tx.objectStore(STORES.userMeta);
    try {
      for (const key of change.delete ?? []) docs.delete(key);
      for (const { key, value } of change.put ?? []) docs.put(value, key);
      if (change.aside !== undefined) meta.put(change.aside, ASIDE);
      if (change.marker !== undefined) meta.put(change.marker, MARKER);
    } catch (e) {
      // a value the database cannot store (DataCloneError) throws at once: nothing of the change is kept
      tx.abort();
      await finished.catch(() => undefined);
      throw e;
    }
    await finished;
  }

  async chunks(keys: readonly string[]): Promise<CompiledChunk[]> {
    const db = await this.db.open();
    const store = db.transaction(STORES.userChunks).objectStore(STORES.userChunks);
    const found = await Promise.all(keys.map((k) => request(store.get(k) as IDBRequest<CompiledChunk | undefined>)));
    return found.filter((c): c is CompiledChunk => c !== undefined);
  }

  async keepChunks(put: readonly CompiledChunk[], keep: readonly string[]): Promise<void> {
    const db = await this.db.open();
    const tx = db.transaction(STORES.userChunks, 'readwrite');
    const finished = done(tx);
    const store = tx.objectStore(STORES.userChunks);
    const wanted = new Set(keep);
    for (const k of await request(store.getAllKeys())) if (!wanted.has(String(k))) store.delete(k);
    for (const c of put) store.put(c);
    await finished;
  }
}
