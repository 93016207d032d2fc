import type { PorticoStore } from '../store';
import { loadRuntime } from './session-launcher';
import type { SessionLink } from './session-link';
import { type Identity, rememberIdentity, rememberServer } from './session-registry';
import { useSessionUi } from './session-ui';

type Runtime = Awaited<ReturnType<typeof loadRuntime>>;

async function run(store: PorticoStore, pending: string, work: (runtime: Runtime) => Promise<string | undefined>): Promise<boolean> {
  useSessionUi.getState().update({ pending, error: null });
  let error: string | undefined;
  try {
    error = await work(await loadRuntime());
  } catch (problem) {
    error = `The live session could not be opened: ${(problem as Error).message}`;
  }
  useSessionUi.getState().update({ pending: null, error: error ?? null });
  if (error && !useSessionUi.getState().dialogOpen) store.getState().notify({ tone: 'error', sticky: true, message: error });
  return error === undefined;
}

/** Starts a live session of the open design on `server` (an origin), as `identity` (remembered for next time). */
export function startSession(store: PorticoStore, server: string, identity: Identity): Promise<boolean> {
  rememberIdentity(identity);
  rememberServer(server);
  return run(store, 'Starting the live session…', (loaded) => loaded.startLiveSession(store, server, identity));
}

/** Joins the session a link names, as `identity` (remembered for next time). */
export function joinSession(store: PorticoStore, link: SessionLink, identity: Identity): Promise<boolean> {
  rememberIdentity(identity);
  useSessionUi.getState().update({ joinRequest: null });
  return run(store, 'Joining the live session…', (loaded) => loaded.joinLiveSession(store, link, identity));
}
