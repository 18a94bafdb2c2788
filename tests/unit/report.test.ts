// Reports of a comparison (terminal, HTML, Markdown) and the compare command that prints them.
// Page text is hostile input: a page that carries markup must come out as text in every report.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareVersions, type VersionText } from '../../src/core/compare/compare-versions';
import { renderHtml } from '../../src/core/report/html';
import { renderMarkdown } from '../../src/core/report/markdown';
import { renderText } from '../../src/core/report/text';
import { parseCorpusFile } from '../../src/corpus/parse';
import { reportWords, type Say } from '../../src/ui/report-words';
import STRINGS from '../../src/ui/strings.json';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'assets/corpus');

function corpusVersion(prefix: string): VersionText {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const parsed = parseCorpusFile(file, readFileSync(path.join(CORPUS, file)));
  if (!parsed.ok) throw new Error(parsed.error);
  const d = parsed.doc;
  return { id: d.id, title: d.title, lang: d.lang, paragraphs: d.paragraphs, appended: d.appended.flatMap((p) => (p.title ? [p.title, ...p.paragraphs] : p.paragraphs)), sourceLines: d.sourceLines };
}

const c = compareVersions(corpusVersion('000'), corpusVersion('002'));

// A page whose text is made of markup and Markdown: it must never become markup in a report.
const HOSTILE = [
  '<script>alert(1)</script>浪潮作为全球领先的算力基础设施提供商',
  '<img src="http://evil.example/x.png" onerror="alert(2)">政务上云已成为必选项',
  '[click](javascript:alert(3)) **bold** _it_ # heading | table |',
];
const hostileA: VersionText = { id: 'a"><script>', title: '</title><script>alert(4)</script>', lang: 'zh', paragraphs: HOSTILE, sourceLines: [] };
const hostileB: VersionText = {
  id: 'b',
  title: 'b',
  lang: 'zh',
  paragraphs: [HOSTILE[0]!.replace('全球领先的', '<b onmouseover="x()">'), HOSTILE[1]!, HOSTILE[2]! + '<iframe src="https://evil.example/">'],
  appended: ['<link rel="stylesheet" href="https://evil.example/s.css">'],
};
const hostile = compareVersions(hostileA, hostileB, { region: { a: { start: 0, end: HOSTILE.join('\n').length }, b: { start: 0, end: hostileB.paragraphs.join('\n').length } } });

