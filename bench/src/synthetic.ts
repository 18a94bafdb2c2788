// Synthetic articles, made deterministically (seeded) from real text, for measuring matching at
// 1,000 to 100,000 articles.
//
// Text: a first-order Markov chain per language, trained on the real-world pages' extracted
// articles (characters for Chinese and Japanese, words for the rest), that restarts from the
// language's character or word frequencies often (RESTART). The text has the right script,
// character frequencies, punctuation and paragraph shapes, but no passage of 10 characters or
// 5 words in common with any other article beyond chance, as real unrelated articles have none.
// Digits are drawn at random so that figures (the translation anchors) are not shared by every
// article either. The corpus articles are not training text: no synthetic article may quote them.
//
// Planted versions: edited reprints (sentences dropped, a qualifier cut, a figure changed,
// punctuation retyped, site clutter before and after, sometimes an unrelated article appended)
// and excerpts (one or two quoted passages of 60-200 characters inside a synthetic article) of the
// corpus articles, so that recall at scale is measured.
import type { CorpusDoc } from '../../src/corpus/types';
import { splitSentences } from '../../src/core/text/segment';
import { tokenSpans } from '../../src/core/index/fingerprint';
import { foldForMatch } from '../../src/core/text/normalize';
import type { RealPage } from './sources';
import { Rng } from './prng';

interface Chain {
  /** Successors of each token, repeated by frequency. */
  next: Map<string, string[]>;
  /** All tokens in order, for restarts by frequency. */
  all: string[];
  /** Tokens are characters (joined without spaces) or words. */
  chars: boolean;
}

const CHAR_LANGS = new Set(['zh', 'ja']);

function train(texts: string[], chars: boolean): Chain {
  const next = new Map<string, string[]>();
  const all: string[] = [];
  for (const t of texts) {
    const tokens = chars ? Array.from(t.replace(/\s+/g, '')) : t.split(/\s+/).filter((w) => w.length > 0);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]!;
      all.push(tok);
      if (i + 1 < tokens.length) {
        const list = next.get(tok);
        if (list) list.push(tokens[i + 1]!);
        else next.set(tok, [tokens[i + 1]!]);
      }
    }
  }
  return { next, all, chars };
}

// Restart rates: with rarer restarts, deterministic stretches of the training text (names, rare
// words with one successor) recur across articles and make them share 10-character or 5-word runs,
// which unrelated real articles almost never do; word chains, trained on less text, need more.
const RESTART = { chars: 0.4, words: 0.6 };
const FIGURE = /[0-9]+/g;
/**
 * A random figure of 2-6 digits. Copying the training text's figures (or drawing two-digit ones)
 * made every synthetic article share five or more figures with hundreds of others, which real
 * articles do not (see anchorOverlap); translation candidates are found through shared figures.
 */
function figure(rng: Rng): string {
  let s = String(rng.int(1, 9));
  for (let k = rng.int(1, 5); k > 0; k--) s += String(rng.int(0, 9));
  return s;
}

/** Generated text of about `size` visible characters. */
function generate(chain: Chain, rng: Rng, size: number): string {
  const out: string[] = [];
  let len = 0;
  let prev: string | null = null;
  while (len < size) {
    const succ = prev === null ? undefined : chain.next.get(prev);
    const tok: string = succ && !rng.chance(chain.chars ? RESTART.chars : RESTART.words) ? rng.pick(succ) : rng.pick(chain.all);
    out.push(tok);
    len += tok.length;
    prev = tok;
  }
  return out.join(chain.chars ? '' : ' ').replace(FIGURE, (f) => (f.length === 1 ? String(rng.int(0, 9)) : figure(rng)));
}

export interface Language {
  lang: string;
  chain: Chain;
  /** Share of the synthetic articles in this language. */
  weight: number;
}

const MIN_TRAINING = 1000;

/**
 * One chain per language of the real-world articles that has enough text (MIN_TRAINING tokens). Weights: Chinese 55%, English 30%, the rest
 * (Japanese and the European languages) 15%, roughly what a Chinese/English news reader meets.
 */
export function languages(pages: RealPage[]): Language[] {
  const groups = new Map<string, string[]>();
  for (const p of pages) {
    if (!p.isArticle) continue; // an encyclopedia page or a product page is not news text
    const lang = p.lang.slice(0, 2).toLowerCase();
    const list = groups.get(lang) ?? [];
    list.push(...p.article.paragraphs);
    groups.set(lang, list);
  }
  // a chain trained on one short page repeats itself: runs of 5 words recur across articles
  for (const [lang, texts] of groups) if (train(texts, CHAR_LANGS.has(lang)).all.length < MIN_TRAINING) groups.delete(lang);
  const others = [...groups.keys()].filter((l) => l !== 'zh' && l !== 'en');
  return [...groups.entries()].map(([lang, texts]) => ({
    lang,
    chain: train(texts, CHAR_LANGS.has(lang)),
    weight: lang === 'zh' ? 0.55 : lang === 'en' ? 0.3 : 0.15 / others.length,
  }));
}

