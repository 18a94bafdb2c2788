// Links to an author's page, the address a blog engine gives each author: WordPress's
// /author/<slug>/ and ?author=<id>. The same id with more to the query (?m=200508&author=102,
// ?pc=125&author=102) is that author's archive or category, named by its date or topic rather than
// by them. The page copy keeps of a link's address only this (authorHref), and the byline reads
// the name those links carry (byline.ts, authorLinkName). Imports nothing: the page copy runs in the page.

const AUTHOR_ID = /(?:^|\/)author\/([^/?#]+)\/?(?:[?#]|$)|[?&](?:amp;)?author=([\w-]+)/i;
const BARE = /(?:^|\/)author\/[^/?#]+\/?$|^[^?#]*\?author=[\w-]+$/i;

/** The author id a link's address names, and whether it is the author's own page (bare) or one of their listings. */
export function authorPage(href: string): { id: string; bare: boolean } | null {
  const m = AUTHOR_ID.exec(href.trim());
  if (!m) return null;
  return { id: (m[1] ?? m[2]!).toLowerCase(), bare: BARE.test(href.trim()) };
}

/** What the page copy keeps of an author link's address: its id and whether it is bare, in one canonical form. */
export function authorHref(href: string): string | null {
  const p = authorPage(href);
  return p ? `/author/${encodeURIComponent(p.id)}/${p.bare ? '' : '?listing'}` : null;
}
