import { describe, expect, it } from 'vitest';
import { addDomain, type Design, emptyDesign } from '../../model';
import { build } from '../../model/testing/design-builder';
import { dom, restWithDomain, withDomain } from '../testing/domain-designs';
import { applyFix, lintWith } from '../testing/rule-tester';
import { domainEndpointType as rule } from './domain-endpoint-type';

/** An HTTP API whose domain is edge-optimized: what a switch from REST leaves. */
function httpWithEdgeDomain(): Design {
  const design = build(emptyDesign('HTTP'), (d) => addDomain(d, { domainName: 'api.example.com', id: dom }));
  return { ...design, domains: { [dom]: { ...design.domains[dom]!, endpointType: 'EDGE' } } };
}

describe('domain-endpoint-type', () => {
  it('names an edge-optimized domain of an HTTP API, and a private domain of a Regional REST API', () => {
    expect(lintWith(rule, httpWithEdgeDomain())[0]?.message).toBe(
      'api.example.com is edge-optimized; custom domains of HTTP APIs are Regional only.',
    );
    expect(lintWith(rule, withDomain(restWithDomain(), { endpointType: 'PRIVATE', ipAddressType: 'dualstack' }))[0]?.message).toBe(
      'api.example.com is private, but the API is not: a private custom domain serves private REST APIs.',
    );
  });

  it('is quiet on a Regional domain of a REST API and a private domain of a private one', () => {
    expect(lintWith(rule, restWithDomain())).toEqual([]);
    const privateApi = { ...emptyDesign('REST'), api: { ...emptyDesign('REST').api, endpointType: 'PRIVATE' as const } };
    expect(
      lintWith(
        rule,
        build(privateApi, (d) => addDomain(d, { domainName: 'api.internal.example' })),
      ),
    ).toEqual([]);
  });

  it('quick fix makes the domain Regional', () => {
    const design = httpWithEdgeDomain();
    expect(applyFix(rule, design, lintWith(rule, design)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
