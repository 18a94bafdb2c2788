// The command-line tool on bad input: one line on stderr that says what is wrong, a non-zero exit
// code, nothing on stdout, and never a stack trace. Runs the built tool (npm test builds it first)
// on inputs made in a temporary folder at test time (the 50 MB file too: it is sparse, and never
// committed). Pages with a wrong or missing charset are not errors: they are read as what they are.
import { execFile } from 'node:child_process';
import { chmodSync, closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk } from '../fixtures/gbk';

const CLI = path.resolve(__dirname, '../../dist/cli.mjs');
let dir = '';

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const ZH = '加强数字政府建设，要全面贯彻网络强国战略，把数字技术广泛应用于政府管理服务。';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-cli-errors-'));
  mkdirSync(path.join(dir, 'folder'));
  writeFileSync(path.join(dir, 'empty.html'), '');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'image.html'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(500, 7)]));
  writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
  // 50 MB, sparse: the size is refused before a byte is read
  const big = openSync(path.join(dir, 'big.html'), 'w');
  ftruncateSync(big, 50 * 1024 * 1024);
  closeSync(big);
  const page = (head: string, body: string) => `<html><head>${head}<title>数字政府</title></head><body><article><p>${body}</p><p>${body}</p></article></body></html>`;
  writeFileSync(path.join(dir, 'gbk-undeclared.html'), gbk(page('', ZH)));
  writeFileSync(path.join(dir, 'gbk-declared-utf8.html'), gbk(page('<meta charset="utf-8">', ZH)));
  writeFileSync(path.join(dir, 'gbk-declared-gb2312.html'), gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ZH)));
  writeFileSync(path.join(dir, 'bogus-charset.html'), page('<meta charset="x-no-such-charset">', ZH));
  writeFileSync(path.join(dir, 'latin1-undeclared.html'), Buffer.from(page('', 'Le gouvernement numérique, été comme hiver: à préférer.'), 'latin1'));
  writeFileSync(path.join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(20_000)}<p>${ZH}</p><p>${ZH}</p>${'</div>'.repeat(20_000)}</body></html>`);
  mkdirSync(path.join(dir, 'damaged-corpus'));
  writeFileSync(path.join(dir, 'damaged-corpus/index.json'), '{"docs": [');
  mkdirSync(path.join(dir, 'index-is-a-folder/index.json'), { recursive: true });
  mkdirSync(path.join(dir, 'no-articles'));
  writeFileSync(path.join(dir, 'no-articles/notes.txt'), '');
  writeFileSync(path.join(dir, 'no-articles/photo.jpg'), Buffer.from([0xff, 0xd8, 0, 0]));
  mkdirSync(path.join(dir, 'locked'));
  writeFileSync(path.join(dir, 'locked/a.txt'), ZH);
  chmodSync(path.join(dir, 'locked'), 0o000);
});

afterAll(() => {
  chmodSync(path.join(dir, 'locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const ERRORS: [string, string[], RegExp][] = [
  ['a missing file (extract)', ['extract', 'missing.html'], /cannot read missing\.html: no such file/],
  ['a folder (extract)', ['extract', 'folder'], /folder is a folder/],
  ['an empty file (extract)', ['extract', 'empty.html'], /empty\.html is empty/],
  ['a binary file (extract)', ['extract', 'image.html'], /image\.html is not a text or HTML file/],
  ['a 50 MB file (extract)', ['extract', 'big.html'], /big\.html is 50\.0 MB: files up to 20\.0 MB are read/],
  ['an address that cannot be fetched (extract)', ['extract', 'http://127.0.0.1:9/'], /cannot fetch http:\/\/127\.0\.0\.1:9\/: fetch failed/],
  ['a missing file (match)', ['match', 'missing.html'], /no such file: missing\.html \(nor a corpus id\)/],
  ['a folder (match)', ['match', 'folder'], /folder is a folder/],
  ['an empty file (match)', ['match', 'empty.txt'], /empty\.txt is empty/],
  ['a binary file (match)', ['match', 'image.txt'], /image\.txt is not a text or HTML file/],
  ['a 50 MB file (match)', ['match', 'big.html'], /big\.html is 50\.0 MB/],
  ['an unknown corpus id (match)', ['match', '999'], /no such file: 999 \(nor a corpus id\)/],
  ['an unknown corpus id to leave out (match)', ['match', '000', '--exclude', '999'], /--exclude 999: no corpus article has that id/],
  ['a corpus folder that does not exist', ['match', '000', '--corpus', 'nowhere'], /no corpus at nowhere/],
  ['a damaged compiled corpus', ['match', '000', '--corpus', 'damaged-corpus'], /cannot read .*damaged-corpus\/index\.json: .*JSON/],
  ['a corpus whose index.json is a folder', ['match', '000', '--corpus', 'index-is-a-folder'], /cannot read .*index\.json: it is a folder/],
  ['a corpus folder without one article', ['match', '000', '--corpus', 'no-articles'], /no article in .*no-articles could be compiled/],
  ['an unknown corpus id (compare)', ['compare', '999', '000'], /"999" is neither a file nor a corpus id/],
  ['a folder (compare)', ['compare', 'folder', '000'], /folder is a folder/],
  ['an empty file (compare)', ['compare', '000', 'empty.html'], /empty\.html is empty/],
  ['a binary file (compare)', ['compare', 'image.txt', '000'], /image\.txt is not a text or HTML file/],
  ['a 50 MB file (compare)', ['compare', 'big.html', '000'], /big\.html is 50\.0 MB/],
  ['a report written into a missing folder', ['compare', '000', '002', '--html', 'nowhere/report.html'], /cannot write nowhere\/report\.html: no such file or folder/],
  ['an unknown option', ['compare', '000', '002', '--colour'], /unknown option --colour/],
  ['a missing option value', ['match', '000', '--corpus'], /--corpus needs a value/],
  ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
  ['a corpus to build from a missing folder', ['corpus', 'build', 'nowhere'], /nowhere is not a folder/],
  ['a corpus to build from a file', ['corpus', 'build', 'empty.html'], /empty\.html is not a folder/],
  ['a corpus to build from a folder without one article', ['corpus', 'build', 'no-articles', '-o', 'out'], /no article in no-articles could be compiled/],
];

describe.concurrent('bad input', () => {
  it.each(ERRORS)('%s: one line, a non-zero exit, no stack trace', async (_what, args, message) => {
    const r = await cli(args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    // the skipped files of a folder are named on lines of their own before the verdict
    const lines = r.stderr.trimEnd().split('\n');
    const last = lines.at(-1)!;
    expect(last).toMatch(/^reprint-lens: /);
    expect(last).toMatch(message);
    for (const line of lines) expect(line).toMatch(/^reprint-lens: (?:skipped )?/);
    if (args[0] !== 'corpus' && !args.includes('--corpus')) expect(lines).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)('a corpus folder it may not read: one line (not testable as root, who reads everything)', async () => {
    const r = await cli(['match', '000', '--corpus', 'locked']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^reprint-lens: cannot read the folder .*locked: permission denied$/);
  });
});

describe.concurrent('a wrong or missing charset is read, not refused', () => {
  it.each([
    ['GBK with no declaration', 'gbk-undeclared.html', 'gb18030'],
    ['GBK declared as UTF-8', 'gbk-declared-utf8.html', 'gb18030'],
    ['GBK declared as gb2312', 'gbk-declared-gb2312.html', 'gbk'],
    ['UTF-8 declared as a charset that does not exist', 'bogus-charset.html', 'utf-8'],
  ])('%s', async (_what, file, charset) => {
    const r = await cli(['extract', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`page decoded as ${charset}`);
    expect(r.stdout).toContain(ZH);
  });

  it('Latin-1 with no declaration stays Latin-1 (its accented letters do not pair up like GBK)', async () => {
    const r = await cli(['extract', 'latin1-undeclared.html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('page decoded as windows-1252');
    expect(r.stdout).toContain('numérique, été comme hiver: à préférer');
  });
});

describe('markup built to break extraction', () => {
  it('reads an article nested 20 000 elements deep (Readability alone runs out of stack)', async () => {
    const r = await cli(['extract', 'deep.html']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ZH);
    expect(r.stdout).not.toContain('extraction failed');
  });
});
