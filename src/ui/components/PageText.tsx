// Page-derived text (titles, bylines, site names, snippets, diff text) kept apart from the
// extension's own words around it, in the bidirectional algorithm's sense. A page can put a
// right-to-left override (U+202E) or other bidi controls in its title; unisolated, the override
// runs on past the title and reverses what the interface writes after it ("光明网原文 ‮已核实 100%
// 原创" then seems to carry the extension's words). Inside an isolate it ends where the page text
// ends, and the text takes its own direction from its first strong character.
// Three forms, one rule (issue 20):
// - <PageText> for page text inline among interface text: a <bdi> (isolated by the UA stylesheet);
// - PAGE_TEXT spread on an element whose whole content is page text (a diff cell, a paragraph):
//   dir="auto", which also makes it an isolate (unicode-bidi: isolate in the UA stylesheet);
// - tx() for an interface string with page text in its $1, $2: the string's own words stay
//   outside, each value given as <PageText> inside;
// - isolateText() only where the result must be a plain string (an aria-label, a notice kept as
//   a string): U+2068 … U+2069 around the page text, the same isolate in characters.
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../i18n';

/** Attributes for an element holding only page text. */
export const PAGE_TEXT = { dir: 'auto' } as const;

export function PageText({ children, lang, class: cls }: { children: ComponentChildren; lang?: string; class?: string }) {
  return (
    <bdi class={cls} lang={lang} dir="auto">
      {children}
    </bdi>
  );
}

/** An interface string (key) with its $n replaced by `values` (page text given as <PageText>). */
export function tx(key: MessageKey, ...values: ComponentChildren[]): ComponentChildren[] {
  const marker = '\u0000';
  // t() fills $n; fill them with markers to split on, keeping the string's own words as text
  const text = t(key, ...values.map((_, i) => `${marker}${i}${marker}`));
  return text.split(new RegExp(`${marker}(\\d+)${marker}`)).map((part, i) => (i % 2 === 1 ? values[Number(part)] : part));
}

/** `text` isolated in characters (first-strong isolate … pop directional isolate), for plain strings. */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

/** "site · date · language", the site (page-derived) isolated. */
export function MetaLine({ site, rest }: { site?: string | null; rest: Array<string | null | undefined> }) {
  const tail = rest.filter(Boolean).join(' · ');
  return (
    <>
      {site && <PageText class="site">{site}</PageText>}
      {site && tail ? ' · ' : ''}
      {tail}
    </>
  );
}
