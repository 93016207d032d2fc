import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Design, isJsonObject, type JsonObject } from '../model';
import { importOpenApi } from '../openapi';
import { parseText } from '../openapi/parse-text';
import { type CdkResult, generateCdk } from '.';
import { conformanceProblems } from './testing/conformance';
import { checkPrograms, type SynthOutcome, timings } from './testing/synth-harness';
import { countByType, designedMethods, designedRoutes, resourceCount, resourcesOf, restMethods } from './testing/template';

/**
 * Every real API Gateway document of the shared corpus, imported with the OpenAPI importer, written as a
 * CDK program, type-checked and synthesized (bare and with `cdk init`'s flags), with one method or route
 * for each operation of the document. The folder is read at test time, so a document added to it is
 * covered without touching this file.
 */

const operationKeys = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']);

/** The operations of a document, counted the way API Gateway imports them (one per verb of each path). */
function operationCount(text: string): number {
  const parsed = parseText(text);
  if (!parsed.ok || !isJsonObject(parsed.value)) return 0;
  const paths = parsed.value.paths;
  if (!isJsonObject(paths)) return 0;
  return Object.values(paths).reduce<number>(
    (sum, item) => sum + (isJsonObject(item) ? Object.keys(item as JsonObject).filter((key) => operationKeys.has(key)).length : 0),
    0,
  );
}

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((file) => /\.(json|ya?ml)$/.test(file))
  .sort();

interface Case {
  design: Design;
  result: CdkResult;
  operations: number;
}

const imported = new Map<string, Case>();
const importFailures = new Map<string, string>();
let outcomes: Map<string, SynthOutcome>;

beforeAll(() => {
  for (const file of files) {
    const text = readFileSync(join(corpusFolder, file), 'utf8');
    const result = importOpenApi(text);
    if (!result.ok) {
      importFailures.set(file, result.error.message);
      continue;
    }
    imported.set(file, { design: result.design, result: generateCdk(result.design), operations: operationCount(text) });
  }
  outcomes = checkPrograms(
    'corpus',
    [...imported].map(([file, { result }]) => ({ name: file.replace(/\.(json|ya?ml)$/, ''), code: result.code })),
  );
}, 600_000);

afterAll(() => {
  console.info('CDK synthesis batch (corpus.test.ts):', JSON.stringify(timings.get('corpus')));
});

const outcomeOf = (file: string) => outcomes.get(file.replace(/\.(json|ya?ml)$/, ''));

describe('the real-world corpus', () => {
  it('has documents to check, and the importer reads every one', () => {
    expect(files.length).toBeGreaterThanOrEqual(37);
    expect(Object.fromEntries(importFailures)).toEqual({});
  });

  describe.each(files)('%s', (file) => {
    it('the program type-checks and synthesizes, bare and with the recommended flags', () => {
      const outcome = outcomeOf(file);
      expect(outcome, 'imported').toBeDefined();
      expect(outcome?.diagnostics).toEqual([]);
      expect(outcome?.errors).toEqual({});
      // Warnings may remain for text the documents carry (W1054: a name such as "AWS::StackName").
      expect(outcome?.findings.filter((finding) => !/^(W\d+|warning: )/.test(finding))).toEqual([]);
    });

    it('the template is the design (methods or routes, authorization, integration type) and as big as estimated', () => {
      const found = imported.get(file);
      const outcome = outcomeOf(file);
      if (!found || !outcome) throw new Error(`${file} was not imported`);
      expect(conformanceProblems(found.design, outcome.bare)).toEqual([]);
      expect(resourceCount(outcome.bare)).toBe(found.result.estimatedResources);
      expect(countByType(outcome.flags)).toEqual(countByType(outcome.bare));
    });

    it('one AWS::ApiGateway::Method or AWS::ApiGatewayV2::Route per operation of the document', () => {
      const found = imported.get(file);
      const outcome = outcomeOf(file);
      if (!found || !outcome) throw new Error(`${file} was not imported`);
      const { design } = found;
      if (design.api.type === 'REST') {
        const designed = [...designedMethods(design).keys()].sort();
        expect(designed).toHaveLength(found.operations);
        // The OPTIONS methods the API's CORS settings add are the only methods the design does not list.
        const written = [...restMethods(outcome.bare).keys()].filter(
          (key) => designed.includes(key) || !(key.startsWith('OPTIONS ') && design.api.cors),
        );
        expect(written.sort()).toEqual(designed);
        const extra = resourcesOf(outcome.bare, 'AWS::ApiGateway::Method').length - restMethods(outcome.bare).size;
        expect(extra, 'methods with the same verb and path').toBe(0);
      } else {
        const designed = [...designedRoutes(design).keys()].sort();
        expect(designed).toHaveLength(found.operations);
        expect(
          resourcesOf(outcome.bare, 'AWS::ApiGatewayV2::Route')
            .map((route) => String(route.properties.RouteKey))
            .sort(),
        ).toEqual(designed);
      }
    });
  });
});
