import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  type CreatedSession,
  docToDesign,
  readServerNotice,
  readSessionSettings,
  type SessionRole,
  type SessionSettings,
  sessionCloseCodes,
  sessionRoles,
  sessionSettingsMap,
  writeSessionSettings,
} from '../../core/collab';
import type { Design } from '../../core/model';
import type { PorticoStore } from '../store';
import { connectAllowed } from './connect-policy';
import { type PresenceState, readParticipants } from './presence';
import { joinSession } from './session-actions';
import { indexedDbSessionDocs, type SessionDocStore } from './session-doc-store';
import { parseSessionLink, type SessionLink, sessionLinkUrl, tokenRole, webSocketUrl } from './session-link';
import { SessionMirror } from './session-mirror';
import {
  designsOfSession,
  forgetSession,
  type Identity,
  pickColour,
  type RememberedSession,
  rememberedIdentity,
  rememberSession,
  sessionOfDesign,
} from './session-registry';
import { SessionSocket } from './session-socket';
import { type ActiveSession, useSessionUi } from './session-ui';

/** The origin of the owner's changes to the session's settings (not design edits: never undone). */
const settingsOrigin = 'portico-session-settings';
/** The origin of a doc state read back from this browser's storage. */
const restoredOrigin = 'portico-restored';

/** Close codes after which reconnecting would only send the refused change again (see sessionCloseCodes). */
const finalCloses = new Map<number, string>([
  [sessionCloseCodes.messageTooLarge, 'The server refused a change of yours as too large.'],
  [sessionCloseCodes.malformed, 'The server refused a message from this app as malformed.'],
  [sessionCloseCodes.forbidden, 'The server refused something your role may not do.'],
  [sessionCloseCodes.tooLarge, 'The server refused a change of yours: the design would be larger than the session allows.'],
  [sessionCloseCodes.invalidDesign, 'The server refused a change of yours that would break the shared design.'],
]);

/**
 * A provider that publishes this client's own presence only. Hocuspocus' provider also sends on every
 * presence it receives from others: a relay the server does not need (it broadcasts itself) and lets
 * through unchecked (a relayed state is no newer than the one the room has), but traffic all the same.
 */
class SessionProvider extends HocuspocusProvider {
  override awarenessUpdateHandler(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const own = (ids: number[]) => ids.filter((id) => id === this.document.clientID);
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) super.awarenessUpdateHandler(mine, origin);
  }
}

type Plan =
  /** A session this person just created from the open design (POST /sessions had it). */
  | { kind: 'new'; record: RememberedSession; base: Design }
  /** A design of the library that is in a session (reopened, reloaded). */
  | { kind: 'resume'; record: RememberedSession }
  /** A link opened for a session this browser has no design of yet: a new library design, at the first sync. */
  | { kind: 'join'; link: SessionLink };

const docs: SessionDocStore = indexedDbSessionDocs();
let current: LiveSession | undefined;

function appUrl(): string {
  return `${location.origin}${location.pathname}`;
}

function linksOf(record: RememberedSession): ActiveSession['links'] {
  const { editor, viewer } = record.tokens;
  if (record.role !== 'owner' || !editor || !viewer) return undefined;
  const server = record.server;
  return {
    editor: sessionLinkUrl(appUrl(), { server, sessionId: record.sessionId, token: editor }),
    viewer: sessionLinkUrl(appUrl(), { server, sessionId: record.sessionId, token: viewer }),
  };
}

function pageCsp(): string | undefined {
  return document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? undefined;
}

function unreachable(server: string): string | undefined {
  if (connectAllowed(pageCsp(), location.origin, server)) return undefined;
  return `This copy of Portico may reach a sessions server only on this computer or where it was opened from. Open Portico from the server itself (${server}/) and start the session there.`;
}

/**
 * One live session of one library design in this tab: the shared doc and its provider, the mirror that
 * keeps the store in step with it, presence, the server's notices and the connection's state for the
 * interface. Loaded only when a session starts, a session link is opened, or a design in a session is.
 */
