import {
  type Authorizer,
  type AuthorizerKind,
  allResourcePaths,
  type Design,
  type IntegrationKind,
  type IntegrationTarget,
  jwtIssuerUrls,
  type Method,
  parseHttpRouteKey,
  type Route,
  type TextOrIntrinsic,
  valuesOf,
} from '../model';

/** Every kind of element the search finds, in the order result groups take when their best matches tie. */
export const searchKinds = [
  'resource',
  'method',
  'route',
  'integration',
  'authorizer',
  'stage',
  'model',
  'usage-plan',
  'api-key',
  'request-validator',
  'domain',
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** One piece of searchable text of an element. */
export interface SearchField {
  text: string;
  lower: string;
  /** How much a match here counts (1: what the element is called; less: what it mentions). */
  weight: number;
  /** Letters-in-order matching; for names and paths, not for long ARNs or prose. */
  fuzzy: boolean;
  /** Matches only the whole text or the start of one of its words (kind names). */
  prefixOnly: boolean;
}

/** One element as the search sees it. */
export interface SearchEntry {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  fields: SearchField[];
}

const integrationLabels: Record<IntegrationKind, string> = {
  LAMBDA: 'Lambda function',
  HTTP: 'HTTP endpoint',
  AWS_SERVICE: 'AWS service',
  MOCK: 'Mock',
  VPC_LINK: 'VPC link',
};

const authorizerLabels: Record<AuthorizerKind, string> = {
  IAM: 'IAM',
  COGNITO_USER_POOLS: 'Cognito user pool',
  LAMBDA_TOKEN: 'Lambda TOKEN',
  LAMBDA_REQUEST: 'Lambda REQUEST',
  JWT: 'JWT',
};

/** Words people type for a kind ("stage prod", "model pet"). */
const kindWords: Record<SearchKind, string> = {
  resource: 'resource',
  method: 'method',
  route: 'route',
  integration: 'integration',
  authorizer: 'authorizer',
  stage: 'stage',
  model: 'model',
  'usage-plan': 'usage plan',
  'api-key': 'api key',
  'request-validator': 'request validator',
  domain: 'custom domain',
};

const weights = { name: 1, detail: 0.9, mention: 0.8, kind: 0.5 } as const;

function text(value: TextOrIntrinsic | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** `pets` of `arn:aws:lambda:us-east-1:123456789012:function:pets[:alias]`. */
export function functionNameOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  return /:function:([^:/]+)/.exec(arn)?.[1];
}

/** `api.example.com` of `https://api.example.com/v1/{proxy}`. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url)?.[1];
}

/** One shared field per kind: the kind's name matches the same way for every element. */
const kindFields = Object.fromEntries(
  searchKinds.map((kind) => [
    kind,
    { text: kindWords[kind], lower: kindWords[kind], weight: weights.kind, fuzzy: false, prefixOnly: true },
  ]),
) as Record<SearchKind, SearchField>;

/** Collects fields, skipping empty and repeated texts (a linear scan: an element has about ten). */
class Fields {
  readonly list: SearchField[];
  constructor(kind: SearchKind) {
    this.list = [kindFields[kind]];
  }
  add(value: string | undefined, weight: number, options: { fuzzy?: boolean; prefixOnly?: boolean } = {}): this {
    if (!value) return this;
    const lower = value.toLowerCase();
    // From 1: the kind field does not count, so that a stage named "stage" still gets its name field.
    for (let index = 1; index < this.list.length; index += 1) if ((this.list[index] as SearchField).lower === lower) return this;
    this.list.push({ text: value, lower, weight, fuzzy: options.fuzzy ?? false, prefixOnly: options.prefixOnly ?? false });
    return this;
  }
}

/** The given texts joined with " · " (a loop: this runs for every element, and arrays cost more). */
function joined(...parts: (string | undefined)[]): string {
  let result = '';
  for (const part of parts) if (part) result = result ? `${result} · ${part}` : part;
  return result;
}

/**
 * The last part of a path on its own (`pets`, `{petId}` and `petId`), so that `pets` finds `/pets` as an
 * exact match and `/users/{id}/pets` too; the parts above it are word starts in the full path.
 */
function addLastPathPart(fields: Fields, path: string): void {
  const part = path.slice(path.lastIndexOf('/') + 1);
  if (!part) return;
  fields.add(part, weights.name, { fuzzy: true });
  fields.add(/^\{(.+?)\+?\}$/.exec(part)?.[1], weights.name, { fuzzy: true });
}

function addOperation(fields: Fields, design: Design, operation: Method | Route): { integration?: string } {
  fields.add(operation.operationName, weights.name, { fuzzy: true });
  fields.add(operation.summary, weights.detail, { fuzzy: true });
  for (const tag of operation.tags) fields.add(tag, weights.detail, { fuzzy: true });
  const integration = operation.integration ? design.integrations[operation.integration.integrationId]?.name : undefined;
  fields.add(integration, weights.mention);
  fields.add(operation.authorizerId ? design.authorizers[operation.authorizerId]?.name : undefined, weights.mention);
  return { integration };
}

function operationSubtitle(operation: Method | Route, integration: string | undefined): string {
  return joined(operation.operationName, operation.summary, integration ? `→ ${integration}` : undefined);
}

function methodEntry(design: Design, method: Method, path: string): SearchEntry {
  const title = `${method.httpMethod} ${path}`;
  const fields = new Fields('method')
    .add(title, weights.name, { fuzzy: true })
    .add(method.httpMethod, weights.name)
    .add(path, weights.name);
  addLastPathPart(fields, path);
  const { integration } = addOperation(fields, design, method);
  return { kind: 'method', id: method.id, title, subtitle: operationSubtitle(method, integration), fields: fields.list };
}

function routeEntry(design: Design, route: Route): SearchEntry {
  const fields = new Fields('route').add(route.routeKey, weights.name, { fuzzy: true });
  const parsed = parseHttpRouteKey(route.routeKey);
  if (parsed) {
    fields.add(parsed.method, weights.name).add(parsed.path, weights.name);
    addLastPathPart(fields, parsed.path);
  }
  const { integration } = addOperation(fields, design, route);
  return { kind: 'route', id: route.id, title: route.routeKey, subtitle: operationSubtitle(route, integration), fields: fields.list };
}

/** What tells a target apart, as its subtitle: the ARN, the URL, the service action, the VPC link. */
function integrationDetail(target: IntegrationTarget): string {
  const raw = text(target.rawUri);
  if (raw) return raw;
  switch (target.kind) {
    case 'LAMBDA':
      return target.functionArn;
    case 'HTTP':
      return `${target.httpMethod} ${target.url}`;
    case 'AWS_SERVICE':
      return joined(target.integrationSubtype, `${target.service} ${target.style} ${target.actionOrPath}`);
    case 'MOCK':
      return 'Mock: a fixed response, no backend';
    case 'VPC_LINK':
      return joined(text(target.connectionId), text(target.url), text(target.integrationTarget));
  }
}

function integrationEntry(target: IntegrationTarget): SearchEntry {
  const fields = new Fields('integration').add(target.name, weights.name, { fuzzy: true });
  fields.add(integrationLabels[target.kind], weights.kind, { prefixOnly: true });
  fields.add(text(target.rawUri), weights.detail);
  fields.add(functionNameOf(text(target.rawUri)), weights.name, { fuzzy: true });
  switch (target.kind) {
    case 'LAMBDA':
      fields.add(target.functionArn, weights.detail).add(functionNameOf(target.functionArn), weights.name, { fuzzy: true });
      break;
    case 'HTTP':
      fields.add(target.url, weights.detail).add(hostOf(target.url), weights.detail, { fuzzy: true });
      break;
    case 'AWS_SERVICE':
      fields
        .add(target.service, weights.detail, { fuzzy: true })
        .add(target.actionOrPath, weights.detail, { fuzzy: true })
        .add(target.integrationSubtype, weights.detail, { fuzzy: true })
        .add(`${target.service} ${target.actionOrPath}`, weights.detail);
      break;
    case 'VPC_LINK':
      fields
        .add(text(target.connectionId), weights.detail)
        .add(text(target.url), weights.detail)
        .add(hostOf(text(target.url)), weights.detail, { fuzzy: true })
        .add(text(target.integrationTarget), weights.detail);
      break;
    case 'MOCK':
      break;
  }
  fields.add(target.description, weights.mention);
  return { kind: 'integration', id: target.id, title: target.name, subtitle: integrationDetail(target), fields: fields.list };
}

function authorizerEntry(authorizer: Authorizer): SearchEntry {
  const fields = new Fields('authorizer').add(authorizer.name, weights.name, { fuzzy: true });
  fields
    .add(authorizerLabels[authorizer.kind], weights.kind, { prefixOnly: true })
    .add(authorizer.kind, weights.kind, { prefixOnly: true });
  fields.add(authorizer.functionArn, weights.detail).add(functionNameOf(authorizer.functionArn), weights.detail, { fuzzy: true });
  fields.add(text(authorizer.rawAuthorizerUri), weights.detail).add(functionNameOf(text(authorizer.rawAuthorizerUri)), weights.detail);
  for (const arn of authorizer.providerArns) fields.add(text(arn), weights.detail);
  // An HTTP API's one issuer, or a REST API's list (each with its audiences).
  const issuers = jwtIssuerUrls(authorizer);
  for (const issuer of issuers) fields.add(issuer, weights.detail).add(hostOf(issuer), weights.detail, { fuzzy: true });
  for (const audience of [...authorizer.jwtAudience, ...(authorizer.jwtIssuers ?? []).flatMap((entry) => entry.audiences)])
    fields.add(audience, weights.mention);
  fields.add(authorizer.identitySource, weights.mention);
  const source =
    authorizer.functionArn ??
    text(authorizer.rawAuthorizerUri) ??
    text(authorizer.providerArns[0]) ??
    issuers[0] ??
    authorizer.identitySource;
  return {
    kind: 'authorizer',
    id: authorizer.id,
    title: authorizer.name,
    subtitle: joined(authorizerLabels[authorizer.kind], source),
    fields: fields.list,
  };
}

/**
 * The search entries of a design, in document order: the resource tree (REST) or the routes, then
 * integrations, authorizers, stages, models, and what the API type has of usage plans, API keys and
 * request validators (what its panels show).
 */
export function searchEntries(design: Design): SearchEntry[] {
  const entries: SearchEntry[] = [];
  const isRest = design.api.type === 'REST';
  if (isRest) {
    const paths = allResourcePaths(design);
    const methodsOf = new Map<string, string[]>();
    for (const method of valuesOf(design.methods)) {
      const list = methodsOf.get(method.resourceId);
      if (list) list.push(method.httpMethod);
      else methodsOf.set(method.resourceId, [method.httpMethod]);
    }
    for (const resource of valuesOf(design.resources)) {
      const path = paths.get(resource.id) ?? '/';
      const fields = new Fields('resource').add(path, weights.name, { fuzzy: true });
      addLastPathPart(fields, path);
      const verbs = methodsOf.get(resource.id);
      entries.push({
        kind: 'resource',
        id: resource.id,
        title: path,
        subtitle: verbs ? `Resource with ${verbs.join(', ')}` : 'Resource',
        fields: fields.list,
      });
    }
    for (const method of valuesOf(design.methods)) entries.push(methodEntry(design, method, paths.get(method.resourceId) ?? '/'));
  } else {
    for (const route of valuesOf(design.routes)) entries.push(routeEntry(design, route));
  }
  for (const target of valuesOf(design.integrations)) entries.push(integrationEntry(target));
  for (const authorizer of valuesOf(design.authorizers)) entries.push(authorizerEntry(authorizer));
  for (const id of design.stageOrder) {
    const stage = design.stages[id];
    if (!stage) continue;
    const fields = new Fields('stage').add(stage.name, weights.name, { fuzzy: true }).add(stage.description, weights.mention);
    const variables = Object.entries(stage.variables);
    for (const [name, value] of variables) fields.add(name, weights.detail, { fuzzy: true }).add(value, weights.detail);
    const listed = variables.map(([name, value]) => `${name}=${value}`).join(', ');
    entries.push({ kind: 'stage', id, title: stage.name, subtitle: joined(stage.description, listed || undefined), fields: fields.list });
  }
  for (const domain of valuesOf(design.domains ?? {})) {
    const fields = new Fields('domain').add(domain.domainName, weights.name, { fuzzy: true });
    for (const mapping of domain.mappings) fields.add(mapping.basePath, weights.detail);
    for (const rule of domain.routingRules)
      for (const condition of rule.conditions.headers)
        fields.add(condition.header, weights.detail).add(condition.valueGlob, weights.mention);
    fields.add(domain.certificateArn, weights.mention);
    const served = [...new Set([...domain.mappings.map((m) => m.stageId), ...domain.routingRules.map((r) => r.action.stageId)])]
      .map((stageId) => design.stages[stageId]?.name)
      .filter((name): name is string => name !== undefined);
    entries.push({
      kind: 'domain',
      id: domain.id,
      title: domain.domainName,
      subtitle: joined(`${domain.endpointType.toLowerCase()} custom domain`, served.length > 0 ? `to ${served.join(', ')}` : undefined),
      fields: fields.list,
    });
  }
  for (const model of valuesOf(design.models)) {
    const fields = new Fields('model').add(model.name, weights.name, { fuzzy: true }).add(model.contentType, weights.mention);
    fields.add(model.description, weights.mention);
    entries.push({
      kind: 'model',
      id: model.id,
      title: model.name,
      subtitle: joined(model.contentType, model.description),
      fields: fields.list,
    });
  }
  if (isRest)
    for (const plan of valuesOf(design.usagePlans)) {
      const fields = new Fields('usage-plan').add(plan.name, weights.name, { fuzzy: true }).add(plan.description, weights.mention);
      entries.push({ kind: 'usage-plan', id: plan.id, title: plan.name, subtitle: plan.description ?? 'Usage plan', fields: fields.list });
    }
  if (design.api.type !== 'HTTP')
    for (const key of valuesOf(design.apiKeys)) {
      // The key's value is a secret: it is never indexed, so it never shows in results.
      const fields = new Fields('api-key').add(key.name, weights.name, { fuzzy: true }).add(key.description, weights.mention);
      const subtitle = joined(key.description, key.enabled ? undefined : 'disabled') || 'API key';
      entries.push({ kind: 'api-key', id: key.id, title: key.name, subtitle, fields: fields.list });
    }
  if (isRest)
    for (const validator of valuesOf(design.requestValidators)) {
      const checks = [validator.validateRequestBody ? 'body' : undefined, validator.validateRequestParameters ? 'parameters' : undefined];
      const what = checks.filter(Boolean).join(' and ');
      entries.push({
        kind: 'request-validator',
        id: validator.id,
        title: validator.name,
        subtitle: what ? `Validates ${what}` : 'Validates nothing',
        fields: new Fields('request-validator').add(validator.name, weights.name, { fuzzy: true }).list,
      });
    }
  return entries;
}
