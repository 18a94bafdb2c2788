// Bidi spoofing in the extension's own pages (issue 20): page-derived text (titles, site names,
// diff text) is shown inside an isolate (<bdi>, or an element with dir="auto"), so that a kept
// page titled "光明网原文 \u202E已核实 100% 原创" cannot reverse the extension's own words beside
// it. The components are rendered with Preact into a linkedom document: each piece of page text
// must sit in an isolating element, and the interface's words (relation, similarity, the remove
// button) outside every isolate.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Comparison, Match } from '../../src/core/types';
import type { DocInfo, UserCorpusStatus } from '../../src/messages';

const SPOOF = '光明网原文 \u202E已核实 100% 原创';
const SITE = '光明网\u202E';

const { document, window } = parseHTML('<!DOCTYPE html><html><body><div id="app"></div></body></html>');
const doc = document as unknown as Document;

/** The nearest isolating element around `node` (a <bdi>, or anything with a dir attribute), below `root`. */
function isolateOf(node: Node, root: Element): Element | null {
  for (let el = node.parentNode as Element | null; el && el !== root.parentNode; el = el.parentNode as Element | null) {
    if (el.localName === 'bdi' || el.hasAttribute?.('dir')) return el;
  }
  return null;
}

/** Every text node under `root` with the isolate that holds it (null: none). */
function texts(root: Element): Array<{ text: string; isolate: Element | null }> {
  const out: Array<{ text: string; isolate: Element | null }> = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      if ((n.nodeValue ?? '').trim() !== '') out.push({ text: n.nodeValue!, isolate: isolateOf(n, root) });
    } else n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** Asserts that every text node holding `page` (or part of it) is isolated, and `own` words are not. */
function expectIsolated(root: Element, page: string[], own: string[]): void {
  const all = texts(root);
  for (const p of page) {
    const holding = all.filter((x) => x.text.includes(p));
    expect(holding.length, `page text ${JSON.stringify(p)} shown`).toBeGreaterThan(0);
    for (const h of holding) {
      expect(h.isolate, `page text ${JSON.stringify(h.text)} isolated`).not.toBeNull();
      // the isolate holds page text only: nothing of the interface's own words shares it
      for (const o of own) expect(h.isolate!.textContent).not.toContain(o);
    }
  }
  for (const o of own) {
    const holding = all.filter((x) => x.text.includes(o));
    expect(holding.length, `own words ${JSON.stringify(o)} shown`).toBeGreaterThan(0);
    for (const h of holding) expect(h.isolate, `own words ${JSON.stringify(o)} outside every isolate`).toBeNull();
  }
}

let h: typeof import('preact').h;
let render: typeof import('preact').render;

beforeAll(async () => {
  vi.stubGlobal('window', window);
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', new URL('chrome-extension://x/popup.html?lang=en'));
  vi.stubGlobal('navigator', { language: 'en' });
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  ({ h, render } = await import('preact'));
});
afterAll(() => vi.unstubAllGlobals());

function mount(): Element {
  const el = doc.createElement('div');
  doc.body.appendChild(el);
  return el;
}

