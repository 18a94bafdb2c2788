// The versions found for a page: title, site, date, language, relation and similarity, one option
// each, with the likely original, the page's own text and the reader's own articles tagged.
// Testing contract: each version is an element with data-testid="version", data-doc-id, data-relation.
import { useEffect } from 'preact/hooks';
import { send, type DocInfo } from '../../messages';
import type { Match } from '../../core/types';
import { t, type MessageKey } from '../i18n';
import { MetaLine, PageText, tx } from './PageText';

/**
 * Asks the background for the metadata of versions not in `docs` (those from installed packs are
 * not in the list of bundled and kept articles) and adds them.
 */
export function useDocsOf(matches: readonly Match[], docs: Map<string, DocInfo>, setDocs: (f: (d: Map<string, DocInfo>) => Map<string, DocInfo>) => void): void {
  const key = matches.map((m) => m.id).join(' ');
  useEffect(() => {
    const missing = matches.map((m) => m.id).filter((id) => !docs.has(id));
    if (missing.length === 0) return;
    send('listDocs', missing).then((found) => setDocs((d) => new Map([...d, ...found.map((x): [string, DocInfo] => [x.id, x])])), () => undefined);
  }, [key, docs]);
}

export function langName(lang: string): string {
  return lang === 'zh' || lang === 'en' ? t(`lang_${lang}`) : lang;
}

export interface VersionListProps {
  matches: Match[];
  docs: Map<string, DocInfo>;
  selected: string | null;
  onSelect(id: string): void;
  /** The family's likely original, tagged as such. */
  originalId?: string | null;
}

export function VersionList({ matches, docs, selected, onSelect, originalId = null }: VersionListProps) {
  const choose = (i: number) => {
    const m = matches[(i + matches.length) % matches.length];
    if (!m) return;
    onSelect(m.id);
    // keep the focus on the chosen option, as a listbox does
    requestAnimationFrame(() => (document.querySelector(`[data-testid="version"][data-doc-id="${CSS.escape(m.id)}"]`) as HTMLElement | null)?.focus());
  };
  return (
    <section class="versions">
      <h2 id="versions-title">{matches.length === 1 ? t('versionFound') : t('versionsFound', matches.length)}</h2>
      <ul role="listbox" aria-labelledby="versions-title">
        {matches.map((m, i) => {
          const doc = docs.get(m.id);
          const viaDoc = m.via ? docs.get(m.via) : undefined;
          const isSelected = m.id === selected;
          return (
            <li
              key={m.id}
              role="option"
              tabIndex={isSelected || (selected === null && i === 0) ? 0 : -1}
              aria-selected={isSelected}
              class={`version${isSelected ? ' selected' : ''}`}
              data-testid="version"
              data-doc-id={m.id}
              data-relation={m.relation}
              onClick={() => onSelect(m.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(m.id);
                } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  e.preventDefault();
                  choose(i + (e.key === 'ArrowDown' ? 1 : -1));
                }
              }}
            >
              <PageText class="title" lang={m.lang}>{m.title}</PageText>
              <span class="meta">
                <MetaLine site={doc?.site} rest={[doc?.date?.slice(0, 10), langName(m.lang)]} />
                {m.id === originalId && <span class="tag original">{t('role_original')}</span>}
                {m.relation === 'same' && <span class="tag page">{t('thisPage')}</span>}
                {doc?.origin === 'user' && <span class="tag user">{t('yours')}</span>}
                {doc?.origin === 'pack' && doc.pack && <span class="tag pack" data-pack-name={doc.pack}>{tx('fromPack', <PageText>{doc.pack}</PageText>)}</span>}
              </span>
              <span class={`relation ${m.relation}`}>{t(`relation_${m.relation}` as MessageKey)}</span>
              <span class="similarity">{t('similarity', Math.round(m.similarity * 100))}</span>
              {m.via && <span class="via">{tx('via', <PageText>{viaDoc?.title ?? m.via}</PageText>)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
