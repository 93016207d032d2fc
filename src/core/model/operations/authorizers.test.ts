import { describe, expect, it } from 'vitest';
import type { ApiType } from '../api';
import type { AuthorizerKind } from '../authorizer';
import { checkDesign } from '../check-design';
import { type Design, emptyDesign } from '../design';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import {
  addAuthorizer,
  addJwtClaim,
  addJwtIssuer,
  authorizerKindProblem,
  deleteAuthorizers,
  removeJwtClaim,
  removeJwtIssuer,
  setJwtAlgorithm,
  setJwtTokenHeader,
  updateAuthorizer,
  updateJwtClaim,
  updateJwtIssuer,
} from './authorizers';
import { updateMethod } from './methods';
import { connectAuthorizer } from './wiring';

const allowed: Record<ApiType, AuthorizerKind[]> = {
  REST: ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'JWT'],
  HTTP: ['IAM', 'LAMBDA_REQUEST', 'JWT'],
  WEBSOCKET: ['IAM', 'LAMBDA_REQUEST'],
};
const kinds: AuthorizerKind[] = ['IAM', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'JWT'];

describe('authorizer kinds per API type', () => {
  for (const type of ['REST', 'HTTP', 'WEBSOCKET'] as const)
    for (const kind of kinds) {
      const ok = allowed[type].includes(kind);
      it(`${ok ? 'allows' : 'refuses'} ${kind} on ${type}`, () => {
        expect(authorizerKindProblem(kind, type) === undefined).toBe(ok);
        if (ok) expect(Object.values(build(emptyDesign(type), (d) => addAuthorizer(d, { kind })).authorizers)[0]?.kind).toBe(kind);
        else expect(refusalOf(emptyDesign(type), (d) => addAuthorizer(d, { kind })).code).toBe('wrong-api-type');
      });
    }

  it('explains the refusals with the alternative', () => {
    expect(refusalOf(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS' })).message).toContain(
      'use a JWT authorizer',
    );
    expect(refusalOf(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN' })).message).toContain(
      'on an HTTP API use a Lambda REQUEST',
    );
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => addAuthorizer(d, { kind: 'JWT' })).message).toBe(
      'WebSocket APIs accept only IAM and Lambda REQUEST authorizers.',
    );
  });
});

describe('addAuthorizer', () => {
  it('fills kind-specific defaults and the identity source of the API type', () => {
    const rest = build(emptyDesign('REST'), (d) =>
      addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('t'), position: { x: 901, y: 1 } }),
    );
    expect(rest.authorizers[ids.auth('t')]).toMatchObject({
      name: 'TokenAuthorizer',
      identitySource: 'method.request.header.Authorization',
      resultTtlSeconds: 300,
    });
    expect(rest.layout[ids.auth('t')]).toEqual({ x: 901, y: 1 });
    const http = build(emptyDesign('HTTP'), (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('r') }));
    expect(http.authorizers[ids.auth('r')]).toMatchObject({ identitySource: '$request.header.Authorization', payloadFormatVersion: '2.0' });
  });

  it('numbers default names that are taken', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addAuthorizer(d, { kind: 'IAM' }),
      (d) => addAuthorizer(d, { kind: 'IAM' }),
      (d) => addAuthorizer(d, { kind: 'IAM', name: 'sigv4' }),
    );
    expect(Object.values(design.authorizers).map((a) => a.name)).toEqual(['sigv4', 'sigv42', 'sigv43']);
  });

  it('refuses a full authorizer whose name is taken or empty, and a taken id', () => {
    const design = restPetStore();
    const taken = design.authorizers[ids.auth('users')]!;
    const { id: _id, ...copy } = taken;
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', authorizer: copy })).message).toBe(
      `An authorizer named "${taken.name}" already exists.`,
    );
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', authorizer: { ...copy, name: '  ' } })).message).toBe(
      'An authorizer needs a name.',
    );
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('users') })).code).toBe('duplicate');
  });

  it('refuses the name __proto__, which would be a security scheme key that no import reads back', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => addAuthorizer(d, { kind: 'IAM', name: '__proto__' })).message).toBe(
      'An authorizer cannot be named "__proto__": choose another name.',
    );
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('users'), { name: '__proto__' })).code).toBe('invalid-value');
  });
});

