// Accessibility of every extension page, checked by axe-core (WCAG 2.1 A and AA rules) inside
// real Chromium and Firefox ESR: the popup, the full view (two and three columns), the options
// page, in both themes and both languages. A violation fails with its rule and the elements.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { serve, type Served } from '../../scripts/serve.mjs';
import { launch, skipReason, until, type BrowserName, type ExtensionBrowser } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

for (const name of ['chromium', 'firefox'] as BrowserName[]) {
  const skip = skipReason(name);
  describe.skipIf(skip !== null)(`accessibility in ${name}`, () => {
    let b: ExtensionBrowser;
    let server: Served;
    const tabs = new Map<string, number>();
    beforeAll(async () => {
      server = await serve();
      b = await launch(name);
      for (const file of ['reprint-002.html', 'moved-000.html']) {
        const url = `${server.url}/${file}`;
        await b.openPage(url);
        const tabId = await until(() => b.tabIdOf(url), (id) => id > 0, 10_000, 'the tab');
        await until(() => b.badge(tabId), (t) => t !== '', 20_000, `the badge of ${file}`);
        tabs.set(file, tabId);
      }
    }, 90_000);
    afterAll(async () => {
      await b?.close();
      await server?.close();
    });

    const states: Array<[string, (lang: string, theme: string) => string, string]> = [
      ['popup', (lang, theme) => `popup.html?tab=${tabs.get('reprint-002.html')}&lang=${lang}&theme=${theme}`, '[data-testid="diff"] tbody tr'],
      ['full view', (lang, theme) => `compare.html?tab=${tabs.get('reprint-002.html')}&lang=${lang}&theme=${theme}`, '[data-testid="diff"][data-columns="2"] tbody tr'],
      ['full view, three columns', (lang, theme) => `compare.html?tab=${tabs.get('reprint-002.html')}&lang=${lang}&theme=${theme}&three=1`, '[data-testid="diff"][data-columns="3"] tbody tr'],
      ['full view, a moved paragraph', (lang, theme) => `compare.html?tab=${tabs.get('moved-000.html')}&lang=${lang}&theme=${theme}`, '[data-testid="move-to"]'],
      ['options', (lang, theme) => `options.html?lang=${lang}&theme=${theme}`, '[data-testid="import-pack"]'],
    ];
    it('the check itself finds a real violation (an image without a text alternative)', async () => {
      const page = await b.openExtensionPage('options.html?lang=en', '[data-testid="import-pack"]');
      await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'icons/icon-32.png' })));
      const found = await violations(page);
      await page.close();
      expect(found.map((v) => v.id)).toContain('image-alt');
    });

    for (const [state, path, ready] of states) {
      for (const lang of ['en', 'zh']) {
        for (const theme of ['light', 'dark']) {
          it(`${state}, ${lang}, ${theme}: no violations`, async () => {
            const page = await b.openExtensionPage(path(lang, theme), ready);
            const found = await violations(page);
            await page.close();
            expect(found, found.map((v) => `${v.id} (${v.help}): ${v.nodes.join(', ')}`).join('\n')).toEqual([]);
          });
        }
      }
    }
  });
}
