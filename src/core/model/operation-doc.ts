import type { ModelId } from './ids';
import type { Extensions, JsonObject } from './json';

/**
 * The documentation side of a method or route: what OpenAPI says about the request and responses.
 * For REST APIs this is also API Gateway's method request and method response (request parameters,
 * request models, response headers).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html
 */
export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  description?: string;
  /** JSON Schema of the value (`{type: 'string'}` when absent). */
  schema?: JsonObject;
  extensions?: Extensions;
}

/** A body for one content type: a named model, or a schema written in place. */
export interface BodyContent {
  modelId?: ModelId;
  schema?: JsonObject;
}

export interface RequestBody {
  description?: string;
  required: boolean;
  /** Content type → body. */
  content: Record<string, BodyContent>;
}

export interface ResponseHeader {
  description?: string;
  schema?: JsonObject;
}

/** A method response: a status code the method may answer with, its headers and bodies. */
export interface MethodResponse {
  statusCode: string;
  description?: string;
  headers: Record<string, ResponseHeader>;
  content: Record<string, BodyContent>;
}

export interface OperationDoc {
  /** `operationId`; API Gateway calls it the operation name. */
  operationName?: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated?: boolean;
  /**
   * Left out of the public OpenAPI (for portals, SDK generators and MCP clients): an operation for the
   * API's owners only (an admin or a health check). API Gateway still serves it; the AWS export keeps the
   * flag as `x-portico-internal`, which sets nothing in API Gateway (it configures the API from its own
   * `x-amazon-apigateway-*` extensions; see openapi/extensions/internal.ts).
   */
  internal?: boolean;
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: MethodResponse[];
}

export function emptyOperationDoc(): OperationDoc {
  return { tags: [], parameters: [], responses: [] };
}
