// The three-column table of the full view on the corpus family: 000 (original) | 002 (edited
// reprint) | 001 (English translation). Every translation row is shown exactly once, beside the
// reprint row holding the same original paragraph; the plan picks the page's own column.
import { describe, expect, it } from 'vitest';
import { compareAny, type VersionText } from '../../src/core/compare/compare-any';
import { PAGE_ID, provenance, type VersionFacts } from '../../src/core/compare/provenance';
import { planThreeWay, threeRowChanged, threeRowOf, threeWayRows } from '../../src/ui/three-way';
import { corpusDoc, corpusLexicon } from '../fixtures/translation/corpus';

function version(short: string): VersionText {
  const d = corpusDoc(short);
  return { id: short, title: d.title, lang: d.lang, paragraphs: d.paragraphs, appended: d.appended.flatMap((p) => p.paragraphs), sourceLines: d.sourceLines };
}
const same = compareAny(version('000'), version('002'), {}, null);
const trans = compareAny(version('000'), version('001'), {}, corpusLexicon());
const rows = threeWayRows(same, trans);

describe('threeWayRows on 000 | 002 | 001', () => {
  it('shows every row of both comparisons exactly once', () => {
    expect(rows.flatMap((r) => (r.same === null ? [] : [r.same]))).toEqual(same.rows.map((_, i) => i));
    expect(rows.flatMap((r) => r.trans).sort((x, y) => x - y)).toEqual(trans.rows.map((_, i) => i));
  });

  it.each([
    ['南京作为长三角', 'Nanjing'],
    ['山东是第一家省级政府', 'Shandong'],
    ['北京城市副中心政务服务中心', 'Beijing'],
  ])('puts the translation of “%s…” beside it', (zh, en) => {
    const row = rows.find((r) => r.same !== null && same.rows[r.same]!.a?.startsWith(zh))!;
    expect(row.trans.map((k) => trans.rows[k]!.b ?? '').join(' ')).toContain(en);
  });

  it('marks the row with the 80亿亿 / 8 billion disagreement as changed and finds its edit’s row', () => {
    const edit = trans.edits.find((e) => e.type === 'number-mismatch')!;
    const at = threeRowOf(rows, 'trans', edit.row!)!;
    expect(threeRowChanged(rows[at]!, same, trans)).toBe(true);
    expect(same.rows[rows[at]!.same!]!.a).toContain('80亿亿');
  });

  it('leaves an unchanged passage unchanged in all three columns', () => {
    const row = rows.find((r) => r.same !== null && same.rows[r.same]!.a === '智能政务让“数据多跑路、群众少跑腿”')!;
    expect(threeRowChanged(row, same, trans)).toBe(false);
  });
});

describe('planThreeWay', () => {
  const facts = (short: string, page = false): VersionFacts => {
    const d = corpusDoc(short);
    return { id: short, title: d.title, site: d.siteName, date: d.published, lang: d.lang, originalTitle: d.originalTitle, declaredSource: d.declaredSource, page };
  };
  it.each([
    ['the reprint', '002', ['000', '002', '001']],
    ['the translation', '001', ['000', '002', '001']],
    ['the original', '000', ['000', '002', '001']],
  ])('on a page that is %s, shows original | version | translation with the page in its column', (_, page, order) => {
    const p = provenance(['000', '001', '002'].map((k) => facts(k, k === page)), [{ a: '000', b: '002', aInB: 0.88, bInA: 0.98 }]);
    const plan = planThreeWay(p)!;
    expect([plan.original.id, plan.version.id, plan.translation.id]).toEqual(order);
    expect([plan.original, plan.version, plan.translation].find((e) => e.page)!.id).toBe(page);
  });
  it('has no plan without a translation, or when the original is a page outside the corpus', () => {
    expect(planThreeWay(provenance([facts('000'), facts('002')], [{ a: '000', b: '002', aInB: 0.88, bInA: 0.98 }]))).toBeNull();
    const page: VersionFacts = { ...facts('000', true), id: PAGE_ID };
    expect(planThreeWay(provenance([page, facts('001'), facts('002')], [{ a: PAGE_ID, b: '002', aInB: 0.88, bInA: 0.98 }]))).toBeNull();
  });
});
