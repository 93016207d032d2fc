import { parseRegionalArn, resourceAfter } from './arns';
import {
  built,
  errorResponses,
  jsonText,
  jsonType,
  okResponse,
  refused,
  roleField,
  standardMethodResponses,
  valuesOf,
  withRole,
} from './common';
import type { ScaffoldField, ServiceScaffold } from './types';

/**
 * What the two Step Functions scaffolds share: the client's JSON body becomes the execution's input
 * (`input` is JSON text, and must be at least `{}`), sent with Step Functions' JSON 1.0 protocol; the role
 * may start executions of that state machine only. HTTP APIs use the first-class integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/tutorial-api-gateway.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
export type StateMachineAction = 'StartExecution' | 'StartSyncExecution';

interface StateMachineScaffold {
  id: ServiceScaffold['id'];
  action: StateMachineAction;
  stateMachineHint: string;
  success: string;
  /** The 200 response template. */
  response: string;
  docs: string[];
}

/** The body, or `{}` when there is none: StartExecution refuses an empty input. */
const inputTemplate = (arn: string) => `#set($body = $input.body)
#if("$!body" == "")
#set($body = "{}")
#end
{
  "stateMachineArn": "${arn}",
  "input": "${jsonText('$body')}"
}`;

export function stateMachineScaffold(spec: StateMachineScaffold): ServiceScaffold {
  const fields: ScaffoldField[] = [
    {
      key: 'stateMachineArn',
      label: 'State machine ARN',
      kind: 'text',
      placeholder: 'arn:aws:states:us-east-1:123456789012:stateMachine:Checkout',
      hint: spec.stateMachineHint,
    },
    roleField,
  ];
  return {
    id: spec.id,
    title: `Step Functions ${spec.action}`,
    docs: spec.docs,
    fields,
    build(input, context) {
      const values = valuesOf(fields, input);
      return withRole(values, () => {
        const arn = parseRegionalArn(values.stateMachineArn ?? '', 'states', 'arn:aws:states:us-east-1:123456789012:stateMachine:Checkout');
        if (typeof arn === 'string') return refused('stateMachineArn', arn);
        const machine = resourceAfter(arn, 'stateMachine:');
        if (!machine || !/^[A-Za-z0-9_-]{1,80}$/.test(machine))
          return refused('stateMachineArn', 'The ARN should end in stateMachine:{name}, a name of letters, digits, _ or -.');
        const name = `Step Functions ${spec.action}: ${machine}`;
        const rolePolicy = { statements: [{ actions: [`states:${spec.action}`], resources: [arn.text] }] };
        const partition = arn.partition === 'aws' ? {} : { partition: arn.partition };
        if (context.apiType === 'HTTP')
          return built({
            name,
            target: {
              service: 'states',
              region: arn.region,
              ...partition,
              style: 'action',
              actionOrPath: spec.action,
              httpMethod: 'POST',
              integrationSubtype: `StepFunctions-${spec.action}`,
            },
            rolePolicy,
            binding: {
              proxy: true,
              payloadFormatVersion: '1.0',
              requestParameters: { StateMachineArn: arn.text, Input: '$request.body' },
              requestTemplates: {},
              responses: [],
            },
            methodResponses: standardMethodResponses(spec.success).slice(0, 1),
            methodParameters: [],
          });
        return built({
          name,
          target: { service: 'states', region: arn.region, ...partition, style: 'action', actionOrPath: spec.action, httpMethod: 'POST' },
          rolePolicy,
          binding: {
            proxy: false,
            requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.0'" },
            requestTemplates: { [jsonType]: inputTemplate(arn.text) },
            responses: [okResponse(spec.response), ...errorResponses('AWS Step Functions')],
            passthroughBehavior: 'NEVER',
          },
          methodResponses: standardMethodResponses(spec.success),
          methodParameters: [],
        });
      });
    },
  };
}
