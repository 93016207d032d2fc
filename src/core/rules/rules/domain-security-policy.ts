import { domainSecurityPoliciesFor, updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Edge-optimized and Regional domains have their own enhanced policies; HTTP and WebSocket APIs take TLS 1.2 only. */
export const domainSecurityPolicy = defineDesignRule({
  id: 'domain-security-policy',
  severity: 'error',
  title: 'Security policy the custom domain cannot use',
  why: 'A security policy sets the TLS versions and ciphers a custom domain accepts. Edge-optimized domains use the _EDGE enhanced policies, Regional and private domains the others; every domain accepts the legacy TLS_1_0 and TLS_1_2. Domains of HTTP and WebSocket APIs use TLS_1_2 only, and an HTTP API cannot be mapped to a domain with an enhanced policy.',
  docsUrl: guide('apigateway-custom-domain-tls-version'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains))
      if (!domainSecurityPoliciesFor(design.api.type, domain.endpointType).includes(domain.securityPolicy))
        report({
          message:
            design.api.type === 'REST'
              ? `${domain.domainName} uses ${domain.securityPolicy}, which is not a policy of ${domain.endpointType === 'EDGE' ? 'edge-optimized' : domain.endpointType === 'PRIVATE' ? 'private' : 'Regional'} domains.`
              : `${domain.domainName} uses ${domain.securityPolicy}; custom domains of ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs use TLS_1_2 only.`,
          target: { kind: 'domain', id: domain.id },
          fix: {
            label: 'Use the TLS_1_2 policy',
            apply: (d) => updateDomain(d, domain.id, { securityPolicy: 'TLS_1_2', endpointAccessMode: undefined }),
          },
        });
  },
});
