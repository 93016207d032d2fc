/**
 * The few Web platform APIs share links need, typed here because the core's tsconfig has no DOM lib
 * (so that `window` stays a type error). Node 20 and every current browser provide them as globals.
 */
export interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export interface ByteStream {
  getReader(): ByteReader;
  pipeThrough(transform: { readable: ByteStream; writable: unknown }): ByteStream;
}

interface StreamTransform {
  readable: ByteStream;
  writable: unknown;
}

interface WebPlatform {
  CompressionStream: new (format: 'deflate-raw') => StreamTransform;
  DecompressionStream: new (format: 'deflate-raw') => StreamTransform;
  Blob: new (parts: Uint8Array[]) => { stream(): ByteStream };
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
}

export const platform = globalThis as unknown as WebPlatform;

/** Reads a byte stream to the end, or stops (cancelling the stream) once it yields more than `limit` bytes. */
export async function readBounded(stream: ByteStream, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.length;
    if (total > limit) {
      // Cancelling stops the inflater, so a bomb costs at most `limit` bytes and a few chunks of work.
      await reader.cancel().catch(() => undefined);
      return { ok: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

export function streamOf(bytes: Uint8Array): ByteStream {
  return new platform.Blob([bytes]).stream();
}
