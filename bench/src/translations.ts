// Translations at scale: the bilingual dictionary's load time and memory in the worker, and finding
// the source of a real professional translation among 1,000 and 10,000 articles. The corpus is the
// 44 Chinese documents of ../shared/translations (every fifth left out, as its script does), the
// realnews set's real Chinese articles as distractors, and synthetic articles (synthetic.ts) past
// them; the pages are the 55 English translations. Timed: the translation retrieval alone (the
// page's concept keys and the index lookup) and the whole findVersions (retrieval, alignment of
// the candidates). Skipped without ../shared/translations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compileDocs } from '../../src/corpus/compile';
import { parseCorpusFile } from '../../src/corpus/parse';
import { loadCorpus } from '../../src/corpus/load';
import { conceptLookup, conceptTerms } from '../../src/core/index/concepts';
import { findVersions, forgetPreparedArticles, type PageText } from '../../src/core/match/find-versions';
import { loadLexicon, type Lexicon, type LexiconJson } from '../../src/core/text/lexicon';
import type { CorpusDoc } from '../../src/corpus/types';
import { corpusFile, leftOut, translationDocs, translationsPresent } from '../../tests/fixtures/translations';
import { realnewsCorpusFiles, realnewsPresent } from '../../tests/fixtures/realnews';
import { ROOT } from './sources';
import { log, repeat, summarize, timeOnce, usedMemory, type Summary } from './stats';
import { syntheticArticle, type Language } from './synthetic';

export interface DictionaryResult {
  entries: number;
  fileBytes: number;
  gzipBytes: number;
  /** JSON.parse + loadLexicon of lexicon.json, as the worker does once. */
  loadMs: Summary;
  /** Heap retained by the loaded dictionary after a full collection. */
  heapBytes: number;
}

export interface TranslationScale {
  articles: number;
  realArticles: number;
  compileMs: number;
  /** The page's concept keys and the lookup of its six best candidates. */
  retrieval: Summary;
  /** findVersions with the dictionary: retrieval, then alignment of the candidates. */
  latency: Summary;
  /** English pages whose Chinese source is the first match, of those whose source is in the corpus. */
  top1: string;
  /** Pages (of all 55) with a match that is not their source. */
  falseMatches: number;
  /** page -> the wrong match, relation and similarity (the first few). */
  falseNames: string[];
}

export interface TranslationsResult {
  dictionary: DictionaryResult;
  pages: number;
  scales: TranslationScale[];
}

export function measureDictionary(): DictionaryResult {
  const path = join(ROOT, 'dist/corpus/lexicon.json');
  const raw = readFileSync(path);
  const text = raw.toString('utf8');
  const entries = Object.keys((JSON.parse(text) as LexiconJson).entries).length;
  const before = usedMemory();
  const kept: Lexicon[] = [loadLexicon(JSON.parse(text) as LexiconJson)];
  const heapBytes = usedMemory() - before;
  if (kept.length !== 1) throw new Error('unreachable'); // keeps the loaded lexicon alive across the measurement
  const loadMs = summarize(repeat(() => loadLexicon(JSON.parse(text) as LexiconJson), 5, 1));
  return { entries, fileBytes: raw.byteLength, gzipBytes: gzipSync(raw).byteLength, loadMs, heapBytes };
}

export function runTranslations(langs: Language[], lexicon: Lexicon, sizes: number[]): TranslationsResult | null {
  if (!translationsPresent()) {
    log('translations: ../shared/translations not found, skipped');
    return null;
  }
  log('translations: the dictionary');
  const dictionary = measureDictionary();
  const docs = translationDocs();
  const sources = docs.filter((_, i) => !leftOut(i));
  const real = realnewsPresent() ? realnewsCorpusFiles() : [];
  const pages: Array<{ id: string; page: PageText; inCorpus: boolean }> = docs.map((d, i) => ({
    id: d.id,
    page: { title: d.en[0]!, lang: 'en', paragraphs: d.en.slice(1) },
    inCorpus: !leftOut(i),
  }));
  const scales: TranslationScale[] = [];
  for (const size of sizes) {
    const realCount = Math.min(real.length, size - sources.length);
    log(`translations: ${size.toLocaleString('en')} articles (${sources.length} sources, ${realCount} real, ${size - sources.length - realCount} synthetic)`);
    const files = [...sources.map((d) => corpusFile(d, 'zh')), ...real.slice(0, realCount)];
    const synthetic: CorpusDoc[] = Array.from({ length: size - files.length }, (_, i) => syntheticArticle(langs, 20221207, i));
    // the real files parsed as `corpus build` parses them, compiled together with the synthetic articles
    const parsed = files.map((f) => {
      const r = parseCorpusFile(f.name, f.content);
      if (!r.ok) throw new Error(r.error);
      return r.doc;
    });
    const built = timeOnce(() => compileDocs([...parsed, ...synthetic], { lexicon }));
    const corpus = loadCorpus(JSON.parse(JSON.stringify(built.value.index)), () => built.value.texts);
    corpus.text(corpus.docs[0]!.id);
    const retrieval: number[] = [];
    const latency: number[] = [];
    let top1 = 0;
    let falseMatches = 0;
    const falseNames: string[] = [];
    for (const p of pages) {
      retrieval.push(...repeat(() => conceptLookup(conceptTerms(p.page.paragraphs, 'en', lexicon), corpus.concepts!, 6, () => true), 5));
      latency.push(...repeat(() => findVersions(p.page, corpus, { lexicon }), 3, 1, () => forgetPreparedArticles(corpus)));
      const ms = findVersions(p.page, corpus, { lexicon });
      if (p.inCorpus && ms[0]?.id === p.id && ms[0].relation === 'translation') top1++;
      const wrong = ms.filter((m) => m.id !== p.id);
      if (wrong.length) falseMatches++;
      falseNames.push(...wrong.map((m) => `${p.id} -> ${m.id} ${m.relation} ${m.similarity}`));
    }
    scales.push({
      articles: corpus.docs.length,
      realArticles: realCount,
      compileMs: Math.round(built.ms),
      retrieval: summarize(retrieval),
      latency: summarize(latency),
      top1: `${top1}/${sources.length}`,
      falseMatches,
      falseNames: falseNames.slice(0, 8),
    });
  }
  return { dictionary, pages: pages.length, scales };
}