class LiveSession {
  readonly doc = new Y.Doc();
  private socket: SessionSocket;
  private provider: SessionProvider;
  private mirror: SessionMirror | undefined;
  private record: RememberedSession | undefined;
  private role: SessionRole;
  /** The server's word on writing (welcome and mode notices); until it speaks, the role's. */
  private canWrite: boolean;
  private closed: string | undefined;
  private stopped = false;
  /** True while this session opens its design in the library (the design switch that causes is its own). */
  opening = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly store: PorticoStore,
    private readonly plan: Plan,
    private readonly identity: Identity,
    restored: Uint8Array | undefined,
  ) {
    this.record = plan.kind === 'join' ? undefined : plan.record;
    this.role = plan.kind === 'join' ? plan.link.role : plan.record.role;
    if (restored) Y.applyUpdate(this.doc, restored, restoredOrigin);
    this.canWrite = this.role !== 'viewer' && !(this.role === 'editor' && readSessionSettings(this.doc).readOnly);
    const server = plan.kind === 'join' ? plan.link.server : plan.record.server;
    const sessionId = plan.kind === 'join' ? plan.link.sessionId : plan.record.sessionId;
    const token = plan.kind === 'join' ? plan.link.token : (plan.record.tokens[plan.record.role] as string);
    useSessionUi.getState().update({
      active: {
        designId: this.record?.designId ?? '',
        server,
        sessionId,
        role: this.role,
        readOnly: !this.canWrite,
        settings: readSessionSettings(this.doc),
        connection: 'connecting',
        synced: false,
        ...(this.record && linksOf(this.record) ? { links: linksOf(this.record) } : {}),
      },
      controls: {
        leave: () => this.leave(),
        fork: () => this.fork(),
        rejoin: () => void this.rejoin(),
        setSettings: (patch) => this.setSettings(patch),
        publishViewport: (viewport) => this.publish({ viewport }),
      },
      participants: [],
      following: true,
    });
    // Reconnects soon (a workshop's Wi-Fi drops for seconds, not minutes): at most every 4 s.
    this.socket = new SessionSocket({ url: webSocketUrl(server), delay: 500, minDelay: 500, maxDelay: 4000, factor: 2 });
    this.provider = new SessionProvider({
      websocketProvider: this.socket,
      name: sessionId,
      document: this.doc,
      token,
      onStateless: ({ payload }) => this.onNotice(payload),
      onSynced: ({ state }) => {
        if (state) this.onSynced();
      },
      onStatus: ({ status }) => this.onStatus(status),
      onClose: ({ event }) => this.onClose(event.code),
      onAuthenticationFailed: () =>
        this.closeForGood('The server did not accept this session’s token (the session is from another server, or the server was reset).'),
      onAwarenessChange: () => this.readPresence(),
    });
    this.provider.attach();
    this.publish({
      name: identity.name,
      colour: identity.colour,
      selection: store.getState().selection,
      panel: store.getState().sidePanel,
    });

    const settings = sessionSettingsMap(this.doc);
    const onSettings = () => this.onSettings();
    settings.observe(onSettings);
    this.cleanups.push(() => settings.unobserve(onSettings));
    const onUpdate = () => this.scheduleSave();
    this.doc.on('update', onUpdate);
    this.cleanups.push(() => this.doc.off('update', onUpdate));
    this.cleanups.push(
      store.subscribe((next, previous) => {
        if (next.selection !== previous.selection || next.sidePanel !== previous.sidePanel)
          this.publish({ selection: next.selection, panel: next.sidePanel });
      }),
    );
    // Back online: try at once rather than at the next retry.
    const online = () => {
      if (this.socket.status === WebSocketStatus.Disconnected) void this.socket.connect();
    };
    const hide = () => void this.save();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', hide);
    this.cleanups.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', hide);
    });
  }

  get designId(): string | undefined {
    return this.record?.designId;
  }

  private refusal(): string | undefined {
    if (this.closed) return `${this.closed} Fork the session into your designs to keep working on it.`;
    // The server's word (its welcome and mode notices): it refuses a read-only connection's changes anyway.
    if (this.canWrite) return undefined;
    return this.role === 'viewer'
      ? 'You are a viewer in this live session: only its owner and editors change the design.'
      : 'The owner has made this live session read-only for now: only they edit the design.';
  }

  private publish(patch: Partial<PresenceState>): void {
    const awareness = this.provider.awareness;
    if (!awareness || this.stopped) return;
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...patch });
  }

  private readPresence(): void {
    const awareness = this.provider.awareness;
    if (!awareness || this.stopped) return;
    useSessionUi.getState().update({ participants: readParticipants(awareness.getStates(), this.doc.clientID) });
  }

  private onSettings(): void {
    const settings = readSessionSettings(this.doc);
    const before = useSessionUi.getState().active?.settings;
    useSessionUi.getState().patchActive({ settings });
    // Asked to follow again: follow (someone who stopped following chose so only for that time).
    if (settings.followOwner && !before?.followOwner) useSessionUi.getState().setFollowing(true);
  }

  private onStatus(status: WebSocketStatus): void {
    if (this.stopped || this.closed) return;
    const connection = status === WebSocketStatus.Disconnected ? 'offline' : this.provider.isSynced ? 'online' : 'connecting';
    const active = useSessionUi.getState().active;
    // While reconnecting, the offline message stays (the edits have not merged yet).
    if (status === WebSocketStatus.Connecting && active?.connection === 'offline') return;
    useSessionUi.getState().patchActive({ connection });
  }

  private onNotice(payload: string): void {
    const notice = readServerNotice(payload);
    if (!notice || this.stopped) return;
    if (notice.type === 'welcome') {
      this.role = notice.role;
      this.canWrite = !notice.readOnly;
      // The server checks this against the connection: others may trust it (and follow only the owner).
      this.publish({ role: notice.role });
      useSessionUi.getState().patchActive({ role: notice.role, readOnly: notice.readOnly });
    } else if (notice.type === 'mode') {
      const wasWriting = this.canWrite;
      this.canWrite = !notice.readOnly;
      useSessionUi.getState().patchActive({ readOnly: notice.readOnly });
      // Changes the server did not take before read-only began would be sent again when it ends: drop them.
      if (wasWriting && notice.readOnly && this.provider.hasUnsyncedChanges) void this.rejoin();
    } else if (notice.repairs.length > 0) {
      const what = notice.repairs.map((repair) => repair.message).join(' ');
      this.store.getState().notify({ tone: 'info', message: `Changes made at the same time were merged and repaired: ${what}` });
    }
  }

  private onClose(code: number): void {
    const reason = finalCloses.get(code);
    if (reason) this.closeForGood(reason);
  }

  private closeForGood(reason: string): void {
    if (this.stopped || this.closed) return;
    this.closed = reason;
    this.socket.stop();
    useSessionUi.getState().patchActive({ connection: 'closed', closed: reason });
  }

  private onSynced(): void {
    if (this.stopped) return;
    useSessionUi.getState().patchActive({ connection: 'online' });
    if (!this.mirror?.isStarted) this.startMirror();
  }

  /** After a sync, and after each update until it works: the doc may still be empty for someone who joined early. */
  private startMirror(): void {
    const plan = this.plan;
    if (plan.kind === 'join' && !this.record) {
      const read = docToDesign(this.doc);
      if (!read.ok) {
        this.waitForDesign(read.code === 'empty' ? undefined : read.message);
        return;
      }
      this.opening = true;
      try {
        this.store.getState().openNewDesign(read.design, { label: 'the live session', origin: 'share-link' });
      } finally {
        this.opening = false;
      }
      const designId = this.store.getState().designId;
      if (!designId) return;
      this.record = {
        designId,
        server: plan.link.server,
        sessionId: plan.link.sessionId,
        role: plan.link.role,
        tokens: { [plan.link.role]: plan.link.token },
      };
      rememberSession(this.record);
      useSessionUi.getState().patchActive({ designId });
    }
    const record = this.record as RememberedSession;
    if (this.store.getState().designId !== record.designId) return;
    const present = this.store.getState().history.present;
    const base = plan.kind === 'new' ? plan.base : this.restoredBase;
    this.mirror ??= new SessionMirror(this.store, this.doc, {
      designId: record.designId,
      refusal: () => this.refusal(),
      onUnreadable: (message) =>
        this.store.getState().notify({
          tone: 'warning',
          message: `The live session’s design cannot be read right now (${message}); you keep the last design that could be.`,
        }),
    });
    const started = this.mirror.start(base);
    if (!started.ok) {
      this.waitForDesign(started.code === 'empty' ? undefined : started.message);
      return;
    }
    useSessionUi.getState().patchActive({ synced: true });
    const shown = this.store.getState().history.present;
    // A design this browser had changed while the session went on without a record of what it started from:
    // neither is thrown away.
    if (plan.kind === 'resume' && !base && !sameContent(present, shown))
      this.store.getState().notify({
        tone: 'warning',
        sticky: true,
        message: 'Your copy of this design in this browser differed from the live session’s; the session’s is on show.',
        action: {
          label: 'Keep my copy as a new design',
          run: () => this.store.getState().openNewDesign(present, { label: 'your copy', origin: 'duplicate' }),
        },
      });
  }

  private restoredBase: Design | undefined;

  /** Called by `openSession` with what the doc held when restored. */
  setRestoredBase(base: Design | undefined): void {
    this.restoredBase = base;
  }

  private waiting = false;
  private waitForDesign(problem: string | undefined): void {
    if (problem) {
      this.closeForGood(`The live session’s design cannot be read: ${problem}`);
      return;
    }
    if (this.waiting) return;
    this.waiting = true;
    useSessionUi.getState().update({ pending: 'Waiting for the session’s design…' });
    const retry = () => {
      if (this.stopped || this.mirror?.isStarted || docToDesign(this.doc).ok === false) return;
      this.doc.off('update', retry);
      this.waiting = false;
      useSessionUi.getState().update({ pending: null });
      this.startMirror();
    };
    this.doc.on('update', retry);
  }

  private scheduleSave(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), 400);
  }

  private async save(): Promise<void> {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const record = this.record;
    if (!record || this.closed) return;
    await docs.put({ designId: record.designId, sessionId: record.sessionId, state: Y.encodeStateAsUpdate(this.doc), savedAt: Date.now() });
  }

  private setSettings(patch: Partial<SessionSettings>): void {
    if (this.role !== 'owner') return;
    writeSessionSettings(this.doc, patch, settingsOrigin);
  }

  /** Disconnects and lets go of the doc (kept in this browser, so reopening the design reconnects). */
  async suspend(): Promise<void> {
    if (this.stopped) return;
    await this.save();
    this.stop();
  }

  private stop(): void {
    this.stopped = true;
    for (const cleanup of this.cleanups) cleanup();
    this.mirror?.stop();
    this.socket.stopped = true;
    this.provider.destroy();
    this.socket.destroy();
    if (current === this) current = undefined;
    useSessionUi.getState().update({ active: null, controls: null, participants: [], panelOpen: false, pending: null });
  }

  private leave(): void {
    const record = this.record;
    this.stop();
    if (record) {
      forgetSession(record.designId);
      void docs.remove(record.designId);
    }
    this.store.getState().notify({ tone: 'info', message: 'You left the live session. The design stays in My designs as it is now.' });
  }

  private fork(): void {
    const design = this.store.getState().history.present;
    // Opening it as a new design switches away from this one, which disconnects the session.
    this.store.getState().openNewDesign(design, { label: 'a copy of the live session', origin: 'duplicate' });
  }

  /** Joins again with a fresh doc: whatever this tab had not got into the session is dropped (the server refused it). */
  private async rejoin(): Promise<void> {
    const record = this.record;
    this.stop();
    if (!record) return;
    await docs.remove(record.designId);
    current = new LiveSession(this.store, { kind: 'resume', record }, this.identity, undefined);
  }
}

