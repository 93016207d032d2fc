import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples, restPetStore } from '../examples';
import { addStage, type Design, emptyDesign, updateApi, updateMethod, updateStage } from '../model';
import { decodeShareLink, encodeShareLink } from './index';

async function linkOf(design: Design): Promise<string> {
  const result = await encodeShareLink(design);
  if (!result.ok) throw new Error(result.message);
  return result.fragment;
}

/** A link with a correct checksum around any payload, as a hostile author would make one. */
function craft(version: string, payloadBytes: Uint8Array): string {
  const body = `${version}.${Buffer.from(payloadBytes).toString('base64url')}`;
  const sum = createHash('sha256').update(body).digest().subarray(0, 8).toString('base64url');
  return `#p=${body}.${sum}`;
}

describe('share links', () => {
  it.each(examples.map((example) => [example.id, example] as const))('round-trips the %s example', async (_id, example) => {
    const design = example.build();
    const fragment = await linkOf(design);
    expect(fragment).toMatch(/^#p=1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{11}$/);
    expect(await decodeShareLink(fragment)).toEqual({ ok: true, design });
    // Without the leading `#`, and without `#p=`, the same design.
    expect(await decodeShareLink(fragment.slice(1))).toEqual({ ok: true, design });
    expect(await decodeShareLink(fragment.slice(3))).toEqual({ ok: true, design });
  });

  it('refuses a link truncated at any position', async () => {
    const fragment = await linkOf(restPetStore());
    const step = Math.max(1, Math.floor(fragment.length / 60));
    const cuts = new Set<number>([1, 3, 4, 5, fragment.length - 12, fragment.length - 11, fragment.length - 1]);
    for (let at = 0; at < fragment.length; at += step) cuts.add(at);
    for (const at of cuts) {
      const result = await decodeShareLink(fragment.slice(0, at));
      expect(result.ok, `cut at ${at}`).toBe(false);
      if (!result.ok) expect(['truncated', 'corrupt']).toContain(result.code);
    }
    // Cut inside the checksum or payload: told it is incomplete.
    const cut = await decodeShareLink(fragment.slice(0, fragment.length - 12));
    expect(cut).toMatchObject({ ok: false, code: 'truncated' });
    expect(await decodeShareLink(fragment.slice(0, -3))).toMatchObject({ ok: false, code: 'truncated' });
  });

  it('refuses characters appended or changed', async () => {
    const fragment = await linkOf(restPetStore());
    for (const extra of ['x', 'AAAA', '.', '.abc', '&utm_source=mail', '=='])
      expect((await decodeShareLink(fragment + extra)).ok, extra).toBe(false);
    const middle = Math.floor(fragment.length / 2);
    const flipped = fragment.slice(0, middle) + (fragment[middle] === 'A' ? 'B' : 'A') + fragment.slice(middle + 1);
    expect(await decodeShareLink(flipped)).toMatchObject({ ok: false, code: 'corrupt' });
  });

  it('turns any text into a typed answer, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), async (text) => {
        const result = await decodeShareLink(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['truncated', 'corrupt', 'too-large', 'newer-version', 'invalid']).toContain(result.code);
      }),
      { numRuns: 300 },
    );
    for (const text of ['', '#', '#p=', '#p=1', '#p=1.', '#p=1..', '#p=9999999.a.b', '#p=1.%E0%A4%A.x', '\uD800'])
      expect((await decodeShareLink(text)).ok, text).toBe(false);
  });

  it('refuses garbage behind a valid checksum as corrupt, not with a throw', async () => {
    const garbage = new Uint8Array([1, 2, 3, 250, 251, 252, 7, 7, 7]);
    expect(await decodeShareLink(craft('1', garbage))).toMatchObject({ ok: false, code: 'corrupt' });
    // Valid deflate of bytes that are not UTF-8.
    expect(await decodeShareLink(craft('1', deflateRawSync(Buffer.from([0xff, 0xfe, 0xc0]))))).toMatchObject({
      ok: false,
      code: 'corrupt',
    });
    // Valid deflate of JSON that is not a design: the design gate answers.
    expect(await decodeShareLink(craft('1', deflateRawSync(Buffer.from('{"a": 1}'))))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await decodeShareLink(craft('1', deflateRawSync(Buffer.from('not json'))))).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('stops inflating a decompression bomb at 5 MB', async () => {
    // 40 MB of zeros deflate to about 40 KB: a small link that would fill memory if inflated in full.
    const bomb = deflateRawSync(Buffer.alloc(40 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    const result = await decodeShareLink(craft('1', bomb));
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a link from a newer Portico, and a design of a newer format', async () => {
    expect(await decodeShareLink(craft('2', deflateRawSync(Buffer.from('{}'))))).toMatchObject({ ok: false, code: 'newer-version' });
    const newer = { ...emptyDesign('REST'), schemaVersion: 99 };
    expect(await decodeShareLink(craft('1', deflateRawSync(Buffer.from(JSON.stringify(newer)))))).toMatchObject({
      ok: false,
      code: 'newer-version',
    });
  });

  it('survives mail clients turning the link into +, spaces, line breaks and %-encoding', async () => {
    const design = restPetStore();
    const fragment = await linkOf(design);
    const spaced = fragment
      .replace(/(.{40})/g, '$1 ')
      .replace(/(.{97})/g, '$1+')
      .replace(/(.{201})/g, '$1\r\n');
    expect(await decodeShareLink(spaced)).toEqual({ ok: true, design });
    expect(await decodeShareLink(encodeURIComponent(fragment))).toEqual({ ok: true, design });
    expect(await decodeShareLink(`#p=${encodeURIComponent(fragment.slice(3)).replace(/\./g, '%2E')}`)).toEqual({ ok: true, design });
  });

  it('carries hostile strings as plain data', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '__proto__',
      'constructor',
      "'); process.exit(1); ('",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile value that looks like a template.
      '${x}',
      '\u2028\u202E',
      '🐱‍👤',
    ];
    const design = [
      (d: Design) =>
        updateApi(d, {
          name: hostile[0] as string,
          description: hostile.join(' | '),
          tags: { constructor: '__proto__', toString: hostile[1] as string },
        }),
      (d: Design) =>
        updateMethod(d, Object.keys(d.methods)[0] as keyof Design['methods'], { summary: hostile.join('\n'), operationName: '__proto__' }),
      (d: Design) => addStage(d, { name: 'constructor' }),
      (d: Design) => {
        const stage = Object.values(d.stages).find((s) => s.name === 'constructor');
        return stage ? updateStage(d, stage.id, { variables: { __proto__x: '__proto__', prototype: hostile[0] as string } }) : d;
      },
    ].reduce((d, step) => step(d), restPetStore());
    const decoded = await decodeShareLink(await linkOf(design));
    expect(decoded).toEqual({ ok: true, design });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses to make a link over about 1 MB, offering the design file', async () => {
    // Random text does not compress: 1 MB of it gives a link well over the limit.
    const noise = Array.from({ length: 30_000 }, (_, index) => createHash('sha256').update(String(index)).digest('base64')).join('');
    const design = updateApi(emptyDesign('REST'), { description: noise });
    const result = await encodeShareLink(design);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (!result.ok) {
      expect(result.bytes).toBeGreaterThan(1_000_000);
      expect(result.message).toContain('design file');
    }
  });

  it('refuses to make a link that would unpack past the 5 MB opening budget, however well it compresses', async () => {
    const design = updateApi(emptyDesign('REST'), { description: 'a'.repeat(6 * 1024 * 1024) });
    const result = await encodeShareLink(design);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (!result.ok) expect(result.message).toContain('design file');
  });

  it('round-trips any API name and description (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((name) => name.trim() === name && name.length > 0),
        fc.string({ unit: 'binary', maxLength: 200 }),
        async (name, description) => {
          const design = updateApi(emptyDesign('HTTP'), { name, description });
          expect(await decodeShareLink(await linkOf(design))).toEqual({ ok: true, design });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a fragment longer than any browser opens without reading it', async () => {
    expect(await decodeShareLink(`#p=1.${'A'.repeat(3_100_000)}.x`)).toMatchObject({ ok: false, code: 'too-large' });
  });
});
