import { guide } from '../describe';
import { defineDesignRule } from '../rule';

const quota = 10;

/** Ten authorizers per API unless the quota is raised; IAM authorization is not an authorizer resource. */
export const authorizerQuota = defineDesignRule({
  id: 'authorizer-quota',
  severity: 'warning',
  title: 'More authorizers than the default quota',
  why: 'An API may have at most 10 authorizers (Lambda and Cognito on REST APIs, Lambda and JWT on HTTP APIs, Lambda on WebSocket APIs). IAM authorization is a method setting, not an authorizer, and does not count. The quota can be raised for a specific API.',
  docsUrl: guide('limits'),
  reads: ['authorizers'],
  check(design, _index, report) {
    const count = Object.values(design.authorizers).filter((authorizer) => authorizer.kind !== 'IAM').length;
    if (count > quota)
      report({
        message: `The API has ${count} authorizers; API Gateway allows ${quota} per API unless you ask for more.`,
        target: { kind: 'api', id: 'api' },
      });
  },
});
