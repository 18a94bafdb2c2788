// Splitting text into paragraphs, sentences and words, for Chinese and English alike.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
const CJK_G = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/gu;

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

/** Number of Han characters in `text`. */
export function countHan(text: string): number {
  return text.match(CJK_G)?.length ?? 0;
}

/** Share of Han characters among the letters and Han characters of `text` (0 when it has none). */
export function hanRatio(text: string): number {
  const han = countHan(text);
  const latin = text.match(/\p{L}/gu)?.length ?? 0; // \p{L} includes Han too
  return latin === 0 ? 0 : han / latin;
}

/** Lines of text, trimmed, empty ones dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l.length > 0);
}

// A sentence ends at Chinese full stops, question and exclamation marks and semicolons (full or
// half width), or at an English ". " that is not a decimal point or a lone-capital abbreviation.
// Closing quotes and brackets that follow the mark stay with the sentence.
const SENTENCE_END = /([。！？；!?;]|\.(?=\s|$))([”’"'）)」』】〕]*)/gu;

/** Sentences of one paragraph; their concatenation is exactly `paragraph`. */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(paragraph); m; m = SENTENCE_END.exec(paragraph)) {
    const end = m.index + m[0].length;
    if (m[1] === '.') {
      // "U.S." or "e.g." or "No. 5": not an end when the word before is one capital or a known abbreviation
      const before = paragraph.slice(start, m.index);
      if (/(?:^|[\s.])(?:[A-Z]|Mr|Mrs|Ms|Dr|No|St|vs|etc|e\.g|i\.e)$/.test(before)) continue;
    }
    // take trailing spaces with the sentence so that pieces rebuild the paragraph
    let stop = end;
    while (stop < paragraph.length && /[\s\u3000]/.test(paragraph[stop]!)) stop++;
    if (stop > start) out.push(paragraph.slice(start, stop));
    start = stop;
    SENTENCE_END.lastIndex = stop;
  }
  if (start < paragraph.length) out.push(paragraph.slice(start));
  return out;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === 'zh' ? 'zh' : lang || 'en', { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Word segments covering the whole of `text` (spaces and punctuation are segments too), via Intl.Segmenter. */
export function splitWords(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter(lang).segment(text)) out.push(seg.segment);
  return out;
}

/** Code points of `text` (astral characters stay whole). */
export function splitChars(text: string): string[] {
  return Array.from(text);
}
