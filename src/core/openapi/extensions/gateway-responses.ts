import { type GatewayResponse, isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { cloneJson, setOwn, stringRecord } from '../json-access';

/**
 * `x-amazon-apigateway-gateway-responses` (REST, document root): the answers API Gateway itself sends
 * (401 from an authorizer, 429 when throttled…), keyed by response type.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
 */
export const gatewayResponsesKey = 'x-amazon-apigateway-gateway-responses';

/** Reads the map; undefined when it is not a map of objects (then it is kept as written). */
export function readGatewayResponses(value: JsonValue): Record<string, GatewayResponse> | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: Record<string, GatewayResponse> = {};
  for (const [type, raw] of Object.entries(value)) {
    if (!isJsonObject(raw)) return undefined;
    const response: GatewayResponse = { responseParameters: {}, responseTemplates: {} };
    const extensions: JsonObject = {};
    for (const [key, item] of Object.entries(raw)) {
      if (key === 'statusCode' && (typeof item === 'string' || (typeof item === 'number' && Number.isInteger(item))))
        // YAML writes an unquoted 400 as a number; API Gateway's field is a string.
        response.statusCode = String(item);
      else if (key === 'responseParameters' && stringRecord(item))
        response.responseParameters = stringRecord(item) as Record<string, string>;
      else if (key === 'responseTemplates' && stringRecord(item)) response.responseTemplates = stringRecord(item) as Record<string, string>;
      else setOwn(extensions, key, cloneJson(item));
    }
    if (Object.keys(extensions).length > 0) response.extensions = extensions;
    result[type] = response;
  }
  return result;
}

export function writeGatewayResponses(responses: Record<string, GatewayResponse>): JsonObject {
  const out: JsonObject = {};
  for (const [type, response] of Object.entries(responses)) {
    const item: JsonObject = {};
    if (response.statusCode !== undefined) item.statusCode = response.statusCode;
    if (Object.keys(response.responseParameters).length > 0) item.responseParameters = { ...response.responseParameters };
    if (Object.keys(response.responseTemplates).length > 0) item.responseTemplates = { ...response.responseTemplates };
    for (const [key, value] of Object.entries(response.extensions ?? {}))
      if (!Object.hasOwn(item, key)) setOwn(item, key, cloneJson(value));
    setOwn(out, type, item);
  }
  return out;
}
