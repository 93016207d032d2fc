import { describe, expect, it } from 'vitest';
import { addAuthorizer, type Design } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { jwtSigningAlgorithms as rule } from './jwt-signing-algorithms';

function restWithAlgorithms(jwtAlgorithms: string[] | undefined): Design {
  const design = build(restPetStore(), (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }));
  const authorizer = design.authorizers[ids.auth('jwt')]!;
  return { ...design, authorizers: { ...design.authorizers, [authorizer.id]: { ...authorizer, jwtAlgorithms } } };
}

describe('jwt-signing-algorithms', () => {
  it('names an authorizer without algorithms, and its quick fix accepts RS256', () => {
    const design = restWithAlgorithms(undefined);
    const findings = lintWith(rule, design);
    expect(findings).toMatchObject([
      {
        severity: 'error',
        message: 'Authorizer Tokens names no signing algorithm: choose the ones its issuers sign with (often RS256).',
        target: { kind: 'authorizer', id: ids.auth('jwt') },
      },
    ]);
    const fixed = applyFix(rule, design, findings[0]!);
    expect(fixed).toMatchObject({ ok: true, remaining: [], problems: [] });
    expect(fixed.ok && fixed.design.authorizers[ids.auth('jwt')]?.jwtAlgorithms).toEqual(['RS256']);
  });

  it('names an algorithm API Gateway does not accept', () => {
    expect(lintWith(rule, restWithAlgorithms(['RS256', 'HS256'])).map((finding) => finding.message)).toEqual([
      'Authorizer Tokens lists "HS256", which API Gateway does not accept: choose from RS256, RS384, RS512, ES256, ES384, ES512.',
    ]);
  });

  it('is quiet on accepted algorithms', () => {
    expect(lintWith(rule, restWithAlgorithms(['RS256', 'ES384']))).toEqual([]);
  });
});
