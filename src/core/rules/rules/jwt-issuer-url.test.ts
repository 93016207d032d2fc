import { describe, expect, it } from 'vitest';
import { addAuthorizer, type Design, type JwtIssuer } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { jwtIssuerUrl as rule } from './jwt-issuer-url';

/** The REST pet store with a JWT authorizer `Tokens` whose issuers are set as given (as an import may). */
function restWithIssuers(issuers: JwtIssuer[]): Design {
  const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }));
  const authorizer = design.authorizers[ids.auth('jwt')];
  if (!authorizer) throw new Error('no authorizer');
  return { ...design, authorizers: { ...design.authorizers, [authorizer.id]: { ...authorizer, jwtIssuers: issuers } } };
}
const issuer = (url: string): JwtIssuer => ({ issuer: url, audiences: ['orders'], additionalClaims: [] });

describe('jwt-issuer-url', () => {
  it.each([
    ['http://login.example.com', 'must use https'],
    ['login.example.com/tenant', 'must be an absolute https URL'],
    ['https://login.example.com/?tenant=acme', 'must not have a query'],
    ['https://login.example.com/#x', 'must not have a fragment'],
    ['https://admin@login.example.com', 'must not contain user information'],
  ])('names the issuer %s (%s)', (url, problem) => {
    expect(lintWith(rule, restWithIssuers([issuer('https://ok.example.com'), issuer(url)]))).toMatchObject([
      {
        severity: 'error',
        message: expect.stringMatching(
          new RegExp(`^Authorizer Tokens, issuer "${url.replace(/[?.]/g, '\\$&')}": the issuer URL ${problem}`),
        ),
        target: { kind: 'authorizer', id: ids.auth('jwt') },
      },
    ]);
  });

  it('is quiet on absolute https issuers, a trailing slash or a path included, and on HTTP APIs', () => {
    expect(
      lintWith(
        rule,
        restWithIssuers([issuer('https://login.example.com/'), issuer('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc')]),
      ),
    ).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });
});
