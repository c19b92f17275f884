/**
 * A minimal static file server for a built site on 127.0.0.1 (what any static host does, nothing more). The
 * site is served under its base URL (`/` unless the course config's `url` has a path, or DOCS_BASE_URL):
 * `url` is then `http://127.0.0.1:PORT/base` (no trailing slash), so `url + '/pooling'` is a page's address.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.gz': 'application/gzip',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
};

export async function serve(root: string, baseUrl = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const server: Server = createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inside = requested.startsWith(base) || `${requested}/` === base;
    const path = inside ? `/${requested.slice(base.length)}` : requested;
    let file = normalize(join(root, path));
    if (!inside) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end(`outside the site's base URL ${base}`);
      return;
    }
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] }).end(readFileSync(join(root, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base.slice(0, -1)}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
