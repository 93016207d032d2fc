import { type CorsConfiguration, isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { stringList } from '../json-access';

/**
 * `x-amazon-apigateway-cors` (HTTP APIs, root): API Gateway answers preflight requests itself and adds
 * the headers to responses. REST APIs do CORS with OPTIONS methods instead.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html
 */
export const corsKey = 'x-amazon-apigateway-cors';

const lists = ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders'] as const;

/** Reads the object (absent lists are empty, credentials default to false); undefined when a field has the wrong type. */
export function readCors(value: JsonValue): CorsConfiguration | undefined {
  if (!isJsonObject(value)) return undefined;
  const cors: CorsConfiguration = { allowOrigins: [], allowMethods: [], allowHeaders: [], exposeHeaders: [], allowCredentials: false };
  for (const [key, item] of Object.entries(value)) {
    if ((lists as readonly string[]).includes(key)) {
      const list = stringList(item);
      if (!list) return undefined;
      cors[key as (typeof lists)[number]] = list;
    } else if (key === 'allowCredentials' && typeof item === 'boolean') cors.allowCredentials = item;
    else if (key === 'maxAge' && typeof item === 'number' && Number.isInteger(item)) cors.maxAgeSeconds = item;
    else return undefined;
  }
  return cors;
}

/** Writes the object in the order of AWS's example, leaving out empty lists and a false `allowCredentials`. */
export function writeCors(cors: CorsConfiguration): JsonObject {
  const out: JsonObject = {};
  if (cors.allowOrigins.length > 0) out.allowOrigins = [...cors.allowOrigins];
  if (cors.allowCredentials) out.allowCredentials = true;
  if (cors.exposeHeaders.length > 0) out.exposeHeaders = [...cors.exposeHeaders];
  if (cors.maxAgeSeconds !== undefined) out.maxAge = cors.maxAgeSeconds;
  if (cors.allowMethods.length > 0) out.allowMethods = [...cors.allowMethods];
  if (cors.allowHeaders.length > 0) out.allowHeaders = [...cors.allowHeaders];
  return out;
}
