import { describe, expect, it } from 'vitest';
import { type Design, emptyDesign, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { privateApiNotDualstack as rule } from './private-api-not-dualstack';

/** A private API that says IPv4, as an imported document or an older design may: updateApi refuses it. */
function privateIpv4(): Design {
  const design = build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE' }));
  return { ...design, api: { ...design.api, ipAddressType: 'ipv4' } };
}

describe('private-api-not-dualstack', () => {
  it('names a private API whose IP address type is IPv4', () => {
    expect(lintWith(rule, privateIpv4())).toMatchObject([
      {
        severity: 'error',
        message: 'The API is private but its IP address type is IPv4 only; private APIs are dual-stack.',
        target: { kind: 'api', id: 'api' },
      },
    ]);
  });

  it('is quiet on a dual-stack private API, a private API that leaves it unset, and a Regional IPv4 API', () => {
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'PRIVATE' })),
      ),
    ).toEqual([]);
    const unset = privateIpv4();
    const { ipAddressType: _dropped, ...api } = unset.api;
    expect(lintWith(rule, { ...unset, api })).toEqual([]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL', ipAddressType: 'ipv4' })),
      ),
    ).toEqual([]);
  });

  it('quick fix makes the API dual-stack', () => {
    const design = privateIpv4();
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.api.ipAddressType).toBe('dualstack');
  });
});
