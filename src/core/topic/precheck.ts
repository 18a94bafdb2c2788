// The cheap question asked on every page the reader opens: could this be digital-government news?
// It runs in the content script, so it looks only at a bounded sample of the page (see
// src/extract/in-page/sample.ts) and at a compact term list; a "yes" only means the page is worth a full
// extraction and topic check, so it may err towards yes, but most pages must come out "no".
import { findTermsByPart } from './terms';

/** What the content script reads from a page for the precheck: the metadata it weighs plus a bounded text sample. */
export interface PageSample {
  title: string;
  /** <meta name="description"> (or og:description). */
  description: string;
  /** <meta name="keywords">. */
  keywords: string;
  /** Visible body text, prose first, at most the sample cap; whitespace inside a text node as the page has it. */
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

/** Where the sample's terms are weighed, and how much each counts there. */
const PARTS: ReadonlyArray<readonly [where: string, factor: number]> = [
  ['title', TITLE_FACTOR],
  ['meta', META_FACTOR],
  ['text', 1],
];

export function precheck(sample: PageSample): PrecheckResult {
  // one search over the three parts (the content script runs this on every page)
  const found = findTermsByPart([sample.title, sample.description + '\n' + sample.keywords, sample.text]);
  let score = 0;
  let hits = 0; // core terms found anywhere
  const reasons: string[] = [];
  for (let p = 0; p < PARTS.length; p++) {
    const [where, factor] = PARTS[p]!;
    for (const hit of found[p]!) {
      score += hit.weight * Math.min(hit.count, MAX_COUNT) * factor;
      hits += hit.count;
      reasons.push(`${where}: ${hit.term} x${hit.count}`);
    }
  }
  score = Math.round(score * 10) / 10;
  const candidate = score >= THRESHOLD;
  reasons.unshift(candidate ? `score ${score} >= ${THRESHOLD}` : hits === 0 ? 'no digital-government term' : `score ${score} < ${THRESHOLD}`);
  return { candidate, score, reasons };
}
