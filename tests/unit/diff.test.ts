// The token diff inside a paragraph: readable units, no noise, no split characters, and never a
// silent give-up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTextPieces, diffTexts, tokenize, type TextDiffOptions } from '../../src/core/compare/diff';
import { foldDisplay } from '../../src/core/text/normalize';
import type { DiffOp } from '../../src/core/types';

const opts = (o: Partial<TextDiffOptions> = {}): TextDiffOptions => ({ granularity: 'word', lang: 'zh', foldNoise: true, deadline: Date.now() + 5000, ...o });
const changes = (ops: DiffOp[]): DiffOp[] => ops.filter(([op]) => op !== 0);

describe('units a reader recognises', () => {
  it.each([
    ['a Chinese qualifier, by words', '浪潮作为全球领先的算力基础设施提供商', '浪潮作为算力基础设施提供商', 'word', [[-1, '全球领先的']]],
    ['a Chinese qualifier, by characters', '浪潮作为全球领先的算力基础设施提供商', '浪潮作为算力基础设施提供商', 'char', [[-1, '全球领先的']]],
    ['an English word, whole', 'the quick brown fox', 'the slow brown fox', 'word', [[-1, 'quick'], [1, 'slow']]],
    ['a changed figure, whole', '共承载全省上云单位1014家', '共承载全省上云单位1040家', 'word', [[-1, '1014'], [1, '1040']]],
    ['a dropped clause, at its punctuation', '山东是第一家“吃螃蟹者”，山东省政府与浪潮共同打造', '山东省政府与浪潮共同打造', 'word', [[-1, '山东是第一家“吃螃蟹者”，']]],
  ] as const)('%s', (_what, a, b, granularity, expected) => {
    expect(changes(diffTexts(a, b, opts({ granularity, lang: /[a-z]/.test(a) ? 'en' : 'zh' })).ops)).toEqual(expected);
  });

  it('shows a rewritten sentence as old and new whole, not as confetti', () => {
    const { ops } = diffTexts('政务上云已成为各地政府数字化转型的必选项。', '云计算正在改变各级机关的办公方式。', opts({ granularity: 'char' }));
    expect(changes(ops)).toEqual([
      [-1, '政务上云已成为各地政府数字化转型的必选项'],
      [1, '云计算正在改变各级机关的办公方式'],
    ]);
  });

  it('keeps astral characters whole (rare Han, emoji with skin tone)', () => {
    const { ops } = diffTexts('𠀀a😀👍🏽𪚥', '𠀀b😀👍🏾𪚥', opts({ granularity: 'char' }));
    for (const [, text] of ops) expect(text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    expect(changes(ops).map(([, t]) => t)).toEqual(expect.arrayContaining(['a', 'b']));
  });
});

describe('noise', () => {
  it.each([
    ['punctuation width', '政务上云，数据共享：互通', '政务上云,数据共享:互通'],
    ['quote style', '打造“南京智能计算中心”', '打造"南京智能计算中心"'],
    ['whitespace', 'government  cloud\u3000platform', 'government cloud platform'],
    ['full-width digits', '１０１４家', '1014家'],
  ])('%s is folded by default and shown on request', (_what, a, b) => {
    const folded = diffTextPieces(a, b, opts());
    expect(folded.pieces.filter((p) => p.op !== 0 && p[p.op === 1 ? 'b' : 'a'].trim() !== '')).toEqual([]);
    // kept text keeps both spellings: b is still rebuilt as written
    expect(folded.pieces.map((p) => p.b).join('')).toBe(b);
    expect(changes(diffTexts(a, b, opts({ foldNoise: false })).ops).length).toBeGreaterThan(0);
  });
});

describe('never silently degraded', () => {
  it('says so when the deadline has passed, and the ops still rebuild both texts', () => {
    const a = Array.from({ length: 400 }, (_, k) => `第${k}段数字政府建设`).join('，');
    const b = Array.from({ length: 400 }, (_, k) => `第${k * 7}项政务云平台`).join('，');
    const r = diffTexts(a, b, opts({ deadline: Date.now() - 1 }));
    expect(r.degraded).toBe(true);
    expect(r.ops.filter(([op]) => op <= 0).map(([, t]) => t).join('')).toBe(a);
    expect(diffTexts(a, b, opts()).degraded).toBe(false);
  });

  it('says so when there are more distinct tokens than code units to map them to', () => {
    // 70,000 distinct characters from the CJK extension planes, in a different order on each side
    const chars = Array.from({ length: 70_000 }, (_, k) => String.fromCodePoint(0x20000 + k));
    const a = chars.join('');
    const b = chars.slice().reverse().join('');
    const r = diffTexts(a, b, opts({ granularity: 'char' }));
    expect(r.degraded).toBe(true);
    expect(r.ops).toEqual([[-1, a], [1, b]]);
  });
});

describe('rebuild', () => {
  const text = fc.array(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 5 }), fc.constantFrom('𠀀', '😀', '\ud800', '\udc00', '，', ',', '“', '"', ' ', '\u3000', '\n', '\u200b', '1014', '1,014', '的', '政府')),
    { maxLength: 12 },
  ).map((xs) => xs.join(''));

  it('ops rebuild a exactly, and b exactly (without folding) or as written through the kept spellings (with folding)', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom('char', 'word'), fc.boolean(), (a, b, granularity, foldNoise) => {
        const o = opts({ granularity, foldNoise });
        const { ops } = diffTexts(a, b, o);
        expect(ops.filter(([op]) => op <= 0).map(([, t]) => t).join('')).toBe(a);
        const { pieces } = diffTextPieces(a, b, o);
        expect(pieces.map((p) => p.a).join('')).toBe(a);
        expect(pieces.map((p) => p.b).join('')).toBe(b);
        if (!foldNoise) expect(ops.filter(([op]) => op >= 0).map(([, t]) => t).join('')).toBe(b);
        else expect(foldDisplay(ops.filter(([op]) => op >= 0).map(([, t]) => t).join('')).replace(/ /g, '')).toBe(foldDisplay(b).replace(/ /g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('tokens cover the text exactly', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('char', 'word'), (t, g) => {
        expect(tokenize(t, g, 'zh').join('')).toBe(t);
      }),
    );
  });
});
