// Compiles assets/stock/zh-news.json, the stock-text table: the 10-character windows (as matching
// hashes them) that at least MIN_DF different articles of a large real-news collection carry, in at
// least MIN_MONTHS different months (a story and its copies run within days; a formulation or a
// template comes back month after month).
// Shared text made of such windows (official formulations, slogans, announcement templates, a
// site's standard paragraphs) is no evidence that two articles are versions of each other.
//
//   node scripts/build-stock-table.mjs <articles.jsonl.gz> [--min-df N] [--min-months M]
//
// The collection is one JSON article a line with `paragraphs` and `date` (YYYY-MM-DD) (e.g. ../shared/realnews/
// background.jsonl.gz: 9,804 CCTV 新闻联播 and 人民日报 articles). Only hashes are written, never
// text. The table is made with the core's own folding and window hash (bundled here by esbuild),
// so it can only hold windows matching computes the same way.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const input = args.find((a) => !a.startsWith('--'));
const minDfAt = args.indexOf('--min-df');
const MIN_DF = minDfAt >= 0 ? Number(args[minDfAt + 1]) : 2;
const minMonthsAt = args.indexOf('--min-months');
const MIN_MONTHS = minMonthsAt >= 0 ? Number(args[minMonthsAt + 1]) : 2;
if (!input || !(MIN_DF >= 2) || !(MIN_MONTHS >= 1)) {
  console.error('usage: node scripts/build-stock-table.mjs <articles.jsonl[.gz]> [--min-df N] [--min-months M]');
  process.exit(2);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'stock-'));
const bundle = path.join(tmp, 'core.mjs');
await build({
  stdin: { contents: "export { prepareText, characterWindows } from './src/core/match/passages';\nexport { STOCK_K, encodeStockTable } from './src/core/index/stock-table';", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'error',
});
const core = await import(pathToFileURL(bundle).href);
rmSync(tmp, { recursive: true, force: true });

let raw = readFileSync(input);
if (input.endsWith('.gz')) raw = gunzipSync(raw);
const df = new Map();
const months = new Map(); // hash -> the first MIN_MONTHS distinct months it was seen in
let articles = 0;
for (const line of raw.toString('utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const text = (doc.paragraphs ?? []).join('\n');
  const month = /^\d{4}-\d{2}/.exec(doc.date ?? '')?.[0] ?? null;
  for (const h of core.characterWindows(core.prepareText(text), core.STOCK_K)) {
    df.set(h, (df.get(h) ?? 0) + 1);
    if (!month) continue;
    const seen = months.get(h);
    if (!seen) months.set(h, [month]);
    else if (seen.length < MIN_MONTHS && !seen.includes(month)) seen.push(month);
  }
  articles++;
}
const stock = [];
for (const [h, n] of df) if (n >= MIN_DF && (months.get(h)?.length ?? 0) >= MIN_MONTHS) stock.push(h);
const out = path.join(root, 'assets/stock/zh-news.json');
const table = {
  about: `10-character windows found in >= ${MIN_DF} of ${articles} real Chinese news articles in >= ${MIN_MONTHS} different months (hashes only; scripts/build-stock-table.mjs)`,
  k: core.STOCK_K,
  minDf: MIN_DF,
  minMonths: MIN_MONTHS,
  articles,
  windows: stock.length,
  data: core.encodeStockTable(stock),
};
writeFileSync(out, `${JSON.stringify(table)}\n`);
console.log(`${stock.length} stock windows of ${df.size} distinct, from ${articles} articles -> ${path.relative(root, out)} (${(JSON.stringify(table).length / 1024).toFixed(0)} KiB)`);
