// The extension API as the content scripts reach it, taken once when the script is evaluated and
// checked to be the real one. A content script shares the page's DOM, and named access on window
// (`<form id="browser">`, `<iframe name="chrome">`) puts page elements and frames under any global
// name the isolated world does not define itself: Chrome defines no `browser` there, so a bare
// `globalThis.browser ?? globalThis.chrome` finds the page's form, its `runtime` is the form's
// <input>, and sending throws; the page then never gets a verdict. Named access yields only
// elements and windows, never a function, so an object whose runtime has a non-empty string id
// and a sendMessage function is the extension's. `chrome` is asked first: in Chrome it is the
// isolated world's own global (not shadowable); in Firefox both exist and both are real.
// One case this cannot mend: Chromium (156) sets up the API of a content script's world when the
// world is first made, and if the page has a frame named `browser` by then, it installs neither
// `browser` nor chrome.runtime there. Only a world made before the page is parsed escapes that,
// which needs the content script at "run_at": "document_start" (index.ts waits for the DOM then).
import type { Args, MessageName, Reply, Request, Result } from '../messages';

export interface ContentApi {
  runtime: { id: string; sendMessage(message: unknown): Promise<unknown> };
}

/** Whether `value` is the extension API rather than something a page put under its name. */
export function isExtensionApi(value: unknown): value is ContentApi {
  if (typeof value !== 'object' || value === null || isDomThing(value)) return false;
  const runtime = (value as { runtime?: unknown }).runtime;
  if (typeof runtime !== 'object' || runtime === null || isDomThing(runtime)) return false;
  const r = runtime as { id?: unknown; sendMessage?: unknown };
  return typeof r.id === 'string' && r.id !== '' && typeof r.sendMessage === 'function';
}

/** A DOM node or a window (of this realm; frames of others fail the function test anyway). */
function isDomThing(value: object): boolean {
  return (typeof Node === 'function' && value instanceof Node) || (typeof Window === 'function' && value instanceof Window);
}

/** The real extension API among `chrome` and `browser` of `scope`, or null. */
export function pickExtensionApi(scope: object): ContentApi | null {
  for (const name of ['chrome', 'browser']) {
    let candidate: unknown;
    try {
      candidate = (scope as Record<string, unknown>)[name];
    } catch {
      continue; // a cross-origin frame under that name throws on access
    }
    if (isExtensionApi(candidate)) return candidate;
  }
  return null;
}

/** Captured at evaluation, before anything later on the page could add names. */
const API = pickExtensionApi(globalThis);

/** Sends a request to the background and returns its reply, re-throwing its error here. */
export async function send<K extends MessageName>(name: K, ...args: Args<K>): Promise<Result<K>> {
  if (!API) throw new Error('Reprint Lens: no extension API in this context');
  const request: Request<K> = { rl: 1, name, args };
  const reply = (await API.runtime.sendMessage(request)) as Reply<Result<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`Reprint Lens: no reply to ${name}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
