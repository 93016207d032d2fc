import { type ApiSettings, apiKeySources, endpointTypes } from '../api';
import type { Design } from '../design';
import {
  edgeSecurityPolicies,
  isEndpointAccessMode,
  isEnhancedPolicy,
  isIpAddressType,
  isSecurityPolicy,
  policyFitsEndpointType,
  regionalSecurityPolicies,
} from '../endpoint-settings';
import { refuse } from '../errors';
import { patchObject, trimmedName } from './helpers';
import { assertNumber } from './stages';

export type ApiPatch = Partial<Omit<ApiSettings, 'type'>>;

/** Changes the API's own settings (name, endpoint type, binary media types…). */
export function updateApi(design: Design, patch: ApiPatch): Design {
  if (patch.name !== undefined) patch = { ...patch, name: trimmedName(patch.name, 'The API') };
  if (patch.endpointType !== undefined && !endpointTypes.includes(patch.endpointType))
    refuse('invalid-value', 'The endpoint type is EDGE, REGIONAL or PRIVATE.');
  if (patch.endpointType !== undefined && patch.endpointType !== 'REGIONAL' && design.api.type !== 'REST')
    refuse(
      'wrong-api-type',
      `${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs are always regional: edge-optimized and private endpoints exist only for REST APIs.`,
    );
  if (patch.apiKeySource !== undefined && !apiKeySources.includes(patch.apiKeySource))
    refuse('invalid-value', 'The API key source is HEADER or AUTHORIZER.');
  assertNumber(patch.minimumCompressionSize, 'The minimum compression size (bytes)', 0, 10_485_760, true);
  if (patch.binaryMediaTypes)
    for (const type of patch.binaryMediaTypes)
      if (!/^[\w.+*-]+\/[\w.+*-]+$/.test(type)) refuse('invalid-value', `"${type}" is not a media type such as image/png or */*.`);
  if (patch.defaultRequestValidatorId !== undefined && !Object.hasOwn(design.requestValidators, patch.defaultRequestValidatorId))
    refuse('not-found', "The default request validator must be one of the API's validators.");
  patch = endpointPatch(design, patch);
  const api = patchObject<ApiSettings>(design.api, patch);
  return api === design.api ? design : { ...design, api };
}

const endpointNames = { EDGE: 'an edge-optimized', REGIONAL: 'a Regional', PRIVATE: 'a private' } as const;

/**
 * The IP address type, TLS security policy and endpoint access mode, checked together with the endpoint
 * type they depend on; returns the patch with what API Gateway itself changes alongside.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-ip-address-type.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
 */
function endpointPatch(design: Design, patch: ApiPatch): ApiPatch {
  const current = design.api;
  const isRest = current.type === 'REST';
  const endpointType = patch.endpointType ?? current.endpointType;
  const setsIpAddressType = Object.hasOwn(patch, 'ipAddressType');
  if (patch.ipAddressType !== undefined && !isIpAddressType(patch.ipAddressType))
    refuse('invalid-value', 'The IP address type is ipv4 (IPv4 only) or dualstack (IPv4 and IPv6).');
  if (isRest && endpointType === 'PRIVATE') {
    if (setsIpAddressType && patch.ipAddressType !== 'dualstack')
      refuse('not-allowed', 'A private API can only be dual-stack: API Gateway gives private APIs the dualstack IP address type.');
    // API Gateway makes an API dualstack when its endpoint becomes private (DG api-gateway-ip-address-type).
    // Leaving private keeps dualstack: AWS requires it during that migration; IPv4 can be chosen afterwards.
    if (current.endpointType !== 'PRIVATE' && !setsIpAddressType) patch = { ...patch, ipAddressType: 'dualstack' };
  }

  const setsPolicy = Object.hasOwn(patch, 'securityPolicy');
  const policy = setsPolicy ? patch.securityPolicy : current.securityPolicy;
  if (setsPolicy && policy !== undefined) {
    if (!isRest)
      refuse(
        'wrong-api-type',
        `Only REST APIs have a TLS security policy of their own: ${current.type === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API takes the one of its custom domain name.`,
      );
    if (!isSecurityPolicy(policy))
      refuse('invalid-value', `"${policy}" is not an API Gateway security policy: choose TLS_1_0, TLS_1_2 or a SecurityPolicy_… name.`);
  }
  if (isRest && policy !== undefined && (setsPolicy || patch.endpointType !== undefined) && isSecurityPolicy(policy)) {
    if (!policyFitsEndpointType(policy, endpointType)) {
      const fits = endpointType === 'EDGE' ? edgeSecurityPolicies : regionalSecurityPolicies;
      refuse(
        'not-allowed',
        setsPolicy
          ? `${policy} is not a policy for ${endpointNames[endpointType]} API, which takes TLS_1_0, TLS_1_2 or ${fits.join(', ')}.`
          : `The TLS security policy ${policy} is not one ${endpointNames[endpointType]} API takes: choose TLS_1_2 (or no policy) first, then a policy for the new endpoint type.`,
      );
    }
  }

  const setsMode = Object.hasOwn(patch, 'endpointAccessMode');
  if (setsMode && patch.endpointAccessMode !== undefined) {
    if (!isEndpointAccessMode(patch.endpointAccessMode)) refuse('invalid-value', 'The endpoint access mode is STRICT or BASIC.');
    if (!isEnhancedPolicy(policy))
      refuse(
        'not-allowed',
        'An endpoint access mode goes with an enhanced security policy (a SecurityPolicy_… name); TLS_1_0 and TLS_1_2 take none.',
      );
  }
  // A legacy policy (or none) has no access mode: choosing one drops the mode rather than keep a setting that means nothing.
  if (setsPolicy && !isEnhancedPolicy(policy) && !setsMode && current.endpointAccessMode !== undefined)
    patch = { ...patch, endpointAccessMode: undefined };
  return patch;
}
