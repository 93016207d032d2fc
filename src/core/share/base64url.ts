const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const lookup = new Int16Array(128).fill(-1);
for (let index = 0; index < alphabet.length; index += 1) lookup[alphabet.charCodeAt(index)] = index;

/** base64url without padding (RFC 4648 §5): safe in a URL fragment without percent-encoding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const n = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8) | (bytes[index + 2] as number);
    out += alphabet[n >> 18] + (alphabet[(n >> 12) & 63] as string) + (alphabet[(n >> 6) & 63] as string) + (alphabet[n & 63] as string);
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const n = (bytes[index] as number) << 16;
    out += (alphabet[n >> 18] as string) + (alphabet[(n >> 12) & 63] as string);
  } else if (rest === 2) {
    const n = ((bytes[index] as number) << 16) | ((bytes[index + 1] as number) << 8);
    out += (alphabet[n >> 18] as string) + (alphabet[(n >> 12) & 63] as string) + (alphabet[(n >> 6) & 63] as string);
  }
  return out;
}

/** Decodes base64url without padding; undefined for any character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let offset = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const digit = code < 128 ? (lookup[code] as number) : -1;
    if (digit < 0) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[offset] = (value >> bits) & 0xff;
      offset += 1;
    }
  }
  return bytes;
}
