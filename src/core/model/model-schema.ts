import type { ModelId, RequestValidatorId } from './ids';
import type { Extensions, JsonObject } from './json';

/**
 * A model: a JSON Schema (draft 4) for a request or response body. References to other models are
 * written `{"$ref": "#/components/schemas/Name"}` inside `schema`; exporters rewrite them per version.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
 */
export interface Model {
  id: ModelId;
  /** Alphanumeric name, unique in the API. */
  name: string;
  /** @default 'application/json' */
  contentType: string;
  description?: string;
  schema: JsonObject;
}

/**
 * A request validator: which parts of a request API Gateway checks before calling the integration.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export interface RequestValidator {
  id: RequestValidatorId;
  name: string;
  validateRequestBody: boolean;
  validateRequestParameters: boolean;
}

/**
 * A customised gateway response (`x-amazon-apigateway-gateway-responses`), keyed by response type
 * such as `DEFAULT_4XX` or `UNAUTHORIZED`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export interface GatewayResponse {
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  extensions?: Extensions;
}

export const gatewayResponseTypes = [
  'ACCESS_DENIED',
  'API_CONFIGURATION_ERROR',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'AUTHORIZER_FAILURE',
  'BAD_REQUEST_PARAMETERS',
  'BAD_REQUEST_BODY',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'EXPIRED_TOKEN',
  'INTEGRATION_FAILURE',
  'INTEGRATION_TIMEOUT',
  'INVALID_API_KEY',
  'INVALID_SIGNATURE',
  'MISSING_AUTHENTICATION_TOKEN',
  'QUOTA_EXCEEDED',
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'THROTTLED',
  'UNAUTHORIZED',
  'UNSUPPORTED_MEDIA_TYPE',
  'WAF_FILTERED',
] as const;
