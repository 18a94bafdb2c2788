// The page's verdict in one line, for the popup and the full view: what the page is relative to
// the family's likely original ("This page is an edited reprint of the 光明网 original of
// 2022-04-25 · 78% of it kept · 12 edits"), or to its closest version when no original stands out.
import { PAGE_ID, type Provenance, type ProvenanceEntry } from '../core/compare/provenance';
import { quotations } from '../core/compare/quotations';
import type { Comparison, Match } from '../core/types';
import type { DocInfo } from '../messages';
import { t } from './i18n';
import { isolateText } from './components/PageText';

const day = (date: string | null): string | null => date?.slice(0, 10) ?? null;

/** "the 光明网 original of 2022-04-25", with what is known of its site and date. */
export function originalLabel(e: Pick<ProvenanceEntry, 'site' | 'date' | 'title'>): string {
  const d = day(e.date);
  // page-derived site and title isolated (components/PageText.tsx): an override in them stays in them
  if (e.site && d) return t('originalLabel', isolateText(e.site), d);
  if (e.site || d) return t('originalLabelOne', e.site ? isolateText(e.site) : d!);
  return t('originalLabelTitle', isolateText(e.title));
}

/** "the 光明网 article of 2022-04-25", or the title when site and date are unknown. */
export function docLabel(doc: DocInfo): string {
  const d = day(doc.date);
  if (doc.site && d) return t('docLabel', isolateText(doc.site), d);
  if (doc.site || d) return t('docLabelOne', doc.site ? isolateText(doc.site) : d!);
  return `“${isolateText(doc.title)}”`;
}

export interface VerdictTarget {
  /** The corpus version the page is measured against, or null when the page itself is the original. */
  id: string | null;
  /** The verdict's words, without the figures. */
  text: string;
}

/** What the page is, and which version the figures of the verdict compare it with. */
export function verdictTarget(matches: readonly Match[], provenance: Provenance | null, docs: ReadonlyMap<string, DocInfo>): VerdictTarget | null {
  if (matches.length === 0) return null;
  const original = provenance?.timeline.find((e) => e.id === provenance.original);
  if (original?.page) {
    if (original.id === PAGE_ID) return { id: null, text: t('verdictPageOriginal', matches.length) };
    return { id: null, text: t('verdict_same', originalLabel(original)) };
  }
  if (original) {
    const m = matches.find((x) => x.id === original.id);
    if (m) return { id: m.id, text: t(`verdict_${m.relation}`, originalLabel(original)) };
  }
  // no original stands out: the closest version that is not the page's own text
  const best = matches.find((m) => m.relation !== 'same') ?? matches[0]!;
  const doc = docs.get(best.id);
  return { id: best.id, text: t(`verdict_${best.relation}`, doc ? docLabel(doc) : `“${isolateText(best.title)}”`) };
}

/** A comparison as the reader is shown it; `quotes` when the page is read as quoting the version. */
export interface Reading {
  comparison: Comparison;
  quotes: { passages: number; share: number } | null;
}

const readings = new WeakMap<Comparison, Reading>();

/**
 * How the page is read against a version: an excerpt as the passages it quotes (the version's
 * unquoted paragraphs are not "dropped", the page's own not "added"), anything else as a version.
 */
export function readAgainst(c: Comparison, relation: Match['relation'] | undefined): Reading {
  if (relation !== 'excerpt' || c.crossLanguage) return { comparison: c, quotes: null };
  let r = readings.get(c);
  if (!r) {
    const q = quotations(c);
    r = { comparison: q.comparison, quotes: { passages: q.passages, share: q.share } };
    readings.set(c, r);
  }
  return r;
}

/** The figures after the verdict: how much of the version the page keeps (or quotes) and how many edits. */
export function verdictFigures(r: Reading | null): string {
  if (!r) return '';
  const c = r.comparison;
  if (r.quotes) {
    const pct = Math.round(r.quotes.share * 100);
    return ` · ${r.quotes.passages === 1 ? t('quotesPassageOne', pct) : t('quotesPassages', r.quotes.passages, pct)} · ${t('edits', c.edits.length)}`;
  }
  const pct = Math.round(c.summary.kept * 100);
  return c.crossLanguage
    ? ` · ${t('translatedShare', pct)} · ${t('differences', c.edits.length)}`
    : ` · ${t('kept', pct)} · ${t('edits', c.edits.length)}`;
}
