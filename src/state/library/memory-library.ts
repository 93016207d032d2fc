import { memoryStorage } from '../design-storage';
import { keepStoredFields } from './library-db';
import type { DesignMeta, LibraryStorage, VersionMeta } from './types';

/** The library kept in memory: for tests, and for browsers without IndexedDB (the work stays in the tab). */
export function memoryLibrary(): LibraryStorage {
  const metas = new Map<string, DesignMeta>();
  const documents = new Map<string, unknown>();
  const histories = new Map<string, unknown>();
  const versions = new Map<string, VersionMeta>();
  const versionDocuments = new Map<string, unknown>();
  return {
    legacy: memoryStorage(),
    list: async () => [...metas.values()].map((meta) => structuredClone(meta)),
    getMeta: async (id) => structuredClone(metas.get(id)),
    readDocument: async (id) => structuredClone(documents.get(id)),
    readHistory: async (id) => structuredClone(histories.get(id)),
    put: async ({ meta, document, history }, expectedRev) => {
      const current = metas.get(meta.id);
      if ((current?.rev ?? null) !== expectedRev) return { ok: false, reason: 'conflict', stored: structuredClone(current) };
      // Cloned first: a value that cannot be stored fails before anything is written, as in IndexedDB.
      const copies = [structuredClone(keepStoredFields(meta, current)), structuredClone(document), structuredClone(history)] as const;
      metas.set(meta.id, copies[0]);
      documents.set(meta.id, copies[1]);
      if (history === null) histories.delete(meta.id);
      else if (history !== undefined) histories.set(meta.id, copies[2]);
      return { ok: true };
    },
    updateMeta: async (id, change) => {
      const current = metas.get(id);
      if (!current) return undefined;
      const next = change(structuredClone(current));
      metas.set(id, structuredClone(next));
      return next;
    },
    remove: async (id) => {
      metas.delete(id);
      documents.delete(id);
      histories.delete(id);
      for (const version of [...versions.values()])
        if (version.designId === id) {
          versions.delete(version.id);
          versionDocuments.delete(version.id);
        }
    },
    listVersions: async (designId) =>
      [...versions.values()].filter((version) => version.designId === designId).map((version) => structuredClone(version)),
    readVersion: async (id) => structuredClone(versionDocuments.get(id)),
    putVersion: async (meta, document) => {
      const copies = [structuredClone(meta), structuredClone(document)] as const;
      versions.set(meta.id, copies[0]);
      versionDocuments.set(meta.id, copies[1]);
    },
  };
}
