import { updateDomain } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** The routing mode decides which of a domain's mappings and rules are used; the others are kept but send nothing. */
export const domainRoutingMode = defineDesignRule({
  id: 'domain-routing-mode',
  severity: 'warning',
  title: 'Routing rules or API mappings the routing mode leaves unused',
  why: "A custom domain's routing mode says what sends its traffic on: API mappings only (API Gateway's default), routing rules then API mappings, or routing rules only. Rules of a domain in API_MAPPING_ONLY mode, and mappings of one in ROUTING_RULE_ONLY mode, are kept but never used; the generated program leaves them out.",
  docsUrl: guide('set-routing-mode'),
  reads: ['api', 'domains'],
  check(design, _index, report) {
    // HTTP and WebSocket domains have no routing rules at all: routing-rules-rest-only says so.
    if (design.api.type !== 'REST') return;
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      const fix = {
        label: 'Route by rules, then API mappings',
        apply: (d: Parameters<typeof updateDomain>[0]) => updateDomain(d, domain.id, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
      };
      if (domain.routingMode === 'API_MAPPING_ONLY' && domain.routingRules.length > 0)
        report({
          message: `${domain.domainName} routes by API mappings only, so its ${domain.routingRules.length === 1 ? 'routing rule is' : `${domain.routingRules.length} routing rules are`} not used.`,
          target,
          fix,
        });
      if (domain.routingMode === 'ROUTING_RULE_ONLY' && domain.mappings.length > 0)
        report({
          message: `${domain.domainName} routes by routing rules only, so its ${domain.mappings.length === 1 ? 'API mapping is' : `${domain.mappings.length} API mappings are`} not used.`,
          target,
          fix,
        });
    }
  },
});
