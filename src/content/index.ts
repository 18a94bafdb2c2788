// Content script: runs on every page, so it only takes a bounded sample of the page and asks a
// cheap question (could this be digital-government news?). Only a candidate page is reported to
// the background, which then injects extract.js to copy the page for extraction. Pages whose article
// arrives after load (inserted by script, or a route change through history.pushState) are
// watched for a bounded time and a bounded number of checks, then the watching stops. A change
// triggers a new sample only when it may have added text (mayAddText): the scripts, frames and
// empty placeholders that pages insert after load cost no second sample. A candidate page whose
// readable frame (same origin, srcdoc) finishes loading later is reported again: its article may be
// in the frame, which the first copy found empty, and a frame loading changes nothing in the page's
// own DOM for the observer to see.
import { mayAddText, takeSample } from '../extract/in-page/sample';
import { precheck } from '../core/topic/precheck';
import { send } from '../messages';

const WATCH_MS = 20_000; // how long after load (or a route change) changes are watched
const MAX_CHECKS = 12; // how many re-checks one watch window allows
const SETTLE_MS = 400; // wait for the page to stop changing before checking again
const GROWTH_CHARS = 300; // sampled characters a page must gain to be extracted again
// Reports (each makes the background copy and extract the page) a tab may make in a minute, however
// often the page changes its address: a reader moving through a single-page site opens a few
// articles a minute; a page calling history.pushState every 10 ms got 73 extractions in 30 s.
const REPORTS_PER_MINUTE = 6;

// document.URL and Date.now rather than location.href and performance.now: the script context is
// new on every page, and each DOM interface it touches first costs it (Location, Performance)
let url = document.URL;
let revision = 0; // reports made for this url
let reportedChars = -1; // sampled text when the page was last reported; -1: not reported
let checks = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let observer: MutationObserver | undefined;
let stopAt = 0;
let reportTimes: number[] = [];

/** Whether another report fits in this minute's budget (and counts it). */
function withinBudget(): boolean {
  const now = Date.now();
  reportTimes = reportTimes.filter((t) => now - t < 60_000);
  if (reportTimes.length >= REPORTS_PER_MINUTE) return false;
  reportTimes.push(now);
  return true;
}

/** Whether the page's text grew enough since the last report for a new extraction to be worth it. */
function grown(chars: number): boolean {
  return reportedChars < 0 || (chars >= reportedChars * 1.5 && chars - reportedChars >= GROWTH_CHARS);
}

function check(): void {
  timer = undefined;
  checks++;
  // no performance marks: the page shares the timeline and could read them to learn the extension is there
  const sample = takeSample(document);
  const verdict = precheck(sample);
  if (!verdict.candidate || !grown(sample.text.length) || !withinBudget()) return;
  // a candidate: report it, and again if its article arrives later (a title first, the body by script)
  reportedChars = sample.text.length;
  report(verdict.reasons);
}

/** Reports the page as a candidate (the background copies and extracts it), a new revision each time. */
function report(reasons: string[]): void {
  revision++;
  send('pageChecked', { url, title: document.title, candidate: true, reasons, revision }).catch(() => {
    // the extension was reloaded or the worker refused: nothing on the page depends on it
  });
}

/** A frame finished loading: a candidate page is copied again if the frame is readable and holds elements. */
function onFrameLoad(e: Event): void {
  const el = e.target as Element | null;
  if (reportedChars < 0 || Date.now() > stopAt || !el || (el.tagName !== 'IFRAME' && el.tagName !== 'FRAME')) return;
  let body: HTMLElement | null | undefined;
  try {
    body = (el as HTMLIFrameElement).contentDocument?.body;
  } catch {
    return; // another origin: its text is not ours to read, and not in the copy either
  }
  if (body && body.childElementCount > 0 && withinBudget()) report(['a frame of the page loaded']);
}

/** Opens a watch window: later changes to the page are checked, within bounds. */
function watch(): void {
  stopAt = Date.now() + WATCH_MS;
  checks = 0;
  if (observer || !document.body) return;
  observer = new MutationObserver(onChange);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

function stop(): void {
  observer?.disconnect();
  observer = undefined;
  clearTimeout(timer);
  timer = undefined;
}

/** Called with the observer's records on DOM changes, with an event on popstate. */
function onChange(records: MutationRecord[] | Event): void {
  if (document.URL !== url) {
    // a route change inside a single-page site: a new page with its own reports
    url = document.URL;
    revision = 0;
    reportedChars = -1;
    watch();
    // checked once the address has settled: a burst of route changes is one check
    clearTimeout(timer);
    timer = setTimeout(check, SETTLE_MS);
    return;
  } else {
    if (Date.now() > stopAt || checks >= MAX_CHECKS) return stop();
    // a check is already due, or nothing readable came in
    if (timer !== undefined || (Array.isArray(records) && !mayAddText(records))) return;
  }
  timer ??= setTimeout(check, SETTLE_MS);
}

function start(): void {
  check();
  watch();
  // a frame's load event does not bubble and never reaches the window (DOM: a document is the
  // last stop of a load event): caught on the document, on the way down
  document.addEventListener('load', onFrameLoad, true);
  // back and forward inside a single-page site change the url without a load
  addEventListener('popstate', onChange);
}

// Run at document_start (so that Chrome sets up the extension API in this world before the page
// can name a frame `browser`, which otherwise leaves it without chrome.runtime: extensionApi in src/messages.ts),
// the page is still loading: its first check waits for the document to be parsed.
if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start, { once: true });
else start();
