import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { importOpenApi } from '../openapi';
import { type CdkResult, generateCdk } from '.';
import { conformanceProblems } from './testing/conformance';
import { checkPrograms, type SynthOutcome, timings } from './testing/synth-harness';
import { countByType, resourceCount } from './testing/template';

/**
 * Every real API Gateway document of the shared corpus, imported with the OpenAPI importer, written as a
 * CDK program, type-checked and synthesized (bare and with `cdk init`'s flags). The folder is read at
 * test time, so a document added to it is covered without touching this file.
 */

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((file) => /\.(json|ya?ml)$/.test(file))
  .sort();

interface Case {
  design: Design;
  result: CdkResult;
}

const imported = new Map<string, Case>();
const importFailures = new Map<string, string>();
let outcomes: Map<string, SynthOutcome>;

beforeAll(() => {
  for (const file of files) {
    const result = importOpenApi(readFileSync(join(corpusFolder, file), 'utf8'));
    if (!result.ok) {
      importFailures.set(file, result.error.message);
      continue;
    }
    imported.set(file, { design: result.design, result: generateCdk(result.design) });
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

  it.each(files)('%s: the program type-checks and synthesizes, bare and with the recommended flags', (file) => {
    const outcome = outcomeOf(file);
    expect(outcome, 'imported').toBeDefined();
    expect(outcome?.diagnostics).toEqual([]);
    expect(outcome?.errors).toEqual({});
    // Warnings may remain for text the documents carry (W1054: a name such as "AWS::StackName").
    expect(outcome?.findings.filter((finding) => !/^(W\d+|warning: )/.test(finding))).toEqual([]);
  });

  it.each(files)('%s: the template is the design (methods or routes, authorization, integration type) and as big as estimated', (file) => {
    const found = imported.get(file);
    const outcome = outcomeOf(file);
    if (!found || !outcome) throw new Error(`${file} was not imported`);
    expect(conformanceProblems(found.design, outcome.bare)).toEqual([]);
    expect(resourceCount(outcome.bare)).toBe(found.result.estimatedResources);
    expect(countByType(outcome.flags)).toEqual(countByType(outcome.bare));
  });
});
