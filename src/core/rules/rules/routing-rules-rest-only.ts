import { type Design, type DomainId, deleteRoutingRule, updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** The rules go, then the mode: the domain routes by its API mappings, as HTTP and WebSocket domains do. */
function routeByMappings(design: Design, domainId: DomainId): Design {
  let next = design;
  for (const rule of design.domains[domainId]?.routingRules ?? []) next = deleteRoutingRule(next, domainId, rule.priority);
  return updateDomain(next, domainId, { routingMode: 'API_MAPPING_ONLY' });
}

/** A routing rule's only action invokes a stage of a REST API; HTTP and WebSocket APIs are reached through API mappings. */
export const routingRulesRestOnly = defineDesignRule({
  id: 'routing-rules-rest-only',
  severity: 'error',
  title: 'Routing rules on a domain of an HTTP or WebSocket API',
  why: "A routing rule's only action invokes a stage of a REST API, so a custom domain of an HTTP or WebSocket API sends traffic through API mappings alone, in the API_MAPPING_ONLY routing mode. A design switched from REST keeps its rules and routing mode.",
  docsUrl: guide('rest-api-routing-rules'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    if (design.api.type === 'REST') return;
    for (const domain of Object.values(design.domains))
      if (domain.routingRules.length > 0 || domain.routingMode !== 'API_MAPPING_ONLY')
        report({
          message:
            domain.routingRules.length > 0
              ? `${domain.domainName} has routing rules, which target REST APIs only; this is ${design.api.type === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API.`
              : `${domain.domainName} routes by routing rules (${domain.routingMode}), which target REST APIs only.`,
          target: { kind: 'domain', id: domain.id },
          fix: { label: 'Route by API mappings only', apply: (d) => routeByMappings(d, domain.id) },
        });
  },
});
