import type { ApiSettings, ApiType } from '../api';
import type { Authorizer, AuthorizerKind } from '../authorizer';
import { type Design, type Position, ROOT_RESOURCE_ID } from '../design';
import { type CustomDomain, isMultiLevelBasePath } from '../domain';
import { refuse } from '../errors';
import type { MethodId, ResourceId, RouteId } from '../ids';
import type { IntegrationBinding, IntegrationKind, IntegrationTarget } from '../integration';
import type { TextOrIntrinsic } from '../json';
import type { HttpMethod, Method } from '../method';
import { allResourcePaths } from '../paths';
import { pathPartProblem, type Resource } from '../resource';
import { parseHttpRouteKey, type Route } from '../route';
import { defaultMethodSettings, type MethodSettings, type RouteThrottle, type Stage } from '../stage';
import { authorizerKindProblem } from './authorizers';
import { integrationKindProblem } from './integrations';
import { defaultStageName } from './stages';

/** A field of the design, as the keys from the root: `['stages', 'stg_prod', 'tracingEnabled']`. */
export type DesignPath = string[];

/** One line of a conversion plan: an element, what happens to it, and the fields that change. */
export interface ConversionItem {
  /** The element as people name it: `Authorizer "PetOwners" (Cognito user pool)`, `Gateway response DEFAULT_4XX`. */
  subject: string;
  /** What happens to it, why, and what to do about it when anything. */
  detail: string;
  /**
   * The fields this item changes. Below a method that becomes a route (or back), paths name the new
   * element (`['routes', 'rte_list', 'apiKeyRequired']`). Applying the plan changes nothing else, apart
   * from canvas positions of elements that no longer exist.
   */
  changes: DesignPath[];
}

/**
 * Everything a change of API type does, listed before anything changes. `blocked` lists what cannot be
 * converted at all, each with what to do; the change is refused while it is not empty.
 */
export interface ApiTypeChangePlan {
  from: ApiType;
  to: ApiType;
  converted: ConversionItem[];
  removed: ConversionItem[];
  blocked: ConversionItem[];
  /** Method id → the id of the route it becomes, or route id → method id. */
  renamedIds: Record<string, string>;
}

const apiNames: Record<ApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };
const apisOf: Record<ApiType, string> = { REST: 'REST APIs', HTTP: 'HTTP APIs', WEBSOCKET: 'WebSocket APIs' };
const authorizerKindNames: Record<AuthorizerKind, string> = {
  IAM: 'IAM',
  COGNITO_USER_POOLS: 'Cognito user pool',
  LAMBDA_TOKEN: 'Lambda TOKEN',
  LAMBDA_REQUEST: 'Lambda REQUEST',
  JWT: 'JWT',
};
const integrationKindNames: Record<IntegrationKind, string> = {
  LAMBDA: 'Lambda function',
  HTTP: 'HTTP endpoint',
  AWS_SERVICE: 'AWS service',
  MOCK: 'mock',
  VPC_LINK: 'private integration through a VPC link',
};
const endpointNames = { EDGE: 'Edge-optimized', REGIONAL: 'Regional', PRIVATE: 'Private' } as const;

/** `a`, `a and b`, `a, b and c`; long lists end in `and 12 more`. */
function listed(items: readonly string[], limit = 6): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > limit) return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

const quoted = (name: string) => `"${name}"`;

/** Where identity sources and mapping values point, as each API type writes them. */
const sourceForms: Record<ApiType, { request: string; stageVariables: string; context: string }> = {
  REST: { request: 'method.request.', stageVariables: 'stageVariables.', context: 'context.' },
  HTTP: { request: '$request.', stageVariables: '$stageVariables.', context: '$context.' },
  WEBSOCKET: { request: 'route.request.', stageVariables: 'stageVariables.', context: 'context.' },
};

/** One identity source entry rewritten for the other API type; entries in no known form stay as written. */
function convertedSource(entry: string, from: ApiType, to: ApiType): string {
  const source = sourceForms[from];
  const target = sourceForms[to];
  for (const key of ['request', 'stageVariables', 'context'] as const)
    if (entry.startsWith(source[key])) return `${target[key]}${entry.slice(source[key].length)}`;
  return entry;
}

/**
 * A parameter mapping rewritten for the other API type, or undefined when it has no equivalent. REST
 * maps `integration.request.{header|querystring|path}.x` from `method.request.…`, `context.…`,
 * `stageVariables.…` or a quoted static value; HTTP APIs map `overwrite:`/`append:`/`remove:`
 * `header.x`/`querystring.x` (and `overwrite:path`) from `$request.…`, `$context.…`, `$stageVariables.…`
 * or plain text.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
function convertedMapping(key: string, value: TextOrIntrinsic, to: 'REST' | 'HTTP'): [string, TextOrIntrinsic] | undefined {
  if (to === 'HTTP') {
    const target = /^integration\.request\.(querystring|header)\.(\S+)$/.exec(key);
    if (!target) return undefined;
    if (typeof value !== 'string') return [`overwrite:${target[1]}.${target[2]}`, value];
    const text = value.trim();
    let source: string | undefined;
    if (/^'.*'$/.test(text)) source = text.slice(1, -1);
    else if (/^method\.request\.(header|querystring|path|body)\b/.test(text)) source = `$request.${text.slice('method.request.'.length)}`;
    else if (text.startsWith('context.') || text.startsWith('stageVariables.')) source = `$${text}`;
    return source === undefined ? undefined : [`overwrite:${target[1]}.${target[2]}`, source];
  }
  const target = /^(?:append|overwrite):(querystring|header)\.(\S+)$/.exec(key);
  if (!target) return undefined;
  if (typeof value !== 'string') return [`integration.request.${target[1]}.${target[2]}`, value];
  const text = value.trim();
  let source: string | undefined;
  if (/^\$request\.(header|querystring|path|body)\b/.test(text)) source = `method.request.${text.slice('$request.'.length)}`;
  else if (text.startsWith('$context.') || text.startsWith('$stageVariables.')) source = text.slice(1);
  else if (!text.includes('$') && !text.includes("'")) source = `'${text}'`;
  return source === undefined ? undefined : [`integration.request.${target[1]}.${target[2]}`, source];
}

const restMappingKey = /^integration\.request\.(path|querystring|header)\.\S+$/;
const httpMappingKey = /^((append|overwrite|remove):(header|querystring)\.\S+|overwrite:path)$/;

/** `https://cognito-idp.{region}.amazonaws.com/{poolId}`: the JWT issuer of a Cognito user pool ARN. */
function cognitoIssuer(authorizer: Authorizer): string | undefined {
  const arn = authorizer.providerArns[0];
  if (typeof arn !== 'string') return undefined;
  const match = /^arn:[\w-]+:cognito-idp:([\w-]+):\d+:userpool\/([\w-]+)$/.exec(arn);
  return match ? `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` : undefined;
}

type Owner = Method | Route;

/** A method or route of the converted design: a fresh object this conversion may change in place. */
interface Operation {
  /** Id in the converted design. */
  id: string;
  /** `GET /pets`, as the new type writes it. */
  label: string;
  owner: Owner;
  /** The method or route it was. */
  source: Owner;
  bindingCopied: boolean;
  /** The item that converts it, which binding steps extend. */
  item: ConversionItem;
  notes: string[];
}

/** The fresh, changeable copy of an operation's binding. */
function editBinding(operation: Operation): IntegrationBinding {
  const binding = operation.owner.integration as IntegrationBinding;
  if (operation.bindingCopied) return binding;
  const copy = { ...binding };
  operation.owner.integration = copy;
  operation.bindingCopied = true;
  return copy;
}

class Plan {
  readonly converted: ConversionItem[] = [];
  readonly removed: ConversionItem[] = [];
  readonly blocked: ConversionItem[] = [];
  convert(subject: string, detail: string, changes: DesignPath[] = []): ConversionItem {
    const item = { subject, detail, changes };
    this.converted.push(item);
    return item;
  }
  remove(subject: string, detail: string, changes: DesignPath[]): ConversionItem {
    const item = { subject, detail, changes };
    this.removed.push(item);
    return item;
  }
  block(subject: string, detail: string): void {
    this.blocked.push({ subject, detail, changes: [] });
  }
}

