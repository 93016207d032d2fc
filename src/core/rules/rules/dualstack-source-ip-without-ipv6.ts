import { isJsonObject, type JsonObject, type JsonValue, updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** The statements of a policy document (`Statement` may be one object or a list). */
function statements(policy: JsonObject): JsonObject[] {
  const value = policy.Statement;
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}

/**
 * The values of every `aws:SourceIp` condition of a policy, whatever its operator (`IpAddress`,
 * `NotIpAddress`, `…IfExists`, `ForAnyValue:…`); condition keys are case-insensitive in IAM.
 */
function sourceIpValues(policy: JsonObject): JsonValue[] {
  const values: JsonValue[] = [];
  for (const statement of statements(policy)) {
    const condition = statement.Condition;
    if (!isJsonObject(condition)) continue;
    for (const operator of Object.values(condition)) {
      if (!isJsonObject(operator)) continue;
      for (const [key, value] of Object.entries(operator))
        if (key.toLowerCase() === 'aws:sourceip') values.push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return values;
}

/**
 * Dual-stack lets IPv6 clients call the API; a resource policy that filters `aws:SourceIp` with IPv4
 * ranges only then treats every IPv6 caller as outside them: an allow-list denies them, a deny-list lets
 * them through. AWS: "confirm that any policies controlling access to your APIs have been updated to
 * account for IPv6 calls" (DG api-gateway-ip-address-type).
 */
export const dualstackSourceIpWithoutIpv6 = defineDesignRule({
  id: 'dualstack-source-ip-without-ipv6',
  severity: 'warning',
  title: 'Dual-stack API whose resource policy filters IPv4 addresses only',
  why: 'A dual-stack API accepts calls over IPv6 as well as IPv4. A resource policy that allows or denies callers by aws:SourceIp then sees IPv6 addresses too: if it lists IPv4 ranges only, an allow-list refuses every IPv6 client and a deny-list lets IPv6 clients of a blocked network through. Add the IPv6 ranges (such as 2001:db8::/32) to the same conditions, or keep the API IPv4 only. The change of IP address type takes effect at once, without a deployment.',
  docsUrl: guide('api-gateway-ip-address-type'),
  reads: ['api'],
  check(design, _index, report) {
    const api = design.api;
    const dualstack = api.ipAddressType === 'dualstack' || (api.type === 'REST' && api.endpointType === 'PRIVATE');
    if (!dualstack || !api.policy) return;
    const values = sourceIpValues(api.policy);
    // A range given as a CloudFormation expression could be either: no finding.
    if (values.length === 0 || values.some((value) => typeof value !== 'string' || value.includes(':'))) return;
    const isPrivate = api.type === 'REST' && api.endpointType === 'PRIVATE';
    report({
      message: `The API is dual-stack, but its resource policy filters aws:SourceIp with IPv4 ranges only (${values.slice(0, 3).join(', ')}${values.length > 3 ? ', …' : ''}), so IPv6 callers fall outside them.`,
      target: { kind: 'api', id: 'api' },
      // A private API is dual-stack whatever it says: only a public one can go back to IPv4.
      ...(isPrivate ? {} : { fix: { label: 'Make the API IPv4 only', apply: (d) => updateApi(d, { ipAddressType: 'ipv4' }) } }),
    });
  },
});
