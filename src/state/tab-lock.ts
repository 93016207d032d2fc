/**
 * One writer per design across tabs. The tab holding the Web Lock autosaves; another tab on the same
 * design is told and stays read-only until the user takes over (which steals the lock). Writers
 * announce saves on a BroadcastChannel so followers can reload the latest design.
 */
export interface TabCoordinator {
  /** Resolves true when this tab is the writer. */
  acquire: () => Promise<boolean>;
  /** Steals the lock from the other tab. */
  takeOver: () => Promise<boolean>;
  announceSave: (savedAt: number) => void;
  onOtherTabSaved: (listener: () => void) => void;
  /** Called when another tab takes the lock away from this one. */
  onLost: (listener: () => void) => void;
}

const lockName = 'portico-current-design';

export function createTabCoordinator(): TabCoordinator {
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('portico');
  const savedListeners: (() => void)[] = [];
  const lostListeners: (() => void)[] = [];
  channel?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'saved') for (const listener of savedListeners) listener();
  });
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;

  const hold = (steal: boolean) =>
    new Promise<boolean>((resolve) => {
      if (!locks) {
        resolve(true);
        return;
      }
      locks
        .request(lockName, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          // Hold the lock for the life of the tab.
          return new Promise<void>(() => {});
        })
        .catch(() => {
          // The lock was stolen by another tab ("Take over" there).
          for (const listener of lostListeners) listener();
        });
    });

  return {
    acquire: () => hold(false),
    takeOver: () => hold(true),
    announceSave: (savedAt) => channel?.postMessage({ type: 'saved', savedAt }),
    onOtherTabSaved: (listener) => savedListeners.push(listener),
    onLost: (listener) => lostListeners.push(listener),
  };
}
