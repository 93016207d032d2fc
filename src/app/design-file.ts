import { type Design, serializeDesign } from '../core/model';
import type { FileVersion } from '../state/library/versions-types';
import type { PorticoStore } from '../state/store';
import { downloadText, slugify } from '../ui/files';

export type DesignFileResult = { ok: true; design: Design; versions: FileVersion[] } | { ok: false; message: string };

/**
 * The text of a `.portico.json` file: the design, and, when it has any, its saved versions under
 * `versions` (oldest first). A design without versions is written exactly as before, and readers that
 * know nothing of versions (older Portico, the CLI) read the design and leave the versions aside.
 */
export function designFileText(design: Design, versions: readonly FileVersion[] = []): string {
  if (versions.length === 0) return serializeDesign(design);
  const file = {
    ...design,
    versions: versions.map(({ note, savedAt, origin, design: saved }) => ({ note, savedAt, origin, design: saved })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Downloads the design as `<api-name>.portico.json`. */
export function saveDesignFile(design: Design, versions: readonly FileVersion[] = []): void {
  downloadText(`${slugify(design.api.name)}.portico.json`, designFileText(design, versions), 'application/json');
}

// Reading design files (their versions through the design gate) and writing the library's versions into
// one load on first use: not part of the JS before first paint.
const reader = () => import('./design-file-read');

/** Downloads the open design (never a version on show) with every version the library keeps of it. */
export async function saveDesignFileWithVersions(store: PorticoStore): Promise<void> {
  return (await reader()).saveDesignFileWithVersions(store);
}

/** Reads a `.portico.json` file: the design and its versions, each through the design gate. */
export async function readDesignFile(file: File): Promise<DesignFileResult> {
  return (await reader()).readDesignFile(file);
}

/** Opens a design file's design as a new library entry, with the versions it carried. */
export async function openDesignFileResult(
  store: PorticoStore,
  result: Extract<DesignFileResult, { ok: true }>,
  label: string,
): Promise<void> {
  return (await reader()).openDesignFileResult(store, result, label);
}

/** Asks the user for a file (an <input type=file> the browser shows). */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
