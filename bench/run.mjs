#!/usr/bin/env node
// `npm run bench` (after `node build.mjs`): measures speed and scale, prints the targets and a table,
// writes bench/results.json, docs/perf-scaling.svg, docs/perf-length.svg and the results section of
// docs/PERFORMANCE.md. Not part of `npm test`: budgets live here, never in timed tests.
//   node bench/run.mjs                      everything (the 100,000-article build alone ran over 33 minutes at the last try; see docs/PERFORMANCE.md)
//   node bench/run.mjs --quick              corpus sizes up to 10,000 only
//   node bench/run.mjs --sizes 5,1000       chosen corpus sizes
//   node bench/run.mjs --no-browser         skip the Chromium part
//   node bench/run.mjs --skip-node          reuse bench/out/node.json from an earlier run (to measure the extension again)
// Each part runs in its own process: the matching part needs --expose-gc (to measure retained
// memory) and a large heap (100,000 synthetic articles), and must not share a heap with the browser part.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes = sizesArg >= 0 ? args[sizesArg + 1] : args.includes('--quick') ? '5,1000,10000' : '5,1000,10000,100000';
const browser = !args.includes('--no-browser');
const skipNode = args.includes('--skip-node');

if (!existsSync(join(root, 'dist/chrome/manifest.json')) || !existsSync(join(root, 'dist/corpus/lexicon.json'))) {
  console.error('bench: build first (node build.mjs; npm run bench does it)');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
// the extension as just built: a later build of dist/ (another terminal) cannot change what is measured
rmSync(join(out, 'chrome'), { recursive: true, force: true });
cpSync(join(root, 'dist/chrome'), join(out, 'chrome'), { recursive: true });

await build({
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(out, 'main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

function part(nodeArgs, label) {
  const started = Date.now();
  const r = spawnSync(process.execPath, nodeArgs, { stdio: ['ignore', 'inherit', 'inherit'], cwd: root });
  if (r.status !== 0) {
    console.error(`bench: the ${label} part failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.error(`bench: ${label} part done in ${Math.round((Date.now() - started) / 1000)} s`);
}

const main = join(out, 'main.mjs');
const nodeJson = join(out, 'node.json');
const browserJson = join(out, 'browser.json');
rmSync(browserJson, { force: true });
if (skipNode && !existsSync(nodeJson)) {
  console.error('bench: --skip-node needs bench/out/node.json from an earlier run');
  process.exit(2);
}
if (!skipNode) part(['--expose-gc', '--max-old-space-size=16384', main, 'node', nodeJson, sizes], 'matching and comparison');
if (browser) part([main, 'browser', join(out, 'chrome'), browserJson], 'browser');
part([main, 'report', nodeJson, ...(browser ? [browserJson] : [])], 'report');
