// The article's title: Readability's choice (the document title, cut at a separator when the rest
// is clearly the site), then the site's name taken off the end when the page declares that name
// ("标题_某某网" with og:site_name 某某网, "Title - Site").
// Without a declared site name, what follows a separator goes only when the page's own headline
// (<h1>) is exactly the part before it ("标题_某某网" over <h1>标题</h1>): on Chinese portals the
// part after "_" is as often a channel or a subtitle as the site, so the headline must confirm it.
import type { PageMeta } from './meta';

/** Collapses runs of ASCII whitespace; keeps the ideographic space, which Japanese and Chinese titles use as a separator. */
function tidy(s: string): string {
  return s.replace(/[ \t\n\r\f\v\u00a0]+/g, ' ').trim();
}

const SEPARATOR = /[\s\u3000]*(?:[-–—_|｜·•»:：/\\]|::)+[\s\u3000]*$/;

/** `title` without a trailing "<separator> siteName", or unchanged. */
export function stripSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title;
  const site = tidy(siteName);
  if (site.length === 0 || !title.endsWith(site)) return title;
  const rest = title.slice(0, title.length - site.length);
  const m = SEPARATOR.exec(rest);
  if (!m) return title;
  const bare = rest.slice(0, m.index).trim();
  // keep a title that would become too short to be one
  return bare.length >= 4 ? bare : title;
}

/** `title` cut to `headline` when it is `headline` followed by a separator and more (a site, a channel). */
export function stripToHeadline(title: string, headline: string | null): string {
  const h = tidy(headline ?? '');
  if (h.length < 4 || h.length >= title.length || !title.startsWith(h)) return title;
  return /^[\s\u3000]*(?:[-–—_|｜·•»:：/\\]|::)/.test(title.slice(h.length)) ? h : title;
}

/** Chinese (Han without kana): the portals whose glued site names Readability leaves on. */
const isChinese = (s: string): boolean => /\p{Script=Han}/u.test(s) && !/[\u3040-\u30ff]/.test(s);

export function pickTitle(readabilityTitle: string, doc: Document, meta: PageMeta, siteName: string | null): string {
  const title = tidy(readabilityTitle) || tidy(meta.ogTitle ?? '') || tidy(meta.h1 ?? '') || tidy(doc.title ?? '');
  // Readability already handles the Western "Title - Site" and "Title | Author" forms its own way
  if (!isChinese(title)) return title;
  return stripToHeadline(stripSiteName(title, siteName), meta.h1);
}
