import { type ApiKeyId, updateUsagePlan } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Throttling and quotas of a usage plan apply to the API keys attached to it; with none, to nobody. */
export const usagePlanWithoutApiKeys = defineDesignRule({
  id: 'usage-plan-without-api-keys',
  severity: 'warning',
  title: 'Usage plan without API keys',
  why: 'A usage plan meters callers by API key: its throttle and quota apply to requests carrying one of its keys. A plan without keys lets nobody in through the methods that require a key, and limits nobody.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['usagePlans', 'apiKeys'],
  check(design, _index, report) {
    const keyIds = Object.keys(design.apiKeys) as ApiKeyId[];
    const onlyKey = keyIds.length === 1 ? design.apiKeys[keyIds[0] as ApiKeyId] : undefined;
    for (const plan of Object.values(design.usagePlans))
      if (plan.apiKeyIds.length === 0)
        report({
          message: `Usage plan ${plan.name} has no API keys.`,
          target: { kind: 'usagePlan', id: plan.id },
          ...(onlyKey
            ? { fix: { label: `Attach API key ${onlyKey.name}`, apply: (d) => updateUsagePlan(d, plan.id, { apiKeyIds: [onlyKey.id] }) } }
            : {}),
        });
  },
});
