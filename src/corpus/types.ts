// A corpus article as parsed from its file, before it is compiled (src/core/index/types.ts has the compiled forms).
import type { Article } from '../core/types';
import type { AppendedPiece } from '../core/index/types';

/** One corpus article parsed from its file. `paragraphs` is the article's own body only. */
export interface CorpusDoc extends Article {
  /** The file stem, e.g. 000_3e0ed82598e826fe. */
  id: string;
  /** Byline or editor name(s) as one string (战钊; 李源、曹淼; Wang Yanbin). Same as Article.byline. */
  byline: string | null;
  /** The title the text says it was first published under (原标题). */
  originalTitle: string | null;
  /** The source the text declares (文章来源/来源/转自), e.g. 光明网. */
  declaredSource: string | null;
  /** True when the file has no title and `title` was taken from the first sentence. */
  titleDerived: boolean;
  appended: AppendedPiece[];
  /** Which of the known layouts the file was read as. */
  format: 'front-matter-html' | 'html' | 'header-lines' | 'plain';
}

export type ParseResult = { ok: true; doc: CorpusDoc } | { ok: false; file: string; error: string };
