import { Copy } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { usePorticoStore } from '../../state/context';
import { joinSession, startSession } from '../../state/session/session-actions';
import { readServerAddress } from '../../state/session/session-link';
import { pickColour, rememberedIdentity, rememberedServer } from '../../state/session/session-registry';
import { useSessionUi } from '../../state/session/session-ui';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { inputClass } from '../../ui/field';

const defaultServer = 'http://localhost:1234';

/** Whether the app was opened from a Portico sessions server (it then serves the app, and is the natural server). */
async function servedBySessionsServer(): Promise<boolean> {
  try {
    const response = await fetch('/health', { cache: 'no-store', credentials: 'omit' });
    if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) return false;
    const body = (await response.json()) as { status?: unknown; rooms?: unknown };
    return body.status === 'ok' && typeof body.rooms === 'number';
  } catch {
    return false;
  }
}

function CopyField({ label, value }: { label: string; value: string }) {
  const store = usePorticoStore();
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      store.getState().notify({ tone: 'success', message: `${label} copied.` });
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      store
        .getState()
        .notify({ tone: 'info', message: 'The browser did not let Portico copy: the link is selected, copy it with Ctrl+C.' });
    }
  };
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      <div className="flex gap-1">
        <input id={id} readOnly className={`${inputClass} font-mono text-xs`} value={value} onFocus={(event) => event.target.select()} />
        <Button icon={<Copy size={14} />} onClick={() => void copy()} aria-label={`Copy the ${label.toLowerCase()}`}>
          Copy
        </Button>
      </div>
    </div>
  );
}

function NameField({ name, setName }: { name: string; setName: (name: string) => void }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        Your name (others see it beside what you select)
      </label>
      <input
        id={id}
        className={inputClass}
        value={name}
        maxLength={40}
        required
        autoComplete="nickname"
        onChange={(event) => setName(event.target.value)}
      />
    </div>
  );
}

/**
 * The live session dialog: start a session of the open design (your name, the server), then share its
 * links; or, for a session link opened before this browser knew your name, join it.
 */
export function SessionDialog() {
  const store = usePorticoStore();
  const open = useSessionUi((s) => s.dialogOpen);
  const active = useSessionUi((s) => s.active);
  const joinRequest = useSessionUi((s) => s.joinRequest);
  const pending = useSessionUi((s) => s.pending);
  const error = useSessionUi((s) => s.error);
  const close = useSessionUi((s) => s.closeDialog);
  const [name, setName] = useState(() => rememberedIdentity()?.name ?? '');
  const [server, setServer] = useState(() => rememberedServer() ?? defaultServer);
  const [problem, setProblem] = useState<string | null>(null);
  const serverId = useId();

  // Opened from a sessions server (a workshop): that server is the one to use.
  useEffect(() => {
    let current = true;
    void servedBySessionsServer().then((served) => {
      if (current && served) setServer(location.origin);
    });
    return () => {
      current = false;
    };
  }, []);

  const identity = () => {
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem('Say your name: the others see it beside what you select.');
      return undefined;
    }
    setProblem(null);
    return { name: trimmed, colour: rememberedIdentity()?.colour ?? pickColour() };
  };
  const start = () => {
    const who = identity();
    const address = readServerAddress(server);
    if (!who) return;
    if (!address.ok) {
      setProblem(address.message);
      return;
    }
    void startSession(store, address.value, who);
  };
  const join = () => {
    const who = identity();
    if (who && joinRequest) {
      close();
      void joinSession(store, joinRequest, who);
    }
  };

  const shownError = problem ?? error;
  let title = 'Start a live session';
  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (active) {
    title = 'Live session';
    body = active.links ? (
      <div className="space-y-3">
        <p>Share a link: everyone who opens it works on this design with you, live. The session keeps going while you have it open.</p>
        <CopyField label="Editor link" value={active.links.editor} />
        <CopyField label="Viewer link" value={active.links.viewer} />
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Editors change the design; viewers only watch. Your owner link stays in this browser, so only you change the session's modes.
        </p>
      </div>
    ) : (
      <p>You are in a live session. Only its owner shares its links.</p>
    );
    footer = (
      <Button variant="primary" onClick={close}>
        Done
      </Button>
    );
  } else if (joinRequest) {
    title = 'Join a live session';
    body = (
      <form
        id="session-join"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          join();
        }}
      >
        <p>
          This link opens a live session on {joinRequest.server} as {joinRequest.role === 'viewer' ? 'a viewer' : `an ${joinRequest.role}`}.
          Its design opens as a new design in My designs; your other designs stay as they are.
        </p>
        <NameField name={name} setName={setName} />
      </form>
    );
    footer = (
      <>
        <Button onClick={close}>Not now</Button>
        <Button variant="primary" type="submit" form="session-join">
          Join
        </Button>
      </>
    );
  } else {
    body = (
      <form
        id="session-start"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <p>Work on this design with others at the same time, through a Portico sessions server (npx portico serve).</p>
        <NameField name={name} setName={setName} />
        <div>
          <label htmlFor={serverId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
            Sessions server
          </label>
          <input id={serverId} className={inputClass} value={server} onChange={(event) => setServer(event.target.value)} />
        </div>
      </form>
    );
    footer = (
      <>
        <Button onClick={close}>Cancel</Button>
        <Button variant="primary" type="submit" form="session-start" disabled={pending !== null}>
          Start live session
        </Button>
      </>
    );
  }
  return (
    <Dialog open={open} title={title} onClose={close} footer={footer}>
      {body}
      {pending ? (
        <p role="status" className="mt-3 text-slate-600 dark:text-slate-300">
          {pending}
        </p>
      ) : null}
      {shownError ? (
        <p role="alert" data-testid="session-error" className="mt-3 text-red-700 dark:text-red-300">
          {shownError}
        </p>
      ) : null}
    </Dialog>
  );
}
