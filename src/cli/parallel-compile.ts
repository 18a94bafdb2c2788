// `corpus build` on every core. compileDocs is per-article work (each article's keys, then each
// article matched against the rest for the corpus's own relations) around one step that needs them
// all (the index tables): here the per-article work is shared among worker threads
// (compile-worker.ts, each holding a copy of the articles) in stretches of CHUNK articles, handed
// out as workers finish, and the tables are made once in this thread. The result is what
// compileDocs gives: the same functions on the same articles, relations merged by the same rule.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileDocs, finishCompile, indexDocs, mergeRelations, needsFamilyPass, type CompileResult, type DocKeys } from '../corpus/compile';
import type { Lexicon } from '../core/text/lexicon';
import type { DocRelation } from '../core/index/types';
import type { CorpusDoc } from '../corpus/types';

/** Articles per request: small enough to keep every core busy to the end, large enough that messages cost little. */
const CHUNK = 250;

export type ToWorker =
  | { type: 'keys'; from: number; to: number }
  | { type: 'index'; index: unknown }
  | { type: 'families'; first: DocRelation[] }
  | { type: 'relations'; from: number; to: number; keys: DocKeys[]; families: boolean };

export type FromWorker =
  | { type: 'keys'; keys: DocKeys[] }
  | { type: 'ready' }
  | { type: 'relations'; relations: DocRelation[] }
  | { type: 'error'; message: string };

/** One worker thread, asked one thing at a time. */
class CompileWorker {
  private readonly worker: Worker;
  private pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;

  constructor(file: string, docs: CorpusDoc[], lexiconPath: string | null) {
    this.worker = new Worker(file, { workerData: { docs, lexiconPath } });
    this.worker.on('message', (m: FromWorker) => {
      const p = this.pending;
      this.pending = null;
      if (m.type === 'error') p?.reject(new Error(`corpus build worker: ${m.message}`));
      else p?.resolve(m);
    });
    const fail = (e: Error): void => {
      this.failed = e;
      this.pending?.reject(e);
      this.pending = null;
    };
    this.worker.on('error', (e) => fail(new Error(`corpus build worker: ${e.message}`)));
    this.worker.on('exit', (code) => fail(new Error(`corpus build worker stopped (exit code ${code})`)));
  }

  ask(m: ToWorker): Promise<FromWorker> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(m);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/** Stretches [from, to) of n articles, asked of the workers as each becomes free; answers in article order. */
async function shared<T>(workers: CompileWorker[], n: number, ask: (w: CompileWorker, from: number, to: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    workers.map(async (w) => {
      while (next < n) {
        const from = next;
        next = Math.min(n, next + CHUNK);
        out[from / CHUNK] = await ask(w, from, next);
      }
    }),
  );
  return out;
}

export interface ParallelOptions {
  lexicon: Lexicon | null;
  /** The lexicon's file, which each worker reads for itself (a Lexicon does not cross threads). */
  lexiconPath: string | null;
  /** The bundled worker (dist/compile-worker.mjs); absent (running from the sources) means one thread. */
  workerFile: string;
  /** Threads to use; by default one per core. */
  threads?: number;
}

/** compileDocs, on `threads` worker threads when there is more than one core and enough articles. */
export async function compileDocsInParallel(docs: CorpusDoc[], opts: ParallelOptions): Promise<Omit<CompileResult, 'errors'>> {
  const threads = Math.min(opts.threads ?? availableParallelism(), Math.ceil(docs.length / CHUNK));
  if (threads < 2 || !existsSync(opts.workerFile) || (opts.lexicon !== null && opts.lexiconPath === null)) return compileDocs(docs, { lexicon: opts.lexicon });
  const workers = Array.from({ length: threads }, () => new CompileWorker(opts.workerFile, docs, opts.lexiconPath));
  try {
    const keyParts = await shared(workers, docs.length, async (w, from, to) => ((await w.ask({ type: 'keys', from, to })) as { keys: DocKeys[] }).keys);
    const keys = keyParts.flat();
    const compiled = indexDocs(docs, keys, opts.lexicon);
    await Promise.all(workers.map((w) => w.ask({ type: 'index', index: compiled.index })));
    const pass = async (families: boolean): Promise<DocRelation[]> =>
      (
        await shared(workers, docs.length, async (w, from, to) => ((await w.ask({ type: 'relations', from, to, keys: keys.slice(from, to), families })) as { relations: DocRelation[] }).relations)
      ).flat();
    const first = mergeRelations(await pass(false));
    let second: DocRelation[] = [];
    if (needsFamilyPass(first)) {
      await Promise.all(workers.map((w) => w.ask({ type: 'families', first })));
      second = await pass(true);
    }
    return finishCompile(docs, compiled, mergeRelations(first, second), opts.lexicon);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
