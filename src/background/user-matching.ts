// The corpora beside the bundled one: the reader's own (kept in IndexedDB, compiled into in-memory
// corpora of up to CHUNK articles each) and the installed corpus packs (./packs.ts), searched with the
// same code (the bundled index is never rebuilt); and the pages the reader kept are looked at
// again when revisited, even when the cheap precheck would pass them by (a kept page need not be
// about digital government).
import browser from 'webextension-polyfill';
import { localSource, type VersionSource } from '../core/match/version-source';
import type { Lexicon } from '../core/text/lexicon';
import type { Article, Match, MatchReport } from '../core/types';
import type { Corpus, DocMeta } from '../core/index/types';
import type { DocInfo, SetAsideInfo, UserCorpusStatus } from '../messages';
import { ReplyError } from '../messages';
import { getCorpus, getLexicon } from './corpus';
import { STORAGE_KEYS, UserCorpusStore, type SetAside, type UserDoc } from './user-corpus';
import { openPacks } from './packs';
import { IdbUserRecords } from '../corpus/user-records';

// RL_BUILD (build.mjs) names the compiling code: the kept articles' compiled parts are reused until it changes
export const userStore = new UserCorpusStore(new IdbUserRecords(indexedDB), browser.storage.local, undefined, process.env.RL_BUILD ?? 'dev');

// The worker alone writes the records. storage.local's old keys change only by hand (the developer
// tools, a test): read again, which moves them if the records were never written.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && STORAGE_KEYS.some((k) => k in changes)) userStore.invalidate();
});

export function userDocInfo(d: UserDoc): DocInfo {
  return { id: d.id, title: d.title, site: d.siteName, date: d.published, lang: d.lang, url: d.url ?? d.pageUrl, origin: 'user' };
}

/** A set-aside entry as the options page lists it: never its value, only what helps to recognise it. */
export function setAsideInfo(a: SetAside): SetAsideInfo {
  const v = a.value as { title?: unknown } | null;
  const title = a.kind === 'article' && typeof v === 'object' && v !== null && typeof v.title === 'string' ? v.title.slice(0, 300) : null;
  return { id: a.id, kind: a.kind, reason: String(a.reason).slice(0, 500), found: String(a.found), title };
}

export async function userStatus(): Promise<UserCorpusStatus> {
  const { docs, notice, newer, setAside } = await userStore.load();
  return { docs: docs.map(userDocInfo), notice, newer: newer ?? false, setAside: (setAside ?? []).map(setAsideInfo) };
}

/** A compiled article as the UI lists it: bundled, or from the pack named. */
export function metaDocInfo(d: DocMeta, pack?: string): DocInfo {
  const base = { id: d.id, title: d.title, site: d.siteName, date: d.published, lang: d.lang, url: d.url };
  return pack === undefined ? { ...base, origin: 'bundled' } : { ...base, origin: 'pack', pack };
}

/**
 * The report with the reader's articles and the packs' among the matches: direct matches of all
 * corpora by similarity, then the family members reached through them. An article found in two
 * corpora (a pack holding a bundled article) is listed once, from the first. A damaged store or
 * pack never hides the bundled answer.
 */
export async function withUserMatches(report: MatchReport, article: Article): Promise<MatchReport> {
  const lexicon = await getLexicon().catch(() => null);
  const found: Match[] = [];
  for (const source of await otherSources(lexicon)) {
    found.push(...(await source.versionsOf(article, { lexicon }).catch(() => [])));
  }
  if (found.length === 0) return report;
  const seen = new Set<string>();
  const all: Match[] = [];
  for (const m of [...report.matches, ...found]) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    all.push(m);
  }
  const direct = all.filter((m) => !m.via).sort((x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id));
  return { ...report, matches: [...direct, ...all.filter((m) => m.via)] };
}

/** The sources beside the bundled corpus: the reader's own articles, then the enabled packs. One that cannot be read is left out. */
async function otherSources(lexicon: Lexicon | null): Promise<VersionSource[]> {
  const out: VersionSource[] = [];
  for (const mine of await userStore.corpora(lexicon).catch(() => [])) out.push(localSource(mine, null));
  for (const p of await openPacks().catch(() => [])) out.push(localSource(p.corpus, p.pack.meta.name));
  return out;
}

/**
 * The corpus that holds an article (bundled first, then the reader's, then the enabled packs),
 * with the article's full id and its text loaded.
 */
export async function findDoc(idOrPrefix: string): Promise<{ corpus: Corpus; id: string }> {
  const bundled = await getCorpus();
  const id = bundled.resolve(idOrPrefix);
  if (id) {
    await bundled.loadTexts();
    return { corpus: bundled, id };
  }
  for (const source of await otherSources(await getLexicon().catch(() => null))) {
    const found = await source.article(idOrPrefix);
    if (found) return found;
  }
  throw new ReplyError(`no article ${idOrPrefix} in the corpus`, { key: 'problem_noArticle', values: [idOrPrefix] });
}

/** The articles of these ids wherever they are, in that order; unknown ones left out. */
export async function docsByIds(ids: readonly string[]): Promise<DocInfo[]> {
  const bundled = await getCorpus();
  const { docs: mine } = await userStore.load().catch(() => ({ docs: [] as UserDoc[] }));
  const packs = await openPacks().catch(() => []);
  const out: DocInfo[] = [];
  for (const id of ids) {
    const b = bundled.byId.get(id);
    if (b !== undefined) {
      out.push(metaDocInfo(bundled.docs[b]!));
      continue;
    }
    const u = mine.find((d) => d.id === id);
    if (u) {
      out.push(userDocInfo(u));
      continue;
    }
    const p = packs.find((x) => x.corpus.byId.has(id));
    if (p) out.push(metaDocInfo(p.corpus.docs[p.corpus.byId.get(id)!]!, p.pack.meta.name));
  }
  return out;
}

const withoutHash = (url: string): string => url.replace(/#.*$/, '');

/** Calls `extract` when a tab finishes loading a page the reader kept. */
export function watchKeptPages(extract: (tabId: number, url: string, title: string) => unknown): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
    const url = withoutHash(tab.url);
    void userStore
      .load()
      .then(({ docs }) => {
        if (docs.some((d) => [d.pageUrl, d.url].some((u) => u !== null && withoutHash(u) === url))) extract(tabId, tab.url!, tab.title ?? '');
      })
      .catch(() => undefined); // unreadable storage: the page is treated like any other
  });
}
