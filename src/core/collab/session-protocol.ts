/**
 * What a live session's server and its clients say to each other beyond Yjs itself: roles, the answer
 * that starts a session, the notices the server sends (Hocuspocus stateless messages, JSON text) and the
 * close codes it uses. Shared by the server (src/server) and the app, so neither guesses the other's words.
 */

/** The owner starts the session and sets its modes; an editor edits; a viewer watches. */
export const sessionRoles = ['owner', 'editor', 'viewer'] as const;
export type SessionRole = (typeof sessionRoles)[number];

/** `POST /sessions` answers this (status 201): the room to join and one token per role. */
export interface CreatedSession {
  sessionId: string;
  tokens: Record<SessionRole, string>;
}

/** Notices the server sends to a client, as the payload of a Hocuspocus stateless message. */
export type ServerNotice =
  /** Right after joining: the role the token gave, and whether this connection may write. */
  | { type: 'welcome'; role: SessionRole; readOnly: boolean }
  /** The owner switched read-only mode on or off: whether this connection may write now. */
  | { type: 'mode'; readOnly: boolean }
  /** The server repaired what a merge broke (and wrote the repair into the doc): what it changed. */
  | { type: 'repairs'; repairs: { message: string; elementId?: string }[] };

/** Reads a stateless payload as a notice; undefined for anything else. */
export function readServerNotice(payload: string): ServerNotice | undefined {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return undefined;
    const type = (value as { type?: unknown }).type;
    return type === 'welcome' || type === 'mode' || type === 'repairs' ? (value as ServerNotice) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why the server closed a connection (the WebSocket close code). After one of these the client must not
 * reconnect and send the same thing again: its doc holds a change the server will refuse again. Offer to
 * fork the design, or rejoin with a fresh doc.
 */
export const sessionCloseCodes = {
  /** A message larger than the server takes (the WebSocket library's own code). */
  messageTooLarge: 1009,
  malformed: 4400,
  /** Something this role may not do (a change of the session settings by anyone but the owner, a presence claiming another role). */
  forbidden: 4403,
  /** An update, a presence or the room would be larger than the limits. */
  tooLarge: 4413,
  /** After the update the room would no longer read as a valid design. */
  invalidDesign: 4422,
  /** More messages than the rate limit. */
  rateLimited: 4429,
} as const;

/**
 * Presence (Yjs awareness) a client publishes. Free in form, except `role`: when present the server checks
 * it is the connection's own role, so the app may trust it (follow only a presence whose role is `owner`).
 */
export interface SessionPresence {
  role?: SessionRole;
  [field: string]: unknown;
}
