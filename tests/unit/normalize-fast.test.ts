// foldForMatch, foldDisplay and toSimplified take fast paths (a per-character cache, no dictionary walk for text
// without CJK characters). Matching must not notice: the folded text and its offset map are checked
// against the plain per-code-point rule they replaced, on the corpus, on the 30 real pages and on
// random strings full of the characters that fold in unusual ways.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { foldDisplay, foldForMatch, toSimplified } from '../../src/core/text/normalize';
import { decodeHtml } from '../../src/cli/html';

const SHARED = path.resolve(__dirname, '../../../shared');

// ---- the rule as first written, one code point at a time (the specification)
const t2s = Converter({ from: 't', to: 'cn' });
function referenceSimplified(text: string): string {
  const out = t2s(text);
  if (out.length === text.length) return out;
  let s = '';
  for (const ch of text) {
    const c = t2s(ch);
    s += c.length === ch.length ? c : ch;
  }
  return s;
}
const QUOTES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"',
  '\u300c': '"', '\u300d': '"', '\u300e': '"', '\u300f': '"', '\u301d': '"', '\u301e': '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
};
const SPACE = /[\s\u00a0\u3000]/u;
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SOFT = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0\u180b-\u180d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;
function referenceFold(text: string): { text: string; map: number[] } {
  // matching keys read the Taiwan-standard particle 著 as 着 (see toSimplifiedKey)
  const simp = referenceSimplified(text).replace(/著/g, '着');
  // web addresses are skipped whole, as a word break
  const inUrl = new Uint8Array(simp.length);
  for (const m of simp.matchAll(/(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/giu)) inUrl.fill(1, m.index, m.index + m[0].length);
  const chars: string[] = [];
  const pos: number[] = [];
  let gap = false;
  let prevWord = false;
  let i = 0;
  for (const ch of simp) {
    const at = i;
    i += ch.length;
    if (inUrl[at]) {
      gap = true;
      continue;
    }
    if (SOFT.test(ch)) continue; // invisible: dropped without a word break
    if (SPACE.test(ch)) {
      gap = true;
      continue;
    }
    const n = (QUOTES[ch] ?? ch.normalize('NFKC')).toLowerCase();
    for (const c of n) {
      if (PUNCT_OR_SYMBOL.test(c) || SPACE.test(c)) {
        gap = true;
        continue;
      }
      const word = !HAN.test(c);
      if (gap && prevWord && word) {
        chars.push(' ');
        pos.push(at);
      }
      chars.push(c);
      for (let k = 0; k < c.length; k++) pos.push(at);
      gap = false;
      prevWord = word;
    }
  }
  const folded = chars.join('');
  return { text: folded, map: [...pos, text.length] };
}

// display: each code point becomes its compatibility form with that form's own quotes and soft
// characters folded too, and every space in the result (the text's or the form's) follows one rule
function referenceDisplay(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    const form = QUOTES[ch] ?? [...ch.normalize('NFKC')].map((c) => QUOTES[c] ?? c).join('');
    for (const c of SOFT.test(ch) ? '' : form) {
      if (SOFT.test(c)) continue;
      if (SPACE.test(c)) {
        space = true;
        continue;
      }
      if (space && out.length > 0) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

function expectSameFold(text: string): void {
  expect(foldDisplay(text)).toBe(referenceDisplay(text));
  const fast = foldForMatch(text);
  const ref = referenceFold(text);
  expect(fast.text).toBe(ref.text);
  expect(Array.from(fast.map)).toEqual(ref.map);
}

const corpusDir = path.join(SHARED, 'corpus');
const realworldDir = path.join(SHARED, 'realworld');
const realworld = (JSON.parse(readFileSync(path.join(realworldDir, 'labels.json'), 'utf8')) as Array<{ name: string }>).map((l) => l.name);

describe('foldForMatch and foldDisplay fast paths', () => {
  it.each(readdirSync(corpusDir))('folds corpus file %s exactly as the per-character rule', (name) => {
    expectSameFold(readFileSync(path.join(corpusDir, name), 'utf8'));
  });

  it.each(realworld)('folds the real page %s exactly as the per-character rule', (name) => {
    // the page source, markup and all: scripts, entities and every script system the page uses
    const { html } = decodeHtml(readFileSync(path.join(realworldDir, name, 'source.html')));
    expectSameFold(html.slice(0, 60_000));
  });

  // characters whose folding is not one kept character: NFKC expansions (㎞ ﬁ ½ ① ㈱), lower
  // casing that grows (İ), astral Han, lone surrogates, soft and zero-width characters, width forms
  const TRICKY = [...'İΣς㎞ﬁ½①㈱％ＡＢｃ１２，。「」『』“”‘’`\u00ad\u200b\ufeff\u3000\u00a0 \n\t.-—…·《》國說為们AbZ09é\u0301ß\ud800\udc00\udfff'];
  const pieces = fc.oneof(
    fc.constantFrom(...TRICKY),
    fc.constantFrom('𠀋', '𪚥', '😀', 'Ｔｅｓｔ', '數位政府', '數字政府建設', 'Hello World', '1,014'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  );
  it('folds random mixed text exactly as the per-character rule', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => expectSameFold(parts.join(''))),
      { numRuns: 400 },
    );
  });
});

describe('toSimplified, which skips text holding no dictionary entry', () => {
  it.each(realworld)('converts the page %s as the converter does', (name) => {
    const { html } = decodeHtml(readFileSync(path.join(realworldDir, name, 'source.html')));
    const text = html.slice(0, 60_000);
    expect(toSimplified(text)).toBe(referenceSimplified(text));
  });

  // every source of the t2cn dictionaries, one- and many-character, as pieces of random text
  const t2s = (Locale as unknown as { configs: Record<string, { normalizationChain: unknown; conversionChain: unknown }> }).configs.t2s!;
  const sources = [t2s.normalizationChain, t2s.conversionChain].flat(3).flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]!) : []));
  const phrases = sources.filter((x) => [...x].length > 1);
  it('knows the dictionaries: hundreds of phrases, thousands of characters', () => {
    expect(phrases.length).toBeGreaterThan(300);
    expect(sources.length).toBeGreaterThan(3000);
  });
  it('converts random text of Simplified, Traditional, phrase entries and their fragments as the converter does', () => {
    const piece = fc.oneof(
      fc.constantFrom(...sources),
      fc.constantFrom(...phrases).map((p) => p.slice(0, Math.max(1, p.length - 1))), // a phrase cut short
      fc.constantFrom('数字政府', '建设', '乾', '干', '么', '面', '里', '后', '发', '台', '𠀋', 'AI', '，', ' '),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(toSimplified(text)).toBe(referenceSimplified(text));
    }), { numRuns: 1000 });
  });
  it('returns Simplified text as it is, without a conversion', () => {
    const text = readFileSync(path.join(__dirname, '../../assets/corpus/000_3e0ed82598e826fe.txt'), 'utf8');
    expect(toSimplified(text)).toBe(text);
    expect(referenceSimplified(text)).toBe(text);
  });
});
