import type { IpAddressType } from './endpoint-settings';
import type { RequestValidatorId } from './ids';
import { type Extensions, type Intrinsic, isIntrinsic, type JsonObject, type JsonValue, readableText, type TextOrIntrinsic } from './json';

/** The three API products of API Gateway. @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html */
export const apiTypes = ['REST', 'HTTP', 'WEBSOCKET'] as const;
export type ApiType = (typeof apiTypes)[number];

/** Where a REST API is served from. HTTP and WebSocket APIs are always regional. @default 'EDGE' (API Gateway's import default) */
export const endpointTypes = ['EDGE', 'REGIONAL', 'PRIVATE'] as const;
export type EndpointType = (typeof endpointTypes)[number];

/** Where API Gateway reads the API key of a request. @default 'HEADER' */
export const apiKeySources = ['HEADER', 'AUTHORIZER'] as const;
export type ApiKeySource = (typeof apiKeySources)[number];

/**
 * CORS as HTTP APIs configure it (`x-amazon-apigateway-cors`); for REST APIs Portico turns the same
 * settings into OPTIONS preflight methods and gateway response headers in the OpenAPI export and the CDK
 * program (see cors-headers.ts).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export interface CorsConfiguration {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  allowCredentials: boolean;
  /** Seconds a browser may cache the preflight answer. */
  maxAgeSeconds?: number;
}

/** The API itself: what the API settings panel edits. */
export interface ApiSettings {
  name: string;
  description?: string;
  /** `info.version` of the OpenAPI document. @default '1.0' */
  version: string;
  type: ApiType;
  endpointType: EndpointType;
  /** MIME types API Gateway treats as binary (`x-amazon-apigateway-binary-media-types`). REST only. */
  binaryMediaTypes: string[];
  /** Smallest response body, in bytes, that is compressed; absent = compression off. 0–10485760. REST only. */
  minimumCompressionSize?: number;
  apiKeySource: ApiKeySource;
  /** Turn off the default `execute-api` endpoint. */
  disableExecuteApiEndpoint: boolean;
  /** VPC endpoints a PRIVATE API is reachable through. */
  vpcEndpointIds: string[];
  /** Resource policy (`x-amazon-apigateway-policy`), an IAM policy document. REST only. */
  policy?: JsonObject;
  cors?: CorsConfiguration;
  /** Validator applied to every method that names none (root `x-amazon-apigateway-request-validator`). */
  defaultRequestValidatorId?: RequestValidatorId;
  /** WebSocket route selection, e.g. `$request.body.action`. @default '$request.body.action' */
  routeSelectionExpression: string;
  /** WebSocket: where API keys are read. */
  apiKeySelectionExpression?: string;
  /** AWS tags (`x-amazon-apigateway-tag-value` on HTTP APIs). */
  tags: Record<string, string>;
  /**
   * Which clients may call the API: `ipv4` only, or `dualstack` (IPv4 and IPv6). REST, HTTP and WebSocket
   * APIs; absent means `ipv4`, API Gateway's default, except that a private REST API is always dualstack.
   * A REST API's IP address type cannot come from an OpenAPI file (the CDK sets it); an HTTP API's is
   * `ipAddressType` in `x-amazon-apigateway-endpoint-configuration`.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-ip-address-type.html
   */
  ipAddressType?: IpAddressType;
  /**
   * TLS security policy of a REST API (`x-amazon-apigateway-security-policy`): `TLS_1_0`, `TLS_1_2` or an
   * enhanced `SecurityPolicy_…` name that fits the endpoint type (see `securityPoliciesFor`). Text, because
   * an imported document may name one Portico does not know yet; the rules say so.
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
   */
  securityPolicy?: string;
  /**
   * `STRICT` or `BASIC` (`x-amazon-apigateway-endpoint-access-mode`); required with an enhanced security
   * policy, meaningless with a legacy one. Text for the same reason as `securityPolicy`.
   */
  endpointAccessMode?: string;
  /** `x-amazon-apigateway-documentation`, kept as written. */
  documentation?: JsonValue;
  /** Unmodelled `x-` keys at the document root, and other root OpenAPI fields worth keeping (servers, externalDocs…). */
  extensions: Extensions;
  /**
   * Settings the imported document gave as CloudFormation intrinsics (`info.title: !Sub
   * '${AWS::StackName}-API'`, `vpcEndpointIds: [!Ref Endpoint]`), kept as written. The setting itself
   * holds the expression's readable text (`${AWS::StackName}-API`), which every other part of Portico
   * shows; exports write the expression while the setting still holds that text (see `apiExpression`).
   */
  expressions?: ApiExpressions;
  /**
   * The CloudFormation functions the imported YAML wrote with their short tag (`!Sub`, `!Ref`), by
   * long-form key (`Fn::Sub`, `Ref`): a YAML export writes them the same way (JSON has only the long form).
   */
  shortFormIntrinsics?: string[];
}

