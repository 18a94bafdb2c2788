// Page copies arrive in parts: extract.js sends a large copy as several messages (pageSnapshotPart,
// then pageSnapshot with the last part), because one message of several megabytes is serialised in
// one task on the page (53 ms on a 200,000-node page). This keeps each tab's parts until its copy
// is whole. Pure: no browser API.
import { MAX_SNAPSHOT_PARTS } from '../extract/in-page/snapshot-cut';
import type { SnapshotPart } from '../messages';

/** The parts received per tab, until the copy they belong to is whole. */
export class SnapshotParts {
  private byTab = new Map<number, { url: string; parts: string[] }>();

  /** Keeps one part; a first part (index 0) or another address starts the tab's copy afresh. */
  add(tabId: number, p: SnapshotPart): void {
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= MAX_SNAPSHOT_PARTS) throw new Error(`page copy part ${p.index} is out of range`);
    let held = this.byTab.get(tabId);
    if (p.index === 0 || !held || held.url !== p.url) {
      held = { url: p.url, parts: [] };
      this.byTab.set(tabId, held);
    }
    if (p.index !== held.parts.length) {
      this.byTab.delete(tabId);
      throw new Error(`page copy part ${p.index} arrived out of order`);
    }
    held.parts.push(p.part);
  }

  /** The whole copy: the parts held for the tab and the last one; throws when parts are missing. */
  finish(tabId: number, url: string, parts: number, last: string): string {
    const held = this.byTab.get(tabId);
    this.byTab.delete(tabId);
    if (parts === 0) return last;
    if (!held || held.url !== url || held.parts.length !== parts) {
      throw new Error(`the page copy arrived incomplete (${held?.url === url ? held.parts.length : 0} of ${parts} parts): analyse the page again`);
    }
    return held.parts.join('') + last;
  }

  /** Forgets a tab's parts (the tab was closed). */
  drop(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
