// How a page copy is cut into messages (extract.js sends the parts, the background joins them: see
// src/background/snapshot-parts.ts): one message of several megabytes is serialised in one task on
// the page (53 ms on a 200,000-node page); parts of 256 K characters take a few milliseconds each.

/** Characters of one part (extract.js cuts the copy at this length; the last part may be shorter). */
export const SNAPSHOT_PART_CHARS = 256 * 1024;
/** Parts one copy may have: a copy is bounded (snapshot.ts stops near 4,000,000 characters of HTML). */
export const MAX_SNAPSHOT_PARTS = 24;

/** A copy cut into what extract.js sends: the parts before the last, and the last. */
export function cutSnapshot(html: string): { parts: string[]; last: string } {
  const parts: string[] = [];
  let at = 0;
  while (html.length - at > SNAPSHOT_PART_CHARS) {
    parts.push(html.slice(at, at + SNAPSHOT_PART_CHARS));
    at += SNAPSHOT_PART_CHARS;
  }
  return { parts, last: html.slice(at) };
}
