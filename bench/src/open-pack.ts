// Opening a pack as a worker does when it starts: in a process of its own, with nothing else in its
// heap. Measured in the bench's own process, just after building 100,000 articles, the same open
// took 1,135 ms where a fresh process takes about 400: the collector walking the gigabytes the build
// had left (2026-12-07). A worker that wakes up to match a page has an empty heap, so that is what
// is timed here.
//   main.mjs open <file.rlpack>   prints {"ms": [...], "heapBytes": n}
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { bodyStart, headContents, PACK_PREFIX, packCorpus, readPackPrefix } from '../../src/corpus/pack';

/** Times opened in the child (the first, then again with the code compiled), and the heap the opened pack holds. */
export interface OpenTimes {
  ms: number[];
  heapBytes: number;
}

const OPENS = 3;

/** The child's side: reads the prefix, then header and tables in one read (as the worker's Blob.slice), and opens the pack. */
export function openPackHere(file: string): OpenTimes {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const ms: number[] = [];
    let heapBytes = 0;
    for (let i = 0; i < OPENS; i++) {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const before = process.memoryUsage();
      const t = performance.now();
      const start = new Uint8Array(PACK_PREFIX);
      readSync(fd, start, 0, PACK_PREFIX, 0);
      const prefix = readPackPrefix(start, size);
      const head = new Uint8Array(bodyStart(prefix) - PACK_PREFIX);
      readSync(fd, head, 0, head.length, PACK_PREFIX);
      const corpus = packCorpus(headContents(prefix, head), () => new Uint8Array(0), (b) => inflateSync(b), 'shape'); // as PackStore.corpus
      ms.push(performance.now() - t);
      // the first open's: in a later one the collector has not always let the last pack go before `before`
      if (i === 0) {
        gc?.();
        const after = process.memoryUsage();
        heapBytes = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
      }
      if (corpus.docs.length === 0) throw new Error('no articles');
    }
    return { ms, heapBytes };
  } finally {
    closeSync(fd);
  }
}

/** Runs openPackHere in a fresh Node process (this bundle, `open` part). */
export function openPackFresh(file: string): OpenTimes {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', process.argv[1]!, 'open', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`opening the pack in a fresh process failed: ${r.stderr.trim().split('\n').pop() ?? r.status}`);
  return JSON.parse(r.stdout) as OpenTimes;
}
