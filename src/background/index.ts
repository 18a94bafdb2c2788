// Background worker (a service worker in Chrome, an event page in Firefox): accepts only our own
// messages from our own contexts, validates them, and answers through the handler table.
import browser, { type Runtime } from 'webextension-polyfill';
import { SENDERS, isRequest, type Reply } from '../messages';
import { handlers } from './handlers';
import { validateArgs } from './validate';
import { dropVerdict } from './verdicts';

const OWN_PAGES = browser.runtime.getURL('');

/** Whether the sender may send this message: pages' messages come from a tab's content script, UI messages from our pages. */
function allowed(kind: 'page' | 'ui', sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (kind === 'page') return sender.tab?.id !== undefined && sender.frameId === 0;
  return typeof sender.url === 'string' && sender.url.startsWith(OWN_PAGES);
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
  if (!isRequest(message)) return undefined; // not ours: let it pass unanswered
  const kind = SENDERS[message.name];
  if (!allowed(kind, sender)) return Promise.resolve({ ok: false, error: `${message.name} is not accepted from this sender` });
  return (async (): Promise<Reply<unknown>> => {
    try {
      const args = validateArgs(message.name, message.args);
      const handler = handlers[message.name] as (ctx: { sender: Runtime.MessageSender }, ...a: unknown[]) => Promise<unknown>;
      return { ok: true, value: await handler({ sender }, ...args) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  })();
});

// A tab that loads a new page loses the old page's verdict and badge.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' && change.url !== undefined) void dropVerdict(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void dropVerdict(tabId));