function hasOperations(design: Design): boolean {
  return (
    Object.keys(design.methods).length > 0 ||
    Object.keys(design.routes).length > 0 ||
    Object.values(design.resources).some((resource) => resource.parentId !== null)
  );
}

/** A new id for a converted element: the same name under the new prefix (`mth_list` ↔ `rte_list`), unique. */
function renamedId(id: string, from: string, to: string, taken: Set<string>): string {
  const base = id.startsWith(`${from}_`) ? `${to}_${id.slice(from.length + 1)}` : `${to}_${id}`;
  let candidate = base;
  for (let index = 2; taken.has(candidate); index += 1) candidate = `${base}_${index}`;
  taken.add(candidate);
  return candidate;
}

interface Converting {
  design: Design;
  from: ApiType;
  to: ApiType;
  plan: Plan;
  operations: Operation[];
  renamedIds: Record<string, string>;
  /** Collection the operations live in after the change. */
  collection: 'methods' | 'routes';
}

/** REST methods become HTTP routes `VERB /path`; resources go (their paths live on in the route keys). */
function methodsToRoutes(c: Converting): { routes: Design['routes']; resources: Design['resources'] } {
  const { design, plan } = c;
  const paths = allResourcePaths(design);
  const routes: Record<string, Route> = {};
  const taken = new Set<string>();
  for (const method of Object.values(design.methods) as Method[]) {
    const { id, resourceId, httpMethod, requestValidatorId: _validator, ...shared } = method;
    const routeId = renamedId(id, 'mth', 'rte', taken);
    const routeKey = `${httpMethod} ${paths.get(resourceId) ?? '/'}`;
    const route: Route = { ...shared, id: routeId as RouteId, routeKey };
    routes[routeId] = route;
    c.renamedIds[id] = routeId;
    const item = plan.convert(`Method ${routeKey}`, `becomes the route ${routeKey}`, [
      ['methods', id],
      ['routes', routeId, 'id'],
      ['routes', routeId, 'routeKey'],
    ]);
    c.operations.push({ id: routeId, label: routeKey, owner: route, source: method, bindingCopied: false, item, notes: [] });
  }
  const resources = Object.values(design.resources) as Resource[];
  if (resources.length > 0) {
    const shown = resources.map((resource) => paths.get(resource.id) ?? '/');
    plan.convert(
      `Resources ${listed(shown)}`,
      'HTTP APIs have no resource tree: each path lives on in the route keys of its methods',
      resources.map((resource) => ['resources', resource.id]),
    );
  }
  const used = new Set<string>();
  for (const method of Object.values(design.methods) as Method[]) {
    let current: Resource | undefined = design.resources[method.resourceId];
    while (current && !used.has(current.id)) {
      used.add(current.id);
      current = current.parentId === null ? undefined : design.resources[current.parentId];
    }
  }
  for (const resource of resources) {
    const path = paths.get(resource.id) ?? '/';
    if (resource.parentId !== null && !used.has(resource.id))
      plan.remove(`Resource ${path}`, 'has no methods, so no route keeps its path', [['resources', resource.id]]);
    if (resource.extensions && Object.keys(resource.extensions).length > 0)
      plan.remove(
        `Path fields of ${path} (${listed(Object.keys(resource.extensions))})`,
        'HTTP routes keep no fields of the path they share',
        [['resources', resource.id]],
      );
  }
  return { routes: routes as Design['routes'], resources: {} as Design['resources'] };
}

/** HTTP routes become methods on a resource tree built from their paths; routes that cannot are blocked. */
function routesToMethods(c: Converting): { methods: Design['methods']; resources: Design['resources'] } {
  const { design, plan } = c;
  const resources: Record<string, Resource> = { [ROOT_RESOURCE_ID]: { id: ROOT_RESOURCE_ID, parentId: null, pathPart: '' } };
  const byPath = new Map<string, ResourceId>([['/', ROOT_RESOURCE_ID]]);
  const resourceFor = (path: string): ResourceId => {
    const known = byPath.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parentId = resourceFor(cut <= 0 ? '/' : path.slice(0, cut));
    // Ids from creation order: the plan and the change it describes make the same ones.
    const id = `res_${byPath.size}` as ResourceId;
    resources[id] = { id, parentId, pathPart: path.slice(cut + 1) };
    byPath.set(path, id);
    return id;
  };
  const methods: Record<string, Method> = {};
  const taken = new Set<string>();
  const seen = new Map<string, string>();
  for (const route of Object.values(design.routes) as Route[]) {
    const parsed = route.routeKey === '$default' ? { method: 'ANY', path: '/{proxy+}' } : parseHttpRouteKey(route.routeKey);
    if (!parsed) {
      plan.block(`Route ${route.routeKey}`, 'has no REST equivalent: change its route key to VERB /path, or delete the route.');
      continue;
    }
    const segments = parsed.path === '/' ? [] : parsed.path.slice(1).split('/');
    const problem = segments.map((segment) => pathPartProblem(segment)).find((found) => found !== undefined);
    if (problem) {
      plan.block(`Route ${route.routeKey}`, `has no REST equivalent: ${problem} Change its path, or delete the route.`);
      continue;
    }
    const operation = `${parsed.method} ${parsed.path}`;
    const earlier = seen.get(operation);
    if (earlier !== undefined) {
      plan.block(`Routes ${earlier} and ${route.routeKey}`, `would both become the REST method ${operation}: change or delete one.`);
      continue;
    }
    seen.set(operation, route.routeKey);
    const { id, routeKey: _key, returnResponse, ...shared } = route;
    const methodId = renamedId(id, 'rte', 'mth', taken);
    const method: Method = {
      ...shared,
      id: methodId as MethodId,
      resourceId: resourceFor(parsed.path),
      httpMethod: parsed.method as HttpMethod,
    };
    methods[methodId] = method;
    c.renamedIds[id] = methodId;
    const item = plan.convert(
      `Route ${route.routeKey}`,
      route.routeKey === '$default'
        ? `becomes the method ANY on /{proxy+}: it catches every path below /, but not / itself`
        : `becomes the method ${parsed.method} on the resource ${parsed.path}`,
      [
        ['routes', id],
        ['methods', methodId, 'id'],
        ['methods', methodId, 'resourceId'],
        ['methods', methodId, 'httpMethod'],
      ],
    );
    c.operations.push({ id: methodId, label: operation, owner: method, source: route, bindingCopied: false, item, notes: [] });
    if (returnResponse !== undefined)
      plan.remove(`Route response setting of ${route.routeKey}`, 'a WebSocket setting that REST methods do not have', [
        ['methods', methodId, 'returnResponse'],
      ]);
  }
  const created = Object.keys(resources);
  plan.convert(
    `Resources ${listed([...byPath.keys()])}`,
    'REST APIs keep paths as a resource tree, built here from the route paths',
    created.map((id) => ['resources', id]),
  );
  return { methods: methods as Design['methods'], resources: resources as Design['resources'] };
}

function removeValidators(c: Converting): Design['requestValidators'] {
  const { design, plan, to } = c;
  if (to === 'REST' || Object.keys(design.requestValidators).length === 0) return design.requestValidators;
  for (const validator of Object.values(design.requestValidators)) {
    const users = c.operations.filter(
      (operation) => 'requestValidatorId' in operation.source && operation.source.requestValidatorId === validator.id,
    );
    const checks = [validator.validateRequestBody ? 'bodies' : '', validator.validateRequestParameters ? 'parameters' : ''].filter(Boolean);
    const uses = [
      ...(design.api.defaultRequestValidatorId === validator.id ? ["it is the API's default validator"] : []),
      ...(users.length > 0 ? [`${listed(users.map((user) => user.label))} ${users.length === 1 ? 'loses it' : 'lose it'}`] : []),
    ];
    plan.remove(
      `Request validator ${quoted(validator.name)}`,
      `${apisOf[to]} do not validate requests${checks.length > 0 ? ` (it checks ${checks.join(' and ')})` : ''}${uses.length > 0 ? `; ${uses.join('; ')}` : ''}.`,
      [
        ['requestValidators', validator.id],
        ...(design.api.defaultRequestValidatorId === validator.id ? [['api', 'defaultRequestValidatorId']] : []),
        ...users.map((user) => [c.collection, user.id, 'requestValidatorId']),
      ],
    );
  }
  return {};
}

