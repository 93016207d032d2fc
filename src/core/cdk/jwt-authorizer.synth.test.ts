import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAuthorizer,
  addJwtClaim,
  addJwtIssuer,
  connectAuthorizer,
  type Design,
  setJwtAlgorithm,
  updateAuthorizer,
  updateMethod,
} from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { type CdkResult, generateCdk } from '.';
import { conformanceProblems } from './testing/conformance';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourcesOf, restMethods } from './testing/template';

/**
 * REST API JWT authorizers, synthesized: an `AWS::ApiGateway::Authorizer` of type JWT with its
 * `JwtConfiguration` (issuers, audiences, additional claims, algorithms) and the methods it protects
 * (`AuthorizationType: JWT`, `AuthorizerId`, `AuthorizationScopes`). One batch for the file.
 */

const cases = new Map<string, { design: Design; result: CdkResult }>();
let outcomes: Map<string, SynthOutcome>;

/** The pet store with a JWT authorizer trusting two issuers on GET /pets and GET /pets/{petId}; GET /pets requires scopes. */
const twoIssuers = () =>
  build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
    (d) => updateAuthorizer(d, ids.auth('jwt'), { identitySource: 'method.request.header.X-Access-Token' }),
    (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://login.example.com/', ['api://pets', 'api://shop']),
    (d) => addJwtClaim(d, ids.auth('jwt'), 1, { claimName: 'tenant', expectedValues: ['acme'] }),
    (d) => addJwtClaim(d, ids.auth('jwt'), 1, { claimName: 'token_use', required: false }),
    (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'ES256', true),
    (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('jwt')),
    (d) => connectAuthorizer(d, ids.mth('get'), ids.auth('jwt')),
    (d) => updateMethod(d, ids.mth('list'), { authorizationScopes: ['pets/read', 'pets:read'] }),
  );

function template(name: string) {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  return outcome?.bare;
}

beforeAll(() => {
  for (const [name, design] of [['two-issuers', twoIssuers()]] as const) cases.set(name, { design, result: generateCdk(design) });
  outcomes = checkPrograms(
    'jwt-authorizer',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

describe('a REST API JWT authorizer in the CDK program', () => {
  it('type-checks and synthesizes, bare and with the recommended flags, without warnings, one method per designed method', () => {
    for (const [name, { design }] of cases) {
      expect(problemsOf(outcomes.get(name)), name).toEqual([]);
      expect(conformanceProblems(design, outcomes.get(name)?.bare), name).toEqual([]);
    }
  });

  it('is an AWS::ApiGateway::Authorizer of type JWT with its issuers, audiences, claims, algorithms and token header', () => {
    const authorizers = resourcesOf(template('two-issuers'), 'AWS::ApiGateway::Authorizer');
    expect(authorizers).toHaveLength(2);
    const jwt = authorizers.find((authorizer) => authorizer.properties.Type === 'JWT')?.properties as Properties;
    expect(jwt).toMatchObject({
      Name: 'Tokens',
      Type: 'JWT',
      IdentitySource: 'method.request.header.X-Access-Token',
      JwtConfiguration: {
        DefaultAlgorithms: ['RS256', 'ES256'],
        Issuers: [
          { Issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE', Audiences: ['example-client-id'] },
          {
            Issuer: 'https://login.example.com/',
            Audiences: ['api://pets', 'api://shop'],
            AdditionalClaims: [
              { ClaimName: 'tenant', Format: 'SINGLE_STRING', Required: true, ExpectedValues: ['acme'] },
              { ClaimName: 'token_use', Format: 'SINGLE_STRING', Required: false },
            ],
          },
        ],
      },
    });
    expect(jwt.RestApiId).toEqual({ Ref: expect.any(String) });
  });

  it('protects its methods with AuthorizationType JWT and its AuthorizerId, and leaves the Cognito method as it was', () => {
    const authorizers = resourcesOf(template('two-issuers'), 'AWS::ApiGateway::Authorizer');
    const jwtId = authorizers.find((authorizer) => authorizer.properties.Type === 'JWT')?.id;
    const methods = restMethods(template('two-issuers'));
    for (const key of ['GET /pets', 'GET /pets/{petId}'])
      expect(methods.get(key), key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { 'Fn::GetAtt': [jwtId, 'AuthorizerId'] } });
    expect(methods.get('POST /pets')).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS' });
  });

  // The CDK's Method keeps scopes for Cognito only: rest-api.ts writes a JWT method's on its CfnMethod.
  it('gives each method the scopes it requires', () => {
    const methods = restMethods(template('two-issuers'));
    expect(methods.get('GET /pets')?.AuthorizationScopes).toEqual(['pets/read', 'pets:read']);
    expect(methods.get('GET /pets/{petId}')?.AuthorizationScopes).toBeUndefined();
  });
});
