// The layering of src/ (scripts/check-layers.mjs): imports run from the shells down to the core,
// never back, and the folders stay small enough to read the pipeline from the folder list.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
// @ts-expect-error: a plain ES module of scripts/, no type declarations
import { crowdedFolders, importsOf, layerViolations, readModules } from '../../scripts/check-layers.mjs';

type Module = { path: string; text: string };
const src = path.resolve(__dirname, '../../src');
const modules: Module[] = readModules(src);

describe('layers of src/', () => {
  it('finds the modules and their imports (the check is not vacuous)', () => {
    expect(modules.length).toBeGreaterThan(60);
    const normalize = modules.find((m) => m.path === 'core/text/normalize.ts');
    expect(normalize).toBeDefined();
    const match = modules.find((m) => m.path === 'core/match/find-versions.ts')!;
    expect(importsOf(match.text)).toContain('../index/postings');
  });

  it('no import runs back up, and no shell imports another', () => {
    expect(layerViolations(modules)).toEqual([]);
  });

  it('src/core/ has at most 8 files at its top level, no folder more than 12', () => {
    expect(crowdedFolders(modules.map((m) => m.path))).toEqual([]);
    expect(modules.filter((m) => path.posix.dirname(m.path) === 'core').length).toBeLessThanOrEqual(8);
  });

  // each planted import is one a hurried change could add; the check must name it
  const planted: Array<[string, string, string, RegExp]> = [
    ['core reaching into a shell', 'core/compare/diff.ts', "import { t } from '../../ui/i18n';", /core imports only core/],
    ['core reading the corpus files', 'core/match/find-versions.ts', "import type { CorpusDoc } from '../../corpus/types';", /core imports only core/],
    ['core with a dynamic import of the worker', 'core/report/text.ts', "const w = await import('../../background/handlers');", /core imports only core/],
    ['core touching the browser API', 'core/topic/topic.ts', "import browser from 'webextension-polyfill';", /core may not use that package/],
    ['core touching the file system', 'core/index/stock.ts', "import { readFileSync } from 'node:fs';", /core may not use that package/],
    ['the base of core importing a later stage', 'core/text/numbers.ts', "import { diffWords } from '../compare/diff';", /core\/text is the base/],
    ['extract importing the corpus', 'extract/article.ts', "export { parseCorpusFile } from '../corpus/parse';", /extract imports only core, extract/],
    ['the message contract importing a shell', 'messages.ts', "import type { Store } from './background/user-corpus';", /messages imports only core/],
    ['a shell importing another shell', 'ui/popup.tsx', "import { handle } from '../background/handlers';", /ui imports only core, extract, corpus, messages, ui/],
    ['the CLI importing the popup', 'cli/main.ts', "import '../ui/popup';", /cli imports only/],
    ['the content script importing preact', 'content/index.ts', "import { h } from 'preact';", /content may not use that package/],
    ['src importing a test', 'core/types.ts', "import { fixture } from '../../tests/fixtures/pages';", /nothing outside src/],
  ];
  it.each(planted)('fails on a planted back-import: %s', (_what, file, line, message) => {
    const changed = modules.map((m) => (m.path === file ? { ...m, text: `${line}\n${m.text}` } : m));
    expect(modules.some((m) => m.path === file)).toBe(true);
    const found = layerViolations(changed);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
    expect(found[0]).toContain(file);
  });

  it('fails on a crowded folder', () => {
    const extra = Array.from({ length: 9 }, (_, i) => `core/extra-${i}.ts`);
    expect(crowdedFolders([...modules.map((m) => m.path), ...extra])).toEqual([expect.stringMatching(/src\/core\/ holds \d+ files \(at most 8\)/)]);
  });
});
