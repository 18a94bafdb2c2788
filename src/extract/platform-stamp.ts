// The publication time a publishing platform writes only into its page script. A WeChat 公众号
// article (the platform most Chinese government bodies publish on) states its time in
// `var ct = "1581418070"` (seconds), and its script turns that into what the page shows under the
// headline, often a relative day (前天, 3天前) that says nothing once the page is saved. Both the
// stamp and the page's time element (#publish_time) must be there: `ct` alone is any script's name.
// The page copy (in-page/snapshot.ts), which keeps no script, carries the stamp's digits in a meta
// tag of its own, so the extension reads the date the command-line tool reads from the saved page.
// What the copy runs in the page (stampIn, stampMeta, hasStampTarget) needs nothing else; the date's
// format is dates.ts's.
import { parseDate } from './dates';

const STAMP = /\bvar\s+ct\s*=\s*"(\d{10})"/;
/** Scripts looked at, at most. */
const MAX_SCRIPTS = 300;

/** Whether the page has the platform's time element, without which no stamp is read. */
export function hasStampTarget(doc: Document): boolean {
  return doc.getElementById('publish_time') !== null;
}

/** The stamp's seconds in a script's text, or null. */
export function stampIn(script: string): string | null {
  return STAMP.exec(script)?.[1] ?? null;
}

/** The page copy's meta tag for a stamp. */
const COPY_META = 'reprint-lens-stamp';

/** The page copy's meta tag for a stamp: its digits only. */
export function stampMeta(seconds: string): string {
  return `<meta name="${COPY_META}" content="${seconds.replace(/\D/g, '')}">`;
}

/** The stamp the page copy carries. */
function copiedStamp(doc: Document): string | null {
  const c = doc.querySelector(`meta[name="${COPY_META}"]`)?.getAttribute('content') ?? '';
  return /^\d{10}$/.test(c) ? c : null;
}

/** The stamp in the page's own scripts (a saved page, read by the command-line tool). */
function scriptStamp(doc: Document): string | null {
  for (const s of Array.from(doc.getElementsByTagName('script')).slice(0, MAX_SCRIPTS)) {
    if (/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    const seconds = stampIn(s.textContent ?? '');
    if (seconds) return seconds;
  }
  return null;
}

/**
 * The platform's stamp as the page's date, `YYYY-MM-DDTHH:MM` in China's time (UTC+8, no daylight
 * saving: the platform's readers' and publishers' clock), or null when the page has none.
 */
export function stampDate(doc: Document): string | null {
  if (!hasStampTarget(doc)) return null;
  const seconds = copiedStamp(doc) ?? scriptStamp(doc);
  // epoch seconds read as UTC by parseDate: shifted by China's eight hours, its clock is China's
  return seconds ? parseDate(String(+seconds + 8 * 3600)) : null;
}
