// A strip along the side of the full view showing where the changes are in the whole comparison,
// like a scrollbar's marks: one per row that holds edits, a button that jumps to its first edit
// (the stops of ../stops.ts). Positions are measured
// from the rendered rows (rows differ in height), again when the table or the window changes.
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface ChangeStripProps {
  /** The table row of each stop, in order. */
  stopRows: readonly number[];
  /** The current row, or -1. */
  current: number;
  onJump(stop: number): void;
  /** Changes whenever the table is re-rendered (new comparison, toggles), to measure again. */
  layoutKey: string;
}

export function ChangeStrip({ stopRows, current, onJump, layoutKey }: ChangeStripProps) {
  const [tops, setTops] = useState<Map<number, number>>(new Map());
  // the first stop of each row
  const firstStop = new Map<number, number>();
  stopRows.forEach((row, k) => firstStop.has(row) || firstStop.set(row, k));
  const changes = [...firstStop.keys()];
  useLayoutEffect(() => {
    const measure = () => {
      const height = document.documentElement.scrollHeight || 1;
      const next = new Map<number, number>();
      for (const i of changes) {
        const el = document.getElementById(`row-${i}`);
        if (el) next.set(i, (el.getBoundingClientRect().top + window.scrollY) / height);
      }
      setTops(next);
    };
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, [layoutKey, stopRows]);

  if (changes.length === 0) return null;
  return (
    <nav class="change-strip" aria-label={t('stripLabel')} data-testid="change-strip">
      {changes.map((row) => {
        const k = firstStop.get(row)!;
        const top = tops.get(row);
        if (top === undefined) return null;
        return (
          <button
            key={row}
            type="button"
            class={`mark${row === current ? ' current' : ''}`}
            style={{ top: `${(top * 100).toFixed(2)}%` }}
            aria-label={t('changeAt', k + 1, stopRows.length)}
            aria-current={row === current ? 'true' : undefined}
            tabIndex={-1}
            onClick={() => onJump(k)}
          />
        );
      })}
    </nav>
  );
}
