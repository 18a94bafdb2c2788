// The precheck that runs on every page: candidate on pages that carry the corpus articles, not on
// (almost all) ordinary pages, and a sample that stays bounded whatever the page size.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import fc from 'fast-check';
import { precheck } from '../../src/core/topic/precheck';
import {
  CORE_TERMS_EN,
  FIELD_TERMS_EN,
  CORE_TERMS_ZH,
  CORE_TERMS_ZH_TRADITIONAL,
  findTerms,
  findTermsByPart,
  PRECHECK_NEEDLES,
  precheckNeedles,
  termRegex,
  type TermHit,
} from '../../src/core/topic/terms';
import { mayAddText, takeSample } from '../../src/extract/in-page/sample';
import { corpusArticle, corpusPage, corpusStems, labels, realworldDoc } from './extract-fixtures';

const check = (html: string) => precheck(takeSample(parseHtml(html)));

describe('pages carrying corpus articles are candidates', () => {
  it.each(corpusStems)('%s rendered as a page', (stem) => {
    const v = check(corpusPage(stem));
    expect(v.candidate, v.reasons.join('; ')).toBe(true);
  });

  const pagesDir = path.resolve(__dirname, '../fixtures/pages');
  const fixtures = readdirSync(pagesDir).filter((f) => /^(original|reprint|translation)-.*\.html$/.test(f));
  it.each(fixtures)('fixture %s', (file) => {
    expect(check(readFileSync(path.join(pagesDir, file), 'utf8')).candidate).toBe(true);
  });
});

describe('ordinary pages are not', () => {
  const verdicts = labels.map((l) => [l.name, precheck(takeSample(realworldDoc(l.name)))] as const);

  it('at most 3 of the 30 real-world pages are candidates', () => {
    const candidates = verdicts.filter(([, v]) => v.candidate).map(([name, v]) => `${name}: ${v.reasons.join('; ')}`);
    console.log(`real-world candidates: ${candidates.length} of ${verdicts.length}${candidates.length ? `\n  ${candidates.join('\n  ')}` : ''}`);
    expect(candidates.length).toBeLessThanOrEqual(3);
  });

  it('says why a page is not a candidate', () => {
    for (const [, v] of verdicts) expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('a portal whose navigation links to 数字政府 and 智慧城市 but whose story is about football is not a candidate', () => {
    const nav = ['数字政府', '智慧城市', '政务服务', '电子政务', '一网通办'].map((t) => `<a href="/${t}">${t}</a>`).join(' | ');
    const html = `<html><head><title>主队主场二比一取胜_体育频道</title></head><body><div class="nav">${nav}</div>
      <div class="content"><p>昨晚的比赛中，主队凭借下半场的两粒进球逆转取胜，球迷在看台上欢呼了整整十分钟。</p>
      <p>主教练赛后表示，球队的防守还需要加强，下一轮将客场挑战联赛领头羊。</p></div></body></html>`;
    expect(check(html).candidate).toBe(false);
  });
});

describe('the sample', () => {
  it('collects at most maxChars of text, starting with the article', () => {
    const para = '<p>Sports results and weather for the weekend, nothing about government at all.</p>';
    const html = `<html><body><div>${para.repeat(5000)}</div></body></html>`;
    const s = takeSample(parseHtml(html), 500);
    expect(s.text.length).toBeLessThanOrEqual(500);
    expect(s.text.startsWith('Sports results')).toBe(true);
  });

  it('stops early: a term that first appears after 400 KB of text is not seen', () => {
    const filler = '<p>Sports results and weather for the weekend, nothing about government at all.</p>'.repeat(5000);
    const html = `<html><head><title>Weekend</title></head><body>${filler}<p>Digital government and e-government: smart city, smart city, government cloud.</p></body></html>`;
    const s = takeSample(parseHtml(html));
    expect(s.text).not.toMatch(/digital government/i);
    expect(precheck(s).candidate).toBe(false);
  });

  it('reads title, description and keywords, and nothing the precheck does not weigh', () => {
    const s = takeSample(
      parseHtml(`<html lang="zh-CN"><head><title>标题</title><meta name="description" content="摘要"><meta name="keywords" content="数字政府,政务服务">
      <meta property="og:type" content="article"></head><body><article><p>正文。</p></article><p>页脚</p></body></html>`),
    );
    expect(s).toEqual({ title: '标题', description: '摘要', keywords: '数字政府,政务服务', text: '正文。 页脚' });
  });

  it('skips scripts, styles, hidden text and link text outside paragraphs; a link inside a paragraph is part of its sentence', () => {
    const s = takeSample(
      parseHtml(`<html><body><script>var 数字政府 = 1</script><style>.a{}</style><ul><li><a href="/">数字政府</a></li></ul>
      <p>正文 <a href="/">链接</a> 继续</p><p hidden>隐藏</p><div>其他 <a href="/">导航</a><span aria-hidden="true">图标</span></div></body></html>`),
    );
    expect(s.text).toBe('正文 链接 继续 其他');
  });

  it('reads paragraphs first, those of the article before the rest of the page', () => {
    const s = takeSample(
      parseHtml(`<html><body><div>页首文字</div><p>页面段落</p><article><h1>标题</h1><p>文章第一段</p><div>文章其他</div><p>文章第二段</p></article></body></html>`),
    );
    expect(s.text).toBe('文章第一段 文章第二段 页面段落 标题 文章其他 页首文字');
  });
});

// findTerms runs a precomputed table of needles (no regular expression is compiled in the content
// script). What it finds must be what one regular expression of all core terms finds, the way the
// topic scorer reads terms: this reference is that reading, kept here as the specification.
const ALL_CORE = [...CORE_TERMS_ZH, ...CORE_TERMS_ZH_TRADITIONAL, ...CORE_TERMS_EN, ...FIELD_TERMS_EN];
const keyOf = (s: string): string => s.toLowerCase().replace(/[-\s]+/g, '');
const BY_KEY = new Map(ALL_CORE.map((t) => [keyOf(t.term), t]));
const CORE_RE = termRegex(ALL_CORE.map((t) => t.term));
function referenceTerms(text: string): TermHit[] {
  const hits = new Map<string, TermHit>();
  for (const m of text.matchAll(CORE_RE)) {
    const t = BY_KEY.get(keyOf(m[0]))!;
    const h = hits.get(t.term);
    if (h) h.count++;
    else hits.set(t.term, { term: t.term, weight: t.weight, count: 1 });
  }
  return [...hits.values()].sort((a, b) => b.weight * b.count - a.weight * a.count);
}

describe('finding the core terms', () => {
  it('uses the needle table the term lists make (PRECHECK_NEEDLES is written out from precheckNeedles())', () => {
    expect(PRECHECK_NEEDLES).toEqual(precheckNeedles());
  });

  const texts: Array<[string, string]> = [
    ...corpusStems.map((stem): [string, string] => {
      const a = corpusArticle(stem);
      return [`corpus ${stem}`, [a.title, ...a.paragraphs].join('\n')];
    }),
    ...labels.map((l): [string, string] => [`real page ${l.name}`, realworldDoc(l.name).body?.textContent ?? '']),
  ];
  it.each(texts)('finds in %s what one regular expression of the terms finds', (_name, text) => {
    expect(findTerms(text)).toEqual(referenceTerms(text));
  });

  it('reads spellings, spaces, case and word boundaries as the regular expression does', () => {
    const cases: Array<[string, string[]]> = [
      ['E-Government and e government and EGOVERNMENT', ['e-government x3']],
      ['e\u3000government, e\u00a0governance', ['e-government x1', 'e-governance x1']],
      ['digital\n\t government; Smart  Cities; smart city', ['digital government x1', 'smart cities x1', 'smart city x1']],
      ['republic sector digital transformation; egovernments; govtechs', []],
      ['public sector digital transformation', ['public sector digital transformation x1']],
      ['数字政府数字政府，政务信息化 政府信息化', ['数字政府 x2', '政务信息化 x1', '政府信息化 x1']],
      ['e--government e-\ngovernment e_government', []],
      ['', []],
    ];
    for (const [text, want] of cases) {
      const got = findTerms(text).map((h) => `${h.term} x${h.count}`).sort();
      expect(got, text).toEqual([...want].sort());
      expect(findTerms(text), text).toEqual(referenceTerms(text));
    }
  });

  it('agrees with the regular expression on any text made of pieces of the terms, spaces, hyphens and letters', () => {
    const pieces = [
      ...ALL_CORE.flatMap((t) => [t.term, t.term.toUpperCase(), ...t.term.split(/[- ]/)]),
      ' ', '  ', '-', '--', '\n', '\t', '\u3000', '\u00a0', '\u2028', '_', 'x', 're', 's', '1', 'é', 'İ', '\u212a', '，', '。', '政', '数字', '城市',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(findTerms(text)).toEqual(referenceTerms(text));
      }),
      { numRuns: 3000, seed: 20221125 },
    );
  });

  it('searches a page\'s parts at once as it would one by one: no term reaches across two parts', () => {
    expect(findTermsByPart(['digital', 'government', '数字', '政府'])).toEqual([[], [], [], []]);
    const pieces = [...ALL_CORE.flatMap((t) => [t.term, ...t.term.split(/[- ]/)]), ' ', '-', '\n', 'x', '政', '城市'];
    const part = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        expect(findTermsByPart(parts)).toEqual(parts.map(findTerms));
      }),
      { numRuns: 2000, seed: 20221126 },
    );
  });
});

