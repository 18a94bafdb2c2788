// Original, edited version and translation in one table, a row per passage of the original (see
// ../three-way.ts for how the translation's sentences are placed). One table rather than three
// scrolling panes: the columns cannot drift apart, and the unchanged passages keep them in step.
import type { Comparison } from '../../core/types';
import { foldsNoise } from '../../core/report/text';
import { t } from '../i18n';
import { threeRowChanged, type ThreeRow } from '../three-way';
import { movePlaces, type EditRow } from '../stops';
import { threeRowOf } from '../three-way';
import { EditRowView, MovePlaceholder, movedWords, Numbers, sideText } from './DiffTable';

export interface ThreeWayTableProps {
  /** original -> edited version */
  same: Comparison;
  /** original -> translation */
  trans: Comparison;
  rows: ThreeRow[];
  labels: [string, string, string];
  onlyChanges?: boolean;
  current?: number;
  /** Rows of their own for the edits outside the body rows (stops.ts). */
  editRows?: readonly EditRow[];
}

function TranslationCell({ trans, rows }: { trans: Comparison; rows: number[] }) {
  if (rows.length === 0) return <td class="cell empty" />;
  return (
    <td class="cell translation" lang={trans.b.lang}>
      {rows.map((k) => {
        const r = trans.rows[k]!;
        return (
          <div key={k} class={`sentence ${r.kind}`} data-kind={r.kind}>
            {r.b === null ? <span class="untranslated">{t('edit_not_translated')}</span> : r.kind === 'inserted' ? <ins>{r.b}</ins> : r.b}
            <Numbers checks={r.numbers} />
          </div>
        );
      })}
    </td>
  );
}

export function ThreeWayTable({ same, trans, rows, labels, onlyChanges = false, current, editRows = [] }: ThreeWayTableProps) {
  const fold = foldsNoise(same);
  // a moved paragraph at both ends: a placeholder after the row of the paragraph it followed in the original
  const placeholdersAfter = movePlaces(same.rows, (k) => threeRowOf(rows, 'same', k));
  const placed = new Set([...placeholdersAfter.values()].flat().map((p) => p.target));
  const placeholders = (at: number) =>
    (placeholdersAfter.get(at) ?? []).map((p) => <MovePlaceholder key={`m${p.moved}`} rows={same.rows} moved={p.moved} after={p.after} target={p.target} columns={3} />);
  return (
    <table class="diff three" data-testid="diff" data-columns="3" aria-label={labels.join(' / ')}>
      <thead>
        <tr>
          <th scope="col" lang={same.a.lang}>{labels[0]}</th>
          <th scope="col" lang={same.b.lang}>{labels[1]}</th>
          <th scope="col" lang={trans.b.lang}>{labels[2]}</th>
        </tr>
      </thead>
      <tbody>
        {editRows.filter((er) => er.top).map((er) => <EditRowView key={`e${er.row}`} er={er} current={current} columns={3} />)}
        {placeholders(-1)}
        {rows.map((row, i) => {
          const changed = threeRowChanged(row, same, trans);
          const after = placeholders(i);
          if (onlyChanges && !changed) return after;
          const s = row.same === null ? null : same.rows[row.same]!;
          // the version row's kind; a row of the translation alone is marked by its own
          const kind = s ? s.kind : 'translation-only';
          const movedHere = s?.kind === 'moved' && placed.has(i);
          return [
            <tr
              key={i}
              id={`row-${i}`}
              class={`row ${kind}${changed ? ' has-change' : ''}${i === current ? ' current' : ''}`}
              data-kind={kind}
              data-row={i}
              data-changed={changed ? 'true' : 'false'}
              aria-current={i === current ? 'true' : undefined}
            >
              {s ? (
                <>
                  <td class={`cell ${s.kind}`} lang={same.a.lang}>
                    {movedHere && (
                      <a class="move-link" href={`#moved-from-${i}`} data-testid="move-from">
                        {movedWords(s)}
                      </a>
                    )}
                    {s.a === null ? null : sideText(s, 'a', fold)}
                  </td>
                  <td class={`cell ${s.kind}${s.b === null ? ' empty' : ''}`} lang={same.b.lang}>{s.b === null ? null : sideText(s, 'b', fold)}</td>
                </>
              ) : (
                <>
                  <td class="cell outside-region" lang={same.a.lang}>
                    {row.trans.map((k) => trans.rows[k]!.a).filter((a) => a !== null).join('\n')}
                  </td>
                  <td class="cell empty" />
                </>
              )}
              <TranslationCell trans={trans} rows={row.trans} />
            </tr>,
            ...after,
          ];
        })}
        {editRows.filter((er) => !er.top).map((er) => <EditRowView key={`e${er.row}`} er={er} current={current} columns={3} />)}
      </tbody>
    </table>
  );
}
