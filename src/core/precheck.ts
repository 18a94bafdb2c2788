// The cheap question asked on every page the reader opens: could this be digital-government news?
// It runs in the content script, so it looks only at a bounded sample of the page (see
// src/extract/sample.ts) and at a compact term list; a "yes" only means the page is worth a full
// extraction and topic check, so it may err towards yes, but most pages must come out "no".
import { findTerms } from './topic-terms';

/** What the content script reads from a page for the precheck: metadata plus a bounded text sample. */
export interface PageSample {
  title: string;
  description: string;
  keywords: string;
  /** og:type ('article', 'website', ...) or null. */
  ogType: string | null;
  /** Declared language (<html lang>, content-language), or null. */
  lang: string | null;
  /** Visible body text, prose first, at most the sample cap. */
  text: string;
}

export interface PrecheckResult {
  candidate: boolean;
  score: number;
  reasons: string[];
}

// Title and metadata are written to say what the page is about, so a term there weighs more than
// one in the body sample.
const TITLE_FACTOR = 2;
const META_FACTOR = 1.5;
/** Score a page needs: one topic-naming term in the title, or a few in the text. */
const THRESHOLD = 6;
/** A term repeated in the sample counts at most this many times (a navigation menu repeats). */
const MAX_COUNT = 3;

export function precheck(sample: PageSample): PrecheckResult {
  const reasons: string[] = [];
  let score = 0;
  const parts: [string, string, number][] = [
    ['title', sample.title, TITLE_FACTOR],
    ['meta', `${sample.description}\n${sample.keywords}`, META_FACTOR],
    ['text', sample.text, 1],
  ];
  let hits = 0; // core terms found anywhere
  for (const [where, text, factor] of parts) {
    if (!text) continue;
    for (const hit of findTerms(text)) {
      const s = hit.weight * Math.min(hit.count, MAX_COUNT) * factor;
      score += s;
      hits += hit.count;
      reasons.push(`${where}: ${hit.term} x${hit.count}`);
    }
  }
  score = Math.round(score * 10) / 10;
  const candidate = score >= THRESHOLD;
  reasons.unshift(candidate ? `score ${score} >= ${THRESHOLD}` : hits === 0 ? 'no digital-government term' : `score ${score} < ${THRESHOLD}`);
  return { candidate, score, reasons };
}
