import { isEnhancedPolicy, updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Mutual TLS cannot be turned on for a domain name that uses an enhanced security policy. */
export const domainMutualTlsEnhancedPolicy = defineDesignRule({
  id: 'domain-mutual-tls-enhanced-policy',
  severity: 'error',
  title: 'Mutual TLS with an enhanced security policy',
  why: 'API Gateway does not turn on mutual TLS for a custom domain that uses an enhanced security policy (SecurityPolicy_…). A domain that authenticates its clients by certificate uses the TLS_1_2 policy.',
  docsUrl: guide('apigateway-custom-domain-tls-version'),
  reads: ['domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains))
      if (domain.mutualTls && isEnhancedPolicy(domain.securityPolicy))
        report({
          message: `${domain.domainName} has mutual TLS and the enhanced policy ${domain.securityPolicy}; API Gateway allows mutual TLS with a legacy policy only.`,
          target: { kind: 'domain', id: domain.id },
          fix: { label: 'Use the TLS_1_2 policy', apply: (d) => updateDomain(d, domain.id, { securityPolicy: 'TLS_1_2' }) },
        });
  },
});
