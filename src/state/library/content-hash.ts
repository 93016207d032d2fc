import type { Design } from '../../core/model';

/**
 * A short fingerprint of a design's whole content (cyrb53, two 32-bit FNV-like lanes): equal designs give
 * equal hashes, so an export can find the saved version that holds exactly what it exported. Not a
 * security measure (nothing trusts it); a collision would only reuse a version for an export.
 */
export function contentHash(design: Design): string {
  const text = JSON.stringify(design);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}
