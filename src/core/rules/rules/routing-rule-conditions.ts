import { basePathProblem, headerConditionProblem, routingRuleLimits, updateRoutingRule } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A routing rule ANDs at most two header conditions and one base path condition, each of a form API Gateway matches. */
export const routingRuleConditions = defineDesignRule({
  id: 'routing-rule-conditions',
  severity: 'error',
  title: 'Routing rule conditions API Gateway does not accept',
  why: 'A routing rule matches at most two headers and one base path, all of which must hold. A header value may use * only at its start or end (prefix, suffix or contains match); a base path has no leading or trailing slash. API Gateway refuses a rule with more conditions or another form.',
  docsUrl: guide('rest-api-routing-rules'),
  reads: ['domains'],
  check(design, _index, report) {
    const { headerConditions, basePathConditions } = routingRuleLimits;
    for (const domain of Object.values(design.domains))
      for (const rule of domain.routingRules) {
        const where = `Routing rule ${rule.priority} of ${domain.domainName}`;
        const target = { kind: 'domain' as const, id: domain.id };
        const { headers, basePaths } = rule.conditions;
        if (headers.length > headerConditions)
          report({
            message: `${where} matches ${headers.length} headers; API Gateway allows at most ${headerConditions}.`,
            target,
            fix: {
              label: `Keep the first ${headerConditions} header conditions`,
              apply: (d) =>
                updateRoutingRule(d, domain.id, rule.priority, {
                  conditions: { headers: headers.slice(0, headerConditions), basePaths: basePaths.slice(0, basePathConditions) },
                }),
            },
          });
        if (basePaths.length > basePathConditions)
          report({ message: `${where} matches ${basePaths.length} base paths; API Gateway allows at most ${basePathConditions}.`, target });
        for (const condition of headers) {
          const problem = headerConditionProblem(condition);
          if (problem) report({ message: `${where}: ${problem}`, target });
        }
        for (const basePath of basePaths) {
          const problem = basePath === '' ? 'a base path condition needs a path.' : basePathProblem(basePath);
          if (problem) report({ message: `${where}: ${problem}`, target });
        }
      }
  },
});
