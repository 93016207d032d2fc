import { updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/** VPC endpoint ids belong to private endpoints; an API switched away from PRIVATE keeps them. */
export const vpcEndpointsWithoutPrivate = defineDesignRule({
  id: 'vpc-endpoints-without-private',
  severity: 'warning',
  title: 'VPC endpoints on an API that is not private',
  why: 'An API lists VPC endpoint ids so that API Gateway creates Route 53 aliases for its private endpoint. Only private REST APIs have such an endpoint; on any other API the list is refused or ignored, and it usually means the endpoint type was changed by mistake.',
  docsUrl: guide('apigateway-private-apis'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.vpcEndpointIds.length === 0 || (design.api.type === 'REST' && design.api.endpointType === 'PRIVATE')) return;
    report({
      message: `The API lists VPC endpoints but is not private.`,
      target: { kind: 'api', id: 'api' },
      fix: { label: 'Remove the VPC endpoints', apply: (d) => updateApi(d, { vpcEndpointIds: [] }) },
    });
  },
});
