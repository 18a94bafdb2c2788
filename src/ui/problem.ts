// The background's errors in the reader's language: a reply that carries a problem (a key of
// strings.json, its values and for data the article and JSON path, src/messages.ts) is said with
// the interface's words; any other error keeps the background's message. Values from the file
// (the text where its JSON breaks, a language code) are isolated as page text.
import { ReplyError } from '../messages';
import MESSAGES from './strings.json';
import { isolateText } from './components/PageText';
import { t, type MessageKey } from './i18n';

const isKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(MESSAGES, key);

/** What went wrong, for the reader: the problem in the interface's language when there is one. */
export function errorText(e: unknown): string {
  const problem = e instanceof ReplyError ? e.problem : undefined;
  if (!problem || !isKey(problem.key)) return e instanceof Error ? e.message : String(e);
  const values = problem.values.map((v) => (typeof v === 'string' ? isolateText(v) : v));
  if (!problem.at) return t(problem.key, ...values);
  const { n, path } = problem.at;
  const place = n === 0 ? (path ? t('importWherePage', path) : t('importWherePageOnly')) : path ? t('importWhereArticle', n, path) : t('importWhereArticleOnly', n);
  return t(problem.key, place, ...values);
}
