// The real material the bench starts from: the five corpus articles (parsed as `corpus build`
// parses them), the bilingual lexicon the build made, and the 30 real-world pages read with the
// project's own extractor (the article text the extension would match).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCorpusFile } from '../../src/corpus/parse';
import type { CorpusDoc } from '../../src/corpus/types';
import { loadLexicon, type Lexicon, type LexiconJson } from '../../src/core/text/lexicon';
import { extractArticle } from '../../src/extract/article';
import { decodeHtml, parseHtml } from '../../src/cli/html';
import type { Article } from '../../src/core/types';

// bench/src/*.ts and their bundles in bench/out/ both sit two folders below the checkout
export const ROOT = resolve(import.meta.dirname, "../..");
export const SHARED = resolve(ROOT, '../shared');

export function corpusDocs(): CorpusDoc[] {
  const dir = join(ROOT, 'assets/corpus');
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((name) => {
      const r = parseCorpusFile(name, readFileSync(join(dir, name)));
      if (!r.ok) throw new Error(r.error);
      return r.doc;
    });
}

export function lexicon(): Lexicon {
  const path = join(ROOT, 'dist/corpus/lexicon.json');
  return loadLexicon(JSON.parse(readFileSync(path, 'utf8')) as LexiconJson);
}

export interface RealPage {
  name: string;
  /** Language from labels.json (the page's own). */
  lang: string;
  isArticle: boolean;
  article: Article;
}

export function realworldPages(): RealPage[] {
  const dir = join(SHARED, 'realworld');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Array<{ name: string; lang: string }>;
  return labels.map((l) => {
    const { html } = decodeHtml(readFileSync(join(dir, l.name, 'source.html')));
    const r = extractArticle(parseHtml(html));
    return { name: l.name, lang: l.lang, isArticle: r.isArticle, article: r.article };
  });
}
