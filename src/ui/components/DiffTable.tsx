// Side-by-side rows of a Comparison: the version (a) on the left, the other text (b) on the right.
// Text is only ever rendered as text (Preact escapes it); deleted text is struck through in <del>,
// inserted text underlined in <ins>, so changes never depend on colour alone. A translation's
// number checks sit under its text, a disagreement marked with a sign and a word as well as colour.
import type { ComponentChildren } from 'preact';
import { isNoise, stepsOf } from '../../core/compare/diff';
import { foldsNoise } from '../../core/report/text';
import type { CompareRow, Comparison, NumberCheck } from '../../core/types';
import { t, type MessageKey } from '../i18n';
import { movePlaces, type EditRow } from '../stops';
import { isChangeRow } from '../three-way';
import { PAGE_TEXT, PageText, tx } from './PageText';

type Row = CompareRow & { keptB?: string[]; aIndex?: number; bIndex?: number };

const PREVIEW = 24;
const clip = (s: string): string => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

/** What an edit is called (message names allow [A-Za-z0-9_] only, edit types have hyphens). */
export const editLabel = (type: string): string => t(`edit_${type.replace(/-/g, '_')}` as MessageKey);

/** One side of a row's text, with its changes marked. Whitespace-only changes are plain text when noise is folded. */
export function sideText(row: Row, which: 'a' | 'b', fold: boolean): ComponentChildren {
  const text = row[which];
  if (text === null) return null;
  if (row.kind === 'changed' && row.ops) {
    return stepsOf(row.ops, row.keptB).map((p, i) => {
      const s = which === 'a' ? p.a : p.b;
      if (s.length === 0) return null;
      if (p.op === 0 || (fold && isNoise(s))) return <span key={i} {...PAGE_TEXT}>{s}</span>;
      return p.op === -1 ? <del key={i} {...PAGE_TEXT}>{s}</del> : <ins key={i} {...PAGE_TEXT}>{s}</ins>;
    });
  }
  if (row.kind === 'moved') {
    // the mark is a picture for the eye; a screen reader hears the word
    return (
      <>
        <span class="move-mark" aria-hidden="true">↕ </span>
        <span class="sr-only">{t('movedMark')} </span>
        <span {...PAGE_TEXT}>{text}</span>
      </>
    );
  }
  if (row.kind === 'deleted') return <del {...PAGE_TEXT}>{text}</del>;
  if (row.kind === 'inserted') return <ins {...PAGE_TEXT}>{text}</ins>;
  return <span {...PAGE_TEXT}>{text}</span>;
}

export function Numbers({ checks }: { checks: NumberCheck[] | undefined }) {
  if (!checks || checks.length === 0) return null;
  return (
    <ul class="numbers" aria-label={t('numbersChecked')}>
      {checks.map((n, k) => (
        <li key={k} class={n.agree ? 'agree' : 'disagree'}>
          <span aria-hidden="true">{n.agree ? '✓' : '⚠'}</span> <PageText>{n.a}</PageText> ↔ <PageText>{n.b}</PageText>
          {!n.agree && <strong> {t('numberMismatch')}</strong>}
        </li>
      ))}
    </ul>
  );
}

/** "moved from ¶9 to ¶12", 1-based paragraphs of each side. */
export const movedWords = (row: Row): string => t('movedFromTo', (row.aIndex ?? 0) + 1, (row.bIndex ?? 0) + 1);

export function Cell({ row, which, fold = true, movedFrom }: { row: Row; which: 'a' | 'b'; fold?: boolean; movedFrom?: number | undefined }) {
  if (row[which] === null) return <td class="cell empty" />;
  return (
    <td class={`cell ${row.kind}`}>
      {movedFrom !== undefined && (
        <a class="move-link" href={`#moved-from-${movedFrom}`} data-testid="move-from">
          {movedWords(row)}
        </a>
      )}
      {sideText(row, which, fold)}
      {which === 'b' && <Numbers checks={row.numbers} />}
    </td>
  );
}

export const isChange = isChangeRow;

export interface DiffTableProps {
  comparison: Comparison;
  labels: [string, string];
  onlyChanges?: boolean;
  /** Index of the row to mark as the current change (full-page view navigation). */
  current?: number;
  /** Rows of their own for the edits outside the body rows (stops.ts). */
  editRows?: readonly EditRow[];
}

