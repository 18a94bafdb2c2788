// The article's title: Readability's choice (the document title, cut at a separator when the rest
// is clearly the site), then the site's name taken off the end when the page declares that name
// ("标题_某某网" with og:site_name 某某网, "Title - Site").
// Without a declared site name the title is left as the page has it: on Chinese portals the part
// after "_" is as often a channel or a subtitle as the site, and the <h1> is not always the
// headline (a logo, a column name), so guessing would cut real titles.
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

export function pickTitle(readabilityTitle: string, doc: Document, meta: PageMeta, siteName: string | null): string {
  const title = tidy(readabilityTitle) || tidy(meta.ogTitle ?? '') || tidy(meta.h1 ?? '') || tidy(doc.title ?? '');
  return stripSiteName(title, siteName);
}