describe('updateAuthorizer', () => {
  it('renames and changes the TTL at both ends of 0–3600; unchanged returns the same design', () => {
    const design = restPetStore();
    const next = build(design, (d) => updateAuthorizer(d, ids.auth('users'), { name: ' Users ', resultTtlSeconds: 0 }));
    expect(next.authorizers[ids.auth('users')]).toMatchObject({ name: 'Users', resultTtlSeconds: 0 });
    expect(
      build(design, (d) => updateAuthorizer(d, ids.auth('users'), { resultTtlSeconds: 3600 })).authorizers[ids.auth('users')]
        ?.resultTtlSeconds,
    ).toBe(3600);
    expect(updateAuthorizer(design, ids.auth('users'), { name: 'CognitoAuthorizer' })).toBe(design);
  });

  it.each([-1, 3601, 1.5, Number.NaN])('refuses the TTL %d', (resultTtlSeconds) => {
    const error = refusalOf(restPetStore(), (d) => updateAuthorizer(d, ids.auth('users'), { resultTtlSeconds }));
    expect(error.message).toBe('The authorizer result TTL is a whole number of seconds from 0 to 3600.');
  });

  it('refuses a taken or empty name, a kind the API cannot have, and a missing authorizer', () => {
    const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam') }));
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('iam'), { name: 'CognitoAuthorizer' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('iam'), { name: '' })).code).toBe('invalid-value');
    expect(refusalOf(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { kind: 'COGNITO_USER_POOLS' })).code).toBe('wrong-api-type');
    expect(refusalOf(design, (d) => updateAuthorizer(d, ids.auth('gone'), {})).code).toBe('not-found');
  });
});

describe('deleteAuthorizers', () => {
  it('opens the methods and routes it protected and drops its position', () => {
    const rest = build(restPetStore(), (d) => deleteAuthorizers(d, [ids.auth('users')]));
    expect(rest.methods[ids.mth('create')]?.authorizerId).toBeUndefined();
    expect(rest.methods[ids.mth('create')]?.authorizationScopes).toEqual([]);
    expect(rest.layout[ids.auth('users')]).toBeUndefined();
    expect(checkDesign(rest)).toEqual([]);
    const http = build(httpPets(), (d) => deleteAuthorizers(d, [ids.auth('jwt')]));
    expect(http.routes[ids.rte('create')]?.authorizerId).toBeUndefined();
  });

  it('refuses a missing authorizer; an empty list changes nothing', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => deleteAuthorizers(d, [ids.auth('gone')])).code).toBe('not-found');
    expect(deleteAuthorizers(design, [])).toBe(design);
  });
});

const cognito = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE';
const corporate = 'https://login.example.com/';

/** The REST pet store with a JWT authorizer `jwt` (its default issuer, the example user pool) on POST /pets. */
function restWithJwt(): Design {
  return build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt') }),
    (d) => connectAuthorizer(d, ids.mth('create'), ids.auth('jwt')),
  );
}
const jwtOf = (design: Design) => design.authorizers[ids.auth('jwt')]!;

