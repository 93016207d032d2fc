import { describe, expect, it } from 'vitest';
import { type Design, deleteMethods, type MethodId, parseDesign, serializeDesign, updateApi } from '../core/model';
import { restPetStore } from '../core/model/testing/design-builder';
import { designFileText } from './design-file';
import { maxFileVersions, readDesignFileText } from './design-file-read';

const json = (design: Design) => JSON.parse(serializeDesign(design));

function withVersions() {
  const design = updateApi(restPetStore(), { name: 'Pets now' });
  const first = restPetStore();
  const second = deleteMethods(restPetStore(), ['mth_create' as MethodId]);
  const versions = [
    { note: 'First release', savedAt: 1_700_000_000_000, origin: 'saved' as const, design: first },
    { note: '', savedAt: 1_700_000_100_000, origin: 'export' as const, design: second },
  ];
  return { design, versions };
}

/** A design file with its `versions` replaced by `versions`. */
function fileWith(versions: unknown): string {
  return JSON.stringify({ ...JSON.parse(serializeDesign(restPetStore())), versions });
}

describe('design files with versions', () => {
  it('writes the versions beside the design and reads both back', () => {
    const { design, versions } = withVersions();
    const text = designFileText(design, versions);
    const read = readDesignFileText(text, 'pets.portico.json');
    if (!read.ok) throw new Error(read.message);
    expect(json(read.design)).toEqual(json(design));
    expect(read.versions.map(({ note, savedAt, origin }) => ({ note, savedAt, origin }))).toEqual(
      versions.map(({ note, savedAt, origin }) => ({ note, savedAt, origin })),
    );
    expect(read.versions.map((version) => json(version.design))).toEqual(versions.map((version) => json(version.design)));
  });

  it('writes a design without versions exactly as before, and older readers see only the design', () => {
    const { design, versions } = withVersions();
    expect(designFileText(design)).toBe(serializeDesign(design));
    const read = readDesignFileText(serializeDesign(design), 'pets.portico.json');
    expect(read.ok && read.versions).toEqual([]);
    // The design gate (the CLI, share links, a dropped file) leaves the versions out of the design.
    const parsed = parseDesign(designFileText(design, versions));
    expect(parsed.ok && 'versions' in parsed.design).toBe(false);
    expect(parsed.ok && json(parsed.design)).toEqual(json(design));
  });

  it('refuses a file whose versions are not readable, saying which and why', () => {
    const cases: [unknown, RegExp][] = [
      [{ note: 'x' }, /"versions" should be a list/],
      [['not a version'], /Version 1 is not a saved version/],
      [[{ note: 'Release 2', origin: 'saved', design: restPetStore() }], /Version 1 \(“Release 2”\) has no valid date/],
      [[{ note: 7, savedAt: 1, design: restPetStore() }], /Version 1 has a note that is not text/],
      [[{ note: '', savedAt: 1, origin: 'stolen', design: restPetStore() }], /Version 1 has an unknown origin/],
      [
        [
          { note: 'ok', savedAt: 1, design: restPetStore() },
          { note: 'Broken', savedAt: 2, design: { api: { name: 'x', type: 'REST' }, methods: 'all of them' } },
        ],
        /Version 2 \(“Broken”\) is damaged: The design is damaged/,
      ],
      [
        [{ note: 'Newer', savedAt: 2, design: { ...restPetStore(), schemaVersion: 99 } }],
        /Version 1 \(“Newer”\) is damaged: .*newer Portico/,
      ],
      [Array.from({ length: maxFileVersions + 1 }, () => ({})), /carries 501 versions; Portico reads at most 500/],
    ];
    for (const [versions, message] of cases) {
      const read = readDesignFileText(fileWith(versions), 'pets.portico.json');
      expect(read.ok, JSON.stringify(versions).slice(0, 80)).toBe(false);
      if (!read.ok) {
        expect(read.message).toMatch(/^pets\.portico\.json could not be opened: its saved versions are not readable\./);
        expect(read.message).toMatch(message);
      }
    }
  });

  it('reads a version through the gate like any design: its text stays text, a prototype key refuses the file', () => {
    const hostile = JSON.parse(serializeDesign(restPetStore()));
    hostile.api.name = '<img src=x onerror=alert(1)>';
    const read = readDesignFileText(fileWith([{ note: '__proto__', savedAt: 3, design: hostile }]), 'x.portico.json');
    if (!read.ok) throw new Error(read.message);
    expect(read.versions[0]?.design.api.name).toBe('<img src=x onerror=alert(1)>');
    expect(read.versions[0]?.note).toBe('__proto__');
    const polluting = `{"api": ${JSON.stringify(restPetStore().api)}, "schemaVersion": 2, "versions": [{"savedAt": 3, "design": {}, "__proto__": {"polluted": true}}]}`;
    const refused = readDesignFileText(polluting, 'x.portico.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/"__proto__" key/);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses text that is not JSON with the reason', () => {
    const read = readDesignFileText('{"api": ', 'broken.portico.json');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^broken\.portico\.json could not be opened\. This is not a Portico design file/);
  });
});
