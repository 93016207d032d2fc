import type * as Y from 'yjs';
import { sessionName } from './doc-layout';

/**
 * Settings of a live session, kept in the shared doc beside the design so that every participant and
 * every server instance sees them. Only the session's owner may change them: the server refuses an
 * update from anyone else that touches them.
 */
export interface SessionSettings {
  /** Teaching mode: only the owner edits; everyone else's connection is made read-only by the server. */
  readOnly: boolean;
  /** Teaching mode: participants' canvases follow the owner's view (the owner's presence says where). */
  followOwner: boolean;
}

export const defaultSessionSettings: SessionSettings = { readOnly: false, followOwner: false };

export function sessionSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(sessionName);
}

export function readSessionSettings(doc: Y.Doc): SessionSettings {
  const map = sessionSettingsMap(doc);
  return {
    readOnly: map.get('readOnly') === true,
    followOwner: map.get('followOwner') === true,
  };
}

export function writeSessionSettings(doc: Y.Doc, patch: Partial<SessionSettings>, origin: unknown): void {
  const map = sessionSettingsMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (typeof value === 'boolean' && map.get(key) !== value) map.set(key, value);
  }, origin);
}
