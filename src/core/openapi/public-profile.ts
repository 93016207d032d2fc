import { type Design, isJsonObject, type JsonObject, type JsonValue } from '../model';
import { internalKey } from './extensions/internal';
import { cloneJson, isExtensionKey, own, setOwn } from './json-access';
import { publicServers } from './public-servers';
import { isLocalRef } from './resolve-refs';
import type { OpenApiVersion } from './types';

/**
 * Which document an export is: `aws`, the design as API Gateway imports it (every `x-amazon-apigateway-*`
 * extension, backend ARNs, stage variables); or `public`, the same API as its callers see it, for developer
 * portals, SDK generators and MCP clients.
 */
export const exportProfiles = ['aws', 'public'] as const;
export type ExportProfile = (typeof exportProfiles)[number];

/** API Gateway's extensions, and Portico's own marks: for the gateway and the designer, not for callers. */
const gatewayPrefixes = ['x-amazon-apigateway-', 'x-portico-'];
const anyMethodKey = 'x-amazon-apigateway-any-method';
const operationKeys = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', anyMethodKey]);
const authtypeKey = 'x-amazon-apigateway-authtype';
const authKey = 'x-amazon-apigateway-auth';
const authorizerKey = 'x-amazon-apigateway-authorizer';
const tagValueKey = 'x-amazon-apigateway-tag-value';

/** What gives a backend away: an ARN, or a stage variable reference (both are for API Gateway's eyes only). */
const backendDetail = /arn:aws|\$\{stageVariables\.|\$stageVariables\./;

const isGatewayKey = (key: string) => gatewayPrefixes.some((prefix) => key.startsWith(prefix));

function holdsBackendDetail(value: JsonValue): boolean {
  if (typeof value === 'string') return backendDetail.test(value);
  if (Array.isArray(value)) return value.some(holdsBackendDetail);
  if (isJsonObject(value)) return Object.keys(value).some((key) => holdsBackendDetail(own(value, key) as JsonValue));
  return false;
}

/** What callers are told about how an authorizer wants to be called (its AWS authtype said it to API Gateway). */
const schemeDescriptions: Record<string, string> = {
  awsSigv4: 'AWS Signature Version 4 (IAM): sign each request with AWS credentials.',
  cognito_user_pools: 'An Amazon Cognito user pool token.',
  custom: 'A token checked by the API’s Lambda authorizer.',
};

/** The local `$ref`s in a value, as JSON pointers. */
function refsIn(value: JsonValue, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (isJsonObject(value))
    for (const key of Object.keys(value)) {
      const item = own(value, key) as JsonValue;
      if (key === '$ref' && typeof item === 'string' && isLocalRef(item)) found.add(item);
      else refsIn(item, found);
    }
}

/** Schema names a document reaches from everywhere but its schema definitions, and on through them. */
function reachableSchemas(document: JsonObject, schemas: JsonObject, prefix: string): Set<string> {
  const outside: JsonObject = {};
  for (const key of Object.keys(document))
    if (key !== 'components' && key !== 'definitions') setOwn(outside, key, own(document, key) as JsonValue);
  const components = own(document, 'components');
  if (isJsonObject(components))
    for (const key of Object.keys(components))
      if (key !== 'schemas') setOwn(outside, `components.${key}`, own(components, key) as JsonValue);
  const refs = new Set<string>();
  refsIn(outside, refs);
  const reached = new Set<string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const ref = queue.pop() as string;
    if (!ref.startsWith(prefix)) continue;
    const name = ref.slice(prefix.length).replace(/~1/g, '/').replace(/~0/g, '~');
    if (reached.has(name) || !Object.hasOwn(schemas, name)) continue;
    reached.add(name);
    const more = new Set<string>();
    refsIn(own(schemas, name) as JsonValue, more);
    queue.push(...more);
  }
  return reached;
}

