import { Radio } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import { usePorticoStore } from '../../state/context';
import { watchLiveSessions } from '../../state/session/session-launcher';
import { useSessionUi } from '../../state/session/session-ui';
import { IconButton } from '../../ui/button';
import { commandById } from '../commands';

// The session's banner, panel, dialog and canvas presence load with the first session (or its dialog).
const SessionChrome = lazy(() => import('./session-chrome'));
const PresenceLayer = lazy(() => import('./presence-layer'));

/** Mounted once by the app: watches for session links and designs in sessions, and shows a session's interface. */
export function LiveSessions() {
  const store = usePorticoStore();
  const shown = useSessionUi((s) => s.active !== null || s.dialogOpen);
  useEffect(() => watchLiveSessions(store), [store]);
  return shown ? (
    <Suspense fallback={null}>
      <SessionChrome />
    </Suspense>
  ) : null;
}

/** Inside the canvas: other people's selections, and the owner's view to follow. */
export function CanvasPresence() {
  const active = useSessionUi((s) => s.active !== null);
  return active ? (
    <Suspense fallback={null}>
      <PresenceLayer />
    </Suspense>
  ) : null;
}

const connectionDots = { connecting: 'bg-amber-400', online: 'bg-emerald-500', offline: 'bg-amber-500', closed: 'bg-red-500' } as const;

/** The toolbar's "Live session" button: starts or shares one, or opens the session panel while in one. */
export function SessionToolbarButton() {
  const store = usePorticoStore();
  const connection = useSessionUi((s) => s.active?.connection);
  const people = useSessionUi((s) => s.participants.length + 1);
  return (
    <span className="relative inline-flex">
      <IconButton
        label={connection ? `Live session (${people} ${people === 1 ? 'person' : 'people'}, ${connection})` : 'Live session'}
        icon={<Radio size={18} />}
        aria-pressed={connection !== undefined}
        onClick={() => void commandById('live-session').run(store)}
      />
      {connection ? (
        <span
          aria-hidden="true"
          className={`pointer-events-none absolute top-1 right-1 size-2 rounded-full ${connectionDots[connection]}`}
        />
      ) : null}
    </span>
  );
}
