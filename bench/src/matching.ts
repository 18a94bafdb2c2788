// Matching at scale: the real corpus (5 articles), then 1,000, 10,000 and 100,000 articles made of
// the corpus, planted versions of it and synthetic articles (synthetic.ts). For each size: index
// build time, index memory, the latency of findVersions on a fixed set of pages against the floor
// (folding and fingerprinting the page alone) and against a brute-force scan (verify() against
// every article), and recall of the planted versions.
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { compileDocsInParallel } from '../../src/cli/parallel-compile';
import { bodyStart, headContents, PACK_PREFIX, packCorpus, packMeta, verifyPackSync, writePack } from '../../src/corpus/pack';
import { loadCorpus } from '../../src/corpus/load';
import type { CompiledIndex, CompiledTexts, Corpus } from '../../src/core/index/types';
import type { CorpusDoc } from '../../src/corpus/types';
import { anchorHashes, fingerprint } from '../../src/core/index/fingerprint';
import type { Lexicon } from '../../src/core/text/lexicon';
import { candidates, findVersions, forgetPreparedArticles, verify, type PageText } from '../../src/core/match/find-versions';
import type { Match } from '../../src/core/types';
import { openPackFresh, type OpenTimes } from './open-pack';
import { ROOT, type RealPage } from './sources';
import { log, repeat, summarize, timeOnce, usedMemory, type Summary } from './stats';
import { plants as makePlants, syntheticArticle, type Language, type Plant } from './synthetic';

const SEED = 20220425;
/** Reprints and excerpts planted per source article (000, 001, 003, 004): 40 in all. */
const PER_KIND = 5;
/** Fresh synthetic pages (not in the corpus) among the queries that must find nothing. */
const FRESH_NEGATIVES = 20;
/** Articles a brute-force query scans before its time is extrapolated to the whole corpus. */
const BRUTE_SAMPLE = 1000;
/** Queries timed for the brute-force scan at each size (half with a version, half without). */
const BRUTE_QUERIES = 10;

type Group = 'planted' | 'corpus' | 'real-world' | 'fresh';

interface Query {
  name: string;
  group: Group;
  page: PageText;
  exclude: string[];
  /** For a planted version: the corpus article it was made from and how. */
  expect?: { source: string; kind: 'reprint' | 'excerpt' };
}

export interface ScaleResult {
  articles: number;
  planted: number;
  synthetic: number;
  /** Characters of all article bodies. */
  bodyChars: number;
  compile: {
    ms: number;
    /** Worker threads `corpus build` used (one per core). */
    threads: number;
    perArticleMs: number;
    /** Time to fingerprint every article once (part of compiling; measured apart). */
    fingerprintAllMs: number;
    postings: number;
    anchors: number;
    droppedHashes: number;
    relations: number;
    /** Relations between two synthetic articles: all are false. */
    spuriousRelations: number;
  };
  index: {
    /** Typed arrays of the loaded index (postings + anchors: 8 bytes a posting). */
    typedArrayBytes: number;
    typedArrayBytesPerArticle: number;
    /** Heap + array buffers retained by the loaded index (metadata, relations, typed arrays), after GC. */
    heapBytes: number;
    heapBytesPerArticle: number;
    indexJsonBytes: number;
    indexJsonBytesPerArticle: number;
    /** JSON.parse + loadCorpus of index.json. */
    loadMs: number;
    /** texts.json (UTF-8) per article: what the extension loads once a page has candidates. */
    textsJsonBytesPerArticle: number;
  };
  /**
   * The corpus as a pack (corpus build -o x.rlpack): writing it, its size, opening it as the worker
   * does when it starts (prefix, header JSON, index checked; not the IndexedDB read itself), and
   * matching through it the first time (each candidate's text read from the pack and inflated).
   */
  pack: {
    writeMs: number;
    bytes: number;
    bytesPerArticle: number;
    headerBytes: number;
    /** Checksum over the whole file: what an import verifies once. */
    verifyMs: number;
    /** Opened in a fresh process, as a worker starting up (open-pack.ts): the first time, and the best of two more in that process. */
    openMs: number;
    openAgainMs: number;
    /** Heap + array buffers retained by the opened pack's index, after GC. */
    heapBytes: number;
    latencyCold: Summary;
    /** Texts read from the pack per page, mean. */
    readsPerPage: number;
  };
  /**
   * findVersions, ms, all queries and by group, with the articles it verifies already prepared
   * (folded and tokenized, kept by the matcher for the next page: a page matched again, or another
   * page of the same story while the worker lives).
   */
  latency: Record<'all' | Group, Summary>;
  /** findVersions, ms, the first time: no article prepared (a fresh worker, the CLI). */
  latencyCold: Record<'all' | Group, Summary>;
  /** fingerprint(page) alone, ms. */
  floor: Record<'all' | Group, Summary>;
  /** anchorHashes(page) alone, ms: the figure and acronym keys retrieval also computes to find translations. */
  anchors: Record<'all' | Group, Summary>;
  /** Candidates the index hands to verification per page (mean; same-language and translation). */
  candidatesPerPage: Record<'all' | Group, number>;
  /** median latency / median floor, all queries (prepared articles, and the first time). */
  ratioToFloor: number;
  ratioColdToFloor: number;
  brute: { method: 'full' | 'sampled'; scanned: number; queries: number; perQuery: Summary };
  recall: {
    planted: number;
    /** Planted versions as pages: their source article was found (any relation)... */
    pageFindsSource: number;
    /** ... and named as what it is (reprint / excerpt) among the direct matches. */
    relationRight: number;
    /** The source articles as pages: their planted versions listed (direct or through relations). */
    sourceListsPlant: number;
    missed: string[];
  };
  /** Pages that must find nothing (real-world and fresh synthetic) that found something. */
  falsePositives: { pages: number; withMatches: number; names: string[] };
}

