// The import rules of src/, checked over the source text (no build needed): run by npm test
// (tests/unit/layers.test.ts) and by hand as `node scripts/check-layers.mjs`.
//
//   core/      the pure pipeline: imports only core/ and the packages in CORE_PACKAGES, never a
//              browser API, preact or node:. Within it, core/text/ (folding, segmentation,
//              language, numbers, the lexicon) is the base and imports only core/text/ and core/types.
//   extract/   reads an article out of a page: imports core/ and extract/.
//   corpus/    reads and writes corpus files: imports core/ and corpus/.
//   messages.ts  the contract between the extension's contexts: imports core/ only.
//   shells     background/, content/, ui/, cli/: import the tiers above and themselves, never
//              another shell. Only shells touch webextension-polyfill (background/, ui/) or node: (cli/).
//
// Also the shape: src/core/ holds at most MAX_CORE_TOP files at its top level and no folder of src/
// more than MAX_FOLDER files, so the stages stay visible from the folder list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORE_PACKAGES = ['diff-match-patch', 'franc', 'opencc-js', 'pinyin-pro'];
export const MAX_CORE_TOP = 8;
export const MAX_FOLDER = 12;
const SHELLS = ['background', 'content', 'ui', 'cli'];
const TIERS = ['core', 'extract', 'corpus', 'messages', ...SHELLS];

/** The tier a path under src/ belongs to ('core', 'ui', …), or null outside the tiers. */
export function tierOf(rel) {
  if (rel === 'messages.ts') return 'messages';
  const top = rel.split('/')[0];
  return TIERS.includes(top) ? top : null;
}

/** Every import specifier of a module: static, re-exports, dynamic import() and side-effect imports. */
export function importsOf(text) {
  const out = [];
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[\w$*{},\s]+?\s+from\s*)?(['"])([^'"\n]+)\1|(?:^|[^\w$.])import\s*\(\s*(['"])([^'"\n]+)\3\s*\)/gm;
  for (let m; (m = re.exec(text)); ) out.push(m[2] ?? m[4]);
  return out;
}

function allowedTiers(tier) {
  if (tier === 'core') return ['core'];
  if (tier === 'extract') return ['core', 'extract'];
  if (tier === 'corpus') return ['core', 'corpus'];
  if (tier === 'messages') return ['core'];
  return ['core', 'extract', 'corpus', 'messages', tier];
}

function packageAllowed(tier, spec) {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
  if (tier === 'core') return CORE_PACKAGES.includes(name);
  if (spec.startsWith('node:')) return tier === 'cli';
  if (name === 'webextension-polyfill') return tier === 'background' || tier === 'ui';
  if (name === 'preact') return tier === 'ui';
  return true;
}

/**
 * Violations in a set of modules, each `{ path, text }` with `path` relative to src/ (core/text/normalize.ts).
 * Returns one line per violation: "core/text/normalize.ts imports ../../ui/i18n (ui): core imports only core".
 */
export function layerViolations(modules) {
  const out = [];
  for (const { path: rel, text } of modules) {
    const tier = tierOf(rel);
    if (!tier) continue;
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        if (spec.endsWith('.json') || spec.startsWith('/')) continue;
        if (!packageAllowed(tier, spec)) out.push(`${rel} imports ${spec}: ${tier} may not use that package`);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      if (target.startsWith('../')) {
        // outside src/: only the data in assets/ (the shipped tables), never other code
        if (!target.startsWith('../assets/')) out.push(`${rel} imports ${spec}: src/ imports nothing outside src/ but assets/`);
        continue;
      }
      const to = tierOf(target.endsWith('.ts') || target.endsWith('.tsx') ? target : `${target}.ts`);
      if (!to) { out.push(`${rel} imports ${spec}: not in any tier`); continue; }
      if (!allowedTiers(tier).includes(to)) {
        out.push(`${rel} imports ${spec} (${to}): ${tier} imports only ${allowedTiers(tier).join(', ')}`);
        continue;
      }
      if (rel.startsWith('core/text/') && !target.startsWith('core/text/') && target !== 'core/types') {
        out.push(`${rel} imports ${spec}: core/text is the base and imports only core/text and core/types`);
      }
    }
  }
  return out;
}

/** Folders of src/ that hold too many files: [folder, count, limit]. */
export function crowdedFolders(files) {
  const count = new Map();
  for (const f of files) {
    const dir = path.posix.dirname(f);
    count.set(dir, (count.get(dir) ?? 0) + 1);
  }
  const out = [];
  for (const [dir, n] of count) {
    const limit = dir === 'core' ? MAX_CORE_TOP : MAX_FOLDER;
    if (n > limit) out.push(`src/${dir}/ holds ${n} files (at most ${limit})`);
  }
  return out;
}

/** The modules of a src/ folder, paths relative to it. */
export function readModules(srcDir) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push({ path: path.relative(srcDir, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(srcDir);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const modules = readModules(src);
  const problems = [...layerViolations(modules), ...crowdedFolders(modules.map((m) => m.path))];
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`layers: ${modules.length} modules, no import runs back up`);
}
