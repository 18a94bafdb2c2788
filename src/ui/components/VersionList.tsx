// The versions found for a page: title, site, date, language, relation and similarity, one button each.
// Testing contract: each version is an element with data-testid="version", data-doc-id, data-relation.
import type { DocInfo } from '../../messages';
import type { Match } from '../../core/types';
import { t, type MessageKey } from '../i18n';

/** "the 光明网 article of 2022-04-25", or the title when site and date are unknown. */
export function docLabel(doc: DocInfo, _docs?: Map<string, DocInfo>): string {
  if (doc.site && doc.date) return t('docLabel', doc.site, doc.date.slice(0, 10));
  return `“${doc.title}”`;
}

function langName(lang: string): string {
  return lang === 'zh' || lang === 'en' ? t(`lang_${lang}` as MessageKey) : lang;
}

export interface VersionListProps {
  matches: Match[];
  docs: Map<string, DocInfo>;
  selected: string | null;
  onSelect(id: string): void;
}

export function VersionList({ matches, docs, selected, onSelect }: VersionListProps) {
  return (
    <section class="versions">
      <h2>{matches.length === 1 ? t('versionFound') : t('versionsFound', matches.length)}</h2>
      <ul role="listbox" aria-label={t('versionsFound', matches.length)}>
        {matches.map((m) => {
          const doc = docs.get(m.id);
          const viaDoc = m.via ? docs.get(m.via) : undefined;
          return (
            <li
              key={m.id}
              role="option"
              tabIndex={0}
              aria-selected={m.id === selected}
              class={`version${m.id === selected ? ' selected' : ''}`}
              data-testid="version"
              data-doc-id={m.id}
              data-relation={m.relation}
              onClick={() => onSelect(m.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(m.id);
                }
              }}
            >
              <span class="title">{m.title}</span>
              <span class="meta">
                {[doc?.site, doc?.date?.slice(0, 10), langName(m.lang)].filter(Boolean).join(' · ')}
              </span>
              <span class={`relation ${m.relation}`}>{t(`relation_${m.relation}` as MessageKey)}</span>
              <span class="similarity">{t('similarity', Math.round(m.similarity * 100))}</span>
              {m.via && <span class="via">{t('via', viaDoc?.title ?? m.via)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
