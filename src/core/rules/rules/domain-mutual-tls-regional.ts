import { updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Mutual TLS is a setting of Regional custom domains of REST and HTTP APIs. */
export const domainMutualTlsRegional = defineDesignRule({
  id: 'domain-mutual-tls-regional',
  severity: 'error',
  title: 'Mutual TLS on a domain that cannot have it',
  why: 'Mutual TLS needs a Regional custom domain name of a REST or HTTP API: edge-optimized and private domains, and WebSocket APIs, do not authenticate clients by certificate.',
  docsUrl: guide('rest-api-mutual-tls'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      if (!domain.mutualTls) continue;
      const target = { kind: 'domain' as const, id: domain.id };
      if (design.api.type === 'WEBSOCKET')
        report({ message: `${domain.domainName} has mutual TLS, which WebSocket APIs do not have.`, target });
      else if (domain.endpointType !== 'REGIONAL')
        report({
          message: `${domain.domainName} has mutual TLS but is ${domain.endpointType === 'EDGE' ? 'edge-optimized' : 'private'}; mutual TLS needs a Regional domain.`,
          target,
          ...(domain.endpointType === 'EDGE'
            ? { fix: { label: 'Make the domain Regional', apply: (d) => updateDomain(d, domain.id, { endpointType: 'REGIONAL' }) } }
            : {}),
        });
    }
  },
});
