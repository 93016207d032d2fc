import { updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Which domains an API can have: Regional for HTTP and WebSocket, private ones for private REST APIs only. */
export const domainEndpointType = defineDesignRule({
  id: 'domain-endpoint-type',
  severity: 'error',
  title: 'Custom domain of an endpoint type the API cannot use',
  why: 'HTTP and WebSocket APIs take Regional custom domains only. A private custom domain name serves private REST APIs, reached through VPC endpoints, and is dual-stack only; a public (Regional or edge-optimized) domain cannot map a private API.',
  docsUrl: guide('how-to-custom-domains'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    const { type, endpointType } = design.api;
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      if (type !== 'REST' && domain.endpointType !== 'REGIONAL')
        report({
          message: `${domain.domainName} is ${domain.endpointType === 'EDGE' ? 'edge-optimized' : 'private'}; custom domains of ${type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are Regional only.`,
          target,
          fix: { label: 'Make the domain Regional', apply: (d) => updateDomain(d, domain.id, { endpointType: 'REGIONAL' }) },
        });
      else if (domain.endpointType === 'PRIVATE' && endpointType !== 'PRIVATE')
        report({
          message: `${domain.domainName} is private, but the API is not: a private custom domain serves private REST APIs.`,
          target,
        });
      else if (domain.endpointType !== 'PRIVATE' && type === 'REST' && endpointType === 'PRIVATE')
        report({
          message: `${domain.domainName} is a public domain, but the API is private: use a private custom domain for a private API.`,
          target,
          fix: { label: 'Make the domain private', apply: (d) => updateDomain(d, domain.id, { endpointType: 'PRIVATE' }) },
        });
      if (domain.endpointType === 'PRIVATE' && domain.ipAddressType !== 'dualstack')
        report({
          message: `${domain.domainName} is private and IPv4 only; private custom domains are dual-stack only.`,
          target,
          fix: { label: 'Make the domain dual-stack', apply: (d) => updateDomain(d, domain.id, { ipAddressType: 'dualstack' }) },
        });
    }
  },
});
