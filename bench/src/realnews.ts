// Matching on real news: the realnews development set's 2,000 real CCTV 新闻联播 and 人民日报
// articles compiled as `corpus build` compiles them (build time), and its 461 pages (planted
// reprints and excerpts, real negatives, real duplicate pairs; their article text, without a page
// layout) matched against them: latency and its ratio to the floor (fold + fingerprint the page),
// beside the synthetic corpora of matching.ts. Skipped when ../shared/realnews is not there.
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import { fingerprint } from '../../src/core/index/fingerprint';
import { findVersions, forgetPreparedArticles, type PageText } from '../../src/core/match/find-versions';
import { realnewsCorpusFiles, realnewsLabels, realnewsPages, realnewsPresent } from '../../tests/fixtures/realnews';
import { log, repeat, summarize, timeOnce, type Summary } from './stats';

export interface RealnewsResult {
  articles: number;
  pages: number;
  /** corpus build of the 2,000 articles (parse + compile, with the corpus's own stock table). */
  buildMs: number;
  relations: number;
  stockWindows: number;
  latency: Summary;
  latencyCold: Summary;
  floor: Summary;
  ratioToFloor: number;
  ratioColdToFloor: number;
  /** Pages whose answer is no match (real negatives) that matched something, and pages that should match that found their source. */
  negativesMatched: string;
  sourcesFound: string;
}

export function runRealnews(reps: number): RealnewsResult | null {
  if (!realnewsPresent()) {
    log('realnews: ../shared/realnews not found, skipped');
    return null;
  }
  log('realnews: compiling 2,000 real articles');
  const files = realnewsCorpusFiles();
  const built = timeOnce(() => compileCorpus(files));
  const { index, texts } = built.value;
  const corpus = loadCorpus(index, () => texts);
  corpus.text(corpus.docs[0]!.id);
  const labels = realnewsLabels();
  const pages = realnewsPages();
  const queries = labels.map((l) => {
    const p = pages.get(l.id)!;
    return { label: l, page: { title: p.title, lang: 'zh', paragraphs: p.paragraphs } satisfies PageText };
  });
  log(`realnews: ${queries.length} pages x ${reps}`);
  const warm: number[] = [];
  const cold: number[] = [];
  const floor: number[] = [];
  let negatives = 0;
  let negativesMatched = 0;
  let positives = 0;
  let found = 0;
  for (const q of queries) {
    floor.push(...repeat(() => fingerprint(q.page.paragraphs.join('\n')), reps, 1));
    cold.push(...repeat(() => findVersions(q.page, corpus), reps, 1, () => forgetPreparedArticles(corpus)));
    warm.push(...repeat(() => findVersions(q.page, corpus), reps, 1));
    const ms = findVersions(q.page, corpus);
    if (q.label.kind === 'negative') {
      negatives++;
      if (ms.length) negativesMatched++;
    } else {
      positives++;
      if (ms.some((m) => m.id === q.label.expected[0])) found++;
    }
  }
  const latency = summarize(warm);
  const latencyCold = summarize(cold);
  const fl = summarize(floor);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    articles: index.docs.length,
    pages: queries.length,
    buildMs: Math.round(built.ms),
    relations: index.relations.length,
    stockWindows: index.stock?.windows ?? 0,
    latency,
    latencyCold,
    floor: fl,
    ratioToFloor: round(latency.median / fl.median),
    ratioColdToFloor: round(latencyCold.median / fl.median),
    negativesMatched: `${negativesMatched}/${negatives}`,
    sourcesFound: `${found}/${positives}`,
  };
}
