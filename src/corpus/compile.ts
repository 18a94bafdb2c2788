// Compiling a folder of articles into the corpus the extension bundles: index.json (metadata,
// fingerprint postings, figure anchors, the articles' relations to each other) and texts.json
// (their bodies). Pure: files in, JSON objects out; src/cli/corpus.ts does the reading and writing.
import { packedAlignment } from '../core/compare/align';
import { anchorHashes, fingerprint, FINGERPRINT_VERSION } from '../core/index/fingerprint';
import { buildConcepts, conceptMaxDf, conceptTerms, type ConceptTerms } from '../core/index/concepts';
import type { Lexicon } from '../core/text/lexicon';
import { corpusExcerptHolds, findVersions, sameLanguageCandidates } from '../core/match/find-versions';
import { prepareText } from '../core/match/passages';
import { corpusStockWindows, countedArticles, MIN_ARTICLES, MIN_MONTHS } from '../core/index/stock-count';
import { encodeStockTable, STOCK_K } from '../core/index/stock-table';
import { bilingualSide } from '../core/match/translation-evidence';
import { alignmentKey, loadCorpus } from './load';
import { parseCorpusFile } from './parse';
import { buildPostings, encodeU32 } from '../core/index/postings';
import type { CompiledIndex, CompiledTexts, Corpus, DocMeta, DocRelation, DocText, StoredAlignment } from '../core/index/types';
import type { CorpusDoc } from './types';

export interface CorpusFile {
  name: string;
  content: string | Uint8Array;
}

export interface CompileResult {
  index: CompiledIndex;
  texts: CompiledTexts;
  /** One message per file that could not be compiled, naming the file. */
  errors: string[];
  /** Sizes for the report: postings kept, hashes dropped as boilerplate. */
  stats: { docs: number; postings: number; droppedHashes: number; anchors: number };
}

/**
 * Boilerplate: a hash found in more than this many articles says nothing about which one a page
 * reprints (site footers, the official communiqué every report quotes). 100 documents as in
 * Churnalism, or 0.5% of the corpus when that is more, so that a big family of reprints of one
 * article (all sharing its hashes) is not dropped from a corpus of 100,000.
 */
export function maxDocFrequency(docs: number): number {
  return Math.max(100, Math.ceil(docs * 0.005));
}

function metaOf(doc: CorpusDoc, chars: number): DocMeta {
  return {
    id: doc.id,
    title: doc.title,
    titleDerived: doc.titleDerived,
    lang: doc.lang,
    siteName: doc.siteName,
    published: doc.published,
    url: doc.url,
    byline: doc.byline,
    originalTitle: doc.originalTitle,
    declaredSource: doc.declaredSource,
    sourceLines: doc.sourceLines,
    chars,
    paragraphCount: doc.paragraphs.length,
    appendedCount: doc.appended.length,
  };
}

export interface CompileOptions {
  /** The bilingual lexicon: without it, translations among the articles are not related. */
  lexicon?: Lexicon | null;
}

/**
 * What the index needs of one article, computed once: its sampled hashes and folded length, its
 * figure anchors, and its concept terms (null without the dictionary or on neither side of the
 * language pair). Independent of every other article, so the CLI computes them in parallel.
 */
export interface DocKeys {
  hashes: Uint32Array;
  chars: number;
  anchors: Uint32Array;
  terms: ConceptTerms | null;
}

export function docKeys(d: CorpusDoc, lexicon: Lexicon | null): DocKeys {
  const body = d.paragraphs.join('\n');
  const fp = fingerprint(body);
  // concept keys need the dictionary for the Chinese side; without it translations are found by anchors alone
  const side = lexicon ? bilingualSide(d.lang, d.paragraphs) : null;
  const anchors = anchorHashes(body);
  return { hashes: fp.hashes, chars: fp.chars, anchors, terms: side && lexicon ? conceptTerms(d.paragraphs, side, lexicon, anchors) : null };
}

/** The articles' bodies as the corpus stores them. */
export function corpusTexts(docs: CorpusDoc[]): CompiledTexts {
  // ids are keys of a Map, never of a plain object: an article named __proto__ or constructor is
  // an article like any other. The JSON object is made from the Map with Object.fromEntries, which
  // defines own properties (an assignment texts['__proto__'] = … would set the prototype instead).
  const texts = new Map<string, DocText>(docs.map((d) => [d.id, { paragraphs: d.paragraphs, appended: d.appended }]));
  return { format: 'reprint-lens-corpus-texts', version: 1, texts: Object.fromEntries(texts) };
}

