// A corpus's own stock text (src/core/index/stock-count.ts): what recurs across its articles month after
// month stops being evidence, while a story carried by many outlets in one week stays evidence.
import { describe, expect, it } from 'vitest';
import { compileDocs } from '../../src/corpus/compile';
import { loadCorpus } from '../../src/corpus/load';
import type { CorpusDoc } from '../../src/corpus/types';
import { findVersions } from '../../src/core/match/find-versions';
import { corpusStockWindows } from '../../src/core/index/stock-count';
import { corpusDoc } from '../fixtures/translation/corpus';

// A notice template of a kind no shipped table lists: the slots (name, office, district, date,
// figures) differ, the form does not.
const notice = (name: string, office: string, district: string, date: string, n: number): string[] => [
  `${date}，青禾市${district}智慧政务服务中心通报，${office}${name}在推进一网通办改造项目中擅自变更数据接口规范并拖延整改，致使${n}项便民事项的线上办理中断超过七十二小时。`,
  `经青禾市数据治理委员会研究决定，依照该市政务数据共享与开放管理办法第四十二条及配套实施细则的规定，给予${name}通报批评，责令所在单位在十五个工作日内完成接口恢复与回溯核查，并将核查报告报送市大数据资源管理局备案。`,
  `通报要求全市各级政务服务单位引以为戒，严格执行数据接口变更双人复核和灰度发布制度，凡涉及群众办事系统的调整须提前七日公示并准备回退方案，切实保障${district}群众和企业办事不断线不跑腿。`,
];

const doc = (id: string, published: string, paragraphs: string[]): CorpusDoc => ({ ...corpusDoc('000'), id, title: id, published, paragraphs, appended: [], sourceLines: [] });

const siblings = [
  doc('n1', '2024-02-03', notice('李建国', '系统运维科科长', '东城区', '2月3日', 12)),
  doc('n2', '2024-05-11', notice('王海燕', '数据管理处副处长', '西湖区', '5月11日', 7)),
  doc('n3', '2024-09-20', notice('赵明远', '信息中心主任', '南山区', '9月20日', 31)),
  doc('n4', '2025-01-08', notice('孙立新', '网络安全科科员', '北塘区', '1月8日', 5)),
];

describe('corpus stock text', () => {
  it('lists a template that returns in three or more months, and not a story carried in one week', () => {
    const texts = siblings.map((d) => ({ text: d.paragraphs.join('\n'), published: d.published }));
    expect(corpusStockWindows(texts).length).toBeGreaterThan(50);
    // the same notices, all in one week: copies of one story, whose text must stay evidence
    const week = texts.map((t, i) => ({ ...t, published: `2024-02-0${3 + i}` }));
    expect(corpusStockWindows(week)).toEqual([]);
    // no dates: nothing can be told apart, so nothing is listed
    expect(corpusStockWindows(texts.map((t) => ({ ...t, published: null })))).toEqual([]);
  });

  it('keeps template siblings from being related, in the corpus and for a page', () => {
    const compiled = compileDocs(siblings);
    expect(compiled.index.stock?.windows).toBeGreaterThan(50);
    expect(compiled.index.relations).toEqual([]);
    const corpus = loadCorpus(compiled.index, () => compiled.texts);
    const page = { title: 'x', lang: 'zh', paragraphs: notice('周文斌', '政务服务科副科长', '临江区', '3月14日', 9) };
    expect(findVersions(page, corpus)).toEqual([]);
    // without the corpus's own table the same siblings relate to each other
    const { stock: _drop, ...bare } = compiled.index;
    const without = compileDocs(siblings.map((d) => ({ ...d, published: null })));
    expect(without.index.stock).toBeUndefined();
    expect(without.index.relations.length).toBeGreaterThan(0);
    expect(findVersions(page, loadCorpus(bare, () => compiled.texts)).length).toBeGreaterThan(0);
  });

  it('still finds a real reprint of one of them', () => {
    const compiled = compileDocs(siblings);
    const corpus = loadCorpus(compiled.index, () => compiled.texts);
    const reprint = { title: 'x', lang: 'zh', paragraphs: siblings[1]!.paragraphs.slice(0, 2) };
    const found = findVersions(reprint, corpus);
    expect(found[0]?.id).toBe('n2');
    expect(found[0]?.relation).toBe('reprint');
  });
});
