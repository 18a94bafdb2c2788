// Which language a text is written in, as an ISO 639-1 code.
// Scripts decide first (Han text is Chinese unless kana make it Japanese; Hangul is Korean);
// franc's trigram model decides among Latin and Cyrillic languages, restricted to the languages
// we map, so that English is not reported as Scots. The page's declared language is used when the
// text is too short to judge or franc's top two guesses are close and the hint is one of them.
import { francAll } from 'franc';
import type { Lang } from '../types';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en', cmn: 'zh', jpn: 'ja', kor: 'ko', fra: 'fr', deu: 'de', spa: 'es', por: 'pt',
  ces: 'cs', slk: 'sk', ita: 'it', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl', tur: 'tr',
  vie: 'vi', ind: 'id', zlm: 'ms', tha: 'th', arb: 'ar', pes: 'fa', heb: 'he', hin: 'hi',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', hun: 'hu', ron: 'ro', ell: 'el', bul: 'bg',
  hrv: 'hr', srp: 'sr', slv: 'sl', cat: 'ca', glg: 'gl', lit: 'lt', lvs: 'lv', ekk: 'et',
};
const CANDIDATES = Object.keys(ISO3_TO_1);

/** Below this many letters franc's guess is noise and the hint (if any) is trusted. */
const MIN_LETTERS = 40;
/** Franc scores are normalised to the best (1); a runner-up above this is "unsure". */
const CLOSE = 0.97;
/** Franc reads at most this much; it looks only at the start anyway, keep the work bounded. */
const SAMPLE = 4000;

/** 'zh-CN' -> 'zh', 'en_US' -> 'en', '' -> null. */
export function normalizeLangTag(tag: string | null | undefined): Lang | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag ?? '');
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  return code.length === 3 ? (ISO3_TO_1[code] ?? code) : code;
}

export function detectLanguage(text: string, hint?: string | null): Lang {
  const hinted = normalizeLangTag(hint);
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let letters = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f)) han++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) hangul++;
    else if (/\p{L}/u.test(ch)) letters++;
  }
  const cjk = han + kana + hangul;
  // one CJK character carries about as much as a Latin word; compare against letters / 4
  if (cjk > 0 && cjk * 4 >= letters) {
    if (hangul > han + kana) return 'ko';
    // Japanese text mixes kana in almost every sentence; Chinese pages quote the odd Japanese name
    if (kana >= 0.2 * (han + kana) || (kana > 0 && hinted === 'ja')) return 'ja';
    return 'zh';
  }
  if (letters < MIN_LETTERS) return hinted ?? (letters === 0 && cjk === 0 ? 'und' : 'en');
  const ranked = francAll(sample, { only: CANDIDATES, minLength: 1 });
  const best = ranked[0];
  if (!best || best[0] === 'und') return hinted ?? 'und';
  const top = ISO3_TO_1[best[0]] ?? 'und';
  if (hinted && hinted !== top) {
    const hintedScore = ranked.find(([code]) => ISO3_TO_1[code] === hinted)?.[1] ?? 0;
    if (hintedScore >= CLOSE) return hinted;
  }
  return top;
}