/** The index of the articles from their keys: metadata, postings, anchors, concepts, stock table; no relations yet. */
export function indexDocs(docs: CorpusDoc[], keys: DocKeys[], lexicon: Lexicon | null): Omit<CompileResult, 'errors'> {
  const maxDf = maxDocFrequency(docs.length);
  const { postings, dropped } = buildPostings(keys.map((k) => k.hashes), maxDf);
  const { postings: anchors } = buildPostings(keys.map((k) => k.anchors), maxDf);
  const index: CompiledIndex = {
    format: 'reprint-lens-corpus-index',
    version: 1,
    fingerprint: FINGERPRINT_VERSION,
    docs: docs.map((d, i) => metaOf(d, keys[i]!.chars)),
    postings: { hashes: encodeU32(postings.hashes), docs: encodeU32(postings.docs), count: postings.hashes.length },
    maxDocFrequency: maxDf,
    anchors: { hashes: encodeU32(anchors.hashes), docs: encodeU32(anchors.docs), count: anchors.hashes.length },
    relations: [],
  };
  if (lexicon) {
    const terms = keys.map((k) => k.terms);
    const c = buildConcepts(terms, conceptMaxDf(docs.length));
    index.concepts = {
      hashes: encodeU32(c.postings.hashes),
      docs: encodeU32(c.postings.docs),
      count: c.postings.hashes.length,
      keys: encodeU32(c.keys),
      df: encodeU32(c.df),
      keyCount: c.keys.length,
      articles: terms.filter((t) => t !== null).length,
      ...(c.norms ? { norms: encodeU32(c.norms) } : {}),
    };
  }
  const dated = docs.map((d) => ({ text: d.paragraphs.join('\n'), published: d.published }));
  const stockWindows = corpusStockWindows(dated);
  if (stockWindows.length) {
    index.stock = { k: STOCK_K, minArticles: MIN_ARTICLES, minMonths: MIN_MONTHS, articles: countedArticles(dated), windows: stockWindows.length, data: encodeStockTable(stockWindows) };
  }
  return {
    index,
    texts: corpusTexts(docs),
    stats: { docs: docs.length, postings: postings.hashes.length, droppedHashes: dropped, anchors: anchors.hashes.length },
  };
}

/** Compiles already parsed articles (the CLI's `--corpus <dir>` and the tests use this too). */
export function compileDocs(docs: CorpusDoc[], opts: CompileOptions = {}): Omit<CompileResult, 'errors'> {
  const lexicon = opts.lexicon ?? null;
  const keys = docs.map((d) => docKeys(d, lexicon));
  const compiled = indexDocs(docs, keys, lexicon);
  const corpus = loadCorpus(compiled.index, () => compiled.texts);
  const all = docs.map((_, i) => i);
  const first = mergeRelations(relationsFrom(docs, keys, corpus, lexicon, all));
  const second = needsFamilyPass(first) ? relationsFrom(docs, keys, corpus, lexicon, all, first) : [];
  return finishCompile(docs, compiled, mergeRelations(first, second), lexicon);
}

/** The compiled corpus with its relations, and the translations among them aligned once. */
export function finishCompile(docs: CorpusDoc[], compiled: Omit<CompileResult, 'errors'>, relations: DocRelation[], lexicon: Lexicon | null): Omit<CompileResult, 'errors'> {
  compiled.index.relations = relations;
  if (lexicon) {
    const alignments = translationAlignments(docs, relations, lexicon);
    if (alignments.size) compiled.texts.alignments = Object.fromEntries(alignments);
  }
  return compiled;
}

/**
 * The corpus's own relations, found with the page matcher itself (each article as the page, itself
 * excluded), so that run time and compile time agree on what a version is. A pair found from both
 * sides keeps the stronger verdict (mergeRelations).
 *
 * Two passes, because retrieval counts a hash's articles by family (see candidates in
 * src/core/match/find-versions.ts) and the families are what the first pass finds: an article quoting one
 * sentence of a text that has several reprints in the corpus is only retrieved once those reprints
 * are known to be one family. The second pass (given the first pass's relations as `first`)
 * verifies again only the articles that the families give new candidates (few: short quotations
 * of reprinted texts). `which` are the article numbers to match: all of them, or the CLI's share
 * of them in one worker.
 */
