// The corpus packs a reader installed, in IndexedDB: one record of what each pack is (small, listed
// by the options page, read by the worker when it starts) and one with the pack file itself as a
// Blob, from which the worker reads the header once and each article's text block when a page
// has it among its candidates (Blob.slice reads only those bytes).
//
// An import is verified whole (signature, version, length, checksum, index) before anything is
// written, and written in one transaction: a pack of the same name is replaced only then, so a
// damaged file never costs the reader a pack they had.
//
// The IndexedDB factory is passed in: the options page and the worker pass their own, tests pass
// fake-indexeddb's. No extension API here. The database and its stores: database.ts.
import { bodyStart, headContents, PACK_PREFIX, PackError, packCorpus, readPackPrefix, streamInflate, verifyPack, type PackMeta } from './pack';
import type { Corpus } from '../core/index/types';
import { Database, DB_NAME, done, request, STORES } from './database';

export { DB_NAME };

const PACKS = STORES.packs;
const FILES = STORES.packFiles;

/** An installed pack, as listed. */
export interface InstalledPack {
  /** pack-<first 16 hex digits of the file's checksum>. */
  id: string;
  meta: PackMeta;
  enabled: boolean;
  /** When it was installed, ISO. */
  installed: string;
  /** Bytes of the file. */
  size: number;
}

interface FileRecord {
  id: string;
  blob: Blob;
}

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

export class PackStore {
  private readonly db: Database;

  constructor(idb: IDBFactory, name = DB_NAME) {
    this.db = new Database(idb, name);
  }

  private open(): Promise<IDBDatabase> {
    return this.db.open();
  }

  /** The installed packs, oldest first. */
  async list(): Promise<InstalledPack[]> {
    const db = await this.open();
    const all = await request(db.transaction(PACKS).objectStore(PACKS).getAll() as IDBRequest<InstalledPack[]>);
    return all.sort((a, b) => a.installed.localeCompare(b.installed) || a.id.localeCompare(b.id));
  }

  /**
   * Verifies a pack file and installs it, replacing an installed pack of the same name (an update)
   * in the same transaction. Throws PackError, with nothing changed, when the file is not a sound pack.
   *
   * `file`, the File the bytes were read from, is what is stored when given: a File is backed by
   * the file on disk, which IndexedDB copies from there, where a Blob made of the bytes is held in
   * the browser's blob memory first. Chromium refused a 528 MB one that way ("Failed to write
   * blobs (InvalidBlob)") when the import came in the first seconds after the browser started.
   * A File is a snapshot: changed on disk after it was read and checked, it fails to be read rather
   * than storing other bytes.
   */
  async install(bytes: Uint8Array, now = new Date(), file?: Blob): Promise<{ pack: InstalledPack; replaced: InstalledPack | null }> {
    const contents = await verifyPack(bytes);
    // the index must load as the worker will load it (postings sorted, relations to known articles)
    packCorpus(contents, () => new Uint8Array(0), () => new Uint8Array(0));
    const pack: InstalledPack = { id: `pack-${hex(contents.prefix.checksum).slice(0, 16)}`, meta: contents.header.meta, enabled: true, installed: now.toISOString(), size: bytes.length };
    const db = await this.open();
    const tx = db.transaction([PACKS, FILES], 'readwrite');
    const finished = done(tx);
    const packs = tx.objectStore(PACKS);
    const all = await request(packs.getAll() as IDBRequest<InstalledPack[]>);
    const replaced = all.find((p) => p.meta.name === pack.meta.name || p.id === pack.id) ?? null;
    for (const old of all.filter((p) => p.meta.name === pack.meta.name && p.id !== pack.id)) {
      packs.delete(old.id);
      tx.objectStore(FILES).delete(old.id);
    }
    if (replaced?.id === pack.id) pack.enabled = replaced.enabled;
    packs.put(pack);
    const blob = file && file.size === bytes.length ? file : new Blob([bytes as Uint8Array<ArrayBuffer>]);
    tx.objectStore(FILES).put({ id: pack.id, blob } satisfies FileRecord);
    await finished;
    return { pack, replaced };
  }

  async setEnabled(id: string, enabled: boolean): Promise<InstalledPack> {
    const db = await this.open();
    const tx = db.transaction(PACKS, 'readwrite');
    const finished = done(tx);
    const store = tx.objectStore(PACKS);
    const pack = (await request(store.get(id) as IDBRequest<InstalledPack | undefined>)) ?? null;
    if (!pack) throw new Error(`no installed pack ${id}`);
    const changed = { ...pack, enabled };
    store.put(changed);
    await finished;
    return changed;
  }

  async remove(id: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction([PACKS, FILES], 'readwrite');
    const finished = done(tx);
    tx.objectStore(PACKS).delete(id);
    tx.objectStore(FILES).delete(id);
    await finished;
  }

  /**
   * An installed pack as a corpus: its header read and checked, its number arrays taken as stored
   * (install verified them and the checksum), each article's text read from the stored file when
   * asked for.
   */
  async corpus(id: string): Promise<Corpus> {
    const db = await this.open();
    const rec = await request(db.transaction(FILES).objectStore(FILES).get(id) as IDBRequest<FileRecord | undefined>);
    if (!rec) throw new PackError('missing', `the file of pack ${id} is missing from the browser's storage: import it again`);
    const blob = rec.blob;
    const prefix = readPackPrefix(new Uint8Array(await blob.slice(0, PACK_PREFIX).arrayBuffer()), blob.size);
    // header and tables in one read; the tables become views of it (aligned: the header's length is a multiple of 4)
    const head = new Uint8Array(await blob.slice(PACK_PREFIX, bodyStart(prefix)).arrayBuffer());
    const body = bodyStart(prefix);
    return packCorpus(
      headContents(prefix, head),
      async (start, end) => new Uint8Array(await blob.slice(body + start, body + end).arrayBuffer()),
      streamInflate,
      // install() checked this file whole (checksum, every index value) before storing it
      'shape',
    );
  }
}
