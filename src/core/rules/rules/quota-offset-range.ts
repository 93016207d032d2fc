import { maxQuotaOffset, updateUsagePlan } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** A quota period can start late by 0–6 days (WEEK) or 0–27 days (MONTH); a DAY period cannot. */
export const quotaOffsetRange = defineDesignRule({
  id: 'quota-offset-range',
  severity: 'error',
  title: 'Quota offset beyond its period',
  why: 'A usage plan quota counts requests per day, week or month. The offset moves the start of each period: a weekly quota can start 0 to 6 days after Sunday, a monthly one 0 to 27 days after the first, and a daily quota cannot be offset. API Gateway refuses other offsets.',
  docsUrl: guide('api-gateway-api-usage-plans'),
  reads: ['usagePlans'],
  check(design, _index, report) {
    for (const plan of Object.values(design.usagePlans)) {
      const quota = plan.quota;
      if (!quota) continue;
      const maximum = maxQuotaOffset(quota.period);
      if (Number.isInteger(quota.offset) && quota.offset >= 0 && quota.offset <= maximum) continue;
      report({
        message:
          maximum === 0
            ? `Usage plan ${plan.name} offsets its daily quota by ${quota.offset} days; a daily quota cannot be offset.`
            : `Usage plan ${plan.name} offsets its ${quota.period === 'WEEK' ? 'weekly' : 'monthly'} quota by ${quota.offset} days; the offset is 0 to ${maximum} days.`,
        target: { kind: 'usagePlan', id: plan.id },
        fix: {
          label: 'Start the quota period without an offset',
          apply: (d) => {
            const current = d.usagePlans[plan.id]?.quota;
            return current ? updateUsagePlan(d, plan.id, { quota: { ...current, offset: 0 } }) : d;
          },
        },
      });
    }
  },
});
