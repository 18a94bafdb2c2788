// The bundled corpus, loaded from the extension's own packaged files (never the network): the
// small index when the worker first needs it, the texts only when a page has candidates or a
// comparison is asked for. Kept in memory while the worker lives.
import browser from 'webextension-polyfill';
import { loadCorpus } from '../corpus/load';
import type { Corpus } from '../core/index/types';
import { loadLexicon, type Lexicon, type LexiconJson } from '../core/text/lexicon';

let corpus: Promise<Corpus> | null = null;

async function packaged(path: string): Promise<unknown> {
  const res = await fetch(browser.runtime.getURL(path));
  if (!res.ok) throw new Error(`the packaged file ${path} is missing (${res.status})`);
  return res.json();
}

/** The corpus index; its texts load on demand (corpus.loadTexts(), done by matching and comparing). */
export function getCorpus(): Promise<Corpus> {
  corpus ??= (async () => loadCorpus(await packaged('corpus/index.json'), () => packaged('corpus/texts.json')))().catch((e: unknown) => {
    corpus = null; // let the next request try again
    throw e;
  });
  return corpus;
}

let lexicon: Promise<Lexicon> | null = null;
/** The bilingual lexicon: finding and comparing translations need it. */
export function getLexicon(): Promise<Lexicon> {
  lexicon ??= packaged('corpus/lexicon.json').then((json) => loadLexicon(json as LexiconJson)).catch((e: unknown) => {
    lexicon = null;
    throw e;
  });
  return lexicon;
}