function removeGatewayResponses(c: Converting): Design['gatewayResponses'] {
  const { design, plan, to } = c;
  if (to === 'REST' || Object.keys(design.gatewayResponses).length === 0) return design.gatewayResponses;
  for (const [type, response] of Object.entries(design.gatewayResponses)) {
    const parts = [
      response.statusCode ? `status ${response.statusCode}` : '',
      Object.keys(response.responseParameters).length > 0 ? count(Object.keys(response.responseParameters).length, 'header') : '',
      Object.keys(response.responseTemplates).length > 0 ? `a body for ${listed(Object.keys(response.responseTemplates))}` : '',
    ].filter(Boolean);
    plan.remove(
      `Gateway response ${type}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`,
      `${apisOf[to]} answer their own errors as they are; customised gateway responses exist only on REST APIs.`,
      [['gatewayResponses', type]],
    );
  }
  return {};
}

function removeUsagePlansAndKeys(c: Converting): Pick<Design, 'usagePlans' | 'apiKeys'> {
  const { design, plan, to } = c;
  let { usagePlans, apiKeys } = design;
  if (to !== 'REST' && Object.keys(usagePlans).length > 0) {
    for (const usagePlan of Object.values(usagePlans)) {
      const limits = [
        usagePlan.throttle ? `${usagePlan.throttle.rateLimit} requests per second, burst ${usagePlan.throttle.burstLimit}` : '',
        usagePlan.quota ? `${usagePlan.quota.limit.toLocaleString('en')} requests a ${usagePlan.quota.period.toLowerCase()}` : '',
      ].filter(Boolean);
      plan.remove(
        `Usage plan ${quoted(usagePlan.name)}${limits.length > 0 ? ` (${limits.join('; ')})` : ''}`,
        `${apisOf[to]} have no usage plans${to === 'HTTP' ? ': per-client throttling and quotas exist only on REST APIs' : ' in Portico'}.`,
        [['usagePlans', usagePlan.id]],
      );
    }
    usagePlans = {};
  }
  if (to === 'HTTP') {
    for (const key of Object.values(apiKeys))
      plan.remove(`API key ${quoted(key.name)}`, 'HTTP APIs have no API keys: protect the routes with an authorizer instead.', [
        ['apiKeys', key.id],
      ]);
    if (Object.keys(apiKeys).length > 0) apiKeys = {};
    const requiring = c.operations.filter((operation) => operation.owner.apiKeyRequired);
    for (const operation of requiring) operation.owner.apiKeyRequired = false;
    if (requiring.length > 0)
      plan.remove(
        `API key requirement of ${listed(requiring.map((operation) => operation.label))}`,
        `HTTP APIs cannot require an API key: ${requiring.length === 1 ? 'the route accepts' : 'the routes accept'} calls without one.`,
        requiring.map((operation) => [c.collection, operation.id, 'apiKeyRequired']),
      );
  }
  return { usagePlans, apiKeys };
}

const rsaAlgorithms = ['RS256', 'RS384', 'RS512'];

/**
 * A JWT authorizer's configuration in the other type's form. An HTTP API's trusts one issuer and its
 * audiences (matched against `aud` or `client_id`) and checks RSA signatures; a REST API's lists issuers,
 * each with audiences and additional claims, and the signing algorithms it accepts. REST → HTTP keeps
 * the first issuer: the others, the claims and ES algorithms are listed as removed.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 */
function convertJwtConfiguration(
  plan: Plan,
  authorizer: Authorizer,
  next: Authorizer,
  to: ApiType,
  changes: DesignPath[],
  notes: string[],
) {
  const field = (name: keyof Authorizer): DesignPath => ['authorizers', authorizer.id, name];
  const name = quoted(authorizer.name);
  // A REST API's JWT authorizer reads the token from one header; an HTTP API's may read a query string.
  const source = next.identitySource;
  if (to === 'REST' && source !== undefined && !/^method\.request\.header\.[^\s,]+$/.test(source)) {
    next.identitySource = 'method.request.header.Authorization';
    plan.remove(
      `Token source ${source} of authorizer ${name}`,
      "a REST API's JWT authorizer reads the token from one header: it reads the Authorization header instead, where callers must now send it.",
      [field('identitySource')],
    );
  }
  if (to === 'REST') {
    if (authorizer.jwtIssuer === undefined) {
      if (authorizer.jwtAudience.length > 0) {
        next.jwtAudience = [];
        plan.remove(
          `Audience of authorizer ${name}`,
          `a REST API's JWT authorizer lists audiences per issuer, and this one names no issuer: add the issuer with its audiences.`,
          [field('jwtAudience')],
        );
      }
      return;
    }
    next.jwtIssuers = [{ issuer: authorizer.jwtIssuer, audiences: [...authorizer.jwtAudience], additionalClaims: [] }];
    next.jwtAlgorithms = [...rsaAlgorithms];
    delete next.jwtIssuer;
    next.jwtAudience = [];
    changes.push(field('jwtIssuer'), field('jwtIssuers'), field('jwtAlgorithms'));
    if (authorizer.jwtAudience.length > 0) changes.push(field('jwtAudience'));
    notes.push(
      `issuer ${authorizer.jwtIssuer} with its ${count(authorizer.jwtAudience.length, 'audience')}, which tokens must now carry in aud (client_id alone no longer matches)`,
      `signing algorithms ${listed(rsaAlgorithms)}, the RSA signatures it checks today`,
    );
    return;
  }
  if (authorizer.jwtIssuers === undefined && authorizer.jwtAlgorithms === undefined) return;
  const [first, ...others] = authorizer.jwtIssuers ?? [];
  delete next.jwtIssuers;
  delete next.jwtAlgorithms;
  if (authorizer.jwtIssuers !== undefined) changes.push(field('jwtIssuers'));
  if (authorizer.jwtAlgorithms !== undefined) changes.push(field('jwtAlgorithms'));
  if (first) {
    next.jwtIssuer = first.issuer;
    next.jwtAudience = [...first.audiences];
    changes.push(field('jwtIssuer'));
    if (first.audiences.length > 0 || authorizer.jwtAudience.length > 0) changes.push(field('jwtAudience'));
    notes.push(`issuer ${first.issuer} with its ${count(first.audiences.length, 'audience')}`);
  }
  if (others.length > 0)
    plan.remove(
      `${others.length === 1 ? 'Issuer' : 'Issuers'} ${listed(others.map((other) => other.issuer))} of authorizer ${name}`,
      `an HTTP API's JWT authorizer trusts one issuer (${first?.issuer}): tokens from ${others.length === 1 ? 'this one' : 'these'} are refused. Add a JWT authorizer per issuer and attach to each route the one its callers use.`,
      [field('jwtIssuers')],
    );
  const claims = first?.additionalClaims.map((claim) => claim.claimName) ?? [];
  if (claims.length > 0)
    plan.remove(
      `Additional ${claims.length === 1 ? 'claim' : 'claims'} ${listed(claims)} of authorizer ${name}`,
      `HTTP APIs check only a token's issuer, audience, times and scopes: tokens are accepted without ${claims.length === 1 ? 'it' : 'them'}. Check ${claims.length === 1 ? 'it' : 'them'} in the backend, or use a Lambda authorizer.`,
      [field('jwtIssuers')],
    );
  const dropped = (authorizer.jwtAlgorithms ?? []).filter((algorithm) => !rsaAlgorithms.includes(algorithm));
  if (dropped.length > 0)
    plan.remove(
      `Signing ${dropped.length === 1 ? 'algorithm' : 'algorithms'} ${listed(dropped)} of authorizer ${name}`,
      `HTTP APIs check RSA signatures only: tokens signed with ${listed(dropped)} are refused.`,
      [field('jwtAlgorithms')],
    );
}

