// Provenance: which version of an article family is most likely the original, and why.
// A reader who finds five versions of a story wants to know which one came first. No single clue
// settles it: dates are missing or are the reprint's own, sites rarely say where they copied from,
// and an original can be longer or shorter than its reprints. So the clues are weighed together,
// and each one is kept so that the interface can say which ones decided:
// - the earliest date of the family (weak: a reprint may be dated the same day, or not at all);
// - another version's 原标题 (original title) line naming this version's title;
// - another version's 来源/文章来源/转自 line naming this version's site;
// - most of another version's text lying within this one, but not the reverse (a reprint cuts,
//   an excerpt quotes: what is derived is a subset of what it came from).
// When the clues tie or there are none, the original is left unknown rather than guessed.
// Pure: facts and text overlaps in, a verdict out.
import { foldDisplay } from '../text/normalize';
import { sharedRegion } from '../match/passages';

/** What is known about one version of the family. */
export interface VersionFacts {
  /** Corpus id, or PAGE_ID for a page that is not itself a corpus article. */
  id: string;
  title: string;
  site: string | null;
  /** ISO date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or null when unknown. */
  date: string | null;
  lang: string;
  /** The title the text says it was first published under (原标题). */
  originalTitle: string | null;
  /** The source the text declares (来源, 文章来源, 转自 ...). */
  declaredSource: string | null;
  /** True for the page being read (alone, or merged into the corpus article it carries whole). */
  page?: boolean;
}

/** How much of each of two same-language versions lies within the other, 0..1. */
export interface Overlap {
  a: string;
  b: string;
  aInB: number;
  bInA: number;
}

export type Clue =
  /** The original's date is the earliest of the family. */
  | { kind: 'earliest' }
  /** Another version's 原标题 line names the original's title. */
  | { kind: 'named-by-title'; by: string }
  /** Another version's source line names the original's site. */
  | { kind: 'named-as-source'; by: string }
  /** Most of another version's text (share) lies within the original. */
  | { kind: 'contains'; other: string; share: number }
  /** A derived version is dated after the original. */
  | { kind: 'later' }
  /** A derived version's 原标题 or source line names the original. */
  | { kind: 'names-original' }
  /** A derived version's text lies (share) within the original. */
  | { kind: 'within'; share: number }
  /** A derived version is in another language than the original. */
  | { kind: 'translated' };

export type Role = 'original' | 'version' | 'translation';

export interface ProvenanceEntry extends VersionFacts {
  page: boolean;
  role: Role;
  /** For the original: what points to it. For the others: what places them after it. */
  clues: Clue[];
}

export interface Provenance {
  /** Id of the likely original, or null when the clues do not single one out. */
  original: string | null;
  /** The family in time order: dated versions by date, then the undated ones (the original first among them). */
  timeline: ProvenanceEntry[];
}

export const PAGE_ID = 'page';

// Weights: a named original (原标题, a source line) or a text that holds another's is direct
// evidence; being earliest is circumstantial, since dates are often missing or the reprint's own.
const W_EARLIEST = 1;
const W_NAMED = 2;
const W_CONTAINS = 2;
/**
 * A version is within another when at least this share of its text lies in the other, and the
 * reverse share is lower by at least CONTAIN_GAP. 002 keeps 98% of its text from 000, which keeps
 * 88% of its own in 002: 002 is the derived one. Two texts within a few percent of each other
 * either way are the same text with formatting changes: neither is derived from the other by text.
 */
const CONTAIN_MIN = 0.85;
const CONTAIN_GAP = 0.05;
/** Overlaps smaller than this share of the shorter text are stock phrases, not derivation. */
const OVERLAP_MIN = 0.2;

/** Letters and digits only, folded: titles and site names compared without punctuation width or spaces. */
function key(text: string): string {
  return foldDisplay(text).toLowerCase().replace(/[\p{P}\p{S}\s]/gu, '');
}

function sameTitle(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  if (ka.length === 0 || kb.length === 0) return false;
  if (ka === kb) return true;
  // a headline shortened or extended by a few characters still names its original
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka];
  return short.length >= 8 && long.includes(short) && short.length >= long.length * 0.7;
}

function sameSite(a: string, b: string): boolean {
  const ka = key(a);
  const kb = key(b);
  if (ka.length < 2 || kb.length < 2) return false;
  return ka === kb || ka.includes(kb) || kb.includes(ka);
}

const SOURCE_LINE = /^[\s[【〔(（]*(?:文章来源|本文来源|稿件来源|来源|來源|稿源|出处|出處|转自|轉自|转载自|轉載自|source)\s*[:：]\s*(.+?)[\s)）】〕\]]*$/iu;
const ORIGINAL_TITLE_LINE = /^[\s[【(（]*(?:原标题|原標題|original title)\s*[:：]\s*(.+?)[\s)）】\]]*$/iu;

/** The 原标题 and declared source written in a version's source lines (a page's, or an article the reader added). */
export function declaredIn(sourceLines: readonly string[]): { originalTitle: string | null; declaredSource: string | null } {
  let originalTitle: string | null = null;
  let declaredSource: string | null = null;
  for (const line of sourceLines) {
    const t = line.trim();
    originalTitle ??= ORIGINAL_TITLE_LINE.exec(t)?.[1]?.trim() || null;
    declaredSource ??= SOURCE_LINE.exec(t)?.[1]?.trim() || null;
  }
  return { originalTitle, declaredSource };
}

