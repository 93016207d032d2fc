import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainMutualTlsEnhancedPolicy as rule } from './domain-mutual-tls-enhanced-policy';

const mutualTls = { truststoreUri: 's3://truststores/ca.pem' };
const both = () =>
  withDomain(restWithDomain(), { mutualTls, securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' });

describe('domain-mutual-tls-enhanced-policy', () => {
  it('names a domain with mutual TLS and an enhanced policy', () => {
    expect(lintWith(rule, both())).toMatchObject([{ severity: 'error', target: { kind: 'domain', id: dom } }]);
  });

  it('is quiet on mutual TLS with TLS_1_2', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { mutualTls })),
      ),
    ).toEqual([]);
  });

  it('quick fix goes back to TLS_1_2 and keeps mutual TLS', () => {
    const design = both();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    expect(outcome.ok && outcome.design.domains[dom]).toMatchObject({ securityPolicy: 'TLS_1_2', mutualTls });
  });
});
