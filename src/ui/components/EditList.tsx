// The named edits of a comparison (sentence dropped, number changed, attribution removed, material
// appended, paragraph moved, not translated, number differs ...); each with a place in the table
// is a button that jumps to its row.
import type { Edit } from '../../core/types';
import { t, type MessageKey } from '../i18n';

const PREVIEW = 90;
const clip = (s: string): string => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

function editSummary(e: Edit): string {
  if (e.a !== undefined && e.b !== undefined) return `${clip(e.a)} → ${clip(e.b)}`;
  return clip(e.a ?? e.b ?? '');
}

export interface EditGroup {
  title: string;
  edits: Edit[];
  /** The table row an edit's row is shown in (the three-column table renumbers them). */
  rowOf(edit: Edit): number | undefined;
}

export function EditList({ groups, onJump }: { groups: EditGroup[]; onJump(row: number): void }) {
  const total = groups.reduce((n, g) => n + g.edits.length, 0);
  return (
    <section class="edit-list" aria-labelledby="edits-title" data-testid="edits">
      <h2 id="edits-title">{t('editsTitle', total)}</h2>
      {groups.map((g) => (
        <div key={g.title} class="edit-group">
          {groups.length > 1 && <h3>{g.title}</h3>}
          {g.edits.length === 0 ? (
            <p class="meta">{t('noEdits')}</p>
          ) : (
            <ol>
              {g.edits.map((e, i) => {
                const row = g.rowOf(e);
                // message names allow [A-Za-z0-9_] only, edit types have hyphens
                const label = <span class={`edit-type ${e.type}`}>{t(`edit_${e.type.replace(/-/g, '_')}` as MessageKey)}</span>;
                return (
                  <li key={i} data-testid="edit" data-type={e.type} data-row={row}>
                    {row !== undefined ? (
                      <button type="button" class="edit" onClick={() => onJump(row)}>
                        {label} <span class="edit-text">{editSummary(e)}</span>
                      </button>
                    ) : (
                      <span class="edit">
                        {label} <span class="edit-text">{editSummary(e)}</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}
