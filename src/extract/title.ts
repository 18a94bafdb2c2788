// The article's title.
import type { PageMeta } from './meta';

export function pickTitle(readabilityTitle: string, doc: Document, meta: PageMeta, siteName: string | null): string {
  void siteName;
  return readabilityTitle || meta.ogTitle || meta.h1 || (doc.title ?? '').trim();
}
