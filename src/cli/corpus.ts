// `corpus build <dir> [-o <out>]`: compiles a folder of articles into <out>/index.json and
// <out>/texts.json, or, when <out> ends in .rlpack, into one corpus pack a reader imports
// (src/corpus/pack.ts). Bad files are named on stderr and left out; the exit code is 0 when at
// least one article compiled. Also the loader the other commands use for `--corpus` and the bundled corpus.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { bodyStart, PACK_MAGIC, packCorpus, packMeta, verifyPackSync, writePack } from '../corpus/pack';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCorpus, parseCorpusFiles, type CompileResult } from '../corpus/compile';
import { compileDocsInParallel } from './parallel-compile';
import { loadCorpus } from '../corpus/load';
import type { Corpus } from '../core/index/types';
import { loadLexicon, type Lexicon, type LexiconJson } from '../core/text/lexicon';
import { errorText, MAX_INPUT_BYTES } from './html';
import { printError, printText } from './output';

const USAGE = 'usage: reprint-lens corpus build <dir> [-o <out> | -o <name>.rlpack [--name <name>] [--description <text>]] [--lexicon <lexicon.json>] [--threads <n>]';

/** The version of Reprint Lens a pack says built it (package.json's, set by build.mjs). */
const VERSION = process.env.RL_VERSION ?? 'dev';

function fail(message: string, code = 1): number {
  printError(message);
  return code;
}

const INDEX_FORMAT = 'reprint-lens-corpus-index';
const TEXTS_FORMAT = 'reprint-lens-corpus-texts';

/** What a JSON file of ours is: a compiled corpus's index.json or texts.json, a bilingual lexicon, or none of them (null). */
function ownJsonKind(content: Uint8Array): 'index' | 'texts' | 'lexicon' | null {
  let v: unknown;
  try {
    v = JSON.parse(new TextDecoder().decode(content));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as { format?: unknown; version?: unknown; entries?: unknown };
  if (o.format === INDEX_FORMAT) return 'index';
  if (o.format === TEXTS_FORMAT) return 'texts';
  if (typeof o.version === 'number' && typeof o.entries === 'object' && o.entries !== null) return 'lexicon';
  return null;
}

/**
 * Reads every regular, non-hidden file of a folder (not recursive, so an output folder inside it is
 * never read); a file that cannot be read or is too large is named on stderr and left out. The
 * tool's own files are not articles and are left out without a word: a compiled corpus (the
 * output of an earlier `corpus build <dir> -o <dir>`) and the lexicon that may sit beside the articles.
 */
function readFolder(dir: string): Array<{ name: string; content: Uint8Array }> {
  const out: Array<{ name: string; content: Uint8Array }> = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      const info = statSync(path);
      if (!info.isFile()) continue;
      if (info.size > MAX_INPUT_BYTES) {
        printError(`skipped ${path}: ${(info.size / 1024 / 1024).toFixed(1)} MB is over the ${MAX_INPUT_BYTES / 1024 / 1024} MB a file may have`);
        continue;
      }
      const content = readFileSync(path);
      if (/\.json$/i.test(name) && ownJsonKind(content) !== null) continue;
      out.push({ name: path, content });
    } catch (e) {
      printError(`skipped ${path}: ${errorText(e, false)}`);
    }
  }
  return out;
}

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

/**
 * The bilingual lexicon (scripts/build-lexicon.mjs) for relating, finding and comparing
 * translations: the file given, else the whole dictionary shipped beside the CLI (dist/corpus), so
 * that every corpus is read with every word; a lexicon.json inside the corpus folder only when the
 * CLI has none beside it. Null when there is none: matching then finds translations only through
 * the relations of a compiled corpus.
 */
export function findLexicon(file?: string, corpusDir?: string): Lexicon | null {
  const path = lexiconPath(file, corpusDir);
  return path ? readLexicon(path) : null;
}

/** Where findLexicon reads the lexicon from (null: none). Throws when a file given is not there. */
export function lexiconPath(file?: string, corpusDir?: string): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = file
    ? [resolve(file)]
    : [
        join(here, 'corpus', 'lexicon.json'),
        // run from the sources (src/cli, in the tests): the checkout's build
        join(here, '..', '..', 'dist', 'corpus', 'lexicon.json'),
        ...(corpusDir ? [join(resolve(corpusDir), 'lexicon.json')] : []),
      ];
  const path = candidates.find(isFile);
  if (!path && file) throw new Error(`no lexicon at ${file}`);
  return path ?? null;
}

