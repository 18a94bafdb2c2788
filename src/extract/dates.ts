// Publication dates as written on news pages, normalised to ISO `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
// The time is kept as the page states it (local to the publisher): no time-zone arithmetic, since
// a reprint's date is compared by day and the page rarely says which zone it meant.

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(y: number, mo: number, d: number, h?: number, mi?: number): string | null {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined || Number.isNaN(h) || Number.isNaN(mi) || h > 23 || mi > 59) return day;
  return `${day}T${pad(h)}:${pad(mi)}`;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// 2022年04月25日 10:56 / 2022年4月25日10时56分
const ZH_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(?:(\d{1,2})\s*[:：时]\s*(\d{1,2}))?/;
// 2022-04-25 10:56, 2022/09/05/ 16:26, 2022.04.25, 2015-03-11T15:46:00-04:00
const NUM_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])\/?(?:(?:\s+|T)(\d{1,2}):(\d{2}))?/;
// March 11, 2015 3:46 PM / 11 March 2015
const EN_DATE = /\b(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?/i;

/** The first date found in `text`, as ISO, or null. */
export function findDate(text: string): string | null {
  let m = ZH_DATE.exec(text);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : undefined, m[5] ? +m[5] : undefined);
  m = NUM_DATE.exec(text);
  if (m) return iso(+m[1]!, +m[3]!, +m[4]!, m[5] ? +m[5] : undefined, m[6] ? +m[6] : undefined);
  m = EN_DATE.exec(text);
  if (m) {
    const day = m[1] ?? m[3];
    const mo = MONTHS[m[2]!.toLowerCase()];
    if (!day || !mo) return null;
    let h = m[5] ? +m[5] : undefined;
    if (h !== undefined && m[7]) h = (h % 12) + (m[7].toLowerCase() === 'p' ? 12 : 0);
    return iso(+m[4]!, mo, +day, h, m[6] ? +m[6] : undefined);
  }
  return null;
}

/** A date from a machine-readable field (meta tag, JSON-LD, <time datetime>): ISO first, then the formats above. */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  // epoch milliseconds or seconds, as some CMSs put in meta tags
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const d = new Date(v.length === 10 ? +v * 1000 : +v);
    return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?/.exec(v);
  if (compact) return iso(+compact[1]!, +compact[2]!, +compact[3]!, compact[4] ? +compact[4] : undefined, compact[5] ? +compact[5] : undefined);
  return findDate(v);
}
