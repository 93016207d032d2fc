import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Design, isJsonObject, parseDesign } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { parseText } from './parse-text';
import { stringifyDocument } from './stringify';
import { extensionValues } from './testing/extension-values';
import type { OpenApiVersion } from './types';

/**
 * Every real-world document in the shared corpus (read at test time: a file dropped there is tested
 * with no code change) imports, exports as each version its API type allows, and imports back to the
 * same design, ids included; the export carries the same API Gateway extension values as the original.
 */
const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

function importFile(name: string): Design {
  const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.error.message} (line ${result.error.line})`);
  return result.design;
}

describe('the real-world corpus', () => {
  it('has documents to test', () => {
    expect(files.length).toBeGreaterThanOrEqual(37);
  });

  describe.each(files)('%s', (name) => {
    const original = parseText(readFileSync(join(corpusFolder, name), 'utf8'));
    const design = importFile(name);
    const versions: OpenApiVersion[] = design.api.type === 'REST' ? ['3.0', '2.0'] : ['3.0'];

    it('imports into a design that the design gate accepts', () => {
      expect(parseDesign(JSON.parse(JSON.stringify(design))).ok).toBe(true);
      expect(Object.keys(design.methods).length + Object.keys(design.routes).length).toBeGreaterThan(0);
    });

    it.each(versions)('exports as %s and imports back to the same design', (version) => {
      const exported = exportOpenApi(design, { version });
      if (!exported.ok) throw new Error(exported.message);
      for (const format of ['json', 'yaml'] as const) {
        const again = importOpenApi(stringifyDocument(exported.document, format));
        if (!again.ok) throw new Error(again.error.message);
        expect(again.version).toBe(version);
        expect(again.design).toEqual(design);
      }
    });

    it.each(versions)('exports as %s with the same API Gateway extension values', (version) => {
      if (!original.ok || !isJsonObject(original.value)) throw new Error('the corpus document does not parse');
      const exported = exportOpenApi(design, { version });
      if (!exported.ok) throw new Error(exported.message);
      const before = extensionValues(original.value, design.api.type);
      const after = extensionValues(exported.document, design.api.type);
      expect(after.root).toEqual(before.root);
      expect(after.schemes).toEqual(before.schemes);
      expect(after.operations).toEqual(before.operations);
    });
  });
});
