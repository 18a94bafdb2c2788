// The background's half of page extraction: the page's snapshot (snapshot.ts) parsed with
// linkedom, a DOM written in JavaScript that runs no script and loads nothing, then extracted with
// the same extractArticle the command-line tool runs on saved pages. The snapshot is page input
// and may come from a compromised renderer: the background bounds its size before it gets here.
import { parseHTML } from 'linkedom';
import { extractArticle, type ExtractResult } from './article';

/** Extracts the article from a snapshot's HTML; `truncated` (the page had more than the snapshot took) carries over to the article. */
export function extractFromSnapshot(html: string, url: string, truncated = false): ExtractResult {
  const { document } = parseHTML(html);
  const result = extractArticle(document as unknown as Document, { url });
  if (truncated) result.article.truncated = true;
  return result;
}