describe('HTML report', () => {
  const html = renderHtml(c);

  it('marks deletions and insertions and lists every edit', () => {
    expect(html).toContain('<del>全球领先的</del>');
    expect(html).toContain('<ins>省份超</ins>220<ins>个</ins>');
    expect(html).toContain('title changed');
    expect(html.match(/<li>/g)).toHaveLength(c.edits.length);
    // the appended articles are there, folded away as outside material
    expect(html).toMatch(/<details><summary>b: 22 paragraphs/);
    expect(html).toContain('建设数字政府:赋能政府治理现代化');
  });

  it('is self-contained: inline CSS, no script, nothing loaded from elsewhere', () => {
    for (const report of [html, renderHtml(hostile)]) {
      expect(report).toContain("default-src 'none'");
      const tags = report.match(/<[^>]*>/g) ?? [];
      expect(tags.filter((t) => /^<\/?(?:script|link|img|iframe|object|embed|base)\b/i.test(t) || /\b(?:src|on\w+)=/i.test(t))).toEqual([]);
      expect(tags.filter((t) => /\bhref="(?!#)/.test(t))).toEqual([]);
      const css = /<style>([\s\S]*?)<\/style>/.exec(report)![1]!;
      expect(css).not.toMatch(/@import|url\(/);
    }
  });

  it('escapes every piece of page text', () => {
    const out = renderHtml(hostile);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(out).toContain('a&quot;&gt;&lt;script&gt;');
    expect(out).not.toMatch(/<(?:b|img|iframe|link) /);
    expect(out).not.toContain('onmouseover="');
  });
});

describe('terminal report', () => {
  it('paints deletions red and struck through, insertions green and underlined', () => {
    const out = renderText(c, { color: true });
    expect(out).toContain('\x1b[31;9m全球领先的\x1b[0m');
    expect(out).toContain('\x1b[32;4m省份超\x1b[0m');
  });

  it('uses plain marks without colour (NO_COLOR)', () => {
    const out = renderText(c, { color: false });
    expect(out).not.toContain('\x1b');
    expect(out).toContain('[-全球领先的-]');
    expect(out).toContain('{+省份超+}');
    expect(out).toContain('attribution removed: (战钊)');
  });
});

describe('Markdown report', () => {
  it('has the summary, the edit list and the rows', () => {
    const md = renderMarkdown(c);
    expect(md).toContain('b keeps 89.6% of a');
    expect(md).toContain('~~全球领先的~~');
    expect(md.match(/^1\. \*\*/gm)).toHaveLength(c.edits.length);
  });

  it('keeps page text from turning into links, HTML or formatting', () => {
    const md = renderMarkdown(hostile);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/(?<!\\)<(?:script|img|iframe|b )/);
    expect(md).toContain('\\*\\*bold\\*\\*');
  });
});

// The full view exports in the interface's language, its sides named for the reader.
const sayIn = (index: 0 | 1): Say => (key, ...values) => (STRINGS[key] as string[])[index]!.replace(/\$(\d)/g, (_, d: string) => String(values[Number(d) - 1] ?? ''));
const page = { ...c, b: { ...c.b, id: undefined } };

describe('reports in the interface language', () => {
  it('a Chinese interface exports a Chinese report naming the original and this page', () => {
    const words = reportWords(page, sayIn(1), 'zh');
    const html = renderHtml(page, words);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>两个版本之间的改动</h1>');
    expect(html).toContain('<dt>原文</dt>');
    expect(html).toContain('<dt>本页</dt>');
    expect(html).toMatch(/本页保留了原文的 \d+\.\d%；删去 \d+ 字，新增 \d+ 字；相似度 0\.\d{3}/);
    expect(html).toContain('删去句子');
    expect(html).not.toMatch(/\bb keeps\b|>a<\/dt>|Side by side|edits?<\/h2>/);
    const md = renderMarkdown(page, words);
    expect(md.split('\n')[0]).toBe('# 两个版本之间的改动');
    expect(md).toContain('- **原文**: ');
    expect(md).toContain('## 逐段对照');
    expect(md).not.toMatch(/b keeps|## Rows|paragraphs?\b/);
  });

  it('an English interface says "This page keeps … of the original"; the CLI keeps a and b', () => {
    const words = reportWords(page, sayIn(0), 'en');
    expect(renderMarkdown(page, words)).toMatch(/^This page keeps \d+\.\d% of the original; \d+ characters deleted/m);
    expect(renderHtml(page, words)).toContain('<dt>the original</dt>');
    expect(renderMarkdown(c)).toMatch(/^b keeps \d+\.\d% of a;/m);
    expect(renderHtml(c)).toContain('<html lang="en">');
  });

  it('names a translation as such, and every edit type and row kind has words in both languages', () => {
    const translated = { ...c, crossLanguage: true };
    expect(reportWords(translated, sayIn(1), 'zh').sides).toEqual(['原文', '译文']);
    for (const index of [0, 1] as const) {
      const words = reportWords(c, sayIn(index), index ? 'zh' : 'en');
      for (const e of c.edits) expect(words.edit(e.type)).not.toMatch(/^edit_|undefined/);
      for (const kind of ['equal', 'changed', 'deleted', 'inserted', 'moved'] as const) expect(words.row(kind)).not.toMatch(/undefined/);
    }
  });
});

describe('compare command', () => {
  afterEach(() => vi.restoreAllMocks());

  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
    const { run } = await import('../../src/cli/compare');
    const code = await run(args);
    vi.restoreAllMocks();
    return { code, out, err };
  }

  it('prints the comparison contract as JSON for two corpus ids given by prefix', async () => {
    const r = await cli(['000', '002', '--json', '--corpus', CORPUS]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as typeof c;
    expect(json.a.id).toBe('000_3e0ed82598e826fe');
    expect(json.b.id).toBe('002_0e89e667d319eb52');
    expect(json.edits).toEqual(c.edits);
    expect(json.outside.b.length).toBeGreaterThan(10);
  });

  it('writes a self-contained HTML report, and reads files as well as ids', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rl-compare-'));
    const out = path.join(dir, 'report.html');
    const file = path.join(dir, 'copy.txt');
    writeFileSync(file, readFileSync(path.join(CORPUS, '002_0e89e667d319eb52.txt')));
    const r = await cli(['000', file, '--html', out, '--granularity', 'char', '--corpus', CORPUS]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<del>全球领先的</del>');
  });

  it.each([
    [['000'], 2],
    [['000', '002', '--granularity', 'sentence'], 2],
    [['000', '002', '--frobnicate'], 2],
    [['000', '002', '--json', '--text'], 2],
    [['000', 'no-such-article', '--corpus', CORPUS], 1],
  ])('rejects %j with one line on stderr', async (args, code) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^reprint-lens: [^\n]+\n$/);
  });
});
