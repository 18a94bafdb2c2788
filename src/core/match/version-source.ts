// Where the versions of a page are looked for, as the extension and the CLI see it: a source
// answers "which of your articles are versions of this page?" and "give me this article to
// compare". A corpus held here (the bundled one, the reader's, an installed pack) is one kind of
// source (localSource); a corpus held by a server would be another, sending what retrieval needs
// (the page's sampled hashes, never its text) and fetching only the candidates' texts
// (docs/REMOTE-CORPUS.md). The background asks every source the same way.
import { findVersionsLoading, type FindOptions, type PageText } from './find-versions';
import type { Corpus } from '../index/types';
import type { Match } from '../types';

export interface VersionSource {
  /** Which source this is, for the reader (a pack's name), or null for the bundled corpus and the reader's own. */
  readonly label: string | null;
  /** The versions of a page among this source's articles, strongest first (findVersions' answer). */
  versionsOf(page: PageText, opts: FindOptions): Promise<Match[]>;
  /**
   * One of its articles with its text loaded, for comparing (a corpus holding it: a remote source
   * makes a one-article corpus of what it fetched); null when it has no such article.
   */
  article(id: string): Promise<{ corpus: Corpus; id: string } | null>;
}

/** A corpus in memory (texts loaded on demand) as a source. */
export function localSource(corpus: Corpus, label: string | null): VersionSource & { corpus: Corpus } {
  return {
    label,
    corpus,
    versionsOf: (page, opts) => findVersionsLoading(page, corpus, opts),
    async article(id) {
      const found = corpus.resolve(id);
      if (!found) return null;
      await corpus.loadTexts([found]);
      return { corpus, id: found };
    },
  };
}
