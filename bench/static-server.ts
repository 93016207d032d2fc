import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
};

/**
 * A minimal static server on 127.0.0.1 for the benchmark: each mount maps a URL prefix to a folder, so the
 * app, the peer (swagger-ui-dist) and the floor page are all served from the same origin.
 */
export function serveStatic(
  mounts: Record<string, string>,
  extra: Record<string, () => string> = {},
): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const generated = extra[url.pathname];
    if (generated) {
      response.writeHead(200, { 'content-type': types[extname(url.pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(generated());
      return;
    }
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((candidate) => url.pathname.startsWith(candidate));
    if (prefix === undefined) {
      response.writeHead(404).end();
      return;
    }
    const root = resolve(mounts[prefix] as string);
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
