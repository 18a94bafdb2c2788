// The installed corpus packs inside the background: the enabled ones opened once (header and index
// in memory, texts read per article from IndexedDB) and matched beside the bundled corpus and the
// reader's own. The options page installs and removes packs itself (a pack file is too large to
// pass through messages) and then says packsChanged, which drops what is open here.
import { PackStore, type InstalledPack } from '../corpus/pack-store';
import { PackError } from '../corpus/pack';
import type { PackTrouble } from '../messages';
import type { Corpus } from '../core/index/types';

export const packStore = new PackStore(indexedDB);

export interface OpenPack {
  pack: InstalledPack;
  corpus: Corpus;
}

let open: Promise<OpenPack[]> | null = null;
/** Why a pack could not be opened, by pack id (shown on the options page). */
const failures = new Map<string, PackTrouble>();

/** The enabled packs, opened; one that cannot be opened is left out and its reason kept. */
export function openPacks(): Promise<OpenPack[]> {
  open ??= (async () => {
    const out: OpenPack[] = [];
    for (const pack of await packStore.list()) {
      if (!pack.enabled) continue;
      try {
        out.push({ pack, corpus: await packStore.corpus(pack.id) });
        failures.delete(pack.id);
      } catch (e) {
        failures.set(pack.id, { kind: e instanceof PackError ? e.problem : 'other', message: e instanceof Error ? e.message : String(e) });
      }
    }
    return out;
  })().catch((e: unknown) => {
    open = null; // the database could not be read: try again next time
    throw e;
  });
  return open;
}

/** Forgets the open packs: the next match opens the installed ones again. */
export function packsChanged(): void {
  open = null;
  failures.clear();
}

/** The installed packs with, for each, why it could not be opened (null when it opened or was not tried). */
export async function packStatus(): Promise<Array<InstalledPack & { problem: PackTrouble | null }>> {
  await openPacks().catch(() => []);
  return (await packStore.list()).map((p) => ({ ...p, problem: failures.get(p.id) ?? null }));
}
