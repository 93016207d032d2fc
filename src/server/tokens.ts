import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SessionRole, sessionRoles } from '../core/collab/session-protocol';

// Roles are checked by the server on every connection and every message.
export { type SessionRole, sessionRoles };

/** A session (and its room) id: 128 random bits as hex, so it is safe in storage keys and URLs. */
export function newSessionId(): string {
  return randomBytes(16).toString('hex');
}

export function isSessionId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}

function signature(secret: Uint8Array, sessionId: string, role: SessionRole): string {
  return createHmac('sha256', secret).update(`portico-session:v1:${sessionId}:${role}`).digest('base64url');
}

/**
 * The token for one role of one session: `v1.<role>.<HMAC-SHA256 of the session and role under the
 * server's secret>`. Whoever holds it joins with that role; nobody can make one without the secret.
 */
export function issueToken(secret: Uint8Array, sessionId: string, role: SessionRole): string {
  return `v1.${role}.${signature(secret, sessionId, role)}`;
}

/** The role a token gives in a session, or undefined when it was not issued for that session. */
export function verifyToken(secret: Uint8Array, token: unknown, sessionId: string): SessionRole | undefined {
  if (typeof token !== 'string' || token.length > 200 || !isSessionId(sessionId)) return undefined;
  const [version, role, given, ...rest] = token.split('.');
  if (version !== 'v1' || rest.length > 0 || given === undefined || !(sessionRoles as readonly string[]).includes(role ?? ''))
    return undefined;
  const expected = Buffer.from(signature(secret, sessionId, role as SessionRole));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? (role as SessionRole) : undefined;
}

/**
 * The server's secret, made on first start and kept in the data folder (readable by its owner only):
 * tokens stay valid across restarts. Delete the file to invalidate every token ever issued.
 */
export async function loadOrCreateSecret(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, 'server-secret');
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (/^[0-9a-f]{64}$/.test(text)) return Buffer.from(text, 'hex');
    throw new Error(`${path} is not a server secret (64 hex digits); delete it to make a new one.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // `wx`: two instances starting at once on one folder cannot both write a different secret.
  try {
    await writeFile(path, `${secret.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(dataDir);
    throw error;
  }
  return secret;
}

/** Replaces the secret kept in the data folder (by the one instances share through Redis). */
export async function saveSecret(dataDir: string, secret: Uint8Array): Promise<void> {
  await writeFile(join(dataDir, 'server-secret'), `${Buffer.from(secret).toString('hex')}\n`, { mode: 0o600 });
}
