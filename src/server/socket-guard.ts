import type { WebSocket } from 'ws';
import type { ServeLimits } from './options';
import { refusals } from './room-guard';

/**
 * Limits on one WebSocket, checked on every message before Hocuspocus reads it: a message rate (a token
 * bucket: `messageBurst` at once, `messagesPerSecond` sustained) and a number of messages before the
 * connection has authenticated (Hocuspocus queues those, so an unauthenticated flood would grow memory).
 * Message size is limited by the WebSocket server itself (`maxPayload`).
 */
export class SocketGuard {
  private tokens: number;
  private last = Date.now();
  private beforeAuthentication = 0;
  private isAuthenticated = false;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: Pick<ServeLimits, 'messagesPerSecond' | 'messageBurst' | 'messagesBeforeAuthentication'>,
    private readonly onClose: (reason: string, fields: Record<string, unknown>) => void,
  ) {
    this.tokens = limits.messageBurst;
    // Registered before Hocuspocus' own listener, so it runs first for every message.
    ws.on('message', () => this.count());
  }

  authenticated(): void {
    this.isAuthenticated = true;
  }

  private count(): void {
    if (this.closed) return;
    const now = Date.now();
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + ((now - this.last) / 1000) * this.limits.messagesPerSecond);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens < 0) {
      this.close(refusals.rateLimited.code, refusals.rateLimited.reason, { limit: this.limits.messagesPerSecond });
      return;
    }
    if (!this.isAuthenticated) {
      this.beforeAuthentication += 1;
      if (this.beforeAuthentication > this.limits.messagesBeforeAuthentication)
        this.close(refusals.forbidden.code, 'not-authenticated', { messages: this.beforeAuthentication });
    }
  }

  private close(code: number, reason: string, fields: Record<string, unknown>): void {
    this.closed = true;
    this.onClose(reason, fields);
    this.ws.close(code, reason);
    // Nothing more it sent is handled (messages already received would be, by Hocuspocus' listener); the
    // close handshake does not go through these listeners.
    this.ws.removeAllListeners('message');
    // A client that does not answer the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }
}
