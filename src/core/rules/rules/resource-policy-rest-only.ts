import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** Resource policies exist on REST APIs only; a design switched from REST keeps its policy. */
export const resourcePolicyRestOnly = defineDesignRule({
  id: 'resource-policy-rest-only',
  severity: 'error',
  title: 'Resource policies exist only on REST APIs',
  why: 'A resource policy is an IAM policy attached to a REST API that allows or denies callers by account, IP range or VPC endpoint. HTTP and WebSocket APIs have no resource policy; control access with IAM authorization or an authorizer.',
  docsUrl: guide('apigateway-resource-policies'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type === 'REST' || !design.api.policy) return;
    report({
      message: `The API has a resource policy, but ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs cannot have one.`,
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Remove the resource policy', apply: (d) => updateApi(d, { policy: undefined }) },
    });
  },
});
