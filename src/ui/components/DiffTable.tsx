// Side-by-side rows of a Comparison: the version (a) on the left, the other text (b) on the right.
// Text is only ever rendered as text (Preact escapes it); deleted text is struck through in <del>,
// inserted text underlined in <ins>, so changes never depend on colour alone.
import type { CompareRow, Comparison, DiffOp } from '../../core/types';
import { t } from '../i18n';

function side(ops: DiffOp[], keep: -1 | 1) {
  return ops
    .filter(([op]) => op === 0 || op === keep)
    .map(([op, text], i) => (op === 0 ? <span key={i}>{text}</span> : keep === -1 ? <del key={i}>{text}</del> : <ins key={i}>{text}</ins>));
}

function Cell({ row, which }: { row: CompareRow; which: 'a' | 'b' }) {
  const text = row[which];
  if (text === null) return <td class="cell empty" />;
  if (row.kind === 'changed' && row.ops) return <td class="cell">{side(row.ops, which === 'a' ? -1 : 1)}</td>;
  if (row.kind === 'deleted') return <td class="cell"><del>{text}</del></td>;
  if (row.kind === 'inserted') return <td class="cell"><ins>{text}</ins></td>;
  return <td class={`cell ${row.kind}`}>{text}</td>;
}

export function isChange(row: CompareRow): boolean {
  return row.kind !== 'equal' || (row.numbers?.some((n) => !n.agree) ?? false);
}

export interface DiffTableProps {
  comparison: Comparison;
  labels: [string, string];
  onlyChanges?: boolean;
  /** Index of the row to mark as the current change (full-page view navigation). */
  current?: number;
}

export function DiffTable({ comparison, labels, onlyChanges = false, current }: DiffTableProps) {
  return (
    <table class="diff" data-testid="diff" role="table" aria-label={`${labels[0]} / ${labels[1]}`}>
      <thead>
        <tr>
          <th scope="col">{labels[0]}</th>
          <th scope="col">{labels[1]}</th>
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
              <Cell row={row} which="a" />
              <Cell row={row} which="b" />
              {row.numbers && row.numbers.length > 0 ? (
                <td class="numbers">
                  {row.numbers.map((n, k) => (
                    <span key={k} class={n.agree ? 'agree' : 'disagree'} title={n.agree ? '' : t('numberMismatch')}>
                      {n.agree ? '✓' : '⚠'} {n.a} ↔ {n.b}
                    </span>
                  ))}
                </td>
              ) : null}
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
      <summary>
        {t('outsideTitle', a.length + b.length)}
      </summary>
      {a.length > 0 && (
        <section>
          <h4>{t('outsideA')}</h4>
          {a.map((p, i) => <p key={i}>{p}</p>)}
        </section>
      )}
      {b.length > 0 && (
        <section>
          <h4>{t('outsideB')}</h4>
          {b.map((p, i) => <p key={i}>{p}</p>)}
        </section>
      )}
    </details>
  );
}
