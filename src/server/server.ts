import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { type Connection, type Document, type Extension, Hocuspocus } from '@hocuspocus/server';
import RedisClient from 'ioredis';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { readSessionSettings, repairDoc, type ServerNotice, sessionSettingsMap } from '../core/collab';
import { handleHttp } from './http-routes';
import { errorText, type Logger } from './logger';
import { readAwarenessStates, readClientMessage } from './messages';
import type { ServeOptions } from './options';
import { type Refusal, RoomGuard, refusals } from './room-guard';
import { RoomStore } from './room-store';
import { SocketGuard } from './socket-guard';
import { isSessionId, loadOrCreateSecret, type SessionRole, saveSecret, verifyToken } from './tokens';

/** The origin of the repairs the server writes into a room (so that they are not repaired again). */
export const serverRepairOrigin = 'portico-server-repair';

export interface RunningServer {
  /** The port it listens on (the one asked for, or the one the system chose for port 0). */
  port: number;
  /** Stops accepting, closes every connection, stores every room and closes the storage. */
  close(): Promise<void>;
}

/** What the server keeps per connection, in Hocuspocus' connection context. */
interface ConnectionContext {
  role: SessionRole;
  sessionId: string;
}

interface Room {
  guard: RoomGuard;
  detach: () => void;
}

const redisPrefix = 'portico';

function connectRedis(url: string): RedisClient {
  // Fail fast when Redis is not there at start, rather than queueing commands forever.
  return new RedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true });
}

/**
 * The live sessions server: Hocuspocus (Yjs over WebSocket) with Portico's checks in front of it, rooms
 * kept in LevelDB, optionally shared with other instances through Redis. One room per session (its id is
 * the document name); a token per role decides who may connect and whether they may write.
 */
