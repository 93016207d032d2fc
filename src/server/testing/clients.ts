import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type CreatedSession, type DocToDesignResult, docToDesign, readServerNotice, type ServerNotice } from '../../core/collab';
import type { Design } from '../../core/model';
import { when } from './processes';

/** A participant as the app will be one: a Y.Doc synced through Hocuspocus' provider (Node's `ws` as WebSocket). */
export class SessionClient {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  readonly notices: ServerNotice[] = [];
  readonly closes: { code: number; reason: string }[] = [];
  authenticationFailed?: string;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();

  constructor(url: string, sessionId: string, token: string) {
    // Reconnects quickly: the tests restart servers.
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 50, minDelay: 50, maxDelay: 200, factor: 1 });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: sessionId,
      document: this.doc,
      token,
      onStateless: ({ payload }) => {
        const notice = readServerNotice(payload);
        if (notice) this.notices.push(notice);
        this.changed();
      },
      onClose: ({ event }) => {
        this.closes.push({ code: event.code, reason: String(event.reason) });
        this.changed();
      },
      onAuthenticationFailed: ({ reason }) => {
        this.authenticationFailed = reason;
        this.changed();
      },
      onSynced: () => this.changed(),
      onUnsyncedChanges: () => this.changed(),
    });
    this.doc.on('update', () => this.changed());
    this.provider.awareness?.on('change', () => this.changed());
    // A provider given its socket (to pass Node's WebSocket) attaches to it only when asked.
    this.provider.attach();
  }

  /** The presence states this client knows (its own included). */
  presences(): Record<string, unknown>[] {
    return [...(this.provider.awareness?.getStates().values() ?? [])];
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Resolves when `check` holds, re-checked on every change this client sees. */
  until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
    return when(
      check,
      (changed) => {
        this.listeners.add(changed);
        return () => this.listeners.delete(changed);
      },
      what,
      ms,
    );
  }

  synced(): Promise<void> {
    return this.until(() => this.provider.isSynced, 'the first sync');
  }

  /** Resolves when the server has acknowledged every change this client made. */
  saved(): Promise<void> {
    return this.until(() => this.provider.isSynced && !this.provider.hasUnsyncedChanges, 'the server to acknowledge every change');
  }

  read(): DocToDesignResult {
    return docToDesign(this.doc);
  }

  design(): Design {
    const read = this.read();
    if (!read.ok) throw new Error(read.message);
    return read.design;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    // Closing a socket that is still connecting makes `ws` emit an error nobody listens to any more.
    (this.socket.webSocket as unknown as WebSocket | null)?.on?.('error', () => undefined);
    this.provider.destroy();
    this.socket.destroy();
  }
}

/** Makes a session on the server (optionally with its design) and returns its id and tokens. */
export async function createSession(
  httpUrl: string,
  design?: Design,
): Promise<{ sessionId: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }> {
  const response = await fetch(`${httpUrl}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: design ? JSON.stringify({ design }) : '',
  });
  if (response.status !== 201) throw new Error(`POST /sessions answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedSession;
}
