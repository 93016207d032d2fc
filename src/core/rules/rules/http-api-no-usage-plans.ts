import { deleteUsagePlan } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Usage plans meter API keys, and HTTP APIs have no API keys. */
export const httpApiNoUsagePlans = defineDesignRule({
  id: 'http-api-no-usage-plans',
  severity: 'error',
  title: 'HTTP APIs have no usage plans',
  why: 'A usage plan sets throttling and a quota for the API keys attached to it. HTTP APIs have neither API keys nor usage plans; they throttle per route in the stage settings. Choose a REST API when you need per-client quotas.',
  docsUrl: guide('http-api-vs-rest'),
  reads: ['api', 'usagePlans'],
  check(design, _index, report) {
    if (design.api.type !== 'HTTP') return;
    for (const plan of Object.values(design.usagePlans))
      report({
        message: `Usage plan ${plan.name} cannot exist on an HTTP API.`,
        target: { kind: 'usagePlan', id: plan.id },
        fix: { label: 'Delete the usage plan', apply: (d) => deleteUsagePlan(d, plan.id) },
      });
  },
});
