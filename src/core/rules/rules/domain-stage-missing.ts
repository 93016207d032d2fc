import { deleteApiMapping, deleteRoutingRule } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An API mapping or a routing rule sends traffic to a stage; one whose stage is gone sends it nowhere. */
export const domainStageMissing = defineDesignRule({
  id: 'domain-stage-missing',
  severity: 'error',
  title: 'Custom domain sending traffic to a stage that does not exist',
  why: 'An API mapping and a routing rule each send the requests they match to a stage of the API; API Gateway refuses one whose stage does not exist. Deleting a stage in Portico removes what pointed at it, but an edited file can still name one.',
  docsUrl: guide('rest-api-mappings'),
  reads: ['domains', 'stages'],
  check(design, _index, report) {
    for (const domain of Object.values(design.domains)) {
      const target = { kind: 'domain' as const, id: domain.id };
      for (const mapping of domain.mappings)
        if (!Object.hasOwn(design.stages, mapping.stageId))
          report({
            message: `${domain.domainName} maps ${mapping.basePath === '' ? 'its root' : `the base path ${mapping.basePath}`} to a stage that does not exist.`,
            target,
            fix: { label: 'Remove the mapping', apply: (d) => deleteApiMapping(d, domain.id, mapping.basePath) },
          });
      for (const rule of domain.routingRules)
        if (!Object.hasOwn(design.stages, rule.action.stageId))
          report({
            message: `Routing rule ${rule.priority} of ${domain.domainName} invokes a stage that does not exist.`,
            target,
            fix: { label: 'Remove the rule', apply: (d) => deleteRoutingRule(d, domain.id, rule.priority) },
          });
    }
  },
});
