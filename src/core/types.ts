// The data shapes every part of Reprint Lens agrees on. Pure types: no code, no browser API.
// The JSON printed by the CLI and exchanged between extension contexts is built from these.

/** ISO 639-1 code as used throughout: 'zh', 'en', 'ja', 'fr', ... or 'und' when unknown. */
export type Lang = string;

/** An article as extracted from a page (content script, CLI) or parsed from a corpus file. */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Publication date as found, normalised to ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` when parseable. */
  published: string | null;
  /** Canonical URL where the page declares one, else the page URL. */
  url: string | null;
  lang: Lang;
  /** Body paragraphs in reading order, plain text (never HTML). */
  paragraphs: string[];
  /** Source, editor and byline lines found around the body (来源, 责任编辑, 文章来源, (作者) ...). */
  sourceLines: string[];
  /** True when the article text was cut to the extraction cap. */
  truncated?: boolean;
}

export interface TopicTerm {
  term: string;
  weight: number;
  count: number;
}

export interface TopicVerdict {
  digitalGovernment: boolean;
  score: number;
  /** The terms that decided, strongest first. */
  terms: TopicTerm[];
}

export type Relation = 'same' | 'reprint' | 'excerpt' | 'translation';

/** Half-open character offsets [start, end) into a text. */
export interface Span {
  start: number;
  end: number;
}

export interface Match {
  id: string;
  relation: Relation;
  /** 0..1, how much of the two texts is shared (see README for the definition). */
  similarity: number;
  /**
   * Same-language matches: the share of the shared text that is rare, i.e. not stock text that
   * many unrelated news articles carry (official formulations, templates; see README). 1 when all
   * of it is the two texts' own.
   */
  rareShare?: number;
  title: string;
  lang: Lang;
  /** For a family member reached through another corpus article: that article's id. */
  via?: string;
  /** Where the shared text lies in the page's body text (paragraphs joined by "\n"). */
  pageSpan?: Span;
  /** Where the shared text lies in the corpus article's body text. */
  docSpan?: Span;
}

export interface PageSummary {
  title: string;
  lang: Lang;
  chars: number;
  isArticle: boolean;
}

/** The `match` JSON contract (README). */
export interface MatchReport {
  page: PageSummary;
  topic: TopicVerdict;
  matches: Match[];
}

export type RowKind = 'equal' | 'changed' | 'deleted' | 'inserted' | 'moved';
/** diff-match-patch style operation: -1 deleted from a, 0 kept, 1 inserted in b. */
export type DiffOp = [-1 | 0 | 1, string];

export interface NumberCheck {
  a: string;
  b: string;
  agree: boolean;
}

export interface CompareRow {
  kind: RowKind;
  a: string | null;
  b: string | null;
  ops?: DiffOp[];
  numbers?: NumberCheck[];
  /** Translation rows: figures of each side that have no partner in the other (not in the other version; never a disagreement). */
  numbersUnpaired?: { a: string[]; b: string[] };
}

export type EditType =
  | 'sentence-deleted'
  | 'sentence-inserted'
  | 'phrase-deleted'
  | 'phrase-inserted'
  | 'number-changed'
  | 'attribution-removed'
  | 'attribution-added'
  | 'title-changed'
  | 'paragraph-moved'
  | 'appended-material'
  | 'not-translated'
  | 'added-in-translation'
  | 'number-mismatch'
  | 'invisible-inserted';

export interface Edit {
  type: EditType;
  a?: string;
  b?: string;
  /** Index into `rows` where the edit is shown, when it has a place. */
  row?: number;
}

export interface CompareSide {
  id?: string;
  title: string;
  lang: Lang;
}

export interface CompareSummary {
  /** Share of a's characters (outside excluded) that b keeps, 0..1. */
  kept: number;
  deletedChars: number;
  insertedChars: number;
}

/** The `compare` JSON contract (README). */
export interface Comparison {
  a: CompareSide;
  b: CompareSide;
  crossLanguage: boolean;
  similarity: number;
  rows: CompareRow[];
  outside: { a: string[]; b: string[] };
  edits: Edit[];
  summary: CompareSummary;
  degraded: boolean;
}
