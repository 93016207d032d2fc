import { Radio } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import { usePorticoStore } from '../../state/context';
import { watchLiveSessions } from '../../state/session/session-launcher';
import { IconButton } from '../../ui/button';
import { commandById } from '../commands';
import { useWanted, wantSessionInterface } from './session-interface';

// The session's banner, panel, dialog and canvas presence load with the first session (or its dialog), and
// with them the session's interface state: none of it is part of the first paint.
const SessionChrome = lazy(() => import('./session-chrome'));
const PresenceLayer = lazy(() => import('./presence-layer'));

/** Mounted once by the app: watches for session links and designs in sessions, and shows a session's interface. */
export function LiveSessions() {
  const store = usePorticoStore();
  const shown = useWanted();
  useEffect(() => watchLiveSessions(store, wantSessionInterface), [store]);
  return shown ? (
    <Suspense fallback={null}>
      <SessionChrome />
    </Suspense>
  ) : null;
}

/** Inside the canvas: other people's selections, and the owner's view to follow. */
export function CanvasPresence() {
  return useWanted() ? (
    <Suspense fallback={null}>
      <PresenceLayer />
    </Suspense>
  ) : null;
}

/** The toolbar's "Live session" button: starts or shares one, or opens the session panel while in one. */
export function SessionToolbarButton() {
  const store = usePorticoStore();
  return <IconButton label="Live session" icon={<Radio size={18} />} onClick={() => void commandById('live-session').run(store)} />;
}