describe('page text is isolated in the extension pages', () => {
  it('version list: the title, the site and the via title, the relation and similarity outside', async () => {
    const { VersionList } = await import('../../src/ui/components/VersionList');
    const matches: Match[] = [
      { id: '900-kept', relation: 'reprint', similarity: 0.9, title: SPOOF, lang: 'zh' },
      { id: '901-via', relation: 'translation', similarity: 0.5, title: 'Translated', lang: 'en', via: '900-kept' },
    ];
    const docs = new Map<string, DocInfo>([
      ['900-kept', { id: '900-kept', title: SPOOF, site: SITE, date: '2022-04-25', lang: 'zh', url: null, origin: 'user' } as DocInfo],
    ]);
    const root = mount();
    render(h(VersionList, { matches, docs, selected: null, onSelect: () => undefined }), root);
    const item = root.querySelector('[data-testid="version"]')!;
    expect(item.textContent).toContain(SPOOF);
    expectIsolated(item, [SPOOF, SITE], ['reprint', '90% shared', 'yours']);
    // the via line: the interface's "via" outside, the page title inside
    const via = root.querySelectorAll('[data-testid="version"]')[1]!.querySelector('.via')!;
    expectIsolated(via, [SPOOF], []);
    expect(texts(via).some((x) => x.isolate === null)).toBe(true);
  });

  it('provenance names (clues, column labels): the site and title isolated in characters', async () => {
    const { entryName, ProvenanceLine } = await import('../../src/ui/components/Provenance');
    const entry = { id: '900-kept', site: SITE, date: '2022-04-25', title: SPOOF, lang: 'zh', page: false, role: 'original', clues: [] };
    expect(entryName(entry)).toBe(`\u2068${SITE}\u2069 · 2022-04-25`);
    expect(entryName({ ...entry, site: null, date: null })).toContain(`\u2068${SPOOF.slice(0, 24)}`);
    const root = mount();
    render(h(ProvenanceLine, { provenance: { original: '900-kept', timeline: [entry] } as never }), root);
    const text = root.textContent ?? '';
    // the override sits inside the isolate, which closes before the interface's words go on
    const open = text.indexOf('\u2068');
    expect(open).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('\u202E')).toBeGreaterThan(open);
    expect(text.indexOf('\u2069')).toBeGreaterThan(text.indexOf('\u202E'));
  });

  it('diff table: kept, deleted and inserted text and the header labels', async () => {
    const { DiffTable } = await import('../../src/ui/components/DiffTable');
    const comparison = {
      a: { id: '900-kept', title: SPOOF, lang: 'zh' },
      b: { id: 'page', title: 'page', lang: 'zh' },
      crossLanguage: false,
      similarity: 0.8,
      rows: [
        { kind: 'equal', a: SPOOF, b: SPOOF },
        { kind: 'changed', a: `${SPOOF}甲`, b: `${SPOOF}乙`, ops: [[0, SPOOF], [-1, '甲\u202E'], [1, '乙\u202E']] },
        { kind: 'deleted', a: `删${SPOOF}`, b: null },
        { kind: 'inserted', a: null, b: `增${SPOOF}` },
        { kind: 'moved', a: `移${SPOOF}`, b: `移${SPOOF}` },
      ],
      outside: { a: [], b: [] },
      edits: [],
      summary: {},
      degraded: false,
    } as unknown as Comparison;
    const root = mount();
    render(h(DiffTable, { comparison, labels: [SPOOF, 'This page'] }), root);
    const table = root.querySelector('[data-testid="diff"]')!;
    expectIsolated(table.querySelector('tbody')!, [SPOOF, '甲\u202E', '乙\u202E', `删${SPOOF}`, `增${SPOOF}`, `移${SPOOF}`], ['Moved:']);
    // a moved row says so in words to a screen reader; the arrow is for the eye only
    const moved = table.querySelector('tr.moved')!;
    expect(moved.querySelector('.move-mark')!.getAttribute('aria-hidden')).toBe('true');
    expect(moved.querySelector('.sr-only')!.textContent).toContain('Moved:');
    expectIsolated(table.querySelector('thead')!, [SPOOF], []);
    expect(table.querySelectorAll('del').length).toBe(2);
    expect(table.querySelectorAll('ins').length).toBe(2);
  });

  it('options list: the kept page title and its site, the Remove button outside', async () => {
    const mine: UserCorpusStatus = {
      docs: [{ id: '900-kept', title: SPOOF, site: SITE, date: '2022-04-25', lang: 'zh', url: 'https://example.com/a', origin: 'user' } as DocInfo],
    } as unknown as UserCorpusStatus;
    const bundled = { id: '000', title: SPOOF, site: SITE, date: '2022-04-25', lang: 'zh', url: null, origin: 'bundled' } as DocInfo;
    const pack = { id: 'pack-0123456789abcdef', name: SPOOF, description: SITE, articles: 2, languages: { zh: 2 }, dates: null, built: '2026-01-01T00:00:00Z', installed: '2026-01-02T00:00:00Z', size: 1000, enabled: true, problem: null };
    vi.doMock('../../src/messages', () => ({
      send: (name: string) => Promise.resolve(name === 'listDocs' ? [bundled, ...mine.docs] : name === 'userCorpus' ? mine : name === 'listPacks' ? [pack] : null),
    }));
    await import('../../src/ui/options');
    const app = doc.getElementById('app')!;
    await vi.waitFor(() => expect(app.querySelector('[data-testid="user-doc"]')).not.toBeNull());
    const row = app.querySelector('[data-testid="user-doc"]')!;
    expectIsolated(row, [SPOOF, SITE], ['Remove']);
    expectIsolated(app.querySelector('[data-testid="corpus-doc"]')!, [SPOOF, SITE], []);
    // an installed pack's name and description come from its file: isolated too
    await vi.waitFor(() => expect(app.querySelector('[data-testid="pack"]')).not.toBeNull());
    expectIsolated(app.querySelector('[data-testid="pack"]')!, [SPOOF, SITE], ['Remove']);
    // the button's label names the page in characters-isolated form
    const label = row.querySelector('button')!.getAttribute('aria-label')!;
    expect(label).toContain(`\u2068${SPOOF}\u2069`);
  });
});
