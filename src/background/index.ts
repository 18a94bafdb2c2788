// Background worker (a service worker in Chrome, an event page in Firefox): accepts only our own
// messages from our own contexts (senderAllowed), validates them (validateArgs), and answers
// through the handler table. Whatever arrives, the answer is a reply or an error, never a crash:
// no message is answered before its sender and shape are checked.
import browser, { type Runtime } from 'webextension-polyfill';
import { ReplyError, SENDERS, isRequest, type Reply } from '../messages';
import { dropSnapshotParts, handlers, resumeStale } from './handlers';
import { senderAllowed, validateArgs } from './validate';
import { dropVerdict } from './verdicts';
import { UserCorpusError } from './user-corpus';
import { keepAlive } from './keep-alive';

const OWN_PAGES = browser.runtime.getURL('');
// a message's work may outlast Chrome's 30-second idle limit (keep-alive.ts)
const busy = keepAlive(() => browser.runtime.getPlatformInfo());

// storage.local (where versions before 2026-12-06 kept the reader's corpus, moved to IndexedDB on
// the first start) is for the extension's own pages and worker: a content script runs in the page's
// renderer and never needs it. Chrome can say so (setAccessLevel on local, as
// storage.session is by default); Firefox has no such switch (docs/SECURITY.md).
const local = browser.storage.local as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
  if (!isRequest(message)) return undefined; // not ours: let it pass unanswered
  const kind = SENDERS[message.name];
  if (!senderAllowed(kind, sender, browser.runtime.id, OWN_PAGES)) return Promise.resolve({ ok: false, error: `${message.name} is not accepted from this sender` });
  return (async (): Promise<Reply<unknown>> => {
    try {
      const args = validateArgs(message.name, message.args);
      const handler = handlers[message.name] as (ctx: { sender: Runtime.MessageSender }, ...a: unknown[]) => Promise<unknown>;
      return { ok: true, value: await busy.whileBusy(() => handler({ sender }, ...args)) };
    } catch (e) {
      const problem = e instanceof UserCorpusError || e instanceof ReplyError ? e.problem : undefined;
      return { ok: false, error: e instanceof Error ? e.message : String(e), ...(problem ? { problem } : {}) };
    }
  })();
});

// analyses a stopped worker left unfinished are started again
void resumeStale(busy.whileBusy).catch(() => undefined);

// A tab that loads a new page loses the old page's verdict and badge.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' && change.url !== undefined) void dropVerdict(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => {
  dropSnapshotParts(tabId);
  void dropVerdict(tabId);
});
