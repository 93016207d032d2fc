import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * The provider's socket, able to stay closed. After the server closes a connection for a change it
 * refuses, reconnecting would only send that change again; but the provider schedules its reconnect on a
 * timer that `disconnect()` does not cancel (and its `connect()` turns reconnecting back on). Once
 * `stopped`, it never connects again.
 */
export class SessionSocket extends HocuspocusProviderWebsocket {
  stopped = false;

  override async connect(): Promise<unknown> {
    if (this.stopped) return undefined;
    return super.connect();
  }

  /** Closes for good. */
  stop(): void {
    this.stopped = true;
    this.disconnect();
  }
}
