import { describe, expect, it } from 'vitest';
import { addAuthorizer, newAuthorizer } from '../../model';
import { build, ids, restPetStore } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { authorizerTtlRange as rule } from './authorizer-ttl-range';

/** addAuthorizer takes a whole authorizer (paste, import) without checking its TTL. */
const withTtl = (ttl: number) => {
  const { id: _id, ...authorizer } = newAuthorizer(ids.auth('x'), 'LAMBDA_TOKEN', 'REST', 'Token');
  return build(restPetStore(), (d) =>
    addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('x'), authorizer: { ...authorizer, resultTtlSeconds: ttl } }),
  );
};

describe('authorizer-ttl-range', () => {
  it('names an authorizer that caches for two hours', () => {
    expect(lintWith(rule, withTtl(7200))).toMatchObject([
      { severity: 'error', message: 'Authorizer Token caches its answer for 7200 s; the TTL is a whole number from 0 to 3600 s.' },
    ]);
  });

  it('is quiet from 0 to 3600 s', () => {
    expect(lintWith(rule, withTtl(3600))).toEqual([]);
    expect(lintWith(rule, withTtl(0))).toEqual([]);
  });

  it('quick fix caps the TTL', () => {
    const design = withTtl(7200);
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
