// The background's answers, one per message of BackgroundApi. The table is typed from that
// interface, so a message without a handler (or with the wrong signature) does not compile.
import browser, { type Runtime } from 'webextension-polyfill';
import type { BackgroundApi, DocInfo, MessageName, PageExtraction, TabVerdict } from '../messages';
import type { Comparison } from '../core/types';
import { buildMatchReport } from '../core/match-report';
import { compareAny, versionOfDoc, versionOfArticle } from '../core/compare-any';
import { getCorpus, getLexicon } from './corpus';
import { getVerdict, putVerdict } from './verdicts';

interface Context {
  sender: Runtime.MessageSender;
}
type Handlers = {
  [K in MessageName]: (ctx: Context, ...args: Parameters<BackgroundApi[K]>) => Promise<ReturnType<BackgroundApi[K]>>;
};

function senderTab(ctx: Context): { id: number; url: string } {
  const tab = ctx.sender.tab;
  if (tab?.id === undefined) throw new Error('this message must come from a page');
  return { id: tab.id, url: ctx.sender.url ?? tab.url ?? '' };
}

/** Injects extract.js into a tab's top frame; it answers with pageExtracted. */
async function extractIn(tabId: number, url: string, title: string, precheck?: TabVerdict['precheck']): Promise<TabVerdict> {
  const verdict = await putVerdict({ tabId, url, title, status: 'analysing', precheck, updated: Date.now() });
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['extract.js'] });
  } catch (e) {
    return putVerdict({ ...verdict, status: 'error', error: `this page cannot be read (${(e as Error).message})`, updated: Date.now() });
  }
  return verdict;
}

async function analyse(tabId: number, extraction: PageExtraction): Promise<TabVerdict> {
  const previous = await getVerdict(tabId);
  const base = { tabId, url: extraction.url, title: extraction.article.title, precheck: previous?.precheck, extraction };
  try {
    const [corpus, lexicon] = await Promise.all([getCorpus(), getLexicon()]);
    const report = await buildMatchReport(extraction.article, extraction.isArticle, corpus, { lexicon });
    return putVerdict({ ...base, status: 'done', report, updated: Date.now() });
  } catch (e) {
    return putVerdict({ ...base, status: 'error', error: (e as Error).message, updated: Date.now() });
  }
}


/** The corpus with its texts, for comparisons (matching loads them only when it has candidates). */
async function corpusWithTexts() {
  const corpus = await getCorpus();
  await corpus.loadTexts();
  return corpus;
}

export const handlers: Handlers = {
  async pageChecked(ctx, check) {
    const tab = senderTab(ctx);
    const known = await getVerdict(tab.id);
    // the same report again (a duplicate message) changes nothing; a later revision means the page grew
    if (known && known.url === check.url && known.status !== 'error' && (known.precheck?.revision ?? 0) >= check.revision) return known;
    return extractIn(tab.id, check.url, check.title, { candidate: check.candidate, reasons: check.reasons, revision: check.revision });
  },

  async pageExtracted(ctx, extraction) {
    const tab = senderTab(ctx);
    return analyse(tab.id, extraction);
  },

  async getVerdict(_ctx, tabId) {
    return getVerdict(tabId);
  },

  async analyseTab(_ctx, tabId) {
    const tab = await browser.tabs.get(tabId);
    return extractIn(tabId, tab.url ?? '', tab.title ?? '');
  },

  async compareWithPage(_ctx, req): Promise<Comparison> {
    const verdict = await getVerdict(req.tabId);
    const article = verdict?.extraction?.article;
    if (!article) throw new Error('this page has not been analysed yet');
    const corpus = await corpusWithTexts();
    const id = corpus.resolve(req.docId);
    if (!id) throw new Error(`no article ${req.docId} in the corpus`);
    const match = verdict.report?.matches.find((m) => m.id === id);
    const a = versionOfDoc(corpus, id);
    const b = versionOfArticle(article);
    return compareAny(a, b, { granularity: req.granularity, foldNoise: req.foldNoise, match }, a.lang === b.lang ? null : await getLexicon());
  },

  async compareDocs(_ctx, req): Promise<Comparison> {
    const corpus = await corpusWithTexts();
    const [ia, ib] = [corpus.resolve(req.a), corpus.resolve(req.b)];
    if (!ia || !ib) throw new Error(`no article ${!ia ? req.a : req.b} in the corpus`);
    const a = versionOfDoc(corpus, ia);
    const b = versionOfDoc(corpus, ib);
    return compareAny(a, b, { granularity: req.granularity, foldNoise: req.foldNoise }, a.lang === b.lang ? null : await getLexicon());
  },

  async listDocs(): Promise<DocInfo[]> {
    const corpus = await getCorpus();
    return corpus.docs.map((d) => ({ id: d.id, title: d.title, site: d.siteName, date: d.published, lang: d.lang, url: d.url, origin: 'bundled' as const }));
  },
};
