// The extension's one IndexedDB database and its object stores: the corpus packs (pack-store.ts)
// and the reader's own articles (user-records.ts). Opened the same way by every context that uses
// it, so that whichever opens it first creates or upgrades every store.
//
// Version 1: packs, packFiles. Version 2 (2026-12-06): userDocs (one record per kept article, by
// id) and userMeta (the set-aside list and the store's marker), which replace storage.local, and
// userChunks (the kept articles' compiled parts: a cache, rebuilt from userDocs when missing).
//
// The IndexedDB factory is passed in: extension contexts pass their own, tests fake-indexeddb's.

export const DB_NAME = 'reprint-lens';
export const DB_VERSION = 2;
export const STORES = { packs: 'packs', packFiles: 'packFiles', userDocs: 'userDocs', userMeta: 'userMeta', userChunks: 'userChunks' } as const;

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error("the browser's database refused the request"));
  });
}

/** Resolves when the transaction has committed; rejects when it failed or was abandoned. */
export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("the browser's database refused the change"));
    tx.onabort = () => reject(tx.error ?? new Error("the change to the browser's database was abandoned (is the disk full?)"));
  });
}

/** A cached connection that is dropped (and opened again when next needed) when another context upgrades the database. */
export class Database {
  private db: Promise<IDBDatabase> | null = null;

  constructor(
    private readonly idb: IDBFactory,
    private readonly name = DB_NAME,
  ) {}

  open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.idb.open(this.name, DB_VERSION);
      r.onupgradeneeded = () => {
        const db = r.result;
        if (!db.objectStoreNames.contains(STORES.packs)) db.createObjectStore(STORES.packs, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(STORES.packFiles)) db.createObjectStore(STORES.packFiles, { keyPath: 'id' });
        // out-of-line keys: a record that is not a sound article still has its key, to be set aside and deleted by it
        if (!db.objectStoreNames.contains(STORES.userDocs)) db.createObjectStore(STORES.userDocs);
        if (!db.objectStoreNames.contains(STORES.userMeta)) db.createObjectStore(STORES.userMeta);
        if (!db.objectStoreNames.contains(STORES.userChunks)) db.createObjectStore(STORES.userChunks, { keyPath: 'key' });
      };
      r.onsuccess = () => {
        const db = r.result;
        db.onversionchange = () => {
          db.close();
          this.db = null;
        };
        resolve(db);
      };
      r.onerror = () => reject(r.error ?? new Error("the browser's database cannot be opened"));
      r.onblocked = () => reject(new Error("the browser's database is held by an older version of Reprint Lens: close its other pages and try again"));
    }).catch((e: unknown) => {
      this.db = null;
      throw e;
    });
    return this.db;
  }
}
