import { type Design, parseDesign, schemaVersion } from '../../core/model';
import type { PorticoStore } from '../store';
import { contentHash } from './content-hash';
import { isQuotaError } from './errors';
import type { LibraryStorage, StageExport, VersionDocument, VersionMeta, VersionOrigin } from './types';
import { newestFirst, versionLabel } from './version-label';
import type { DesignVersions, FileVersion, ReadVersion } from './versions-types';

/** What the versions need of the library session that loads them. */
export interface VersionsContext {
  store: PorticoStore;
  storage: LibraryStorage;
  now: () => number;
  /** Runs storage work after every write asked for before it. */
  enqueue: <T>(work: () => Promise<T>) => Promise<T>;
  /** Writes the open design now (its library entry exists after it); false when it could not be written. */
  save: () => Promise<boolean>;
  libraryChanged: () => void;
}

export function newVersionId(): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `ver_${random}`;
}

function counts(design: Design): Pick<VersionMeta, 'name' | 'operations' | 'elements'> {
  const count = (record: object) => Object.keys(record).length;
  const methods = count(design.methods);
  const routes = count(design.routes);
  return {
    name: design.api.name,
    operations: design.api.type === 'REST' ? methods : routes,
    elements: count(design.resources) + methods + routes + count(design.integrations) + count(design.authorizers),
  };
}

const originLabels: Record<string, string> = { openapi3: 'OpenAPI 3.0', swagger2: 'Swagger 2.0', cdk: 'the CDK program' };

/**
 * Named versions of the library's designs. A version is written once and never changed; it is read back
 * through the design gate like any stored design. Nothing here drops work: restoring keeps the design it
 * replaces as a version first (unless a version already holds exactly it), and the restore is one undo step.
 */
