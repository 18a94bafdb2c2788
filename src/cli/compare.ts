// `compare <a> <b> [--json | --html <out.html> | --markdown | --text] [--granularity char|word] [--no-fold] [--no-fold-script] [--corpus <dir>]`
// a and b are corpus ids (a unique prefix such as 000 will do) or files: a saved page (.html) is
// extracted like the extension does, any other file is read as an article in one of the corpus
// formats. Two languages go to the translation aligner, one language to the diff.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { compareAny, versionOfArticle, versionOfCorpusDoc, versionOfDoc, type VersionText } from '../core/compare/compare-any';
import type { Lexicon } from '../core/text/lexicon';
import { renderHtml } from '../core/report/html';
import { renderMarkdown } from '../core/report/markdown';
import { renderText } from '../core/report/text';
import { parseCorpusFile } from '../corpus/parse';
import type { Corpus } from '../core/index/types';
import { extractBounded } from '../extract/from-snapshot';
import { findLexicon, openCorpus } from './corpus';
import { errorText, readInputFile, readPage } from './html';
import { printError, printJson, printPainted, printText } from './output';
import { terminalSafeDeep } from './terminal-safe';

const USAGE = 'usage: reprint-lens compare <a> <b> [--json | --html <out.html> | --markdown | --text] [--granularity char|word] [--no-fold] [--no-fold-script] [--corpus <dir>]';

class UsageError extends Error {}

interface Args {
  a: string;
  b: string;
  format: 'text' | 'json' | 'html' | 'markdown';
  htmlOut?: string;
  granularity?: 'char' | 'word';
  fold: boolean;
  /** Compare in Simplified script (default); --no-fold-script shows Traditional/Simplified differences. */
  foldScript: boolean;
  corpus?: string;
}

function parseArgs(argv: string[]): Args {
  const inputs: string[] = [];
  let format: Args['format'] | null = null;
  let htmlOut: string | undefined;
  let granularity: Args['granularity'];
  let fold = true;
  let foldScript = true;
  let corpus: string | undefined;
  const setFormat = (f: Args['format']): void => {
    if (format !== null && format !== f) throw new UsageError('choose one of --json, --html, --markdown and --text');
    format = f;
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    switch (arg) {
      case '--json':
        setFormat('json');
        break;
      case '--text':
        setFormat('text');
        break;
      case '--markdown':
      case '--md':
        setFormat('markdown');
        break;
      case '--html':
        setFormat('html');
        htmlOut = value(i++, '--html');
        break;
      case '--granularity': {
        const g = value(i++, '--granularity');
        if (g !== 'char' && g !== 'word') throw new UsageError(`--granularity is char or word, not "${g}"`);
        granularity = g;
        break;
      }
      case '--no-fold':
        fold = false;
        break;
      case '--no-fold-script':
        foldScript = false;
        break;
      case '--corpus':
        corpus = value(i++, '--corpus');
        break;
      default:
        if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option ${arg} (${USAGE})`);
        inputs.push(arg);
    }
  }
  if (inputs.length !== 2) throw new UsageError(USAGE);
  return { a: inputs[0]!, b: inputs[1]!, format: format ?? 'text', ...(htmlOut ? { htmlOut } : {}), ...(granularity ? { granularity } : {}), fold, foldScript, ...(corpus ? { corpus } : {}) };
}

const PAGE_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);

/** A version from a file: a saved page is extracted, anything else is parsed as an article file. */
async function versionOfFile(path: string): Promise<VersionText> {
  if (PAGE_EXT.has(extname(path).toLowerCase())) {
    const { doc } = await readPage(path);
    const { article } = await extractBounded(doc);
    if (article.paragraphs.length === 0) throw new Error(`${path}: no article text found`);
    return versionOfArticle(article, basename(path));
  }
  const parsed = parseCorpusFile(basename(path), await readInputFile(path));
  if (!parsed.ok) throw new Error(parsed.error);
  return versionOfCorpusDoc(parsed.doc);
}

async function resolveVersion(input: string, corpus: () => Corpus): Promise<VersionText> {
  // anything on disk by that name is read as a file (a folder or an empty file is refused with a reason)
  if (existsSync(input)) return versionOfFile(input);
  const c = corpus();
  const id = c.resolve(input);
  if (!id) throw new Error(`"${input}" is neither a file nor a corpus id (or it is the prefix of several)`);
  return versionOfDoc(c, id);
}

/** The bilingual lexicon, only needed for two languages (see findLexicon). */
function readLexicon(corpusDir: string | undefined): Lexicon {
  const lexicon = findLexicon(undefined, corpusDir);
  if (!lexicon) throw new Error('comparing two languages needs the bilingual lexicon (build the project first)');
  return lexicon;
}

export async function run(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    printError(e instanceof Error ? e.message : String(e));
    return 2;
  }
  try {
    let corpus: Corpus | null = null;
    const getCorpus = (): Corpus => (corpus ??= openCorpus(args.corpus));
    const a = await resolveVersion(args.a, getCorpus);
    const b = await resolveVersion(args.b, getCorpus);
    const lexicon = a.lang !== b.lang ? readLexicon(args.corpus) : null;
    const comparison = compareAny(a, b, { granularity: args.granularity, foldNoise: args.fold, foldScript: args.foldScript }, lexicon);
    switch (args.format) {
      case 'json':
        printJson(comparison);
        break;
      case 'markdown':
        printText(renderMarkdown(comparison));
        break;
      case 'html':
        try {
          writeFileSync(args.htmlOut!, renderHtml(comparison));
        } catch (e) {
          throw new Error(`cannot write ${args.htmlOut}: ${errorText(e, false)}`);
        }
        printText(`wrote ${args.htmlOut}: ${comparison.edits.length} edits\n`);
        break;
      default: {
        const noColor = (process.env.NO_COLOR ?? '') !== '';
        const color = !noColor && (process.stdout.isTTY === true || (process.env.FORCE_COLOR ?? '') !== '');
        // the page's text is made safe first, then painted: only the report's own colours reach the terminal
        printPainted(renderText(terminalSafeDeep(comparison), { color }));
      }
    }
    return 0;
  } catch (e) {
    printError(errorText(e));
    return 1;
  }
}
