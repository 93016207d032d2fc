import { type SessionRole, sessionRoles } from '../../core/collab/session-protocol';

/**
 * A live session's link: `#session=<id>&server=<origin>&token=<token>` in the URL fragment (never sent to
 * any server, as the share links' designs are not). Read as untrusted input: a link is only ever a room
 * id, a token and the origin of a server that the user then connects to.
 */
export interface SessionLink {
  /** The server's origin (`http://host:port`): its HTTP side; the WebSocket is the same host and port. */
  server: string;
  sessionId: string;
  token: string;
  /** The role the token names (the server says which it really gives, on joining). */
  role: SessionRole;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const sessionIdPattern = /^[0-9a-f]{32}$/;
const tokenPattern = /^v1\.(owner|editor|viewer)\.[A-Za-z0-9_-]{16,128}$/;
const longestLink = 1024;

/** Whether a URL fragment is a live session's link (rather than a share link or nothing). */
export function isSessionFragment(fragment: string): boolean {
  return fragment.startsWith('#session=');
}

/**
 * A server address as typed (`localhost:1234`, `http://10.0.0.5:1234/`) as the origin the app talks to.
 * Only the origin: the server answers at its root, and a path, a query or credentials in the address are
 * refused rather than silently dropped.
 */
export function readServerAddress(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Give the address of the Portico server, such as http://localhost:1234.' };
  if (trimmed.length > 512) return { ok: false, message: 'That server address is too long.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `“${trimmed}” is not a server address: write it as http://host:port.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: 'The server address must start with http:// or https://.' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'The server address must not carry a user name or password.' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '')
    return { ok: false, message: 'Give the server’s address only (http://host:port), without a path.' };
  return { ok: true, value: url.origin };
}

/** The WebSocket URL of a server origin: the same host and port, ws:// for http:// and wss:// for https://. */
export function webSocketUrl(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

/** The role a token names, read from its text (`v1.<role>.<signature>`); undefined for anything else. */
export function tokenRole(token: string): SessionRole | undefined {
  const match = tokenPattern.exec(token);
  const role = match?.[1];
  return role && (sessionRoles as readonly string[]).includes(role) ? (role as SessionRole) : undefined;
}

/** Reads a session link's fragment; every part is checked, anything else in it is refused. */
export function parseSessionLink(fragment: string): Parsed<SessionLink> {
  const damaged = (why: string): Parsed<SessionLink> => ({ ok: false, message: `This live session link is damaged: ${why}` });
  if (!isSessionFragment(fragment)) return damaged('it does not start with #session=.');
  if (fragment.length > longestLink) return damaged('it is too long.');
  const params = new URLSearchParams(fragment.slice(1));
  const keys = [...params.keys()];
  if (keys.length !== 3 || new Set(keys).size !== 3 || !['session', 'server', 'token'].every((key) => params.has(key)))
    return damaged('it must hold exactly a session, a server and a token.');
  const sessionId = params.get('session') ?? '';
  if (!sessionIdPattern.test(sessionId)) return damaged('the session id is not one a Portico server gives.');
  const token = params.get('token') ?? '';
  const role = tokenRole(token);
  if (!role) return damaged('the token is not one a Portico server gives.');
  // Exactly an origin, as Portico writes it: nothing for the address reader to complete or guess.
  const given = params.get('server') ?? '';
  const server = readServerAddress(given);
  if (!server.ok) return damaged(server.message);
  if (server.value !== given) return damaged('the server is not written as an origin (http://host:port).');
  return { ok: true, value: { server: server.value, sessionId, token, role } };
}

/** A link to share: the app's address with the session in its fragment. */
export function sessionLinkUrl(appUrl: string, link: Pick<SessionLink, 'server' | 'sessionId' | 'token'>): string {
  const base = appUrl.split('#')[0] as string;
  const fragment = new URLSearchParams({ session: link.sessionId, server: link.server, token: link.token });
  return `${base}#${fragment.toString()}`;
}