function readLexicon(path: string): Lexicon {
  try {
    return loadLexicon(JSON.parse(readFileSync(path, 'utf8')) as LexiconJson);
  } catch (e) {
    throw new Error(`cannot read the lexicon ${path}: ${errorText(e, false)}`);
  }
}

/** The files of a folder, or one line saying why it cannot be read. */
function folderFiles(dir: string): Array<{ name: string; content: Uint8Array }> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder`);
  try {
    return readFolder(dir);
  } catch (e) {
    // a folder that cannot be listed says so in one line, like any other unreadable input
    throw new Error(`cannot read the folder ${dir}: ${errorText(e, false)}`);
  }
}

/** Compiles a folder of raw articles; bad files are reported on stderr. Throws when none compiled. */
export function compileFolder(dir: string, lexicon: Lexicon | null = findLexicon(undefined, dir)): CompileResult {
  const result = compileCorpus(folderFiles(dir), { lexicon });
  for (const e of result.errors) printError(`skipped ${e}`);
  if (result.index.docs.length === 0) throw new Error(`no article in ${dir} could be compiled`);
  return result;
}

/** compileFolder on every core (`corpus build`): the same result, sooner for a large folder. */
export async function buildFolder(dir: string, path: string | null, lexicon: Lexicon | null, threads?: number): Promise<CompileResult> {
  const { docs, errors } = parseCorpusFiles(folderFiles(dir));
  for (const e of errors) printError(`skipped ${e}`);
  if (docs.length === 0) throw new Error(`no article in ${dir} could be compiled`);
  const workerFile = join(dirname(fileURLToPath(import.meta.url)), 'compile-worker.mjs');
  return { ...(await compileDocsInParallel(docs, { lexicon, lexiconPath: path, workerFile, ...(threads ? { threads } : {}) })), errors };
}

const sha256 = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();

/** Whether a file begins with the pack signature. */
function isPackFile(path: string): boolean {
  try {
    const start = readFileSync(path).subarray(0, PACK_MAGIC.length);
    return PACK_MAGIC.every((b, i) => start[i] === b);
  } catch {
    return false;
  }
}

/** A corpus pack read from disk: checked whole (checksum included), texts inflated per article when asked for. */
export function openPack(path: string): Corpus {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${errorText(e, false)}`);
  }
  try {
    const contents = verifyPackSync(bytes, sha256);
    const body = bodyStart(contents.prefix);
    return packCorpus(contents, (start, end) => bytes.subarray(body + start, body + end), (b) => inflateSync(b));
  } catch (e) {
    throw new Error(`${path}: ${errorText(e, false)}`);
  }
}

/**
 * The corpus for match and compare: `--corpus <dir>` holding raw articles (compiled on the fly) or
 * a compiled corpus (index.json + texts.json), or `--corpus <file>.rlpack`; by default the corpus
 * bundled next to dist/cli.mjs (dist/corpus), or, when the CLI runs from a checkout without it,
 * assets/corpus compiled on the fly.
 */
export function openCorpus(dir?: string): Corpus {
  const here = dirname(fileURLToPath(import.meta.url));
  if (dir && isFile(dir) && isPackFile(dir)) return openPack(dir);
  const candidates = dir ? [resolve(dir)] : [join(here, 'corpus'), join(here, '..', 'assets', 'corpus')];
  for (const d of candidates) {
    const index = join(d, 'index.json');
    if (existsSync(index)) {
      const json = (path: string): unknown => {
        try {
          return JSON.parse(readFileSync(path, 'utf8'));
        } catch (e) {
          throw new Error(`cannot read ${path}: ${errorText(e, false)}`);
        }
      };
      return loadCorpus(json(index), () => json(join(d, 'texts.json')));
    }
    if (existsSync(d) && statSync(d).isDirectory()) {
      const { index: idx, texts } = compileFolder(d);
      return loadCorpus(idx, () => texts);
    }
  }
  if (dir && isFile(dir)) throw new Error(`${dir} is neither a corpus folder nor a corpus pack`);
  throw new Error(dir ? `no corpus at ${dir}` : 'no bundled corpus found next to the CLI (build it, or pass --corpus <dir>)');
}

/** Why `corpus build` may not write the pack `out`, or null: an existing file of that name is replaced only when it is a pack. */
function packRefusal(out: string): string | null {
  if (!existsSync(out)) return null;
  if (!isFile(out)) return `cannot write ${out}: it is a folder, not a file`;
  return isPackFile(out) ? null : `cannot write ${out}: it exists and is not a corpus pack, and is left as it is`;
}

