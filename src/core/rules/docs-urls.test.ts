import { existsSync, readFileSync } from 'node:fs';
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

/**
 * Pages newer than the guide snapshot (mid-2023): those the collected facts on 2024–2026 name, with
 * their sources (`DG:page`, `AC:page`, `API:X`, `CFN:page` in apigw-2024-2026.md).
 */
const referenceFile = join(__dirname, '../../../../shared/reference/apigw-2024-2026.md');
const shortForms: Record<string, string> = {
  DG: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/',
  API: 'https://docs.aws.amazon.com/apigateway/latest/api/API_',
  CFN: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/',
  AC: 'https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/',
};
const newerPages = new Set(
  [...readFileSync(referenceFile, 'utf8').matchAll(/`(DG|API|CFN|AC):([A-Za-z0-9-]+)`/g)].map(
    ([, book, page]) => `${shortForms[book as string]}${page}.html`,
  ),
);

const guidePage = /^https:\/\/docs\.aws\.amazon\.com\/apigateway\/latest\/developerguide\/([a-z0-9-]+)\.html$/i;

/** Newer pages the facts do not name, each looked up on AWS's current site (search tool, 2026-12-06). */
const checkedOnAwsSite = new Set([
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html',
  'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html',
  'https://docs.aws.amazon.com/apigateway/latest/api/API_JwtAdditionalClaim.html',
]);

describe('rule documentation pages', () => {
  it.each(rules.map((rule) => [rule.id, rule.docsUrl]))('%s cites %s, a page that exists', (_id, url) => {
    if (notInGuide.has(url) || newerPages.has(url) || checkedOnAwsSite.has(url)) return;
    const page = guidePage.exec(url)?.[1];
    expect(page, `${url} is not a Developer Guide page`).toBeDefined();
    expect(existsSync(join(guideFolder, `${page}.md`)), `${page}.md in the guide`).toBe(true);
  });

  it('reads the newer pages from the collected facts', () => {
    expect(newerPages.has('https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html')).toBe(true);
  });

  it('keeps the allow-list small and used', () => {
    const cited = new Set(rules.map((rule) => rule.docsUrl));
    for (const url of [...notInGuide, ...checkedOnAwsSite]) expect(cited.has(url), url).toBe(true);
    expect(checkedOnAwsSite.size).toBeLessThanOrEqual(6);
    expect(notInGuide.size).toBeLessThanOrEqual(3);
  });
});
