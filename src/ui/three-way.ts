// Three versions side by side: the original, an edited version in its language, and a
// translation. Two comparisons share the original as their `a` side: original -> version (rows
// of paragraphs, each carrying aIndex, the original paragraph it starts at) and original ->
// translation (rows of aligned sentences). Each translation row is placed beside the version row
// that holds the same original paragraph, so one table row shows what became of one passage in
// both. Pure: no DOM, so the pairing is tested in Node.
import { PAGE_ID, type Provenance, type ProvenanceEntry } from '../core/compare/provenance';
import type { CompareRow, Comparison } from '../core/types';

type Row = CompareRow & { aIndex?: number };

export interface ThreeRow {
  /** Index of the original -> version row shown in the first two columns, or null for a row of the translation only. */
  same: number | null;
  /** Indexes of the original -> translation rows shown in the third column (and, for a translation-only row, in the first). */
  trans: number[];
}

/** Letters and digits only: finds a sentence in its paragraph whatever the spacing and punctuation width. */
const bare = (s: string): string => s.replace(/[\s\p{P}\p{S}]/gu, '');

export function isChangeRow(row: CompareRow): boolean {
  return row.kind !== 'equal' || (row.numbers?.some((n) => !n.agree) ?? false);
}

/** The original's paragraphs that each version row holds: aIndex, and one more per line of a merged row. */
function paragraphsOfRows(rows: readonly Row[]): Map<number, { row: number; text: string }> {
  const out = new Map<number, { row: number; text: string }>();
  rows.forEach((r, i) => {
    if (r.a === null || r.aIndex === undefined) return;
    r.a.split('\n').forEach((text, k) => out.set(r.aIndex! + k, { row: i, text: bare(text) }));
  });
  return out;
}

/** The version row holding the original paragraph where a translation row's original text begins, or null. */
function ownerOf(a: string, paragraphs: Map<number, { row: number; text: string }>): number | null {
  const first = bare(a.split('\n')[0] ?? '');
  if (first.length === 0) return null;
  const probe = first.slice(0, 24); // a sentence's opening is enough, and survives a sentence split differently
  for (const { row, text } of paragraphs.values()) if (text.includes(probe)) return row;
  return null;
}

/**
 * The rows of the three-column table, in the version comparison's order. A translation row
 * without an original sentence (added by the translator) stays beside its predecessor; one whose
 * original paragraph lies outside the compared region gets a row of its own after the rows it
 * follows in the translation.
 */
export function threeWayRows(same: Comparison, trans: Comparison): ThreeRow[] {
  const paragraphs = paragraphsOfRows(same.rows as Row[]);
  const owned = new Map<number, number[]>(); // version row -> translation rows
  const loose = new Map<number, number[][]>(); // version row (-1: before all) -> runs of translation rows without an owner
  let last = -1;
  let run: number[] | null = null;
  trans.rows.forEach((t, k) => {
    const owner = t.a === null ? (run ? null : last >= 0 ? last : null) : ownerOf(t.a, paragraphs);
    if (owner !== null) {
      owned.set(owner, [...(owned.get(owner) ?? []), k]);
      last = owner;
      run = null;
      return;
    }
    if (!run) {
      run = [];
      loose.set(last, [...(loose.get(last) ?? []), run]);
    }
    run.push(k);
  });
  const out: ThreeRow[] = [];
  for (const r of loose.get(-1) ?? []) out.push({ same: null, trans: r });
  same.rows.forEach((_, i) => {
    out.push({ same: i, trans: owned.get(i) ?? [] });
    for (const r of loose.get(i) ?? []) out.push({ same: null, trans: r });
  });
  return out;
}

/** Whether a three-column row shows a change in either comparison. */
export function threeRowChanged(row: ThreeRow, same: Comparison, trans: Comparison): boolean {
  return (row.same !== null && isChangeRow(same.rows[row.same]!)) || row.trans.some((k) => isChangeRow(trans.rows[k]!));
}

/** Index of the three-column row showing row `k` of one of the comparisons. */
export function threeRowOf(rows: readonly ThreeRow[], which: 'same' | 'trans', k: number): number | undefined {
  const i = rows.findIndex((r) => (which === 'same' ? r.same === k : r.trans.includes(k)));
  return i < 0 ? undefined : i;
}

export interface ThreePlan {
  original: ProvenanceEntry;
  /** An edited version in the original's language: the page when it is one, else the earliest other. */
  version: ProvenanceEntry;
  /** A translation: the page when it is one, else the earliest. */
  translation: ProvenanceEntry;
}

/**
 * Which three versions to show side by side, or null when the family lacks one of them or its
 * original is not a corpus article (a comparison's `a` side is a corpus text; the page is always `b`).
 */
export function planThreeWay(p: Provenance): ThreePlan | null {
  const original = p.timeline.find((e) => e.id === p.original);
  if (!original || original.id === PAGE_ID) return null;
  const page = p.timeline.find((e) => e.page && e.id !== original.id);
  const sameLang = p.timeline.filter((e) => e.id !== original.id && e.lang === original.lang);
  const otherLang = p.timeline.filter((e) => e.lang !== original.lang);
  const version = page && page.lang === original.lang ? page : sameLang[0];
  const translation = page && page.lang !== original.lang ? page : otherLang[0];
  return version && translation ? { original, version, translation } : null;
}
