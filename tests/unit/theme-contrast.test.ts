// Colours a reader must be able to tell apart, in both themes, by WCAG 2.1's contrast ratio: text
// 4.5:1 (1.4.3), the marks that show where one is (the current change's ring, the focus ring) 3:1
// against every background they are drawn on (1.4.11). Read from the stylesheet the pages use.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const css = readFileSync(path.resolve(__dirname, '../../assets/pages/ui.css'), 'utf8');

/** The custom properties of the first rule whose selector is `selector`. */
function themeVars(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector} in ui.css`);
  const body = css.slice(at, css.indexOf('}', at));
  return Object.fromEntries(Array.from(body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi), (m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const themes: Array<[string, Record<string, string>]> = [
  ['light', themeVars(':root')],
  ['dark', themeVars(':root[data-theme="dark"]')],
];
// [what, foreground variable, background variables, ratio needed]
const pairs: Array<[string, string, string[], number]> = [
  ['body text', 'fg', ['bg', 'panel'], 4.5],
  ['muted text', 'muted', ['bg'], 4.5],
  ['deleted text', 'del-fg', ['del-bg'], 4.5],
  ['inserted text', 'ins-fg', ['ins-bg'], 4.5],
  ['the current change\'s ring', 'current', ['bg', 'panel', 'del-bg', 'ins-bg', 'move-bg'], 3],
  ['the focus ring and links', 'accent', ['bg', 'panel'], 3],
];

describe.each(themes)('the %s theme', (_name, vars) => {
  it('defines every colour checked', () => {
    for (const v of ['fg', 'bg', 'panel', 'muted', 'del-fg', 'del-bg', 'ins-fg', 'ins-bg', 'move-bg', 'current', 'accent']) expect(vars[v], v).toMatch(/^#/);
  });
  it.each(pairs)('%s stands out enough', (_what, fg, bgs, ratio) => {
    for (const bg of bgs) expect(contrast(vars[fg]!, vars[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(ratio);
  });
});

it('the dark theme the system asks for is the one checked', () => {
  const dark = themeVars(':root[data-theme="dark"]');
  const system = themeVars('  :root:not([data-theme="light"])');
  expect(system).toEqual(dark);
});
