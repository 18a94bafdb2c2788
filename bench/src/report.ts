// Turns the measurements into what a reader checks: the targets (met / not met), a table on the
// terminal, bench/results.json, the two charts (docs/perf-*.svg) and the results section of
// docs/PERFORMANCE.md (between its bench markers), so that the document always shows the figures
// of the last run and nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserResult } from './browser';
import type { PairResult } from './comparison';
import type { MatchingResult, ScaleResult } from './matching';
import type { RealnewsResult } from './realnews';
import type { TranslationsResult } from './translations';
import type { Summary } from './stats';
import { logLogChart } from './svg';
import { ROOT } from './sources';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  os: string;
  node: string;
  chromium?: string;
  firefox?: string;
  loadAverageAtStart: number[];
}

export interface NodeResults {
  machine: Machine;
  matching: MatchingResult;
  /** Absent in results written before it existed; null without ../shared/realnews. */
  realnews?: RealnewsResult | null;
  /** Absent in results written before it existed; null without ../shared/translations. */
  translations?: TranslationsResult | null;
  comparison: PairResult[];
  translation: PairResult[];
  seconds: number;
}

export interface Target {
  id: string;
  what: string;
  limit: string;
  measured: string;
  met: boolean;
  /** Why it is not met, or what the figure does not cover. */
  note?: string;
}

