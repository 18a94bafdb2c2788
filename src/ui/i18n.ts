// Interface strings, in the browser's language (Chinese or English), or the one named by ?lang=.
// The table is bundled (scripts/locale-table.mjs, also the source of _locales), so pages render
// without waiting for anything and screenshots can be taken in either language.
import MESSAGES from './strings.json';

export type MessageKey = keyof typeof MESSAGES;
export type UiLang = 'en' | 'zh';

function pickLang(): UiLang {
  const asked = new URLSearchParams(location.search).get('lang');
  const lang = asked ?? navigator.language ?? 'en';
  return /^zh/i.test(lang) ? 'zh' : 'en';
}

export const uiLang: UiLang = pickLang();

export function t(key: MessageKey, ...values: Array<string | number>): string {
  const texts: readonly string[] = MESSAGES[key];
  const text = texts[uiLang === 'zh' ? 1 : 0] ?? texts[0] ?? key;
  return text.replace(/\$(\d)/g, (_, d: string) => String(values[Number(d) - 1] ?? ''));
}

/** Applies ?theme=light|dark (for screenshots); otherwise the page follows prefers-color-scheme. */
export function applyTheme(): void {
  const theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  document.documentElement.lang = uiLang === 'zh' ? 'zh-CN' : 'en';
}