describe('which page changes are sampled again', () => {
  // records as a MutationObserver hands them over, built from nodes of a parsed page
  const doc = parseHtml('<html><body><div id="a"></div></body></html>');
  const node = (html: string): Node => {
    const box = doc.createElement('div');
    box.innerHTML = html;
    return box.firstChild!;
  };
  const added = (...nodes: Node[]): MutationRecord => ({ type: 'childList', addedNodes: nodes as unknown as NodeList, target: doc.body }) as unknown as MutationRecord;
  const edited = (text: string): MutationRecord => ({ type: 'characterData', target: doc.createTextNode(text) }) as unknown as MutationRecord;

  it.each([
    ['an article inserted by script', [added(node('<article><p>正文</p></article>'))], true],
    ['a text node with words', [added(doc.createTextNode('数字政府建设'))], true],
    ['text edited in place', [edited('新的文字')], true],
    ['a script, a style and an iframe', [added(node('<script>var a = 1</script>'), node('<style>.a{}</style>'), node('<iframe></iframe>'))], false],
    ['an empty placeholder and an image', [added(node('<div class="ad"></div>'), node('<img src="x.png">'))], false],
    ['whitespace', [added(doc.createTextNode('\n   ')), edited('  ')], false],
    ['a hidden element with text', [added(node('<div hidden>隐藏的文字</div>'))], false],
    ['nothing added (a node removed)', [added()], false],
    ['more than 100 records at once', Array.from({ length: 101 }, () => added()), true],
  ] as const)('%s', (_what, records, expected) => {
    expect(mayAddText(records as readonly MutationRecord[])).toBe(expected);
  });
});
