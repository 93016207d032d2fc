import { useSyncExternalStore } from 'react';

/**
 * Whether the live session's interface is mounted: it and its state load only once a session may start,
 * so a person who never uses one never loads them (they are not part of the first paint).
 */
let wanted = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Mounts the session's interface (from then on): a session link, a design in a session, or the Live session command. */
export function wantSessionInterface(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}

export function useWanted(): boolean {
  return useSyncExternalStore(subscribe, () => wanted);
}
