import { routingRuleLimits } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** API Gateway evaluates a domain's rules by priority, lowest first: each a whole number 1–1,000,000, none shared. */
export const routingRulePriority = defineDesignRule({
  id: 'routing-rule-priority',
  severity: 'error',
  title: 'Routing rule priority out of range or shared',
  why: 'API Gateway evaluates the routing rules of a custom domain in priority order, lowest first, and the first rule that matches wins. A priority is a whole number from 1 to 1,000,000, and two rules of one domain cannot share one; leave gaps (100, 200…) so that a rule can be put between two others later.',
  docsUrl: guide('rest-api-routing-rules'),
  reads: ['domains'],
  check(design, _index, report) {
    const { minPriority, maxPriority } = routingRuleLimits;
    for (const domain of Object.values(design.domains)) {
      const seen = new Set<number>();
      for (const rule of domain.routingRules) {
        const target = { kind: 'domain' as const, id: domain.id };
        if (!Number.isInteger(rule.priority) || rule.priority < minPriority || rule.priority > maxPriority)
          report({
            message: `A routing rule of ${domain.domainName} has priority ${rule.priority}; priorities are whole numbers from 1 to 1,000,000.`,
            target,
          });
        else if (seen.has(rule.priority))
          report({ message: `Two routing rules of ${domain.domainName} have priority ${rule.priority}; give each its own.`, target });
        seen.add(rule.priority);
      }
    }
  },
});
