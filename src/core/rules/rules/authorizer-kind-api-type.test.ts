import { describe, expect, it } from 'vitest';
import { checkDesign, type Design, newAuthorizer } from '../../model';
import { httpPets, ids, restPetStore, webSocketChat } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { authorizerKindApiType as rule } from './authorizer-kind-api-type';

/** Built directly: addAuthorizer, changeApiType and checkDesign all refuse these kinds; the rule is the last guard. */
function withAuthorizer(design: Design, kind: 'JWT' | 'COGNITO_USER_POOLS' | 'LAMBDA_TOKEN'): Design {
  const authorizer = newAuthorizer(ids.auth('x'), kind, design.api.type, 'x');
  return { ...design, authorizers: { ...design.authorizers, [authorizer.id]: authorizer } };
}

describe('authorizer-kind-api-type', () => {
  it.each([
    ['a JWT authorizer on a WebSocket API', webSocketChat, 'JWT'],
    ['a Cognito authorizer on an HTTP API', httpPets, 'COGNITO_USER_POOLS'],
    ['a Lambda TOKEN authorizer on a WebSocket API', webSocketChat, 'LAMBDA_TOKEN'],
  ] as const)('names %s', (_name, fixture, kind) => {
    const design = withAuthorizer(fixture(), kind);
    expect(checkDesign(design).length).toBeGreaterThan(0);
    expect(lintWith(rule, design)).toMatchObject([{ severity: 'error', target: { kind: 'authorizer', id: ids.auth('x') } }]);
  });

  it('is quiet on the kinds each type has, a JWT authorizer on a REST API among them', () => {
    for (const design of [restPetStore(), httpPets(), webSocketChat(), withAuthorizer(restPetStore(), 'JWT')])
      expect(lintWith(rule, design)).toEqual([]);
  });
});
