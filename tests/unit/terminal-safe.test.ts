// Text the CLI writes for a terminal can never act on the terminal: control characters, bidi
// controls and invisible format characters from a page (or a file name) show as visible escapes
// (`\u001b`), in every command's text output and in its error messages, while --json keeps the
// exact characters. The commands run as built (npm test builds dist/cli.mjs first), on
// tests/fixtures/hostile/terminal-controls.html: corpus article 000 with OSC/CSI sequences, bells,
// DEL, C1, bidi overrides and isolates and zero-width characters written raw into it.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeDeep, terminalSafePainted } from '../../src/cli/terminal-safe';

const CLI = path.resolve(__dirname, '../../dist/cli.mjs');
const FIXTURE = path.resolve(__dirname, '../fixtures/hostile/terminal-controls.html');
let dir = '';

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const opts = { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 30_000, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } };
    execFile(process.execPath, [CLI, ...args], opts, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** What must never reach a terminal raw: C0 but tab and newline, DEL, C1, every format character (bidi, zero-width...), separators. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\p{Cf}]/u;
const unsafeIn = (s: string): string | null => {
  const m = UNSAFE.exec(s);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}: …${JSON.stringify(s.slice(Math.max(0, m.index - 20), m.index + 20))}…` : null;
};

const OSC_TITLE = '\x1b]0;RL-PWNED\x07';
const RLO = '\u202e';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-terminal-safe-'));
  copyFileSync(FIXTURE, path.join(dir, 'page.html'));
  // a folder to compile whose bad file has a name that retitles the terminal
  mkdirSync(path.join(dir, 'articles'));
  copyFileSync(path.resolve(__dirname, '../../assets/corpus', readdirSync(path.resolve(__dirname, '../../assets/corpus')).find((f) => f.startsWith('000'))!), path.join(dir, 'articles/000.txt'));
  writeFileSync(path.join(dir, `articles/bad${OSC_TITLE}${RLO}.txt`), '');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminalSafe', () => {
  it('shows control, bidi and invisible format characters as escapes, and keeps tab, newline and text', () => {
    expect(terminalSafe(`a${OSC_TITLE}b`)).toBe('a\\u001b]0;RL-PWNED\\u0007b');
    expect(terminalSafe('\u009b31m\x7f\r\x08')).toBe('\\u009b31m\\u007f\\u000d\\u0008');
    expect(terminalSafe('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
    expect(terminalSafe('\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u2028\u2029')).toBe(
      '\\u200b\\u200c\\u200d\\u200e\\u200f\\u2060\\ufeff\\u00ad\\u061c\\u2028\\u2029',
    );
    expect(terminalSafe('tag\u{e0041} lone\ud800')).toBe('tag\\u{e0041} lone\\ud800');
    const plain = '加强数字政府建设\tDigital 政府 😀 — «ü»\n第二行';
    expect(terminalSafe(plain)).toBe(plain);
  });

  it('keeps a painted report\'s own colours, and nothing else that starts with ESC', () => {
    expect(terminalSafePainted('\x1b[31;9mgone\x1b[0m \x1b[2J\x1b]0;x\x07')).toBe('\x1b[31;9mgone\x1b[0m \\u001b[2J\\u001b]0;x\\u0007');
  });

  it('makes every string of a structure safe, whatever its keys', () => {
    const v = JSON.parse('{"__proto__": {"t": "\\u001b"}, "rows": [{"ops": [[0, "a\\u202eb"]]}], "n": 1, "x": null}') as unknown;
    expect(JSON.stringify(terminalSafeDeep(v))).toBe('{"__proto__":{"t":"\\\\u001b"},"rows":[{"ops":[[0,"a\\\\u202eb"]]}],"n":1,"x":null}');
  });
});

describe.concurrent('a page full of control characters, through the built CLI', () => {
  it.each([
    ['extract', ['extract', 'page.html']],
    ['match', ['match', 'page.html']],
    ['compare (text)', ['compare', 'page.html', '000']],
    ['compare (Markdown)', ['compare', 'page.html', '000', '--markdown']],
    ['compare (word diff)', ['compare', '000', 'page.html', '--granularity', 'word']],
  ])('%s: no raw control, bidi or format character reaches the terminal; they show as escapes', async (_what, args) => {
    const r = await cli(args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(unsafeIn(r.stdout)).toBeNull();
    // (Markdown puts a backslash before its own special characters)
    expect(r.stdout).toMatch(/\\u001b\\?\]0;RL\\?-PWNED\\u0007/);
    expect(r.stdout).toContain('\\u202e');
  });

  it('compare in colour: only the report\'s own colour sequences, the page\'s shown as escapes', async () => {
    const r = await cli(['compare', 'page.html', '000'], { FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\x1b\[31;9m/); // it is in colour
    const colours = new Set(r.stdout.match(/\x1b\[[0-9;]*m/g));
    expect([...colours].sort()).toEqual(['\x1b[0m', '\x1b[1m', '\x1b[2m', '\x1b[31;9m', '\x1b[32;4m']);
    expect(unsafeIn(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''))).toBeNull();
    expect(r.stdout).toContain('\\u001b[2J');
  });

  it('--json keeps the exact characters (JSON escapes the controls, the text round-trips)', async () => {
    const [ex, cmp] = await Promise.all([cli(['extract', 'page.html', '--json']), cli(['compare', 'page.html', '000', '--json'])]);
    expect(ex.code).toBe(0);
    const { article } = JSON.parse(ex.stdout) as { article: { title: string; siteName: string; paragraphs: string[] } };
    expect(article.title).toBe(`加强数字政府建设${OSC_TITLE}，浪潮提供技术支撑 ${RLO}100% 原创\u202c`);
    expect(article.siteName).toBe('光明网\x1b[8m');
    const body = article.paragraphs.join('\n');
    for (const ch of ['\x1b[2J', '\u009b', '\x07\x08\x7f', '\u2066\u2067\u2068\u2069', '\u200d', '\u00ad', '\u{e0041}']) expect(body).toContain(ch);
    expect(cmp.code).toBe(0);
    const comparison = JSON.parse(cmp.stdout) as { a: { title: string } };
    expect(comparison.a.title).toBe(article.title);
  });

  it('an error quoting a file name: the name\'s controls show as escapes', async () => {
    const r = await cli(['extract', `missing${OSC_TITLE}${RLO}.html`]);
    expect(r.code).not.toBe(0);
    expect(unsafeIn(r.stderr)).toBeNull();
    expect(r.stderr).toBe('reprint-lens: cannot read missing\\u001b]0;RL-PWNED\\u0007\\u202e.html: no such file or folder\n');
  });

  it('an unknown command or option: shown as escapes', async () => {
    const [cmd, opt] = await Promise.all([cli([`x${OSC_TITLE}`]), cli(['match', 'page.html', `--x${RLO}`])]);
    expect(cmd.stderr).toBe('reprint-lens: unknown command "x\\u001b]0;RL-PWNED\\u0007" (try --help)\n');
    expect(unsafeIn(opt.stderr)).toBeNull();
    expect(opt.stderr).toContain('unknown option --x\\u202e');
  });

  it('corpus build naming a skipped file: shown as escapes', async () => {
    const r = await cli(['corpus', 'build', 'articles', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(unsafeIn(r.stderr)).toBeNull();
    expect(unsafeIn(r.stdout)).toBeNull();
    expect(r.stderr).toContain('bad\\u001b]0;RL-PWNED\\u0007\\u202e.txt');
  });
});

describe('the CLI writes to the terminal in one place', () => {
  it('no file of src/cli but output.ts writes to process.stdout or process.stderr', () => {
    const cliDir = path.resolve(__dirname, '../../src/cli');
    const writers = readdirSync(cliDir)
      .filter((f) => f.endsWith('.ts') && f !== 'output.ts')
      .filter((f) => /process\.(?:stdout|stderr)\.write|console\.(?:log|error|warn|info)/.test(readFileSync(path.join(cliDir, f), 'utf8')));
    expect(writers).toEqual([]);
  });
});