/** API settings that may be CloudFormation expressions; lists may mix text and expressions. */
export interface ApiExpressions {
  name?: Intrinsic;
  description?: Intrinsic;
  version?: Intrinsic;
  vpcEndpointIds?: TextOrIntrinsic[];
  /** Stands while the setting is off (its default). */
  disableExecuteApiEndpoint?: Intrinsic;
  /**
   * The whole endpoint configuration; stands while the default endpoint is on, no VPC endpoint is listed
   * and (HTTP APIs) no IP address type is chosen.
   */
  endpointConfiguration?: Intrinsic;
  /** AWS tag values, by tag name (HTTP APIs' `x-amazon-apigateway-tag-value`). */
  tags?: Record<string, Intrinsic>;
  /** An HTTP API's `ipAddressType` in the endpoint configuration; stands while no IP address type is chosen. */
  ipAddressType?: Intrinsic;
}

export type ApiExpressionField = keyof ApiExpressions;

/** The readable text a setting holds for an expression (the `Fn::Sub` template, the name a `Ref` names). */
export function expressionStandIn(value: Intrinsic): string;
export function expressionStandIn(value: TextOrIntrinsic[]): string[];
export function expressionStandIn(value: Intrinsic | TextOrIntrinsic[]): string | string[] {
  return Array.isArray(value) ? value.map((item) => readableText(item)) : readableText(value);
}

/** Whether a setting holds the readable text of an expression (a list item by item). */
function holdsTextOf(setting: string | string[], expression: TextOrIntrinsic | TextOrIntrinsic[]): boolean {
  if (!Array.isArray(expression)) return typeof setting === 'string' && isIntrinsic(expression) && readableText(expression) === setting;
  return (
    Array.isArray(setting) &&
    setting.length === expression.length &&
    expression.every((item, index) => readableText(item) === setting[index])
  );
}

/**
 * When each expression still stands: text settings while they hold the expression's readable text, the
 * flag and the whole endpoint configuration while the settings are at the defaults they were given.
 */
const stands: { [F in ApiExpressionField]-?: (api: ApiSettings, expression: NonNullable<ApiExpressions[F]>) => boolean } = {
  name: (api, expression) => holdsTextOf(api.name, expression),
  description: (api, expression) => holdsTextOf(api.description ?? '', expression),
  version: (api, expression) => holdsTextOf(api.version, expression),
  vpcEndpointIds: (api, expression) => holdsTextOf(api.vpcEndpointIds, expression),
  disableExecuteApiEndpoint: (api, expression) => isIntrinsic(expression) && !api.disableExecuteApiEndpoint,
  endpointConfiguration: (api, expression) =>
    isIntrinsic(expression) &&
    !api.disableExecuteApiEndpoint &&
    api.vpcEndpointIds.length === 0 &&
    // An HTTP API's IP address type is written in the endpoint configuration, so choosing one ends the expression.
    (api.type !== 'HTTP' || api.ipAddressType === undefined),
  // Tags stand one by one: see `apiExpression`.
  tags: () => true,
  ipAddressType: (api, expression) => isIntrinsic(expression) && api.ipAddressType === undefined,
};

/**
 * The expression a setting stands for, while it still does: once the setting is edited (renamed in the
 * library, typed in a form, changed by an operation), its text no longer matches and the setting is
 * plain again. So no operation has to know about expressions to end one. Tag values stand one by one.
 */
export function apiExpression<F extends ApiExpressionField>(api: ApiSettings, field: F): ApiExpressions[F] | undefined {
  const expression = api.expressions?.[field];
  if (expression === undefined) return undefined;
  if (field === 'tags') {
    const standing: Record<string, Intrinsic> = {};
    for (const [name, value] of Object.entries(expression as Record<string, Intrinsic>))
      if (Object.hasOwn(api.tags, name) && holdsTextOf(api.tags[name] as string, value)) standing[name] = value;
    return (Object.keys(standing).length > 0 ? standing : undefined) as ApiExpressions[F] | undefined;
  }
  const check = stands[field] as (api: ApiSettings, expression: NonNullable<ApiExpressions[F]>) => boolean;
  return check(api, expression as NonNullable<ApiExpressions[F]>) ? expression : undefined;
}

/** A setting's value as a document writes it: the expression while it stands, else the setting. */
export function apiValue(api: ApiSettings, field: 'name' | 'version'): TextOrIntrinsic;
export function apiValue(api: ApiSettings, field: 'description'): TextOrIntrinsic | undefined;
export function apiValue(api: ApiSettings, field: 'vpcEndpointIds'): TextOrIntrinsic[];
export function apiValue(
  api: ApiSettings,
  field: 'name' | 'description' | 'version' | 'vpcEndpointIds',
): TextOrIntrinsic | TextOrIntrinsic[] | undefined {
  return apiExpression(api, field) ?? api[field];
}
