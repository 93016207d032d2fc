import { type SessionRole, sessionRoles } from '../../core/collab/session-protocol';
import { readServerAddress, tokenRole } from './session-link';

/**
 * Which library designs are in a live session, kept in this browser beside the library (small, read at
 * start without loading the session code): the server, the room and the tokens this person holds. The
 * owner's token stays here and is never put in a link. What the session's shared doc held last is kept
 * in IndexedDB (`session-doc-store.ts`), so that edits made offline survive a reload.
 */
export interface RememberedSession {
  designId: string;
  server: string;
  sessionId: string;
  /** The role this person joined with (the owner keeps all three tokens, to share the others). */
  role: SessionRole;
  tokens: Partial<Record<SessionRole, string>>;
}

/** What another person sees of this one: asked once, remembered. */
export interface Identity {
  name: string;
  colour: string;
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const sessionsKey = 'portico.liveSessions';
const identityKey = 'portico.liveSessionIdentity';
const serverKey = 'portico.liveSessionServer';

/** Distinct from each other and from the selection's violet; white names on them read at 11 px (contrast ≥ 4.5). */
export const participantColours = ['#be123c', '#0e7490', '#15803d', '#b45309', '#1d4ed8', '#a21caf', '#0f766e', '#c2410c'] as const;

function isOrigin(text: string): boolean {
  const read = readServerAddress(text);
  return read.ok && read.value === text;
}

function defaultStorage(): KeyValue | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function readJson(storage: KeyValue | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: KeyValue | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the session still works, it is just not found again after a reload.
  }
}

/** One stored record, checked field by field (another tab, an older Portico or a person may have written it). */
function readRecord(value: unknown): RememberedSession | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { designId, server, sessionId, role, tokens } = record;
  if (typeof designId !== 'string' || typeof server !== 'string' || typeof sessionId !== 'string') return undefined;
  if (!/^[0-9a-f]{32}$/.test(sessionId) || designId.length > 100 || !isOrigin(server)) return undefined;
  if (typeof role !== 'string' || !(sessionRoles as readonly string[]).includes(role)) return undefined;
  if (typeof tokens !== 'object' || tokens === null) return undefined;
  const kept: Partial<Record<SessionRole, string>> = {};
  for (const name of sessionRoles) {
    const token = (tokens as Record<string, unknown>)[name];
    if (typeof token === 'string' && tokenRole(token) === name) kept[name] = token;
  }
  if (!kept[role as SessionRole]) return undefined;
  return { designId, server, sessionId, role: role as SessionRole, tokens: kept };
}

export function rememberedSessions(storage = defaultStorage()): RememberedSession[] {
  const stored = readJson(storage, sessionsKey);
  if (!Array.isArray(stored)) return [];
  return stored.map(readRecord).filter((record): record is RememberedSession => record !== undefined);
}

export function sessionOfDesign(designId: string, storage = defaultStorage()): RememberedSession | undefined {
  return rememberedSessions(storage).find((record) => record.designId === designId);
}

/** The designs that are in this session (a link opened again finds its design rather than making another). */
export function designsOfSession(server: string, sessionId: string, storage = defaultStorage()): RememberedSession[] {
  return rememberedSessions(storage).filter((record) => record.server === server && record.sessionId === sessionId);
}

export function rememberSession(record: RememberedSession, storage = defaultStorage()): void {
  write(storage, sessionsKey, [...rememberedSessions(storage).filter((other) => other.designId !== record.designId), record]);
}

export function forgetSession(designId: string, storage = defaultStorage()): void {
  write(
    storage,
    sessionsKey,
    rememberedSessions(storage).filter((record) => record.designId !== designId),
  );
}

export function rememberedIdentity(storage = defaultStorage()): Identity | undefined {
  const stored = readJson(storage, identityKey) as Partial<Identity> | undefined;
  if (typeof stored?.name !== 'string' || typeof stored.colour !== 'string') return undefined;
  const name = stored.name.trim().slice(0, 40);
  if (name === '' || !/^#[0-9a-f]{6}$/.test(stored.colour)) return undefined;
  return { name, colour: stored.colour };
}

export function rememberIdentity(identity: Identity, storage = defaultStorage()): void {
  write(storage, identityKey, identity);
}

/** A colour for a new person: one of the palette, at random (two people rarely pick the same). */
export function pickColour(random = Math.random): string {
  return participantColours[Math.floor(random() * participantColours.length)] ?? participantColours[0];
}

export function rememberedServer(storage = defaultStorage()): string | undefined {
  const stored = readJson(storage, serverKey);
  if (typeof stored !== 'string') return undefined;
  return isOrigin(stored) ? stored : undefined;
}

export function rememberServer(server: string, storage = defaultStorage()): void {
  write(storage, serverKey, server);
}