function pickLanguage(langs: Language[], rng: Rng): Language {
  let x = rng.next();
  for (const l of langs) {
    x -= l.weight;
    if (x < 0) return l;
  }
  return langs[langs.length - 1]!;
}

/** Paragraphs of about `size` characters in all (word languages: about size/6 words' worth). */
function paragraphs(chain: Chain, rng: Rng, size: number): string[] {
  const out: string[] = [];
  let left = size;
  while (left > 0) {
    const p = Math.min(left, rng.int(chain.chars ? 60 : 200, chain.chars ? 400 : 1200));
    out.push(generate(chain, rng, p));
    left -= p;
  }
  return out;
}

function doc(id: string, lang: string, title: string, paras: string[], appended: CorpusDoc['appended'] = []): CorpusDoc {
  return {
    id,
    title,
    titleDerived: false,
    byline: null,
    siteName: null,
    published: null,
    url: null,
    lang,
    paragraphs: paras,
    sourceLines: [],
    originalTitle: null,
    declaredSource: null,
    appended,
    format: 'plain',
  };
}

/** Visible length of a synthetic article: log-uniform over 500-6,000 characters (median ~1,700). */
function articleSize(rng: Rng, chars: boolean): number {
  const size = rng.logUniform(500, 6000);
  return chars ? size : Math.round(size * 2.5); // a word-language article of the same content has ~2.5x the characters
}

/** The `i`-th synthetic article (any i: the same article every time, independent of the others). */
export function syntheticArticle(langs: Language[], seed: number, i: number): CorpusDoc {
  const rng = new Rng(seed, 1, i);
  const l = pickLanguage(langs, rng);
  const title = generate(l.chain, rng, l.chain.chars ? rng.int(12, 28) : rng.int(40, 90)).replace(/[\s\p{P}]+$/u, '');
  return doc(`syn_${String(i).padStart(6, '0')}`, l.lang, title, paragraphs(l.chain, rng, articleSize(rng, l.chain.chars)));
}

// ---------------------------------------------------------------- planted versions

export type PlantKind = 'reprint' | 'excerpt';

export interface Plant {
  doc: CorpusDoc;
  source: string;
  kind: PlantKind;
}

function chainFor(langs: Language[], lang: string): Chain {
  return (langs.find((l) => l.lang === lang.slice(0, 2)) ?? langs.find((l) => l.lang === 'en')!).chain;
}