function sameContent(a: Design, b: Design): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Reads `POST /sessions`' answer as untrusted: a session id and one token per role, as the server issues them. */
function readCreated(value: unknown): CreatedSession | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { sessionId, tokens } = value as Record<string, unknown>;
  if (typeof sessionId !== 'string' || !/^[0-9a-f]{32}$/.test(sessionId) || typeof tokens !== 'object' || tokens === null) return undefined;
  const read: Partial<Record<SessionRole, string>> = {};
  for (const role of sessionRoles) {
    const token = (tokens as Record<string, unknown>)[role];
    if (typeof token !== 'string' || tokenRole(token) !== role) return undefined;
    read[role] = token;
  }
  return { sessionId, tokens: read as Record<SessionRole, string> };
}

let queue: Promise<unknown> = Promise.resolve();
/** Starting, joining, reopening and leaving run one at a time (a tab has one session at most). */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
}

async function openSession(store: PorticoStore, plan: Plan, identity: Identity): Promise<void> {
  await current?.suspend();
  let restored: Uint8Array | undefined;
  let base: Design | undefined;
  if (plan.kind === 'resume') {
    const stored = await docs.get(plan.record.designId);
    if (stored && stored.sessionId === plan.record.sessionId) {
      restored = stored.state;
      const scratch = new Y.Doc();
      try {
        Y.applyUpdate(scratch, stored.state);
        const read = docToDesign(scratch);
        if (read.ok) base = read.design;
      } catch {
        restored = undefined;
      } finally {
        scratch.destroy();
      }
    }
  }
  const session = new LiveSession(store, plan, identity, restored);
  session.setRestoredBase(base);
  current = session;
}

