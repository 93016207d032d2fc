import { GitFork, LogOut, Share2, X } from 'lucide-react';
import type { NodeId } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import type { Participant } from '../../state/session/presence';
import { rememberedIdentity } from '../../state/session/session-registry';
import { useSessionUi } from '../../state/session/session-ui';
import type { SidePanel } from '../../state/store';
import { Button, IconButton } from '../../ui/button';
import { elementName, whereText } from './where';

const roleNames = { owner: 'owner', editor: 'editor', viewer: 'viewer' } as const;

function Person({ participant }: { participant: Participant }) {
  const store = usePorticoStore();
  const where = usePortico((s) => whereText(s.design, participant.panel, participant.selection));
  // Go where they are: their panel, their selection, centred on the canvas.
  const goThere = () => {
    const state = store.getState();
    const present = participant.selection.filter((id) => elementName(state.design, id) !== undefined) as NodeId[];
    if (present[0]) state.focus(present[0]);
    if (present.length > 1) state.select(present);
    if (participant.panel !== 'inspector') state.showPanel(participant.panel as SidePanel);
  };
  return (
    <li>
      <button
        type="button"
        data-testid="session-participant"
        data-name={participant.name}
        className="flex w-full items-start gap-2 rounded px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
        title={`Go to where ${participant.name} is`}
        onClick={goThere}
      >
        <span aria-hidden="true" className="mt-1 size-3 shrink-0 rounded-full" style={{ backgroundColor: participant.colour }} />
        <span className="min-w-0">
          <span className="block font-medium">
            {participant.name}
            {participant.role ? (
              <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-300">({roleNames[participant.role]})</span>
            ) : null}
          </span>
          <span data-testid="session-participant-where" className="block truncate text-xs text-slate-600 dark:text-slate-300">
            {where}
          </span>
        </span>
      </button>
    </li>
  );
}

function Toggle({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label className="flex items-start gap-2">
      <input type="checkbox" className="mt-1" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        <span className="block font-medium">{label}</span>
        <span className="block text-xs text-slate-600 dark:text-slate-300">{hint}</span>
      </span>
    </label>
  );
}

/** Who is in the session and where, the owner's teaching modes, and the ways out (fork, leave). */
export function SessionPanel() {
  const active = useSessionUi((s) => s.active);
  const participants = useSessionUi((s) => s.participants);
  const controls = useSessionUi((s) => s.controls);
  const setPanelOpen = useSessionUi((s) => s.setPanelOpen);
  const openDialog = useSessionUi((s) => s.openDialog);
  if (!active) return null;
  const me = rememberedIdentity();
  const owner = active.role === 'owner';
  return (
    <aside
      aria-label="Live session panel"
      data-testid="session-panel"
      className="fixed top-12 right-0 bottom-0 z-30 flex w-80 max-w-full flex-col gap-4 overflow-auto border-l border-slate-200 bg-white p-3 text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="flex items-center gap-2">
        <h2 className="flex-1 text-base font-semibold">Live session</h2>
        <IconButton label="Close the session panel" icon={<X size={16} />} onClick={() => setPanelOpen(false)} />
      </header>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        On {active.server} as {roleNames[active.role]}.
      </p>
      <section aria-label="People">
        <h3 className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">People ({participants.length + 1})</h3>
        <ul className="space-y-0.5">
          <li className="flex items-center gap-2 px-2 py-1.5">
            <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: me?.colour ?? '#64748b' }} />
            <span className="font-medium">{me?.name ?? 'You'}</span>
            <span className="text-xs text-slate-600 dark:text-slate-300">(you, {roleNames[active.role]})</span>
          </li>
          {participants.map((participant) => (
            <Person key={participant.clientId} participant={participant} />
          ))}
        </ul>
      </section>
      {owner ? (
        <section aria-label="Teaching modes" className="space-y-2">
          <h3 className="text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">Teaching modes</h3>
          <Toggle
            label="Read-only for others"
            hint="Only you change the design; editors watch until you turn it off."
            checked={active.settings.readOnly}
            onChange={(readOnly) => controls?.setSettings({ readOnly })}
          />
          <Toggle
            label="Everyone follows my view"
            hint="Others' canvases show what yours shows; each can stop following."
            checked={active.settings.followOwner}
            onChange={(followOwner) => controls?.setSettings({ followOwner })}
          />
          <Button icon={<Share2 size={14} />} onClick={openDialog}>
            Share links…
          </Button>
        </section>
      ) : null}
      <section aria-label="Leave" className="mt-auto flex flex-wrap gap-2">
        <Button icon={<GitFork size={14} />} onClick={() => controls?.fork()}>
          Fork into my designs
        </Button>
        <Button icon={<LogOut size={14} />} onClick={() => controls?.leave()}>
          Leave session
        </Button>
      </section>
    </aside>
  );
}