function convertAuthorizers(c: Converting): Design['authorizers'] {
  const { design, plan, from, to } = c;
  const authorizers: Record<string, Authorizer> = {};
  let changed = false;
  for (const authorizer of Object.values(design.authorizers) as Authorizer[]) {
    const kind = authorizerKindNames[authorizer.kind];
    // The one place that decides which authorizer kinds an API type has: when REST APIs gain JWT
    // authorizers, `authorizerKindProblem` says so and they convert like the others.
    const problem = authorizerKindProblem(authorizer.kind, to);
    if (problem) {
      changed = true;
      const users = c.operations.filter((operation) => operation.owner.authorizerId === authorizer.id);
      const changes: DesignPath[] = [['authorizers', authorizer.id]];
      for (const user of users) {
        changes.push([c.collection, user.id, 'authorizerId']);
        if (user.owner.authorizationScopes.length > 0) changes.push([c.collection, user.id, 'authorizationScopes']);
        delete user.owner.authorizerId;
        user.owner.authorizationScopes = [];
      }
      const issuer = authorizer.kind === 'COGNITO_USER_POOLS' ? cognitoIssuer(authorizer) : undefined;
      plan.remove(
        `Authorizer ${quoted(authorizer.name)} (${kind})`,
        `${problem.replace(/\.$/, '')}${issuer ? ` (issuer ${issuer}, your app client id as audience)` : ''}. ${
          users.length === 0
            ? 'Nothing uses it.'
            : `${listed(users.map((user) => user.label))} ${users.length === 1 ? 'loses it and is' : 'lose it and are'} open to anyone until you attach another authorizer.`
        }`,
        changes,
      );
      continue;
    }
    const next: Authorizer = { ...authorizer };
    const changes: DesignPath[] = [];
    const notes: string[] = [];
    const removedBefore = plan.removed.length;
    if (authorizer.identitySource !== undefined) {
      const source = authorizer.identitySource
        .split(',')
        .map((entry) => convertedSource(entry.trim(), from, to))
        .join(', ');
      if (source !== authorizer.identitySource) {
        next.identitySource = source;
        changes.push(['authorizers', authorizer.id, 'identitySource']);
        notes.push(`identity source ${source}`);
      }
    }
    if (authorizer.kind === 'JWT' && from !== to) convertJwtConfiguration(plan, authorizer, next, to, changes, notes);
    if (authorizer.kind === 'LAMBDA_REQUEST' && to === 'HTTP' && from === 'REST') {
      if (authorizer.payloadFormatVersion === undefined) {
        next.payloadFormatVersion = '1.0';
        changes.push(['authorizers', authorizer.id, 'payloadFormatVersion']);
        notes.push('payload format 1.0 (the request event and IAM policy answer of REST APIs, so the function works unchanged)');
      }
      if (authorizer.resultTtlSeconds === undefined) {
        // REST caches a Lambda authorizer's answer for 300 s unless told otherwise; HTTP APIs only when a TTL is set.
        next.resultTtlSeconds = 300;
        changes.push(['authorizers', authorizer.id, 'resultTtlSeconds']);
        notes.push('answers cached 300 s as before');
      }
    }
    if (to !== 'HTTP' && from === 'HTTP') {
      if (authorizer.payloadFormatVersion !== undefined) {
        delete next.payloadFormatVersion;
        if (authorizer.payloadFormatVersion === '1.0') {
          changes.push(['authorizers', authorizer.id, 'payloadFormatVersion']);
          notes.push(`the 1.0 request event it gets today`);
        } else
          plan.remove(
            `Payload format ${authorizer.payloadFormatVersion} of authorizer ${quoted(authorizer.name)}`,
            `${apisOf[to]} call Lambda authorizers with the request event of format 1.0 and expect an IAM policy back: change the function to read that event.`,
            [['authorizers', authorizer.id, 'payloadFormatVersion']],
          );
      }
      if (authorizer.enableSimpleResponses !== undefined) {
        delete next.enableSimpleResponses;
        plan.remove(
          `Simple responses of authorizer ${quoted(authorizer.name)}`,
          authorizer.enableSimpleResponses
            ? `${apisOf[to]} expect a Lambda authorizer to answer with an IAM policy, not {"isAuthorized": …}: change the function.`
            : `${apisOf[to]} have no such setting (answers are IAM policies).`,
          [['authorizers', authorizer.id, 'enableSimpleResponses']],
        );
      }
      if (authorizer.kind === 'LAMBDA_REQUEST' && authorizer.resultTtlSeconds === undefined && to === 'REST') {
        // HTTP APIs cache nothing without a TTL; REST would cache 300 s.
        next.resultTtlSeconds = 0;
        changes.push(['authorizers', authorizer.id, 'resultTtlSeconds']);
        notes.push('answers not cached, as before (TTL 0)');
      }
    }
    const edited = changes.length > 0 || plan.removed.length > removedBefore;
    if (edited) changed = true;
    authorizers[authorizer.id] = edited ? next : authorizer;
    plan.convert(`Authorizer ${quoted(authorizer.name)} (${kind})`, notes.length > 0 ? `kept: ${notes.join('; ')}` : 'kept', changes);
  }
  return changed ? (authorizers as Design['authorizers']) : design.authorizers;
}

function convertIntegrations(c: Converting): Design['integrations'] {
  const { design, plan, from, to } = c;
  const integrations: Record<string, IntegrationTarget> = {};
  let changed = false;
  for (const target of Object.values(design.integrations) as IntegrationTarget[]) {
    const kind = integrationKindNames[target.kind];
    const problem = integrationKindProblem(target.kind, to);
    if (problem) {
      changed = true;
      const users = c.operations.filter((operation) => operation.owner.integration?.integrationId === target.id);
      const mapped = users.some(
        (user) =>
          Object.keys(user.owner.integration?.requestTemplates ?? {}).length > 0 || (user.owner.integration?.responses.length ?? 0) > 0,
      );
      for (const user of users) delete user.owner.integration;
      plan.remove(
        `${target.kind === 'MOCK' ? 'Mock integration' : 'Integration'} ${quoted(target.name)}`,
        `${problem.replace(/\.$/, '')}. ${
          users.length === 0
            ? 'Nothing uses it.'
            : `${listed(users.map((user) => user.label))} ${users.length === 1 ? 'is' : 'are'} left without an integration${mapped ? ' (its mapping templates and integration responses go with it)' : ''}.`
        }`,
        [['integrations', target.id], ...users.map((user) => [c.collection, user.id, 'integration'])],
      );
      continue;
    }
    const notes: string[] = [];
    let next = target;
    if (target.kind === 'LAMBDA' && target.streaming !== undefined && to !== 'REST') {
      const { streaming, ...rest } = target;
      next = rest;
      plan.remove(
        `Response streaming of ${quoted(target.name)}`,
        streaming
          ? `${apisOf[to]} do not stream: the answer is sent once the function has finished.`
          : `${apisOf[to]} have no such setting.`,
        [['integrations', target.id, 'streaming']],
      );
    }
    if (target.kind === 'VPC_LINK' && target.integrationTarget !== undefined && to !== 'REST') {
      const { integrationTarget: _target, ...rest } = target;
      next = rest;
      plan.remove(
        `Load balancer of ${quoted(target.name)} (VPC link V2 integration target)`,
        `a REST API setting; ${apisOf[to]} name the listener or Cloud Map service in the integration's URI instead.`,
        [['integrations', target.id, 'integrationTarget']],
      );
    }
    if (target.kind === 'AWS_SERVICE' && target.integrationSubtype !== undefined && to !== 'HTTP') {
      const { integrationSubtype, ...rest } = target;
      next = rest;
      plan.remove(
        `Integration subtype ${integrationSubtype} of ${quoted(target.name)}`,
        `${apisOf[to]} call the service action through its URI (${target.service} ${target.actionOrPath})${target.region === '' ? '; set the region of the integration' : ''}.`,
        [['integrations', target.id, 'integrationSubtype']],
      );
    }
    if (target.kind === 'AWS_SERVICE' && target.integrationSubtype === undefined && to === 'HTTP')
      notes.push(
        'HTTP APIs call AWS services only through first-class integrations: set its integration subtype (such as SQS-SendMessage) after converting',
      );
    if (target.kind === 'VPC_LINK' && (from === 'HTTP') !== (to === 'HTTP'))
      notes.push(
        to === 'HTTP'
          ? 'HTTP APIs reach private backends through a VPC link V2 and a load balancer listener or Cloud Map ARN: check its VPC link and target'
          : 'REST APIs send the request to a URL through a VPC link to a Network Load Balancer: check its VPC link and URL',
      );
    if (next !== target) changed = true;
    integrations[target.id] = next;
    plan.convert(`Integration ${quoted(target.name)} (${kind})`, notes.length > 0 ? `kept; ${notes.join('; ')}` : 'kept');
  }
  return changed ? (integrations as Design['integrations']) : design.integrations;
}

