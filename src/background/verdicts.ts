// Per-tab verdicts. Kept in storage.session as well as in memory, so that a result survives the
// browser stopping the service worker (MV3 stops an idle worker after about 30 seconds) and the
// popup still shows the page's versions. Cleared when the tab navigates or closes; a verdict that
// found versions is then kept for the session under its tab and time (`kept:`), the last KEPT of
// them, so that a full view's address (tab=…&v=…) still shows that page's comparison after the tab
// has moved on or closed. storage.session ends with the browser session, as tab ids do.
import browser from 'webextension-polyfill';
import type { TabVerdict } from '../messages';

const memory = new Map<number, TabVerdict>();
const key = (tabId: number) => `tab:${tabId}`;
const keptKey = (tabId: number, updated: number) => `kept:${tabId}:${updated}`;
const KEPT_INDEX = 'kept:index';
const KEPT = 20;

/** The tab's verdict; with `updated`, that verdict of the tab even after the tab moved on or closed. */
export async function getVerdict(tabId: number, updated?: number): Promise<TabVerdict | null> {
  const current = await currentVerdict(tabId);
  if (updated === undefined || current?.updated === updated) return current;
  const kept = (await browser.storage.session.get(keptKey(tabId, updated)))[keptKey(tabId, updated)] as TabVerdict | undefined;
  return kept && typeof kept === 'object' && kept.tabId === tabId && kept.updated === updated ? kept : null;
}

/** Keeps a verdict that found versions for the session, the oldest beyond KEPT forgotten. */
async function keep(v: TabVerdict | null): Promise<void> {
  if (!v || v.status !== 'done' || !v.extraction || (v.report?.matches.length ?? 0) === 0) return;
  const k = keptKey(v.tabId, v.updated);
  const index = (await browser.storage.session.get(KEPT_INDEX))[KEPT_INDEX];
  const keys = (Array.isArray(index) ? index.filter((x): x is string => typeof x === 'string' && x !== k) : []).concat(k);
  const gone = keys.splice(0, Math.max(0, keys.length - KEPT));
  try {
    await browser.storage.session.set({ [k]: v, [KEPT_INDEX]: keys });
    if (gone.length > 0) await browser.storage.session.remove(gone);
  } catch {
    // session storage is full: the live verdicts come first
  }
}

async function currentVerdict(tabId: number): Promise<TabVerdict | null> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabVerdict | undefined;
  if (stored && typeof stored === 'object' && stored.tabId === tabId) {
    memory.set(tabId, stored);
    return stored;
  }
  return null;
}

// ---------- analyses a stopped worker left unfinished
// Tabs whose "analysing" verdict this worker put (`owned`) are being worked on, or wait for the
// page's copy. An "analysing" verdict in storage that this worker did not put was left by a worker
// stopped part way: nothing will finish it (the handlers start it again). The tabs with an
// "analysing" verdict stored are listed under PENDING, written with the verdict, so that a worker
// waking up reads those alone rather than every verdict of the session.
const owned = new Set<number>();
const PENDING = 'pending:index';
let pending: Set<number> | null = null;

async function pendingTabs(): Promise<Set<number>> {
  if (!pending) {
    const stored = (await browser.storage.session.get(PENDING))[PENDING];
    pending ??= new Set(Array.isArray(stored) ? stored.filter((x): x is number => typeof x === 'number') : []);
  }
  return pending;
}

/** Whether `v` is an analysis no running worker will finish. */
export function isStale(v: TabVerdict): boolean {
  return v.status === 'analysing' && !owned.has(v.tabId);
}

/** Claims a stale verdict's tab for this worker, before it is analysed again (false: already claimed). */
export function claim(tabId: number): boolean {
  if (owned.has(tabId)) return false;
  owned.add(tabId);
  return true;
}

/** Every stored verdict left "analysing" by a stopped worker (read when a worker starts). */
export async function staleVerdicts(): Promise<TabVerdict[]> {
  const tabs = [...(await pendingTabs())];
  if (tabs.length === 0) return [];
  const stored = await browser.storage.session.get(tabs.map(key));
  return Object.values(stored)
    .map((v) => v as TabVerdict)
    .filter((v) => v && typeof v === 'object' && typeof v.tabId === 'number' && isStale(v));
}

export async function putVerdict(verdict: TabVerdict): Promise<TabVerdict> {
  const analysing = verdict.status === 'analysing';
  if (analysing) owned.add(verdict.tabId);
  else owned.delete(verdict.tabId);
  const tabs = await pendingTabs();
  const listed = tabs.has(verdict.tabId);
  if (analysing) tabs.add(verdict.tabId);
  else tabs.delete(verdict.tabId);
  const index = analysing !== listed ? { [PENDING]: [...tabs] } : {};
  const previous = memory.get(verdict.tabId) ?? null;
  if (previous && previous.updated !== verdict.updated) await keep(previous);
  memory.set(verdict.tabId, verdict);
  try {
    await browser.storage.session.set({ [key(verdict.tabId)]: verdict, ...index });
  } catch {
    // session storage is full (10 MB): keep the result in memory, drop the page text from storage
    const { extraction, ...light } = verdict;
    await browser.storage.session.set({ [key(verdict.tabId)]: light, ...index }).catch(() => undefined);
    void extraction;
  }
  await showBadge(verdict);
  return verdict;
}

export async function dropVerdict(tabId: number): Promise<void> {
  if (!memory.has(tabId) && !(await browser.storage.session.get(key(tabId)))[key(tabId)]) return;
  await keep(await currentVerdict(tabId));
  memory.delete(tabId);
  owned.delete(tabId);
  const tabs = await pendingTabs();
  if (tabs.delete(tabId)) await browser.storage.session.set({ [PENDING]: [...tabs] });
  await browser.storage.session.remove(key(tabId));
  await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
}

/** The badge is the number of corpus versions found for the tab, empty when there are none. */
async function showBadge(v: TabVerdict): Promise<void> {
  const n = v.status === 'done' ? (v.report?.matches.length ?? 0) : 0;
  const text = n > 0 ? String(n) : '';
  try {
    await browser.action.setBadgeText({ tabId: v.tabId, text });
    if (n > 0) await browser.action.setBadgeBackgroundColor({ tabId: v.tabId, color: '#1f5fa8' });
  } catch {
    // the tab closed meanwhile
  }
}