export function createDesignVersions(context: VersionsContext): DesignVersions {
  const { store, storage, now, enqueue } = context;
  const state = () => store.getState();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  // Versions saved by this tab never share a time, so "newest first" is the order they were saved in.
  let lastSavedAt = 0;

  const list = async (designId: string | null | undefined = state().designId): Promise<VersionMeta[]> =>
    designId ? newestFirst(await storage.listVersions(designId)) : [];

  const write = async (designId: string, design: Design, note: string, origin: VersionOrigin, at?: number): Promise<VersionMeta> => {
    const savedAt = at ?? Math.max(now(), lastSavedAt + 1);
    if (at === undefined) lastSavedAt = savedAt;
    const meta: VersionMeta = { id: newVersionId(), designId, note, savedAt, origin, ...counts(design), hash: contentHash(design) };
    const document: VersionDocument = { id: meta.id, designId, schemaVersion, design };
    await enqueue(() => storage.putVersion(meta, document));
    return meta;
  };

  const failed = (what: string, error: unknown) =>
    state().notify({
      tone: 'error',
      message: isQuotaError(error)
        ? `Browser storage is full, so ${what} could not be saved. Your design is unchanged.`
        : `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} could not be saved (${(error as Error).message}). Your design is unchanged.`,
    });

  const read = async (versionId: string): Promise<ReadVersion> => {
    const raw = (await storage.readVersion(versionId)) as Partial<VersionDocument> | undefined;
    if (!raw || typeof raw !== 'object' || typeof raw.designId !== 'string') return { ok: false, message: 'This version is missing.' };
    const meta = (await storage.listVersions(raw.designId)).find((entry) => entry.id === versionId);
    if (!meta) return { ok: false, message: 'This version is missing.' };
    const parsed = parseDesign(raw.design);
    if (!parsed.ok) return { ok: false, message: `The version “${versionLabel(meta)}” could not be read: ${parsed.message}` };
    return { ok: true, meta, design: parsed.design };
  };

  const readOrSay = async (versionId: string): Promise<Extract<ReadVersion, { ok: true }> | undefined> => {
    const result = await read(versionId);
    if (!result.ok) state().notify({ tone: 'error', message: result.message });
    return result.ok ? result : undefined;
  };

  const save = async (note: string, origin: VersionOrigin = 'saved'): Promise<VersionMeta | undefined> => {
    const { designId, history } = state();
    if (!designId) {
      state().notify({ tone: 'error', message: 'The design is not in the library yet, so no version can be saved.' });
      return undefined;
    }
    try {
      const meta = await write(designId, history.present, note.trim(), origin);
      changed();
      return meta;
    } catch (error) {
      failed('the version', error);
      return undefined;
    }
  };

  const versions: DesignVersions = {
    list,
    read,
    save,
    view: async (versionId) => {
      const version = await readOrSay(versionId);
      if (!version || version.meta.designId !== state().designId) return false;
      state().viewVersion({ versionId, label: versionLabel(version.meta), design: version.design });
      return true;
    },
    restore: async (versionId) => {
      if (state().persistence.state === 'read-only') {
        state().notify({ tone: 'warning', message: 'This tab is read-only for this design, so it cannot restore a version here.' });
        return false;
      }
      const version = await readOrSay(versionId);
      if (!version) return false;
      const label = versionLabel(version.meta);
      const present = state().history.present;
      const hash = contentHash(present);
      // Never lose work: the design being replaced is kept, unless a version already holds exactly it.
      if (!(await list()).some((meta) => meta.hash === hash)) {
        const kept = await save(`Before restoring “${label}”`, 'before-restore');
        if (!kept) return false;
      }
      state().viewVersion(null);
      state().replaceDesign(version.design, `Restore version “${label}”`, { keepUndo: true });
      state().notify({
        tone: 'success',
        message: `Restored “${label}”. The design it replaced is kept in Versions, and Undo brings it back.`,
      });
      changed();
      return true;
    },
    openAsNew: async (versionId) => {
      const version = await readOrSay(versionId);
      if (!version) return false;
      state().openNewDesign(version.design, { label: `the version “${versionLabel(version.meta)}”`, origin: 'duplicate' });
      return true;
    },
    recordExport: async (stageIds, target) => {
      const current = state();
      const designId = current.designId;
      if (!designId || stageIds.length === 0) return false;
      const stageNames = stageIds.map((id) => current.design.stages[id as keyof Design['stages']]?.name ?? id);
      let versionId = current.viewing?.versionId;
      let hash = current.viewing ? contentHash(current.viewing.design) : contentHash(current.design);
      if (versionId === undefined) {
        const design = current.history.present;
        hash = contentHash(design);
        const same = (await list(designId)).find((meta) => meta.hash === hash);
        if (same) versionId = same.id;
        else {
          try {
            const meta = await write(designId, design, `Exported ${originLabels[target] ?? target} for ${stageNames.join(', ')}`, 'export');
            versionId = meta.id;
          } catch (error) {
            failed('the exported version', error);
            return false;
          }
        }
      }
      // The entry is written first (a new design has none until its first autosave).
      if (!(await context.save())) return false;
      const at = now();
      const recorded: Record<string, StageExport> = {};
      stageIds.forEach((stageId, index) => {
        recorded[stageId] = { stageId, stageName: stageNames[index] ?? stageId, versionId: versionId as string, hash, target, at };
      });
      const updated = await enqueue(() => storage.updateMeta(designId, (meta) => ({ ...meta, exports: { ...meta.exports, ...recorded } })));
      if (!updated) return false;
      context.libraryChanged();
      changed();
      return true;
    },
    forFile: async (designId) => {
      const file: FileVersion[] = [];
      for (const meta of (await list(designId)).reverse()) {
        const version = await read(meta.id);
        if (version.ok) file.push({ note: meta.note, savedAt: meta.savedAt, origin: meta.origin, design: version.design });
      }
      return file;
    },
    addFromFile: async (designId, fileVersions) => {
      try {
        for (const version of fileVersions) await write(designId, version.design, version.note, version.origin, version.savedAt);
      } catch (error) {
        failed('the versions the file carried', error);
        return false;
      }
      if (fileVersions.length > 0) changed();
      return true;
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return versions;
}
