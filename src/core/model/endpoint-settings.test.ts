import { describe, expect, it } from 'vitest';
import { emptyDesign } from './design';
import {
  edgeSecurityPolicies,
  isEndpointAccessMode,
  isEnhancedPolicy,
  isIpAddressType,
  isSecurityPolicy,
  legacySecurityPolicies,
  policyFitsEndpointType,
  regionalSecurityPolicies,
  securityPoliciesFor,
} from './endpoint-settings';
import { updateApi } from './operations/api-settings';
import { parseDesign, serializeDesign } from './parse-design';

describe('endpoint settings', () => {
  it('names an enhanced policy by its SecurityPolicy_ prefix', () => {
    expect(isEnhancedPolicy('SecurityPolicy_TLS13_1_3_2025_09')).toBe(true);
    expect(isEnhancedPolicy('SecurityPolicy_TLS13_2025_EDGE')).toBe(true);
    expect(isEnhancedPolicy('TLS_1_2')).toBe(false);
    expect(isEnhancedPolicy(undefined)).toBe(false);
  });

  it('keeps edge and Regional enhanced policies apart, and legacy policies on every endpoint type', () => {
    for (const name of edgeSecurityPolicies) {
      expect(policyFitsEndpointType(name, 'EDGE')).toBe(true);
      expect(policyFitsEndpointType(name, 'REGIONAL')).toBe(false);
      expect(policyFitsEndpointType(name, 'PRIVATE')).toBe(false);
    }
    for (const name of regionalSecurityPolicies) {
      expect(policyFitsEndpointType(name, 'EDGE')).toBe(false);
      expect(policyFitsEndpointType(name, 'REGIONAL')).toBe(true);
      expect(policyFitsEndpointType(name, 'PRIVATE')).toBe(true);
    }
    for (const name of legacySecurityPolicies)
      for (const type of ['EDGE', 'REGIONAL', 'PRIVATE'] as const) expect(policyFitsEndpointType(name, type)).toBe(true);
    expect(securityPoliciesFor('EDGE')[0]).toBe('TLS_1_0');
  });

  it('recognises only the values API Gateway accepts', () => {
    expect(isIpAddressType('dualstack')).toBe(true);
    expect(isIpAddressType('ipv6')).toBe(false);
    expect(isEndpointAccessMode('STRICT')).toBe(true);
    expect(isEndpointAccessMode('strict')).toBe(false);
    expect(isSecurityPolicy('SecurityPolicy_TLS12_2018_EDGE')).toBe(true);
    expect(isSecurityPolicy('TLS_1_3')).toBe(false);
  });
});

describe('parseDesign: endpoint settings of an untrusted design', () => {
  const saved = () =>
    JSON.parse(
      serializeDesign(
        updateApi(emptyDesign('REST'), {
          endpointType: 'REGIONAL',
          ipAddressType: 'dualstack',
          securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
          endpointAccessMode: 'STRICT',
        }),
      ),
    );

  it('reads the settings back', () => {
    const result = parseDesign(JSON.stringify(saved()));
    expect(result.ok && result.design.api).toMatchObject({
      ipAddressType: 'dualstack',
      securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      endpointAccessMode: 'STRICT',
    });
  });

  it('refuses an IP address type API Gateway does not have, and settings that are not text', () => {
    for (const [field, value, path] of [
      ['ipAddressType', 'ipv6', '/api/ipAddressType'],
      ['securityPolicy', 12, '/api/securityPolicy'],
      ['endpointAccessMode', { mode: 'STRICT' }, '/api/endpointAccessMode'],
    ] as const) {
      const json = saved();
      json.api[field] = value;
      expect(parseDesign(JSON.stringify(json))).toMatchObject({ ok: false, code: 'invalid', path });
    }
  });

  it('keeps a policy name it does not know (an import may carry one; the rules report it)', () => {
    const json = saved();
    json.api.securityPolicy = 'SecurityPolicy_TLS14_2030_01';
    expect(parseDesign(JSON.stringify(json)).ok).toBe(true);
  });
});