function pageOf(doc: CorpusDoc): PageText {
  return { title: doc.title, lang: doc.lang, paragraphs: doc.paragraphs };
}

function queries(corpus: CorpusDoc[], planted: Plant[], real: RealPage[], fresh: CorpusDoc[]): Query[] {
  return [
    ...planted.map((p): Query => ({ name: p.doc.id, group: 'planted', page: pageOf(p.doc), exclude: [p.doc.id], expect: { source: p.source, kind: p.kind } })),
    ...corpus.map((d): Query => ({ name: d.id.slice(0, 3), group: 'corpus', page: pageOf(d), exclude: [d.id] })),
    ...real.map((r): Query => ({ name: r.name, group: 'real-world', page: r.article, exclude: [] })),
    ...fresh.map((d): Query => ({ name: d.id, group: 'fresh', page: pageOf(d), exclude: [] })),
  ];
}

const GROUPS: Group[] = ['planted', 'corpus', 'real-world', 'fresh'];

function byGroup(samples: Array<{ group: Group; ms: number[] }>): Record<'all' | Group, Summary> {
  const out = { all: summarize(samples.flatMap((s) => s.ms)) } as Record<'all' | Group, Summary>;
  for (const g of GROUPS) out[g] = summarize(samples.filter((s) => s.group === g).flatMap((s) => s.ms));
  return out;
}

