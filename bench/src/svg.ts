// A log-log line chart as a standalone SVG: enough for "how does the cost grow", no library.

export interface Series {
  name: string;
  color: string;
  dash?: boolean;
  /** [x, y]; a point with `mark` is drawn as a cross (an extrapolated or abandoned measurement). */
  points: Array<{ x: number; y: number; mark?: boolean }>;
}

export interface Chart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  note?: string;
}

const W = 720;
const H = 440;
const M = { left: 70, right: 200, top: 40, bottom: 70 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fmt(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

/** Powers of ten (and 2 and 5 times them when the range is short) covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const steps = Math.log10(hi) - Math.log10(lo) < 3 ? [1, 2, 5] : [1];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const v = s * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(6)));
    }
  }
  return out;
}

export function logLogChart(c: Chart): string {
  const pts = c.series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  const pad = (lo: number, hi: number): [number, number] => [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
  const [x0, x1] = pad(Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x)));
  const [y0, y1] = pad(Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const X = (x: number): number => M.left + ((Math.log10(x) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))) * pw;
  const Y = (y: number): number => M.top + ph - ((Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(c.title)}</text>`);
  for (const t of ticks(x0, x1)) {
    out.push(`<line x1="${X(t).toFixed(1)}" y1="${M.top}" x2="${X(t).toFixed(1)}" y2="${M.top + ph}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${X(t).toFixed(1)}" y="${M.top + ph + 16}" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of ticks(y0, y1)) {
    out.push(`<line x1="${M.left}" y1="${Y(t).toFixed(1)}" x2="${M.left + pw}" y2="${Y(t).toFixed(1)}" stroke="#e4e4e4"/>`);
    out.push(`<text x="${M.left - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${M.left + pw / 2}" y="${H - 36}" text-anchor="middle">${esc(c.xLabel)} (log scale)</text>`);
  out.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)} (log scale)</text>`);
  if (c.note) out.push(`<text x="${M.left}" y="${H - 12}" font-size="11" fill="#555">${esc(c.note)}</text>`);
  c.series.forEach((s, i) => {
    const p = s.points.filter((q) => q.x > 0 && q.y > 0);
    if (p.length > 1) {
      const d = p.map((q, k) => `${k ? 'L' : 'M'}${X(q.x).toFixed(1)} ${Y(q.y).toFixed(1)}`).join(' ');
      out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
    }
    for (const q of p) {
      const [x, y] = [X(q.x), Y(q.y)];
      out.push(
        q.mark
          ? `<path d="M${x - 5} ${y - 5}L${x + 5} ${y + 5}M${x - 5} ${y + 5}L${x + 5} ${y - 5}" stroke="${s.color}" stroke-width="2"/>`
          : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${s.color}"/>`,
      );
    }
    const ly = M.top + 10 + i * 20;
    const lx = M.left + pw + 14;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
