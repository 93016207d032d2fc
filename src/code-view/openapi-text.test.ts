import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { syntheticDesign } from '../core/examples';
import { type Design, isJsonObject, type JsonObject } from '../core/model';
import { exportOpenApi, importOpenApi, type OpenApiVersion, stringifyDocument } from '../core/openapi';
import { cutOpenApiText, joinOpenApiText, splitOpenApiText } from './openapi-text';

const corpusFolder = join(__dirname, '../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

function exportsOf(design: Design): JsonObject[] {
  const versions: OpenApiVersion[] = design.api.type === 'REST' ? ['3.0', '2.0'] : design.api.type === 'HTTP' ? ['3.0'] : [];
  return versions.map((version) => {
    const result = exportOpenApi(design, { version });
    if (!result.ok) throw new Error(result.message);
    return result.document;
  });
}

/** The corpus documents as they are, and as Portico exports them: mapping templates, extensions, odd keys. */
const documents: [string, JsonObject][] = files.flatMap((name) => {
  const text = readFileSync(join(corpusFolder, name), 'utf8');
  const original = (name.endsWith('.json') ? JSON.parse(text) : parse(text, { customTags: [] as never, logLevel: 'silent' })) as unknown;
  const imported = importOpenApi(text);
  if (!imported.ok) throw new Error(`${name}: ${imported.error.message}`);
  return [
    ...(isJsonObject(original) ? [[`${name} (as is)`, original] as [string, JsonObject]] : []),
    ...exportsOf(imported.design).map((document, index) => [`${name} (export ${index})`, document] as [string, JsonObject]),
  ];
});

describe('OpenAPI text in parts', () => {
  it('has documents to split', () => {
    expect(documents.length).toBeGreaterThan(60);
  });

  it.each(documents)('joins back to exactly the whole text: %s', (_name, document) => {
    for (const format of ['yaml', 'json'] as const) {
      const parts = splitOpenApiText(document, format);
      const whole = stringifyDocument(document, format);
      if (!parts) {
        // Only a document without paths is left whole.
        expect(Object.keys((document.paths as JsonObject | undefined) ?? {})).toEqual([]);
        continue;
      }
      expect(parts.keys).toEqual(Object.keys(document.paths as JsonObject));
      expect(joinOpenApiText(parts)).toBe(whole);
      // Cutting the whole text finds the same parts as writing each path alone.
      expect(cutOpenApiText(whole, document, format)).toEqual(parts);
    }
  });

  it('joins back a large synthetic export (mapping templates, path parameters, many paths)', () => {
    for (const document of exportsOf(syntheticDesign({ operations: 300, seed: 7 }))) {
      for (const format of ['yaml', 'json'] as const) {
        const parts = splitOpenApiText(document, format);
        expect(parts && joinOpenApiText(parts)).toBe(stringifyDocument(document, format));
        expect(cutOpenApiText(stringifyDocument(document, format), document, format)).toEqual(parts);
      }
    }
  });

  it('leaves a document without paths whole', () => {
    expect(splitOpenApiText({ openapi: '3.0.1', info: { title: 'x', version: '1' }, paths: {} }, 'yaml')).toBeUndefined();
    expect(splitOpenApiText({ openapi: '3.0.1', info: { title: 'x', version: '1' } }, 'json')).toBeUndefined();
  });
});