/** One corpus size: compile, load, time the queries, check recall. */
async function measureScale(docs: CorpusDoc[], planted: Plant[], qs: Query[], lexicon: Lexicon, reps: number, keepPack: boolean): Promise<ScaleResult> {
  const n = docs.length;
  log(`${n} articles: compiling`);
  const bodyChars = docs.reduce((s, d) => s + d.paragraphs.reduce((t, p) => t + p.length + 1, 0), 0);
  const fpAll = timeOnce(() => {
    for (const d of docs) fingerprint(d.paragraphs.join('\n'));
  }).ms;
  // as `corpus build` compiles: a worker thread per core (the bench runs after the build, so the worker bundle is there)
  const t0 = performance.now();
  const built = await compileDocsInParallel(docs, { lexicon, lexiconPath: join(ROOT, 'dist/corpus/lexicon.json'), workerFile: join(ROOT, 'dist/compile-worker.mjs') });
  const compiled = { ms: performance.now() - t0, value: built };
  const { index, texts, stats } = compiled.value;
  const isSyn = (id: string): boolean => id.startsWith('syn_');
  const spurious = index.relations.filter((r) => isSyn(r.a) || isSyn(r.b)).length;
  log(`${n} articles: compiled in ${(compiled.ms / 1000).toFixed(1)} s; loading`);

  // memory and load time of index.json as the extension loads it
  let json: string | null = JSON.stringify(index);
  const indexJsonBytes = Buffer.byteLength(json);
  const textsJsonBytes = textsJsonSize(texts);
  const before = usedMemory();
  const loaded = timeOnce(() => loadCorpus(JSON.parse(json!), () => texts));
  const corpus: Corpus = loaded.value;
  const heapBytes = usedMemory() - before;
  json = null;
  const typedArrayBytes = [corpus.postings.hashes, corpus.postings.docs, corpus.anchors.hashes, corpus.anchors.docs].reduce((s, a) => s + a.byteLength, 0);
  corpus.text(corpus.docs[0]!.id); // texts in memory, as after the first page with candidates

  log(`${n} articles: ${qs.length} pages x ${reps}`);
  const matchSamples: Array<{ group: Group; ms: number[] }> = [];
  const coldSamples: Array<{ group: Group; ms: number[] }> = [];
  const floorSamples: Array<{ group: Group; ms: number[] }> = [];
  const anchorSamples: Array<{ group: Group; ms: number[] }> = [];
  const results = new Map<Query, Match[]>();
  for (const q of qs) {
    const opts = { exclude: q.exclude, lexicon };
    floorSamples.push({ group: q.group, ms: repeat(() => fingerprint(q.page.paragraphs.join('\n')), reps, 1) });
    anchorSamples.push({ group: q.group, ms: repeat(() => anchorHashes(q.page.paragraphs.join('\n')), reps, 1) });
    coldSamples.push({ group: q.group, ms: repeat(() => findVersions(q.page, corpus, opts), reps, 1, () => forgetPreparedArticles(corpus)) });
    matchSamples.push({ group: q.group, ms: repeat(() => findVersions(q.page, corpus, opts), reps, 1) });
    results.set(q, findVersions(q.page, corpus, opts));
  }
  const latency = byGroup(matchSamples);
  const latencyCold = byGroup(coldSamples);
  const candCount = new Map(qs.map((q) => [q, candidates(q.page, corpus, { exclude: q.exclude, lexicon }).length]));
  const meanCands = (g: 'all' | Group): number => {
    const xs = qs.filter((q) => g === 'all' || q.group === g).map((q) => candCount.get(q)!);
    return xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : 0;
  };
  const candidatesPerPage = { all: meanCands('all') } as Record<'all' | Group, number>;
  for (const g of GROUPS) candidatesPerPage[g] = meanCands(g);
  const floor = byGroup(floorSamples);

  // recall of the planted versions, both ways
  const missed: string[] = [];
  let pageFindsSource = 0;
  let relationRight = 0;
  let sourceListsPlant = 0;
  for (const [q, matches] of results) {
    if (!q.expect) continue;
    const hit = matches.find((m) => m.id === q.expect!.source);
    if (hit) pageFindsSource++;
    else missed.push(`${q.name} did not find ${q.expect.source.slice(0, 3)}`);
    if (hit && !hit.via && hit.relation === q.expect.kind) relationRight++;
    else if (hit) missed.push(`${q.name} found ${q.expect.source.slice(0, 3)} as ${hit.relation}${hit.via ? ` via ${hit.via}` : ''}`);
  }
  const bySource = new Map(qs.filter((q) => q.group === 'corpus').map((q) => [q.exclude[0]!, results.get(q)!]));
  for (const p of planted) {
    if (bySource.get(p.source)?.some((m) => m.id === p.doc.id)) sourceListsPlant++;
    else missed.push(`${p.source.slice(0, 3)} did not list ${p.doc.id}`);
  }
  const negatives = qs.filter((q) => q.group === 'real-world' || q.group === 'fresh');
  const fpNames = negatives.filter((q) => results.get(q)!.length > 0).map((q) => `${q.name}: ${results.get(q)!.map((m) => `${m.relation} ${m.id}`).join(', ')}`);

  const pack = measurePack(index, texts, qs, lexicon, keepPack);
  const brute = bruteForce(corpus, qs, n);
  return {
    pack,
    articles: n,
    planted: planted.length,
    synthetic: docs.filter((d) => isSyn(d.id)).length,
    bodyChars,
    compile: {
      ms: Math.round(compiled.ms),
      threads: availableParallelism(),
      perArticleMs: round(compiled.ms / n, 3),
      fingerprintAllMs: Math.round(fpAll),
      postings: stats.postings,
      anchors: stats.anchors,
      droppedHashes: stats.droppedHashes,
      relations: index.relations.length,
      spuriousRelations: spurious,
    },
    index: {
      typedArrayBytes,
      typedArrayBytesPerArticle: Math.round(typedArrayBytes / n),
      heapBytes,
      heapBytesPerArticle: Math.round(heapBytes / n),
      indexJsonBytes,
      indexJsonBytesPerArticle: Math.round(indexJsonBytes / n),
      loadMs: round(loaded.ms, 1),
      textsJsonBytesPerArticle: Math.round(textsJsonBytes / n),
    },
    latency,
    latencyCold,
    floor,
    anchors: byGroup(anchorSamples),
    candidatesPerPage,
    ratioToFloor: round(latency.all.median / floor.all.median, 2),
    ratioColdToFloor: round(latencyCold.all.median / floor.all.median, 2),
    brute,
    recall: { planted: planted.length, pageFindsSource, relationRight, sourceListsPlant, missed },
    falsePositives: { pages: negatives.length, withMatches: fpNames.length, names: fpNames },
  };
}

