// The background's half of page extraction: the page's snapshot (snapshot.ts) parsed with
// linkedom, a DOM written in JavaScript that runs no script and loads nothing, then extracted with
// extractArticle. The snapshot is page input and may come from a compromised renderer: the
// background bounds its size before it gets here.
// The command-line tool takes the same two steps on the pages it reads (extractBounded), so both
// give the same article for a page, with the same bounds: a 20 MB page or one nested 20 000
// elements deep (Readability recurses through the tree and would run out of stack) is read up to
// the caps like any other.
import { parseHTML } from 'linkedom';
import { extractArticle, type ExtractResult } from './article';
import { snapshotPage } from './in-page/snapshot';

/** Extracts the article from a snapshot's HTML; `truncated` (the page had more than the snapshot took) carries over to the article. */
export function extractFromSnapshot(html: string, url?: string, truncated = false): ExtractResult {
  const { document } = parseHTML(html);
  const result = extractArticle(document as unknown as Document, url ? { url } : {});
  if (truncated) result.article.truncated = true;
  return result;
}

/** Snapshot, then extraction, in one go (nothing to yield to outside a browser). */
export async function extractBounded(doc: Document, url?: string): Promise<ExtractResult> {
  const snap = await snapshotPage(doc, { yieldTo: () => Promise.resolve() });
  return extractFromSnapshot(snap.html, url, snap.truncated);
}
