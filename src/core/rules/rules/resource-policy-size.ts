import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 8192;

/** A resource policy has at most 8,192 characters unless the quota is raised. */
export const resourcePolicySize = defineDesignRule({
  id: 'resource-policy-size',
  severity: 'warning',
  title: 'Resource policy longer than the default quota',
  why: 'A REST API resource policy has at most 8,192 characters by default (the quota can be raised). Long policies usually list many IP ranges or accounts; conditions with wildcards, or a VPC endpoint policy, keep them short.',
  docsUrl: guide('limits'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || !design.api.policy) return;
    const length = JSON.stringify(design.api.policy).length;
    if (length > quota)
      report({
        message: `The resource policy has ${length.toLocaleString('en')} characters; API Gateway allows ${quota.toLocaleString('en')} unless you ask for more.`,
        target: { kind: 'api', id: 'api' },
      });
  },
});
