// A page's whole verdict, the `match` JSON contract: what the page is, whether it is on topic, and
// which corpus articles are versions of it. The background worker and the CLI both call this, so
// they give the same answer for the same article. The corpus texts are loaded only when the index
// finds candidates (most pages have none).
import type { Article, MatchReport } from '../types';
import type { Corpus } from '../index/types';
import { detectTopic } from '../topic/topic';
import { findVersionsLoading, type FindOptions } from './find-versions';

export async function buildMatchReport(article: Article, isArticle: boolean, corpus: Corpus, opts: FindOptions = {}): Promise<MatchReport> {
  return {
    page: { title: article.title, lang: article.lang, chars: article.paragraphs.join('\n').length, isArticle },
    topic: detectTopic(article, article.lang),
    matches: await findVersionsLoading(article, corpus, opts),
  };
}
