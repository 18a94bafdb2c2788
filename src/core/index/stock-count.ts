// A corpus's own stock text: the 10-character windows that recur across its articles over time.
//
// The shipped table (stock.ts) knows the formulations of national news in general; a corpus has
// templates of its own (a city's notices, a ministry's meeting reports, a site's standing
// paragraphs) that no general table lists. So the compiler counts, over the corpus itself, in how
// many articles and in how many different months each window occurs. A window is stock when at
// least MIN_ARTICLES articles carry it in at least MIN_MONTHS different months:
// - months, not only articles, because a story and its reprints are carried within days of each
//   other and must stay evidence, however many outlets carry it, while a template or a formulation
//   comes back month after month (the realnews set's own labels are made the same way);
// - articles without a date count toward neither, so a corpus without dates gets no table of its
//   own (only the shipped one): better to miss a template than to hide a family of reprints;
// - at most MAX_ARTICLES articles are counted, evenly spread over the corpus, so the work and the
//   memory stay bounded at any size (~12 bytes per distinct window of each counted article).
import { characterWindows, prepareText } from '../match/passages';
import { STOCK_K } from './stock-table';

export const MIN_ARTICLES = 3;
export const MIN_MONTHS = 3;
export const MAX_ARTICLES = 4000;

export interface DatedText {
  text: string;
  /** Publication date, ISO (2022-04-25, or with a time); null when unknown. */
  published: string | null;
}

/** The month of an ISO date as a number (year * 12 + month), or -1. */
function monthOf(published: string | null): number {
  const m = published ? /^(\d{4})-(\d{2})/.exec(published) : null;
  if (!m) return -1;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : -1;
}

/** How many of the articles corpusStockWindows counts: the dated ones, at most MAX_ARTICLES. */
export function countedArticles(docs: readonly DatedText[]): number {
  return Math.min(MAX_ARTICLES, docs.filter((d) => monthOf(d.published) >= 0).length);
}

/**
 * The corpus's stock windows (hashes as passages.ts computes them for STOCK_K), ascending. Exact
 * for corpora of up to MAX_ARTICLES dated articles, a sample of them beyond.
 */
export function corpusStockWindows(docs: readonly DatedText[]): number[] {
  const dated = docs.map((d) => ({ d, month: monthOf(d.published) })).filter((x) => x.month >= 0);
  if (dated.length < MIN_ARTICLES) return [];
  const step = Math.max(1, dated.length / MAX_ARTICLES);
  const chosen: Array<{ d: DatedText; month: number }> = [];
  for (let x = 0; Math.floor(x) < dated.length && chosen.length < MAX_ARTICLES; x += step) chosen.push(dated[Math.floor(x)]!);
  // one key per (window, article): hash * 2^16 + month slot, sorted, so each window's articles are
  // one run and, inside it, its months are in order (exact in a double: 32 + 16 bits)
  const months = [...new Set(chosen.map((c) => c.month))].sort((a, b) => a - b);
  const slot = new Map(months.map((m, i) => [m, i]));
  const parts: Float64Array[] = [];
  let total = 0;
  for (const c of chosen) {
    const w = characterWindows(prepareText(c.d.text), STOCK_K);
    const s = slot.get(c.month)!;
    const keys = new Float64Array(w.length);
    for (let j = 0; j < w.length; j++) keys[j] = w[j]! * 65536 + s;
    parts.push(keys);
    total += keys.length;
  }
  const all = new Float64Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; ) {
    const hash = Math.floor(all[i]! / 65536);
    let articles = 0;
    let distinctMonths = 0;
    let lastSlot = -1;
    while (i < all.length && Math.floor(all[i]! / 65536) === hash) {
      const s = all[i]! % 65536;
      if (s !== lastSlot) distinctMonths++;
      lastSlot = s;
      articles++;
      i++;
    }
    if (articles >= MIN_ARTICLES && distinctMonths >= MIN_MONTHS) out.push(hash);
  }
  return out;
}
