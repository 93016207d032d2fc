import type { ApiType } from '../api';
import {
  type Authorizer,
  type AuthorizerKind,
  type JwtAdditionalClaim,
  type JwtIssuer,
  jwtAlgorithms,
  jwtClaimFormat,
  jwtIssuerProblem,
  reservedJwtClaims,
} from '../authorizer';
import type { Design, Position } from '../design';
import { refuse } from '../errors';
import { type AuthorizerId, createId } from '../ids';
import { assertKeyName, mustGet, patchObject, samePlainValue, trimmedName, without } from './helpers';

/** Why an authorizer kind cannot exist on an API type, or undefined when it can. */
export function authorizerKindProblem(kind: AuthorizerKind, apiType: ApiType): string | undefined {
  if (apiType === 'HTTP' && kind === 'COGNITO_USER_POOLS')
    return 'HTTP APIs have no Cognito user pool authorizer; use a JWT authorizer with the user pool as issuer.';
  if (apiType !== 'REST' && kind === 'LAMBDA_TOKEN')
    return `Lambda TOKEN authorizers exist only on REST APIs; on ${apiType === 'HTTP' ? 'an HTTP' : 'a WebSocket'} API use a Lambda REQUEST authorizer.`;
  if (apiType === 'WEBSOCKET' && (kind === 'JWT' || kind === 'COGNITO_USER_POOLS'))
    return 'WebSocket APIs accept only IAM and Lambda REQUEST authorizers.';
  return undefined;
}

