import { describe, expect, it } from 'vitest';
import { addAuthorizer, addJwtClaim, type Design, type JwtAdditionalClaim } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { jwtAdditionalClaim as rule } from './jwt-additional-claim';

const rest = () => build(restPetStore(), (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }));

/** The first issuer's claims set as given, as an import may write them. */
function withClaims(additionalClaims: JwtAdditionalClaim[]): Design {
  const design = rest();
  const authorizer = design.authorizers[ids.auth('jwt')]!;
  const [first] = authorizer.jwtIssuers ?? [];
  if (!first) throw new Error('no issuer');
  return {
    ...design,
    authorizers: { ...design.authorizers, [authorizer.id]: { ...authorizer, jwtIssuers: [{ ...first, additionalClaims }] } },
  };
}
const claim = (claimName: string, extra: Partial<JwtAdditionalClaim> = {}): JwtAdditionalClaim => ({
  claimName,
  format: 'SINGLE_STRING',
  expectedValues: [],
  ...extra,
});

describe('jwt-additional-claim', () => {
  it('names reserved, repeated, unnamed and wrongly formatted claims, and empty accepted values', () => {
    const design = withClaims([
      claim('scp'),
      claim('tenant'),
      claim('tenant'),
      claim(''),
      claim('groups', { format: 'STRING_ARRAY' }),
      claim('plan', { expectedValues: [''] }),
    ]);
    const where = 'Authorizer Tokens, issuer https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE';
    expect(lintWith(rule, design).map((finding) => finding.message)).toEqual([
      `${where}: the claim "scp" is one API Gateway checks itself.`,
      `${where}: the claim "tenant" is listed twice.`,
      `${where}: a claim has no name.`,
      `${where}: the claim "groups" has the format "STRING_ARRAY"; API Gateway accepts SINGLE_STRING only.`,
      `${where}: the claim "plan" has an empty accepted value.`,
    ]);
  });

  it('is quiet on claims the operations accept', () => {
    const design = build(
      rest(),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant', expectedValues: ['acme'] }),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'token_use' }),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });
});