export async function startServer(options: ServeOptions, log: Logger): Promise<RunningServer> {
  const { limits } = options;
  await mkdir(options.dataDir, { recursive: true });
  let store: RoomStore;
  try {
    store = await RoomStore.open(join(options.dataDir, 'rooms'));
  } catch (error) {
    throw new Error(`the data folder ${options.dataDir} cannot be opened (${errorText(error)}); is another server using it?`);
  }

  let redis: RedisClient | undefined;
  let secret = await loadOrCreateSecret(options.dataDir);
  if (options.redisUrl) {
    redis = connectRedis(options.redisUrl);
    try {
      await redis.connect();
      // Every instance must check the tokens any of them issued: the first to start shares its secret.
      await redis.set(`${redisPrefix}:secret`, secret.toString('hex'), 'NX');
      const shared = await redis.get(`${redisPrefix}:secret`);
      if (shared && /^[0-9a-f]{64}$/.test(shared) && shared !== secret.toString('hex')) {
        secret = Buffer.from(shared, 'hex');
        // Kept locally too, so that the instances still agree if Redis is ever emptied.
        await saveSecret(options.dataDir, secret);
      }
    } catch (error) {
      redis.disconnect();
      await store.close();
      throw new Error(`Redis at ${options.redisUrl} cannot be reached (${errorText(error)}).`);
    }
  }

  const rooms = new Map<string, Room>();
  const sockets = new WeakMap<IncomingMessage, SocketGuard>();
  let closing = false;

  const notify = (connection: Connection, notice: ServerNotice) => connection.sendStateless(JSON.stringify(notice));

  /** Viewers never write; editors not while the owner has made the session read-only. */
  const applyMode = (document: Document) => {
    const { readOnly } = readSessionSettings(document);
    for (const connection of document.getConnections()) {
      const { role } = connection.context as ConnectionContext;
      const shouldBe = role === 'viewer' || (role === 'editor' && readOnly);
      if (connection.readOnly !== shouldBe) {
        connection.readOnly = shouldBe;
        notify(connection, { type: 'mode', readOnly: shouldBe });
      }
    }
  };

  const repairRoom = (document: Document) => {
    if (closing || !rooms.has(document.name)) return;
    const result = repairDoc(document, serverRepairOrigin);
    if (!result.ok || result.repairs.length === 0) return;
    log.info('room-repaired', { room: document.name, repairs: result.repairs.map((repair) => repair.message) });
    document.broadcastStateless(JSON.stringify({ type: 'repairs', repairs: result.repairs } satisfies ServerNotice));
  };

  const persistence: Extension = {
    extensionName: 'portico-rooms',
    async onLoadDocument({ documentName, document }) {
      const updates = await store.load(documentName);
      if (redis) {
        const shared = await redis.getBuffer(`${redisPrefix}:room:${documentName}`);
        if (shared) updates.push(new Uint8Array(shared));
      }
      if (updates.length > 0) Y.applyUpdate(document, Y.mergeUpdates(updates));
      // From here on every change is stored, including those other instances send as soon as the room is
      // announced on Redis (before the later hooks run).
      const guard = new RoomGuard(document, limits);
      const problem = guard.roomProblem();
      if (problem) log.warn('room-unreadable', { room: documentName, problem });
      const onUpdate = (update: Uint8Array) => {
        if (closing) return;
        if (store.append(documentName, update)) void compact(documentName, document);
      };
      document.on('update', onUpdate);
      const settings = sessionSettingsMap(document);
      // After the change itself has gone out to the clients, so that a client told of a mode reads it too.
      const onSettings = () => setTimeout(() => applyMode(document), 0);
      settings.observe(onSettings);
      rooms.set(documentName, {
        guard,
        detach: () => {
          document.off('update', onUpdate);
          settings.unobserve(onSettings);
          guard.destroy();
        },
      });
      log.info('room-loaded', { room: documentName, bytes: Y.encodeStateAsUpdate(document).byteLength });
    },
    async onStoreDocument({ documentName, document }) {
      await compact(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      rooms.get(documentName)?.detach();
      rooms.delete(documentName);
      store.release(documentName);
      log.info('room-closed', { room: documentName });
    },
  };

  const compact = async (name: string, document: Y.Doc) => {
    if (closing && !rooms.has(name)) return;
    const state = Y.encodeStateAsUpdate(document);
    try {
      await store.compact(name, state);
      if (redis) await redis.set(`${redisPrefix}:room:${name}`, Buffer.from(state));
    } catch (error) {
      log.error('store-failed', { room: name, error: errorText(error) });
    }
  };

  const refuse = (connection: Connection, refusal: Refusal, fields: Record<string, unknown>): never => {
    const { role } = connection.context as ConnectionContext;
    log.warn('message-refused', {
      room: connection.document.name,
      socket: connection.socketId,
      role,
      reason: refusal.reason,
      detail: refusal.detail,
      ...fields,
    });
    connection.webSocket.close(refusal.code, refusal.reason);
    // Nothing more it sent is handled (the close handshake does not go through these listeners).
    connection.webSocket.removeAllListeners('message');
    throw Object.assign(new Error(refusal.reason), { code: refusal.code, reason: refusal.reason });
  };

  const checks: Extension = {
    extensionName: 'portico-checks',
    async onConnect({ documentName, instance }) {
      if (!isSessionId(documentName)) throw Object.assign(new Error('unknown-session'), { reason: 'unknown-session' });
      const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (open >= limits.connectionsPerRoom) {
        log.warn('room-full', { room: documentName, connections: open });
        throw Object.assign(new Error('room-full'), { reason: 'room-full' });
      }
    },
    async onAuthenticate({ token, documentName, connectionConfig, request, socketId }) {
      const role = verifyToken(secret, token, documentName);
      if (!role) {
        log.warn('auth-refused', { room: documentName, socket: socketId });
        throw Object.assign(new Error('invalid-token'), { reason: 'invalid-token' });
      }
      sockets.get(request)?.authenticated();
      connectionConfig.readOnly = role === 'viewer';
      return { role, sessionId: documentName } satisfies ConnectionContext;
    },
    async connected({ connection, documentName }) {
      const { role } = connection.context as ConnectionContext;
      const document = connection.document;
      const { readOnly } = readSessionSettings(document);
      connection.readOnly = role === 'viewer' || (role === 'editor' && readOnly);
      notify(connection, { type: 'welcome', role, readOnly: connection.readOnly });
      log.info('connected', { room: documentName, socket: connection.socketId, role, connections: document.getConnectionsCount() });
    },
    async onDisconnect({ documentName, socketId, context, clientsCount }) {
      log.info('disconnected', {
        room: documentName,
        socket: socketId,
        role: (context as Partial<ConnectionContext>).role,
        connections: clientsCount,
      });
    },
    async beforeHandleMessage({ connection, update: data, document }) {
      const { role } = connection.context as ConnectionContext;
      const message = readClientMessage(data);
      switch (message.kind) {
        case 'malformed':
          return refuse(connection, { ...refusals.malformed, detail: message.reason }, { bytes: data.byteLength });
        case 'update': {
          if (message.update.byteLength > limits.maxMessageBytes)
            return refuse(connection, { ...refusals.tooLarge, detail: `update of ${message.update.byteLength} bytes` }, {});
          if (connection.readOnly) {
            // Hocuspocus itself refuses to apply it (and tells the client its change was not saved).
            if (!Y.snapshotContainsUpdate(Y.snapshot(document), message.update))
              log.warn('read-only-update-refused', {
                room: document.name,
                socket: connection.socketId,
                role,
                bytes: message.update.byteLength,
              });
            return;
          }
          const room = rooms.get(document.name);
          if (!room) return;
          const checked = room.guard.check(message.update, role);
          if (checked.refusal) return refuse(connection, checked.refusal, { bytes: message.update.byteLength });
          // After Hocuspocus has applied it (a later turn of the event loop), write what the merge needs.
          if (checked.needsRepair) setTimeout(() => repairRoom(document), 0);
          return;
        }
        case 'awareness': {
          if (message.update.byteLength > limits.maxAwarenessBytes)
            return refuse(connection, { ...refusals.tooLarge, detail: `presence of ${message.update.byteLength} bytes` }, {});
          const states = readAwarenessStates(message.update);
          if (!states) return refuse(connection, { ...refusals.malformed, detail: 'unreadable presence' }, {});
          // A presence may say its role (the app shows the owner, and follows only the owner's view): it must be
          // true. A standard provider also relays the others' presence it was sent: a state no newer than the
          // one the room has (by its clock) is a relay that claims nothing, and is let through unchecked.
          for (const { clientId, clock, state } of states) {
            const known = document.awareness?.meta.get(clientId)?.clock;
            if (known !== undefined && clock <= known) continue;
            if (state && typeof state === 'object' && 'role' in state && (state as { role: unknown }).role !== role)
              return refuse(connection, { ...refusals.forbidden, detail: 'presence claims another role' }, {});
          }
          return;
        }
        case 'stateless':
          if (message.payload.length > limits.maxStatelessBytes)
            return refuse(connection, { ...refusals.tooLarge, detail: `stateless message of ${message.payload.length} characters` }, {});
          if (message.broadcast && role !== 'owner')
            return refuse(connection, { ...refusals.forbidden, detail: 'only the owner broadcasts' }, {});
          return;
        default:
          return;
      }
    },
  };

  const extensions: Extension[] = [persistence, checks];
  let redisExtension: RedisExtension | undefined;
  if (options.redisUrl) {
    const url = options.redisUrl;
    redisExtension = new RedisExtension({ prefix: `${redisPrefix}:hocuspocus`, createClient: () => connectRedis(url) });
    extensions.unshift(redisExtension);
  }
  const hocuspocus = new Hocuspocus({ name: `portico-${process.pid}`, quiet: true, extensions, debounce: 2000, maxDebounce: 10_000 });

  const startedAt = Date.now();
  const httpServer = createServer((request, response) => {
    handleHttp(request, response, {
      limits,
      secret: () => secret,
      store,
      redis,
      redisPrefix,
      log,
      ...(options.appDir ? { appDir: options.appDir } : {}),
      status: () => ({
        rooms: hocuspocus.getDocumentsCount(),
        connections: hocuspocus.getConnectionsCount(),
        pendingWrites: store.pendingWrites,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        rssBytes: process.memoryUsage().rss,
        heapUsedBytes: process.memoryUsage().heapUsed,
      }),
    }).catch((error: unknown) => {
      log.error('http-failed', { path: request.url, error: errorText(error) });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'internal error' }));
    });
  });
  // maxPayload: ws closes the connection (code 1009) on a larger message before anything reads it.
  const webSockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  httpServer.on('upgrade', (request, socket, head) => {
    if (closing) {
      socket.destroy();
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (ws) => {
      const guard = new SocketGuard(ws, limits, (reason, fields) => log.warn('connection-closed', { reason, ...fields }));
      sockets.set(request, guard);
      ws.on('error', (error) => log.warn('socket-error', { error: errorText(error) }));
      hocuspocus.handleConnection(ws, request);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await store.close();
    redis?.disconnect();
    throw new Error(`port ${options.port} on ${options.host} cannot be used (${errorText(error)}).`);
  });
  const port = (httpServer.address() as AddressInfo).port;
  log.info('listening', {
    port,
    host: options.host,
    data: options.dataDir,
    redis: options.redisUrl !== undefined,
    app: options.appDir ?? null,
  });

  return {
    port,
    async close() {
      closing = true;
      httpServer.close();
      for (const client of webSockets.clients) client.close(1001, 'server-stopping');
      for (const [name, document] of hocuspocus.documents) {
        const state = Y.encodeStateAsUpdate(document);
        try {
          await store.compact(name, state);
          if (redis) await redis.set(`${redisPrefix}:room:${name}`, Buffer.from(state));
        } catch (error) {
          log.error('store-failed', { room: name, error: errorText(error) });
        }
        rooms.get(name)?.detach();
      }
      rooms.clear();
      await store.close();
      if (redisExtension) await redisExtension.onDestroy().catch(() => undefined);
      redis?.disconnect();
      log.info('stopped', {});
    },
  };
}
