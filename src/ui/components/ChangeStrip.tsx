// A strip along the side of the full view showing where the changes are in the whole comparison,
// like a scrollbar's marks; each mark is a button that jumps to its row. Positions are measured
// from the rendered rows (rows differ in height), again when the table or the window changes.
import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface ChangeStripProps {
  /** Table rows that hold a change, in order. */
  changes: number[];
  current: number;
  onJump(row: number): void;
  /** Changes whenever the table is re-rendered (new comparison, toggles), to measure again. */
  layoutKey: string;
}

export function ChangeStrip({ changes, current, onJump, layoutKey }: ChangeStripProps) {
  const [tops, setTops] = useState<Map<number, number>>(new Map());
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
  }, [layoutKey, changes]);

  if (changes.length === 0) return null;
  return (
    <nav class="change-strip" aria-label={t('stripLabel')} data-testid="change-strip">
      {changes.map((row, k) => {
        const top = tops.get(row);
        if (top === undefined) return null;
        return (
          <button
            key={row}
            type="button"
            class={`mark${row === current ? ' current' : ''}`}
            style={{ top: `${(top * 100).toFixed(2)}%` }}
            aria-label={t('changeAt', k + 1, changes.length)}
            aria-current={row === current ? 'true' : undefined}
            tabIndex={-1}
            onClick={() => onJump(row)}
          />
        );
      })}
    </nav>
  );
}
