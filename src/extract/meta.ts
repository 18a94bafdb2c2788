// Page metadata that Readability does not report or reports only in part: canonical URL, declared
// language, og:type, site name and publication date from meta tags, JSON-LD and <time>.
// Read from the document before Readability runs, because Readability rewrites the document.
import { parseDate, statedOffset } from './dates';

export interface PageMeta {
  canonical: string | null;
  ogUrl: string | null;
  ogType: string | null;
  ogTitle: string | null;
  siteName: string | null;
  /** Declared language: <html lang>, content-language, og:locale. */
  lang: string | null;
  published: string | null;
  /** The UTC offset (minutes) the field `published` came from states, Z being 0; null when it states none. */
  publishedOffset: number | null;
  /** Author names from meta tags / JSON-LD, when declared. */
  author: string | null;
  h1: string | null;
  /** JSON-LD headline, when declared. */
  headline: string | null;
  /** Whether the page says it is an article: og:type article, a JSON-LD Article, NewsArticle, BlogPosting, Report …, or a government site's ArticleTitle meta */
  declaresArticle: boolean;
}

/** name / property / itemprop (lower case) -> content of the page's <meta> tags, first one wins; one pass. */
function metaMap(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !out.has(key)) out.set(key, content);
    }
  }
  return out;
}

type Json = unknown;

/** Objects of every JSON-LD block, flattening arrays and @graph. */
function jsonLdObjects(doc: Document): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const add = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, Json>;
      out.push(o);
      if (o['@graph']) add(o['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      // some sites wrap the JSON in CDATA or HTML comment markers
      add(JSON.parse((s.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '')));
    } catch {
      // malformed JSON-LD is common (trailing commas, HTML entities): ignore that block
    }
  }
  return out;
}

function str(v: Json): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Record<string, Json>)['name']);
  return null;
}

function absolute(href: string | null, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}

export function readMeta(doc: Document, pageUrl?: string): PageMeta {
  const metas = metaMap(doc);
  const metaContent = (...names: string[]): string | null => {
    for (const n of names) {
      const v = metas.get(n.toLowerCase());
      if (v) return v;
    }
    return null;
  };
  const ld = jsonLdObjects(doc);
  const types = (o: Record<string, Json>): string[] => {
    const t = o['@type'];
    return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  };
  const ldArticle = ld.find((o) => types(o).some((t) => /Article|Posting|Report/i.test(t)));
  const ldAny = (key: string): Json => (ldArticle?.[key] ?? ld.find((o) => o[key] !== undefined)?.[key]) as Json;

  const timeEl = doc.querySelector('article time[datetime], time[pubdate], time[itemprop="datePublished"]');
  // JSON-LD first: news sites fill article:published_time with the last update more often
  const fields = [
    str(ldAny('datePublished')),
    metaContent('article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate',
      'PubDate', 'publish-date', 'publish_date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'date'),
    timeEl?.getAttribute('datetime'),
    // schema.org's dateCreated (microdata or JSON-LD) where the page gives no datePublished: when the
    // work was first put out, not its last update (dateModified is never the publication's date)
    str(ldAny('dateCreated')) ?? metaContent('dateCreated'),
  ];
  let published: string | null = null;
  let publishedOffset: number | null = null;
  for (const f of fields) {
    published = parseDate(f);
    if (published) {
      publishedOffset = statedOffset(f);
      break;
    }
  }

  const canonicalEl = doc.querySelector('link[rel~="canonical" i]');
  const base = pageUrl ?? undefined;
  const publisher = ldAny('publisher');
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  return {
    canonical: absolute(canonicalEl?.getAttribute('href')?.trim() ?? null, base),
    ogUrl: absolute(metaContent('og:url'), base),
    ogType: metaContent('og:type')?.toLowerCase() ?? null,
    ogTitle: metaContent('og:title', 'twitter:title'),
    siteName: metaContent('og:site_name', 'application-name') ?? str(publisher),
    lang:
      doc.documentElement?.getAttribute('lang')?.trim() ||
      doc.documentElement?.getAttribute('xml:lang')?.trim() ||
      doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim() ||
      metaContent('language', 'og:locale', 'inLanguage') ||
      null,
    published,
    publishedOffset,
    author: metaContent('author', 'article:author', 'byl') ?? str(ldAny('author')),
    h1,
    headline: str(ldAny('headline')),
    // ArticleTitle: the article-page tag of China's standard for government websites' page metadata
    // (beside SiteName, ColumnName, PubDate, ContentSource), which their column pages do not carry
    declaresArticle: ldArticle !== undefined || /^article\b/i.test(metaContent('og:type') ?? '') || metaContent('ArticleTitle') !== null,
  };
}
