import { create } from 'zustand';
import type { SessionRole } from '../../core/collab/session-protocol';
import type { SessionSettings } from '../../core/collab/session-settings';
import type { Participant, ViewportCentre } from './presence';
import type { SessionLink } from './session-link';

/** `online` once synced with the server; `offline` while it cannot be reached (edits stay and merge later). */
export type SessionConnection = 'connecting' | 'online' | 'offline' | 'closed';

export interface ActiveSession {
  designId: string;
  server: string;
  sessionId: string;
  /** The role the server gave this connection (the token's until the server has said). */
  role: SessionRole;
  /** Whether the server lets this connection write now (a viewer never; an editor not in read-only mode). */
  readOnly: boolean;
  settings: SessionSettings;
  connection: SessionConnection;
  /** Whether the design on show has been read from the session (after the first sync). */
  synced: boolean;
  /** Why the server closed the connection for good, when it did (a change it refused). */
  closed?: string;
  /** The links the owner shares (never the owner's own token). */
  links?: { editor: string; viewer: string };
}

/** What the running session lets the interface do (set by the session code, which loads only for a session). */
export interface SessionControls {
  leave(): void;
  fork(): void;
  rejoin(): void;
  /** The owner's teaching modes. */
  setSettings(patch: Partial<SessionSettings>): void;
  /** The owner's view, while others follow it. */
  publishViewport(viewport: ViewportCentre): void;
}

interface SessionUi {
  active: ActiveSession | null;
  controls: SessionControls | null;
  participants: Participant[];
  /** The start-and-share dialog. */
  dialogOpen: boolean;
  /** The session panel (participants, modes). */
  panelOpen: boolean;
  /** Whether this person follows the owner's view while the owner asks (they may stop). */
  following: boolean;
  /** Starting (POST /sessions) or joining: the dialog shows progress and errors. */
  pending: string | null;
  error: string | null;
  /** A session link opened by someone who has not said their name yet: the dialog asks, then joins. */
  joinRequest: SessionLink | null;
  openDialog: () => void;
  closeDialog: () => void;
  setPanelOpen: (open: boolean) => void;
  setFollowing: (following: boolean) => void;
  update: (patch: Partial<Omit<SessionUi, 'update'>>) => void;
  patchActive: (patch: Partial<ActiveSession>) => void;
}

/**
 * The live session as the interface shows it: not the design (that stays in the Portico store) but the
 * connection, the people and the modes. Small and free of Yjs, so it is part of the first paint; the
 * session itself loads only when one starts or a session link is opened.
 */
export const useSessionUi = create<SessionUi>((set, get) => ({
  active: null,
  controls: null,
  participants: [],
  dialogOpen: false,
  panelOpen: false,
  following: true,
  pending: null,
  error: null,
  joinRequest: null,
  openDialog: () => set({ dialogOpen: true, error: null }),
  closeDialog: () => set({ dialogOpen: false, error: null, joinRequest: null }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setFollowing: (following) => set({ following }),
  update: (patch) => set(patch),
  patchActive: (patch) => {
    const active = get().active;
    if (active) set({ active: { ...active, ...patch } });
  },
}));