export interface Results {
  generated: string;
  machine: Machine;
  matching: MatchingResult;
  realnews: RealnewsResult | null;
  translations: TranslationsResult | null;
  comparison: PairResult[];
  translation: PairResult[];
  browser: BrowserResult | null;
  targets: Target[];
  seconds: { node: number; browser: number | null };
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (b: number): string => `${(b / 1024).toFixed(1)} KB`;
const scaleAt = (r: MatchingResult, n: number): ScaleResult | undefined => r.scales.find((s) => s.articles === n);
const run = (p: PairResult | undefined, method: string): { ms: Summary; degraded: boolean } | undefined => p?.runs.find((r) => r.method === method);

export function targets(r: Omit<Results, 'targets' | 'generated'>): Target[] {
  const out: Target[] = [];
  const s10 = scaleAt(r.matching, 10_000);
  if (s10) {
    const fresh = s10.latency.fresh.median;
    const cold = s10.latencyCold;
    out.push({
      id: 'match-floor',
      what: 'matching at 10,000 articles, median of all pages, against the floor (fold + fingerprint the page), the articles it verifies already prepared (met before by this worker)',
      limit: '<= 3x the floor',
      measured:
        `${ms(s10.latency.all.median)} ms = ${s10.ratioToFloor}x (floor ${ms(s10.floor.all.median)} ms). ` +
        `Pages without versions (fresh synthetic): ${ms(fresh)} ms = ${(fresh / s10.floor.fresh.median).toFixed(1)}x their floor, of which the anchor keys take ${ms(s10.anchors.fresh.median)} ms; ` +
        `planted versions: ${ms(s10.latency.planted.median)} ms = ${(s10.latency.planted.median / s10.floor.planted.median).toFixed(1)}x`,
      met: s10.ratioToFloor <= 3,
      note: 'a page with versions verifies each one (a planted page has about ten in the corpus: its source, the other planted versions, 002)',
    });
    out.push({
      id: 'match-floor-cold',
      what: 'the same, the first time: no article prepared (a fresh service worker, one CLI run)',
      limit: '<= 3x the floor',
      measured:
        `${ms(cold.all.median)} ms = ${s10.ratioColdToFloor}x. Without versions (fresh synthetic): ${ms(cold.fresh.median)} ms; real pages: ${ms(cold['real-world'].median)} ms; planted: ${ms(cold.planted.median)} ms`,
      met: s10.ratioColdToFloor <= 3,
      note:
        `preparing an article (folding and tokenizing it) costs about as much as the floor itself, and each candidate is prepared once: ` +
        `a planted page has about ten versions to verify, a real page ${s10.candidatesPerPage['real-world']} chance candidates on average (phrases the synthetic articles learnt from it)`,
    });
    out.push({
      id: 'match-10ms',
      what: 'matching at 10,000 articles, median of all pages',
      limit: '< 10 ms',
      measured: `${ms(s10.latency.all.median)} ms (p95 ${ms(s10.latency.all.p95)} ms)`,
      met: s10.latency.all.median < 10,
    });
    out.push({
      id: 'index-memory',
      what: 'index memory per article at 10,000 articles (typed arrays: postings + anchors)',
      limit: '<= 2 KB',
      measured: `${s10.index.typedArrayBytesPerArticle} B (heap retained by the whole loaded index incl. metadata: ${s10.index.heapBytesPerArticle} B)`,
      met: s10.index.typedArrayBytesPerArticle <= 2048,
    });
  }
  const s100 = scaleAt(r.matching, 100_000);
  const big = s100 ?? s10;
  if (big?.pack) {
    const at = big.articles.toLocaleString('en');
    const small = scaleAt(r.matching, big === s100 ? 10_000 : 1000);
    const growth = small ? (big.compile.ms / big.articles) / (small.compile.ms / small.articles) : null;
    out.push({
      id: 'pack-build',
      what: `building a corpus of ${at} articles (corpus build: fingerprints, concept keys, rarity table, the corpus's own relations)`,
      limit: s100 ? '<= 3 minutes, growing no faster than the corpus' : '<= 3 minutes at 100,000 (run without --quick)',
      measured: `${(big.compile.ms / 1000).toFixed(1)} s on ${big.compile.threads ?? 1} thread(s) (${big.compile.perArticleMs} ms per article${growth !== null && small ? `; ${growth.toFixed(2)}x the per-article time at ${small.articles.toLocaleString('en')}` : ''}); writing the pack ${(big.pack.writeMs / 1000).toFixed(1)} s more`,
      met: s100 ? big.compile.ms <= 180_000 && (growth ?? 1) <= 1.2 : false,
      note: 'most of the time is the corpus\'s own relations: every article matched against the rest, as a page is',
    });
    out.push({
      id: 'pack-ready',
      what: `the worker ready to match a ${at}-article pack (in a fresh process: header and tables read from the file, parsed, index checked; texts read per article later)`,
      limit: s100 ? '<= 500 ms at 100,000' : '<= 500 ms at 100,000 (run without --quick)',
      measured: `${ms(big.pack.openMs)} ms (opened again in that process: ${ms(big.pack.openAgainMs ?? big.pack.openMs)} ms), ${(big.pack.heapBytes / 2 ** 20).toFixed(1)} MB retained; header and tables ${(big.pack.headerBytes / 2 ** 20).toFixed(1)} MB of a ${(big.pack.bytes / 2 ** 20).toFixed(1)} MB pack`,
      met: s100 ? big.pack.openMs <= 500 : false,
    });
    out.push({
      id: 'pack-match',
      what: `matching through a ${at}-article pack the first time (candidates' texts read from the pack), median of all pages`,
      limit: '< 10 ms and <= 3x the floor',
      measured: `${ms(big.pack.latencyCold.median)} ms = ${(big.pack.latencyCold.median / big.floor.all.median).toFixed(1)}x the floor (${ms(big.floor.all.median)} ms); ${big.pack.readsPerPage} texts read per page; the same pages with the articles already prepared ${ms(big.latency.all.median)} ms`,
      met: big.pack.latencyCold.median < 10 && big.pack.latencyCold.median <= 3 * big.floor.all.median && s100 !== undefined,
    });
  }
  const imp = r.browser?.packImport;
  if (imp) {
    out.push({
      id: 'pack-import-browser',
      what: `importing a ${imp.articles.toLocaleString('en')}-article pack (${(imp.bytes / 2 ** 20).toFixed(0)} MB) through the options page in Chromium (read, checksum, stored in IndexedDB, opened by the worker)`,
      limit: 'timed, with its peak memory (no limit set)',
      measured: imp.error
        ? `failed: ${imp.error}`
        : `${(imp.importMs / 1000).toFixed(1)} s; peak JS heap of the options page ${(imp.peakPageHeapBytes / 2 ** 20).toFixed(0)} MB${imp.peakWorkerHeapBytes > 0 ? `, of the worker ${(imp.peakWorkerHeapBytes / 2 ** 20).toFixed(0)} MB` : ''} (the file itself is held as an ArrayBuffer and a Blob, outside the JS heap figure); a fresh worker opened it from IndexedDB and answered in ${imp.workerReadyMs} ms${imp.workerMemory ? `, then holding ${(imp.workerMemory.heap / 2 ** 20).toFixed(0)} MB of JS heap and ${(imp.workerMemory.buffers / 2 ** 20).toFixed(0)} MB of array buffers (the pack's header and tables)` : ''}`,
      met: imp.error === null,
    });
  }
  const tr = r.translations;
  const tr10 = tr?.scales.find((x) => x.articles === 10_000);
  if (tr && tr10) {
    out.push({
      id: 'translation-10ms',
      what: `matching an English translation at 10,000 articles with translation retrieval on (the ${tr.pages} translations of ../shared/translations against their Chinese sources among real and synthetic articles), median`,
      limit: '< 10 ms',
      measured: `${ms(tr10.latency.median)} ms (p95 ${ms(tr10.latency.p95)} ms), of which retrieval ${ms(tr10.retrieval.median)} ms; sources first ${tr10.top1}, false matches ${tr10.falseMatches}`,
      met: tr10.latency.median < 10,
      note: 'each page aligns its six best candidates sentence by sentence: that alignment, not the lookup, is most of the time',
    });
    out.push({
      id: 'dictionary-load',
      what: `loading the whole CC-CEDICT dictionary in the worker (${tr.dictionary.entries.toLocaleString('en')} headwords, once per worker start)`,
      limit: 'reported',
      measured: `${ms(tr.dictionary.loadMs.median)} ms, ${(tr.dictionary.heapBytes / 2 ** 20).toFixed(1)} MB of heap; ${(tr.dictionary.fileBytes / 2 ** 20).toFixed(1)} MB file, ${(tr.dictionary.gzipBytes / 2 ** 20).toFixed(1)} MB gzipped`,
      met: true,
    });
  }
  const rn = r.realnews;
  if (rn) {
    out.push({
      id: 'realnews-build',
      what: `corpus build of ${rn.articles.toLocaleString('en')} real news articles (realnews: parse, fingerprints, the corpus's own stock table, relations)`,
      limit: '< 10 s',
      measured: `${(rn.buildMs / 1000).toFixed(1)} s (${rn.stockWindows.toLocaleString('en')} stock windows of its own, ${rn.relations} relations, all false by construction)`,
      met: rn.buildMs < 10_000,
    });
    out.push({
      id: 'realnews-floor',
      what: `matching the ${rn.pages} realnews pages against those articles, against the floor (fold + fingerprint the page)`,
      limit: '<= 3x the floor',
      measured: `${ms(rn.latency.median)} ms = ${rn.ratioToFloor}x (floor ${ms(rn.floor.median)} ms); first time ${ms(rn.latencyCold.median)} ms = ${rn.ratioColdToFloor}x`,
      met: rn.ratioToFloor <= 3,
      note: 'every page but the negatives has a version to verify, and verification weighs each shared window against the stock tables',
    });
  }
  const planted = r.matching.scales.filter((s) => s.planted > 0);
  if (planted.length > 0) {
    const all = planted.every((s) => s.recall.pageFindsSource === s.planted && s.recall.sourceListsPlant === s.planted);
    out.push({
      id: 'recall',
      what: 'recall of the planted reprints and excerpts (each as a page finds its source; each source lists them)',
      limit: '100% at every size',
      measured: planted.map((s) => `${s.articles}: ${s.recall.pageFindsSource}/${s.planted} and ${s.recall.sourceListsPlant}/${s.planted}`).join('; '),
      met: all,
      ...(all ? {} : { note: [...new Set(planted.flatMap((s) => s.recall.missed))].slice(0, 4).join('; ') }),
    });
  }
  const p000 = r.comparison.find((p) => p.name === '000 vs 002');
  const cmp = run(p000, 'compareVersions (word)');
  const jsc = run(p000, 'jsdiff diffChars');
  if (cmp && jsc) {
    out.push({ id: 'compare-20ms', what: 'compare 000 002 (compareVersions, default word granularity)', limit: '< 20 ms', measured: `${ms(cmp.ms.median)} ms (p95 ${ms(cmp.ms.p95)})`, met: cmp.ms.median < 20 });
    out.push({
      id: 'compare-jsdiff',
      what: "compare 000 002 against jsdiff's character diff of the same two texts",
      limit: 'no slower',
      measured: `${ms(cmp.ms.median)} ms vs diffChars ${ms(jsc.ms.median)} ms`,
      met: cmp.ms.median <= jsc.ms.median,
      note: 'compareVersions also locates the shared region, pairs paragraphs, diffs by words and names the edits; jsdiff returns a bare character diff',
    });
  }
  const b = r.browser;
  if (b) {
    const floors = (b.floors ?? []).map((f) => `${f.what}: ${ms(f.ms.median)} ms`).join('; ');
    out.push({
      id: 'content-idle',
      what: 'content script main-thread time per load, pages that are not candidates (30 real pages)',
      limit: '< 2 ms median',
      measured: `${ms(b.nonCandidate.median)} ms (p95 ${ms(b.nonCandidate.p95)})${b.nonCandidateEval ? `, of which the script's evaluation ${ms(b.nonCandidateEval.median)} ms` : ''}`,
      met: b.nonCandidate.median < 2,
      ...(floors ? { note: `the floors, same pages, same trace: ${floors}` } : {}),
    });
    out.push({
      id: 'content-article',
      what: 'content script + extraction main-thread time per load, candidate article pages',
      limit: '< 30 ms median',
      measured: `${ms(b.candidate.median)} ms (content.js ${ms(b.candidateContent.median)} + extract.js ${ms(b.candidateExtract.median)}; p95 ${ms(b.candidate.p95)})`,
      met: b.candidate.median < 30,
    });
    out.push({ id: 'popup', what: 'popup: navigation start to the first diff cell (tab showing 002)', limit: '< 150 ms median', measured: `${ms(b.popup.firstDiffMs.median)} ms (p95 ${ms(b.popup.firstDiffMs.p95)})`, met: b.popup.firstDiffMs.median < 150 });
    if (b.kept) {
      const k = b.kept;
      out.push({
        id: 'kept-restart',
        what: `the reader's own corpus of ${k.articles.toLocaleString('en')} articles: a kept page matched by a restarted worker (records and compiled parts read back from IndexedDB)`,
        limit: 'reported',
        measured: k.error
          ? `failed: ${k.error}`
          : `${(k.restartMatchMs / 1000).toFixed(1)} s navigation to badge (${(k.recompileMatchMs / 1000).toFixed(1)} s when every part is compiled again, as after an update; ${(k.firstMatchMs / 1000).toFixed(1)} s for the first match after the import); import of its ${(k.fileBytes / 2 ** 20).toFixed(0)} MB file ${(k.importMs / 1000).toFixed(1)} s, options page heap peak ${(k.peakPageHeapBytes / 2 ** 20).toFixed(0)} MB`,
        met: !k.error,
      });
    }
    if (b.heavy?.length) {
      const worst = Math.max(...b.heavy.map((h) => h.longestOwnMs));
      out.push({
        id: 'long-tasks',
        what: 'the page\'s longest main-thread task of its own while the extension reads a 5 MB page or one of 250,000 nodes again (collector pauses taken out)',
        limit: '≤ 50 ms (no long task)',
        measured: b.heavy.map((h) => `${h.path.replace('/hostile/', '')} ${h.error ? `failed: ${h.error}` : `${h.longestOwnMs} ms`}`).join(', '),
        met: b.heavy.every((h) => !h.error) && worst <= 50,
      });
    }
    const every = b.bundles.filter((x) => x.everyPage);
    const bytes = every.reduce((s, x) => s + x.bytes, 0);
    const heavy = b.bundles.filter((x) => !x.everyPage && x.file !== 'background.js' && !['popup.js', 'compare.js', 'options.js'].includes(x.file));
    out.push({
      id: 'bundle',
      what: `code injected into every page (${every.map((x) => x.file).join(', ')}), minified`,
      limit: '< 30 KB; heavier code only on candidates',
      measured: `${kb(bytes)} (${kb(every.reduce((s, x) => s + x.gzipBytes, 0))} gzip); injected on candidates only: ${heavy.map((x) => `${x.file} ${kb(x.bytes)}`).join(', ') || 'none'}`,
      met: bytes < 30 * 1024,
    });
  }
  return out;
}

// ------------------------------------------------------------------------------ tables

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function sum(s: Summary): string {
  return `${ms(s.median)} (${ms(s.q1)}-${ms(s.q3)}, p95 ${ms(s.p95)})`;
}

export function markdown(r: Results): string {
  const m = r.machine;
  const parts: string[] = [];
  parts.push(`Generated by \`npm run bench\` on ${r.generated} (node part ${r.seconds.node} s, browser part ${r.seconds.browser ?? '-'} s).`);
  parts.push(
    `Machine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGB} GB, ${m.os}; Node ${m.node}; ${m.chromium ?? 'no Chromium'}; ${m.firefox ?? 'no Firefox'}. ` +
      `Load average when the bench started: ${m.loadAverageAtStart.map((x) => x.toFixed(2)).join(' / ')} (1/5/15 min; above ~0.5 other work shared the two cores).`,
  );
  parts.push('### Targets');
  parts.push(table(['', 'target', 'limit', 'measured', 'note'], r.targets.map((t) => [t.met ? 'met' : '**not met**', t.what, t.limit, t.measured, t.note ?? ''])));

  parts.push('### Matching against corpus size');
  parts.push(
    'Times in ms: median (interquartile range, p95) over all pages x repetitions. "with versions" are the planted reprints and excerpts and the corpus articles; "without" are the 30 real pages and 20 fresh synthetic articles. findVersions columns: the articles verified already prepared (kept by the matcher from an earlier page); "first time": nothing prepared.',
  );
  parts.push(
    table(
      ['articles', 'findVersions, all pages', 'with versions (planted)', 'without (fresh synthetic)', 'without (real pages)', 'floor: fold + fingerprint', 'ratio', 'first time, all pages (ratio)', 'anchor keys alone', 'brute force: verify() x every article'],
      r.matching.scales.map((s) => [
        s.articles.toLocaleString('en'),
        sum(s.latency.all),
        s.latency.planted.n ? sum(s.latency.planted) : sum(s.latency.corpus) + ' (corpus)',
        sum(s.latency.fresh),
        sum(s.latency['real-world']),
        sum(s.floor.all),
        `${s.ratioToFloor}x`,
        `${sum(s.latencyCold.all)} (${s.ratioColdToFloor}x)`,
        sum(s.anchors.all),
        `${ms(s.brute.perQuery.median)} ${s.brute.method === 'sampled' ? `(${s.brute.scanned} scanned, x${Math.round(s.articles / s.brute.scanned)})` : ''}`,
      ]),
    ),
  );
  parts.push(
    table(
      ['articles', 'body chars', 'compile', 'per article', 'fingerprinting alone', 'postings', 'index typed arrays / article', 'heap retained / article', 'index.json / article', 'load index.json', 'texts.json / article', 'relations (false)'],
      r.matching.scales.map((s) => [
        s.articles.toLocaleString('en'),
        `${(s.bodyChars / 1e6).toFixed(1)} M`,
        `${(s.compile.ms / 1000).toFixed(1)} s`,
        `${s.compile.perArticleMs} ms`,
        `${(s.compile.fingerprintAllMs / 1000).toFixed(1)} s`,
        s.compile.postings.toLocaleString('en'),
        `${s.index.typedArrayBytesPerArticle} B`,
        // five articles retain less than the heap moves between two collections
        s.index.heapBytesPerArticle > 0 ? `${s.index.heapBytesPerArticle} B` : 'below the noise',
        `${s.index.indexJsonBytesPerArticle} B`,
        `${ms(s.index.loadMs)} ms`,
        `${(s.index.textsJsonBytesPerArticle / 1024).toFixed(1)} KB`,
        `${s.compile.relations} (${s.compile.spuriousRelations})`,
      ]),
    ),
  );
  const packed = r.matching.scales.filter((s) => s.pack);
  if (packed.length) {
    parts.push(
      'The same corpora as corpus packs (`corpus build -o x.rlpack`): written, checked whole (SHA-256, what an import does once), opened as a worker opens an installed pack when it starts, in a fresh process (`bench/src/open-pack.ts`: header and tables read from the file in one piece, header JSON parsed, index checked; the IndexedDB read itself is measured in the browser), and matched the first time through the pack, each candidate\'s text read and inflated from it (Node\'s zlib here, DecompressionStream in the extension).',
    );
    parts.push(
      table(
        ['articles', 'pack', 'per article', 'header and tables', 'write', 'verify', 'open (worker ready)', 'heap retained', 'match, first time', 'texts read per page'],
        packed.map((s) => [
          s.articles.toLocaleString('en'),
          `${(s.pack.bytes / 2 ** 20).toFixed(1)} MB`,
          `${(s.pack.bytesPerArticle / 1024).toFixed(1)} KB`,
          `${(s.pack.headerBytes / 2 ** 20).toFixed(1)} MB`,
          `${(s.pack.writeMs / 1000).toFixed(1)} s`,
          `${ms(s.pack.verifyMs)} ms`,
          `${ms(s.pack.openMs)} ms`,
          `${(s.pack.heapBytes / 2 ** 20).toFixed(1)} MB`,
          sum(s.pack.latencyCold),
          String(s.pack.readsPerPage),
        ]),
      ),
    );
  }
  parts.push(
    table(
      ['articles', 'planted', 'page finds its source', 'named right (reprint/excerpt)', 'source lists it', 'pages without versions that matched something', 'candidates retrieved per page (weak ones checked locally first): planted / corpus / real / fresh'],
      r.matching.scales.map((s) => [
        s.articles.toLocaleString('en'),
        String(s.planted),
        s.planted ? `${s.recall.pageFindsSource}/${s.planted}` : '-',
        s.planted ? `${s.recall.relationRight}/${s.planted}` : '-',
        s.planted ? `${s.recall.sourceListsPlant}/${s.planted}` : '-',
        `${s.falsePositives.withMatches}/${s.falsePositives.pages}`,
        (['planted', 'corpus', 'real-world', 'fresh'] as const).map((g) => (s.planted || g !== 'planted' ? String(s.candidatesPerPage[g]) : '-')).join(' / '),
      ]),
    ),
  );
  const re = r.matching.realism;
  parts.push(
    `Synthetic text check: Chinese-English pairs sharing >= 5 figure/acronym anchors (what makes a translation candidate): real pages ${re.realPairsSharing5Anchors}/${re.realPairs}, synthetic ${re.syntheticPairsSharing5Anchors}/${re.syntheticPairs}. Generating the synthetic articles took ${(r.matching.generateMs / 1000).toFixed(1)} s.`,
  );
  const misses = r.matching.scales.flatMap((s) => s.recall.missed.map((x) => `${s.articles}: ${x}`));
  if (misses.length) parts.push(`Recall notes: ${misses.slice(0, 12).join('; ')}${misses.length > 12 ? ` (+${misses.length - 12} more)` : ''}.`);
  const fps = r.matching.scales.flatMap((s) => s.falsePositives.names.map((x) => `${s.articles}: ${x}`));
  if (fps.length) parts.push(`False matches: ${fps.slice(0, 8).join('; ')}.`);

  if (r.realnews) {
    const rn = r.realnews;
    parts.push('### Matching on real news (../shared/realnews)');
    parts.push(
      `${rn.articles.toLocaleString('en')} real CCTV 新闻联播 and 人民日报 articles compiled as \`corpus build\` compiles them, and the article text of its ${rn.pages} pages (planted reprints and excerpts, real negatives, real duplicate pairs) matched against them. Times in ms: median (IQR, p95).`,
    );
    parts.push(
      table(
        ['corpus build', 'stock windows of its own', 'relations (false)', 'findVersions', 'first time', 'floor: fold + fingerprint', 'ratio (first time)', 'sources found', 'negatives matched'],
        [[`${(rn.buildMs / 1000).toFixed(1)} s`, rn.stockWindows.toLocaleString('en'), String(rn.relations), sum(rn.latency), sum(rn.latencyCold), sum(rn.floor), `${rn.ratioToFloor}x (${rn.ratioColdToFloor}x)`, rn.sourcesFound, rn.negativesMatched]],
      ),
    );
  }

  if (r.translations) {
    const t = r.translations;
    parts.push('### Finding translations (../shared/translations)');
    parts.push(
      `The ${t.pages} English translations of the set matched against corpora of its 44 Chinese sources (every fifth document left out), real Chinese articles of ../shared/realnews and synthetic articles. Retrieval: the page's concept keys and the index lookup of its six best candidates; findVersions: retrieval, then alignment of the candidates (articles not kept prepared between repetitions). Times in ms: median (IQR, p95). The dictionary: ${t.dictionary.entries.toLocaleString('en')} headwords, ${(t.dictionary.fileBytes / 2 ** 20).toFixed(1)} MB (${(t.dictionary.gzipBytes / 2 ** 20).toFixed(1)} MB gzipped), loaded (JSON.parse + loadLexicon) in ${sum(t.dictionary.loadMs)} ms, ${(t.dictionary.heapBytes / 2 ** 20).toFixed(1)} MB of heap retained.`,
    );
    parts.push(
      table(
        ['articles', 'real articles', 'compile', 'retrieval', 'findVersions', 'source first', 'pages with a wrong match'],
        t.scales.map((x) => [x.articles.toLocaleString('en'), x.realArticles.toLocaleString('en'), `${(x.compileMs / 1000).toFixed(1)} s`, sum(x.retrieval), sum(x.latency), x.top1, String(x.falseMatches)]),
      ),
    );
  }

  parts.push('### Comparing versions');
  parts.push('Times in ms (median, IQR, p95). Texts are the paragraphs joined by newlines; jsdiff gets the same two strings.');
  const rows: string[][] = [];
  for (const p of [...r.comparison, ...r.translation]) {
    for (const x of p.runs) rows.push([p.name, `${p.aChars.toLocaleString('en')} / ${p.bChars.toLocaleString('en')}`, x.method, sum(x.ms), x.degraded ? x.note ?? 'degraded (time budget)' : '']);
  }
  parts.push(table(['pair', 'chars a / b', 'method', 'ms', ''], rows));

  if (r.browser) {
    const b = r.browser;
    parts.push('### In the extension (Chromium)');
    parts.push(`${b.chromium}. Method: ${b.method}; ${b.loadsPerPage} loads per page. Popup: ${b.popup.method}, ${b.popup.opens} opens.`);
    parts.push(
      table(
        ['measure', 'median (IQR, p95) ms'],
        [
          ['content.js, pages that are not candidates', sum(b.nonCandidate)],
          ...(b.nonCandidateEval ? [['  of which its evaluation (compiling it, the first sample and precheck)', sum(b.nonCandidateEval)]] : []),
          ...(b.floors ?? []).map((f) => [`  floor: ${f.what} (real pages)`, sum(f.ms)]),
          ['content.js + extract.js, candidate pages', sum(b.candidate)],
          ['  of which content.js', sum(b.candidateContent)],
          ['  of which extract.js', sum(b.candidateExtract)],
          ['popup: first version listed', sum(b.popup.firstVersionMs)],
          ['popup: first diff cell', sum(b.popup.firstDiffMs)],
        ],
      ),
    );
    parts.push(
      table(
        ['page', 'candidate', 'content.js ms per load', 'extract.js ms per load'],
        b.pages.map((p) => [p.name, p.candidate ? 'yes' : 'no', p.contentMs.map(ms).join(' / '), p.candidate ? p.extractMs.map(ms).join(' / ') : '-']),
      ),
    );
    if (b.heavy?.length) {
      parts.push(
        'Heavy pages (bench/src/heavy-pages.ts): a route change on the settled page makes the extension sample, inject, copy, extract and match it again; every task of the page\'s main thread over 50 ms until the new verdict, wall / own (without the collector\'s pauses) ms.',
      );
      parts.push(
        table(
          ['page', 'size', 'verdict after the route change', 'long tasks (wall / own ms)', 'found'],
          b.heavy.map((h) => [
            h.path.replace('/hostile/', ''),
            kb(h.bytes),
            h.error ? `failed: ${h.error}` : `${(h.verdictMs / 1000).toFixed(1)} s`,
            h.longTasks.map((t) => `${t.ms} / ${t.ownMs}`).join(', ') || 'none',
            `${h.firstMatch ?? '-'}${h.truncated ? ', text cut at the cap' : ''}`,
          ]),
        ),
      );
    }
    parts.push(table(['bundle', 'minified', 'gzip', 'runs'], b.bundles.map((x) => [x.file, kb(x.bytes), kb(x.gzipBytes), x.everyPage ? 'every page' : x.file === 'extract.js' ? 'candidate pages' : 'extension pages / worker'])));
  }
  parts.push('Charts: [matching against corpus size](perf-scaling.svg), [comparison against article length](perf-length.svg).');
  return parts.join('\n\n');
}

// ------------------------------------------------------------------------------ charts

export function charts(r: Results): { scaling: string; length: string } {
  const sc = r.matching.scales;
  const scaling = logLogChart({
    title: 'Matching one page against corpus size',
    xLabel: 'articles in the corpus',
    yLabel: 'ms per page',
    series: [
      { name: 'findVersions median', color: '#1f6fb2', points: sc.map((s) => ({ x: s.articles, y: s.latency.all.median })) },
      { name: 'findVersions p95', color: '#1f6fb2', dash: true, points: sc.map((s) => ({ x: s.articles, y: s.latency.all.p95 })) },
      { name: 'first time, median', color: '#b25b1f', points: sc.map((s) => ({ x: s.articles, y: s.latencyCold.all.median })) },
      { name: 'no versions, median', color: '#2a9d4b', points: sc.map((s) => ({ x: s.articles, y: s.latency.fresh.median })) },
      { name: 'floor (fingerprint)', color: '#777', points: sc.map((s) => ({ x: s.articles, y: s.floor.all.median })) },
      { name: 'brute force', color: '#c0392b', points: sc.map((s) => ({ x: s.articles, y: s.brute.perQuery.median, mark: s.brute.method === 'sampled' })) },
    ],
    note: 'crosses: brute force timed on a sample of 1,000 articles and scaled to the corpus size',
  });
  const all = [...r.comparison, ...r.translation];
  const serie = (method: string, color: string, pairs: PairResult[], dash = false): { name: string; color: string; dash: boolean; points: Array<{ x: number; y: number; mark: boolean }> } => ({
    name: method,
    color,
    dash,
    points: pairs.flatMap((p) => {
      const x = run(p, method);
      return x ? [{ x: p.aChars + p.bChars, y: x.ms.median, mark: x.degraded }] : [];
    }),
  });
  const length = logLogChart({
    title: 'Comparing two versions against their length',
    xLabel: 'characters of both versions',
    yLabel: 'ms',
    series: [
      serie('compareVersions (word)', '#1f6fb2', r.comparison),
      serie('compareVersions (char)', '#1f6fb2', r.comparison, true),
      serie('jsdiff diffChars', '#c0392b', r.comparison),
      serie('jsdiff diffWords', '#c0392b', r.comparison, true),
      serie('compareTranslation', '#8e44ad', all),
    ],
    note: 'crosses: degraded (compareVersions past its 2 s budget, compareTranslation banded) or abandoned (jsdiff past its timeout)',
  });
  return { scaling, length };
}

// ------------------------------------------------------------------------------ output

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

/** Writes results.json, the charts, and the results section of docs/PERFORMANCE.md. */
export function write(r: Results): void {
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(r, null, 1)}\n`);
  const c = charts(r);
  writeFileSync(join(ROOT, 'docs/perf-scaling.svg'), c.scaling);
  writeFileSync(join(ROOT, 'docs/perf-length.svg'), c.length);
  const docPath = join(ROOT, 'docs/PERFORMANCE.md');
  let doc: string;
  try {
    doc = readFileSync(docPath, 'utf8');
  } catch {
    doc = `# Performance\n\n${BEGIN}\n${END}\n`;
  }
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) doc = `${doc.trimEnd()}\n\n${BEGIN}\n${END}\n`;
  const from = doc.indexOf(BEGIN) + BEGIN.length;
  const to = doc.indexOf(END);
  writeFileSync(docPath, `${doc.slice(0, from)}\n${markdown(r)}\n${doc.slice(to)}`);
}

