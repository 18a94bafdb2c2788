// The family's provenance: a compact line for the popup ("Likely original: 光明网 · 2022-04-25 —
// named by the 原标题 line of 博舍 …") and a timeline for the full view, each version with its
// role and the clues that placed it. The clues are the ones src/core/compare/provenance.ts weighed.
import type { Clue, Provenance, ProvenanceEntry } from '../../core/compare/provenance';
import { t, type MessageKey } from '../i18n';
import { langName } from './VersionList';
import { isolateText, MetaLine, PageText } from './PageText';

const day = (date: string | null): string | null => date?.slice(0, 10) ?? null;

/**
 * A version's short name: its site and date, else its language and the start of its title. A plain
 * string (it goes into column labels and clue sentences), so the page-derived site and title are
 * isolated in characters (isolateText): a site name with a right-to-left override cannot reverse
 * the words around it.
 */
export function entryName(e: Pick<ProvenanceEntry, 'site' | 'date' | 'title' | 'lang'>): string {
  const parts = [e.site ? isolateText(e.site) : null, day(e.date)].filter(Boolean);
  if (parts.length > 0) return parts.join(' · ');
  const title = e.title.length > 24 ? `${e.title.slice(0, 24)}…` : e.title;
  return `${langName(e.lang)} “${isolateText(title)}”`;
}

function nameOf(p: Provenance, id: string): string {
  const e = p.timeline.find((x) => x.id === id);
  if (!e) return id;
  return e.page ? t('thisPageInline') : entryName(e);
}

export function clueText(c: Clue, p: Provenance): string {
  switch (c.kind) {
    case 'named-by-title':
    case 'named-as-source':
      return t(c.kind === 'named-by-title' ? 'clue_named_by_title' : 'clue_named_as_source', nameOf(p, c.by));
    case 'contains':
      return t('clue_contains', Math.round(c.share * 100), nameOf(p, c.other));
    case 'within':
      return t('clue_within', Math.round(c.share * 100));
    default:
      return t(`clue_${c.kind.replace(/-/g, '_')}` as MessageKey); // message names allow [A-Za-z0-9_] only
  }
}

/** One line: which version is likely the original, and why. */
export function ProvenanceLine({ provenance }: { provenance: Provenance }) {
  const original = provenance.timeline.find((e) => e.id === provenance.original);
  return (
    <p class="provenance-line" data-testid="provenance">
      {original ? (
        <>
          <strong>{t('provOriginal', original.page ? `${t('thisPage')} (${entryName(original)})` : entryName(original))}</strong>
          {original.clues.length > 0 && <span class="meta"> — {original.clues.map((c) => clueText(c, provenance)).join(t('listSeparator'))}</span>}
        </>
      ) : (
        <span class="meta">{t('provUnknown')}</span>
      )}
    </p>
  );
}

/** The versions in time order, the original marked, each with its clues. */
export function Timeline({ provenance, onSelect }: { provenance: Provenance; onSelect?: (id: string) => void }) {
  return (
    <section class="timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('timeline')}</h2>
      {provenance.original === null && <p class="meta">{t('provUnknown')}</p>}
      <ol>
        {provenance.timeline.map((e) => (
          <li key={e.id} class={`entry role-${e.role}${e.page ? ' page' : ''}`} data-testid="timeline-entry" data-doc-id={e.id} data-role={e.role}>
            <span class="when">{day(e.date) ?? t('undated')}</span>
            <span class="what">
              <span class={`role role-${e.role}`}>{t(`role_${e.role}`)}</span>
              {e.page && <span class="tag">{t('thisPage')}</span>}{' '}
              {onSelect && !e.page ? (
                <button type="button" class="link" onClick={() => onSelect(e.id)}>
                  <PageText>{e.title}</PageText>
                </button>
              ) : (
                <PageText class="title">{e.title}</PageText>
              )}
              <span class="meta"> <MetaLine site={e.site} rest={[langName(e.lang)]} /></span>
              {e.clues.length > 0 && <span class="clues">{e.clues.map((c) => clueText(c, provenance)).join(t('listSeparator'))}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
