import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 10;

/** Ten stages per API unless the quota is raised. */
export const stageQuota = defineDesignRule({
  id: 'stage-quota',
  severity: 'warning',
  title: 'More stages than the default quota',
  why: 'Each API may have at most 10 stages by default, for every API type. The quota can be raised for a specific API through Service Quotas; stage variables or separate APIs per environment are the usual alternatives.',
  docsUrl: guide('limits'),
  reads: ['stages'],
  check(design, _index, report) {
    const count = Object.keys(design.stages).length;
    if (count > quota)
      report({
        message: `The API has ${count} stages; API Gateway allows ${quota} per API unless you ask for more.`,
        target: { kind: 'api', id: 'api' },
      });
  },
});
