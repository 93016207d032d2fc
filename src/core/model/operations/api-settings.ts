import { type ApiSettings, apiKeySources, endpointTypes } from '../api';
import type { Design } from '../design';
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
  const api = patchObject<ApiSettings>(design.api, patch);
  return api === design.api ? design : { ...design, api };
}