/** Security scheme names the requirements of the document name, each with whether one asks for scopes. */
function requiredSchemes(document: JsonObject): Map<string, boolean> {
  const names = new Map<string, boolean>();
  const add = (security: JsonValue | undefined) => {
    if (!Array.isArray(security)) return;
    for (const requirement of security)
      if (isJsonObject(requirement))
        for (const [name, scopes] of Object.entries(requirement))
          names.set(name, names.get(name) === true || (Array.isArray(scopes) && scopes.length > 0));
  };
  add(own(document, 'security'));
  const paths = own(document, 'paths');
  if (isJsonObject(paths))
    for (const item of Object.values(paths))
      if (isJsonObject(item)) for (const operation of Object.values(item)) if (isJsonObject(operation)) add(own(operation, 'security'));
  return names;
}

interface Removal {
  internal: string[];
  anyMethods: string[];
  defaultRoute: boolean;
  emptyPaths: number;
  iamOperations: JsonObject[];
}

/** Leaves out internal operations, ANY methods and HTTP APIs' $default route, and path items left empty. */
function publicPaths(paths: JsonObject, removal: Removal): void {
  for (const path of Object.keys(paths)) {
    const item = own(paths, path);
    if (!isJsonObject(item)) continue;
    if (path === '/$default') {
      delete paths[path];
      removal.defaultRoute = true;
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!operationKeys.has(key)) continue;
      const operation = own(item, key);
      const label = `${key === anyMethodKey ? 'ANY' : key.toUpperCase()} ${path}`;
      if (isJsonObject(operation) && own(operation, internalKey) === true) {
        delete item[key];
        removal.internal.push(label);
      } else if (key === anyMethodKey) {
        delete item[key];
        removal.anyMethods.push(label);
      } else if (isJsonObject(operation)) {
        delete operation.isDefaultRoute;
        const auth = own(operation, authKey);
        if (own(operation, 'security') === undefined && isJsonObject(auth) && own(auth, 'type') === 'AWS_IAM')
          removal.iamOperations.push(operation);
      }
    }
    if (!Object.keys(item).some((key) => operationKeys.has(key))) {
      delete paths[path];
      removal.emptyPaths += 1;
    }
  }
}

/**
 * Every `x-amazon-apigateway-*` and `x-portico-*` key, at any depth, and every other `x-` key whose value
 * names an ARN or a stage variable; text outside extensions that names one is reported (it is the
 * designer's own wording, not Portico's to rewrite).
 */