const FULL_WIDTH: Record<string, string> = { '，': ',', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?' };

/** A site's edit of a sentence list: a qualifier cut, a figure changed, punctuation retyped. */
function editSentences(sents: string[], rng: Rng): string[] {
  const out = [...sents];
  // cut 2-4 characters (a qualifier such as 全球领先的) inside three sentences
  for (let k = 0; k < 3; k++) {
    const i = rng.int(0, out.length - 1);
    const s = out[i]!;
    if (s.length < 20) continue;
    const at = rng.int(5, s.length - 10);
    out[i] = s.slice(0, at) + s.slice(at + rng.int(2, 4));
  }
  // change one figure
  const withNumber = out.findIndex((s) => /\d/.test(s));
  if (withNumber >= 0) out[withNumber] = out[withNumber]!.replace(/\d/, (d) => String((Number(d) + 1) % 10));
  // half-width punctuation in some sentences
  return out.map((s) => (rng.chance(0.3) ? s.replace(/[，：；（）！？]/g, (c) => FULL_WIDTH[c] ?? c) : s));
}

/** An edited reprint: 10-25% of the sentences dropped (at least two), edits, clutter, maybe an appended article. */
function reprint(source: CorpusDoc, chain: Chain, rng: Rng, id: string): CorpusDoc {
  const dropShare = 0.1 + rng.next() * 0.15;
  const sentences = source.paragraphs.map((p) => splitSentences(p));
  const total = sentences.reduce((s, p) => s + p.length, 0);
  const drop = new Set<number>();
  while (drop.size < Math.max(2, Math.round(total * dropShare))) drop.add(rng.int(0, total - 1));
  let n = 0;
  const body: string[] = [];
  for (const sents of sentences) {
    const kept = sents.filter(() => !drop.has(n++));
    if (kept.length > 0) body.push(editSentences(kept, rng).join(''));
  }
  const short = chain.chars ? [8, 30] : [20, 80];
  const clutter = (k: number): string[] => Array.from({ length: k }, () => generate(chain, rng, rng.int(short[0]!, short[1]!)));
  const paras = [...clutter(rng.int(1, 3)), ...body, ...clutter(rng.int(1, 2))];
  const appended = rng.chance(0.5) ? [{ title: generate(chain, rng, 20), paragraphs: paragraphs(chain, rng, rng.int(500, 1500)), sourceLines: [] }] : [];
  // the site shows the appended article as more body text: that is what a page carries
  const pageParas = [...paras, ...appended.flatMap((a) => [a.title, ...a.paragraphs])];
  return doc(id, source.lang, source.title, pageParas);
}

/** A passage of 60-200 tokens (Chinese: characters) or 40-90 words (English): consecutive whole sentences of one paragraph. */
function quotation(source: CorpusDoc, rng: Rng, chars: boolean): string | null {
  // counted as the matcher counts (tokens of the matching fold: a Han character, a Latin word or
  // figure), so that a quotation is at least the 60 tokens (40 words) an excerpt needs
  const size = (s: string): number => tokenSpans(foldForMatch(s).text).starts.length;
  const [min, max] = chars ? [60, 200] : [40, 90];
  for (let tries = 0; tries < 50; tries++) {
    const sents = splitSentences(rng.pick(source.paragraphs));
    const from = rng.int(0, sents.length - 1);
    let q = '';
    for (let i = from; i < sents.length && size(q) < min; i++) q += sents[i];
    if (size(q) >= min && size(q) <= max) return q;
  }
  return null;
}

/** An excerpt: a synthetic article in the source's language quoting one or two passages of it. */
function excerpt(source: CorpusDoc, chain: Chain, rng: Rng, id: string): CorpusDoc {
  const host = paragraphs(chain, rng, rng.int(800, 2500) * (chain.chars ? 1 : 3));
  const quotes = rng.int(1, 2);
  for (let k = 0; k < quotes; k++) {
    const q = quotation(source, rng, chain.chars);
    if (q === null) throw new Error(`no quotable passage in ${source.id}`);
    const at = rng.int(1, host.length);
    host.splice(at, 0, chain.chars ? `“${q}”` : `"${q.trim()}"`);
  }
  return doc(id, source.lang, generate(chain, rng, chain.chars ? 20 : 60), host);
}

/**
 * `perKind` reprints and `perKind` excerpts of each of the given corpus articles, ids
 * plant_<source>_<kind>_<n>.
 */
export function plants(sources: CorpusDoc[], langs: Language[], seed: number, perKind: number): Plant[] {
  const out: Plant[] = [];
  for (const source of sources) {
    const chain = chainFor(langs, source.lang);
    for (const kind of ['reprint', 'excerpt'] as const) {
      for (let n = 0; n < perKind; n++) {
        const rng = new Rng(seed, 2, out.length);
        const id = `plant_${source.id.slice(0, 3)}_${kind}_${n}`;
        out.push({ doc: kind === 'reprint' ? reprint(source, chain, rng, id) : excerpt(source, chain, rng, id), source: source.id, kind });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- long comparison pairs

/**
 * A long Chinese article of about `size` characters and an edited version of it, edited as a site
 * edits a reprint: 30% of the paragraphs edited (a tenth of their sentences dropped, sometimes a
 * sentence added, qualifiers cut, a figure changed, punctuation retyped), 2% dropped, 2% new ones
 * inserted; the rest kept as they are.
 */
export function longPair(langs: Language[], seed: number, size: number): { a: string[]; b: string[] } {
  const rng = new Rng(seed, 3);
  const chain = chainFor(langs, 'zh');
  const a = paragraphs(chain, rng, size);
  const b: string[] = [];
  for (const p of a) {
    if (rng.chance(0.02)) b.push(generate(chain, rng, rng.int(60, 300)));
    if (rng.chance(0.02)) continue;
    if (!rng.chance(0.3)) {
      b.push(p);
      continue;
    }
    const sents = splitSentences(p).filter(() => !rng.chance(0.1));
    if (rng.chance(0.2)) sents.splice(rng.int(0, sents.length), 0, generate(chain, rng, rng.int(15, 50)) + '。');
    if (sents.length > 0) b.push(editSentences(sents, rng).join(''));
  }
  return { a, b };
}
