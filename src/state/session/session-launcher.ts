import type { PorticoStore } from '../store';

type Runtime = typeof import('./live-session');
let runtime: Promise<Runtime> | undefined;
/** Yjs, the provider and the session code load here, on the first session: never before first paint. */
export const loadRuntime = (): Promise<Runtime> => {
  runtime ??= import('./live-session');
  return runtime;
};

/** Whether this browser remembers `designId` in a session: a quick look at the raw record (the session code checks it). */
function mayBeInSession(designId: string): boolean {
  try {
    return (localStorage.getItem('portico.liveSessions') ?? '').includes(`"designId":${JSON.stringify(designId)}`);
  } catch {
    return false;
  }
}

/**
 * Watches for live sessions: a session link in the address (now or when the fragment changes) is joined,
 * and opening a library design that is in a session reconnects it; leaving it disconnects. While no
 * design is in a session, no session code loads and no server is contacted. `onSession` is told when a
 * session may start (the interface then loads). Kept this small because it is part of the first paint.
 */
export function watchLiveSessions(store: PorticoStore, onSession: () => void): () => void {
  const readFragment = () => {
    const fragment = location.hash;
    if (!fragment.startsWith('#session=')) return;
    // The token is a key to the session: it does not stay in the address bar or the history.
    history.replaceState(null, '', location.pathname + location.search);
    onSession();
    void loadRuntime().then((loaded) => loaded.openSessionLink(store, fragment));
  };
  const check = () => {
    const { designId } = store.getState();
    if (!runtime && !(designId && mayBeInSession(designId))) return;
    onSession();
    void loadRuntime().then((loaded) => loaded.designChanged(store));
  };
  readFragment();
  check();
  window.addEventListener('hashchange', readFragment);
  const unsubscribe = store.subscribe((next, previous) => {
    if (next.designId !== previous.designId || (next.persistence.state === 'read-only') !== (previous.persistence.state === 'read-only'))
      check();
  });
  return () => {
    window.removeEventListener('hashchange', readFragment);
    unsubscribe();
  };
}
