import { type Design, parseDesign } from '../model';
import { fromBase64Url, toBase64Url } from './base64url';
import { platform, readBounded, streamOf } from './web-streams';

/** The link format this Portico writes; a higher number on an incoming link means a newer Portico made it. */
export const shareLinkVersion = 1;

/**
 * Firefox refuses URLs over 1,048,576 characters and Chromium drops navigations over 2 MB, so a longer
 * link would not open for everyone; such designs travel as files.
 * @see ../../../../shared/reference/reliability.md §5.1
 */
export const maxShareLinkChars = 1_000_000;

/** Most bytes a link may inflate to: a 65 KB link can inflate to 50 MB, so stop long before (reliability.md §5.2). */
export const maxInflatedBytes = 5 * 1024 * 1024;

const prefix = '#p=';
const checksumBytes = 8;

export type EncodeShareLinkResult =
  | { ok: true; fragment: string; bytes: number }
  | { ok: false; reason: 'too-large'; bytes: number; message: string };

export type DecodeShareLinkResult =
  | { ok: true; design: Design }
  | { ok: false; code: 'truncated' | 'corrupt' | 'too-large' | 'newer-version' | 'invalid'; message: string };

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const result = await readBounded(streamOf(bytes).pipeThrough(new platform.CompressionStream('deflate-raw')), Number.POSITIVE_INFINITY);
  if (!result.ok) throw new Error('unreachable: compression has no limit');
  return result.bytes;
}

/** First 8 bytes of SHA-256 over the version and payload text: detects a cut or extended link (not tampering: anyone can make a valid link). */
async function checksum(text: string): Promise<string> {
  const digest = await platform.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toBase64Url(new Uint8Array(digest).subarray(0, checksumBytes));
}

/** The design as a URL fragment `#p=1.<deflated JSON>.<checksum>`, or a refusal when it would be too long to open. */
export async function encodeShareLink(design: Design): Promise<EncodeShareLinkResult> {
  const json = new TextEncoder().encode(JSON.stringify(design));
  // A link that would unpack past the opening budget could be made but never opened: refuse it here.
  if (json.length > maxInflatedBytes)
    return {
      ok: false,
      reason: 'too-large',
      bytes: json.length,
      message: `This design is too large for a link (${Math.ceil(json.length / 1024 / 1024)} MB of data; links carry up to ${maxInflatedBytes / 1024 / 1024} MB). Share the design file instead.`,
    };
  const payload = toBase64Url(await deflate(json));
  const body = `${shareLinkVersion}.${payload}`;
  const fragment = `${prefix}${body}.${await checksum(body)}`;
  if (fragment.length > maxShareLinkChars)
    return {
      ok: false,
      reason: 'too-large',
      bytes: fragment.length,
      message: `This design is too large for a link (${Math.ceil(fragment.length / 1024).toLocaleString('en')} KB; browsers open links up to about 1 MB). Share the design file instead.`,
    };
  return { ok: true, fragment, bytes: fragment.length };
}

const fail = (code: Exclude<DecodeShareLinkResult, { ok: true }>['code'], message: string): DecodeShareLinkResult => ({
  ok: false,
  code,
  message,
});

const incomplete =
  'The link is incomplete or was changed on the way (its checksum does not match). Ask for the link again, or for the design file.';

/**
 * Opens a share link: every link is an untrusted file. Checks the version and checksum, inflates with a
 * byte budget, decodes strict UTF-8, then hands the JSON to `parseDesign`, the one gate for designs from
 * outside. Never throws: every failure is a value with a message for the user.
 */
export async function decodeShareLink(fragment: string): Promise<DecodeShareLinkResult> {
  try {
    return await decode(fragment);
  } catch {
    // Platform errors (an inflater rejecting garbage, a stream failing) are one more kind of damaged link.
    return fail('corrupt', 'The link is damaged: its content cannot be read. Ask for the link again, or for the design file.');
  }
}

async function decode(fragment: string): Promise<DecodeShareLinkResult> {
  // Before any work on it: no browser even navigates to a URL this long (Chromium stops at 2 MB).
  if (fragment.length > maxShareLinkChars * 3)
    return fail('too-large', 'The link is too long to be a Portico share link. Ask for the design file instead.');
  let text = fragment.trim();
  // Mail clients turn a link into `+`/space soup or percent-encode it again; base64url has neither `+`,
  // space nor `%`, so undoing that is safe, and anything else still has to pass the checksum.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return fail('corrupt', incomplete);
    }
  }
  if (text.startsWith('#')) text = text.slice(1);
  if (text.startsWith('p=')) text = text.slice(2);
  text = text.replace(/[\s+]/g, '');
  if (text.length > maxShareLinkChars * 2)
    return fail('too-large', 'The link is too long to be a Portico share link (over 2 MB). Ask for the design file instead.');
  const parts = text.split('.');
  const version = parts[0] ?? '';
  if (!/^\d{1,6}$/.test(version)) return fail('corrupt', 'This is not a Portico share link.');
  if (Number(version) > shareLinkVersion)
    return fail(
      'newer-version',
      `This link was made by a newer Portico (link format ${version}; this one reads ${shareLinkVersion}). Open it there, or update Portico.`,
    );
  if (Number(version) !== shareLinkVersion) return fail('corrupt', 'This is not a Portico share link.');
  if (parts.length < 3) return fail('truncated', incomplete);
  if (parts.length > 3) return fail('corrupt', incomplete);
  const [, payload = '', sum = ''] = parts;
  if ((await checksum(`${version}.${payload}`)) !== sum) return fail(sum.length < 11 ? 'truncated' : 'corrupt', incomplete);
  const deflated = fromBase64Url(payload);
  if (!deflated) return fail('corrupt', incomplete);
  const inflated = await readBounded(streamOf(deflated).pipeThrough(new platform.DecompressionStream('deflate-raw')), maxInflatedBytes);
  if (!inflated.ok)
    return fail(
      'too-large',
      `The link unpacks to more than ${maxInflatedBytes / 1024 / 1024} MB, more than any design shared by link. It was not opened.`,
    );
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('corrupt', 'The link is damaged: its content is not text.');
  }
  const parsed = parseDesign(json);
  if (!parsed.ok) return fail(parsed.code === 'newer-version' ? 'newer-version' : 'invalid', parsed.message);
  return { ok: true, design: parsed.design };
}
