import { describe, expect, it } from 'vitest';
import { addAuthorizer, updateAuthorizer } from '../../model';
import { build, httpPets, ids, restPetStore, webSocketChat } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { authorizerIdentitySource as rule } from './authorizer-identity-source';

const token = (identitySource: string | undefined) =>
  build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token'), name: 'Token' }),
    (d) => updateAuthorizer(d, ids.auth('token'), { identitySource }),
  );

describe('authorizer-identity-source', () => {
  it('names a Lambda TOKEN authorizer without identity source', () => {
    expect(lintWith(rule, token(undefined))).toMatchObject([
      {
        severity: 'error',
        message: 'Authorizer Token has an identity source API Gateway would refuse: it names no header to read the token from.',
        target: { id: ids.auth('token') },
      },
    ]);
  });

  it('names a TOKEN authorizer reading a query string, and an identity source of another API type', () => {
    expect(lintWith(rule, token('method.request.querystring.token'))).toHaveLength(1);
    expect(
      lintWith(
        rule,
        build(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { identitySource: 'method.request.header.Authorization' })),
      ),
    ).toHaveLength(1);
  });

  it("names a REST API's JWT authorizer reading anything but one header", () => {
    const jwt = (identitySource: string | undefined) =>
      build(
        restPetStore(),
        (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
        (d) => updateAuthorizer(d, ids.auth('jwt'), { identitySource }),
      );
    expect(lintWith(rule, jwt('method.request.header.X-Token'))).toEqual([]);
    expect(lintWith(rule, jwt('method.request.querystring.token'))).toMatchObject([
      {
        message:
          'Authorizer Tokens has an identity source API Gateway would refuse: a JWT authorizer reads exactly one header, written like method.request.header.Authorization.',
      },
    ]);
    expect(lintWith(rule, jwt(undefined))).toMatchObject([
      { message: expect.stringContaining('it names no header to read the token from') },
    ]);
  });

  it('names a caching REST Lambda REQUEST authorizer without sources, but not one with caching off', () => {
    const request = (ttl: number) =>
      build(
        restPetStore(),
        (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('request') }),
        (d) => updateAuthorizer(d, ids.auth('request'), { identitySource: undefined, resultTtlSeconds: ttl }),
      );
    expect(lintWith(rule, request(300))).toHaveLength(1);
    expect(lintWith(rule, request(0))).toEqual([]);
  });

  it('is quiet on the fixtures', () => {
    for (const design of [restPetStore(), httpPets(), webSocketChat()]) expect(lintWith(rule, design)).toEqual([]);
  });

  it('quick fix reads the Authorization header', () => {
    const design = token(undefined);
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
