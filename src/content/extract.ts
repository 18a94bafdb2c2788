// Injected by the background only into candidate pages (or when the reader asks for an analysis).
// It never runs extraction here: it copies the page in slices of a few milliseconds, yielding to
// the page between them (snapshot.ts), and hands the bounded, inert copy to the background, which
// extracts the article from it. So a 5 MB page costs its reader no frozen moment, and the page is
// only read, never changed. Nothing is left in the page (no globals, no performance marks the
// page could read to learn that the extension is there).
import { cutSnapshot } from '../extract/in-page/snapshot-cut';
import { snapshotPage, yieldToPage } from '../extract/in-page/snapshot';
import { send } from '../messages';

void (async () => {
  const url = location.href;
  // this copy's own id: another copy of the page (the reader asked again) may be on its way too
  const copy = Math.floor(Math.random() * 36 ** 8).toString(36);
  const { html, truncated, ms } = await snapshotPage(document);
  // sending serialises the copy (a few milliseconds per 100 000 characters): a large copy goes in
  // parts, each a task of its own
  const { parts, last } = cutSnapshot(html);
  for (const [index, part] of parts.entries()) {
    await yieldToPage();
    await send('pageSnapshotPart', { url, copy, index, part });
  }
  await yieldToPage();
  await send('pageSnapshot', { url, html: last, truncated, ms, parts: parts.length, copy });
})().catch(() => {
  // the extension was reloaded meanwhile, or the page went away: nothing on the page depends on it
});
