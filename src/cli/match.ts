// `match <file.html|file.txt|url> [--json] [--corpus <dir>] [--exclude <id>]`: the corpus versions
// of a page, as the extension would report them (the MatchReport JSON contract with --json).
// Web pages and .html files go through the article extractor; other files (corpus articles in any
// of their formats, plain text) through the corpus parser, so `match assets/corpus/002_...txt` works.
import { existsSync } from 'node:fs';
import { buildMatchReport } from '../core/match/match-report';
import type { FindOptions } from '../core/match/find-versions';
import type { Article, MatchReport } from '../core/types';
import { extractBounded } from '../extract/from-snapshot';
import { parseCorpusFile } from '../corpus/parse';
import type { Corpus } from '../core/index/types';
import { findLexicon, openCorpus } from './corpus';
import { errorText, readInputFile, readPage } from './html';
import { printError, printJson, printText } from './output';

const USAGE = 'usage: reprint-lens match <file.html|file.txt|url|corpus id> [--json] [--corpus <dir>] [--exclude <id>]';

interface Args {
  input: string;
  json: boolean;
  corpus?: string;
  exclude: string[];
}

function parseArgs(argv: string[]): Args | string {
  const inputs: string[] = [];
  const args: Args = { input: '', json: false, exclude: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--corpus' || a === '--exclude') {
      const v = argv[++i];
      if (!v) return `${a} needs a value (${USAGE})`;
      if (a === '--corpus') args.corpus = v;
      else args.exclude.push(v);
    } else if (a.startsWith('-')) return `unknown option ${a} (${USAGE})`;
    else inputs.push(a);
  }
  if (inputs.length !== 1) return USAGE;
  args.input = inputs[0]!;
  return args;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);
const isHtmlFile = (s: string): boolean => /\.(?:html?|xhtml)$/i.test(s);

/**
 * The page's article and whether it is one: extraction for web pages, the corpus parser for text
 * files, and, as in `compare`, a corpus id (000) for an article of the corpus itself.
 */
async function readArticle(input: string, corpus: Corpus): Promise<{ article: Article; isArticle: boolean }> {
  if (!isUrl(input) && !existsSync(input)) {
    const id = corpus.resolve(input);
    if (!id) throw new Error(`no such file: ${input} (nor a corpus id)`);
    const meta = corpus.docs[corpus.byId.get(id)!]!;
    const { title, byline, siteName, published, url, lang, sourceLines } = meta;
    return { article: { title, byline, siteName, published, url, lang, paragraphs: corpus.text(id).paragraphs, sourceLines }, isArticle: true };
  }
  if (isUrl(input) || isHtmlFile(input)) {
    const { doc } = await readPage(input);
    const { article, isArticle } = await extractBounded(doc, isUrl(input) ? input : undefined);
    return { article, isArticle };
  }
  const r = parseCorpusFile(input, await readInputFile(input));
  if (!r.ok) throw new Error(r.error);
  const { title, byline, siteName, published, url, lang, paragraphs, sourceLines } = r.doc;
  return { article: { title, byline, siteName, published, url, lang, paragraphs, sourceLines }, isArticle: true };
}

function formatText(report: MatchReport): string {
  const { page, topic, matches } = report;
  const lines = [
    `page:    ${page.title || '(no title)'} (${page.lang}, ${page.chars} characters${page.isArticle ? '' : ', not an article'})`,
    `topic:   ${topic.digitalGovernment ? 'digital government' : 'not digital government'} (score ${topic.score}${
      topic.terms.length ? `; ${topic.terms.slice(0, 5).map((t) => t.term).join(', ')}` : ''
    })`,
  ];
  if (matches.length === 0) lines.push('matches: none');
  else {
    lines.push(`matches: ${matches.length}`);
    for (const m of matches) {
      const via = m.via ? `  (via ${m.via})` : '';
      lines.push(`  ${m.relation.padEnd(11)} ${m.similarity.toFixed(3)}  ${m.id}  ${m.title}${via}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    printError(args);
    return 2;
  }
  try {
    const corpus = openCorpus(args.corpus);
    const exclude: string[] = [];
    for (const e of args.exclude) {
      const id = corpus.resolve(e);
      if (!id) {
        printError(`--exclude ${e}: no corpus article has that id (or it is the prefix of several)`);
        return 2;
      }
      exclude.push(id);
    }
    const { article, isArticle } = await readArticle(args.input, corpus);
    const opts: FindOptions = { exclude, lexicon: findLexicon(undefined, args.corpus) };
    const report = await buildMatchReport(article, isArticle, corpus, opts);
    if (args.json) printJson(report);
    else printText(formatText(report));
    return 0;
  } catch (e) {
    printError(errorText(e));
    return 1;
  }
}
