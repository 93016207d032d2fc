import { describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import type { Design, JsonObject } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import type { OpenApiVersion } from './types';

function documentOf(design: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** Export, import the export, export again: the two documents are the same. */
function expectStable(design: Design, version: OpenApiVersion): void {
  const first = documentOf(design, version);
  const again = importOpenApi(stringifyDocument(first, version === '3.0' ? 'json' : 'yaml'));
  if (!again.ok) throw new Error(again.error.message);
  expect(documentOf(again.design, version)).toEqual(first);
}

const gallery = examples.map((example) => [example.id, example.build()] as const).filter(([, design]) => design.api.type !== 'WEBSOCKET');

describe('exportOpenApi', () => {
  it.each(gallery)('the gallery example %s reads back to the same document, in each version its type allows', (_id, design) => {
    expectStable(design, '3.0');
    if (design.api.type === 'REST') expectStable(design, '2.0');
  });

  it.each([
    ['REST', '3.0'],
    ['REST', '2.0'],
    ['HTTP', '3.0'],
  ] as const)('a synthetic %s design reads back to the same document as %s', (apiType, version) => {
    expectStable(syntheticDesign({ operations: 400, seed: 3, apiType }), version);
  });

  it('neither changes the design nor shares objects with it', () => {
    const design = gallery[0]?.[1] as Design;
    const before = JSON.stringify(design);
    const document = documentOf(design, '3.0');
    expect(JSON.stringify(design)).toBe(before);
    const walk = (value: unknown) => {
      if (value && typeof value === 'object') {
        for (const key of Object.keys(value)) {
          walk((value as Record<string, unknown>)[key]);
          if (Array.isArray(value)) value.length = 0;
          else delete (value as Record<string, unknown>)[key];
        }
      }
    };
    walk(document);
    expect(JSON.stringify(design)).toBe(before);
  });

  it('refuses an unknown OpenAPI version', () => {
    expect(exportOpenApi(gallery[0]?.[1] as Design, { version: '3.1' as OpenApiVersion })).toEqual({
      ok: false,
      message: expect.stringMatching(/Unknown OpenAPI version/),
    });
  });
});
