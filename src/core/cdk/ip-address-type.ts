import type { ApiSettings } from '../model';
import { type Code, raw } from './code';

/**
 * An HTTP or WebSocket API's `ipAddressType` (`apigwv2.IpAddressType`, aws-cdk-lib 2.189 and later), or
 * undefined for API Gateway's default, IPv4.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-ip-address-type.html
 */
export function v2IpAddressType(api: ApiSettings): Code | undefined {
  if (api.ipAddressType === undefined) return undefined;
  return raw(`apigwv2.IpAddressType.${api.ipAddressType === 'dualstack' ? 'DUAL_STACK' : 'IPV4'}`);
}
