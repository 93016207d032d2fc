import { serializeDesign } from '../../core/model';
import { legacyCurrentKey, recoveryPrefix, type SavedEnvelope } from '../design-storage';
import { newMeta } from './describe-design';
import { documentOf, newDesignId, readDocument } from './document';
import type { LibraryStorage } from './types';

export { legacyCurrentKey, recoveryPrefix };

export type MigrationOutcome =
  | { kind: 'nothing' }
  | { kind: 'migrated'; id: string }
  | { kind: 'quarantined'; message: string; recoveryKey: string }
  | { kind: 'kept'; message: string };

/**
 * The upgrade from one autosaved design to the library: the design saved under 'current' by the first
 * storage version becomes a library entry. The old key is removed only once the new entry has been
 * written and read back identical; a saved design that cannot be opened (damaged, or from a newer
 * Portico) is copied aside under 'recovery:<time>' first, as before, and reported.
 */
export async function migrateLegacyDesign(storage: LibraryStorage, now: number = Date.now()): Promise<MigrationOutcome> {
  const raw = await storage.legacy.read(legacyCurrentKey);
  if (raw === undefined || raw === null) return { kind: 'nothing' };
  const parsed = readDocument(raw);
  if (!parsed.ok) {
    const recoveryKey = `${recoveryPrefix}${now}`;
    await storage.legacy.write(recoveryKey, raw);
    const copy = await storage.legacy.read(recoveryKey);
    if (JSON.stringify(copy) === JSON.stringify(raw)) await storage.legacy.remove(legacyCurrentKey);
    const reason = parsed.code === 'newer-version' ? parsed.message : `it could not be read (${parsed.message})`;
    return {
      kind: 'quarantined',
      recoveryKey,
      message: `Your last saved design was not opened: ${reason}. It is kept aside and can be downloaded.`,
    };
  }
  const savedAt = typeof (raw as Partial<SavedEnvelope>).savedAt === 'number' ? ((raw as SavedEnvelope).savedAt as number) : now;
  const id = newDesignId();
  const meta = { ...newMeta(id, parsed.design, 'upgrade', savedAt), createdAt: savedAt };
  const written = await storage.put({ meta, document: documentOf(id, parsed.design, 1, savedAt), history: null }, null);
  const back = written.ok ? readDocument(await storage.readDocument(id)) : undefined;
  if (!back?.ok || serializeDesign(back.design) !== serializeDesign(parsed.design)) {
    if (written.ok) await storage.remove(id);
    return { kind: 'kept', message: 'Your saved design could not be moved into My designs; it stays where it was and nothing was lost.' };
  }
  await storage.legacy.remove(legacyCurrentKey);
  return { kind: 'migrated', id };
}

/** Keys of designs kept aside, oldest first. */
export function recoveryKeys(keys: string[]): string[] {
  return keys.filter((key) => key.startsWith(recoveryPrefix)).sort();
}