const sha256 = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();

/** Where the largest size's pack is written for the browser part to import (bench/out, gitignored). */
export const PACK_FILE = 'bench/out/pack.rlpack';

function measurePack(index: CompiledIndex, texts: CompiledTexts, qs: Query[], lexicon: Lexicon, keep: boolean): ScaleResult['pack'] {
  const n = index.docs.length;
  const meta = packMeta(index, 'bench', '', 'bench');
  const written = timeOnce(() => writePack(index, texts, meta, { deflate: (b) => deflateSync(b, { level: 9 }), sha256 }));
  const bytes = written.value;
  if (keep) writeFileSync(PACK_FILE, bytes);
  const verified = timeOnce(() => verifyPackSync(bytes, sha256));
  const headerLength = verified.value.prefix.headerLength + verified.value.prefix.tablesLength;
  const body = bodyStart(verified.value.prefix);
  let reads = 0;
  const read = (start: number, end: number): Uint8Array => {
    reads++;
    return bytes.subarray(body + start, body + end);
  };
  // what the worker does at start, in a process of its own (open-pack.ts): prefix, then header and
  // tables read in one piece and parsed, the index checked
  const file = keep ? PACK_FILE : join(tmpdir(), `rl-bench-${process.pid}-${n}.rlpack`);
  if (!keep) writeFileSync(file, bytes);
  let opened: OpenTimes;
  try {
    opened = openPackFresh(file);
  } finally {
    if (!keep) rmSync(file, { force: true });
  }
  const openMs = opened.ms[0]!;
  const heapBytes = opened.heapBytes;
  const cold: number[] = [];
  for (const q of qs) {
    const corpus = packCorpus(verified.value, read, (b) => inflateSync(b)); // no text kept from the last page
    cold.push(timeOnce(() => findVersions(q.page, corpus, { exclude: q.exclude, lexicon })).ms);
  }
  return {
    writeMs: Math.round(written.ms),
    bytes: bytes.length,
    bytesPerArticle: Math.round(bytes.length / n),
    headerBytes: headerLength,
    verifyMs: round(verified.ms, 1),
    openMs: round(openMs, 1),
    openAgainMs: round(Math.min(...opened.ms.slice(1)), 1),
    heapBytes,
    latencyCold: summarize(cold),
    readsPerPage: round(reads / qs.length, 2),
  };
}

/** texts.json size without building one huge string (at 100,000 articles it is hundreds of MB). */
function textsJsonSize(texts: CompiledTexts): number {
  let bytes = 0;
  for (const [id, t] of Object.entries(texts.texts)) bytes += Buffer.byteLength(JSON.stringify(id)) + Buffer.byteLength(JSON.stringify(t)) + 2;
  return bytes;
}

/**
 * What matching without an index costs: verify() (the same verification findVersions runs on its
 * candidates) against every article. Above BRUTE_SAMPLE articles, an evenly spaced sample is
 * scanned and the time scaled to the whole corpus (the cost is a sum over articles).
 */
