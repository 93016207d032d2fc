import { generateCdk } from '../src/core/cdk';
import { syntheticDesign } from '../src/core/examples';
import { type Design, type JsonObject, type Method, type MethodId, updateMethod } from '../src/core/model';
import { exportOpenApi, importOpenApi, type OpenApiVersion, stringifyDocument } from '../src/core/openapi';
import { createLinter, lintDesign } from '../src/core/rules';
import { measure, type Stat } from './stats';

export interface CoreResult {
  operations: number;
  documentBytes: number;
  importJson: Stat;
  importYaml: Stat;
  exportOpenApi3Yaml: Stat;
  exportSwagger2Json: Stat;
  /** Null when the generator failed (its message is in cdkError). */
  generateCdk: Stat | null;
  cdkError?: string;
  rulesFull: Stat;
  rulesIncremental: Stat;
}

/** The OpenAPI export of a REST design; the synthetic designs always export, so a refusal is a bench bug. */
export function exportDocument(design: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(`The bench design did not export: ${result.message}`);
  return result.document;
}

/** Core timings in Node for one design size. */
export function benchCore(operations: number, runs: number): CoreResult {
  const design = syntheticDesign({ operations, seed: 42 });
  const document = exportDocument(design, '3.0');
  const text = stringifyDocument(document, 'yaml');
  const json = stringifyDocument(document, 'json');
  const methods = Object.values(design.methods) as Method[];
  let edits = 0;
  const linter = createLinter();
  linter.run(design);
  let current: Design = design;
  let cdkError: string | undefined;
  let cdk: Stat | null = null;
  try {
    cdk = measure(Math.max(3, Math.floor(runs / 2)), () => generateCdk(design, { openApiDocument: document }));
  } catch (error) {
    cdkError = error instanceof Error ? error.message : String(error);
  }
  return {
    operations,
    documentBytes: Buffer.byteLength(json),
    importJson: measure(runs, () => importOpenApi(json)),
    importYaml: measure(Math.max(3, Math.floor(runs / 2)), () => importOpenApi(text)),
    exportOpenApi3Yaml: measure(runs, () => stringifyDocument(exportDocument(design, '3.0'), 'yaml')),
    exportSwagger2Json: measure(runs, () => stringifyDocument(exportDocument(design, '2.0'), 'json')),
    generateCdk: cdk,
    ...(cdkError ? { cdkError } : {}),
    rulesFull: measure(runs, () => lintDesign(design)),
    rulesIncremental: measure(runs * 3, () => {
      // One keystroke: the summary of one method changes; every other element is the same object.
      edits += 1;
      const method = methods[edits % methods.length] as Method;
      current = updateMethod(current, method.id as MethodId, { summary: `edit ${edits}` });
      linter.run(current);
    }),
  };
}
