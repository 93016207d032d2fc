import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { PorticoActions, PorticoState, PorticoStore } from './store';

const StoreContext = createContext<PorticoStore | null>(null);

export function PorticoProvider({ store, children }: { store: PorticoStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for event handlers that read state without subscribing (`store.getState()`). */
export function usePorticoStore(): PorticoStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('usePortico must be used inside <PorticoProvider>.');
  return store;
}

/**
 * Subscribes to the smallest piece of state a component needs: `usePortico((s) => s.design.methods[id])`.
 * Never select the whole state; selectors returning new objects need `useShallow`.
 */
export function usePortico<T>(selector: (state: PorticoState & PorticoActions) => T): T {
  return useStore(usePorticoStore(), selector);
}
