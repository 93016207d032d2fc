import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '../openapi';
import { lintDesign } from './index';

/**
 * The corpus documents are real, deployable APIs, so an error finding on one of them is a false positive,
 * with one exception: the guide's documentation snippets (awsdocs-*) show methods without an integration,
 * which API Gateway does refuse to deploy.
 */
const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

describe('rules on the real-world corpus', () => {
  it.each(files)('%s raises no error API Gateway would not raise', (name) => {
    const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    const errors = lintDesign(result.design)
      .filter((finding) => finding.severity === 'error')
      .filter((finding) => !(name.startsWith('awsdocs-') && finding.ruleId === 'method-without-integration'))
      .map((finding) => `${finding.ruleId}: ${finding.message}`);
    expect(errors).toEqual([]);
  });
});
