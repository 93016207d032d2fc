import type { IntegrationBinding, TextOrIntrinsic } from '../../model';
import { updateBinding } from '../../model';
import { capitalized, guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * Headers an AWS service reads to understand the request body a mapping template writes, which API
 * Gateway does not set for an AWS integration (it sends the client's Content-Type, application/json).
 * SQS and SNS read form-encoded query requests (`Action=SendMessage&…`) only with
 * `Content-Type: application/x-www-form-urlencoded`; EventBridge names the action in `X-Amz-Target` and
 * reads JSON 1.1. DynamoDB, Kinesis and Step Functions also take the action from the URI, and AWS's own
 * examples call some of them without a header, so they are not checked.
 * @see https://repost.aws/knowledge-center/api-gateway-rest-api-sqs-errors
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-kinesis.html
 */
interface Needed {
  header: string;
  /** Values the service accepts (lower case); the first is the one the fix sets. */
  accepted: string[];
}

function neededHeaders(service: string, action: string): Needed[] {
  switch (service.toLowerCase()) {
    case 'sqs':
      // SQS also reads its JSON protocol (X-Amz-Target: AmazonSQS.SendMessage), and a template may write that.
      return [{ header: 'Content-Type', accepted: ['application/x-www-form-urlencoded', 'application/x-amz-json-1.0'] }];
    case 'sns':
      return [{ header: 'Content-Type', accepted: ['application/x-www-form-urlencoded'] }];
    case 'events':
      return [
        { header: 'X-Amz-Target', accepted: [`awsevents.${action.toLowerCase()}`] },
        { header: 'Content-Type', accepted: ['application/x-amz-json-1.1'] },
      ];
    default:
      return [];
  }
}

/** How the integration request sets a header: a static mapping (`'value'`), a mapping from the request (unknown), or a template override. */
function headerValue(binding: IntegrationBinding, header: string): string | undefined | 'dynamic' {
  const wanted = `integration.request.header.${header}`.toLowerCase();
  for (const [key, value] of Object.entries(binding.requestParameters))
    if (key.toLowerCase() === wanted) {
      if (typeof value !== 'string') return 'dynamic';
      const fixed = /^'(.*)'$/.exec(value.trim());
      return fixed ? (fixed[1] as string).trim().toLowerCase() : 'dynamic';
    }
  const override = new RegExp(`\\$context\\.requestOverride\\.header\\.${header.replace(/-/g, '\\-')}\\s*=\\s*["']([^"']*)["']`, 'i');
  for (const template of Object.values(binding.requestTemplates)) {
    if (typeof template !== 'string') continue;
    const match = override.exec(template);
    if (match) return (match[1] as string).trim().toLowerCase();
  }
  return undefined;
}

function accepted(value: string | undefined | 'dynamic', needed: Needed): boolean {
  if (value === 'dynamic') return true;
  if (value === undefined) return false;
  // A Content-Type may carry parameters (`; charset=utf-8`).
  return needed.accepted.includes(value.split(';')[0]?.trim() ?? '');
}

const quoted = (value: string): TextOrIntrinsic => `'${value}'`;

export const awsServiceRequestHeaders = defineDesignRule({
  id: 'aws-service-request-headers',
  severity: 'warning',
  title: 'AWS service integration without the headers its service reads',
  why: 'A REST API sends an AWS service the body its mapping template writes, with the client’s Content-Type unless the integration request sets another. Amazon SQS and Amazon SNS read a form-encoded body (Action=SendMessage&MessageBody=…) only as application/x-www-form-urlencoded, and EventBridge finds the action in the X-Amz-Target header of a JSON 1.1 request. Without these header mappings API Gateway accepts the design, but every call fails.',
  docsUrl: guide('integrating-api-with-aws-services-kinesis'),
  reads: ['api', 'methods', 'resources', 'integrations'],
  operationFields: (owner) => [owner.integration],
  check(design, index, report) {
    if (design.api.type !== 'REST') return;
    for (const method of Object.values(design.methods)) {
      const binding = method.integration;
      if (!binding || binding.proxy || Object.keys(binding.requestTemplates).length === 0) continue;
      const target = design.integrations[binding.integrationId];
      if (target?.kind !== 'AWS_SERVICE' || target.rawUri !== undefined) continue;
      const action = target.style === 'action' ? target.actionOrPath : 'PutEvents';
      const missing = neededHeaders(target.service, action).filter((needed) => !accepted(headerValue(binding, needed.header), needed));
      if (missing.length === 0) continue;
      const label = index.label(method, design.resources);
      const wanted = missing.map((needed) => `${needed.header}: ${needed.accepted[0]}`).join(' and ');
      report({
        message: `${capitalized(label)} calls ${target.service} without ${wanted} in its integration request.`,
        target: { kind: 'method', id: method.id },
        fix: {
          label: missing.length === 1 ? `Set ${missing[0]?.header}` : 'Set the headers',
          apply: (d) => {
            const current = d.methods[method.id]?.integration;
            if (!current) return d;
            const requestParameters = { ...current.requestParameters };
            for (const needed of missing) {
              for (const key of Object.keys(requestParameters))
                if (key.toLowerCase() === `integration.request.header.${needed.header}`.toLowerCase()) delete requestParameters[key];
              requestParameters[`integration.request.header.${needed.header}`] = quoted(needed.accepted[0] as string);
            }
            return updateBinding(d, method.id, { requestParameters });
          },
        },
      });
    }
  },
});