describe('REST JWT authorizers', () => {
  it('start with one issuer, one audience, RS256 and the Authorization header', () => {
    expect(jwtOf(restWithJwt())).toMatchObject({
      kind: 'JWT',
      identitySource: 'method.request.header.Authorization',
      jwtIssuers: [{ issuer: cognito, audiences: ['example-client-id'], additionalClaims: [] }],
      jwtAlgorithms: ['RS256'],
      jwtAudience: [],
    });
    expect(jwtOf(restWithJwt()).jwtIssuer).toBeUndefined();
  });

  it('keep the scopes each method requires', () => {
    const design = build(restWithJwt(), (d) => updateMethod(d, ids.mth('create'), { authorizationScopes: ['orders:write'] }));
    expect(design.methods[ids.mth('create')]).toMatchObject({ authorizerId: ids.auth('jwt'), authorizationScopes: ['orders:write'] });
    expect(checkDesign(design)).toEqual([]);
  });

  it('add, edit and remove issuers and their audiences', () => {
    const design = build(
      restWithJwt(),
      (d) => addJwtIssuer(d, ids.auth('jwt'), ` ${corporate} `, ['api://orders']),
      (d) => updateJwtIssuer(d, ids.auth('jwt'), 1, { audiences: ['api://orders', 'api://billing'] }),
      (d) => updateJwtIssuer(d, ids.auth('jwt'), 0, { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool' }),
    );
    expect(jwtOf(design).jwtIssuers).toEqual([
      { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool', audiences: ['example-client-id'], additionalClaims: [] },
      { issuer: corporate, audiences: ['api://orders', 'api://billing'], additionalClaims: [] },
    ]);
    const removed = build(design, (d) => removeJwtIssuer(d, ids.auth('jwt'), 0));
    expect(jwtOf(removed).jwtIssuers?.map((issuer) => issuer.issuer)).toEqual([corporate]);
    expect(updateJwtIssuer(design, ids.auth('jwt'), 1, { audiences: ['api://orders', 'api://billing'] })).toBe(design);
  });

  it.each([
    ['http://login.example.com', 'must use https'],
    ['login.example.com', 'must be an absolute https URL'],
    ['https://', 'has no host'],
    ['https://user@login.example.com', 'must not contain user information'],
    ['https://login.example.com/?tenant=1', 'must not have a query'],
    ['https://login.example.com/#top', 'must not have a fragment'],
    ['https://login example.com', 'contains a space'],
    ['', 'is empty'],
  ])('refuses the issuer URL "%s" (%s)', (issuer, message) => {
    const error = refusalOf(restWithJwt(), (d) => addJwtIssuer(d, ids.auth('jwt'), issuer, ['a']));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toContain(message);
    expect(refusalOf(restWithJwt(), (d) => updateJwtIssuer(d, ids.auth('jwt'), 0, { issuer })).message).toContain(message);
  });

  it('refuses an issuer listed twice, an issuer without audiences and an empty audience', () => {
    const design = build(restWithJwt(), (d) => addJwtIssuer(d, ids.auth('jwt'), corporate, ['a']));
    const twice = refusalOf(design, (d) => addJwtIssuer(d, ids.auth('jwt'), cognito, ['b']));
    expect(twice.code).toBe('duplicate');
    expect(twice.message).toBe(
      `The authorizer already trusts ${cognito}: list each issuer once, with all the audiences you accept from it.`,
    );
    expect(refusalOf(design, (d) => updateJwtIssuer(d, ids.auth('jwt'), 1, { issuer: cognito })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateJwtIssuer(d, ids.auth('jwt'), 1, { audiences: [] })).message).toBe(
      `Issuer ${corporate} needs at least one audience: enter the client id or API identifier its tokens carry in aud.`,
    );
    expect(refusalOf(design, (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://other.example.com', [])).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateJwtIssuer(d, ids.auth('jwt'), 0, { audiences: ['a', ' '] })).message).toContain('is empty');
    expect(refusalOf(design, (d) => updateJwtIssuer(d, ids.auth('jwt'), 5, { audiences: ['a'] })).code).toBe('not-found');
  });

  it('add, edit and remove additional claims', () => {
    const design = build(
      restWithJwt(),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant_id' }),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'token_use', expectedValues: ['access'] }),
      (d) => updateJwtClaim(d, ids.auth('jwt'), 0, 0, { expectedValues: ['acme', 'globex'], required: false }),
    );
    expect(jwtOf(design).jwtIssuers?.[0]?.additionalClaims).toEqual([
      { claimName: 'tenant_id', format: 'SINGLE_STRING', required: false, expectedValues: ['acme', 'globex'] },
      { claimName: 'token_use', format: 'SINGLE_STRING', required: true, expectedValues: ['access'] },
    ]);
    const removed = build(design, (d) => removeJwtClaim(d, ids.auth('jwt'), 0, 0));
    expect(jwtOf(removed).jwtIssuers?.[0]?.additionalClaims.map((claim) => claim.claimName)).toEqual(['token_use']);
  });

  it.each([
    [{ claimName: '' }, 'A claim needs a name'],
    [{ claimName: 'aud' }, 'API Gateway checks the claim "aud" itself'],
    [{ claimName: 'scope' }, 'set audiences or method scopes instead'],
    [{ claimName: 'tenant', format: 'STRING_ARRAY' }, 'use SINGLE_STRING'],
    [{ claimName: 'tenant', expectedValues: ['acme', ''] }, 'is empty'],
  ])('refuses the claim %j', (claim, message) => {
    expect(refusalOf(restWithJwt(), (d) => addJwtClaim(d, ids.auth('jwt'), 0, claim)).message).toContain(message);
  });

  it('refuses a claim the issuer already checks', () => {
    const design = build(restWithJwt(), (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant' }));
    expect(refusalOf(design, (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateJwtClaim(d, ids.auth('jwt'), 0, 0, { claimName: ' tenant ' })).message).toBe(
      'The claim name " tenant " has spaces around it: remove them.',
    );
    expect(refusalOf(design, (d) => removeJwtClaim(d, ids.auth('jwt'), 0, 3)).code).toBe('not-found');
  });

  it('choose signing algorithms among those API Gateway accepts, keeping at least one', () => {
    const design = build(
      restWithJwt(),
      (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'ES256', true),
      (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'RS384', true),
    );
    expect(jwtOf(design).jwtAlgorithms).toEqual(['RS256', 'RS384', 'ES256']);
    expect(jwtOf(build(design, (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'RS256', false))).jwtAlgorithms).toEqual(['RS384', 'ES256']);
    expect(setJwtAlgorithm(design, ids.auth('jwt'), 'ES256', true)).toBe(design);
    expect(refusalOf(restWithJwt(), (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'RS256', false)).message).toBe(
      'A JWT authorizer accepts at least one signing algorithm: keep the one your identity provider signs with (often RS256).',
    );
    expect(refusalOf(restWithJwt(), (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'HS256', true)).message).toBe(
      '"HS256" is not a signing algorithm API Gateway accepts: choose from RS256, RS384, RS512, ES256, ES384, ES512.',
    );
    expect(refusalOf(restWithJwt(), (d) => updateAuthorizer(d, ids.auth('jwt'), { jwtAlgorithms: ['RS256', 'RS256'] })).code).toBe(
      'duplicate',
    );
  });

  it('edit one field of an imported authorizer without tripping over what was imported', () => {
    const imported = {
      ...restWithJwt(),
      authorizers: {
        ...restWithJwt().authorizers,
        [ids.auth('jwt')]: {
          ...jwtOf(restWithJwt()),
          jwtIssuers: [
            {
              issuer: 'http://legacy.example.com',
              audiences: [],
              additionalClaims: [{ claimName: 'aud', format: 'X', expectedValues: [] }],
            },
          ],
          jwtAlgorithms: ['HS256'],
        },
      },
    } as Design;
    const next = build(
      imported,
      (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'RS256', true),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant' }),
    );
    expect(jwtOf(next).jwtAlgorithms).toEqual(['RS256', 'HS256']);
    expect(jwtOf(next).jwtIssuers?.[0]?.additionalClaims.map((claim) => claim.claimName)).toEqual(['aud', 'tenant']);
  });

  it('read the token from the header the form names, refusing what is not a header name', () => {
    const design = build(restWithJwt(), (d) => setJwtTokenHeader(d, ids.auth('jwt'), ' X-Access-Token '));
    expect(jwtOf(design).identitySource).toBe('method.request.header.X-Access-Token');
    expect(refusalOf(design, (d) => setJwtTokenHeader(d, ids.auth('jwt'), ' ')).message).toBe(
      'Enter the header that carries the token, e.g. Authorization.',
    );
    expect(refusalOf(design, (d) => setJwtTokenHeader(d, ids.auth('jwt'), 'X Token')).message).toBe(
      '"X Token" is not a header name: use letters, digits and dashes, e.g. Authorization or X-Access-Token.',
    );
  });

  it('refuse issuer lists on an HTTP API and on other kinds', () => {
    expect(refusalOf(httpPets(), (d) => addJwtIssuer(d, ids.auth('jwt'), corporate, ['a'])).message).toContain(
      "An HTTP API's JWT authorizer trusts one issuer",
    );
    expect(refusalOf(restPetStore(), (d) => setJwtAlgorithm(d, ids.auth('users'), 'RS256', true)).message).toBe(
      'Authorizer "CognitoAuthorizer" is not a JWT authorizer: only those trust issuers.',
    );
  });
});
