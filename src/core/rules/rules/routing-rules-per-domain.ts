import { routingRuleLimits } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** API Gateway's quota: 50 routing rules per custom domain name, not adjustable. */
export const routingRulesPerDomain = defineDesignRule({
  id: 'routing-rules-per-domain',
  severity: 'error',
  title: 'More routing rules than a custom domain may have',
  why: 'A custom domain name has at most 50 routing rules, a quota that cannot be raised. Rules with a header value glob (a*, *a) or no base path condition can often cover several of the rules that route one version each.',
  docsUrl: guide('rest-api-routing-rules'),
  reads: ['domains'],
  check(design, _index, report) {
    const limit = routingRuleLimits.rulesPerDomain;
    for (const domain of Object.values(design.domains))
      if (domain.routingRules.length > limit)
        report({
          message: `${domain.domainName} has ${domain.routingRules.length} routing rules; a custom domain has at most ${limit}.`,
          target: { kind: 'domain', id: domain.id },
        });
  },
});
