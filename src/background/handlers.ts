// The background's answers, one per message of BackgroundApi. The table is typed from that
// interface, so a message without a handler (or with the wrong signature) does not compile.
import browser, { type Runtime } from 'webextension-polyfill';
import type { BackgroundApi, DocInfo, MessageName, PackInfo, PageExtraction, TabVerdict } from '../messages';
import { ReplyError, type Problem } from '../messages';
import type { Comparison } from '../core/types';
import { buildMatchReport } from '../core/match/match-report';
import { compareAny, versionOfDoc, versionOfArticle } from '../core/compare/compare-any';
import { getCorpus, getLexicon } from './corpus';
import { claim, dropVerdict, getVerdict, isStale, putVerdict, staleVerdicts } from './verdicts';
import { extractFromSnapshot } from '../extract/from-snapshot';
import { SnapshotParts } from './snapshot-parts';
import { tabProvenance } from './family';
import { userDocFromArticle } from './user-corpus';
import { ImportParts } from './import-parts';
import { docsByIds, findDoc, metaDocInfo, userDocInfo, userStatus, userStore, watchKeptPages, withUserMatches } from './user-matching';
import { packsChanged, packStatus } from './packs';

/** Said again for the interface, in the reader's language (src/ui/problem.ts). */
const NOT_ANALYSED: Problem = { key: 'problem_notAnalysed', values: [] };

interface Context {
  sender: Runtime.MessageSender;
}
type Handlers = {
  [K in MessageName]: (ctx: Context, ...args: Parameters<BackgroundApi[K]>) => Promise<ReturnType<BackgroundApi[K]>>;
};

/** Parts of large page copies, per tab, until their pageSnapshot (in memory: they follow each other within milliseconds). */
const snapshotParts = new SnapshotParts();

/** Forgets what a closed tab was sending. */
export function dropSnapshotParts(tabId: number): void {
  snapshotParts.drop(tabId);
}

function senderTab(ctx: Context): { id: number; url: string } {
  const tab = ctx.sender.tab;
  if (tab?.id === undefined) throw new Error('this message must come from a page');
  return { id: tab.id, url: ctx.sender.url ?? tab.url ?? '' };
}

/** Injects extract.js into a tab's top frame; it answers with pageSnapshot. */
async function extractIn(tabId: number, url: string, title: string, precheck?: TabVerdict['precheck'], resumed?: number): Promise<TabVerdict> {
  const verdict = await putVerdict({ tabId, url, title, status: 'analysing', precheck, ...(resumed ? { resumed } : {}), updated: Date.now() });
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['extract.js'] });
  } catch (e) {
    return putVerdict({ ...verdict, status: 'error', error: `this page cannot be read (${(e as Error).message})`, problem: { key: 'problem_unreadable', values: [(e as Error).message] }, updated: Date.now() });
  }
  return verdict;
}

async function analyse(tabId: number, extraction: PageExtraction, resumed?: number): Promise<TabVerdict> {
  const previous = await getVerdict(tabId);
  const again = resumed ?? previous?.resumed;
  const base = { tabId, url: extraction.url, title: extraction.article.title, precheck: previous?.precheck, extraction, ...(again ? { resumed: again } : {}) };
  // the page's text is kept while it is matched, so that a worker stopped part way leaves what another needs to match it again
  await putVerdict({ ...base, status: 'analysing', updated: Date.now() });
  try {
    const [corpus, lexicon] = await Promise.all([getCorpus(), getLexicon()]);
    const report = await withUserMatches(await buildMatchReport(extraction.article, extraction.isArticle, corpus, { lexicon }), extraction.article);
    return putVerdict({ ...base, status: 'done', report, updated: Date.now() });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return putVerdict({ ...base, status: 'error', error: `this page could not be matched (${why})`, problem: { key: 'problem_unmatched', values: [why] }, updated: Date.now() });
  }
}

/**
 * A worker stopped mid-analysis (the browser's idle limit, a crash, an update) leaves the tab's
 * verdict at "analysing" in storage, with nothing to finish it: the next worker starts it again,
 * from the page's text when it was kept, else by reading the page again if the tab still shows it.
 * Twice at most: an analysis that stops the worker every time ends in an error the reader can act on.
 */
const RESUMES = 2;

async function resume(v: TabVerdict): Promise<TabVerdict | null> {
  if (!claim(v.tabId)) return v;
  const resumed = (v.resumed ?? 0) + 1;
  if (resumed > RESUMES) {
    const why = `the extension's worker stopped ${RESUMES + 1} times before this page's analysis finished`;
    return putVerdict({ ...v, status: 'error', error: why, problem: { key: 'problem_stopped', values: [String(RESUMES + 1)] }, resumed, updated: Date.now() });
  }
  if (v.extraction) return analyse(v.tabId, v.extraction, resumed);
  const tab = await browser.tabs.get(v.tabId).catch(() => null);
  if (!tab || tab.url !== v.url) {
    await dropVerdict(v.tabId);
    return null;
  }
  return extractIn(v.tabId, v.url, v.title, v.precheck, resumed);
}

/** How work outside a message runs (set by the worker's entry point: under its keep-alive). */
type Runner = <T>(work: () => Promise<T>) => Promise<T>;
let run: Runner = (work) => work();

/** Resumes every analysis a stopped worker left, and any found later by getVerdict, with `runner`. */
export function resumeStale(runner: Runner): Promise<void> {
  run = runner;
  return run(async () => {
    for (const v of await staleVerdicts()) await resume(v).catch(() => null);
  });
}