/**
 * Starts a live session for the open design: `POST {server}/sessions` with the design, then joins it as
 * its owner. The owner's token stays in this browser; the links to share carry the editor's and the
 * viewer's. Resolves with a reason when it could not start.
 */
export function startLiveSession(store: PorticoStore, server: string, identity: Identity): Promise<string | undefined> {
  return oneAtATime(() => start(store, server, identity));
}

async function start(store: PorticoStore, server: string, identity: Identity): Promise<string | undefined> {
  const state = store.getState();
  const designId = state.designId;
  if (!designId) return 'The design library has not opened yet: try again in a moment.';
  if (state.persistence.state === 'read-only') return 'This design is open in another tab: start the session there.';
  const blocked = unreachable(server);
  if (blocked) return blocked;
  const design = state.history.present;
  let response: Response;
  try {
    response = await fetch(`${server}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ design }),
      credentials: 'omit',
    });
  } catch {
    return `No Portico sessions server answered at ${server}. Start one with “npx portico serve” and check the address.`;
  }
  if (response.status !== 201) {
    const error = await response
      .json()
      .then((body: unknown) => (typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined))
      .catch(() => undefined);
    return `The server did not start the session (${response.status})${typeof error === 'string' ? `: ${error.slice(0, 300)}` : '.'}`;
  }
  const created = readCreated(await response.json().catch(() => undefined));
  if (!created) return `The server at ${server} did not answer as a Portico sessions server does.`;
  if (store.getState().designId !== designId) return 'Another design was opened meanwhile: start the session again.';
  const record: RememberedSession = { designId, server, sessionId: created.sessionId, role: 'owner', tokens: created.tokens };
  rememberSession(record);
  await openSession(store, { kind: 'new', record, base: design }, identity);
  return undefined;
}

/**
 * Opens a session link: the library design this browser already has for that session (reconnected), or a
 * new one made from the session's design at the first sync. Never replaces another design.
 */
export function joinLiveSession(store: PorticoStore, link: SessionLink, identity: Identity): Promise<string | undefined> {
  return oneAtATime(() => join(store, link, identity));
}

async function join(store: PorticoStore, link: SessionLink, identity: Identity): Promise<string | undefined> {
  const blocked = unreachable(link.server);
  if (blocked) return blocked;
  const library = store.getState().library;
  const known = designsOfSession(link.server, link.sessionId).find((record) =>
    library.some((entry) => entry.id === record.designId && entry.deletedAt === undefined && !entry.damaged),
  );
  if (known) {
    // The better role of the two (an owner who opens an editor link stays the owner).
    const rank = (role: SessionRole) => sessionRoles.indexOf(role);
    const role = rank(link.role) < rank(known.role) ? link.role : known.role;
    const record = { ...known, role, tokens: { ...known.tokens, [link.role]: link.token } };
    rememberSession(record);
    if (current?.designId === record.designId) return undefined;
    if (store.getState().designId === record.designId) {
      await openSession(store, { kind: 'resume', record }, identity);
      return undefined;
    }
    // Opening the design reconnects it (see `designChanged`).
    return (await store.getState().switchDesign(record.designId)) ? undefined : 'The design of this session could not be opened.';
  }
  await openSession(store, { kind: 'join', link }, identity);
  return undefined;
}

/**
 * The open design changed (or whether this tab may write it): a session of another design disconnects
 * (its doc kept in this browser), and a design that is in a session reconnects.
 */
export function designChanged(store: PorticoStore): Promise<void> {
  return oneAtATime(() => followDesign(store));
}

async function followDesign(store: PorticoStore): Promise<void> {
  const { designId, persistence } = store.getState();
  if (current?.opening) return;
  const writable = persistence.state !== 'read-only';
  if (current && (current.designId === undefined ? false : current.designId !== designId || !writable)) await current.suspend();
  if (current || !designId || !writable) return;
  const record = sessionOfDesign(designId);
  // Someone reopening a design in a session whose name this browser forgot (storage cleared) still joins.
  if (record) await openSession(store, { kind: 'resume', record }, rememberedIdentity() ?? { name: 'Guest', colour: pickColour() });
}

/** A session link from the address: joined at once by someone whose name this browser knows, else after asking it. */
export function openSessionLink(store: PorticoStore, fragment: string): void {
  const parsed = parseSessionLink(fragment);
  if (!parsed.ok) {
    store.getState().notify({ tone: 'error', sticky: true, message: `${parsed.message} Your designs are unchanged.` });
    return;
  }
  const identity = rememberedIdentity();
  if (identity) void joinSession(store, parsed.value, identity);
  else useSessionUi.getState().update({ joinRequest: parsed.value, dialogOpen: true });
}
