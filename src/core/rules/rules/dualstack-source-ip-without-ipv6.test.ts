import { describe, expect, it } from 'vitest';
import { emptyDesign, type JsonObject, updateApi } from '../../model';
import { build } from '../../model/testing/design-builder';
import { applyFix, lintWith } from '../testing/rule-tester';
import { dualstackSourceIpWithoutIpv6 as rule } from './dualstack-source-ip-without-ipv6';

/** AWS's "deny API traffic based on source IP address or range" example, with the given ranges. */
function sourceIpPolicy(ranges: string[], operator = 'NotIpAddress'): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: { [operator]: { 'aws:SourceIp': ranges } },
      },
    ],
  };
}

const regional = (ipAddressType: 'ipv4' | 'dualstack', policy: JsonObject) =>
  build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL', ipAddressType, policy }));

describe('dualstack-source-ip-without-ipv6', () => {
  it('warns about a dual-stack API whose policy filters IPv4 ranges only', () => {
    expect(lintWith(rule, regional('dualstack', sourceIpPolicy(['192.0.2.0/24', '198.51.100.0/24'])))).toMatchObject([
      {
        severity: 'warning',
        message:
          'The API is dual-stack, but its resource policy filters aws:SourceIp with IPv4 ranges only (192.0.2.0/24, 198.51.100.0/24), so IPv6 callers fall outside them.',
        target: { kind: 'api', id: 'api' },
      },
    ]);
  });

  it('reads one statement, one range, another operator and the key in any case; a private API is dual-stack anyway', () => {
    const single: JsonObject = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: '*',
        Condition: { IpAddress: { 'AWS:SourceIP': '203.0.113.7' } },
      },
    };
    expect(lintWith(rule, regional('dualstack', single))).toHaveLength(1);
    const privateApi = build(emptyDesign('REST'), (d) =>
      updateApi(d, { endpointType: 'PRIVATE', policy: sourceIpPolicy(['10.0.0.0/8'], 'IpAddress') }),
    );
    const findings = lintWith(rule, privateApi);
    expect(findings).toHaveLength(1);
    // A private API cannot go back to IPv4: no quick fix.
    expect(findings[0]?.fix).toBeUndefined();
  });

  it('is quiet when the policy covers an IPv6 range, filters no source IP, or the API is IPv4 only', () => {
    expect(lintWith(rule, regional('dualstack', sourceIpPolicy(['192.0.2.0/24', '2001:db8::/32'])))).toEqual([]);
    expect(lintWith(rule, regional('dualstack', { Version: '2012-10-17', Statement: [] }))).toEqual([]);
    expect(lintWith(rule, regional('ipv4', sourceIpPolicy(['192.0.2.0/24'])))).toEqual([]);
    // A range written as a CloudFormation expression could be IPv6: no finding.
    const expression = sourceIpPolicy([]);
    (expression.Statement as JsonObject[])[1] = {
      ...((expression.Statement as JsonObject[])[1] as JsonObject),
      Condition: { NotIpAddress: { 'aws:SourceIp': [{ Ref: 'AllowedRange' }] } },
    };
    expect(lintWith(rule, regional('dualstack', expression))).toEqual([]);
  });

  it('quick fix makes a public API IPv4 only', () => {
    const design = regional('dualstack', sourceIpPolicy(['192.0.2.0/24']));
    const outcome = applyFix(rule, design, lintWith(rule, design)[0]!);
    expect(outcome).toMatchObject({ ok: true, remaining: [], problems: [] });
    if (outcome.ok) expect(outcome.design.api.ipAddressType).toBe('ipv4');
  });
});
