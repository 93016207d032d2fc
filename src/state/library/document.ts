import { type Design, type ParseDesignResult, parseDesign, schemaVersion } from '../../core/model';
import type { DesignDocument } from './types';

export function documentOf(id: string, design: Design, rev: number, savedAt: number): DesignDocument {
  return { format: 'portico.design', id, schemaVersion, rev, savedAt, design };
}

/** Reads a stored document through the design gate. */
export function readDocument(raw: unknown): ParseDesignResult {
  if (raw === undefined || raw === null) return { ok: false, code: 'not-a-design', message: 'Its saved design is missing.' };
  const envelope = raw as Partial<DesignDocument>;
  return parseDesign(typeof raw === 'object' && 'design' in (raw as object) ? envelope.design : raw);
}

/** A new library id: `dsn_` and a random part (ids never reuse a name, so a deleted design is never confused). */
export function newDesignId(): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `dsn_${random}`;
}
