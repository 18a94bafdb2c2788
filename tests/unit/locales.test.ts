// _locales (what the browser shows: the extension's name and description) and the interface table
// are one source: scripts/locales.mjs writes the former from src/ui/strings.json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import strings from '../../src/ui/strings.json';

const root = resolve(import.meta.dirname, '../..');
const locale = (l: string) => JSON.parse(readFileSync(join(root, 'assets/_locales', l, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('interface strings', () => {
  it.each([['en', 0], ['zh_CN', 1]] as const)('_locales/%s matches src/ui/strings.json (run node scripts/locales.mjs)', (l, i) => {
    const messages = locale(l);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(strings).sort());
    for (const [key, texts] of Object.entries(strings)) expect(messages[key]!.message).toBe(texts[i]);
  });
  it('names every string as Chrome accepts (letters, digits, underscore: a hyphen stops the install)', () => {
    for (const key of Object.keys(strings)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
  it('has every string in both languages, with the same placeholders', () => {
    for (const [key, [en, zh]] of Object.entries(strings) as Array<[string, [string, string]]>) {
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect((zh.match(/\$\d/g) ?? []).sort(), key).toEqual((en.match(/\$\d/g) ?? []).sort());
    }
  });
  it('is in Chinese in the zh_CN table', () => {
    const zh = Object.values(strings).map((t) => t[1]).join('');
    expect((zh.match(/\p{Script=Han}/gu) ?? []).length).toBeGreaterThan(200);
  });
});
