import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names inside `root`, or undefined when it names none (or anything outside). */
async function fileFor(root: string, urlPath: string): Promise<{ path: string; size: number } | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path === '/' || path === '') path = '/index.html';
  const base = await realpath(root);
  const candidate = resolve(base, `.${path}`);
  if (!candidate.startsWith(base + sep)) return undefined;
  try {
    // The real path too: a link inside the folder must not lead out of it.
    const real = await realpath(candidate);
    if (!real.startsWith(base + sep)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built app (the `dist` folder of `npm run build`) from the sessions server, so that a
 * workshop opens `http://teacher-host:1234/` and the app, its session requests and its WebSocket are all
 * one origin: the app's Content-Security-Policy (`connect-src 'self'`) then lets it reach exactly this
 * server. Files only, read-only, nothing outside the folder; true when the request was answered.
 */
export async function serveApp(request: IncomingMessage, response: ServerResponse, root: string): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const urlPath = (request.url ?? '/').split('?')[0] as string;
  const file = await fileFor(root, urlPath);
  if (!file) return false;
  // Vite names every asset by its content: those never change; index.html is asked for again each time.
  const immutable = urlPath.startsWith('/assets/');
  response.writeHead(200, {
    'content-type': contentTypes[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(file.size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    const stream = createReadStream(file.path);
    stream.once('error', fail);
    response.once('close', () => {
      stream.destroy();
      done();
    });
    stream.once('end', done);
    stream.pipe(response);
  });
  return true;
}
