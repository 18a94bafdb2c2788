// _locales (what the browser shows: the extension's name and description) and the interface table
// are one source: scripts/locales.mjs writes the former from src/ui/strings.json.
import { readdirSync, readFileSync } from 'node:fs';
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
  it("names only problems the interface can say: every error a reader meets is in the reader's language", () => {
    // the background's errors carry a problem key beside their English message (src/ui/problem.ts)
    const named = new Set<string>();
    for (const dir of ['src/background', 'src/corpus']) {
      for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.ts'))) {
        const src = readFileSync(join(root, dir, f), 'utf8');
        for (const m of src.matchAll(/'((?:importProblem|problem)_\w+)'/g)) named.add(m[1]!);
        // user-corpus.ts's fail(at, what, key): the key names importProblem_<key>
        for (const m of src.matchAll(/\bfail\((?:at|field\([^)]*\)), (?:'[^']*'|`[^`]*`), '(\w+)'/g)) if (f === 'user-corpus.ts') named.add(`importProblem_${m[1]}`);
      }
    }
    expect(named.size).toBeGreaterThan(15);
    expect([...named].filter((k) => !(k in strings)).sort()).toEqual([]);
  });
});
