import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveOptionsFrom } from './serve';

const repository = resolve(__dirname, '../..');

describe('portico serve options', () => {
  it('defaults to port 1234, ./portico-data, no Redis', () => {
    expect(serveOptionsFrom({})).toMatchObject({ ok: true, options: { port: 1234, dataDir: './portico-data', host: '0.0.0.0' } });
    expect(serveOptionsFrom({})).not.toHaveProperty(['options', 'redisUrl']);
    expect(serveOptionsFrom({ port: '8080', data: 'rooms', redis: 'redis://127.0.0.1:6379' })).toMatchObject({
      ok: true,
      options: { port: 8080, dataDir: 'rooms', redisUrl: 'redis://127.0.0.1:6379' },
    });
  });

  it('refuses a port that is not one and a Redis URL that is not one', () => {
    for (const port of ['abc', '-1', '70000', '1.5']) expect(serveOptionsFrom({ port })).toMatchObject({ ok: false });
    expect(serveOptionsFrom({ redis: 'localhost:6379' })).toMatchObject({ ok: false, message: expect.stringContaining('redis://') });
  });

  it('exits 2 with a one-line reason on bad options', () => {
    const run = spawnSync(process.execPath, ['bin/portico.mjs', 'serve', '--port', 'abc'], { cwd: repository, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('--port abc is not a port: use a number from 0 to 65535 (0: any free port).');
  });

  it('is loaded only by the serve command: the CLI imports the server lazily', () => {
    const cli = readFileSync(resolve(repository, 'src/cli/run-cli.ts'), 'utf8');
    const staticImports = [...cli.matchAll(/^import [^;]*from '([^']+)'/gm)].map((match) => match[1]);
    expect(staticImports.some((path) => path?.includes('server'))).toBe(false);
    expect(cli).toContain("import('../server/serve')");
  });
});
