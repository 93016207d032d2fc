import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { errorText, jsonLogger } from './logger';
import { defaultServeOptions, type ServeOptions } from './options';
import { startServer } from './server';

/** The command line's words for `portico serve`, as given (text, unchecked). */
export interface ServeArguments {
  port?: string;
  data?: string;
  redis?: string;
  host?: string;
  /** A built app's folder to serve at `/`. */
  app?: string;
}

/** The options the arguments ask for, or why they cannot be used. */
export function serveOptionsFrom(
  args: ServeArguments,
  exists: (path: string) => boolean = existsSync,
): { ok: true; options: ServeOptions } | { ok: false; message: string } {
  const options: ServeOptions = { ...defaultServeOptions };
  if (args.port !== undefined) {
    const port = Number(args.port);
    if (!/^\d+$/.test(args.port) || port > 65_535)
      return { ok: false, message: `--port ${args.port} is not a port: use a number from 0 to 65535 (0: any free port).` };
    options.port = port;
  }
  if (args.data !== undefined) {
    if (args.data.trim() === '') return { ok: false, message: '--data needs a folder.' };
    options.dataDir = args.data;
  }
  if (args.host !== undefined) options.host = args.host;
  if (args.redis !== undefined) {
    if (!/^rediss?:\/\/./.test(args.redis))
      return { ok: false, message: `--redis ${args.redis} is not a Redis URL: write it as redis://host:port.` };
    options.redisUrl = args.redis;
  }
  if (args.app !== undefined) {
    if (!exists(join(args.app, 'index.html')))
      return { ok: false, message: `--app ${args.app} holds no index.html: build the app first (npm run build) and give its folder.` };
    options.appDir = args.app;
  } else if (exists(join('dist', 'index.html'))) options.appDir = 'dist';
  return { ok: true, options };
}

/**
 * `portico serve`: runs the live sessions server until SIGINT or SIGTERM, logging JSON lines to standard
 * output. A failure to start is one line on standard error and exit code 2.
 */
export async function serve(args: ServeArguments, io: { stdout: (text: string) => void; stderr: (text: string) => void }): Promise<void> {
  const parsed = serveOptionsFrom(args);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    process.exitCode = 2;
    return;
  }
  const log = jsonLogger(io.stdout);
  // Hocuspocus and its Redis client write with console.*: in this process those become log lines too.
  console.log = (...values: unknown[]) => log.info('library', { message: format(...values) });
  console.warn = (...values: unknown[]) => log.warn('library', { message: format(...values) });
  console.error = (...values: unknown[]) => log.error('library', { message: format(...values) });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(parsed.options, log);
  } catch (error) {
    log.error('start-failed', { error: errorText(error) });
    io.stderr(`portico serve: ${errorText(error)}\n`);
    process.exitCode = 2;
    return;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('stop-failed', { error: errorText(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('uncaughtException', (error) => log.error('uncaught-exception', { error: errorText(error), stack: error.stack }));
  process.on('unhandledRejection', (error) => log.error('unhandled-rejection', { error: errorText(error) }));
}
