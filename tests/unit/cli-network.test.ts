// The command line on slow and hostile servers: a server that never answers, one that trickles a
// byte a second, endless redirects, a redirect to another scheme, an oversized page. Each ends
// within the timeout with one line on stderr naming the address and a non-zero exit, never a hang.
// Local servers only (127.0.0.1): nothing leaves the machine.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../../dist/cli.mjs');
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>加强数字政府建设</title></head><body><article><p>加强数字政府建设，要全面贯彻网络强国战略，把数字技术广泛应用于政府管理服务。</p></article></body></html>';

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

let server: Server;
let base = '';
const held: Array<() => void> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = req.url ?? '/';
    if (u === '/silent') return void held.push(() => res.destroy()); // accepts, never answers
    if (u === '/trickle') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const t = setInterval(() => res.write('<'), 1000);
      held.push(() => clearInterval(t));
      return;
    }
    if (u.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${u.length}` }).end();
    if (u === '/to-file') return void res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    if (u === '/huge') return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end();
    if (u === '/hop') return void res.writeHead(302, { location: '/page' }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const f of held) f();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('reading pages from the network', () => {
  it.each([
    ['a server that never answers', '/silent', /no complete answer within 1 s/],
    ['a server that trickles a byte a second', '/trickle', /no complete answer within 1 s/],
    ['endless redirects', '/loop', /more than 5 redirects/],
    ['a redirect to a file: address', '/to-file', /redirected to a file: address; only http\(s\) is followed/],
    ['a page of 50 MB', '/huge', /is 50\.0 MB: pages up to 20\.0 MB are read/],
  ])('%s: one line naming the address, a non-zero exit, within the timeout', async (_, route, message) => {
    const r = await cli(['extract', `${base}${route}`, '--timeout', '1']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${base}${route}`);
    expect(lines[0]).toMatch(message);
    expect(r.ms).toBeLessThan(10_000);
  });

  it('follows a redirect to the page, and reads it', async () => {
    const r = await cli(['extract', `${base}/hop`, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { article: { title: string; url: string | null } };
    expect(j.article.title).toBe('加强数字政府建设');
  });

  it('refuses a --timeout that is not a number of seconds', async () => {
    const r = await cli(['extract', `${base}/page`, '--timeout', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--timeout takes a number of seconds/);
  });
});
