import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';

/**
 * A WebSocket speaking Hocuspocus' protocol by hand, to send what no provider would: oversized,
 * malformed or hostile messages.
 */
export class RawClient {
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(
    readonly ws: WebSocket,
    readonly sessionId: string,
  ) {
    this.closed = new Promise((done) => ws.once('close', (code, reason) => done({ code, reason: reason.toString() })));
  }

  static async open(url: string, sessionId: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    });
    return new RawClient(ws, sessionId);
  }

  private message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.sessionId);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    return encoding.toUint8Array(encoder);
  }

  /** Authenticates and resolves once the server answered (authenticated or not). */
  async authenticate(token: string): Promise<void> {
    const answered = new Promise((done) => this.ws.once('message', done));
    this.send(
      this.message(2, (encoder) => {
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarString(encoder, token);
      }),
    );
    await answered;
  }

  /** A sync message carrying `update` as a Yjs update (sync step 2). */
  sendUpdate(update: Uint8Array): void {
    this.send(
      this.message(0, (encoder) => {
        encoding.writeVarUint(encoder, 2);
        encoding.writeVarUint8Array(encoder, update);
      }),
    );
  }

  sendAwareness(update: Uint8Array): void {
    this.send(this.message(1, (encoder) => encoding.writeVarUint8Array(encoder, update)));
  }

  sendQueryAwareness(): void {
    this.send(this.message(3, () => undefined));
  }

  send(bytes: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }
}