async function packInfos(): Promise<PackInfo[]> {
  return (await packStatus()).map((p) => ({
    id: p.id,
    name: p.meta.name,
    description: p.meta.description,
    articles: p.meta.articles,
    languages: p.meta.languages,
    dates: p.meta.dates,
    built: p.meta.built,
    installed: p.installed,
    size: p.size,
    enabled: p.enabled,
    problem: p.problem,
  }));
}

// import files arrive in parts (IMPORT_LIMIT in ../messages.ts)
const importParts = new ImportParts();

// a page the reader kept is analysed again when revisited, even if the precheck passes it by
watchKeptPages((tabId, url, title) => extractIn(tabId, url, title));

export const handlers: Handlers = {
  async pageChecked(ctx, check) {
    const tab = senderTab(ctx);
    const known = await getVerdict(tab.id);
    // the same report again (a duplicate message) changes nothing; a later revision means the page grew
    if (known && known.url === check.url && known.status !== 'error' && (known.precheck?.revision ?? 0) >= check.revision) return known;
    return extractIn(tab.id, check.url, check.title, { candidate: check.candidate, reasons: check.reasons, revision: check.revision });
  },

  async pageSnapshotPart(ctx, part) {
    snapshotParts.add(senderTab(ctx).id, part);
    return null;
  },

  async pageSnapshot(ctx, snapshot) {
    const tab = senderTab(ctx);
    let html: string;
    try {
      html = snapshotParts.finish(tab.id, snapshot.url, snapshot.parts ?? 0, snapshot.html, snapshot.copy);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      const problem = e instanceof ReplyError ? e.problem : { key: 'problem_unreadable', values: [why] };
      return putVerdict({ tabId: tab.id, url: snapshot.url, title: '', status: 'error', error: why, ...(problem ? { problem } : {}), updated: Date.now() });
    }
    // extraction runs here, on the page's copy, so the page's main thread never waits on Readability
    const { article, isArticle, reasons } = extractFromSnapshot(html, snapshot.url, snapshot.truncated);
    return analyse(tab.id, { url: snapshot.url, article, isArticle, reasons, ms: snapshot.ms });
  },

  async getVerdict(_ctx, tabId, updated) {
    const v = await getVerdict(tabId, updated);
    // left by a stopped worker: started again in the background, the popup polls on
    if (v && updated === undefined && isStale(v)) void run(() => resume(v)).catch(() => null);
    return v;
  },

  async analyseTab(_ctx, tabId) {
    const tab = await browser.tabs.get(tabId);
    return extractIn(tabId, tab.url ?? '', tab.title ?? '');
  },

  async compareWithPage(_ctx, req): Promise<Comparison> {
    const verdict = await getVerdict(req.tabId, req.updated);
    const article = verdict?.extraction?.article;
    if (!article) throw new ReplyError('this page has not been analysed yet', NOT_ANALYSED);
    const { corpus, id } = await findDoc(req.docId);
    const match = verdict.report?.matches.find((m) => m.id === id);
    const a = versionOfDoc(corpus, id);
    const b = versionOfArticle(article);
    return compareAny(a, b, { granularity: req.granularity, foldNoise: req.foldNoise, foldScript: req.foldScript, match }, a.lang === b.lang ? null : await getLexicon());
  },

  async compareDocs(_ctx, req): Promise<Comparison> {
    const [da, db] = [await findDoc(req.a), await findDoc(req.b)];
    const a = versionOfDoc(da.corpus, da.id);
    const b = versionOfDoc(db.corpus, db.id);
    return compareAny(a, b, { granularity: req.granularity, foldNoise: req.foldNoise, foldScript: req.foldScript }, a.lang === b.lang ? null : await getLexicon());
  },

  async listDocs(_ctx, ids): Promise<DocInfo[]> {
    if (ids) return docsByIds(ids);
    const corpus = await getCorpus();
    const bundled = corpus.docs.map((d) => metaDocInfo(d));
    return [...bundled, ...(await userStatus().catch(() => ({ docs: [] }))).docs];
  },

  async listPacks() {
    return packInfos();
  },

  async packsChanged() {
    packsChanged();
    // the open tabs' verdicts are matched again, so their badges and popups show the packs as they now are
    for (const tab of await browser.tabs.query({})) {
      const verdict = tab.id === undefined ? null : await getVerdict(tab.id);
      if (verdict?.status === 'done' && verdict.extraction) await analyse(verdict.tabId, verdict.extraction);
    }
    return packInfos();
  },

  async getProvenance(_ctx, tabId, updated) {
    const verdict = await getVerdict(tabId, updated);
    return verdict?.status === 'done' ? tabProvenance(verdict) : null;
  },

  async addPageToCorpus(_ctx, tabId) {
    const verdict = await getVerdict(tabId);
    const extraction = verdict?.extraction;
    if (!extraction) throw new ReplyError('this page has not been analysed yet', NOT_ANALYSED);
    const { doc, added } = await userStore.add(userDocFromArticle(extraction.article, extraction.url));
    // matched again at once, so the badge and the popup show the page's new version
    return { doc: userDocInfo(doc), added, verdict: await analyse(tabId, extraction) };
  },

  async userCorpus() {
    return userStatus();
  },

  async removeUserDoc(_ctx, id) {
    await userStore.remove(id);
    return userStatus();
  },

  async exportUserCorpus() {
    return userStore.export();
  },

  async importUserCorpus(_ctx, part) {
    const text = importParts.put(part);
    if (text === null) return { done: false, received: importParts.received(part.upload) };
    return { done: true, ...(await userStore.import(text)) };
  },

  async exportSetAside() {
    return userStore.exportSetAside();
  },

  async discardSetAside(_ctx, ids) {
    await userStore.discardSetAside(ids);
    return userStatus();
  },
};
