/** Tells the other Portico tabs what this one wrote, so followers show the latest and lists stay current. */
export type TabMessage = { type: 'saved'; id: string; rev: number } | { type: 'library-changed' };

export interface TabChannel {
  post(message: TabMessage): void;
  listen(listener: (message: TabMessage) => void): void;
}

export function createTabChannel(): TabChannel {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('portico');
  const listeners: ((message: TabMessage) => void)[] = [];
  channel?.addEventListener('message', (event: MessageEvent<Partial<TabMessage>>) => {
    const data = event.data;
    if (data?.type === 'saved' && typeof data.id === 'string' && typeof data.rev === 'number')
      for (const listener of listeners) listener({ type: 'saved', id: data.id, rev: data.rev });
    if (data?.type === 'library-changed') for (const listener of listeners) listener({ type: 'library-changed' });
  });
  return {
    post: (message) => channel?.postMessage(message),
    listen: (listener) => {
      listeners.push(listener);
    },
  };
}
