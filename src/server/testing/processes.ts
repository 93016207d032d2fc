import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta rather than __dirname: Playwright loads these helpers as ES modules (the e2e live-session specs).
const repository = fileURLToPath(new URL('../../..', import.meta.url));

/** A port nothing listens on right now (the system's choice), for a process that must keep one port across restarts. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function temporaryFolder(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Resolves when `check` holds, re-checking whenever `subscribe` reports a change; fails after `ms`. */
export function when(check: () => boolean, subscribe: (changed: () => void) => () => void, what: string, ms = 10_000): Promise<void> {
  return new Promise((done, fail) => {
    if (check()) return done();
    const timer = setTimeout(() => {
      unsubscribe();
      fail(new Error(`Timed out after ${ms} ms waiting for ${what}.`));
    }, ms);
    const unsubscribe = subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      unsubscribe();
      done();
    });
  });
}

export interface LogLine {
  level: string;
  event: string;
  [field: string]: unknown;
}

/** `npx portico serve` as a child process, with its JSON log lines. */
export class ServeProcess {
  readonly lines: LogLine[] = [];
  readonly stderr: string[] = [];
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<number | null>;
  port = 0;

  private constructor(readonly child: ChildProcess) {
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      buffered += text;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        if (part.trim() === '') continue;
        try {
          this.lines.push(JSON.parse(part) as LogLine);
        } catch {
          this.lines.push({ level: 'unstructured', event: part });
        }
      }
      for (const listener of this.listeners) listener();
    });
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderr.push(text);
    });
    this.exited = new Promise((done) =>
      child.once('exit', (code) => {
        for (const listener of this.listeners) listener();
        done(code);
      }),
    );
  }

  static async start(options: { dataDir: string; port?: number; redisUrl?: string; app?: string }): Promise<ServeProcess> {
    const args = ['bin/portico.mjs', 'serve', '--host', '127.0.0.1', '--port', String(options.port ?? 0), '--data', options.dataDir];
    if (options.redisUrl) args.push('--redis', options.redisUrl);
    if (options.app) args.push('--app', options.app);
    const server = new ServeProcess(spawn(process.execPath, args, { cwd: repository, stdio: ['ignore', 'pipe', 'pipe'] }));
    await Promise.race([
      server.waitForLog((line) => line.event === 'listening', 'the server to listen', 30_000),
      server.exited.then((code) => {
        throw new Error(`portico serve exited with ${code} before listening: ${server.stderr.join('')}`);
      }),
    ]);
    server.port = Number(server.lines.find((line) => line.event === 'listening')?.port);
    return server;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first log line (already written or to come) that matches. */
  async waitForLog(match: (line: LogLine) => boolean, what: string, ms = 10_000): Promise<LogLine> {
    await when(
      () => this.lines.some(match),
      (changed) => {
        this.listeners.add(changed);
        return () => this.listeners.delete(changed);
      },
      what,
      ms,
    );
    return this.lines.find(match) as LogLine;
  }

  /** Waits until every write the server issued has reached its storage (its health says so). */
  async flushed(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const health = (await (await fetch(`${this.httpUrl}/health`)).json()) as { pendingWrites: number };
      if (health.pendingWrites === 0) return;
      await new Promise((done) => setImmediate(done));
    }
    throw new Error('The server never finished writing.');
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** `redis-server` on a free port, bound to 127.0.0.1, without persistence; fails clearly when it is not installed. */
export class RedisProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(): Promise<RedisProcess> {
    if (spawnSync('redis-server', ['--version']).error)
      throw new Error('redis-server is not installed: install it with `apt-get install -y redis-server` (.ci/run does).');
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`redis-server did not start: ${output}`)), 10_000);
      child.stdout?.setEncoding('utf8').on('data', (text: string) => {
        output += text;
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          done();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
    return new RedisProcess(child, port);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.kill('SIGTERM');
    await exited;
  }
}
