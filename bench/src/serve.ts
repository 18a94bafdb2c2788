// The bench's local web servers: pages served from memory (or by a handler of the caller's) on a
// free port of 127.0.0.1, and a stop that cannot hang. server.close() waits for every open
// connection to end, and Chromium keeps one alive to a server it loaded a page from for as long
// as it likes: the full bench's browser part sat idle there for 15 minutes, twice (2026-12-07).
import { createServer, type RequestListener, type Server } from 'node:http';

export interface Served {
  url: string;
  server: Server;
}

/** A server of `handler`, listening. */
export async function serveWith(handler: RequestListener): Promise<Served> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

/** A server of the pages by path (UTF-8 HTML), 404 for any other; `pages` may be added to later. */
export function servePages(pages: Map<string, string>): Promise<Served> {
  return serveWith((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? '');
  });
}

/** Stops the server, closing the connections a browser keeps alive to it. */
export async function stopServer(server: Server | null): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
}
