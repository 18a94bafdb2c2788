// `extract <file.html|file.txt|url> [--json]`: the article the extension would see on a page, with
// the "is it an article" judgement and the topic verdict; the same code the content script runs.
import { extractBounded } from '../extract/from-snapshot';
import { detectTopic } from '../core/topic/topic';
import type { Article, TopicVerdict } from '../core/types';
import { errorText, InputError, readPage } from './html';
import { printError, printJson, printText } from './output';

const USAGE = 'usage: reprint-lens extract <file.html|file.txt|url> [--json]';

function fail(message: string, code: number): number {
  printError(message);
  return code;
}

function formatText(article: Article, isArticle: boolean, reasons: string[], topic: TopicVerdict, charset: string): string {
  const chars = article.paragraphs.reduce((n, p) => n + p.length, 0);
  const lines = [
    `title:      ${article.title || '(none)'}`,
    `byline:     ${article.byline ?? '-'}`,
    `site:       ${article.siteName ?? '-'}`,
    `published:  ${article.published ?? '-'}`,
    `url:        ${article.url ?? '-'}`,
    `language:   ${article.lang}   (page decoded as ${charset})`,
    `article:    ${isArticle ? 'yes' : 'no'}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    `topic:      ${topic.digitalGovernment ? 'digital government' : 'not digital government'} (score ${topic.score}${
      topic.terms.length ? `; ${topic.terms.slice(0, 6).map((t) => `${t.term} x${t.count}`).join(', ')}` : ''
    })`,
    `body:       ${article.paragraphs.length} paragraphs, ${chars} characters${article.truncated ? ' (truncated)' : ''}`,
  ];
  if (article.sourceLines.length) lines.push('sources:', ...article.sourceLines.map((l) => `  ${l}`));
  lines.push('', ...article.paragraphs.flatMap((p) => [p, '']));
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  let json = false;
  const inputs: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      printText(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('-')) return fail(`unknown option ${arg} (${USAGE})`, 2);
    else inputs.push(arg);
  }
  if (inputs.length !== 1) return fail(USAGE, 2);
  const input = inputs[0]!;
  let page: Awaited<ReturnType<typeof readPage>>;
  try {
    page = await readPage(input);
  } catch (e) {
    return fail(e instanceof InputError ? e.message : `cannot read ${input}: ${errorText(e, false)}`, 1);
  }
  const url = /^https?:\/\//i.test(input) ? input : undefined;
  const { article, isArticle, reasons } = await extractBounded(page.doc, url);
  const topic = detectTopic(article, article.lang);
  if (json) printJson({ article, isArticle, reasons, topic });
  else printText(`${formatText(article, isArticle, reasons, topic, page.charset)}\n`);
  return 0;
}