/** What each binding keeps, converts and loses between REST and HTTP APIs. */
function convertBindings(c: Converting): void {
  const { design, plan, to } = c;
  if (to !== 'REST' && to !== 'HTTP') return;
  /** Routes whose Lambda function reads payload format 2.0, by integration: one item per function. */
  const formatTwo = new Map<string, { users: string[]; changes: DesignPath[] }>();
  for (const operation of c.operations) {
    const original = operation.owner.integration;
    if (!original) continue;
    const target = design.integrations[original.integrationId];
    if (!target) continue;
    const at = (...keys: string[]): DesignPath => [c.collection, operation.id, 'integration', ...keys];
    const kind = integrationKindNames[target.kind];
    if (to === 'HTTP') {
      if (original.responseTransferMode !== undefined) {
        delete editBinding(operation).responseTransferMode;
        plan.remove(
          `Response transfer mode ${original.responseTransferMode} of ${operation.label}`,
          original.responseTransferMode === 'STREAM'
            ? 'HTTP APIs do not stream: the answer is sent once the backend has finished.'
            : 'HTTP APIs always buffer the response; they have no such setting.',
          [at('responseTransferMode')],
        );
      }
      if (!original.proxy) {
        editBinding(operation).proxy = true;
        plan.convert(
          `Custom integration of ${operation.label}`,
          target.kind === 'AWS_SERVICE'
            ? `becomes a first-class integration of ${quoted(target.name)}: HTTP APIs have only proxy integrations; set its parameters (such as QueueUrl and MessageBody) after converting`
            : `becomes a proxy integration: HTTP APIs have only proxy integrations, so ${quoted(target.name)} receives the whole request${target.kind === 'LAMBDA' ? ' (payload format 1.0)' : ''} and its answer goes back as it is`,
          [at('proxy')],
        );
      }
      if (target.kind === 'LAMBDA' && original.payloadFormatVersion === undefined) {
        editBinding(operation).payloadFormatVersion = '1.0';
        operation.item.changes.push(at('payloadFormatVersion'));
        operation.notes.push(`its Lambda integration ${quoted(target.name)} sends payload format 1.0, the event REST APIs send`);
      } else operation.notes.push(`its integration ${quoted(target.name)} (${kind}) is kept`);
      const templates = Object.keys(original.requestTemplates);
      if (templates.length > 0 || original.passthroughBehavior !== undefined) {
        const binding = editBinding(operation);
        binding.requestTemplates = {};
        delete binding.passthroughBehavior;
        plan.remove(
          templates.length > 0
            ? `Mapping templates of ${operation.label} (${listed(templates)})`
            : `Passthrough behavior of ${operation.label} (${original.passthroughBehavior})`,
          'HTTP APIs pass request bodies through unchanged: the backend gets the request as the client sent it.',
          [
            ...(templates.length > 0 ? [at('requestTemplates')] : []),
            ...(original.passthroughBehavior !== undefined ? [at('passthroughBehavior')] : []),
          ],
        );
      }
      if (original.responses.length > 0) {
        editBinding(operation).responses = [];
        plan.remove(
          `Integration responses of ${operation.label} (${listed(original.responses.map((response) => `${response.selectionPattern} → ${response.statusCode}`))})`,
          'HTTP APIs send the backend’s answer back as it is.',
          [at('responses')],
        );
      }
      if (original.contentHandling !== undefined) {
        delete editBinding(operation).contentHandling;
        plan.remove(`Content handling ${original.contentHandling} of ${operation.label}`, 'HTTP APIs convert no payloads.', [
          at('contentHandling'),
        ]);
      }
      if (original.cacheKeyParameters.length > 0 || original.cacheNamespace !== undefined) {
        const binding = editBinding(operation);
        binding.cacheKeyParameters = [];
        delete binding.cacheNamespace;
        plan.remove(
          `Cache key parameters of ${operation.label}${original.cacheKeyParameters.length > 0 ? ` (${listed(original.cacheKeyParameters)})` : ''}`,
          'HTTP APIs have no cache.',
          [
            ...(original.cacheKeyParameters.length > 0 ? [at('cacheKeyParameters')] : []),
            ...(original.cacheNamespace !== undefined ? [at('cacheNamespace')] : []),
          ],
        );
      }
      if (original.tlsConfig?.insecureSkipVerification !== undefined) {
        const { insecureSkipVerification: _skip, ...rest } = original.tlsConfig;
        const binding = editBinding(operation);
        if (Object.keys(rest).length > 0) binding.tlsConfig = rest;
        else delete binding.tlsConfig;
        plan.remove(`Skipping certificate verification of ${operation.label}`, 'HTTP APIs always verify the backend’s certificate.', [
          Object.keys(rest).length > 0 ? at('tlsConfig', 'insecureSkipVerification') : at('tlsConfig'),
        ]);
      }
      if (original.timeoutInMillis !== undefined && original.timeoutInMillis > 30_000) {
        editBinding(operation).timeoutInMillis = 30_000;
        plan.convert(
          `Integration timeout of ${operation.label}`,
          `${original.timeoutInMillis.toLocaleString('en')} ms → 30,000 ms, the longest an HTTP API waits`,
          [at('timeoutInMillis')],
        );
      }
    } else {
      if (original.payloadFormatVersion !== undefined) {
        delete editBinding(operation).payloadFormatVersion;
        if (target.kind === 'LAMBDA' && original.payloadFormatVersion !== '1.0') {
          const group = formatTwo.get(target.id) ?? { users: [], changes: [] };
          group.users.push(operation.label);
          group.changes.push(at('payloadFormatVersion'));
          formatTwo.set(target.id, group);
        } else {
          operation.item.changes.push(at('payloadFormatVersion'));
          operation.notes.push(`its integration ${quoted(target.name)} keeps the 1.0 payload REST APIs send`);
        }
      } else operation.notes.push(`its integration ${quoted(target.name)} (${kind}) is kept`);
      if (original.responseParameters !== undefined) {
        delete editBinding(operation).responseParameters;
        plan.remove(
          `Response parameter mappings of ${operation.label}`,
          'REST APIs change responses with integration responses of custom integrations, not on proxy integrations.',
          [at('responseParameters')],
        );
      }
      if (original.tlsConfig?.serverNameToVerify !== undefined) {
        const { serverNameToVerify, ...rest } = original.tlsConfig;
        const binding = editBinding(operation);
        if (Object.keys(rest).length > 0) binding.tlsConfig = rest;
        else delete binding.tlsConfig;
        plan.remove(
          `Server name to verify (${serverNameToVerify}) of ${operation.label}`,
          'a setting of HTTP API private integrations that REST APIs do not have.',
          [Object.keys(rest).length > 0 ? at('tlsConfig', 'serverNameToVerify') : at('tlsConfig')],
        );
      }
      if (target.kind === 'AWS_SERVICE' && original.proxy) {
        editBinding(operation).proxy = false;
        plan.convert(
          `Integration of ${operation.label}`,
          `becomes a custom integration: REST APIs call ${target.service} ${target.actionOrPath} with a mapping template; write one, and an integration response, after converting`,
          [at('proxy')],
        );
      }
    }
    convertMappings(c, operation, original, target);
  }
  for (const [targetId, group] of formatTwo) {
    const target = design.integrations[targetId as keyof Design['integrations']] as IntegrationTarget;
    plan.remove(
      `Payload format 2.0 of ${quoted(target.name)} (${listed(group.users)})`,
      'REST APIs send Lambda functions the 1.0 event (with multiValueHeaders, requestContext.httpMethod…) and read a 1.0 answer: change the function to read it.',
      group.changes,
    );
  }
}

