// One entry point for comparing two versions, whatever their languages: same-language versions
// go to the diff-based comparison, different languages to the translation aligner. The background
// worker and the CLI both call this.
import type { Article, Comparison, Match } from './types';
import type { Corpus } from '../corpus/types';
import { compareVersions, type VersionText } from './compare';
import { compareTranslation } from './compare-translation';
import type { Lexicon } from './lexicon';

export type { VersionText };

/** A corpus article as a version to compare: its own body, with what its site appended kept apart. */
export function versionOfDoc(corpus: Corpus, id: string): VersionText {
  const meta = corpus.docs[corpus.byId.get(id) ?? -1];
  if (!meta) throw new Error(`no article ${id} in the corpus`);
  const text = corpus.text(id);
  return {
    id,
    title: meta.title,
    lang: meta.lang,
    paragraphs: text.paragraphs,
    appended: text.appended.flatMap((p) => (p.title ? [p.title, ...p.paragraphs] : p.paragraphs)),
    sourceLines: meta.sourceLines,
  };
}

/** A page's extracted article as a version to compare. */
export function versionOfArticle(article: Article, id?: string): VersionText {
  return { ...(id ? { id } : {}), title: article.title, lang: article.lang, paragraphs: article.paragraphs, sourceLines: article.sourceLines };
}

export interface CompareAnyOptions {
  granularity?: 'char' | 'word' | undefined;
  foldNoise?: boolean | undefined;
  /** The match that found b as a version of a: its spans bound the compared region. */
  match?: Match | undefined;
}

export function compareAny(a: VersionText, b: VersionText, opts: CompareAnyOptions, lexicon: Lexicon | null): Comparison {
  if (a.lang !== b.lang) {
    if (!lexicon) throw new Error('comparing two languages needs the bilingual lexicon');
    return compareTranslation(a, b, lexicon);
  }
  const { match } = opts;
  const region = match?.docSpan && match.pageSpan ? { a: match.docSpan, b: match.pageSpan } : undefined;
  return compareVersions(a, b, {
    ...(opts.granularity ? { granularity: opts.granularity } : {}),
    ...(opts.foldNoise !== undefined ? { foldNoise: opts.foldNoise } : {}),
    ...(region ? { region } : {}),
  });
}
