// Is this page an article at all?
import type { PageMeta } from './meta';

export interface ArticleSignals {
  readerable: boolean;
  parsed: boolean;
  paragraphs: string[];
  content: Node | null;
  meta: PageMeta;
  lang: string;
}

export function judgeArticle(s: ArticleSignals): { isArticle: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (!s.parsed) reasons.push('readability found no article');
  if (!s.readerable) reasons.push('not readerable');
  return { isArticle: s.parsed && s.readerable, reasons };
}
