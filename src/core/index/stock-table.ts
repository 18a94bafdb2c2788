// The stock-text table: hashes of the 10-character windows that many unrelated news articles
// carry (official formulations, slogans, announcement templates). Shared text made only of them is
// no evidence that two texts are versions of each other (see passages.ts, rare coverage).
//
// Stored as the sorted hashes' gaps in LEB128 varints, base64 (a JSON string: both esbuild and
// vitest import JSON as it is); held in memory as an open-addressing table of Uint32 (8 bytes an
// entry), looked up in O(1) without a Set's per-entry objects.

/** Window length, in tokens (Han characters), of the stock table: matching's passage unit for Han text. */
export const STOCK_K = 10;

export interface StockTable {
  readonly size: number;
  has(hash: number): boolean;
}

export const NO_STOCK: StockTable = { size: 0, has: () => false };

export function encodeStockTable(hashes: Iterable<number>): string {
  const sorted = Uint32Array.from(new Set(hashes)).sort();
  const bytes: number[] = [];
  let prev = 0;
  for (const h of sorted) {
    let d = h - prev;
    prev = h;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d = Math.floor(d / 128);
    }
    bytes.push(d);
  }
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x2000) bin += String.fromCharCode(...bytes.slice(i, i + 0x2000));
  return btoa(bin);
}

export function decodeStockTable(data: string): StockTable {
  const bin = atob(data);
  const hashes: number[] = [];
  let prev = 0;
  let d = 0;
  let scale = 1;
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    d += (b & 0x7f) * scale;
    if (b & 0x80) scale *= 128;
    else {
      prev += d;
      if (prev > 0xffffffff) throw new Error('stock table: damaged data');
      hashes.push(prev);
      d = 0;
      scale = 1;
    }
  }
  return tableOf(hashes);
}

function tableOf(hashes: readonly number[]): StockTable {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const used = new Uint8Array(size);
  const slot = (h: number): number => {
    let s = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (used[s] && keys[s] !== h) s = (s + 1) & mask;
    return s;
  };
  for (const h of hashes) {
    const s = slot(h);
    used[s] = 1;
    keys[s] = h;
  }
  return { size: hashes.length, has: (h) => used[slot(h)] === 1 };
}

/** Text stock in either table (the shipped one and a corpus's own); NO_STOCK parts are left out. */
export function unionStock(...tables: StockTable[]): StockTable {
  const parts = tables.filter((t) => t.size > 0);
  if (parts.length <= 1) return parts[0] ?? NO_STOCK;
  return { size: parts.reduce((n, t) => n + t.size, 0), has: (h) => parts.some((t) => t.has(h)) };
}
