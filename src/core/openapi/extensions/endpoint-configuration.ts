import { isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { stringList } from '../json-access';

/**
 * `x-amazon-apigateway-endpoint-configuration`: turn off the default execute-api endpoint, and (private
 * REST APIs) the VPC endpoints to create Route 53 aliases for. At the root of a Swagger 2.0 document;
 * inside a Server Object in OpenAPI 3.0.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html
 */
export const endpointConfigurationKey = 'x-amazon-apigateway-endpoint-configuration';

export interface EndpointConfiguration {
  disableExecuteApiEndpoint: boolean;
  vpcEndpointIds: string[];
}

export function readEndpointConfiguration(value: JsonValue): EndpointConfiguration | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: EndpointConfiguration = { disableExecuteApiEndpoint: false, vpcEndpointIds: [] };
  for (const [key, item] of Object.entries(value)) {
    if (key === 'disableExecuteApiEndpoint' && typeof item === 'boolean') result.disableExecuteApiEndpoint = item;
    else if (key === 'vpcEndpointIds' && stringList(item)) result.vpcEndpointIds = stringList(item) as string[];
    else return undefined;
  }
  return result;
}

/** The object to write, or undefined when both settings are at their defaults. */
export function writeEndpointConfiguration(configuration: EndpointConfiguration): JsonObject | undefined {
  if (!configuration.disableExecuteApiEndpoint && configuration.vpcEndpointIds.length === 0) return undefined;
  const out: JsonObject = {};
  if (configuration.disableExecuteApiEndpoint) out.disableExecuteApiEndpoint = true;
  if (configuration.vpcEndpointIds.length > 0) out.vpcEndpointIds = [...configuration.vpcEndpointIds];
  return out;
}
