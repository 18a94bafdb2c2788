// The concept lookup (translation retrieval) against a brute-force cosine over the same table: on a
// table whose posting lists are all short every article is scored exactly as brute force scores it;
// when some lists are longer than CONCEPT_WALK the rare keys choose the articles and the long lists
// complete their scores, so every listed score is still the exact one and the article sharing the
// page's rare keys comes first.
import { describe, expect, it } from 'vitest';
import { buildConcepts, conceptIndex, conceptLookup, CONCEPT_WALK, termsOf, type ConceptIndex, type ConceptTerms } from '../../src/core/index/concepts';
import { lowerBound } from '../../src/core/index/postings';

/** Articles of `common` keys shared by many, and `rare` keys shared by groups of three (keys from 1,000 up). */
function table(articles: number, commonPerArticle: number, commonKeys: number): { terms: ConceptTerms[]; index: ConceptIndex } {
  const terms: ConceptTerms[] = [];
  for (let d = 0; d < articles; d++) {
    const t = new Map<number, number>();
    for (let j = 0; j < commonPerArticle; j++) t.set(1 + ((d * 7 + j * 13) % commonKeys), 1 + (j % 3));
    const group = Math.floor(d / 3);
    for (let r = 0; r < 4; r++) t.set(1000 + group * 4 + r, 2);
    t.set(100_000 + d, 1); // a key of its own
    terms.push(termsOf(t));
  }
  const built = buildConcepts(terms, 10_000);
  return { terms, index: conceptIndex(built, articles, articles) };
}

/** Every article's cosine with the page, from the postings directly. */
function bruteForce(page: ConceptTerms, index: ConceptIndex): Array<{ doc: number; score: number }> {
  const idf = (k: number): number => {
    const at = lowerBound(index.keys, k);
    return index.keys[at] === k ? Math.log(1 + index.articles / index.df[at]!) : 0;
  };
  const query = [...page.keys].filter((k) => idf(k) > 0);
  const pageNorm = query.reduce((s, k) => s + idf(k), 0);
  const shared = new Float64Array(index.norms.length);
  for (const k of query) {
    for (let i = lowerBound(index.postings.hashes, k); index.postings.hashes[i] === k; i++) { const d = index.postings.docs[i]!; shared[d] = shared[d]! + idf(k); }
  }
  return [...shared].map((s, doc) => ({ doc, score: s / Math.sqrt(pageNorm * index.norms[doc]!) })).filter((h) => h.score > 0).sort((a, b) => b.score - a.score || a.doc - b.doc);
}

describe('conceptLookup', () => {
  it('scores every article as brute force does when no posting list is longer than CONCEPT_WALK', () => {
    const { terms, index } = table(150, 12, 40);
    const page = terms[31]!;
    const got = conceptLookup(page, index, 10, () => true);
    const want = bruteForce(page, index).slice(0, 10);
    expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
    got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 12));
  });

  it('past CONCEPT_WALK finds the article of the rare keys first, with exact scores, and never walks the long lists', () => {
    const articles = 900;
    const { terms, index } = table(articles, 12, 30); // each common key in about 360 articles' keys
    let longest = 0;
    for (let i = 0, j = 0; i < index.postings.hashes.length; i = j) {
      for (j = i; index.postings.hashes[j] === index.postings.hashes[i]; j++);
      longest = Math.max(longest, j - i);
    }
    expect(longest).toBeGreaterThan(CONCEPT_WALK);
    const page = terms[301]!;
    const exact = new Map(bruteForce(page, index).map((h) => [h.doc, h.score]));
    const got = conceptLookup(page, index, 6, () => true);
    expect(got[0]!.doc).toBe(301);
    expect(got.slice(1, 3).map((h) => h.doc).sort()).toEqual([300, 302]); // its group shares its rare keys
    for (const h of got) expect(h.score).toBeCloseTo(exact.get(h.doc)!, 12);
    // an article sharing only common keys with the page is not retrieved, whatever it would score
    expect(got.every((h) => Math.floor(h.doc / 3) === 100)).toBe(true);
  });

  it('keeps only the articles `keep` accepts', () => {
    const { terms, index } = table(900, 12, 30);
    const got = conceptLookup(terms[301]!, index, 6, (d) => d !== 301);
    expect(got.map((h) => h.doc).sort()).toEqual([300, 302]);
  });
});
