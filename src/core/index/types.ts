// The compiled corpus: its index and texts as written to JSON, and the corpus as loaded for matching.
import type { PackedAlignment } from '../compare/align';
import type { ConceptIndex } from './concepts';
import type { StockTable } from './stock-table';
import type { Relation } from '../types';

/** Material a site appended after the article's own body (another article, a related-reading block). */
export interface AppendedPiece {
  title: string | null;
  paragraphs: string[];
  /** Its own author and editor lines. */
  sourceLines: string[];
}

/** Metadata of a compiled article: everything but the text. */
export interface DocMeta {
  id: string;
  title: string;
  titleDerived: boolean;
  lang: string;
  siteName: string | null;
  published: string | null;
  url: string | null;
  byline: string | null;
  originalTitle: string | null;
  declaredSource: string | null;
  sourceLines: string[];
  /** Folded characters of the body (the denominator of similarity). */
  chars: number;
  /** Paragraph count of the body and count of appended pieces, so the UI can say so without the text. */
  paragraphCount: number;
  appendedCount: number;
}

/** A relation between two corpus articles, computed at compile time with the page matcher. */
export interface DocRelation {
  a: string;
  b: string;
  relation: Relation;
  similarity: number;
}

/** index.json: small, loaded when the background worker starts. */
export interface CompiledIndex {
  format: 'reprint-lens-corpus-index';
  version: 1;
  /** FINGERPRINT_VERSION of the code that built it; a mismatch means the index must be rebuilt. */
  fingerprint: string;
  docs: DocMeta[];
  /**
   * Inverted index, as base64 of little-endian uint32 arrays of equal length, sorted by hash then
   * doc: postings[i] says doc number docs[i] (an index into `docs`) contains hash hashes[i].
   */
  postings: { hashes: string; docs: string; count: number };
  /** Hashes found in more than this many documents were dropped as boilerplate. */
  maxDocFrequency: number;
  /** Language-neutral keys (salient numbers) for finding translations, same layout as postings. */
  anchors: { hashes: string; docs: string; count: number };
  relations: DocRelation[];
  /**
   * The corpus's own stock text (src/core/index/stock-count.ts): windows of `k` characters that >= minArticles
   * of its articles carry in >= minMonths different months, counted over `articles` of them; `data`
   * as in assets/stock/zh-news.json. Optional: an index written before it existed still loads.
   */
  stock?: CorpusStock;
  /**
   * Concept keys for finding translations by meaning (src/core/index/concepts.ts): postings of each
   * article's top keys, same layout as postings, and the keys with the number of articles (of
   * `articles`, those in Chinese or English) that hold each. Optional: written only when the corpus
   * was compiled with the dictionary; an index without it finds translations by anchors alone.
   */
  concepts?: CompiledConcepts;
}

export interface CompiledConcepts {
  hashes: string;
  docs: string;
  count: number;
  keys: string;
  df: string;
  keyCount: number;
  articles: number;
  /**
   * Per article, the idf its indexed keys sum to before any key was dropped as too common, in
   * thousandths (u32 base64). Absent (an older build): summed from the postings at load.
   */
  norms?: string;
}

export interface CorpusStock {
  k: number;
  minArticles: number;
  minMonths: number;
  articles: number;
  windows: number;
  data: string;
}

export interface DocText {
  paragraphs: string[];
  appended: AppendedPiece[];
}

/** A sentence alignment of two articles that translate each other, computed at compile time. */
export interface StoredAlignment extends PackedAlignment {
  /** The Chinese article (the first of the packed counts) and the English one. */
  zh: string;
  en: string;
}

/** texts.json: the bodies, loaded only when a page has candidates to verify or a comparison is asked for. */
export interface CompiledTexts {
  format: 'reprint-lens-corpus-texts';
  version: 1;
  texts: Record<string, DocText>;
  /**
   * Alignments of the translation relations, keyed "a|b" with a < b. Optional: texts.json written
   * before they existed still loads, and its translations are aligned when compared.
   */
  alignments?: Record<string, StoredAlignment>;
}

/** Posting lists in memory: parallel arrays sorted by hash. */
export interface Postings {
  hashes: Uint32Array;
  docs: Uint32Array;
}

/** A loaded corpus, the same object in the extension and the CLI. */
export interface Corpus {
  docs: DocMeta[];
  /** Doc number (index into docs) by id. */
  byId: Map<string, number>;
  postings: Postings;
  anchors: Postings;
  /** Concept keys (translations by meaning), when the index has them. */
  concepts?: ConceptIndex;
  relations: DocRelation[];
  /**
   * Stock text for verification: the shipped table together with the corpus's own (one object
   * per loaded corpus, so what is derived from it is kept). Absent: the shipped table alone.
   */
  stock?: StockTable;
  /** The id a user typed: exact, or a unique prefix (000 -> 000_3e0ed82598e826fe); null when none or ambiguous. */
  resolve(idOrPrefix: string): string | null;
  /** Whether the texts are in memory: of these articles, or all of them (findVersions needs its candidates'). */
  textsLoaded(ids?: readonly string[]): boolean;
  /** Loads the texts of these articles, or all of them (a compiled folder loads its texts.json whole, once). */
  loadTexts(ids?: readonly string[]): Promise<void>;
  /**
   * The body of an article. Loads the texts first when readTexts answers synchronously (the CLI);
   * throws when they are still to be fetched (the extension: await loadTexts() first).
   */
  text(id: string): DocText;
  /**
   * The compile-time alignment of two articles (either order) that translate each other, or null.
   * Needs the texts, like text().
   */
  alignment(a: string, b: string): StoredAlignment | null;
}
