import { describe, expect, it } from 'vitest';
import { addAuthorizer, connectAuthorizer, updateMethod } from '../../../model';
import { build, ids, restPetStore } from '../../../model/testing/design-builder';
import { lintWith } from '../../testing/rule-tester';
import { mcpIamAndApiKey as rule } from './mcp-iam-and-api-key';

const withIam = (apiKeyRequired: boolean) =>
  build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }),
    (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('iam')),
    (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired }),
  );

describe('mcp-iam-and-api-key', () => {
  it('names a method that needs IAM authorization and an API key', () => {
    expect(lintWith(rule, withIam(true))).toMatchObject([
      {
        message: 'GET /pets requires IAM authorization and an API key, so AgentCore Gateway leaves it out of its tools.',
        target: { kind: 'method', id: ids.mth('list') },
      },
    ]);
  });

  it('is quiet on IAM alone and on an API key alone', () => {
    expect(lintWith(rule, withIam(false))).toEqual([]);
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateMethod(d, ids.mth('get'), { apiKeyRequired: true })),
      ),
    ).toEqual([]);
  });
});
