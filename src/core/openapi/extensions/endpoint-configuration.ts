import {
  type Intrinsic,
  type IpAddressType,
  isIntrinsic,
  isIpAddressType,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type TextOrIntrinsic,
} from '../../model';
import { cloneJson } from '../json-access';

/**
 * `x-amazon-apigateway-endpoint-configuration`: turn off the default execute-api endpoint, (private
 * REST APIs) the VPC endpoints to create Route 53 aliases for, and (HTTP APIs only) the IP address type.
 * At the root of a Swagger 2.0 document; inside a Server Object in OpenAPI 3.0.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html
 */
export const endpointConfigurationKey = 'x-amazon-apigateway-endpoint-configuration';

export interface EndpointConfiguration {
  /** A flag, or a CloudFormation expression (`!Ref DisableDefaultEndpoint`) of an API deployed by a template. */
  disableExecuteApiEndpoint: boolean | Intrinsic;
  /** Ids, or CloudFormation expressions (`!Ref Endpoint`) of private APIs deployed by a template. */
  vpcEndpointIds: TextOrIntrinsic[];
  /**
   * `ipv4` or `dualstack`, or a CloudFormation expression (`!Ref IpAddressType`). AWS reads it for HTTP APIs
   * only: a REST API's IP address type cannot come from an OpenAPI file (DG api-gateway-ip-address-type),
   * so the exporter passes it for HTTP APIs alone.
   */
  ipAddressType?: IpAddressType | Intrinsic;
}

/** A list of ids, each text or one CloudFormation expression; undefined for anything else. */
function idList(value: JsonValue): TextOrIntrinsic[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids: TextOrIntrinsic[] = [];
  for (const item of value) {
    if (typeof item === 'string') ids.push(item);
    else if (isIntrinsic(item)) ids.push(cloneJson(item));
    else return undefined;
  }
  return ids;
}

export function readEndpointConfiguration(value: JsonValue): EndpointConfiguration | undefined {
  if (!isJsonObject(value)) return undefined;
  const result: EndpointConfiguration = { disableExecuteApiEndpoint: false, vpcEndpointIds: [] };
  for (const [key, item] of Object.entries(value)) {
    if (key === 'disableExecuteApiEndpoint' && (typeof item === 'boolean' || isIntrinsic(item)))
      result.disableExecuteApiEndpoint = cloneJson(item);
    else if (key === 'vpcEndpointIds' && idList(item)) result.vpcEndpointIds = idList(item) as TextOrIntrinsic[];
    else if (key === 'ipAddressType' && (isIpAddressType(item) || isIntrinsic(item))) result.ipAddressType = cloneJson(item);
    else return undefined;
  }
  return result;
}

/** The object to write, or undefined when every setting is at its default. */
export function writeEndpointConfiguration(configuration: EndpointConfiguration): JsonObject | undefined {
  if (
    configuration.disableExecuteApiEndpoint === false &&
    configuration.vpcEndpointIds.length === 0 &&
    configuration.ipAddressType === undefined
  )
    return undefined;
  const out: JsonObject = {};
  if (configuration.disableExecuteApiEndpoint !== false) out.disableExecuteApiEndpoint = cloneJson(configuration.disableExecuteApiEndpoint);
  if (configuration.vpcEndpointIds.length > 0) out.vpcEndpointIds = cloneJson(configuration.vpcEndpointIds);
  if (configuration.ipAddressType !== undefined) out.ipAddressType = cloneJson(configuration.ipAddressType);
  return out;
}
