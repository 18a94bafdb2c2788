// The named edits of a comparison (sentence dropped, number changed, attribution removed, material
// appended, paragraph moved, not translated, number differs ...). Every edit is a stop of the
// view (../stops.ts): a button that jumps to its row, the current one marked.
import type { CompareRow, Edit } from '../../core/types';
import { t } from '../i18n';
import type { EditGroup, Stop } from '../stops';
import { editLabel, movedWords } from './DiffTable';

const PREVIEW = 90;
const clip = (s: string): string => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

function editSummary(e: Edit, rows: readonly CompareRow[] | undefined): string {
  const row = e.row !== undefined ? rows?.[e.row] : undefined;
  if (e.type === 'paragraph-moved' && row) return `${movedWords(row)}: ${clip(e.b ?? e.a ?? '')}`;
  if (e.a !== undefined && e.b !== undefined) return `${clip(e.a)} → ${clip(e.b)}`;
  return clip(e.a ?? e.b ?? '');
}

export interface EditListProps {
  groups: EditGroup[];
  /** The body rows of each group's comparison, to say where a moved paragraph went. */
  rows?: ReadonlyArray<readonly CompareRow[]>;
  stops: readonly Stop[];
  /** Index into `stops` of the current edit, or -1. */
  current: number;
  onJump(stop: number): void;
}

export function EditList({ groups, rows, stops, current, onJump }: EditListProps) {
  const stopOf = new Map(stops.map((s, k) => [`${s.group}:${s.index}`, k]));
  return (
    <section class="edit-list" aria-labelledby="edits-title" data-testid="edits" data-count={stops.length}>
      <h2 id="edits-title">{t('editsTitle', stops.length)}</h2>
      {groups.map((g, gi) => (
        <div key={g.title} class="edit-group">
          {groups.length > 1 && <h3>{g.title}</h3>}
          {g.edits.length === 0 ? (
            <p class="meta">{t('noEdits')}</p>
          ) : (
            <ol>
              {g.edits.map((e, i) => {
                const k = stopOf.get(`${gi}:${i}`)!;
                const stop = stops[k]!;
                return (
                  <li key={i} data-testid="edit" data-type={e.type} data-row={stop.row} data-stop={k} class={k === current ? 'current' : undefined} aria-current={k === current ? 'true' : undefined}>
                    <button type="button" class="edit" onClick={() => onJump(k)}>
                      <span class={`edit-type ${e.type}`}>{editLabel(e.type)}</span> <span class="edit-text">{editSummary(e, rows?.[gi])}</span>
                    </button>
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
