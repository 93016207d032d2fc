import type { Design } from '../design';
import { refuse } from '../errors';
import type { ResponseTransferMode } from '../integration';
import { mustGet } from './helpers';
import { type OperationOwnerId, updateBinding } from './wiring';

/**
 * Chooses how API Gateway returns one method's integration response: `STREAM` (as it arrives) or
 * `BUFFERED` (whole, the default); `undefined` clears the choice. Only REST APIs stream, and only
 * through proxy integrations (AWS_PROXY, HTTP_PROXY), so anything else is refused here; what a later
 * edit breaks (a proxy turned custom) the design rules point out.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
export function setResponseTransferMode(design: Design, ownerId: OperationOwnerId, mode: ResponseTransferMode | undefined): Design {
  const owner = Object.hasOwn(design.routes, ownerId)
    ? mustGet(design.routes, ownerId, 'route')
    : mustGet(design.methods, ownerId, 'method');
  if (mode !== undefined && design.api.type !== 'REST')
    refuse(
      'wrong-api-type',
      `Response streaming exists only on REST APIs; ${design.api.type === 'HTTP' ? 'HTTP' : 'WebSocket'} APIs always buffer the response.`,
    );
  const binding = owner.integration;
  if (!binding) refuse('not-found', 'Connect an integration first: the transfer mode is a setting of the integration.');
  if (mode === 'STREAM') {
    const target = mustGet(design.integrations, binding.integrationId, 'integration');
    if (target.kind === 'MOCK') refuse('not-allowed', 'A mock integration cannot stream: it answers from a mapping template.');
    if (!binding.proxy)
      refuse(
        'not-allowed',
        'Only proxy integrations (Lambda proxy, HTTP proxy, private HTTP proxy) can stream: turn on "Proxy integration" first.',
      );
  }
  return updateBinding(design, ownerId, { responseTransferMode: mode });
}
