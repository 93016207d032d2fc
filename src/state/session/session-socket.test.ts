import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SessionSocket } from './session-socket';

/** A server that accepts each connection and closes it at once with `code` (as Portico's does on a refused change). */
function refusingServer(code: number): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    let connections = 0;
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `ws://127.0.0.1:${port}`,
        connections: () => connections,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('connection', (socket) => {
      connections += 1;
      socket.close(code, 'refused');
    });
  });
}

const fast = { WebSocketPolyfill: WebSocket, delay: 10, minDelay: 10, maxDelay: 20, factor: 1, jitter: false };
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Resolves after the socket has seen `count` closes (or rejects after a while). */
function closes(socket: HocuspocusProviderWebsocket, count: number, onClose?: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const timer = setTimeout(() => reject(new Error(`saw ${seen} closes, waited for ${count}`)), 5000);
    socket.on('close', () => {
      seen += 1;
      onClose?.();
      if (seen === count) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

describe('a session socket closed for good', () => {
  it('does not reconnect once stopped (the provider’s own socket would, on its timer)', async () => {
    const refusing = await refusingServer(4422);
    cleanups.push(refusing.close);
    const socket = new SessionSocket({ url: refusing.url, ...fast });
    cleanups.push(() => socket.destroy());
    await closes(socket, 1, () => socket.stop());
    // Many times the retry delay: nothing more was tried.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(refusing.connections()).toBe(1);
  });
});