function convertMappings(c: Converting, operation: Operation, original: IntegrationBinding, target: IntegrationTarget): void {
  const to = c.to as 'REST' | 'HTTP';
  const keys = Object.keys(original.requestParameters);
  if (keys.length === 0) return;
  const at = (key: string): DesignPath => [c.collection, operation.id, 'integration', 'requestParameters', key];
  const firstClass = target.kind === 'AWS_SERVICE';
  if (firstClass && (to === 'HTTP' ? !original.proxy : original.proxy)) {
    // REST service calls map headers for a mapping template; HTTP first-class integrations take named
    // parameters (QueueUrl, MessageBody): neither carries over.
    editBinding(operation).requestParameters = {};
    c.plan.remove(
      `Parameter mappings of ${operation.label} (${listed(keys)})`,
      to === 'HTTP'
        ? 'HTTP API service integrations take named parameters such as QueueUrl and MessageBody: set them after converting.'
        : 'REST APIs build a service request with a mapping template: write one after converting.',
      keys.map(at),
    );
    return;
  }
  const ownForm = to === 'HTTP' ? httpMappingKey : restMappingKey;
  const otherForm = to === 'HTTP' ? restMappingKey : httpMappingKey;
  const next: Record<string, TextOrIntrinsic> = {};
  const rewritten: string[] = [];
  const lost: string[] = [];
  const changes: DesignPath[] = [];
  const lostChanges: DesignPath[] = [];
  for (const key of keys) {
    const value = original.requestParameters[key] as TextOrIntrinsic;
    // Mappings already written the new way, or in no known form, are left for the rules to judge.
    if (ownForm.test(key) || !otherForm.test(key)) {
      next[key] = value;
      continue;
    }
    const converted = convertedMapping(key, value, to);
    if (converted && !Object.hasOwn(original.requestParameters, converted[0]) && !Object.hasOwn(next, converted[0])) {
      next[converted[0]] = converted[1];
      rewritten.push(`${key} → ${converted[0]}`);
      changes.push(at(key), at(converted[0]));
    } else {
      lost.push(key);
      lostChanges.push(at(key));
    }
  }
  if (rewritten.length === 0 && lost.length === 0) return;
  editBinding(operation).requestParameters = next;
  if (rewritten.length > 0)
    c.plan.convert(`Parameter mappings of ${operation.label}`, `rewritten for ${apisOf[to]}: ${listed(rewritten)}`, changes);
  if (lost.length > 0)
    c.plan.remove(
      `Parameter mappings of ${operation.label} (${listed(lost)})`,
      to === 'HTTP'
        ? 'HTTP APIs map headers and query strings (and the whole path with overwrite:path), not single path parameters or these sources.'
        : 'REST APIs have no equivalent of these mappings.',
      lostChanges,
    );
}

const cacheFields = ['cachingEnabled', 'cacheTtlSeconds', 'cacheDataEncrypted', 'requireAuthorizationForCacheControl'] as const;
const loggingFields = ['loggingLevel', 'dataTraceEnabled'] as const;

function settingsText(settings: Partial<MethodSettings>, fields: readonly (keyof MethodSettings)[]): string {
  const parts: string[] = [];
  for (const field of fields) {
    const value = settings[field];
    if (value === undefined) continue;
    if (field === 'cachingEnabled') parts.push(value ? 'caching on' : 'caching off');
    else if (field === 'cacheTtlSeconds') parts.push(`TTL ${value} s`);
    else if (field === 'cacheDataEncrypted') parts.push(value ? 'encrypted' : 'not encrypted');
    else if (field === 'requireAuthorizationForCacheControl')
      parts.push(value ? 'invalidation needs authorization' : 'anyone may invalidate');
    else if (field === 'loggingLevel') parts.push(`logging ${value}`);
    else if (field === 'dataTraceEnabled') parts.push(value ? 'data trace on' : 'data trace off');
    else if (field === 'metricsEnabled') parts.push(value ? 'detailed metrics on' : 'detailed metrics off');
    else parts.push(`${field} ${value}`);
  }
  return parts.join(', ');
}

function throttleOf(settings: { throttlingRateLimit?: number; throttlingBurstLimit?: number }): RouteThrottle | undefined {
  if (settings.throttlingRateLimit === undefined && settings.throttlingBurstLimit === undefined) return undefined;
  const throttle: RouteThrottle = {};
  if (settings.throttlingRateLimit !== undefined) throttle.throttlingRateLimit = settings.throttlingRateLimit;
  if (settings.throttlingBurstLimit !== undefined) throttle.throttlingBurstLimit = settings.throttlingBurstLimit;
  return throttle;
}

