// A seeded pseudo-random generator, so that the synthetic corpus is the same on every run and
// every machine: sfc32 (128-bit state), its state filled from the seed keys by splitmix32.
//
// Not mulberry32: its 32-bit state walks one cycle of 2^32 in fixed steps, so two articles whose
// seeds differ by a multiple of the step draw the same numbers, shifted. 100,000 articles of
// thousands of draws each cover a good part of that cycle, and a first run of this bench found
// synthetic articles that were partial copies of one another (reported as reprints).
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** `keys`: the seed and the stream (article number, ...): each distinct list gives its own stream. */
  constructor(...keys: number[]) {
    let h = 0x2545f491;
    for (const k of keys) h = splitmix32(h ^ splitmix32(k >>> 0) ^ Math.floor(k / 2 ** 32));
    this.a = splitmix32(h);
    this.b = splitmix32(this.a ^ 0x1b873593);
    this.c = splitmix32(this.b ^ 0xcc9e2d51);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform in [lo, hi]: article lengths are spread over orders of magnitude, most of them short. */
  logUniform(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
}