/** A body text, and whether it may carry site material around the article (a page's extraction). */
export interface OverlapText {
  id: string;
  text: string;
  /** Count only the shared region of this side: text before and after it is site furniture. */
  trimEnds?: boolean;
}

/**
 * How much of each of two same-language texts lies within the other, or null when they share no
 * more than stock phrases. A corpus article's body is its own text, so the share is of all of it;
 * a page's extraction may carry appended articles and related-reading lists, so for it only the
 * shared region counts.
 */
export function overlapOf(x: OverlapText, y: OverlapText): Overlap | null {
  const r = sharedRegion(x.text, y.text);
  if (!r || r.sharedChars === 0) return null;
  const xChars = x.trimEnds ? r.aRegionChars : r.aChars;
  const yChars = y.trimEnds ? r.bRegionChars : r.bChars;
  if (r.sharedChars < OVERLAP_MIN * Math.min(xChars, yChars)) return null;
  const share = (n: number): number => Math.min(1, Math.round((r.sharedChars / Math.max(1, n)) * 1000) / 1000);
  return { a: x.id, b: y.id, aInB: share(xChars), bInA: share(yChars) };
}

/** Share of `inner`'s text within `outer` when `inner` is clearly derived from it by text, else null. */
function within(overlaps: readonly Overlap[], inner: string, outer: string): number | null {
  for (const o of overlaps) {
    const [i, out] = o.a === inner && o.b === outer ? [o.aInB, o.bInA] : o.a === outer && o.b === inner ? [o.bInA, o.aInB] : [null, null];
    if (i === null || out === null) continue;
    return i >= CONTAIN_MIN && i - out >= CONTAIN_GAP ? i : null;
  }
  return null;
}

/** The earliest date of the family, when exactly one version has it. Dates compare as ISO strings, by day. */
function earliestId(versions: readonly VersionFacts[]): string | null {
  const dated = versions.filter((v) => v.date).map((v) => ({ id: v.id, day: v.date!.slice(0, 10) }));
  if (dated.length < 2) return null; // one date alone is earlier than nothing
  dated.sort((x, y) => x.day.localeCompare(y.day));
  return dated[0]!.day < dated[1]!.day ? dated[0]!.id : null;
}

/** What points to `v` being the original of the family, and its score. */
function evidenceFor(v: VersionFacts, all: readonly VersionFacts[], overlaps: readonly Overlap[], earliest: string | null): { score: number; clues: Clue[] } {
  const clues: Clue[] = [];
  let score = 0;
  if (earliest === v.id) {
    clues.push({ kind: 'earliest' });
    score += W_EARLIEST;
  }
  for (const o of all) {
    if (o.id === v.id) continue;
    if (o.originalTitle && sameTitle(o.originalTitle, v.title) && !sameTitle(o.title, v.title)) {
      clues.push({ kind: 'named-by-title', by: o.id });
      score += W_NAMED;
    } else if (o.declaredSource && v.site && sameSite(o.declaredSource, v.site) && !(o.site && sameSite(o.site, v.site))) {
      clues.push({ kind: 'named-as-source', by: o.id });
      score += W_NAMED;
    }
    const share = within(overlaps, o.id, v.id);
    if (share !== null) {
      clues.push({ kind: 'contains', other: o.id, share });
      score += W_CONTAINS;
    }
    // being within another version counts against
    if (within(overlaps, v.id, o.id) !== null) score -= W_CONTAINS;
  }
  return { score, clues };
}

/** Why `v` comes after the original. */
function cluesAfter(v: VersionFacts, original: VersionFacts, overlaps: readonly Overlap[]): Clue[] {
  const clues: Clue[] = [];
  if (v.lang !== original.lang) clues.push({ kind: 'translated' });
  if (v.date && original.date && v.date.slice(0, 10) > original.date.slice(0, 10)) clues.push({ kind: 'later' });
  const named =
    (v.originalTitle && sameTitle(v.originalTitle, original.title)) ||
    (v.declaredSource && original.site && sameSite(v.declaredSource, original.site) && !(v.site && sameSite(v.site, original.site)));
  if (named) clues.push({ kind: 'names-original' });
  const share = within(overlaps, v.id, original.id);
  if (share !== null) clues.push({ kind: 'within', share });
  return clues;
}

/**
 * The family on a timeline with its likely original. `overlaps` are the same-language pairs
 * (overlapOf); pairs in different languages have none, and only dates and named sources place them.
 */
export function provenance(versions: readonly VersionFacts[], overlaps: readonly Overlap[]): Provenance {
  const earliest = earliestId(versions);
  const scored = versions.map((v) => ({ v, ...evidenceFor(v, versions, overlaps, earliest) }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  const winner = best > 0 && top.length === 1 ? top[0]! : null;

  const entries: ProvenanceEntry[] = scored.map(({ v, clues }) => {
    const page = v.page === true;
    if (!winner) return { ...v, page, role: 'version', clues: [] };
    if (v.id === winner.v.id) return { ...v, page, role: 'original', clues };
    return { ...v, page, role: v.lang === winner.v.lang ? 'version' : 'translation', clues: cluesAfter(v, winner.v, overlaps) };
  });
  entries.sort((x, y) => {
    if (x.date && y.date) return x.date.localeCompare(y.date) || (x.role === 'original' ? -1 : y.role === 'original' ? 1 : 0);
    if (x.date || y.date) return x.date ? -1 : 1;
    return x.role === 'original' ? -1 : y.role === 'original' ? 1 : 0;
  });
  return { original: winner?.v.id ?? null, timeline: entries };
}
