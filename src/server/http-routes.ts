import type { IncomingMessage, ServerResponse } from 'node:http';
import type RedisClient from 'ioredis';
import * as Y from 'yjs';
import { type CreatedSession, designToDoc } from '../core/collab';
import { parseDesign } from '../core/model';
import type { Logger } from './logger';
import type { ServeLimits } from './options';
import type { RoomStore } from './room-store';
import { serveApp } from './static-app';
import { issueToken, newSessionId, type SessionRole, sessionRoles } from './tokens';

export interface HttpContext {
  limits: ServeLimits;
  secret: () => Uint8Array;
  store: RoomStore;
  redis: RedisClient | undefined;
  redisPrefix: string;
  log: Logger;
  status: () => Record<string, number>;
  /** The built app's folder, served at `/` (see `static-app.ts`); none: the server answers its API only. */
  appDir?: string;
}

// The app is served from another origin (or from a file): it may call the server, with no cookies.
const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...corsHeaders });
  response.end(JSON.stringify(body));
}

/** Reads a request body up to `limit` bytes; undefined when it is larger. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Sessions created per address in the current minute. */
const created = new Map<string, { minute: number; count: number }>();

function allowCreation(address: string, perMinute: number): boolean {
  const minute = Math.floor(Date.now() / 60_000);
  const entry = created.get(address);
  if (!entry || entry.minute !== minute) {
    if (created.size > 10_000) created.clear();
    created.set(address, { minute, count: 1 });
    return true;
  }
  entry.count += 1;
  return entry.count <= perMinute;
}

/**
 * The server's HTTP side: `GET /health` (200 once it accepts connections, with counts) and
 * `POST /sessions` (starts a session, optionally with its design, and returns its tokens).
 */
export async function handleHttp(request: IncomingMessage, response: ServerResponse, context: HttpContext): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'OPTIONS') {
    response.writeHead(204, corsHeaders);
    response.end();
    return;
  }
  if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
    answer(response, 200, { status: 'ok', ...context.status() });
    return;
  }
  if (path === '/sessions' && request.method === 'POST') {
    const address = request.socket.remoteAddress ?? 'unknown';
    if (!allowCreation(address, context.limits.sessionsPerMinute)) {
      context.log.warn('session-refused', { address, reason: 'rate-limited' });
      answer(response, 429, { error: `At most ${context.limits.sessionsPerMinute} sessions a minute from one address.` });
      return;
    }
    const body = await readBody(request, context.limits.maxMessageBytes);
    if (body === undefined) {
      answer(response, 413, { error: `The design is larger than ${context.limits.maxMessageBytes} bytes.` });
      return;
    }
    let initial: Uint8Array | undefined;
    if (body.byteLength > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        answer(response, 400, { error: 'The body is not JSON: send {"design": …} or nothing.' });
        return;
      }
      const design =
        typeof parsed === 'object' && parsed !== null && 'design' in parsed ? (parsed as { design: unknown }).design : undefined;
      if (design !== undefined) {
        const checked = parseDesign(design);
        if (!checked.ok) {
          answer(response, 400, { error: checked.message });
          return;
        }
        const doc = new Y.Doc();
        designToDoc(doc, checked.design, 'server');
        initial = Y.encodeStateAsUpdate(doc);
        if (initial.byteLength > context.limits.maxDocumentBytes) {
          answer(response, 413, {
            error: `The design takes ${initial.byteLength} bytes in a session; the limit is ${context.limits.maxDocumentBytes}.`,
          });
          return;
        }
      }
    }
    const sessionId = newSessionId();
    if (initial) {
      await context.store.compact(sessionId, initial);
      if (context.redis) await context.redis.set(`${context.redisPrefix}:room:${sessionId}`, Buffer.from(initial));
    }
    const secret = context.secret();
    const tokens = Object.fromEntries(sessionRoles.map((role) => [role, issueToken(secret, sessionId, role)])) as Record<
      SessionRole,
      string
    >;
    context.log.info('session-created', { room: sessionId, address, withDesign: initial !== undefined, bytes: initial?.byteLength ?? 0 });
    answer(response, 201, { sessionId, tokens } satisfies CreatedSession);
    return;
  }
  if (context.appDir && (await serveApp(request, response, context.appDir))) return;
  answer(response, 404, { error: 'Not found. This server answers GET /health, POST /sessions and WebSocket connections.' });
}
