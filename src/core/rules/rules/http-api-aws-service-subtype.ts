import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * HTTP APIs call AWS services only through first-class integrations named by a subtype
 * (`SQS-SendMessage`, `EventBridge-PutEvents`…). A REST-style service action, as a design switched from
 * REST keeps it, has no HTTP API equivalent.
 */
export const httpApiAwsServiceSubtype = defineDesignRule({
  id: 'http-api-aws-service-subtype',
  severity: 'error',
  title: 'HTTP API service integrations need a subtype',
  why: 'A REST API can call almost any AWS service action with a mapping template. An HTTP API supports a fixed set of AWS service integrations, each named by an integration subtype such as SQS-SendMessage or StepFunctions-StartExecution, with parameter mappings instead of templates.',
  docsUrl: guide('http-api-develop-integrations-aws-services'),
  reads: ['api', 'integrations'],
  check(design, _index, report) {
    if (design.api.type !== 'HTTP') return;
    for (const target of Object.values(design.integrations))
      if (target.kind === 'AWS_SERVICE' && !target.integrationSubtype && target.rawUri === undefined)
        report({
          message: `Integration ${target.name} calls ${target.service} without an integration subtype, which HTTP APIs need.`,
          target: { kind: 'integration', id: target.id },
        });
  },
});
