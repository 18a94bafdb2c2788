#!/usr/bin/env node
// npm run eval: the full development sets beside the checkout (../shared), each through the
// command line a user runs, with its figures printed as the set's own script prints them.
//
//   npm run eval                      realnews, translations and pages, in that order
//   npm run eval -- realnews pages    only those sets
//   npm run eval -- realnews --sample 5   extra arguments go to every chosen set's script
//
// Sets whose folder is missing are reported and skipped (exit 1 at the end).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const SETS = {
  realnews: ['node', [join(shared, 'realnews', 'eval.mjs')]],
  translations: ['python3', [join(shared, 'translations', 'eval.py')]],
  pages: ['node', [join(shared, 'pages', 'eval.mjs')]],
};
const args = process.argv.slice(2);
const chosen = args.filter((a) => a in SETS);
const rest = args.filter((a) => !(a in SETS));
let failed = 0;
for (const name of chosen.length ? chosen : Object.keys(SETS)) {
  const [cmd, script] = SETS[name];
  if (!existsSync(script[0])) {
    console.error(`eval: ${name}: ${script[0]} not found (the development sets live in ../shared)`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, [...script, ...rest], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`eval: ${name} exited ${r.status ?? r.signal}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
