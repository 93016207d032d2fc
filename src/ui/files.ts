/** Saves text as a real file download (Blob + object URL + <a download>). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe slug of a name: "Pet Store API" → "pet-store-api". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'api';
}

/** Reads a user-chosen file as bytes, refusing sizes no API definition reaches (API Gateway caps imports at 6 MB). */
export async function readFileBytes(
  file: File,
  maxBytes = 10 * 1024 * 1024,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  if (file.size > maxBytes)
    return {
      ok: false,
      message: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; Portico opens files up to ${maxBytes / 1024 / 1024} MB (API Gateway itself refuses definitions over 6 MB).`,
    };
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Decodes UTF-8 (with or without BOM) strictly: invalid bytes are an error, not silent replacement characters. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text (is it a binary file?).' };
  }
}
