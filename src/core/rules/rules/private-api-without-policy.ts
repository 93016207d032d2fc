import { type Design, type JsonObject, updateApi } from '../../model';
import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * AWS's "source VPC endpoint" example: allow invoking, and deny it unless the call came through one of the
 * API's endpoints. Without that condition any VPC endpoint, in any account, could call the API.
 */
function vpcEndpointPolicy(vpcEndpointIds: string[]): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: 'execute-api:/*',
        Condition: {
          StringNotEquals: { 'aws:SourceVpce': vpcEndpointIds.length === 1 ? (vpcEndpointIds[0] as string) : [...vpcEndpointIds] },
        },
      },
    ],
  };
}

/** A private API answers nobody until a resource policy grants its VPC endpoints access. */
export const privateApiWithoutPolicy = defineDesignRule({
  id: 'private-api-without-policy',
  severity: 'error',
  title: 'Private API without a resource policy',
  why: 'A private REST API is reachable only through interface VPC endpoints, and only when its resource policy allows the calls, usually with an aws:SourceVpce or aws:SourceVpc condition. Until a policy is attached every call fails, and API Gateway refuses to deploy a private API without one.',
  docsUrl: guide('apigateway-private-apis'),
  reads: ['api'],
  check(design, _index, report) {
    if (design.api.type !== 'REST' || design.api.endpointType !== 'PRIVATE' || design.api.policy) return;
    const endpoints = design.api.vpcEndpointIds;
    report({
      message: 'The API is private but has no resource policy, so every call is refused.',
      target: { kind: 'api', id: 'api' },
      // Only with known endpoints: a policy that allows every VPC endpoint would open the API to other accounts.
      ...(endpoints.length > 0
        ? {
            fix: {
              label: "Allow calls through the API's VPC endpoints",
              apply: (d: Design) => updateApi(d, { policy: vpcEndpointPolicy(endpoints) }),
            },
          }
        : {}),
    });
  },
});
