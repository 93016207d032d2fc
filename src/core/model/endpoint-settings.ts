import type { EndpointType } from './api';

/**
 * Endpoint settings that APIs and custom domain names share: the IP address type, the TLS security
 * policy and the endpoint access mode. One list each, so that the API settings and the domains agree.
 */

/**
 * Which IP addresses clients may call from. Absent means `ipv4`, API Gateway's default.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-ip-address-type.html
 */
export const ipAddressTypes = ['ipv4', 'dualstack'] as const;
export type IpAddressType = (typeof ipAddressTypes)[number];

export function isIpAddressType(value: unknown): value is IpAddressType {
  return typeof value === 'string' && (ipAddressTypes as readonly string[]).includes(value);
}

/**
 * How strictly an endpoint with an enhanced security policy checks where a request came from: STRICT
 * also rejects requests whose SNI does not match or that arrive through another endpoint type.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html#apigateway-security-policies-endpoint-access-mode
 */
export const endpointAccessModes = ['STRICT', 'BASIC'] as const;
export type EndpointAccessMode = (typeof endpointAccessModes)[number];

export function isEndpointAccessMode(value: unknown): value is EndpointAccessMode {
  return typeof value === 'string' && (endpointAccessModes as readonly string[]).includes(value);
}

/** Legacy policies, accepted on every endpoint type; they take no endpoint access mode. */
export const legacySecurityPolicies = ['TLS_1_0', 'TLS_1_2'] as const;

/**
 * Enhanced policies of Regional and private REST APIs and custom domain names (the API reference's
 * SecurityPolicy values without `_EDGE`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies-list.html
 */
export const regionalSecurityPolicies = [
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_2021_06',
] as const;

/** Enhanced policies of edge-optimized REST APIs and custom domain names (served by CloudFront). */
export const edgeSecurityPolicies = [
  'SecurityPolicy_TLS13_2025_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
  'SecurityPolicy_TLS12_2018_EDGE',
] as const;

export const securityPolicies = [...legacySecurityPolicies, ...regionalSecurityPolicies, ...edgeSecurityPolicies] as const;
export type SecurityPolicy = (typeof securityPolicies)[number];

export function isSecurityPolicy(value: unknown): value is SecurityPolicy {
  return typeof value === 'string' && (securityPolicies as readonly string[]).includes(value);
}

/** Any policy whose name starts with `SecurityPolicy_` is enhanced, and needs an endpoint access mode. */
export function isEnhancedPolicy(name: string | undefined): boolean {
  return name?.startsWith('SecurityPolicy_') ?? false;
}

/** The policies an endpoint type accepts: the legacy ones, then the enhanced ones of its kind. */
export function securityPoliciesFor(endpointType: EndpointType): readonly SecurityPolicy[] {
  return endpointType === 'EDGE'
    ? [...legacySecurityPolicies, ...edgeSecurityPolicies]
    : [...legacySecurityPolicies, ...regionalSecurityPolicies];
}

/** Whether a policy name is one API Gateway accepts on this endpoint type (edge and Regional names differ). */
export function policyFitsEndpointType(name: string, endpointType: EndpointType): boolean {
  return (securityPoliciesFor(endpointType) as readonly string[]).includes(name);
}