/** An edit shown on a row of its own: what it is, a's text struck out, b's inserted. */
export function EditRowView({ er, current, columns }: { er: EditRow; current?: number | undefined; columns: 2 | 3 }) {
  const { edit, row } = er;
  return (
    <tr id={`row-${row}`} class={`row edit-row ${edit.type}${row === current ? ' current' : ''}`} data-kind="edit" data-edit-type={edit.type} data-row={row} aria-current={row === current ? 'true' : undefined}>
      <td class="cell">
        <span class="edit-type">{editLabel(edit.type)}</span>{' '}
        {edit.a !== undefined && <del {...PAGE_TEXT}>{edit.a}</del>}
      </td>
      <td class="cell">{edit.b !== undefined && <ins {...PAGE_TEXT}>{edit.b}</ins>}</td>
      {columns === 3 && <td class="cell empty" />}
    </tr>
  );
}

/**
 * Where a moved paragraph was: a row that says where it went, linked to it (and it back to here),
 * in the manner of paired move marks.
 */
export function MovePlaceholder({ rows, moved, after, target = moved, columns = 2 }: { rows: readonly Row[]; moved: number; after: number; target?: number; columns?: 2 | 3 }) {
  const row = rows[moved]!;
  const before = moved > 0 ? (rows[moved - 1]!.b ?? rows[moved - 1]!.a ?? '') : '';
  const arrow = moved > after ? '↓' : '↑';
  // `target`: the table row the paragraph is shown in (the three-column table numbers its own)
  return (
    <tr id={`moved-from-${target}`} class="row move-placeholder" data-kind="move-placeholder" data-moved-row={target}>
      <td class="cell" colSpan={columns}>
        <a href={`#row-${target}`} data-testid="move-to">
          <span aria-hidden="true">{arrow} </span>
          {before ? tx('movedToAfter', (row.aIndex ?? 0) + 1, (row.bIndex ?? moved) + 1, <PageText>{clip(before)}</PageText>) : t('movedToStart', (row.aIndex ?? 0) + 1)}
        </a>
      </td>
    </tr>
  );
}

export function DiffTable({ comparison, labels, onlyChanges = false, current, editRows = [] }: DiffTableProps) {
  const fold = foldsNoise(comparison);
  const rows = comparison.rows as Row[];
  const placeholdersAfter = movePlaces(rows);
  const movedRows = new Set([...placeholdersAfter.values()].flat().map((p) => p.moved));
  const placeholders = (at: number) => (placeholdersAfter.get(at) ?? []).map((p) => <MovePlaceholder key={`m${p.moved}`} rows={rows} moved={p.moved} after={p.after} />);
  return (
    <table class="diff" data-testid="diff" data-columns="2" aria-label={`${labels[0]} / ${labels[1]}`}>
      <thead>
        <tr>
          <th scope="col" lang={comparison.a.lang} {...PAGE_TEXT}>{labels[0]}</th>
          <th scope="col" lang={comparison.b.lang} {...PAGE_TEXT}>{labels[1]}</th>
        </tr>
      </thead>
      <tbody>
        {editRows.filter((er) => er.top).map((er) => <EditRowView key={`e${er.row}`} er={er} current={current} columns={2} />)}
        {placeholders(-1)}
        {rows.map((row, i) => [
          onlyChanges && !isChange(row) ? null : (
            <tr
              key={i}
              id={`row-${i}`}
              class={`row ${row.kind}${i === current ? ' current' : ''}`}
              data-kind={row.kind}
              data-row={i}
              aria-current={i === current ? 'true' : undefined}
            >
              <Cell row={row} which="a" fold={fold} movedFrom={movedRows.has(i) ? i : undefined} />
              <Cell row={row} which="b" fold={fold} />
            </tr>
          ),
          ...placeholders(i),
        ])}
        {editRows.filter((er) => !er.top).map((er) => <EditRowView key={`e${er.row}`} er={er} current={current} columns={2} />)}
      </tbody>
    </table>
  );
}

export function Outside({ comparison }: { comparison: Comparison }) {
  const { a, b } = comparison.outside;
  if (a.length === 0 && b.length === 0) return null;
  return (
    <details class="outside">
      <summary>{t('outsideTitle', a.length + b.length)}</summary>
      {a.length > 0 && (
        <section>
          <h4>{t('outsideA')}</h4>
          {a.map((p, i) => <p key={i} {...PAGE_TEXT}>{p}</p>)}
        </section>
      )}
      {b.length > 0 && (
        <section>
          <h4>{t('outsideB')}</h4>
          {b.map((p, i) => <p key={i} {...PAGE_TEXT}>{p}</p>)}
        </section>
      )}
    </details>
  );
}
