import {
  type ApiType,
  type Authorizer,
  allResourcePaths,
  type Design,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type Method,
  type Route,
  valuesOf,
} from '../../model';
import { canonicalJson, own, ownObject } from '../json-access';
import { resolvePointer } from '../resolve-refs';

/**
 * What protects each operation of an API, read straight from a document (not through the importer),
 * so that a test can compare an original document with Portico's export of it, and with the design
 * the import made. The reading is the one that never weakens security:
 * - security schemes wherever deployed documents keep them: `components.securitySchemes` and a root
 *   `securityDefinitions`, in either OpenAPI version (API Gateway reads both);
 * - an operation's `security` (an empty list means none), else the document-level `security` (OpenAPI's
 *   default; API Gateway's importer ignores it, which would leave the operation open), unless the
 *   operation states its authorization with `x-amazon-apigateway-auth`;
 * - `x-amazon-apigateway-auth: {type: AWS_IAM}` on an operation without an authorizer means IAM;
 * - a scheme with `x-amazon-apigateway-authorizer` means an authorizer of its type, one with
 *   `x-amazon-apigateway-authtype` `awsSigv4` (any `aws…`) IAM, another authtype without an authorizer
 *   nothing, a plain apiKey scheme the API key requirement (REST only; HTTP APIs have none), and SAM's
 *   `NONE` nothing;
 * - one authorizer per operation (the first requirement that names one), with the scopes written for it.
 */

export type AuthorizationType = 'NONE' | 'AWS_IAM' | 'CUSTOM' | 'COGNITO_USER_POOLS' | 'JWT';

export interface Protection {
  authorizationType: AuthorizationType;
  /** The authorizer API Gateway creates (Lambda, Cognito, JWT): its name, type and what it trusts. */
  authorizer?: { name: string; type: string; identity: Record<string, JsonValue> };
  scopes: string[];
  apiKeyRequired: boolean;
}

const verbKeys: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

const authorizationTypes: Record<string, AuthorizationType> = {
  token: 'CUSTOM',
  request: 'CUSTOM',
  cognito_user_pools: 'COGNITO_USER_POOLS',
  jwt: 'JWT',
};

type SchemeMeaning =
  | { kind: 'authorizer'; authorizationType: AuthorizationType; type: string; identity: Record<string, JsonValue> }
  | { kind: 'iam' }
  | { kind: 'apiKey' }
  | { kind: 'none' };

function follow(document: JsonObject, value: JsonValue | undefined): JsonValue | undefined {
  let current = value;
  for (let hops = 0; hops < 8 && isJsonObject(current) && typeof own(current, '$ref') === 'string'; hops += 1)
    current = resolvePointer(document, own(current, '$ref') as string);
  return current;
}

/** The identity an authorizer trusts: its Lambda function (URI), user pools, or JWT issuer and audience. */
function identityOf(authorizer: JsonObject): Record<string, JsonValue> {
  const identity: Record<string, JsonValue> = {};
  const uri = own(authorizer, 'authorizerUri');
  if (uri !== undefined) identity.authorizerUri = canonicalJson(uri);
  const pools = own(authorizer, 'providerARNs');
  if (pools !== undefined) identity.providerARNs = canonicalJson(pools);
  const jwt = ownObject(authorizer, 'jwtConfiguration');
  const issuer = jwt ? own(jwt, 'issuer') : undefined;
  if (issuer !== undefined) identity.issuer = canonicalJson(issuer);
  const audience = jwt ? own(jwt, 'audience') : undefined;
  if (Array.isArray(audience)) identity.audience = audience.map((item) => canonicalJson(item)).sort();
  return identity;
}

function schemeMeaning(scheme: JsonValue | undefined, apiType: ApiType): SchemeMeaning {
  if (!isJsonObject(scheme)) return { kind: 'none' };
  const authorizer = own(scheme, 'x-amazon-apigateway-authorizer');
  if (isJsonObject(authorizer)) {
    const type = String(own(authorizer, 'type') ?? '').toLowerCase();
    const authorizationType = authorizationTypes[type];
    return authorizationType ? { kind: 'authorizer', authorizationType, type, identity: identityOf(authorizer) } : { kind: 'none' };
  }
  const authtype = own(scheme, 'x-amazon-apigateway-authtype');
  if (typeof authtype === 'string') return authtype.toLowerCase().startsWith('aws') ? { kind: 'iam' } : { kind: 'none' };
  if (own(scheme, 'type') === 'apiKey' && apiType === 'REST') return { kind: 'apiKey' };
  return { kind: 'none' };
}

/** Every security scheme of a document by name (the version's own place first, as the importer reads them). */
function schemesOf(document: JsonObject): Map<string, JsonValue | undefined> {
  const components = ownObject(document, 'components');
  const places = [components ? ownObject(components, 'securitySchemes') : undefined, ownObject(document, 'securityDefinitions')];
  if (own(document, 'swagger') !== undefined) places.reverse();
  const schemes = new Map<string, JsonValue | undefined>();
  for (const place of places)
    for (const [name, scheme] of Object.entries(place ?? {})) if (!schemes.has(name)) schemes.set(name, follow(document, scheme));
  return schemes;
}

