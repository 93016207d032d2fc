import {
  type Design,
  edgeSecurityPolicies,
  isSecurityPolicy,
  policyFitsEndpointType,
  regionalSecurityPolicies,
  updateApi,
} from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const endpointNames = { EDGE: 'edge-optimized', REGIONAL: 'Regional', PRIVATE: 'private' } as const;

/** Back to the legacy TLS 1.2 policy, which every endpoint type takes and which needs no access mode. */
const useTls12 = { label: 'Use the TLS_1_2 policy', apply: (d: Design) => updateApi(d, { securityPolicy: 'TLS_1_2' }) };

/**
 * The security policies differ by endpoint type: edge-optimized REST APIs take the `_EDGE` enhanced policies,
 * Regional and private ones the others, all of them the legacy TLS_1_0 and TLS_1_2. Only REST APIs have a
 * policy of their own. updateApi refuses the rest; an imported or converted design may still hold it.
 */
export const securityPolicyEndpointType = defineDesignRule({
  id: 'security-policy-endpoint-type',
  severity: 'error',
  title: 'Security policy the API cannot use',
  why: 'A REST API’s security policy sets the TLS versions and cipher suites it accepts. Edge-optimized APIs, served through CloudFront, take the enhanced policies whose names end in _EDGE; Regional and private APIs take the other SecurityPolicy_ names; every REST API takes the legacy TLS_1_0 and TLS_1_2. API Gateway refuses any other name. HTTP and WebSocket APIs have no policy of their own: their custom domain name has one.',
  docsUrl: guide('apigateway-security-policies-list'),
  reads: ['api'],
  check(design, _index, report) {
    const api = design.api;
    const policy = api.securityPolicy;
    if (policy === undefined) return;
    const target = { kind: 'api', id: 'api' } as const;
    if (api.type !== 'REST') {
      report({
        message: `${api.type === 'HTTP' ? 'An HTTP' : 'A WebSocket'} API has no security policy of its own (${policy}); set it on its custom domain name.`,
        target,
        fix: {
          label: 'Remove the security policy',
          apply: (d) => updateApi(d, { securityPolicy: undefined, endpointAccessMode: undefined }),
        },
      });
      return;
    }
    if (!isSecurityPolicy(policy)) {
      report({ message: `"${policy}" is not a security policy API Gateway has.`, target, fix: useTls12 });
      return;
    }
    if (policyFitsEndpointType(policy, api.endpointType)) return;
    const fits = api.endpointType === 'EDGE' ? edgeSecurityPolicies : regionalSecurityPolicies;
    report({
      message: `${policy} is not a policy of ${endpointNames[api.endpointType]} APIs, which take TLS_1_0, TLS_1_2 or ${fits.join(', ')}.`,
      target,
      fix: useTls12,
    });
  },
});
