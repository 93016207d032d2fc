import { type StageId, type UsagePlan, updateUsagePlan } from '../../model';
import { capitalized, guide, isRoute, labelFields, listed } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * A REST method that requires an API key accepts only keys of a usage plan that covers the stage being
 * called; on a stage no plan covers, every call is refused with 403. (WebSocket APIs use usage plans too,
 * but Portico models them for REST APIs only, so WebSocket keys are not checked here.)
 */
export const apiKeyRequiredWithoutUsagePlan = defineDesignRule({
  id: 'api-key-required-without-usage-plan',
  severity: 'warning',
  title: 'API key required where no usage plan covers the stage',
  why: 'A method that requires an API key accepts a request only when its x-api-key header holds an enabled key that belongs to a usage plan covering the stage called. Without such a plan no key can ever be valid there, and every call gets 403 Forbidden.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['api', 'methods', 'routes', 'resources', 'stages', 'stageOrder', 'usagePlans'],
  operationFields: (owner) => [...labelFields(owner), owner.apiKeyRequired],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    const needing = index.usage(design.methods, design.routes).apiKeyRequired;
    if (needing.length === 0) return;
    const covered = new Set<StageId>();
    for (const plan of Object.values(design.usagePlans) as UsagePlan[]) for (const entry of plan.stages) covered.add(entry.stageId);
    const stages = design.stageOrder.filter((id) => Object.hasOwn(design.stages, id));
    if (!stages.some((id) => covered.has(id))) {
      for (const owner of needing)
        report({
          message: `${capitalized(index.label(owner, design.resources))} requires an API key, but no usage plan covers any stage, so every call is refused.`,
          target: { kind: isRoute(owner) ? 'route' : 'method', id: owner.id },
        });
      return;
    }
    const plans = Object.values(design.usagePlans) as UsagePlan[];
    const onlyPlan = plans.length === 1 ? plans[0] : undefined;
    const labels = needing.map((owner) => index.label(owner, design.resources));
    for (const stageId of stages) {
      if (covered.has(stageId)) continue;
      const stage = design.stages[stageId];
      if (!stage) continue;
      report({
        message: `Stage ${stage.name} is in no usage plan, so ${listed(labels)} ${labels.length === 1 ? 'refuses' : 'refuse'} every call there.`,
        target: { kind: 'stage', id: stageId },
        ...(onlyPlan
          ? {
              fix: {
                label: `Add the stage to usage plan ${onlyPlan.name}`,
                apply: (d) => {
                  const plan = d.usagePlans[onlyPlan.id];
                  return plan ? updateUsagePlan(d, plan.id, { stages: [...plan.stages, { stageId, methodThrottles: {} }] }) : d;
                },
              },
            }
          : {}),
      });
    }
  },
});
