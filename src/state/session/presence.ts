import { type SessionRole, sessionRoles } from '../../core/collab/session-protocol';

/** Where a person looks on the canvas: the centre of their view in flow units, and their zoom. */
export interface ViewportCentre {
  x: number;
  y: number;
  zoom: number;
}

/**
 * What each participant publishes (Yjs awareness, relayed by the server): who they are, what they have
 * selected and which side panel they are in. The owner adds their view while asking others to follow it.
 * `role` is checked by the server against the connection, so a presence that says owner is the owner.
 */
export interface PresenceState {
  role?: SessionRole;
  name: string;
  colour: string;
  selection: string[];
  panel: string;
  viewport?: ViewportCentre;
}

export interface Participant extends PresenceState {
  /** The Yjs client id (one per open tab). */
  clientId: number;
}

const longestName = 40;
const mostSelected = 100;

/** Code points never shown in a name: controls, and the invisible marks that reorder or hide text. */
function hidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** A name as shown: printable, trimmed, short. */
export function cleanName(text: string): string {
  let clean = '';
  for (const character of text) if (!hidden(character.codePointAt(0) ?? 0)) clean += character;
  return clean.trim().slice(0, longestName);
}

function readViewport(value: unknown): ViewportCentre | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, zoom } = value as Record<string, unknown>;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return undefined;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !(zoom >= 0.01 && zoom <= 4)) return undefined;
  if (Math.abs(x) > 1e7 || Math.abs(y) > 1e7) return undefined;
  return { x, y, zoom };
}

/**
 * Another participant's presence, read as untrusted input (any client can publish anything the server's
 * size limit lets through): undefined when it is not a presence Portico publishes, otherwise only its
 * known fields, each checked and bounded.
 */
export function readPresence(clientId: number, state: unknown): Participant | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const fields = state as Record<string, unknown>;
  if (typeof fields.name !== 'string' || typeof fields.colour !== 'string') return undefined;
  const name = cleanName(fields.name);
  if (name === '' || !/^#[0-9a-f]{6}$/.test(fields.colour)) return undefined;
  const role =
    typeof fields.role === 'string' && (sessionRoles as readonly string[]).includes(fields.role) ? (fields.role as SessionRole) : undefined;
  const selection = Array.isArray(fields.selection)
    ? fields.selection.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 120).slice(0, mostSelected)
    : [];
  const panel = typeof fields.panel === 'string' && /^[a-z-]{1,30}$/.test(fields.panel) ? fields.panel : 'inspector';
  const viewport = readViewport(fields.viewport);
  return { clientId, name, colour: fields.colour, selection, panel, ...(role ? { role } : {}), ...(viewport ? { viewport } : {}) };
}

/** Everyone else's presence, in a stable order (owner first, then by name). */
export function readParticipants(states: Map<number, unknown>, ownClientId: number): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const participant = readPresence(clientId, state);
    if (participant) participants.push(participant);
  }
  const rank = (participant: Participant) => (participant.role === 'owner' ? 0 : 1);
  return participants.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
