import type { Design } from '../design';
import { refuse } from '../errors';
import { type AuthorizerId, type IntegrationId, idKindOf, type MethodId, type RouteId } from '../ids';
import { type IntegrationBinding, type IntegrationTarget, newBinding } from '../integration';
import type { Method } from '../method';
import type { MethodResponse } from '../operation-doc';
import type { Route } from '../route';
import { authorizerKindProblem } from './authorizers';
import { mustGet, patchObject } from './helpers';
import { integrationKindProblem } from './integrations';

/** A method (REST) or route (HTTP, WebSocket): the things that have an integration and an authorizer. */
export type OperationOwnerId = MethodId | RouteId;

function getOwner(design: Design, ownerId: OperationOwnerId): Method | Route {
  if (idKindOf(ownerId) === 'Route' || Object.hasOwn(design.routes, ownerId)) return mustGet(design.routes, ownerId, 'route');
  return mustGet(design.methods, ownerId, 'method');
}

function putOwner(design: Design, owner: Method | Route): Design {
  if ('routeKey' in owner) return { ...design, routes: { ...design.routes, [owner.id]: owner } };
  return { ...design, methods: { ...design.methods, [owner.id]: owner } };
}

/** Default per-method settings when a method is first wired to a target of a kind. */
export function defaultBinding(target: IntegrationTarget, apiType: Design['api']['type']): IntegrationBinding {
  if (apiType === 'HTTP') {
    const binding = newBinding(target.id, true);
    binding.payloadFormatVersion = target.kind === 'LAMBDA' ? '2.0' : '1.0';
    return binding;
  }
  switch (target.kind) {
    case 'LAMBDA':
    case 'HTTP':
    case 'VPC_LINK':
      return newBinding(target.id, true);
    case 'AWS_SERVICE': {
      const binding = newBinding(target.id, false);
      binding.responses = [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }];
      return binding;
    }
    case 'MOCK': {
      const binding = newBinding(target.id, false);
      binding.requestTemplates = { 'application/json': '{"statusCode": 200}' };
      binding.responses = [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }];
      binding.passthroughBehavior = 'WHEN_NO_MATCH';
      return binding;
    }
  }
}

function ensureResponse(responses: MethodResponse[], statusCode: string): MethodResponse[] {
  if (responses.some((response) => response.statusCode === statusCode)) return responses;
  return [...responses, { statusCode, description: 'OK', headers: {}, content: {} }];
}

/** Wires a method or route to an integration target (replacing any previous one). */
export function connectIntegration(design: Design, ownerId: OperationOwnerId, integrationId: IntegrationId): Design {
  const owner = getOwner(design, ownerId);
  const target = mustGet(design.integrations, integrationId, 'integration');
  const problem = integrationKindProblem(target.kind, design.api.type);
  if (problem) refuse('wrong-api-type', problem);
  if (owner.integration?.integrationId === integrationId) return design;
  const binding = defaultBinding(target, design.api.type);
  let responses = owner.responses;
  for (const response of binding.responses) responses = ensureResponse(responses, response.statusCode);
  return putOwner(design, { ...owner, integration: binding, responses });
}

export function disconnectIntegration(design: Design, ownerId: OperationOwnerId): Design {
  const owner = getOwner(design, ownerId);
  if (!owner.integration) return design;
  const { integration: _dropped, ...rest } = owner;
  return putOwner(design, rest as Method | Route);
}

/** Changes the per-method integration settings (proxy, timeout, mappings…). */
export function updateBinding(
  design: Design,
  ownerId: OperationOwnerId,
  patch: Partial<Omit<IntegrationBinding, 'integrationId'>>,
): Design {
  const owner = getOwner(design, ownerId);
  if (!owner.integration) refuse('not-found', 'Connect an integration first: this has no integration to configure.');
  if (patch.timeoutInMillis !== undefined && (!Number.isInteger(patch.timeoutInMillis) || patch.timeoutInMillis < 50))
    refuse('invalid-value', 'An integration timeout is a whole number of milliseconds, at least 50.');
  // HTTP APIs stop waiting at 30 s and WebSocket APIs at 29 s, whatever the integration says; REST
  // APIs default to 29 s but Regional and private ones may raise it, so no upper bound there.
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
  const maxTimeout = design.api.type === 'HTTP' ? 30_000 : design.api.type === 'WEBSOCKET' ? 29_000 : undefined;
  if (patch.timeoutInMillis !== undefined && maxTimeout !== undefined && patch.timeoutInMillis > maxTimeout)
    refuse('invalid-value', `An integration timeout on this API is at most ${maxTimeout.toLocaleString('en')} ms.`);
  if (design.api.type === 'HTTP' && patch.proxy === false)
    refuse('wrong-api-type', 'HTTP APIs support only proxy integrations (AWS_PROXY and HTTP_PROXY).');
  const next = patchObject<IntegrationBinding>(owner.integration, patch);
  if (next === owner.integration) return design;
  return putOwner(design, { ...owner, integration: next });
}

/** Protects a method or route with an authorizer. */
export function connectAuthorizer(design: Design, ownerId: OperationOwnerId, authorizerId: AuthorizerId): Design {
  const owner = getOwner(design, ownerId);
  const authorizer = mustGet(design.authorizers, authorizerId, 'authorizer');
  const problem = authorizerKindProblem(authorizer.kind, design.api.type);
  if (problem) refuse('wrong-api-type', problem);
  if ('routeKey' in owner && design.api.type === 'WEBSOCKET' && owner.routeKey !== '$connect')
    refuse('not-allowed', 'WebSocket APIs authorize a client once, on the $connect route: connect the authorizer to $connect.');
  if (owner.authorizerId === authorizerId) return design;
  return putOwner(design, { ...owner, authorizerId, authorizationScopes: [] });
}

export function disconnectAuthorizer(design: Design, ownerId: OperationOwnerId): Design {
  const owner = getOwner(design, ownerId);
  if (!owner.authorizerId) return design;
  const { authorizerId: _dropped, ...rest } = owner;
  return putOwner(design, { ...rest, authorizationScopes: [] } as Method | Route);
}
