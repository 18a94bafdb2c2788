// Injected by the background only into candidate pages (or when the reader asks for an analysis):
// extracts the article (extractArticle reads the page and works on one copy, never changing the page) and hands it over.
import { extractArticle } from '../extract/article';
import { send } from '../messages';

const start = performance.now();
const result = extractArticle(document, { url: location.href });
const ms = performance.now() - start;
performance.measure('reprint-lens:extract', { start, duration: ms });
send('pageExtracted', { url: location.href, article: result.article, isArticle: result.isArticle, reasons: result.reasons, ms }).catch(
  () => {
    // the extension was reloaded meanwhile: nothing to do
  },
);
