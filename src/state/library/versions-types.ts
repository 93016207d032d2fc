import type { Design } from '../../core/model';
import type { VersionMeta, VersionOrigin } from './types';

/** A saved version on show, read-only, in place of the design (see `PorticoState.viewing`). */
export interface ViewedVersion {
  versionId: string;
  /** How the banner names it: its note, else its date. */
  label: string;
  design: Design;
}

/** A version as a design file carries it (`versions` beside the design): untrusted until read through `readFileVersions`. */
export interface FileVersion {
  note: string;
  savedAt: number;
  origin: VersionOrigin;
  design: Design;
}

export type ReadVersion = { ok: true; meta: VersionMeta; design: Design } | { ok: false; message: string };

/**
 * The named versions of the library's designs: kept in the library beside each design, never changed
 * once saved. Restoring one keeps the design it replaces as a version first, so no work is lost.
 */
export interface DesignVersions {
  /** The versions of a design (the open one by default), newest first. */
  list(designId?: string | null): Promise<VersionMeta[]>;
  /** A version's design, read through the design gate. */
  read(versionId: string): Promise<ReadVersion>;
  /** Saves the open design (not a version on show) as a version; undefined when it could not be saved (the user was told). */
  save(note: string, origin?: VersionOrigin): Promise<VersionMeta | undefined>;
  /** Shows a version read-only on the canvas. */
  view(versionId: string): Promise<boolean>;
  /** Makes a version the design again, as one undo step, after keeping the design it replaces as a version. */
  restore(versionId: string): Promise<boolean>;
  /** Opens a version as a new design in the library (the open one stays as it is). */
  openAsNew(versionId: string): Promise<boolean>;
  /**
   * Records that the design on show was exported for these stages: the version holding exactly what was
   * exported (an existing one with the same content, else a new one) goes into the library entry.
   */
  recordExport(stageIds: string[], target: string): Promise<boolean>;
  /** Every readable version of a design with its design, oldest first: what its design file carries. */
  forFile(designId: string): Promise<FileVersion[]>;
  /** Adds the versions a design file carried to a design of the library. */
  addFromFile(designId: string, versions: FileVersion[]): Promise<boolean>;
  /** Called after any version is saved or an export recorded; returns the way to stop listening. */
  onChange(listener: () => void): () => void;
}
