import type { KeyValueStorage } from './library/types';

/**
 * The key-value store of Portico's first storage version: it held the one autosaved design under
 * 'current' (moved into the design library on upgrade) and still holds designs kept aside because they
 * could not be opened ('recovery:<time>'), which the recovery dialog offers for download.
 */
export type DesignStorage = KeyValueStorage;

/** Where the first storage version kept its one design. */
export const legacyCurrentKey = 'current';
/** Designs that could not be opened are copied under this prefix and a time: never overwritten. */
export const recoveryPrefix = 'recovery:';

/** The envelope of the design saved under 'current' by the first storage version. */
export interface SavedEnvelope {
  format: 'portico.autosave';
  schemaVersion: number;
  savedAt: number;
  design: unknown;
}

/** An in-memory key-value store with the same interface, for tests and for browsers without IndexedDB. */
export function memoryStorage(): DesignStorage {
  const data = new Map<string, unknown>();
  return {
    read: async (key) => structuredClone(data.get(key)),
    write: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    remove: async (key) => {
      data.delete(key);
    },
    keys: async () => [...data.keys()],
  };
}
