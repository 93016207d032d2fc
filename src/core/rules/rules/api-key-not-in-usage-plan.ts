import { type ApiKeyId, type UsagePlan, updateUsagePlan } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** An API key is valid only through a usage plan; a key in no plan opens nothing. (REST only: see api-key-required-without-usage-plan.) */
export const apiKeyNotInUsagePlan = defineDesignRule({
  id: 'api-key-not-in-usage-plan',
  severity: 'warning',
  title: 'API key in no usage plan',
  why: 'API Gateway accepts an API key only on the stages of the usage plans the key belongs to. A key attached to no plan is refused everywhere, however it is sent.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['api', 'apiKeys', 'usagePlans'],
  check(design, _index, report) {
    if (design.api.type !== 'REST') return;
    const plans = Object.values(design.usagePlans) as UsagePlan[];
    const attached = new Set<ApiKeyId>();
    for (const plan of plans) for (const keyId of plan.apiKeyIds) attached.add(keyId);
    const onlyPlan = plans.length === 1 ? plans[0] : undefined;
    for (const key of Object.values(design.apiKeys))
      if (!attached.has(key.id))
        report({
          message: `API key ${key.name} is in no usage plan, so API Gateway accepts it nowhere.`,
          target: { kind: 'apiKey', id: key.id },
          ...(onlyPlan
            ? {
                fix: {
                  label: `Add it to usage plan ${onlyPlan.name}`,
                  apply: (d) => {
                    const plan = d.usagePlans[onlyPlan.id];
                    return plan ? updateUsagePlan(d, plan.id, { apiKeyIds: [...plan.apiKeyIds, key.id] }) : d;
                  },
                },
              }
            : {}),
        });
  },
});