export function relationsFrom(docs: CorpusDoc[], keys: DocKeys[], corpus: Corpus, lexicon: Lexicon | null, which: Iterable<number>, first?: DocRelation[]): DocRelation[] {
  const out: DocRelation[] = [];
  const withFamilies: Corpus | null = first ? { ...corpus, relations: first } : null;
  for (const i of which) {
    const d = docs[i]!;
    const k = keys[i]!;
    const opts = { exclude: [d.id], lexicon, corpusPair: true, keys: { hashes: k.hashes, anchors: k.anchors, ...(k.terms ? { concepts: k.terms } : {}) } };
    let within = corpus;
    if (withFamilies) {
      const before = new Set(sameLanguageCandidates(d, corpus, opts).map((c) => c.doc));
      if (!sameLanguageCandidates(d, withFamilies, opts).some((c) => !before.has(c.doc))) continue;
      within = withFamilies;
    }
    for (const m of findVersions(d, within, { ...opts, family: false })) {
      // a shared sentence is a page's excerpt, not yet a relation between two stored articles
      if (m.relation === 'excerpt' && !corpusExcerptHolds(prepareText(d.paragraphs.join('\n')), prepareText(corpus.text(m.id).paragraphs.join('\n')), corpus.stock)) continue;
      const [a, b] = d.id < m.id ? [d.id, m.id] : [m.id, d.id];
      out.push({ a, b, relation: m.relation, similarity: m.similarity });
    }
  }
  return out;
}

/** Whether the first pass found versions (a same, reprint or translation), whose families a second pass needs. */
export function needsFamilyPass(first: DocRelation[]): boolean {
  return first.some((r) => r.relation !== 'excerpt');
}

const RANK = { same: 4, reprint: 3, translation: 2, excerpt: 1 } as const;

/** One relation per pair, the strongest found (then the most similar), sorted by the pair's ids. */
export function mergeRelations(...lists: DocRelation[][]): DocRelation[] {
  const pairs = new Map<string, DocRelation>();
  for (const list of lists) {
    for (const r of list) {
      const key = `${r.a}\u0000${r.b}`;
      const old = pairs.get(key);
      if (!old || RANK[r.relation] > RANK[old.relation] || (r.relation === old.relation && r.similarity > old.similarity)) pairs.set(key, r);
    }
  }
  return [...pairs.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/**
 * Sentence alignments of the related articles written in Chinese and English, computed once here
 * so that comparing two of them (the compare command, the extension's comparison of two corpus
 * articles) does not align them again. A page is not in the corpus: it is aligned when compared.
 */
function translationAlignments(docs: CorpusDoc[], relations: DocRelation[], lexicon: Lexicon): Map<string, StoredAlignment> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out = new Map<string, StoredAlignment>();
  for (const r of relations) {
    const a = byId.get(r.a)!;
    const b = byId.get(r.b)!;
    const sa = bilingualSide(a.lang, a.paragraphs);
    const sb = bilingualSide(b.lang, b.paragraphs);
    if (!sa || !sb || sa === sb) continue;
    const [zh, en] = sa === 'zh' ? [a, b] : [b, a];
    out.set(alignmentKey(a.id, b.id), { zh: zh.id, en: en.id, ...packedAlignment(zh.paragraphs, en.paragraphs, lexicon) });
  }
  return out;
}

/** Parses files in name order; bad files (and a second file with an id already taken) are reported in `errors` and left out. */
export function parseCorpusFiles(files: CorpusFile[]): { docs: CorpusDoc[]; errors: string[] } {
  const errors: string[] = [];
  const docs: CorpusDoc[] = [];
  const seen = new Set<string>();
  for (const f of [...files].sort((x, y) => x.name.localeCompare(y.name))) {
    const r = parseCorpusFile(f.name, f.content);
    if (!r.ok) errors.push(r.error);
    else if (seen.has(r.doc.id)) errors.push(`${f.name}: another file already has the id ${r.doc.id}`);
    else {
      seen.add(r.doc.id);
      docs.push(r.doc);
    }
  }
  return { docs, errors };
}

/** Parses and compiles files; bad files are reported in `errors` and left out, the rest compiled. */
export function compileCorpus(files: CorpusFile[], opts: CompileOptions = {}): CompileResult {
  const { docs, errors } = parseCorpusFiles(files);
  return { ...compileDocs(docs, opts), errors };
}
