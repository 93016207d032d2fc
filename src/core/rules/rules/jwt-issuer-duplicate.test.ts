import { describe, expect, it } from 'vitest';
import { addAuthorizer, addJwtIssuer, type Design } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { jwtIssuerDuplicate as rule } from './jwt-issuer-duplicate';

const withTwoIssuers = (): Design =>
  build(
    restPetStore(),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
    (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://login.example.com/', ['orders']),
  );

describe('jwt-issuer-duplicate', () => {
  it('names an issuer listed twice (as an import may write it)', () => {
    const design = withTwoIssuers();
    const authorizer = design.authorizers[ids.auth('jwt')]!;
    const issuers = authorizer.jwtIssuers ?? [];
    const twice = {
      ...design,
      authorizers: {
        ...design.authorizers,
        [authorizer.id]: { ...authorizer, jwtIssuers: [...issuers, { ...issuers[1]!, audiences: ['billing'] }] },
      },
    };
    expect(lintWith(rule, twice)).toMatchObject([
      {
        severity: 'error',
        message:
          'Authorizer Tokens lists the issuer https://login.example.com/ more than once: merge the entries into one, with all their audiences and claims.',
        target: { kind: 'authorizer', id: ids.auth('jwt') },
      },
    ]);
  });

  it('is quiet on distinct issuers', () => {
    expect(lintWith(rule, withTwoIssuers())).toEqual([]);
  });
});
