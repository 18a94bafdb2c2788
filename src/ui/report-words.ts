// The words of an exported report in the interface's language, built from the interface strings:
// the two sides are named for what they are to the reader ("the original", "this page", "the
// translation"), not a and b as on the command line.
import type { ReportWords } from '../core/report/words';
import type { Comparison, RowKind } from '../core/types';
import type { MessageKey } from './i18n';

export type Say = (key: MessageKey, ...values: Array<string | number>) => string;

/** First letter up for a sentence that opens with a side's name (English only; Chinese has no case). */
const opening = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The name of each side of `c`: the side without a corpus id is the page the reader is on. */
export function sideNames(c: Comparison, say: Say): [string, string] {
  const a = c.a.id ? say('reportOriginal') : say('reportThisPage');
  const b = !c.b.id ? say('reportThisPage') : c.crossLanguage ? say('reportTranslation') : say('reportVersion');
  return [a, b === a ? `${b} (2)` : b];
}

export function reportWords(c: Comparison, say: Say, lang: 'en' | 'zh'): ReportWords {
  const sides = sideNames(c, say);
  return {
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    sides,
    heading: say('reportHeading'),
    summary: (kept, deleted, inserted, similarity) => opening(say('reportSummary', sides[1], kept, sides[0], deleted, inserted, similarity)),
    degraded: say('degraded'),
    edits: (n) => (n === 1 ? say('reportEditsOne') : say('reportEdits', n)),
    edit: (type) => say(`edit_${type.replace(/-/g, '_')}` as MessageKey),
    sideBySide: say('reportSideBySide'),
    rows: say('reportRows'),
    legend: say('reportLegend'),
    row: (kind: RowKind) => say(`reportRow_${kind}`),
    moved: (from, to) => say('reportMoved', from, sides[0], to, sides[1]),
    outside: say('reportOutside'),
    outsideNote: say('reportOutsideNote'),
    warning: say('reportWarning'),
    rowRef: (n) => say('reportRowRef', n),
    title: (a, b) => say('reportTitle', a, b),
    outsideOf: (side, n) => opening(n === 0 ? say('reportOutsideNothing', side) : n === 1 ? say('reportOutsideOne', side) : say('reportOutsideOf', side, n)),
  };
}
