import { describe, expect, it } from 'vitest';
import { addAuthorizer, removeJwtIssuer, updateAuthorizer } from '../../model';
import { build, httpPets, ids, restPetStore, webSocketChat } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { authorizerIncomplete as rule } from './authorizer-incomplete';

describe('authorizer-incomplete', () => {
  it('names a Cognito authorizer without user pools, a JWT authorizer without audience and a Lambda one without function', () => {
    expect(
      lintWith(
        rule,
        build(restPetStore(), (d) => updateAuthorizer(d, ids.auth('users'), { providerArns: [] })),
      ),
    ).toMatchObject([{ severity: 'error', message: 'Authorizer CognitoAuthorizer does not name the user pool whose tokens it accepts.' }]);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { jwtAudience: [] })),
      ),
    ).toMatchObject([{ message: 'Authorizer JwtAuthorizer does not name the audience the tokens must be meant for.' }]);
    expect(
      lintWith(
        rule,
        build(webSocketChat(), (d) => updateAuthorizer(d, ids.auth('lambda'), { functionArn: '' })),
      ),
    ).toMatchObject([{ message: 'Authorizer RequestAuthorizer does not name the Lambda function to call.' }]);
  });

  it("names a REST API's JWT authorizer without issuers, and is quiet on one with an issuer", () => {
    const rest = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }));
    expect(lintWith(rule, rest)).toEqual([]);
    expect(
      lintWith(
        rule,
        build(rest, (d) => removeJwtIssuer(d, ids.auth('jwt'), 0)),
      ),
    ).toMatchObject([{ message: 'Authorizer Tokens does not name an issuer whose tokens it accepts.', target: { id: ids.auth('jwt') } }]);
  });

  it('is quiet on complete authorizers', () => {
    for (const design of [restPetStore(), httpPets(), webSocketChat()]) expect(lintWith(rule, design)).toEqual([]);
  });
});
