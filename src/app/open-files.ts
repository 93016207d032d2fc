import type { PorticoStore } from '../state/store';
import { decodeUtf8, readFileBytes } from '../ui/files';

/** Whether a file's text is a Portico design (rather than an OpenAPI document): JSON with an "api" section and no OpenAPI version. */
function looksLikeDesign(name: string, text: string): boolean {
  if (/\.portico\.json$/i.test(name)) return true;
  const first = /[^\s\uFEFF]/.exec(text.slice(0, 4096))?.[0];
  if (first !== '{') return false;
  // Only the top-level keys matter; a failed parse is an OpenAPI question for the importer to answer.
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    return typeof value === 'object' && value !== null && 'api' in value && !('openapi' in value) && !('swagger' in value);
  } catch {
    return false;
  }
}

/**
 * Opens files dropped onto the app, each as a new design in the library (nothing is replaced): a Portico
 * design file through the design gate, an OpenAPI document through the import dialog (the same import in
 * the background, with its progress and Cancel). One OpenAPI document is imported at a time.
 */
export async function openFiles(store: PorticoStore, files: File[]): Promise<void> {
  const documents: File[] = [];
  for (const file of files) {
    const read = await readFileBytes(file);
    if (!read.ok) {
      store.getState().notify({ tone: 'error', message: read.message });
      continue;
    }
    const decoded = decodeUtf8(read.bytes);
    if (!decoded.ok) {
      store.getState().notify({ tone: 'error', message: `${file.name} could not be opened: ${decoded.message}` });
      continue;
    }
    if (!looksLikeDesign(file.name, decoded.text)) {
      documents.push(file);
      continue;
    }
    // Through the design-file reader, so that a file's saved versions come with it (each checked by parseDesign).
    const { readDesignFileText, openDesignFileResult } = await import('./design-file-read');
    const parsed = readDesignFileText(decoded.text, file.name);
    if (!parsed.ok) {
      store.getState().notify({ tone: 'error', message: parsed.message });
      continue;
    }
    await openDesignFileResult(store, parsed, file.name);
  }
  const [first, ...others] = documents;
  if (!first) return;
  if (others.length > 0)
    store.getState().notify({
      tone: 'warning',
      message: `Portico imports one OpenAPI document at a time: ${others.map((file) => file.name).join(', ')} ${others.length === 1 ? 'was' : 'were'} not opened. Drop ${others.length === 1 ? 'it' : 'them'} again after this import.`,
    });
  store.getState().requestImport(first);
  store.getState().openDialog('import');
}
