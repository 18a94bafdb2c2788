// One entry point for comparing two versions, whatever their languages: same-language versions
// go to the diff-based comparison, different languages to the translation aligner. The background
// worker and the CLI both call this.
import type { Article, Comparison, Match } from '../types';
import type { AppendedPiece, Corpus, StoredAlignment } from '../index/types';
import { compareVersions, type VersionText } from './compare-versions';
import { compareTranslation } from './compare-translation';
import type { Lexicon } from '../text/lexicon';
import { bilingualSide } from '../match/translation-evidence';

export type { VersionText };

/**
 * The corpus each version made by versionOfDoc came from, so that compareAny can use the alignment
 * the compiler stored for two corpus articles. A page's version is not here: it is aligned afresh.
 */
const fromCorpus = new WeakMap<VersionText, { corpus: Corpus; paragraphs: string[] }>();

/** A corpus article as a version to compare: its own body, with what its site appended kept apart. */
export function versionOfDoc(corpus: Corpus, id: string): VersionText {
  const meta = corpus.docs[corpus.byId.get(id) ?? -1];
  if (!meta) throw new Error(`no article ${id} in the corpus`);
  const text = corpus.text(id);
  const version: VersionText = {
    id,
    title: meta.title,
    lang: meta.lang,
    paragraphs: text.paragraphs,
    appended: appendedParagraphs(text.appended),
    sourceLines: meta.sourceLines,
  };
  fromCorpus.set(version, { corpus, paragraphs: text.paragraphs });
  return version;
}

/** The alignment the compiler stored for two articles of one corpus, oriented as compareTranslation reads them; else null. */
function storedAlignment(a: VersionText, b: VersionText): StoredAlignment | null {
  const ca = fromCorpus.get(a);
  const cb = fromCorpus.get(b);
  // a version whose body was replaced after versionOfDoc is no longer the corpus text
  if (!ca || !cb || ca.corpus !== cb.corpus || ca.paragraphs !== a.paragraphs || cb.paragraphs !== b.paragraphs) return null;
  if (!a.id || !b.id) return null;
  const stored = ca.corpus.alignment(a.id, b.id);
  const zhId = bilingualSide(a.lang, a.paragraphs) === 'zh' ? a.id : b.id;
  return stored && stored.zh === zhId ? stored : null;
}

/** What a site appended after the article, as the paragraphs `outside` reports (titles included). */
function appendedParagraphs(pieces: Array<{ title: string | null; paragraphs: string[] }>): string[] {
  return pieces.flatMap((p) => (p.title ? [p.title, ...p.paragraphs] : p.paragraphs));
}

/** A parsed corpus file as a version to compare (a file given to the CLI, a test fixture). */
export function versionOfCorpusDoc(d: Article & { id: string; appended: AppendedPiece[] }): VersionText {
  return { id: d.id, title: d.title, lang: d.lang, paragraphs: d.paragraphs, appended: appendedParagraphs(d.appended), sourceLines: d.sourceLines };
}

/** A page's extracted article as a version to compare. */
export function versionOfArticle(article: Article, id?: string): VersionText {
  return { ...(id ? { id } : {}), title: article.title, lang: article.lang, paragraphs: article.paragraphs, sourceLines: article.sourceLines };
}

export interface CompareAnyOptions {
  granularity?: 'char' | 'word' | undefined;
  foldNoise?: boolean | undefined;
  /** Compare in Simplified script (default true); false shows Traditional/Simplified differences as changes. */
  foldScript?: boolean | undefined;
  /** The match that found b as a version of a: its spans bound the compared region. */
  match?: Match | undefined;
}

export function compareAny(a: VersionText, b: VersionText, opts: CompareAnyOptions, lexicon: Lexicon | null): Comparison {
  if (a.lang !== b.lang) {
    if (!lexicon) throw new Error('comparing two languages needs the bilingual lexicon');
    return compareTranslation(a, b, lexicon, { alignment: storedAlignment(a, b) });
  }
  const { match } = opts;
  const region = match?.docSpan && match.pageSpan ? { a: match.docSpan, b: match.pageSpan } : undefined;
  return compareVersions(a, b, {
    ...(opts.granularity ? { granularity: opts.granularity } : {}),
    ...(opts.foldNoise !== undefined ? { foldNoise: opts.foldNoise } : {}),
    ...(opts.foldScript !== undefined ? { foldScript: opts.foldScript } : {}),
    ...(region ? { region } : {}),
  });
}
