import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from './index';

/** The AWS API Gateway Developer Guide as Markdown (mid-2023), one file per page. */
const guideFolder = join(__dirname, '../../../../shared/reference/aws-apigateway-guide');

/**
 * Pages a rule may cite that are not in the guide snapshot: the API Reference (a separate book), where
 * API Gateway states the allowed cache sizes and stage variable patterns.
 */
const notInGuide = new Set(['https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html']);

const guidePage = /^https:\/\/docs\.aws\.amazon\.com\/apigateway\/latest\/developerguide\/([a-z0-9-]+)\.html$/i;

describe('rule documentation pages', () => {
  it.each(rules.map((rule) => [rule.id, rule.docsUrl]))('%s cites %s, a page that exists', (_id, url) => {
    if (notInGuide.has(url)) return;
    const page = guidePage.exec(url)?.[1];
    expect(page, `${url} is not a Developer Guide page`).toBeDefined();
    expect(existsSync(join(guideFolder, `${page}.md`)), `${page}.md in the guide`).toBe(true);
  });

  it('keeps the allow-list small and used', () => {
    const cited = new Set(rules.map((rule) => rule.docsUrl));
    for (const url of notInGuide) expect(cited.has(url), url).toBe(true);
    expect(notInGuide.size).toBeLessThanOrEqual(3);
  });
});
