// Draws the toolbar icon (a lens over two lines of text) as PNGs in assets/icons.
// Run once when the design changes: node scripts/make-icons.mjs. Uses only node:zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4; // supersampling
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const [pr, pg, pb, pa] = pixel((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          r += pr * pa; g += pg * pa; b += pb * pa; a += pa;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const BLUE = [31, 95, 168, 1];
const WHITE = [255, 255, 255, 1];
const RED = [214, 69, 65, 1];
const NONE = [0, 0, 0, 0];
function icon(x, y) {
  // rounded square background
  const m = 0.06, r = 0.2;
  const dx = Math.max(m + r - x, 0, x - (1 - m - r)), dy = Math.max(m + r - y, 0, y - (1 - m - r));
  if (dx * dx + dy * dy > r * r) return NONE;
  const cx = 0.43, cy = 0.43, d = Math.hypot(x - cx, y - cy);
  // handle
  const t = ((x - cx) + (y - cy)) / 2, off = Math.abs((x - cx) - (y - cy)) / Math.SQRT2;
  if (t > 0.2 && t < 0.4 && off < 0.06) return WHITE;
  if (d > 0.22 && d < 0.3) return WHITE; // lens ring
  if (d <= 0.22) {
    if (Math.abs(y - 0.36) < 0.035 && x > 0.3 && x < 0.56) return WHITE; // a line kept
    if (Math.abs(y - 0.5) < 0.035 && x > 0.3 && x < 0.5) return RED; // a line cut
  }
  return BLUE;
}
mkdirSync('assets/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icons/icon-${size}.png`, png(size, icon));
console.log('icons written');
