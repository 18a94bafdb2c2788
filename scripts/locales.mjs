// Writes assets/_locales/{en,zh_CN}/messages.json from src/ui/strings.json (every interface string
// as [English, Simplified Chinese]), so the two never drift apart. Run after editing strings.json:
// node scripts/locales.mjs (a unit test checks that the files match the table).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const table = JSON.parse(readFileSync('src/ui/strings.json', 'utf8'));
for (const [locale, index] of [['en', 0], ['zh_CN', 1]]) {
  const out = {};
  for (const [key, texts] of Object.entries(table)) out[key] = { message: texts[index] };
  mkdirSync(`assets/_locales/${locale}`, { recursive: true });
  writeFileSync(`assets/_locales/${locale}/messages.json`, JSON.stringify(out, null, 2) + '\n');
}
console.log('locales written');
