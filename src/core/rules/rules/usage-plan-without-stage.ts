import { type StageId, updateUsagePlan } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A usage plan applies to the API stages it lists; with none it applies nowhere. */
export const usagePlanWithoutStage = defineDesignRule({
  id: 'usage-plan-without-stage',
  severity: 'warning',
  title: 'Usage plan that covers no stage',
  why: 'A usage plan sets throttling and a quota for its API keys on the API stages it covers. A plan with no stage lets its keys call nothing and meters nothing.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['usagePlans', 'stages'],
  check(design, _index, report) {
    const stageIds = Object.keys(design.stages) as StageId[];
    const onlyStage = stageIds.length === 1 ? design.stages[stageIds[0] as StageId] : undefined;
    for (const plan of Object.values(design.usagePlans))
      if (plan.stages.length === 0)
        report({
          message: `Usage plan ${plan.name} covers no stage.`,
          target: { kind: 'usagePlan', id: plan.id },
          ...(onlyStage
            ? {
                fix: {
                  label: `Cover stage ${onlyStage.name}`,
                  apply: (d) => {
                    const current = d.usagePlans[plan.id];
                    return current
                      ? updateUsagePlan(d, plan.id, { stages: [...current.stages, { stageId: onlyStage.id, methodThrottles: {} }] })
                      : d;
                  },
                },
              }
            : {}),
        });
  },
});
