// The one way the CLI writes to the terminal. Text output and error messages quote page text and
// file names, so they go through terminalSafe (src/cli/terminal-safe.ts): a control or invisible
// formatting character shows as `\u001b` and does nothing. JSON is written exact (JSON.stringify
// escapes what needs escaping), and a coloured comparison keeps only its own colour sequences.
// Nothing else in src/cli writes to process.stdout or process.stderr (tests/unit/terminal-safe.test.ts).
import { terminalSafe, terminalSafePainted } from './terminal-safe';

/** Text for the reader on stdout. */
export function printText(text: string): void {
  process.stdout.write(terminalSafe(text));
}

/** A value as JSON on stdout, exact: the --json contracts. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Text painted by report-text from a terminalSafeDeep'ed comparison: its colours are kept. */
export function printPainted(text: string): void {
  process.stdout.write(terminalSafePainted(text));
}

/** One line on stderr: `reprint-lens: <message>`. */
export function printError(message: string): void {
  process.stderr.write(`reprint-lens: ${terminalSafe(message)}\n`);
}
