// The cheap question asked on every page the reader opens: could this be digital-government news?
// It runs in the content script, so it looks only at a bounded sample of the page (see
// src/extract/sample.ts) and at a compact term list; a "yes" only means the page is worth a full
// extraction and topic check, so it may err towards yes, but most pages must come out "no".
import { findTerms } from './topic-terms';

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

interface Tally {
  score: number;
  /** Core terms found anywhere. */
  hits: number;
  reasons: string[];
}

function weigh(tally: Tally, where: string, text: string, factor: number): void {
  if (!text) return;
  const found = findTerms(text);
  for (let i = 0; i < found.length; i++) {
    const hit = found[i]!;
    tally.score += hit.weight * Math.min(hit.count, MAX_COUNT) * factor;
    tally.hits += hit.count;
    tally.reasons.push(`${where}: ${hit.term} x${hit.count}`);
  }
}

export function precheck(sample: PageSample): PrecheckResult {
  const tally: Tally = { score: 0, hits: 0, reasons: [] };
  weigh(tally, 'title', sample.title, TITLE_FACTOR);
  weigh(tally, 'meta', sample.description + '\n' + sample.keywords, META_FACTOR);
  weigh(tally, 'text', sample.text, 1);
  const score = Math.round(tally.score * 10) / 10;
  const candidate = score >= THRESHOLD;
  const { reasons } = tally;
  reasons.unshift(candidate ? `score ${score} >= ${THRESHOLD}` : tally.hits === 0 ? 'no digital-government term' : `score ${score} < ${THRESHOLD}`);
  return { candidate, score, reasons };
}
