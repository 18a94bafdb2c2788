// Side-by-side rows of a Comparison: the version (a) on the left, the other text (b) on the right.
// Text is only ever rendered as text (Preact escapes it); deleted text is struck through in <del>,
// inserted text underlined in <ins>, so changes never depend on colour alone. A translation's
// number checks sit under its text, a disagreement marked with a sign and a word as well as colour.
import type { ComponentChildren } from 'preact';
import { isNoise, stepsOf } from '../../core/compare/diff';
import { foldsNoise } from '../../core/report/text';
import type { CompareRow, Comparison, NumberCheck } from '../../core/types';
import { t } from '../i18n';
import { isChangeRow } from '../three-way';
import { PAGE_TEXT, PageText } from './PageText';

type Row = CompareRow & { keptB?: string[] };

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

export function Cell({ row, which, fold = true }: { row: Row; which: 'a' | 'b'; fold?: boolean }) {
  if (row[which] === null) return <td class="cell empty" />;
  return (
    <td class={`cell ${row.kind}`}>
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
}

export function DiffTable({ comparison, labels, onlyChanges = false, current }: DiffTableProps) {
  const fold = foldsNoise(comparison);
  return (
    <table class="diff" data-testid="diff" data-columns="2" aria-label={`${labels[0]} / ${labels[1]}`}>
      <thead>
        <tr>
          <th scope="col" lang={comparison.a.lang} {...PAGE_TEXT}>{labels[0]}</th>
          <th scope="col" lang={comparison.b.lang} {...PAGE_TEXT}>{labels[1]}</th>
        </tr>
      </thead>
      <tbody>
        {comparison.rows.map((row, i) =>
          onlyChanges && !isChange(row) ? null : (
            <tr
              key={i}
              id={`row-${i}`}
              class={`row ${row.kind}${i === current ? ' current' : ''}`}
              data-kind={row.kind}
              data-row={i}
              aria-current={i === current ? 'true' : undefined}
            >
              <Cell row={row} which="a" fold={fold} />
              <Cell row={row} which="b" fold={fold} />
            </tr>
          ),
        )}
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
