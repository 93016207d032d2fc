import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger } from './logger';
import { defaultLimits } from './options';
import { serveOptionsFrom } from './serve';
import { type RunningServer, startServer } from './server';
import { temporaryFolder } from './testing/processes';

const folder = temporaryFolder('portico-app-');
const app = join(folder.path, 'dist');
let server: RunningServer;
let origin: string;

/** A raw GET, so that paths reach the server exactly as written (fetch would resolve `..`). */
function get(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port: server.port, path, method }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.once('error', fail);
    sent.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), '<!doctype html><title>Portico</title>');
  writeFileSync(join(app, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(folder.path, 'secret.txt'), 'not for the web');
  symlinkSync(join(folder.path, 'secret.txt'), join(app, 'assets', 'link.txt'));
  server = await startServer(
    { port: 0, host: '127.0.0.1', dataDir: join(folder.path, 'data'), appDir: app, limits: defaultLimits },
    jsonLogger(() => undefined),
  );
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  folder.remove();
});

describe('the sessions server serving the built app', () => {
  it('serves index.html at / and the assets beside it, with their types and caching', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<title>Portico</title>');
    const script = await get('/assets/index-abc123.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.body).toBe('console.log(1)');
    const head = await get('/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('still answers its API, and nothing outside the folder', async () => {
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    expect((await fetch(`${origin}/sessions`, { method: 'POST' })).status).toBe(201);
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/link.txt',
      '/assets',
      '/%00',
      '/%E0%A4%A',
      '/missing.js',
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('not for the web');
    }
    expect((await get('/index.html', 'DELETE')).status).toBe(404);
  });

  it('serves ./dist when it holds a built app, or the folder --app names', () => {
    const only = (paths: string[]) => (path: string) => paths.includes(path);
    expect(serveOptionsFrom({}, only([join('dist', 'index.html')]))).toMatchObject({ ok: true, options: { appDir: 'dist' } });
    expect(serveOptionsFrom({}, only([]))).not.toHaveProperty(['options', 'appDir']);
    expect(serveOptionsFrom({ app: 'build' }, only([join('build', 'index.html')]))).toMatchObject({
      ok: true,
      options: { appDir: 'build' },
    });
    expect(serveOptionsFrom({ app: 'nothing' }, only([]))).toMatchObject({ ok: false, message: expect.stringContaining('npm run build') });
  });
});
