import type { ApiType } from '../../core/model';
import type { DesignPatch } from '../../core/model/design-diff';

/** Designs stay in the Trash this long, then are deleted for good at the next start. */
export const trashDays = 30;

/** How a design came into the library. */
export type DesignOrigin = 'example' | 'share-link' | 'import' | 'file' | 'new' | 'duplicate' | 'upgrade';

/**
 * A design's thumbnail as numbers only: its card boxes scaled into `width` × `height`, five numbers per
 * box (x, y, width, height, kind: 0 API card, 1 integration, 2 authorizer). Drawn as SVG rectangles from
 * these numbers; no text from the design ever reaches it.
 */
export interface DesignPreview {
  width: number;
  height: number;
  boxes: number[];
}

/** One library entry: what the "My designs" list shows without reading the design itself. */
export interface DesignMeta {
  id: string;
  /** The API's name, as in the design. */
  name: string;
  apiType: ApiType;
  createdAt: number;
  updatedAt: number;
  /** When it went to the Trash; purged 30 days later. */
  deletedAt?: number;
  origin: DesignOrigin;
  preview: DesignPreview;
  /** Methods (REST) or routes. */
  operations: number;
  /** Resources, methods, routes, integrations and authorizers. */
  elements: number;
  /** Raised by every write of the design; a write expecting another revision is refused (a second writer). */
  rev: number;
  /** Set when the stored design could not be opened: the entry is kept as it is, never overwritten. */
  damaged?: string;
  /** The last export of each stage (by stage id): which version of the design it exported, and when. */
  exports?: Record<string, StageExport>;
}

/** One export of a stage (the code view's download): the version it exported, so the design can be compared with it. */
export interface StageExport {
  stageId: string;
  /** The stage's name at the time (a stage renamed since is still found by its id). */
  stageName: string;
  /** The saved version holding exactly what was exported. */
  versionId: string;
  /** The exported design's content hash (`contentHash`): equal hashes, equal designs. */
  hash: string;
  /** What was exported: `openapi3`, `swagger2`, `cdk`. */
  target: string;
  at: number;
}

/** Why a version was kept: saved by the user, kept before a restore replaced the design, an export, a design file. */
export type VersionOrigin = 'saved' | 'before-restore' | 'export' | 'file';

/** A saved version of a design, as the versions list shows it without reading its design. */
export interface VersionMeta {
  /** `ver_` and a random part. */
  id: string;
  /** The library entry it belongs to. */
  designId: string;
  note: string;
  savedAt: number;
  origin: VersionOrigin;
  /** The API's name then. */
  name: string;
  /** Methods (REST) or routes, then. */
  operations: number;
  /** Resources, methods, routes, integrations and authorizers, then. */
  elements: number;
  /** The design's content hash (`contentHash`). */
  hash: string;
}

/** The stored design of a version: read back through `parseDesign`. */
export interface VersionDocument {
  id: string;
  designId: string;
  schemaVersion: number;
  design: unknown;
}

/** The stored design of one entry. `design` is read back through `parseDesign`. */
export interface DesignDocument {
  format: 'portico.design';
  id: string;
  schemaVersion: number;
  rev: number;
  savedAt: number;
  design: unknown;
}

/** One undo step as stored: its label and the patch that rebuilds it from its neighbour nearer the present. */
export interface StoredStep {
  label: string;
  patch: DesignPatch;
}

/**
 * A design's undo history as element-level patches: `past[i]` rebuilds design i from design i + 1 (the
 * last one from the present); `future[i]` likewise from `future[i + 1]` (the last one from the present).
 */
export interface StoredHistory {
  format: 'portico.history';
  id: string;
  schemaVersion: number;
  /** The document revision it belongs to: a history of another revision does not fit the design. */
  rev: number;
  past: StoredStep[];
  future: StoredStep[];
}

/** The legacy key-value store of version 1 (its 'current' design, and designs kept aside as 'recovery:<time>'). */
export interface KeyValueStorage {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export type PutResult = { ok: true } | { ok: false; reason: 'conflict'; stored: DesignMeta | undefined };

/**
 * The design library's storage: each design in its own records (entry, document, history), so saving
 * one never rewrites another.
 */
export interface LibraryStorage {
  /** Every entry, the Trash included. */
  list(): Promise<DesignMeta[]>;
  getMeta(id: string): Promise<DesignMeta | undefined>;
  readDocument(id: string): Promise<unknown>;
  readHistory(id: string): Promise<unknown>;
  /**
   * Writes an entry with its document (and its history: `null` deletes it, absent leaves it) in one
   * transaction, only when the stored revision is `expectedRev` (`null`: the entry must not exist yet).
   * The stored Trash date, creation date and origin are kept.
   */
  put(
    record: { meta: DesignMeta; document: DesignDocument; history?: StoredHistory | null },
    expectedRev: number | null,
  ): Promise<PutResult>;
  /** Changes an entry alone (Trash, restore, damaged); undefined when there is none. */
  updateMeta(id: string, change: (meta: DesignMeta) => DesignMeta): Promise<DesignMeta | undefined>;
  /** Deletes an entry with its document, history and versions. */
  remove(id: string): Promise<void>;
  /** The versions of one design (in no particular order). */
  listVersions(designId: string): Promise<VersionMeta[]>;
  readVersion(id: string): Promise<unknown>;
  /** Writes a version and its design in one transaction. */
  putVersion(meta: VersionMeta, document: VersionDocument): Promise<void>;
  legacy: KeyValueStorage;
}
