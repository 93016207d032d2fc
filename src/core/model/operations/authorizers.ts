import type { ApiType } from '../api';
import type { Authorizer, AuthorizerKind } from '../authorizer';
import type { Design, Position } from '../design';
import { refuse } from '../errors';
import { type AuthorizerId, createId } from '../ids';
import { assertKeyName, mustGet, patchObject, trimmedName, without } from './helpers';

/** Why an authorizer kind cannot exist on an API type, or undefined when it can. */
export function authorizerKindProblem(kind: AuthorizerKind, apiType: ApiType): string | undefined {
  if (apiType === 'REST' && kind === 'JWT')
    return 'JWT authorizers exist only on HTTP APIs; on a REST API use a Cognito user pool authorizer or a Lambda authorizer.';
  if (apiType === 'HTTP' && kind === 'COGNITO_USER_POOLS')
    return 'HTTP APIs have no Cognito user pool authorizer; use a JWT authorizer with the user pool as issuer.';
  if (apiType !== 'REST' && kind === 'LAMBDA_TOKEN')
    return `Lambda TOKEN authorizers exist only on REST APIs; on ${apiType === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API use a Lambda REQUEST authorizer.`;
  if (apiType === 'WEBSOCKET' && (kind === 'JWT' || kind === 'COGNITO_USER_POOLS'))
    return 'WebSocket APIs accept only IAM and Lambda REQUEST authorizers.';
  return undefined;
}

/** Sensible starting values for a new authorizer of a kind on an API type. */
export function newAuthorizer(id: AuthorizerId, kind: AuthorizerKind, apiType: ApiType, name: string): Authorizer {
  const authorizer: Authorizer = { id, name, kind, providerArns: [], jwtAudience: [] };
  const header =
    apiType === 'REST'
      ? 'method.request.header.Authorization'
      : apiType === 'HTTP'
        ? '$request.header.Authorization'
        : 'route.request.header.Authorization';
  if (kind === 'COGNITO_USER_POOLS' || kind === 'LAMBDA_TOKEN' || kind === 'JWT') authorizer.identitySource = header;
  if (kind === 'LAMBDA_REQUEST') authorizer.identitySource = header;
  if (kind === 'LAMBDA_TOKEN' || kind === 'LAMBDA_REQUEST') {
    authorizer.functionArn = 'arn:aws:lambda:us-east-1:123456789012:function:authorizer';
    authorizer.resultTtlSeconds = 300;
  }
  if (kind === 'LAMBDA_REQUEST' && apiType === 'HTTP') {
    authorizer.payloadFormatVersion = '2.0';
    authorizer.enableSimpleResponses = true;
  }
  if (kind === 'COGNITO_USER_POOLS') authorizer.providerArns = ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_EXAMPLE'];
  if (kind === 'JWT') {
    authorizer.jwtIssuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE';
    authorizer.jwtAudience = ['example-client-id'];
  }
  return authorizer;
}

export interface AddAuthorizerArgs {
  kind: AuthorizerKind;
  name?: string;
  id?: AuthorizerId;
  position?: Position;
  /** Full authorizer, for importers and paste; `kind`/`name` are ignored when given. */
  authorizer?: Omit<Authorizer, 'id'>;
}

function assertFreeName(design: Design, name: string, ignoreId?: AuthorizerId): void {
  assertKeyName(name, 'An authorizer');
  for (const other of Object.values(design.authorizers))
    if (other.name === name && other.id !== ignoreId) refuse('duplicate', `An authorizer named "${name}" already exists.`);
}

function uniqueName(design: Design, base: string): string {
  const taken = new Set(Object.values(design.authorizers).map((authorizer) => authorizer.name));
  if (!taken.has(base)) return base;
  let index = 2;
  while (taken.has(`${base}${index}`)) index += 1;
  return `${base}${index}`;
}

const defaultNames: Record<AuthorizerKind, string> = {
  IAM: 'sigv4',
  COGNITO_USER_POOLS: 'CognitoAuthorizer',
  LAMBDA_TOKEN: 'TokenAuthorizer',
  LAMBDA_REQUEST: 'RequestAuthorizer',
  JWT: 'JwtAuthorizer',
};

export function addAuthorizer(design: Design, args: AddAuthorizerArgs): Design {
  const kind = args.authorizer?.kind ?? args.kind;
  const problem = authorizerKindProblem(kind, design.api.type);
  if (problem) refuse('wrong-api-type', problem);
  const id = args.id ?? createId('Authorizer');
  if (Object.hasOwn(design.authorizers, id)) refuse('duplicate', `An authorizer with id "${id}" already exists.`);
  const name = args.authorizer
    ? trimmedName(args.authorizer.name, 'An authorizer')
    : uniqueName(design, args.name?.trim() || defaultNames[kind]);
  assertFreeName(design, name);
  const authorizer: Authorizer = args.authorizer ? { ...args.authorizer, id, name } : newAuthorizer(id, kind, design.api.type, name);
  return {
    ...design,
    authorizers: { ...design.authorizers, [id]: authorizer },
    layout: args.position ? { ...design.layout, [id]: args.position } : design.layout,
  };
}

export type AuthorizerPatch = Partial<Omit<Authorizer, 'id'>>;

export function updateAuthorizer(design: Design, authorizerId: AuthorizerId, patch: AuthorizerPatch): Design {
  const authorizer = mustGet(design.authorizers, authorizerId, 'authorizer');
  if (patch.name !== undefined) {
    const name = trimmedName(patch.name, 'An authorizer');
    if (name !== authorizer.name) assertFreeName(design, name, authorizerId);
    patch = { ...patch, name };
  }
  if (patch.kind !== undefined && patch.kind !== authorizer.kind) {
    const problem = authorizerKindProblem(patch.kind, design.api.type);
    if (problem) refuse('wrong-api-type', problem);
  }
  if (
    patch.resultTtlSeconds !== undefined &&
    (!Number.isInteger(patch.resultTtlSeconds) || patch.resultTtlSeconds < 0 || patch.resultTtlSeconds > 3600)
  )
    refuse('invalid-value', 'The authorizer result TTL is a whole number of seconds from 0 to 3600.');
  const next = patchObject(authorizer, patch);
  if (next === authorizer) return design;
  return { ...design, authorizers: { ...design.authorizers, [authorizerId]: next } };
}

/** Deletes authorizers; the methods and routes they protected become open (and the rules will say so). */
export function deleteAuthorizers(design: Design, authorizerIds: Iterable<AuthorizerId>): Design {
  const ids = new Set<string>();
  for (const id of authorizerIds) {
    mustGet(design.authorizers, id, 'authorizer');
    ids.add(id);
  }
  if (ids.size === 0) return design;
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods))
    if (method.authorizerId && ids.has(method.authorizerId)) {
      const { authorizerId: _dropped, ...rest } = method;
      methods[method.id] = { ...rest, authorizationScopes: [] };
    }
  const routes = { ...design.routes };
  for (const route of Object.values(design.routes))
    if (route.authorizerId && ids.has(route.authorizerId)) {
      const { authorizerId: _dropped, ...rest } = route;
      routes[route.id] = { ...rest, authorizationScopes: [] };
    }
  return { ...design, methods, routes, authorizers: without(design.authorizers, ids), layout: without(design.layout, ids) };
}
