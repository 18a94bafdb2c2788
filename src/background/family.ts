// The provenance of a tab's versions: facts from the corpora (bundled or the reader's) and from
// the page, and how much of each same-language text lies within the others, for the pure
// src/core/compare/provenance.ts to weigh. The page joins the corpus article it carries whole (relation
// same) as one version, so that the page's date and source lines fill in what the file lacks.
import { overlapOf, PAGE_ID, provenance, declaredIn, type Overlap, type OverlapText, type Provenance, type VersionFacts } from '../core/compare/provenance';
import type { TabVerdict } from '../messages';
import { findDoc } from './user-matching';

/** Versions weighed at most: each same-language pair costs a passage search (a few milliseconds). */
const MAX_MEMBERS = 8;

export async function tabProvenance(verdict: TabVerdict): Promise<Provenance | null> {
  const article = verdict.extraction?.article;
  const matches = (verdict.report?.matches ?? []).slice(0, MAX_MEMBERS);
  if (!article || matches.length === 0) return null;
  const declared = declaredIn(article.sourceLines);
  const pageSite = article.siteName ?? declared.declaredSource;
  // an article of the reader's removed since the page was matched is left out
  const found = (await Promise.all(matches.map(async (m) => ({ m, doc: await findDoc(m.id).catch(() => null) })))).filter((f) => f.doc !== null);
  const same = found.find((f) => f.m.relation === 'same')?.m;

  const facts: VersionFacts[] = [];
  const texts: Array<OverlapText & { lang: string }> = [];
  for (const { m, doc } of found) {
    const { corpus, id } = doc!;
    const meta = corpus.docs[corpus.byId.get(id)!]!;
    const isPage = m === same;
    facts.push({
      id,
      title: meta.title,
      site: meta.siteName ?? (isPage ? pageSite : null),
      date: meta.published ?? (isPage ? article.published : null),
      lang: meta.lang,
      originalTitle: meta.originalTitle ?? (isPage ? declared.originalTitle : null),
      declaredSource: meta.declaredSource ?? (isPage ? declared.declaredSource : null),
      page: isPage,
    });
    texts.push({ id, lang: meta.lang, text: corpus.text(id).paragraphs.join('\n') });
  }
  if (!same) {
    facts.push({ id: PAGE_ID, title: article.title, site: pageSite, date: article.published, lang: article.lang, ...declared, page: true });
    texts.push({ id: PAGE_ID, lang: article.lang, text: article.paragraphs.join('\n'), trimEnds: true });
  }
  const overlaps: Overlap[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i]!.lang !== texts[j]!.lang) continue;
      const o = overlapOf(texts[i]!, texts[j]!);
      if (o) overlaps.push(o);
    }
  }
  return provenance(facts, overlaps);
}
