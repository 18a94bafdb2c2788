// Entry point of the bench bundle (bench/run.mjs builds and runs it, one part per process):
//   main.mjs node <out.json> [sizes]   matching, comparison, translation (needs --expose-gc)
//   main.mjs browser <ext dir> <out.json>
//   main.mjs report <node.json> [<browser.json>]
//   main.mjs open <file.rlpack>          a pack opened in this fresh process (open-pack.ts)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { compileDocs } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { runBrowser, type BrowserResult } from './browser';
import { runComparison, runTranslation } from './comparison';
import { PACK_FILE, runMatching } from './matching';
import { openPackHere } from './open-pack';
import { runRealnews } from './realnews';
import { runTranslations } from './translations';
import { targets, terminal, write, type Machine, type NodeResults, type Results } from './report';
import { corpusDocs, lexicon, realworldPages } from './sources';
import { log } from './stats';
import { languages } from './synthetic';

function osName(): string {
  try {
    return /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? `Linux ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function firefoxVersion(): string | undefined {
  for (const bin of [process.env.FIREFOX_BIN, '/usr/bin/firefox-esr', '/usr/bin/firefox']) {
    if (!bin || !existsSync(bin)) continue;
    try {
      return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
    } catch {
      // not runnable here
    }
  }
  return undefined;
}

function machine(): Machine {
  const c = cpus();
  const ff = firefoxVersion();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    node: process.version,
    ...(ff ? { firefox: ff } : {}),
    loadAverageAtStart: loadavg(),
  };
}

async function nodePart(out: string, sizes: number[]): Promise<void> {
  const start = performance.now();
  const m = machine();
  log('reading the corpus, the lexicon and the 30 real-world pages');
  const docs = corpusDocs();
  const lex = lexicon();
  const real = realworldPages();
  const langs = languages(real);
  const matching = await runMatching(docs, real, langs, lex, sizes);
  const realnews = runRealnews(3);
  const translations = runTranslations(langs, lex, sizes.filter((n) => n === 1000 || n === 10_000));
  const { index, texts } = compileDocs(docs, { lexicon: lex });
  const corpus = loadCorpus(index, () => texts);
  const comparison = runComparison(corpus, langs);
  const translation = runTranslation(corpus, lex);
  const result: NodeResults = { machine: m, matching, realnews, translations, comparison, translation, seconds: Math.round((performance.now() - start) / 1000) };
  writeFileSync(out, JSON.stringify(result));
}

async function browserPart(extDir: string, out: string): Promise<void> {
  const start = performance.now();
  const result = await runBrowser(extDir, corpusDocs(), PACK_FILE);
  writeFileSync(out, JSON.stringify({ ...result, seconds: Math.round((performance.now() - start) / 1000) }));
}

function reportPart(nodeJson: string, browserJson: string | undefined): void {
  const n = JSON.parse(readFileSync(nodeJson, 'utf8')) as NodeResults;
  const b = browserJson && existsSync(browserJson) ? (JSON.parse(readFileSync(browserJson, 'utf8')) as BrowserResult & { seconds: number }) : null;
  const base = {
    machine: { ...n.machine, ...(b ? { chromium: b.chromium } : {}) },
    matching: n.matching,
    realnews: n.realnews ?? null,
    translations: n.translations ?? null,
    comparison: n.comparison,
    translation: n.translation,
    browser: b,
    seconds: { node: n.seconds, browser: b?.seconds ?? null },
  };
  const r: Results = { generated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), ...base, targets: targets(base) };
  write(r);
  process.stdout.write(terminal(r));
}

const [part, ...args] = process.argv.slice(2);
if (part === 'node') await nodePart(args[0]!, (args[1] ?? '5,1000,10000,100000').split(',').map(Number));
else if (part === 'browser') await browserPart(args[0]!, args[1]!);
else if (part === 'report') reportPart(args[0]!, args[1]);
else if (part === 'open') process.stdout.write(JSON.stringify(openPackHere(args[0]!)));
else {
  process.stderr.write('usage: main.mjs node <out.json> [sizes] | browser <ext dir> <out.json> | report <node.json> [browser.json]\n');
  process.exitCode = 2;
}
