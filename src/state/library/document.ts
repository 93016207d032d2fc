import { type Design, type ParseDesignResult, parseDesign, schemaVersion } from '../../core/model';
import { describeDesign } from './describe-design';
import type { DesignDocument, DesignMeta, DesignOrigin } from './types';

export function documentOf(id: string, design: Design, rev: number, savedAt: number): DesignDocument {
  return { format: 'portico.design', id, schemaVersion, rev, savedAt, design };
}

/** A new entry for a design (revision 1, its first write). */
export function newMeta(id: string, design: Design, origin: DesignOrigin, now: number): DesignMeta {
  return { id, ...describeDesign(design), createdAt: now, updatedAt: now, origin, rev: 1 };
}

/** Reads a stored document through the design gate. */
export function readDocument(raw: unknown): ParseDesignResult {
  if (raw === undefined || raw === null) return { ok: false, code: 'not-a-design', message: 'Its saved design is missing.' };
  const envelope = raw as Partial<DesignDocument>;
  return parseDesign(typeof raw === 'object' && 'design' in (raw as object) ? envelope.design : raw);
}
