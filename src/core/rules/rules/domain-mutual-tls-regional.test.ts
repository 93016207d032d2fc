import { describe, expect, it } from 'vitest';
import { updateDomain } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainMutualTlsRegional as rule } from './domain-mutual-tls-regional';

const mutualTls = { truststoreUri: 's3://truststores/ca.pem' };

describe('domain-mutual-tls-regional', () => {
  it('names an edge-optimized domain with mutual TLS', () => {
    expect(lintWith(rule, withDomain(restWithDomain(), { mutualTls, endpointType: 'EDGE' }))).toMatchObject([
      { severity: 'error', message: 'api.example.com has mutual TLS but is edge-optimized; mutual TLS needs a Regional domain.' },
    ]);
  });

  it('is quiet on a Regional domain with mutual TLS', () => {
    expect(
      lintWith(
        rule,
        build(restWithDomain(), (d) => updateDomain(d, dom, { mutualTls })),
      ),
    ).toEqual([]);
  });

  it('quick fix makes the domain Regional', () => {
    const design = withDomain(restWithDomain(), { mutualTls, endpointType: 'EDGE' });
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