function throttleText(throttle: RouteThrottle): string {
  return [
    throttle.throttlingRateLimit !== undefined ? `${throttle.throttlingRateLimit} requests per second` : '',
    throttle.throttlingBurstLimit !== undefined ? `burst ${throttle.throttlingBurstLimit}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function freeStageName(design: Design, base: string): string {
  const taken = new Set(Object.values(design.stages).map((stage) => stage.name));
  let name = base;
  for (let index = 2; taken.has(name); index += 1) name = `${base}${index}`;
  return name;
}

function convertStages(c: Converting): Design['stages'] {
  const { design, plan, to, from } = c;
  const stages: Record<string, Stage> = {};
  let changed = false;
  const labelOf = new Map(c.operations.map((operation) => [operation.id, operation.label]));
  for (const stage of Object.values(design.stages) as Stage[]) {
    const next: Stage = { ...stage };
    let edited = false;
    const at = (...keys: string[]): DesignPath => ['stages', stage.id, ...keys];
    if (from === 'HTTP' && stage.name === defaultStageName) {
      next.name = freeStageName(design, 'default');
      edited = true;
      plan.convert(
        `Stage ${defaultStageName}`,
        `becomes the stage "${next.name}": only HTTP APIs have a ${defaultStageName} stage, served at the base URL; this one is served under /${next.name}`,
        [at('name')],
      );
    }
    if (to !== 'REST') {
      if (stage.cacheClusterEnabled) {
        next.cacheClusterEnabled = false;
        edited = true;
        plan.remove(`Cache cluster of stage ${stage.name} (${stage.cacheClusterSize} GB)`, `${apisOf[to]} have no cache.`, [
          at('cacheClusterEnabled'),
        ]);
      }
      const defaults = defaultMethodSettings();
      const differs = (field: keyof MethodSettings) => stage.methodSettings[field] !== defaults[field];
      const droppedCache = cacheFields.filter(differs);
      // WebSocket stages keep execution logging; HTTP API stages have access logs only.
      const droppedLogging = to === 'HTTP' ? loggingFields.filter(differs) : [];
      if (droppedCache.length + droppedLogging.length > 0) {
        const settings: MethodSettings = { ...stage.methodSettings };
        for (const field of [...droppedCache, ...droppedLogging]) Object.assign(settings, { [field]: defaults[field] });
        next.methodSettings = settings;
        edited = true;
      }
      if (droppedCache.length > 0)
        plan.remove(
          `Cache settings of stage ${stage.name} (${settingsText(stage.methodSettings, droppedCache)})`,
          `${apisOf[to]} have no cache.`,
          droppedCache.map((field) => at('methodSettings', field)),
        );
      if (droppedLogging.length > 0)
        plan.remove(
          `Execution logging of stage ${stage.name} (${settingsText(stage.methodSettings, droppedLogging)})`,
          'HTTP APIs have no execution logs: use access logging.',
          droppedLogging.map((field) => at('methodSettings', field)),
        );
      if (stage.tracingEnabled) {
        next.tracingEnabled = false;
        edited = true;
        plan.remove(`X-Ray tracing of stage ${stage.name}`, 'only REST API stages can trace with AWS X-Ray.', [at('tracingEnabled')]);
      }
      if (stage.canary !== undefined) {
        delete next.canary;
        edited = true;
        plan.remove(
          `Canary of stage ${stage.name} (${stage.canary.percentTraffic}% of traffic)`,
          'only REST API stages have canary releases.',
          [at('canary')],
        );
      }
      if (stage.webAclArn !== undefined) {
        delete next.webAclArn;
        edited = true;
        plan.remove(`AWS WAF web ACL of stage ${stage.name}`, 'AWS WAF protects REST API stages only.', [at('webAclArn')]);
      }
    }
    if (from === 'REST' && to === 'HTTP' && Object.keys(stage.methodOverrides).length > 0) {
      const routeOverrides: Stage['routeOverrides'] = {};
      for (const [methodId, settings] of Object.entries(stage.methodOverrides) as [string, Partial<MethodSettings>][]) {
        const routeId = c.renamedIds[methodId] as RouteId | undefined;
        const label = (routeId && labelOf.get(routeId)) ?? methodId;
        const throttle = throttleOf(settings);
        if (routeId && throttle) {
          routeOverrides[routeId] = throttle;
          plan.convert(`Throttling of ${label} on stage ${stage.name}`, `moves to the route (${throttleText(throttle)})`, [
            at('methodOverrides', methodId),
            at('routeOverrides', routeId),
          ]);
        }
        const others = (Object.keys(settings) as (keyof MethodSettings)[]).filter(
          (field) => field !== 'throttlingRateLimit' && field !== 'throttlingBurstLimit',
        );
        if (others.length > 0 || !throttle) {
          const caching = others.some((field) => (cacheFields as readonly string[]).includes(field));
          const text = settingsText(settings, others);
          plan.remove(
            `${caching ? 'Cache settings' : 'Settings'} of ${label} on stage ${stage.name}${text ? ` (${text})` : ''}`,
            'HTTP APIs set only throttling per route.',
            [at('methodOverrides', methodId)],
          );
        }
      }
      next.methodOverrides = {};
      next.routeOverrides = routeOverrides;
      edited = true;
    }
    if (from === 'HTTP' && to === 'REST' && Object.keys(stage.routeOverrides).length > 0) {
      const methodOverrides: Stage['methodOverrides'] = {};
      for (const [routeId, throttle] of Object.entries(stage.routeOverrides) as [string, RouteThrottle][]) {
        const methodId = c.renamedIds[routeId] as MethodId | undefined;
        const kept = throttleOf(throttle);
        if (methodId && kept) methodOverrides[methodId] = kept;
        plan.convert(
          `Throttling of ${(methodId && labelOf.get(methodId)) ?? routeId} on stage ${stage.name}`,
          kept ? `moves to the method (${throttleText(kept)})` : 'had no limits set',
          [at('routeOverrides', routeId), ...(methodId && kept ? [at('methodOverrides', methodId)] : [])],
        );
      }
      next.routeOverrides = {};
      next.methodOverrides = methodOverrides;
      edited = true;
    }
    if (edited) changed = true;
    stages[stage.id] = edited ? next : stage;
    if (to === 'HTTP' && from === 'REST' && stage.autoDeploy)
      plan.convert(
        `Stage ${stage.name}`,
        'kept; as an HTTP API stage it deploys every change automatically (you can turn that off in Stages)',
      );
  }
  return changed ? (stages as Design['stages']) : design.stages;
}

/**
 * Custom domains: what only REST APIs have on a domain goes (routing rules, edge-optimized and private
 * domains, enhanced TLS policies), and WebSocket APIs take no mutual TLS or base paths of several levels.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-mode.html
 */
function convertDomains(c: Converting): Design['domains'] {
  const { design, plan, to } = c;
  const current = design.domains ?? ({} as Design['domains']);
  if (to === 'REST') return current;
  let changed = false;
  const domains: Record<string, CustomDomain> = {};
  for (const domain of Object.values(current) as CustomDomain[]) {
    const next: CustomDomain = { ...domain };
    const path = (field: string): DesignPath => ['domains', domain.id, field];
    if (domain.routingRules.length > 0 || domain.routingMode !== 'API_MAPPING_ONLY') {
      next.routingRules = [];
      next.routingMode = 'API_MAPPING_ONLY';
      plan.remove(
        `Routing rules of ${domain.domainName}${domain.routingRules.length > 0 ? ` (${count(domain.routingRules.length, 'rule')})` : ''}`,
        `routing rules send traffic to REST APIs only; ${apisOf[to]} are reached through API mappings.`,
        [path('routingRules'), path('routingMode')],
      );
    }
    if (domain.endpointType !== 'REGIONAL') {
      next.endpointType = 'REGIONAL';
      plan.convert(
        `Endpoint type of ${domain.domainName}`,
        `${endpointNames[domain.endpointType]} → Regional: ${apisOf[to]} take Regional domains only`,
        [path('endpointType')],
      );
    }
    if (domain.securityPolicy !== 'TLS_1_2' || domain.endpointAccessMode !== undefined) {
      next.securityPolicy = 'TLS_1_2';
      delete next.endpointAccessMode;
      plan.convert(
        `TLS security policy of ${domain.domainName}`,
        `${domain.securityPolicy} → TLS_1_2, the policy ${apisOf[to]} accept${domain.endpointAccessMode ? ` (the endpoint access mode ${domain.endpointAccessMode} goes with it)` : ''}`,
        [path('securityPolicy'), ...(domain.endpointAccessMode ? [path('endpointAccessMode')] : [])],
      );
    }
    if (to === 'WEBSOCKET' && domain.mutualTls) {
      delete next.mutualTls;
      plan.remove(`Mutual TLS of ${domain.domainName}`, 'WebSocket APIs do not check client certificates.', [path('mutualTls')]);
    }
    const deep = to === 'WEBSOCKET' ? domain.mappings.filter((mapping) => isMultiLevelBasePath(mapping.basePath)) : [];
    if (deep.length > 0) {
      next.mappings = domain.mappings.filter((mapping) => !deep.includes(mapping));
      plan.remove(
        `API mappings ${listed(deep.map((mapping) => `/${mapping.basePath}`))} of ${domain.domainName}`,
        'WebSocket APIs take base paths of one level only.',
        [path('mappings')],
      );
    }
    if (domain.endpointType === 'PRIVATE' && domain.accessAssociations.length > 0) {
      next.accessAssociations = [];
      delete next.policy;
      plan.remove(`VPC endpoint associations of ${domain.domainName}`, 'only private custom domains are reached through VPC endpoints.', [
        path('accessAssociations'),
      ]);
    }
    const same = JSON.stringify(next) === JSON.stringify(domain);
    if (!same) changed = true;
    domains[domain.id] = same ? domain : next;
  }
  return changed ? (domains as Design['domains']) : current;
}

function convertApiSettings(c: Converting): ApiSettings {
  const { design, plan, from, to } = c;
  const api: ApiSettings = { ...design.api, type: to };
  const at = (field: string): DesignPath => ['api', field];
  plan.convert('API type', `${apiNames[from]} → ${apiNames[to]}`, [at('type')]);
  if (to !== 'REST') {
    if (design.api.endpointType !== 'REGIONAL') {
      api.endpointType = 'REGIONAL';
      plan.convert(`Endpoint type ${endpointNames[design.api.endpointType]}`, `becomes Regional: ${apisOf[to]} are always regional`, [
        at('endpointType'),
      ]);
    } else plan.convert('Endpoint type Regional', `stays Regional: ${apisOf[to]} are always regional`);
  } else
    plan.convert(
      'Endpoint type Regional',
      `${apisOf[from]} are regional, and so is the REST API; choose Edge-optimized or Private in API settings if you need them`,
    );
  if (to === 'REST') {
    if (from === 'HTTP' && design.api.cors)
      plan.convert(
        'CORS configuration',
        'kept; REST APIs answer preflight requests with OPTIONS methods, which Portico writes into the CDK program',
      );
  } else {
    const drops: [field: keyof ApiSettings, present: boolean, subject: string, detail: string][] = [
      [
        'vpcEndpointIds',
        design.api.vpcEndpointIds.length > 0,
        `VPC endpoints ${listed(design.api.vpcEndpointIds)}`,
        'only private REST APIs are reached through VPC endpoints.',
      ],
      [
        'binaryMediaTypes',
        design.api.binaryMediaTypes.length > 0,
        `Binary media types ${listed(design.api.binaryMediaTypes)}`,
        to === 'HTTP'
          ? 'HTTP APIs decide per request: the Lambda event says whether the body is base64-encoded.'
          : 'WebSocket APIs set content handling per integration.',
      ],
      [
        'minimumCompressionSize',
        design.api.minimumCompressionSize !== undefined,
        `Payload compression (responses of ${design.api.minimumCompressionSize?.toLocaleString('en')} bytes and more)`,
        `${apisOf[to]} do not compress: compress in the backend.`,
      ],
      [
        'policy',
        design.api.policy !== undefined,
        'Resource policy',
        `${apisOf[to]} have no resource policy: control access with IAM authorization or an authorizer.`,
      ],
      [
        'documentation',
        design.api.documentation !== undefined,
        'Documentation parts (x-amazon-apigateway-documentation)',
        `${apisOf[to]} have no documentation parts; the OpenAPI summaries and descriptions stay.`,
      ],
      [
        'securityPolicy',
        design.api.securityPolicy !== undefined,
        `TLS security policy ${design.api.securityPolicy}`,
        'a REST API setting; set TLS versions on a custom domain name.',
      ],
      [
        'endpointAccessMode',
        design.api.endpointAccessMode !== undefined,
        `Endpoint access mode ${design.api.endpointAccessMode}`,
        'a REST API setting that goes with an enhanced security policy.',
      ],
      ['cors', to === 'WEBSOCKET' && design.api.cors !== undefined, 'CORS configuration', 'WebSocket APIs have no CORS.'],
    ];
    // Named by the request validator's item.
    if (design.api.defaultRequestValidatorId !== undefined) delete api.defaultRequestValidatorId;
    for (const [field, present, subject, detail] of drops) {
      if (!present) continue;
      if (field === 'vpcEndpointIds' || field === 'binaryMediaTypes') api[field] = [];
      else delete api[field];
      plan.remove(subject, detail, [at(field)]);
    }
    if (design.api.apiKeySource !== 'HEADER') {
      api.apiKeySource = 'HEADER';
      plan.remove(`API key source ${design.api.apiKeySource}`, `${apisOf[to]} do not take API keys from a Lambda authorizer.`, [
        at('apiKeySource'),
      ]);
    }
  }
  if (from === 'WEBSOCKET' && design.api.apiKeySelectionExpression !== undefined) {
    delete api.apiKeySelectionExpression;
    plan.remove(
      `API key selection expression ${design.api.apiKeySelectionExpression}`,
      `a WebSocket API setting; ${apisOf[to]} have none.`,
      [at('apiKeySelectionExpression')],
    );
  }
  return api;
}

/** The plan of a change of API type and, when nothing blocks it, the design it leads to. */
export function convertApiType(design: Design, to: ApiType): { plan: ApiTypeChangePlan; design?: Design } {
  const from = design.api.type;
  const plan = new Plan();
  const c: Converting = { design, from, to, plan, operations: [], renamedIds: {}, collection: to === 'REST' ? 'methods' : 'routes' };
  const done = (next?: Design) => ({
    plan: { from, to, converted: plan.converted, removed: plan.removed, blocked: plan.blocked, renamedIds: c.renamedIds },
    ...(next ? { design: next } : {}),
  });
  if (from === to) return done(design);

  if ((from === 'WEBSOCKET' || to === 'WEBSOCKET') && hasOperations(design)) {
    const methodCount = Object.keys(design.methods).length;
    const resourceCount = Object.values(design.resources).filter((resource) => resource.parentId !== null).length;
    const what =
      from === 'WEBSOCKET'
        ? count(Object.keys(design.routes).length, 'WebSocket route')
        : from === 'REST'
          ? [methodCount > 0 ? count(methodCount, 'method') : '', resourceCount > 0 ? count(resourceCount, 'resource') : '']
              .filter(Boolean)
              .join(' and ')
          : count(Object.keys(design.routes).length, 'route');
    plan.block(
      what.charAt(0).toUpperCase() + what.slice(1),
      'WebSocket routes and REST or HTTP operations do not convert into each other: delete them first, or start a new design of the other type.',
    );
  }

  let { resources, methods, routes } = design;
  if (from === 'REST' && to === 'HTTP') {
    ({ routes, resources } = methodsToRoutes(c));
    methods = {} as Design['methods'];
  } else if (from === 'HTTP' && to === 'REST') {
    ({ methods, resources } = routesToMethods(c));
    routes = {} as Design['routes'];
  } else if (from === 'REST' && !hasOperations(design) && Object.keys(design.resources).length > 0) {
    plan.remove(
      'Resource /',
      `${apisOf[to]} have no resource tree.`,
      Object.keys(design.resources).map((id) => ['resources', id]),
    );
    resources = {} as Design['resources'];
  } else if (to === 'REST' && !hasOperations(design)) {
    resources = { [ROOT_RESOURCE_ID]: { id: ROOT_RESOURCE_ID, parentId: null, pathPart: '' } } as Design['resources'];
    plan.convert('Resource /', 'the root of the REST resource tree', [['resources', ROOT_RESOURCE_ID]]);
  }

  const requestValidators = removeValidators(c);
  const gatewayResponses = removeGatewayResponses(c);
  const { usagePlans, apiKeys } = removeUsagePlansAndKeys(c);
  const authorizers = convertAuthorizers(c);
  const integrations = convertIntegrations(c);
  convertBindings(c);
  const stages = convertStages(c);
  const domains = convertDomains(c);
  const api = convertApiSettings(c);
  const models = Object.values(design.models).map((model) => model.name);
  if (models.length > 0 && (to === 'HTTP' || to === 'REST'))
    plan.convert(
      `Models ${listed(models)}`,
      to === 'HTTP'
        ? 'kept as the OpenAPI schemas of the bodies; HTTP APIs neither validate nor transform with them'
        : 'kept; REST APIs can validate request bodies against them with a request validator',
    );
  for (const operation of c.operations)
    if (operation.notes.length > 0) operation.item.detail = `${operation.item.detail}; ${operation.notes.join('; ')}`;
  if (plan.blocked.length > 0) return done();

  // After a change of type the API side of the canvas (resources, methods, routes and their cards) is all
  // new, so only the integrations and authorizers that stay keep their place; the canvas places the rest.
  const layout: Record<string, Position> = {};
  for (const [key, position] of Object.entries(design.layout) as [string, Position][])
    if (Object.hasOwn(authorizers, key) || Object.hasOwn(integrations, key) || Object.hasOwn(domains, key)) layout[key] = position;

  return done({
    ...design,
    api,
    resources,
    methods,
    routes,
    authorizers,
    integrations,
    requestValidators,
    gatewayResponses,
    stages,
    domains,
    usagePlans,
    apiKeys,
    layout: layout as Design['layout'],
  });
}

/**
 * What changing the API type would do, before anything changes: what converts, what is removed and
 * what blocks the change, each naming the element.
 */
export function planApiTypeChange(design: Design, type: ApiType): ApiTypeChangePlan {
  return convertApiType(design, type).plan;
}

/** The refusal of a blocked plan: every blocker with what to do. */
export function blockedMessage(plan: ApiTypeChangePlan): string {
  return `The design cannot become ${plan.to === 'HTTP' ? 'an' : 'a'} ${apiNames[plan.to]} yet. ${plan.blocked
    .map((item) => `${item.subject} ${item.detail}`)
    .join(' ')}`;
}

/**
 * Changes the API type, doing exactly what `planApiTypeChange` lists: REST ↔ HTTP converts methods to
 * routes and back, and what the new type cannot have is removed, each named in the plan. Refused, with
 * every blocker and what to do about it, while the plan lists any.
 */
export function changeApiType(design: Design, type: ApiType): Design {
  if (design.api.type === type) return design;
  const { plan, design: next } = convertApiType(design, type);
  if (!next || plan.blocked.length > 0) refuse('not-allowed', blockedMessage(plan));
  return next;
}
