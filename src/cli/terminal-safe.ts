// Text for a terminal, made inert: a page (or a file name) can hold characters a terminal acts on
// rather than shows (ESC starts sequences that retitle the window, move the cursor, rewrite the
// clipboard or repaint what was printed; BEL rings; CR overwrites the line) and characters that
// are invisible or reorder what is around them (bidi overrides and isolates, zero-width joiners,
// the soft hyphen). Every such character is shown as a visible escape instead, `\u001b`, so a
// reader sees that it is there and the terminal does nothing with it. Pure: no I/O here; the CLI
// writes everything through src/cli/output.ts, which applies it. `--json` does not need it:
// JSON.stringify escapes C0 controls itself and leaves the rest exact, as data.

// C0, DEL and C1 (Cc), format characters (Cf: bidi controls U+202A-202E and U+2066-2069, LRM/RLM,
// ALM, zero-width space/joiners, word joiner, invisible operators, BOM, tags, soft hyphen...), the
// line and paragraph separators (Zl, Zp: some terminals and editors break lines at them) and lone
// surrogates (Cs: not text, a terminal would show a replacement character without saying why).
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `\u001b` for a UTF-16 unit, `\u{e0041}` for a character beyond the BMP. */
function escapeOne(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** `text` with every control, format and separator character except tab and newline shown as an escape. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\n' || ch === '\t' ? ch : escapeOne(ch)));
}

/**
 * The same value with every string in it made terminal-safe (arrays and plain objects are copied,
 * anything else is kept as it is). For a structure a renderer turns into terminal text with its
 * own escape sequences (colours): the page's text is made safe before the colours are added.
 */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => terminalSafeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(value)) out.set(k, terminalSafeDeep(v));
    return Object.fromEntries(out) as T;
  }
  return value;
}

// The colour sequences a renderer of ours writes: Select Graphic Rendition, digits and semicolons.
const SGR = /\x1b\[[0-9;]*m/y;

/**
 * `terminalSafe` for text a renderer of ours has painted (src/core/report/text.ts): its own SGR
 * colour sequences are kept, every other control character is escaped. Only for text built from
 * a terminalSafeDeep'ed value: page text can then hold no ESC of its own.
 */
export function terminalSafePainted(text: string): string {
  return text.replace(UNSAFE, (ch, offset: number) => {
    if (ch === '\n' || ch === '\t') return ch;
    if (ch === '\x1b') {
      SGR.lastIndex = offset;
      if (SGR.test(text)) return ch;
    }
    return escapeOne(ch);
  });
}
