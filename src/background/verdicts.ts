// Per-tab verdicts. Kept in storage.session as well as in memory, so that a result survives the
// browser stopping the service worker (MV3 stops an idle worker after about 30 seconds) and the
// popup still shows the page's versions. Cleared when the tab navigates or closes.
import browser from 'webextension-polyfill';
import type { TabVerdict } from '../messages';

const memory = new Map<number, TabVerdict>();
const key = (tabId: number) => `tab:${tabId}`;

export async function getVerdict(tabId: number): Promise<TabVerdict | null> {
  const cached = memory.get(tabId);
  if (cached) return cached;
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)] as TabVerdict | undefined;
  if (stored && typeof stored === 'object' && stored.tabId === tabId) {
    memory.set(tabId, stored);
    return stored;
  }
  return null;
}

export async function putVerdict(verdict: TabVerdict): Promise<TabVerdict> {
  memory.set(verdict.tabId, verdict);
  try {
    await browser.storage.session.set({ [key(verdict.tabId)]: verdict });
  } catch {
    // session storage is full (10 MB): keep the result in memory, drop the page text from storage
    const { extraction, ...light } = verdict;
    await browser.storage.session.set({ [key(verdict.tabId)]: light }).catch(() => undefined);
    void extraction;
  }
  await showBadge(verdict);
  return verdict;
}

export async function dropVerdict(tabId: number): Promise<void> {
  if (!memory.has(tabId) && !(await browser.storage.session.get(key(tabId)))[key(tabId)]) return;
  memory.delete(tabId);
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