function protectionOf(
  requirement: JsonValue | undefined,
  auth: JsonValue | undefined,
  schemes: Map<string, JsonValue | undefined>,
  apiType: ApiType,
): Protection {
  const protection: Protection = { authorizationType: 'NONE', scopes: [], apiKeyRequired: false };
  for (const entry of Array.isArray(requirement) ? requirement : []) {
    if (!isJsonObject(entry)) continue;
    for (const [name, scopes] of Object.entries(entry)) {
      const meaning = schemeMeaning(schemes.get(name), apiType);
      if (meaning.kind === 'apiKey') protection.apiKeyRequired = true;
      if (protection.authorizationType !== 'NONE') continue;
      if (meaning.kind === 'iam') protection.authorizationType = 'AWS_IAM';
      else if (meaning.kind === 'authorizer') {
        protection.authorizationType = meaning.authorizationType;
        protection.authorizer = { name, type: meaning.type, identity: meaning.identity };
      } else continue;
      protection.scopes = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string').sort() : [];
    }
  }
  if (protection.authorizationType === 'NONE' && isJsonObject(auth) && String(own(auth, 'type')).toUpperCase() === 'AWS_IAM')
    protection.authorizationType = 'AWS_IAM';
  return protection;
}

/** The path as API Gateway takes it (leading "/", no trailing "/"), for keys. */
function normalisedPath(path: string): string {
  let result = path.startsWith('/') ? path : `/${path}`;
  if (result.length > 1) result = result.replace(/\/+$/, '') || '/';
  return result;
}

/** Each operation's protection by `VERB /path` (HTTP APIs' default route: `$default`). */
export function documentProtection(document: JsonObject, apiType: ApiType): Record<string, Protection> {
  const schemes = schemesOf(document);
  const documentRequirement = own(document, 'security');
  const result: Record<string, Protection> = {};
  const paths = ownObject(document, 'paths') ?? {};
  for (const [path, written] of Object.entries(paths)) {
    const item = follow(document, written);
    if (!isJsonObject(item)) continue;
    for (const [key, verb] of Object.entries(verbKeys)) {
      const operation = follow(document, own(item, key));
      if (!isJsonObject(operation)) continue;
      const auth = own(operation, 'x-amazon-apigateway-auth');
      // An operation that states its authorization with x-amazon-apigateway-auth does not take the document's.
      const requirement = own(operation, 'security') ?? (auth !== undefined ? [] : documentRequirement);
      const isDefault = apiType === 'HTTP' && (path === '$default' || path === '/$default' || own(operation, 'isDefaultRoute') === true);
      const name = isDefault ? '$default' : `${verb} ${normalisedPath(path)}`;
      result[name] = protectionOf(requirement, auth, schemes, apiType);
    }
  }
  return result;
}

const typeByKind: Record<Authorizer['kind'], string> = {
  LAMBDA_TOKEN: 'token',
  LAMBDA_REQUEST: 'request',
  COGNITO_USER_POOLS: 'cognito_user_pools',
  JWT: 'jwt',
  IAM: 'aws_iam',
};

/**
 * Each method's or route's protection as the design holds it, keyed like `documentProtection`; an
 * authorizer's identity is left empty (compare with `withoutIdentity` of a document's reading).
 */
export function designProtection(design: Design): Record<string, Protection> {
  const result: Record<string, Protection> = {};
  const read = (owner: Method | Route): Protection => {
    const authorizer = owner.authorizerId !== undefined ? design.authorizers[owner.authorizerId] : undefined;
    const protection: Protection = {
      authorizationType: 'NONE',
      scopes: [...owner.authorizationScopes].sort(),
      apiKeyRequired: owner.apiKeyRequired && design.api.type === 'REST',
    };
    if (!authorizer) {
      protection.scopes = [];
      return protection;
    }
    if (authorizer.kind === 'IAM') protection.authorizationType = 'AWS_IAM';
    else {
      protection.authorizationType = authorizationTypes[typeByKind[authorizer.kind]] as AuthorizationType;
      protection.authorizer = { name: authorizer.name, type: typeByKind[authorizer.kind], identity: {} };
    }
    return protection;
  };
  const paths = allResourcePaths(design);
  for (const method of valuesOf(design.methods) as Method[])
    result[`${method.httpMethod} ${paths.get(method.resourceId) ?? '/'}`] = read(method);
  for (const route of valuesOf(design.routes) as Route[]) result[route.routeKey] = read(route);
  return result;
}

/** The same reading without the authorizers' identities (what a design records of them is compared elsewhere). */
export function withoutIdentity(protections: Record<string, Protection>): Record<string, Protection> {
  const result: Record<string, Protection> = {};
  for (const [key, protection] of Object.entries(protections))
    result[key] = protection.authorizer ? { ...protection, authorizer: { ...protection.authorizer, identity: {} } } : protection;
  return result;
}
