// Which tab an extension page is about: ?tab=<id> when opened as a page (tests, the full-page
// view), otherwise the active tab of the current window (the toolbar popup).
import browser from 'webextension-polyfill';

export async function targetTab(): Promise<{ id: number; url: string | null } | null> {
  const asked = new URLSearchParams(location.search).get('tab');
  if (asked !== null && /^\d+$/.test(asked)) {
    const id = Number(asked);
    const tab = await browser.tabs.get(id).catch(() => null);
    return { id, url: tab?.url ?? null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}
