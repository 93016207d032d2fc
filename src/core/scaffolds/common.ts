import type { IntegrationResponse, MethodResponse, ResponseHeader } from '../model';
import { roleArnProblem } from './arns';
import type { ScaffoldBuild, ScaffoldContext, ScaffoldField, ScaffoldSetup } from './types';

/** The content type the request and response templates are written for. */
export const jsonType = 'application/json';

/**
 * An existing role instead of the one the CDK program creates. For AWS integrations API Gateway needs a
 * role to call the action ("For AWS integrations, you must also configure credentials").
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export const roleField: ScaffoldField = {
  key: 'roleArn',
  label: 'Existing role ARN',
  kind: 'text',
  optional: true,
  placeholder: 'arn:aws:iam::123456789012:role/apigateway-orders',
  hint: 'Leave empty: the CDK program creates a role that API Gateway assumes, with exactly the policy shown. Your own role must allow at least that.',
};

/**
 * A value written inside a JSON string of a mapping template. `$util.escapeJavaScript` escapes a single
 * quote as `\'`, which is not valid JSON; the developer guide undoes it with `.replaceAll("\\'","'")`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export function jsonText(expression: string): string {
  return `$util.escapeJavaScript(${expression}).replaceAll("\\\\'","'")`;
}

/**
 * How a template reads a path variable of the method request (names are checked by `pathParameterProblem`):
 * `$input.params(x)` looks in the path first, then the query string, then the headers.
 */
export function pathParameter(name: string): string {
  return `$input.params('${name}')`;
}

/** Why a chosen path variable cannot be used, or undefined. */
export function pathParameterProblem(name: string, context: ScaffoldContext, label: string): string | undefined {
  if (!context.pathParameters.includes(name))
    return context.pathParameters.length === 0
      ? `${label}: this method's path has no variable; add a resource such as {id} and put the method on it.`
      : `${label}: the path has no variable {${name}}; choose ${context.pathParameters.map((item) => `{${item}}`).join(' or ')}.`;
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return `${label}: the path variable {${name}} has characters a template cannot quote.`;
  return undefined;
}

/**
 * Client errors and service errors of the service, answered without the service's own error text (it can
 * name the account and resources), with the request id to find the call in the logs. For AWS service
 * integrations the selection pattern is matched against the service's HTTP status code.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export function errorResponses(service: string): IntegrationResponse[] {
  return [
    {
      selectionPattern: '4\\d{2}',
      statusCode: '400',
      responseParameters: {},
      responseTemplates: { [jsonType]: `{"message": "${service} refused the request.", "requestId": "$context.requestId"}` },
    },
    {
      selectionPattern: '5\\d{2}',
      statusCode: '500',
      responseParameters: {},
      responseTemplates: { [jsonType]: `{"message": "${service} could not handle the request.", "requestId": "$context.requestId"}` },
    },
  ];
}

export function okResponse(template: string | undefined, responseParameters: Record<string, string> = {}): IntegrationResponse {
  return {
    selectionPattern: 'default',
    statusCode: '200',
    responseParameters,
    responseTemplates: template === undefined ? {} : { [jsonType]: template },
  };
}

export function methodResponse(statusCode: string, description: string, headers: string[] = []): MethodResponse {
  const declared: Record<string, ResponseHeader> = {};
  for (const header of headers) declared[header] = { schema: { type: 'string' } };
  return { statusCode, description, headers: declared, content: {} };
}

/** 200 with what succeeded, 400 and 500 for the error responses above. */
export function standardMethodResponses(success: string): MethodResponse[] {
  return [
    methodResponse('200', success),
    methodResponse('400', 'The service refused the request.'),
    methodResponse('500', 'The service could not handle the request.'),
  ];
}

/** Reads the form's values: trimmed, defaults applied. */
export function valuesOf(fields: readonly ScaffoldField[], values: Readonly<Record<string, string>>): Record<string, string> {
  const read: Record<string, string> = {};
  for (const field of fields) {
    const typed = Object.hasOwn(values, field.key) ? (values[field.key] ?? '').trim() : '';
    read[field.key] = typed === '' ? (field.defaultValue ?? '') : typed;
  }
  return read;
}

export function refused(field: string, message: string): ScaffoldBuild {
  return { ok: false, field, message };
}

/** The checks every scaffold shares (the optional role), then the scaffold's own setup. */
export function withRole(values: Record<string, string>, setup: () => ScaffoldBuild): ScaffoldBuild {
  const problem = roleArnProblem(values.roleArn ?? '');
  if (problem) return refused('roleArn', problem);
  return setup();
}

export function built(setup: ScaffoldSetup): ScaffoldBuild {
  return { ok: true, setup };
}

/** A name or fixed text a template writes as it is: nothing that JSON, VTL or a URL would read. */
export function plainProblem(value: string, label: string, pattern: RegExp, allowed: string): string | undefined {
  return pattern.test(value) ? undefined : `${label}: use ${allowed}.`;
}
