// Page copies arrive in parts: extract.js sends a large copy as several messages (pageSnapshotPart,
// then pageSnapshot with the last part), because one message of several megabytes is serialised in
// one task on the page (53 ms on a 200,000-node page). This keeps each copy's parts until it is
// whole. Two copies of one tab can be on their way at once (the reader asks for an analysis while
// the page's own copy is still being sent): each copy carries an id, so their parts never mix.
// Pure: no browser API.
import { MAX_SNAPSHOT_PARTS } from '../extract/in-page/snapshot-cut';
import { ReplyError, type SnapshotPart } from '../messages';

/** Copies held per tab at most: an older unfinished copy is dropped when a newer one would exceed it. */
export const COPIES_PER_TAB = 3;

interface Held {
  url: string;
  parts: string[];
}

/** The parts received per tab and copy, until the copy they belong to is whole. */
export class SnapshotParts {
  private byTab = new Map<number, Map<string, Held>>();

  /** Keeps one part; a copy starts with its part 0, and its parts come in order. */
  add(tabId: number, p: SnapshotPart): void {
    if (!Number.isInteger(p.index) || p.index < 0 || p.index >= MAX_SNAPSHOT_PARTS) throw new Error(`page copy part ${p.index} is out of range`);
    let copies = this.byTab.get(tabId);
    if (!copies) this.byTab.set(tabId, (copies = new Map()));
    let held = copies.get(p.copy);
    if (p.index === 0 || !held || held.url !== p.url) {
      copies.delete(p.copy);
      held = { url: p.url, parts: [] };
      copies.set(p.copy, held);
      // Maps keep insertion order: the first key is the oldest copy
      while (copies.size > COPIES_PER_TAB) copies.delete(copies.keys().next().value!);
    }
    if (p.index !== held.parts.length) {
      copies.delete(p.copy);
      throw new Error(`page copy part ${p.index} arrived out of order`);
    }
    held.parts.push(p.part);
  }

  /** The whole copy: the parts held for it and the last one; throws when parts are missing. */
  finish(tabId: number, url: string, parts: number, last: string, copy = ''): string {
    const copies = this.byTab.get(tabId);
    const held = copies?.get(copy);
    copies?.delete(copy);
    if (copies?.size === 0) this.byTab.delete(tabId);
    if (parts === 0) return last;
    if (!held || held.url !== url || held.parts.length !== parts) {
      const got = held?.url === url ? held.parts.length : 0;
      throw new ReplyError(`the page copy arrived incomplete (${got} of ${parts} parts): analyse the page again`, { key: 'problem_copy', values: [got, parts] });
    }
    return held.parts.join('') + last;
  }

  /** Forgets a tab's parts (the tab was closed). */
  drop(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
