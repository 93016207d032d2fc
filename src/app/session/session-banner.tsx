import { Radio, WifiOff } from 'lucide-react';
import { useSessionUi } from '../../state/session/session-ui';
import { Button } from '../../ui/button';

/**
 * The strip under the toolbar while in a live session: who is there, whether the connection holds (edits
 * made offline merge later), whether this person may edit, and the owner's view to follow or stop
 * following.
 */
export function SessionBanner() {
  const active = useSessionUi((s) => s.active);
  const people = useSessionUi((s) => s.participants.length + 1);
  const owner = useSessionUi((s) => s.participants.find((participant) => participant.role === 'owner'));
  const following = useSessionUi((s) => s.following);
  const setFollowing = useSessionUi((s) => s.setFollowing);
  const controls = useSessionUi((s) => s.controls);
  const panelOpen = useSessionUi((s) => s.panelOpen);
  const setPanelOpen = useSessionUi((s) => s.setPanelOpen);
  const pending = useSessionUi((s) => s.pending);
  if (!active) return null;
  const offline = active.connection === 'offline';
  const closed = active.connection === 'closed';
  let status: string;
  if (closed) status = active.closed ?? 'The live session’s connection was closed.';
  // Joining a session this browser has no design of yet: nothing to edit offline.
  else if (offline && active.designId === '') status = `The live session at ${active.server} cannot be reached yet; trying again…`;
  else if (offline) status = 'Offline — your edits will merge when the connection returns';
  else if (!active.synced) status = pending ?? `Connecting to the live session at ${active.server}…`;
  else status = `Live session · ${people} ${people === 1 ? 'person' : 'people'}`;
  const readOnly =
    active.synced && !closed
      ? active.role === 'viewer'
        ? 'You are a viewer: the design is read-only for you.'
        : active.readOnly
          ? 'The owner has made the session read-only for now.'
          : null
      : null;
  const followable = active.settings.followOwner && active.role !== 'owner' && owner !== undefined;
  const tone = closed
    ? 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50'
    : offline
      ? 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50'
      : 'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-50';
  return (
    <section
      aria-label="Live session"
      data-testid="session-banner"
      className={`flex shrink-0 flex-wrap items-center gap-2 border-b px-3 py-1 text-sm ${tone}`}
    >
      {offline || closed ? <WifiOff size={16} aria-hidden="true" /> : <Radio size={16} aria-hidden="true" />}
      <p role="status" data-testid="session-status" data-connection={active.connection} className="min-w-0 truncate">
        {status}
      </p>
      {readOnly ? (
        <p data-testid="session-read-only" className="font-medium">
          {readOnly}
        </p>
      ) : null}
      {followable ? (
        following ? (
          <>
            <p data-testid="session-following">Following {owner.name}’s view.</p>
            <Button size="sm" onClick={() => setFollowing(false)}>
              Stop following
            </Button>
          </>
        ) : (
          <Button size="sm" onClick={() => setFollowing(true)}>
            Follow {owner.name}
          </Button>
        )
      ) : null}
      <span className="ml-auto flex items-center gap-1">
        {closed ? (
          <>
            <Button size="sm" variant="primary" onClick={() => controls?.fork()}>
              Fork into my designs
            </Button>
            <Button size="sm" onClick={() => controls?.rejoin()}>
              Rejoin
            </Button>
          </>
        ) : null}
        <Button size="sm" aria-pressed={panelOpen} onClick={() => setPanelOpen(!panelOpen)}>
          People and modes
        </Button>
      </span>
    </section>
  );
}
