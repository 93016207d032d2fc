import { describe, expect, it } from 'vitest';
import { addAuthorizer, type Design, type JwtIssuer } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { jwtIssuerWithoutAudience as rule } from './jwt-issuer-without-audience';

function restWithIssuers(issuers: JwtIssuer[]): Design {
  const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }));
  const authorizer = design.authorizers[ids.auth('jwt')]!;
  return { ...design, authorizers: { ...design.authorizers, [authorizer.id]: { ...authorizer, jwtIssuers: issuers } } };
}

describe('jwt-issuer-without-audience', () => {
  it('names an issuer without audiences and one with an empty audience', () => {
    const design = restWithIssuers([
      { issuer: 'https://a.example.com', audiences: [], additionalClaims: [] },
      { issuer: 'https://b.example.com', audiences: ['orders', ''], additionalClaims: [] },
    ]);
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      'Authorizer Tokens: issuer https://a.example.com has no audience; add the client id or API identifier its tokens carry in aud.',
      'Authorizer Tokens: issuer https://b.example.com has an empty audience; remove it.',
    ]);
  });

  it('is quiet when every issuer has audiences, and on HTTP APIs', () => {
    expect(lintWith(rule, restWithIssuers([{ issuer: 'https://a.example.com', audiences: ['orders'], additionalClaims: [] }]))).toEqual([]);
    expect(lintWith(rule, httpPets())).toEqual([]);
  });
});
