import { type Design, parseDesign, serializeDesign } from '../core/model';
import { decodeUtf8, downloadText, readFileBytes, slugify } from '../ui/files';

/** Downloads the design as `<api-name>.portico.json`. */
export function saveDesignFile(design: Design): void {
  downloadText(`${slugify(design.api.name)}.portico.json`, serializeDesign(design), 'application/json');
}

/** Reads a `.portico.json` file through the design gate. */
export async function readDesignFile(file: File): Promise<{ ok: true; design: Design } | { ok: false; message: string }> {
  const read = await readFileBytes(file);
  if (!read.ok) return read;
  const text = decodeUtf8(read.bytes);
  if (!text.ok) return text;
  const parsed = parseDesign(text.text);
  if (!parsed.ok) return { ok: false, message: `${file.name} could not be opened. ${parsed.message}` };
  return { ok: true, design: parsed.design };
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
