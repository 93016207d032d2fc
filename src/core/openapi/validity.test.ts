import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, createConfig, lintFromString } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import type { Design, JsonObject } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import type { OpenApiVersion } from './types';

/**
 * Every export is valid OpenAPI by a real validator: Redocly's openapi-core with its `minimal` ruleset,
 * whose errors are the structural (`struct`) and reference (`no-unresolved-refs`) checks of the
 * OpenAPI 3.0 and Swagger 2.0 specifications. Warnings (missing operationId, summary…) are style.
 */
let config: Config;
beforeAll(async () => {
  config = await createConfig({ extends: ['minimal'] });
});

async function validationErrors(document: JsonObject): Promise<string[]> {
  const problems = await lintFromString({ source: stringifyDocument(document, 'json'), absoluteRef: '/portico/export.json', config });
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
}

function versionsOf(design: Design): OpenApiVersion[] {
  return design.api.type === 'REST' ? ['3.0', '2.0'] : design.api.type === 'HTTP' ? ['3.0'] : [];
}

async function expectValid(design: Design, version: OpenApiVersion, stageName?: string): Promise<void> {
  const exported = exportOpenApi(design, stageName === undefined ? { version } : { version, stageName });
  if (!exported.ok) throw new Error(exported.message);
  expect(await validationErrors(exported.document)).toEqual([]);
}

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const corpus = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

describe('exports are valid OpenAPI', () => {
  it('the validator finds errors in an invalid document (so that the checks below can fail)', async () => {
    expect(await validationErrors({ openapi: '3.0.1', info: { title: { Ref: 'Stack' } }, paths: { $default: {} } })).not.toEqual([]);
  });

  describe.each(corpus)('corpus %s', (name) => {
    const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    it.each(versionsOf(result.design))('as %s', async (version) => {
      await expectValid(result.design, version);
    });
  });

  const gallery = examples.filter((example) => versionsOf(example.build()).length > 0);
  describe.each(gallery.map((example) => [example.id, example] as const))('gallery example %s', (_id, example) => {
    const design = example.build();
    it.each(versionsOf(design))('as %s', async (version) => {
      await expectValid(design, version);
    });
    it.each(versionsOf(design))('as %s of each stage', async (version) => {
      for (const stageId of design.stageOrder) await expectValid(design, version, design.stages[stageId]?.name);
    });
  });

  it.each([
    ['REST', '3.0'],
    ['REST', '2.0'],
    ['HTTP', '3.0'],
  ] as const)('synthetic %s design as %s', async (apiType, version) => {
    const design = syntheticDesign({ operations: 300, seed: 7, apiType });
    await expectValid(design, version);
    await expectValid(design, version, 'prod');
  });
});