/**
 * Why `corpus build` may not write into `out`, or null when it may: `out` must be a folder (or not
 * exist yet), and any index.json or texts.json already in it must be a compiled corpus, which is
 * replaced; anything else of that name is the reader's and is never overwritten.
 */
function outputRefusal(out: string): string | null {
  if (!existsSync(out)) return null;
  let info;
  try {
    info = statSync(out);
  } catch (e) {
    return `cannot write ${out}: ${errorText(e, false)}`;
  }
  if (!info.isDirectory()) return `cannot write ${out}: it is a file, not a folder (-o names the folder to write index.json and texts.json into)`;
  for (const [name, kind] of [['index.json', 'index'], ['texts.json', 'texts']] as const) {
    const path = join(out, name);
    if (!existsSync(path)) continue;
    let content: Uint8Array | null = null;
    try {
      content = statSync(path).isFile() ? readFileSync(path) : null;
    } catch {
      content = null;
    }
    if (!content || ownJsonKind(content) !== kind) return `cannot write ${out}: its ${name} is not a compiled corpus, and is left as it is (choose another -o folder)`;
  }
  return null;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'build') return fail(sub ? `unknown corpus command "${sub}" (${USAGE})` : USAGE, 2);
  let dir: string | undefined;
  let out = 'corpus-out';
  let lexiconFile: string | undefined;
  let name: string | undefined;
  let description = '';
  let threads: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '-o' || a === '--out') {
      const v = rest[++i];
      if (!v) return fail(`${a} needs a folder (${USAGE})`, 2);
      out = v;
    } else if (a === '--lexicon') {
      lexiconFile = rest[++i];
      if (!lexiconFile) return fail(`--lexicon needs a file (${USAGE})`, 2);
    } else if (a === '--threads') {
      const v = Number(rest[++i]);
      if (!Number.isInteger(v) || v < 1 || v > 64) return fail(`--threads needs a whole number from 1 to 64 (${USAGE})`, 2);
      threads = v;
    } else if (a === '--name' || a === '--description') {
      const v = rest[++i];
      if (v === undefined || v.trim() === '') return fail(`${a} needs a text (${USAGE})`, 2);
      if (a === '--name') name = v.trim();
      else description = v.trim();
    } else if (a.startsWith('-')) return fail(`unknown option ${a} (${USAGE})`, 2);
    else if (dir === undefined) dir = a;
    else return fail(`one folder only (${USAGE})`, 2);
  }
  if (!dir) return fail(USAGE, 2);
  const asPack = extname(out).toLowerCase() === '.rlpack';
  if (!asPack && (name !== undefined || description !== '')) return fail(`--name and --description are for a pack (-o <name>.rlpack)`, 2);
  const refusal = asPack ? packRefusal(out) : outputRefusal(out);
  if (refusal) return fail(refusal);
  let result: CompileResult;
  try {
    const path = lexiconPath(lexiconFile, dir);
    const lexicon = path ? readLexicon(path) : null;
    result = await buildFolder(dir, path, lexicon, threads);
    const langs = new Set(result.index.docs.map((d) => d.lang.slice(0, 2)));
    if (!lexicon && langs.has('zh') && langs.has('en')) {
      printError('no bilingual lexicon found (--lexicon): translations among the articles are not related');
    }
  } catch (e) {
    return fail(errorText(e));
  }
  try {
    if (asPack) {
      const meta = packMeta(result.index, name ?? basename(out, extname(out)), description, `Reprint Lens ${VERSION}`);
      const bytes = writePack(result.index, result.texts, meta, { deflate: (b) => deflateSync(b, { level: 9 }), sha256 });
      // written beside and renamed: a reader never finds half a pack under the name
      const tmp = `${out}.partial`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, out);
    } else {
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'index.json'), JSON.stringify(result.index));
      writeFileSync(join(out, 'texts.json'), JSON.stringify(result.texts));
    }
  } catch (e) {
    return fail(`cannot write ${out}: ${errorText(e, false)}`);
  }
  const { docs, postings, droppedHashes } = result.stats;
  const rel = result.index.relations.map((r) => `${r.a.slice(0, 3)}~${r.b.slice(0, 3)} ${r.relation} ${r.similarity}`).join(', ');
  printText(
    `compiled ${docs} article(s) into ${out}: ${postings} postings (${droppedHashes} boilerplate hashes dropped), ` +
      `${result.index.relations.length} relation(s)${rel ? `: ${rel}` : ''}` +
      `${result.errors.length ? `; ${result.errors.length} file(s) skipped` : ''}\n`,
  );
  return 0;
}