function bruteForce(corpus: Corpus, qs: Query[], n: number): ScaleResult['brute'] {
  const picked = [...qs.filter((q) => q.group === 'planted' || q.group === 'corpus').slice(0, BRUTE_QUERIES / 2), ...qs.filter((q) => q.group === 'fresh' || q.group === 'real-world').slice(0, BRUTE_QUERIES / 2)];
  const sampled = n > BRUTE_SAMPLE;
  const count = Math.min(n, BRUTE_SAMPLE);
  const bodies: string[] = [];
  for (let k = 0; k < count; k++) bodies.push(corpus.text(corpus.docs[Math.floor((k * n) / count)]!.id).paragraphs.join('\n'));
  const scale = n / bodies.length;
  const ms = picked.map((q) => {
    const page = q.page.paragraphs.join('\n');
    return (
      timeOnce(() => {
        for (const b of bodies) verify(page, b);
      }).ms * scale
    );
  });
  return { method: sampled ? 'sampled' : 'full', scanned: bodies.length, queries: picked.length, perQuery: summarize(ms) };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

export interface MatchingResult {
  seed: number;
  scales: ScaleResult[];
  /** Time to generate the synthetic articles (all sizes). */
  generateMs: number;
  realism: Realism;
}

/**
 * Is the synthetic text as unrelated as real unrelated articles? Translation candidates are
 * retrieved by shared anchors (figures, acronyms; >= 5 needed): the share of Chinese-English pairs
 * sharing 5 or more should be as low for synthetic articles as for the real pages.
 */
export interface Realism {
  realPairs: number;
  realPairsSharing5Anchors: number;
  syntheticPairs: number;
  syntheticPairsSharing5Anchors: number;
}

function realism(real: RealPage[], synthetic: CorpusDoc[]): Realism {
  const count = (zh: string[], en: string[]): [number, number] => {
    const za = zh.map((t) => new Set(anchorHashes(t)));
    const ea = en.map((t) => anchorHashes(t));
    let sharing = 0;
    for (const z of za) for (const e of ea) if (e.reduce((k, h) => k + (z.has(h) ? 1 : 0), 0) >= 5) sharing++;
    return [za.length * ea.length, sharing];
  };
  const text = (p: { paragraphs: string[] }): string => p.paragraphs.join('\n');
  const [realPairs, realSharing] = count(real.filter((r) => r.lang.startsWith('zh')).map((r) => text(r.article)), real.filter((r) => r.lang.startsWith('en')).map((r) => text(r.article)));
  const sample = synthetic.slice(0, 1000);
  const [synPairs, synSharing] = count(sample.filter((d) => d.lang === 'zh').map(text), sample.filter((d) => d.lang === 'en').map(text));
  return { realPairs, realPairsSharing5Anchors: realSharing, syntheticPairs: synPairs, syntheticPairsSharing5Anchors: synSharing };
}

/** Runs every size in `sizes` (the first, 5, is the real corpus alone). */
export async function runMatching(corpusDocs: CorpusDoc[], real: RealPage[], langs: Language[], lexicon: Lexicon, sizes: number[]): Promise<MatchingResult> {
  const sources = corpusDocs.filter((d) => !d.id.startsWith('002')); // 002 is itself a reprint of 000
  const planted = makePlants(sources, langs, SEED, PER_KIND);
  const fresh = Array.from({ length: FRESH_NEGATIVES }, (_, i) => {
    const d = syntheticArticle(langs, SEED + 1, i);
    return { ...d, id: `fresh_${i}` };
  });
  const synthetic: CorpusDoc[] = [];
  let generateMs = 0;
  const scales: ScaleResult[] = [];
  for (const size of sizes) {
    const withPlants = size > corpusDocs.length;
    const want = size - corpusDocs.length - (withPlants ? planted.length : 0);
    generateMs += timeOnce(() => {
      for (let i = synthetic.length; i < want; i++) synthetic.push(syntheticArticle(langs, SEED, i));
    }).ms;
    const docs = [...corpusDocs, ...(withPlants ? planted.map((p) => p.doc) : []), ...synthetic.slice(0, Math.max(0, want))];
    const qs = queries(corpusDocs, withPlants ? planted : [], real, fresh);
    scales.push(await measureScale(docs, withPlants ? planted : [], qs, lexicon, size >= 100_000 ? 3 : 5, size === Math.max(...sizes)));
  }
  return { seed: SEED, scales, generateMs: Math.round(generateMs), realism: realism(real, synthetic) };
}
