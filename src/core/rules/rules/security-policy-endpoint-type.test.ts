import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign, updateApi } from '../../model';
import { build, httpPets } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { securityPolicyEndpointType as rule } from './security-policy-endpoint-type';

/** A setting updateApi refuses, as an import or an older design may hold it. */
function withApi(design: Design, api: Partial<Design['api']>): Design {
  return { ...design, api: { ...design.api, ...api } };
}

const regional = () => build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL' }));

describe('security-policy-endpoint-type', () => {
  it('names an edge policy on a Regional API and a Regional policy on an edge-optimized one', () => {
    expect(
      lintWith(rule, withApi(regional(), { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE', endpointAccessMode: 'STRICT' })),
    ).toMatchObject([
      {
        severity: 'error',
        message: expect.stringMatching(
          /^SecurityPolicy_TLS13_2025_EDGE is not a policy of Regional APIs, which take TLS_1_0, TLS_1_2 or SecurityPolicy_TLS13_1_3_2025_09, /,
        ),
      },
    ]);
    expect(lintWith(rule, withApi(emptyDesign('REST'), { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }))).toMatchObject([
      {
        message:
          'SecurityPolicy_TLS13_1_3_2025_09 is not a policy of edge-optimized APIs, which take TLS_1_0, TLS_1_2 or SecurityPolicy_TLS13_2025_EDGE, SecurityPolicy_TLS12_PFS_2025_EDGE, SecurityPolicy_TLS12_2018_EDGE.',
      },
    ]);
  });

  it('names a policy API Gateway does not have, and one on an HTTP API', () => {
    expect(lintWith(rule, withApi(regional(), { securityPolicy: 'TLS_1_3' }))).toMatchObject([
      { message: '"TLS_1_3" is not a security policy API Gateway has.' },
    ]);
    expect(lintWith(rule, withApi(httpPets(), { securityPolicy: 'TLS_1_2' }))).toMatchObject([
      { message: 'An HTTP API has no security policy of its own (TLS_1_2); set it on its custom domain name.' },
    ]);
  });

  it('is quiet on policies that fit, legacy ones anywhere, and no policy', () => {
    expect(
      lintWith(
        rule,
        build(regional(), (d) => updateApi(d, { securityPolicy: 'SecurityPolicy_TLS13_1_2_PQ_2025_09' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE' })),
      ),
    ).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE', securityPolicy: 'TLS_1_0' })),
      ),
    ).toEqual([]);
    expect(lintWith(rule, regional())).toEqual([]);
  });

  it('quick fix falls back to TLS_1_2 (dropping the access mode), or removes an HTTP API’s policy', () => {
    const design = withApi(regional(), { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE', endpointAccessMode: 'STRICT' });
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) {
      expect(outcome.design.api.securityPolicy).toBe('TLS_1_2');
      expect(outcome.design.api.endpointAccessMode).toBeUndefined();
    }
    const http = withApi(httpPets(), { securityPolicy: 'TLS_1_2' });
    expect(applyFix(rule, http, lintWith(rule, http)[0]!)).toMatchObject({ ok: true, remaining: [], problems: [] });
  });
});
