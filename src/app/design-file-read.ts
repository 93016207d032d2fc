import { isJsonObject, parseDesign } from '../core/model';
import type { VersionOrigin } from '../state/library/types';
import type { FileVersion } from '../state/library/versions-types';
import type { PorticoStore } from '../state/store';
import { decodeUtf8, readFileBytes } from '../ui/files';
import { type DesignFileResult, saveDesignFile } from './design-file';

/** More versions than this in one file is not a design's history but an attack on the page's memory. */
export const maxFileVersions = 500;
const maxNoteLength = 2000;
const versionOrigins: readonly VersionOrigin[] = ['saved', 'before-restore', 'export', 'file'];

/** Downloads the open design (never a version on show) with every version the library keeps of it. */
export async function saveDesignFileWithVersions(store: PorticoStore): Promise<void> {
  const { designId, history } = store.getState();
  const design = history.present;
  let versions: FileVersion[] = [];
  try {
    const library = await store.getState().versions();
    if (library && designId) versions = await library.forFile(designId);
  } catch (error) {
    store.getState().notify({
      tone: 'warning',
      message: `The saved versions could not be read (${(error as Error).message}), so the file has the design alone.`,
    });
  }
  saveDesignFile(design, versions);
}

/** Shortens untrusted text quoted in a message. */
function quote(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Reads the `versions` a design file carries; each design goes through the design gate, and anything else malformed refuses the file. */
export function readFileVersions(raw: unknown): { ok: true; versions: FileVersion[] } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, versions: [] };
  if (!Array.isArray(raw)) return { ok: false, message: 'Its "versions" should be a list of saved versions.' };
  if (raw.length > maxFileVersions)
    return { ok: false, message: `It carries ${raw.length} versions; Portico reads at most ${maxFileVersions}.` };
  const versions: FileVersion[] = [];
  for (const [index, item] of raw.entries()) {
    const which = `Version ${index + 1}`;
    if (!isJsonObject(item)) return { ok: false, message: `${which} is not a saved version.` };
    const note = item.note ?? '';
    if (typeof note !== 'string' || note.length > maxNoteLength)
      return { ok: false, message: `${which} has a note that is not text of at most ${maxNoteLength} characters.` };
    const named = note.trim() === '' ? which : `${which} (“${quote(note.trim())}”)`;
    const { savedAt, origin } = item;
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0)
      return { ok: false, message: `${named} has no valid date (savedAt should be a time in milliseconds).` };
    if (origin !== undefined && !versionOrigins.includes(origin as VersionOrigin))
      return { ok: false, message: `${named} has an unknown origin; it should be one of ${versionOrigins.join(', ')}.` };
    const parsed = parseDesign(item.design);
    if (!parsed.ok) return { ok: false, message: `${named} is damaged: ${parsed.message}` };
    versions.push({ note: note.trim(), savedAt, origin: (origin as VersionOrigin | undefined) ?? 'file', design: parsed.design });
  }
  return { ok: true, versions };
}

/** Reads the text of a design file: the design and its versions, each through the design gate. */
export function readDesignFileText(text: string, fileName: string): DesignFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${fileName} could not be opened. This is not a Portico design file: ${(error as Error).message}.` };
  }
  const parsed = parseDesign(raw);
  if (!parsed.ok) return { ok: false, message: `${fileName} could not be opened. ${parsed.message}` };
  const versions = readFileVersions(isJsonObject(raw) ? raw.versions : undefined);
  if (!versions.ok)
    return { ok: false, message: `${fileName} could not be opened: its saved versions are not readable. ${versions.message}` };
  return { ok: true, design: parsed.design, versions: versions.versions };
}

/** Reads a `.portico.json` file through the design gate. */
export async function readDesignFile(file: File): Promise<DesignFileResult> {
  const read = await readFileBytes(file);
  if (!read.ok) return read;
  const text = decodeUtf8(read.bytes);
  if (!text.ok) return text;
  return readDesignFileText(text.text, file.name);
}

/** Opens a design file's design as a new library entry, with the versions it carried. */
export async function openDesignFileResult(
  store: PorticoStore,
  result: Extract<DesignFileResult, { ok: true }>,
  label: string,
): Promise<void> {
  store.getState().openNewDesign(result.design, { label, origin: 'file' });
  const designId = store.getState().designId;
  if (result.versions.length === 0 || !designId) return;
  const library = await store.getState().versions();
  if (!library) return;
  if (await library.addFromFile(designId, result.versions))
    store.getState().notify({
      tone: 'success',
      message: `${label} carried ${result.versions.length} saved version${result.versions.length === 1 ? '' : 's'}: they are in Versions.`,
    });
}
