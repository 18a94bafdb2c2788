// "Show what was extracted": the article as the extension saw it, so a reader can check what was
// compared when a result looks wrong. Rendered as text only.
import { useState } from 'preact/hooks';
import type { TabVerdict } from '../../messages';
import { t } from '../i18n';
import { PAGE_TEXT, PageText, tx } from './PageText';

export function ExtractedView({ verdict }: { verdict: TabVerdict }) {
  const [open, setOpen] = useState(false);
  const ex = verdict.extraction;
  if (!ex) return null;
  const chars = ex.article.paragraphs.reduce((n, p) => n + p.length, 0);
  const terms = verdict.report?.topic.terms.slice(0, 6).map((x) => x.term).join('、') ?? '';
  return (
    <section class="extracted">
      <button aria-expanded={open} onClick={() => setOpen(!open)} data-testid="show-extracted">
        {open ? t('hideExtracted') : t('showExtracted')}
      </button>
      {open && (
        <div class="extracted-body" data-testid="extracted">
          <h3 {...PAGE_TEXT}>{ex.article.title}</h3>
          <p class="meta">{tx('extractedMeta', <PageText>{ex.article.siteName ?? ex.url}</PageText>, chars, ex.article.lang)}</p>
          {terms && <p class="meta">{t('topicTerms', terms)}</p>}
          {ex.article.truncated && <p class="notice">{t('truncatedNotice', chars)}</p>}
          {ex.article.sourceLines.map((l, i) => <p key={`s${i}`} class="source-line" {...PAGE_TEXT}>{l}</p>)}
          {ex.article.paragraphs.map((p, i) => <p key={i} {...PAGE_TEXT}>{p}</p>)}
        </div>
      )}
    </section>
  );
}
