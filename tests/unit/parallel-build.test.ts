// `corpus build` shares the per-article work among worker threads (src/cli/parallel-compile.ts):
// whatever the number of threads, the corpus written is the same, byte for byte. The folder is the
// bundled family (a reprint and a translation, so the second, family-aware pass runs too) and
// 1,000 real articles of ../shared/realnews, four stretches of work each.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realnewsCorpusFiles, realnewsPresent } from '../fixtures/realnews';

const CLI = path.resolve(__dirname, '../../dist/cli.mjs');
const CORPUS = path.resolve(__dirname, '../../assets/corpus');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 170_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-threads-'));
  const articles = path.join(dir, 'articles');
  mkdirSync(articles);
  for (const f of readdirSync(CORPUS).filter((n) => !n.startsWith('.'))) copyFileSync(path.join(CORPUS, f), path.join(articles, f));
  if (realnewsPresent()) for (const f of realnewsCorpusFiles().slice(0, 1000)) writeFileSync(path.join(articles, f.name), f.content);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!realnewsPresent())('corpus build on several threads', () => {
  it('writes the same corpus on one thread and on two', async () => {
    const one = path.join(dir, 'one');
    const two = path.join(dir, 'two');
    const [a, b] = await Promise.all([
      cli(['corpus', 'build', path.join(dir, 'articles'), '-o', one, '--threads', '1']),
      cli(['corpus', 'build', path.join(dir, 'articles'), '-o', two, '--threads', '2']),
    ]);
    expect([a.code, a.stderr], a.stderr).toEqual([0, '']);
    expect([b.code, b.stderr], b.stderr).toEqual([0, '']);
    const index = JSON.parse(readFileSync(path.join(two, 'index.json'), 'utf8')) as { docs: unknown[]; relations: Array<{ a: string; b: string; relation: string }> };
    expect(index.docs).toHaveLength(1005);
    // the bundled family is related as it is in the extension's own corpus
    expect(index.relations.find((r) => r.a.startsWith('000') && r.b.startsWith('002'))?.relation).toBe('reprint');
    expect(index.relations.find((r) => r.a.startsWith('000') && r.b.startsWith('001'))?.relation).toBe('translation');
    expect(readFileSync(path.join(two, 'index.json')).equals(readFileSync(path.join(one, 'index.json')))).toBe(true);
    expect(readFileSync(path.join(two, 'texts.json')).equals(readFileSync(path.join(one, 'texts.json')))).toBe(true);
  }, 180_000);

  it('refuses a number of threads that is not a whole number from 1 to 64', async () => {
    const r = await cli(['corpus', 'build', path.join(dir, 'articles'), '-o', path.join(dir, 'x'), '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^reprint-lens: --threads needs a whole number from 1 to 64/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
