// A tiny static server for the demo and test pages (tests/fixtures/pages), on 127.0.0.1 only.
// Used by `npm start` and by the browser tests; extra folders can be mounted under a prefix.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json' };

/**
 * Starts the server. `mounts` maps a URL prefix to a folder; '/' serves tests/fixtures/pages.
 * `pages` maps a path to HTML produced on the fly (tests that build hostile or huge pages), or to a
 * function returning it, awaited (a page that arrives late).
 * Resolves to { url, close, pages }.
 */
export async function serve({ port = 0, mounts = {}, pages = new Map() } = {}) {
  const folders = Object.entries({ '/': join(root, 'tests/fixtures/pages'), ...mounts }).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pages.has(path)) {
      const page = pages.get(path);
      const body = typeof page === 'function' ? await page() : page;
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(body);
    }
    for (const [prefix, dir] of folders) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(dir)) break; // no climbing out of the folder
      try {
        const body = await readFile(file);
        const ext = file.slice(file.lastIndexOf('.'));
        res.writeHead(200, { 'content-type': TYPES[ext] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: bound } = server.address();
  return { url: `http://127.0.0.1:${bound}`, pages, close: () => new Promise((ok) => server.close(ok)) };
}
