import { describe, expect, it } from 'vitest';
import { addAuthorizer, connectAuthorizer } from '../../../model';
import { build, ids, restPetStore } from '../../../model/testing/design-builder';
import { lintWith } from '../../testing/rule-tester';
import { mcpAuthorizerUnreachable as rule } from './mcp-authorizer-unreachable';

describe('mcp-authorizer-unreachable', () => {
  it('names a method behind a Cognito user pool authorizer, and one behind a Lambda authorizer', () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token') }),
      (d) => connectAuthorizer(d, ids.mth('get'), ids.auth('token')),
    );
    expect(lintWith(rule, design).map((finding) => [finding.target.id, finding.message])).toEqual([
      [
        ids.mth('create'),
        'POST /pets is guarded by an Amazon Cognito user pool authorizer, so MCP clients cannot call it through AgentCore Gateway.',
      ],
      [ids.mth('get'), 'GET /pets/{petId} is guarded by a Lambda authorizer, so MCP clients cannot call it through AgentCore Gateway.'],
    ]);
  });

  it('is quiet on open methods and on methods behind IAM authorization', () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }),
      (d) => connectAuthorizer(d, ids.mth('create'), ids.auth('iam')),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
