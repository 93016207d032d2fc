import type { RequestValidatorId } from './ids';
import type { Extensions, JsonObject, JsonValue } from './json';

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
 * settings into OPTIONS preflight methods when it generates CDK.
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
  /** TLS security policy of a REST API (`x-amazon-apigateway-security-policy`). */
  securityPolicy?: string;
  /** `STRICT` or `BASIC`; required with an enhanced security policy. */
  endpointAccessMode?: string;
  /** `x-amazon-apigateway-documentation`, kept as written. */
  documentation?: JsonValue;
  /** Unmodelled `x-` keys at the document root, and other root OpenAPI fields worth keeping (servers, externalDocs…). */
  extensions: Extensions;
}
