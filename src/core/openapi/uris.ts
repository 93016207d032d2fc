/**
 * Integration and authorizer URIs in the ARN forms API Gateway uses
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html, field `uri`):
 * - Lambda: `arn:{partition}:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`,
 *   or, with response streaming, `…/2021-11-15/functions/{functionArn}/response-streaming-invocations`;
 * - AWS service: `arn:{partition}:apigateway:{region}:[{subdomain}.]{service}:action/{Action}` or `…:path/{path}`.
 * Parts may hold placeholders such as `${AWS::Region}` (substituted by API Gateway's importer) or
 * `${stageVariables.name}` (substituted per request); placeholders may contain colons.
 */

/** One ARN field: text without colons, or `${…}` placeholders (which may contain colons). */
const field = String.raw`(?:\$\{[^}]*\}|[^:$]|\$(?!\{))*`;
const lambdaUri = new RegExp(
  `^arn:(${field}):apigateway:(${field}):lambda:path/(2015-03-31|2021-11-15)/functions/(.+)/(invocations|response-streaming-invocations)$`,
);
const serviceUri = new RegExp(String.raw`^arn:(${field}):apigateway:(${field}):(${field}):(action|path)/([\s\S]*)$`);
const functionArnPattern = new RegExp(`^arn:(${field}):lambda:(${field}):(${field}):function:(.+)$`);

export interface LambdaUri {
  partition: string;
  region: string;
  functionArn: string;
  streaming: boolean;
}

export function parseLambdaUri(uri: string): LambdaUri | undefined {
  const match = lambdaUri.exec(uri);
  if (!match) return undefined;
  const [, partition, region, apiVersion, functionArn, suffix] = match as unknown as [string, string, string, string, string, string];
  const streaming = apiVersion === '2021-11-15';
  // The two halves go together: the streaming API version ends in response-streaming-invocations.
  if (streaming !== (suffix === 'response-streaming-invocations')) return undefined;
  return { partition, region, functionArn, streaming };
}

export function buildLambdaUri(uri: LambdaUri): string {
  return uri.streaming
    ? `arn:${uri.partition}:apigateway:${uri.region}:lambda:path/2021-11-15/functions/${uri.functionArn}/response-streaming-invocations`
    : `arn:${uri.partition}:apigateway:${uri.region}:lambda:path/2015-03-31/functions/${uri.functionArn}/invocations`;
}

export interface FunctionArn {
  partition: string;
  region: string;
  account: string;
  /** Function name, with `:alias` or `:version` when qualified. */
  name: string;
}

export function parseFunctionArn(arn: string): FunctionArn | undefined {
  const match = functionArnPattern.exec(arn);
  if (!match) return undefined;
  const [, partition, region, account, name] = match as unknown as [string, string, string, string, string];
  return { partition, region, account, name };
}

export interface ServiceUri {
  partition: string;
  region: string;
  service: string;
  subdomain?: string;
  style: 'action' | 'path';
  actionOrPath: string;
}

export function parseServiceUri(uri: string): ServiceUri | undefined {
  const match = serviceUri.exec(uri);
  if (!match) return undefined;
  const [, partition, region, host, style, actionOrPath] = match as unknown as [string, string, string, string, 'action' | 'path', string];
  // `mybucket.s3`: the last dot-separated part is the service, the rest its subdomain.
  const dot = host.lastIndexOf('.');
  const service = dot === -1 ? host : host.slice(dot + 1);
  if (service.length === 0 || service.includes('$')) return undefined;
  const result: ServiceUri = { partition, region, service, style, actionOrPath };
  if (dot !== -1) result.subdomain = host.slice(0, dot);
  return result;
}

export function buildServiceUri(uri: ServiceUri): string {
  const host = uri.subdomain !== undefined ? `${uri.subdomain}.${uri.service}` : uri.service;
  return `arn:${uri.partition}:apigateway:${uri.region}:${host}:${uri.style}/${uri.actionOrPath}`;
}

/** A readable name for a Lambda function from its ARN (`orders` from `…:function:orders`), or a placeholder's name. */
export function functionLabel(functionArn: string): string {
  const name = parseFunctionArn(functionArn)?.name ?? functionArn;
  // `${OrdersFunction.Arn}` (CloudFormation) or `${stageVariables.fn}`: the placeholder's name reads better.
  const placeholder = /^\$\{([^}]+)\}$/.exec(name);
  return placeholder ? (placeholder[1] as string).replace(/\.Arn$/, '') : name;
}
