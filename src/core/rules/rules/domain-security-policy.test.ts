import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainSecurityPolicy as rule } from './domain-security-policy';

const edgePolicyOnRegional = () =>
  withDomain(restWithDomain(), { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE', endpointAccessMode: 'STRICT' });

describe('domain-security-policy', () => {
  it('names an edge policy on a Regional domain', () => {
    expect(lintWith(rule, edgePolicyOnRegional())).toMatchObject([
      {
        severity: 'error',
        message: 'api.example.com uses SecurityPolicy_TLS13_2025_EDGE, which is not a policy of Regional domains.',
        target: { kind: 'domain', id: dom },
      },
    ]);
  });

  it('is quiet on a Regional enhanced policy', () => {
    const design = build(restWithDomain(), (d) =>
      updateDomain(d, dom, { securityPolicy: 'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09', endpointAccessMode: 'BASIC' }),
    );
    expect(lintWith(rule, design)).toEqual([]);
  });

  it('quick fix goes back to TLS_1_2', () => {
    const design = edgePolicyOnRegional();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