/** The terminal summary: the targets, then the headline figures. */
export function terminal(r: Results): string {
  const lines: string[] = ['', 'Reprint Lens benchmark', ''];
  for (const t of r.targets) lines.push(`${t.met ? '  met    ' : '  NOT MET'}  ${t.what}: ${t.measured} (limit ${t.limit})`);
  lines.push('', '  articles    match median / p95     floor    brute force     compile    index B/article   recall');
  for (const s of r.matching.scales) {
    lines.push(
      `  ${String(s.articles).padStart(8)}    ${ms(s.latency.all.median).padStart(7)} / ${ms(s.latency.all.p95).padEnd(8)}  ${ms(s.floor.all.median).padStart(7)}  ${ms(s.brute.perQuery.median).padStart(10)}${s.brute.method === 'sampled' ? '*' : ' '}  ${(s.compile.ms / 1000).toFixed(1).padStart(8)} s  ${String(s.index.typedArrayBytesPerArticle).padStart(8)}          ${s.planted ? `${s.recall.pageFindsSource}/${s.planted}` : '-'}`,
    );
  }
  lines.push('  (* sampled and scaled)', '');
  for (const p of [...r.comparison, ...r.translation]) lines.push(`  ${p.name.padEnd(26)} ${p.runs.map((x) => `${x.method} ${ms(x.ms.median)}${x.degraded ? '!' : ''}`).join(', ')}`);
  lines.push('  (! degraded or abandoned)', '', 'wrote bench/results.json, docs/perf-scaling.svg, docs/perf-length.svg and the results in docs/PERFORMANCE.md', '');
  return lines.join('\n');
}