function stripGatewayDetail(value: JsonValue, dropped: Set<string>, leaks: Set<string>, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      stripGatewayDetail(item, dropped, leaks, `${path}/${index}`);
    });
    return;
  }
  if (!isJsonObject(value)) {
    if (typeof value === 'string' && backendDetail.test(value)) leaks.add(path);
    return;
  }
  for (const key of Object.keys(value)) {
    const item = own(value, key) as JsonValue;
    if (isGatewayKey(key)) delete value[key];
    else if (isExtensionKey(key) && holdsBackendDetail(item)) {
      delete value[key];
      dropped.add(key);
    } else stripGatewayDetail(item, dropped, leaks, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

/** A security scheme as callers read it: what its AWS authtype meant, and an HTTP API JWT authorizer as a bearer token. */
function publicScheme(scheme: JsonObject, version: OpenApiVersion, scoped: boolean): JsonObject {
  const authtype = own(scheme, authtypeKey);
  const authorizer = own(scheme, authorizerKey);
  const jwt = isJsonObject(authorizer) && own(authorizer, 'type') === 'jwt';
  const flows = own(scheme, 'flows');
  if (version === '3.0' && jwt && own(scheme, 'type') === 'oauth2' && isJsonObject(flows) && Object.keys(flows).length === 0) {
    // OpenID Connect discovery at the issuer tells clients where to get the token, and allows the scopes
    // operations require (an http bearer scheme may not carry scopes).
    const configuration = own(authorizer, 'jwtConfiguration');
    const issuer = isJsonObject(configuration) ? own(configuration, 'issuer') : undefined;
    const description = typeof scheme.description === 'string' ? scheme.description : 'A JSON Web Token from the API’s identity provider.';
    if (typeof issuer === 'string' && /^https:\/\/[^\s${}]+$/.test(issuer))
      return { type: 'openIdConnect', openIdConnectUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, description };
    if (!scoped) return { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description };
  }
  const out = cloneJson(scheme);
  if (typeof authtype === 'string' && out.description === undefined && schemeDescriptions[authtype] !== undefined)
    out.description = schemeDescriptions[authtype] as string;
  return out;
}

function freeSchemeName(schemes: JsonObject, base: string): string {
  let name = base;
  for (let suffix = 2; Object.hasOwn(schemes, name); suffix += 1) name = `${base}_${suffix}`;
  return name;
}

/**
 * The public profile of an export: the AWS-flavoured document of the design, made into the document its
 * callers need.
 * - Left out: operations marked internal (`x-portico-internal`), every `x-amazon-apigateway-*` extension
 *   (integrations, authorizers' wiring, validators, gateway responses, API settings), other `x-` keys that
 *   name an ARN or a stage variable, ANY methods and an HTTP API's `$default` route (neither has an
 *   OpenAPI form), path items left without operations, security schemes no operation requires and models
 *   only internal operations used; an HTTP API's AWS tags.
 * - Written: the stage's invoke URL as the server (see public-servers.ts); security schemes that say what
 *   their authorizer wants (an IAM scheme says SigV4; an HTTP API JWT authorizer becomes a bearer token),
 *   and operations authorized with `x-amazon-apigateway-auth` (IAM) require a SigV4 scheme instead.
 * Notes say what was left out, operation by operation.
 */
export function toPublicProfile(
  design: Design,
  awsDocument: JsonObject,
  version: OpenApiVersion,
  stageName: string | undefined,
): { document: JsonObject; notes: string[] } {
  const document = cloneJson(awsDocument);
  const notes: string[] = [];
  const schemasPrefix = version === '3.0' ? '#/components/schemas/' : '#/definitions/';
  const componentsBefore = own(document, 'components');
  const schemasBefore =
    version === '3.0' ? (isJsonObject(componentsBefore) ? own(componentsBefore, 'schemas') : undefined) : own(document, 'definitions');
  const schemas = isJsonObject(schemasBefore) ? schemasBefore : {};
  const usedBefore = reachableSchemas(document, schemas, schemasPrefix);

  // Readable text where the design wrote a CloudFormation expression: a portal reads the document as it is.
  const info = own(document, 'info');
  if (isJsonObject(info)) {
    if (typeof own(info, 'title') !== 'string') info.title = design.api.name;
    if (typeof own(info, 'version') !== 'string') info.version = design.api.version;
    if (own(info, 'description') !== undefined && typeof own(info, 'description') !== 'string') {
      if (design.api.description !== undefined) info.description = design.api.description;
      else delete info.description;
    }
  }

  const removal: Removal = { internal: [], anyMethods: [], defaultRoute: false, emptyPaths: 0, iamOperations: [] };
  const paths = own(document, 'paths');
  if (isJsonObject(paths)) publicPaths(paths, removal);

  // HTTP APIs write their AWS tags as root tags with a tag value; those are not operation groups.
  const tags = own(document, 'tags');
  if (Array.isArray(tags)) {
    const used = new Set<string>();
    if (isJsonObject(paths))
      for (const item of Object.values(paths))
        if (isJsonObject(item))
          for (const operation of Object.values(item))
            if (isJsonObject(operation) && Array.isArray(operation.tags))
              for (const tag of operation.tags) if (typeof tag === 'string') used.add(tag);
    const kept = tags.filter((tag) => !(isJsonObject(tag) && own(tag, tagValueKey) !== undefined && !used.has(String(own(tag, 'name')))));
    if (kept.length < tags.length) notes.push("The API's AWS tags were left out: they label the API in AWS, not its operations.");
    if (kept.length > 0) document.tags = kept;
    else delete document.tags;
  }

  const schemesParent = version === '3.0' ? own(document, 'components') : document;
  const schemesKey = version === '3.0' ? 'securitySchemes' : 'securityDefinitions';
  let schemes = isJsonObject(schemesParent) ? own(schemesParent, schemesKey) : undefined;
  if (removal.iamOperations.length > 0) {
    const holder = isJsonObject(schemes) ? schemes : {};
    const name = freeSchemeName(holder, 'sigv4');
    setOwn(holder, name, { type: 'apiKey', name: 'Authorization', in: 'header', description: schemeDescriptions.awsSigv4 as string });
    for (const operation of removal.iamOperations) operation.security = [{ [name]: [] }];
    if (!isJsonObject(schemes)) {
      if (version === '3.0') {
        const components = isJsonObject(own(document, 'components')) ? (own(document, 'components') as JsonObject) : {};
        components.securitySchemes = holder;
        document.components = components;
      } else document.securityDefinitions = holder;
    }
    schemes = holder;
  }
  if (isJsonObject(schemes)) {
    const required = requiredSchemes(document);
    for (const name of Object.keys(schemes)) {
      const scheme = own(schemes, name);
      if (!required.has(name)) delete schemes[name];
      else if (isJsonObject(scheme)) schemes[name] = publicScheme(scheme, version, required.get(name) === true);
    }
  }

  const dropped = new Set<string>();
  const leaks = new Set<string>();
  stripGatewayDetail(document, dropped, leaks, '');

  // Models only internal operations used go with them; models no operation ever used stay (the designer's own).
  const usedAfter = reachableSchemas(document, schemas, schemasPrefix);
  const leftOutModels = [...usedBefore].filter((name) => !usedAfter.has(name));
  for (const name of leftOutModels) delete schemas[name];

  // Containers the removals emptied.
  const components = own(document, 'components');
  if (isJsonObject(components)) {
    for (const key of Object.keys(components)) {
      const value = own(components, key);
      if (isJsonObject(value) && Object.keys(value).length === 0) delete components[key];
    }
    if (Object.keys(components).length === 0) delete document.components;
  }
  for (const key of ['securityDefinitions', 'definitions']) {
    const value = own(document, key);
    if (isJsonObject(value) && Object.keys(value).length === 0) delete document[key];
  }

  const servers = publicServers(design, stageName, version);
  if (version === '3.0') {
    delete document.servers;
    if (servers.servers.length > 0) {
      // `servers` follows `info`, where OpenAPI documents put it.
      const ordered: JsonObject = {};
      for (const key of Object.keys(document)) {
        setOwn(ordered, key, own(document, key) as JsonValue);
        if (key === 'info') ordered.servers = servers.servers;
      }
      for (const key of Object.keys(document)) delete document[key];
      Object.assign(document, ordered);
    }
  } else {
    delete document.host;
    document.basePath = servers.basePath;
    document.schemes = ['https'];
    const ordered: JsonObject = {};
    for (const key of Object.keys(document)) {
      if (key === 'basePath' || key === 'schemes') continue;
      setOwn(ordered, key, own(document, key) as JsonValue);
      if (key === 'info') {
        ordered.host = servers.host;
        ordered.basePath = servers.basePath;
        ordered.schemes = ['https'];
      }
    }
    for (const key of Object.keys(document)) delete document[key];
    Object.assign(document, ordered);
  }

  if (removal.internal.length > 0)
    notes.push(
      `${removal.internal.length === 1 ? '1 internal operation was' : `${removal.internal.length} internal operations were`} left out: ${removal.internal.join(', ')}.`,
    );
  if (removal.anyMethods.length > 0)
    notes.push(
      `An ANY method answers every verb and has no OpenAPI form; left out: ${removal.anyMethods.join(', ')}. Add the verbs callers use as methods to document them.`,
    );
  if (removal.defaultRoute)
    notes.push('The $default route catches requests no other route matches; it has no path to document and was left out.');
  if (leftOutModels.length > 0) notes.push(`Models only internal operations use were left out: ${leftOutModels.join(', ')}.`);
  for (const key of dropped) notes.push(`The extension "${key}" names an ARN or a stage variable; it was left out.`);
  for (const where of leaks)
    notes.push(`The text at ${where} names an ARN or a stage variable: callers will read it; reword it if it should stay private.`);
  notes.push(...servers.notes);
  return { document, notes };
}
