// One worker thread of `corpus build` (src/cli/parallel-compile.ts): it holds a copy of the
// articles and answers for a stretch of them at a time, first their keys, then, once the index is
// made, the relations found from them. Each answer is what compileDocs computes for those
// articles in one thread, by the same functions.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { corpusTexts, docKeys, relationsFrom, type DocKeys } from '../corpus/compile';
import { loadCorpus } from '../corpus/load';
import { loadLexicon, type LexiconJson } from '../core/text/lexicon';
import type { CompiledIndex, Corpus, DocRelation } from '../core/index/types';
import type { CorpusDoc } from '../corpus/types';
import type { ToWorker, FromWorker } from './parallel-compile';

const { docs, lexiconPath } = workerData as { docs: CorpusDoc[]; lexiconPath: string | null };
const lexicon = lexiconPath ? loadLexicon(JSON.parse(readFileSync(lexiconPath, 'utf8')) as LexiconJson) : null;
let corpus: Corpus | null = null;
let first: DocRelation[] | undefined;

function answer(m: ToWorker): FromWorker {
  switch (m.type) {
    case 'keys':
      return { type: 'keys', keys: docs.slice(m.from, m.to).map((d) => docKeys(d, lexicon)) };
    case 'index': {
      const texts = corpusTexts(docs);
      corpus = loadCorpus(m.index as CompiledIndex, () => texts);
      return { type: 'ready' };
    }
    case 'families':
      first = m.first;
      return { type: 'ready' };
    case 'relations': {
      if (!corpus) throw new Error('relations asked before the index');
      const keys: DocKeys[] = [];
      m.keys.forEach((k, j) => (keys[m.from + j] = k));
      const which = Array.from({ length: m.to - m.from }, (_, j) => m.from + j);
      return { type: 'relations', relations: relationsFrom(docs, keys, corpus, lexicon, which, m.families ? first : undefined) };
    }
  }
}

parentPort!.on('message', (m: ToWorker) => {
  try {
    parentPort!.postMessage(answer(m));
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
  }
});
