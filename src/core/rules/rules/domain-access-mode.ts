import { isEnhancedPolicy, updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An enhanced (`SecurityPolicy_…`) policy needs an endpoint access mode; a legacy one takes none. */
export const domainAccessMode = defineDesignRule({
  id: 'domain-access-mode',
  severity: 'error',
  title: 'Enhanced security policy without an endpoint access mode',
  why: 'A custom domain with an enhanced security policy (one whose name starts with SecurityPolicy_) must also set its endpoint access mode: STRICT, which also refuses requests from another endpoint type or whose SNI does not match the domain, or BASIC. The legacy policies TLS_1_0 and TLS_1_2 take no access mode.',
  docsUrl: guide('apigateway-custom-domain-tls-version'),
  reads: ['domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      if (isEnhancedPolicy(domain.securityPolicy) && domain.endpointAccessMode === undefined)
        report({
          message: `${domain.domainName} uses the enhanced policy ${domain.securityPolicy} without an endpoint access mode.`,
          target,
          fix: { label: 'Use the STRICT access mode', apply: (d) => updateDomain(d, domain.id, { endpointAccessMode: 'STRICT' }) },
        });
      else if (!isEnhancedPolicy(domain.securityPolicy) && domain.endpointAccessMode !== undefined)
        report({
          message: `${domain.domainName} sets the endpoint access mode ${domain.endpointAccessMode}, which only enhanced (SecurityPolicy_…) policies take; it uses ${domain.securityPolicy}.`,
          target,
          fix: { label: 'Remove the access mode', apply: (d) => updateDomain(d, domain.id, { endpointAccessMode: undefined }) },
        });
    }
  },
});
