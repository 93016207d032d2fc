import { capitalized, guide, isRoute } from '../describe';
import { defineOperationRule } from '../rule';

/** API Gateway refuses to deploy a REST API with a method that has no integration. */
export const methodWithoutIntegration = defineOperationRule({
  id: 'method-without-integration',
  severity: 'error',
  title: 'Method without an integration',
  why: 'A REST API method hands each request to its integration: a Lambda function, an HTTP endpoint, an AWS service, a mock, or a private endpoint through a VPC link. API Gateway refuses to deploy an API in which a method has none ("No integration defined for method").',
  docsUrl: guide('how-to-integration-settings'),
  check(owner, context, report) {
    if (isRoute(owner) || owner.integration) return;
    report({ message: `${capitalized(context.label)} has no integration.`, target: { kind: 'method', id: owner.id } });
  },
});
