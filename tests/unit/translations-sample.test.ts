// The translations development set (../shared/translations) as a table: its 55 real news documents
// with professional translations, compiled as `corpus build` compiles a folder (44 in each
// language's corpus, every fifth left out; the Chinese one among 2,000 real Chinese articles of
// ../shared/realnews), every page matched against the corpus in the other
// language, every document compared with its translation. The same set through the command line
// and with page layouts is `npm run eval`.
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCorpus } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import type { Corpus } from '../../src/core/index/types';
import { findVersions } from '../../src/core/match/find-versions';
import { translationEvidence } from '../../src/core/match/translation-evidence';
import { conceptLookup, conceptTerms } from '../../src/core/index/concepts';
import { compareTranslation } from '../../src/core/compare/compare-translation';
import { versionOfArticle } from '../../src/core/compare/compare-any';
import type { Article, Match } from '../../src/core/types';
import { corpusLexicon } from '../fixtures/translation/corpus';
import { realnewsCorpusFiles, realnewsPresent } from '../fixtures/realnews';
import { TRANSLATIONS, corpusFile, leftOut, numberVerdicts, translationDocs, translationsPresent, type TranslationDoc } from '../fixtures/translations';

const present = translationsPresent();
if (!present) console.warn(`translations sample skipped: ${TRANSLATIONS} not found (the development sets live in ../shared)`);

const article = (doc: TranslationDoc, lang: 'zh' | 'en'): Article => ({
  title: doc[lang][0]!,
  lang,
  paragraphs: doc[lang].slice(1),
  byline: null,
  siteName: null,
  published: null,
  url: null,
  sourceLines: [],
});

/**
 * Pages not found, with why. wmt23-06's English reference reads like a paraphrasing tool's output
 * ("Current showcase desires illustrate that there's far reaching good faith approximately China's
 * future advancement"): it shares too few concepts with its source (0.084) for the floor of
 * translation candidates (MIN_CONCEPT_SCORE in find-versions.ts), and was accepted at a
 * similarity of 0.08 when it was aligned.
 */
const MISSED = new Set(['wmt23-06 en']);

const show = (ms: Match[]): string => ms.map((m) => `${m.id} ${m.relation} ${m.similarity}`).join(', ') || 'no match';

describe.skipIf(!present)('translations sample: real news and their professional translations', () => {
  const docs = present ? translationDocs() : [];
  const corpora: Partial<Record<'zh' | 'en', Corpus>> = {};

  beforeAll(() => {
    for (const lang of ['zh', 'en'] as const) {
      // the Chinese corpus also holds the realnews set's 2,000 real CCTV and 人民日报 articles: their
      // official formulations, translated in the English pages, must not make them translations
      const distractors = lang === 'zh' && realnewsPresent() ? realnewsCorpusFiles() : [];
      const compiled = compileCorpus(
        [...docs.filter((_, i) => !leftOut(i)).map((d) => corpusFile(d, lang)), ...distractors],
        { lexicon: corpusLexicon() },
      );
      expect(compiled.errors).toEqual([]);
      corpora[lang] = loadCorpus(compiled.index, () => compiled.texts);
    }
  }, 120_000);

  const rows = docs.flatMap((d, i) =>
    (['en', 'zh'] as const).map((lang) => [`${d.id} ${lang} page${leftOut(i) ? ' (source left out)' : ''}`, d, lang, leftOut(i)] as const),
  );
  it.each(rows)('%s', (_, doc, lang, out) => {
    const corpus = corpora[lang === 'en' ? 'zh' : 'en']!;
    const ms = findVersions(article(doc, lang), corpus, { lexicon: corpusLexicon() });
    if (out) {
      expect(show(ms), 'its source is not in the corpus').toBe('no match');
    } else if (MISSED.has(`${doc.id} ${lang}`)) {
      expect(show(ms), 'a known miss (see MISSED)').toBe('no match');
    } else {
      expect(`${ms[0]?.id.replace(/_.*/, '')} ${ms[0]?.relation}`, show(ms)).toBe(`${doc.id} translation`);
      expect(ms.filter((m) => !m.id.startsWith(doc.id)).map((m) => m.id), 'wrong matches').toEqual([]);
    }
  });

  // deeper than matching looks: the twenty articles nearest each English page in meaning, all
  // verified; official commentary translated into English pairs closely with the same formulations
  // in unrelated Chinese articles, which must not make them its source
  it('takes no article other than its source for the translation of an English page, among its 20 nearest', () => {
    const zh = corpora.zh!;
    const wrong: string[] = [];
    for (const d of docs) {
      const page = article(d, 'en');
      for (const h of conceptLookup(conceptTerms(page.paragraphs, 'en', corpusLexicon()), zh.concepts!, 20, () => true)) {
        const meta = zh.docs[h.doc]!;
        if (meta.id === d.id) continue;
        const e = translationEvidence(page, { lang: meta.lang, paragraphs: zh.text(meta.id).paragraphs }, corpusLexicon(), zh.stock);
        if (e?.isTranslation) wrong.push(`${d.id} -> ${meta.id} (${meta.title}) ${e.similarity}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  // alignment and the number check, every document against its translation
  const compared = present
    ? docs.map((d) => ({ doc: d, c: compareTranslation(versionOfArticle(article(d, 'zh')), versionOfArticle(article(d, 'en')), corpusLexicon()) }))
    : [];

  it('puts at least 98% of the gold sentence pairs in one row', () => {
    let pairs = 0;
    let together = 0;
    for (const { doc, c } of compared) {
      for (let i = 1; i < doc.zh.length; i++) {
        pairs++;
        const zh = doc.zh[i]!.trim();
        const en = doc.en[i]!.trim();
        if (c.rows.some((r) => r.a?.includes(zh) && r.b?.includes(en))) together++;
      }
    }
    expect(together / pairs).toBeGreaterThanOrEqual(0.98);
  });

  it('marks no paragraph of these faithful translations as not translated or added', () => {
    const marked = compared.flatMap(({ doc, c }) =>
      c.edits.filter((e) => e.type === 'not-translated' || e.type === 'added-in-translation').map((e) => `${doc.id} ${e.type}: ${(e.a ?? e.b ?? '').slice(0, 40)}`),
    );
    expect(marked.length, marked.join('\n')).toBeLessThanOrEqual(2);
  });

  it('raises no number flag a reader judged a false alarm, and finds every judged real disagreement', () => {
    const verdicts = numberVerdicts();
    const flagged = new Set(
      compared.flatMap(({ doc, c }) => c.rows.flatMap((r) => (r.numbers ?? []).filter((n) => !n.agree).map((n) => `${doc.id}|${n.a}|${n.b}`))),
    );
    const falseAlarms = [...flagged].filter((k) => verdicts.get(k)?.verdict === 'false-alarm');
    expect(falseAlarms).toEqual([]);
    // a real disagreement is found when its Chinese number is flagged in that document (the mispaired
    // verdicts name the wrong partner an earlier aligner gave, so only the plain ones are checked)
    const missed = [...verdicts]
      .filter(([, v]) => v.verdict === 'real')
      .map(([k]) => k.split('|'))
      .filter(([id, a]) => ![...flagged].some((f) => f.startsWith(`${id}|${a}|`)));
    expect(missed.map((k) => k.join('|'))).toEqual([]);
  });
});