const exampleIssuer = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE';

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
  if (kind === 'JWT' && apiType === 'REST') {
    // Cognito user pools, the most common issuer, sign with RS256.
    authorizer.jwtIssuers = [{ issuer: exampleIssuer, audiences: ['example-client-id'], additionalClaims: [] }];
    authorizer.jwtAlgorithms = ['RS256'];
  } else if (kind === 'JWT') {
    authorizer.jwtIssuer = exampleIssuer;
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
  if (patch.jwtIssuers !== undefined || patch.jwtAlgorithms !== undefined) assertRestJwt(design, { ...authorizer, ...patch });
  if (patch.jwtAlgorithms !== undefined && !samePlainValue(patch.jwtAlgorithms, authorizer.jwtAlgorithms))
    assertJwtAlgorithms(authorizer.jwtAlgorithms ?? [], patch.jwtAlgorithms);
  if (patch.jwtIssuers !== undefined) assertJwtIssuers(authorizer.jwtIssuers ?? [], patch.jwtIssuers);
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

/**
 * Issuers, audiences, additional claims and algorithms belong to a REST API's JWT authorizer; an HTTP
 * API's trusts one issuer (`jwtIssuer`/`jwtAudience`) and has no such lists.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
function assertRestJwt(design: Design, authorizer: Pick<Authorizer, 'kind' | 'name'>): void {
  if (authorizer.kind !== 'JWT')
    refuse('invalid-value', `Authorizer "${authorizer.name}" is not a JWT authorizer: only those trust issuers.`);
  if (design.api.type !== 'REST')
    refuse(
      'wrong-api-type',
      "An HTTP API's JWT authorizer trusts one issuer, set as its issuer URL and audience; several issuers, additional claims and signing algorithms exist on REST APIs.",
    );
}

/**
 * At least one algorithm (`DefaultAlgorithms` is required), each once, and only those API Gateway
 * accepts among the ones an edit adds (an imported unknown one is left to the rules).
 */
function assertJwtAlgorithms(previous: readonly string[], algorithms: readonly string[]): void {
  if (algorithms.length === 0)
    refuse(
      'invalid-value',
      'A JWT authorizer accepts at least one signing algorithm: keep the one your identity provider signs with (often RS256).',
    );
  for (const algorithm of algorithms)
    if (!previous.includes(algorithm) && !(jwtAlgorithms as readonly string[]).includes(algorithm))
      refuse('invalid-value', `"${algorithm}" is not a signing algorithm API Gateway accepts: choose from ${jwtAlgorithms.join(', ')}.`);
  if (new Set(algorithms).size !== algorithms.length) refuse('duplicate', 'Each signing algorithm is listed once.');
}

function assertJwtClaim(claim: JwtAdditionalClaim, issuer: JwtIssuer, index: number, before: JwtAdditionalClaim | undefined): void {
  if (!before || before.claimName !== claim.claimName) {
    if (claim.claimName.trim() === '')
      refuse('invalid-value', 'A claim needs a name: enter the claim the tokens must carry, e.g. tenant_id.');
    if (claim.claimName !== claim.claimName.trim())
      refuse('invalid-value', `The claim name "${claim.claimName}" has spaces around it: remove them.`);
    if (reservedJwtClaims.includes(claim.claimName))
      refuse(
        'invalid-value',
        `API Gateway checks the claim "${claim.claimName}" itself (${reservedJwtClaims.join(', ')} are reserved): name another claim, and set audiences or method scopes instead.`,
      );
    if (issuer.additionalClaims.some((other, otherIndex) => otherIndex !== index && other.claimName === claim.claimName))
      refuse('duplicate', `Issuer ${issuer.issuer} already checks the claim "${claim.claimName}": list its accepted values on that claim.`);
  }
  if ((!before || before.format !== claim.format) && claim.format !== jwtClaimFormat)
    refuse('invalid-value', `The claim format "${claim.format}" is not one API Gateway accepts: use ${jwtClaimFormat}.`);
  if ((!before || !samePlainValue(before.expectedValues, claim.expectedValues)) && claim.expectedValues.some((value) => value === ''))
    refuse(
      'invalid-value',
      `An accepted value of the claim "${claim.claimName}" is empty: remove it (no values means any value is accepted).`,
    );
}

/**
 * Checks what an edit adds or changes in the issuer list: a valid and unique issuer URL, at least one
 * non-empty audience, valid additional claims. What was already there (an import may carry anything) is
 * left to the rules, so editing one field never fails because of another.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_JwtIssuerInput.html
 */
function assertJwtIssuers(previous: readonly JwtIssuer[], next: readonly JwtIssuer[]): void {
  next.forEach((entry, index) => {
    const before = previous[index];
    if (before && samePlainValue(before, entry)) return;
    if (!before || before.issuer !== entry.issuer) {
      const problem = jwtIssuerProblem(entry.issuer);
      if (problem) refuse('invalid-value', problem);
      if (next.some((other, otherIndex) => otherIndex !== index && other.issuer === entry.issuer))
        refuse(
          'duplicate',
          `The authorizer already trusts ${entry.issuer}: list each issuer once, with all the audiences you accept from it.`,
        );
    }
    if (!before || !samePlainValue(before.audiences, entry.audiences)) {
      if (entry.audiences.length === 0)
        refuse(
          'invalid-value',
          `Issuer ${entry.issuer} needs at least one audience: enter the client id or API identifier its tokens carry in aud.`,
        );
      if (entry.audiences.some((audience) => audience.trim() === ''))
        refuse('invalid-value', `An audience of issuer ${entry.issuer} is empty: remove it or enter the value the tokens carry in aud.`);
    }
    entry.additionalClaims.forEach((claim, claimIndex) => {
      const beforeClaim = before?.additionalClaims[claimIndex];
      if (!beforeClaim || !samePlainValue(beforeClaim, claim)) assertJwtClaim(claim, entry, claimIndex, beforeClaim);
    });
  });
}

function restJwt(design: Design, authorizerId: AuthorizerId): Authorizer {
  const authorizer = mustGet(design.authorizers, authorizerId, 'authorizer');
  assertRestJwt(design, authorizer);
  return authorizer;
}

function issuerAt(authorizer: Authorizer, index: number): JwtIssuer {
  const issuer = authorizer.jwtIssuers?.[index];
  if (!issuer) refuse('not-found', `Authorizer "${authorizer.name}" has no issuer number ${index + 1}.`);
  return issuer;
}

/** Sets the issuer list without checks: for removals, which add nothing to check. */
function putIssuers(design: Design, authorizer: Authorizer, jwtIssuers: JwtIssuer[]): Design {
  return { ...design, authorizers: { ...design.authorizers, [authorizer.id]: { ...authorizer, jwtIssuers } } };
}

/** Trusts one more issuer (REST JWT authorizer), with the audiences accepted from it. */
export function addJwtIssuer(design: Design, authorizerId: AuthorizerId, issuer: string, audiences: string[]): Design {
  const authorizer = restJwt(design, authorizerId);
  const entry: JwtIssuer = { issuer: issuer.trim(), audiences: audiences.map((audience) => audience.trim()), additionalClaims: [] };
  return updateAuthorizer(design, authorizerId, { jwtIssuers: [...(authorizer.jwtIssuers ?? []), entry] });
}

/** Changes one issuer's URL, audiences or claims. */
export function updateJwtIssuer(design: Design, authorizerId: AuthorizerId, index: number, patch: Partial<JwtIssuer>): Design {
  const authorizer = restJwt(design, authorizerId);
  const current = issuerAt(authorizer, index);
  const next = patchObject(current, patch);
  if (next === current) return design;
  const jwtIssuers = [...(authorizer.jwtIssuers ?? [])];
  jwtIssuers[index] = next;
  return updateAuthorizer(design, authorizerId, { jwtIssuers });
}

/** Stops trusting an issuer; removing the last one leaves the authorizer incomplete (the rules say so). */
export function removeJwtIssuer(design: Design, authorizerId: AuthorizerId, index: number): Design {
  const authorizer = restJwt(design, authorizerId);
  issuerAt(authorizer, index);
  return putIssuers(
    design,
    authorizer,
    (authorizer.jwtIssuers ?? []).filter((_, other) => other !== index),
  );
}

/** Requires a claim in the tokens of one issuer; with no accepted values it must only be present. */
export function addJwtClaim(
  design: Design,
  authorizerId: AuthorizerId,
  issuerIndex: number,
  claim: Pick<JwtAdditionalClaim, 'claimName'> & Partial<JwtAdditionalClaim>,
): Design {
  const authorizer = restJwt(design, authorizerId);
  const issuer = issuerAt(authorizer, issuerIndex);
  const entry: JwtAdditionalClaim = {
    claimName: claim.claimName.trim(),
    format: claim.format ?? jwtClaimFormat,
    required: claim.required ?? true,
    expectedValues: claim.expectedValues ?? [],
  };
  return updateJwtIssuer(design, authorizerId, issuerIndex, { additionalClaims: [...issuer.additionalClaims, entry] });
}

export function updateJwtClaim(
  design: Design,
  authorizerId: AuthorizerId,
  issuerIndex: number,
  claimIndex: number,
  patch: Partial<JwtAdditionalClaim>,
): Design {
  const authorizer = restJwt(design, authorizerId);
  const issuer = issuerAt(authorizer, issuerIndex);
  const current = issuer.additionalClaims[claimIndex];
  if (!current) refuse('not-found', `Issuer ${issuer.issuer} has no claim number ${claimIndex + 1}.`);
  const next = patchObject(current, patch);
  if (next === current) return design;
  const additionalClaims = [...issuer.additionalClaims];
  additionalClaims[claimIndex] = next;
  return updateJwtIssuer(design, authorizerId, issuerIndex, { additionalClaims });
}

export function removeJwtClaim(design: Design, authorizerId: AuthorizerId, issuerIndex: number, claimIndex: number): Design {
  const authorizer = restJwt(design, authorizerId);
  const issuer = issuerAt(authorizer, issuerIndex);
  if (!issuer.additionalClaims[claimIndex]) refuse('not-found', `Issuer ${issuer.issuer} has no claim number ${claimIndex + 1}.`);
  const jwtIssuers = [...(authorizer.jwtIssuers ?? [])];
  jwtIssuers[issuerIndex] = { ...issuer, additionalClaims: issuer.additionalClaims.filter((_, other) => other !== claimIndex) };
  return putIssuers(design, authorizer, jwtIssuers);
}

/** Accepts or stops accepting one signing algorithm, keeping API Gateway's order (RS before ES). */
export function setJwtAlgorithm(design: Design, authorizerId: AuthorizerId, algorithm: string, accepted: boolean): Design {
  const authorizer = restJwt(design, authorizerId);
  const current = authorizer.jwtAlgorithms ?? [];
  if (accepted === current.includes(algorithm)) return design;
  const chosen = accepted ? [...current, algorithm] : current.filter((other) => other !== algorithm);
  const order = (value: string) => {
    const index = (jwtAlgorithms as readonly string[]).indexOf(value);
    return index === -1 ? jwtAlgorithms.length : index;
  };
  return updateAuthorizer(design, authorizerId, { jwtAlgorithms: [...chosen].sort((a, b) => order(a) - order(b)) });
}

/**
 * The header a REST JWT authorizer reads the token from (its identity source, `method.request.header.{name}`).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
export function setJwtTokenHeader(design: Design, authorizerId: AuthorizerId, header: string): Design {
  restJwt(design, authorizerId);
  const name = header.trim();
  if (name === '') refuse('invalid-value', 'Enter the header that carries the token, e.g. Authorization.');
  // HTTP header names are RFC 9110 tokens.
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name))
    refuse('invalid-value', `"${name}" is not a header name: use letters, digits and dashes, e.g. Authorization or X-Access-Token.`);
  return updateAuthorizer(design, authorizerId, { identitySource: `method.request.header.${name}` });
}
