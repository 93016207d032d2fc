import type { Design } from '../design';
import { refuse } from '../errors';
import type { AuthorizerId, IntegrationId, MethodId, ModelId, ResourceId, RouteId, StageId } from '../ids';
import type { IntegrationBinding } from '../integration';
import type { Method } from '../method';
import type { Parameter } from '../operation-doc';
import { allResourcePaths, subtreeIds } from '../paths';
import { isGreedy, pathParameterName } from '../resource';
import type { Route } from '../route';
import type { Stage } from '../stage';
import { updateModel } from './components';
import { mustGet } from './helpers';
import { updateMethod } from './methods';
import { renameResource } from './resources';
import { updateRoute } from './routes';
import { updateStage } from './stages';

/**
 * Renames that follow their name everywhere it is used. API Gateway refers to a method's request
 * parameters, models and stage variables by name (`method.request.path.petId` in a parameter mapping,
 * `$input.params('petId')` in a mapping template, a cache key, `${stageVariables.fn}` in an integration
 * URI), so renaming one in a single place breaks the others silently. Each rename here changes the name
 * and every reference it can rewrite safely, as one design (one undo step), and says what it changed;
 * text that only looks like the name (a comment, a string in a template) is listed for review instead.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */

/** One value the rename rewrote: where, and the line or value before and after. */
export interface RenameChange {
  where: string;
  before: string;
  after: string;
}

/** Text that names the old name but was left alone, for a person to check. */
export interface RenameReview {
  where: string;
  text: string;
}

export interface RenameResult {
  design: Design;
  changed: RenameChange[];
  review: RenameReview[];
}

type Rewrite = (text: string) => string;
type MappingLocation = 'path' | 'querystring' | 'header';

const nameEnd = '(?![A-Za-z0-9_-])';
const nameStart = '(?<![A-Za-z0-9_-])';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-name occurrences (a name is letters, digits, `_` and `-`), so `pet` is not found in `petId`. */
function mentions(text: string, name: string): boolean {
  return name !== '' && new RegExp(`${nameStart}${escaped(name)}${nameEnd}`).test(text);
}

function shortLine(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
}

/** The lines a rewrite changed (rewrites never add lines), so a long template is not shown whole. */
function changedLines(before: string, after: string): { before: string; after: string } {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return { before: shortLine(before), after: shortLine(after) };
  const differing = a.map((line, index) => [line, b[index] as string] as const).filter(([left, right]) => left !== right);
  return {
    before: differing.map(([left]) => shortLine(left)).join('\n'),
    after: differing.map(([, right]) => shortLine(right)).join('\n'),
  };
}

/** Collects what a rename did while it rewrites texts. */
class RenameLog {
  readonly changed: RenameChange[] = [];
  readonly review: RenameReview[] = [];
  private readonly reviewed = new Set<string>();

  change(where: string, before: string, after: string): void {
    if (before !== after) this.changed.push({ where, before, after });
  }

  /** Rewrites one text and notes it; then lists the lines that still name `name` for review. */
  text(where: string, text: string, rewrite: Rewrite, name: string): string {
    const next = rewrite(text);
    if (next !== text) this.changed.push({ where, ...changedLines(text, next) });
    for (const line of next.split('\n'))
      if (mentions(line, name)) {
        const key = `${where}\u0000${line}`;
        if (this.reviewed.has(key)) continue;
        this.reviewed.add(key);
        this.review.push({ where, text: shortLine(line) });
      }
    return next;
  }

  note(where: string, text: string): void {
    const key = `${where}\u0000${text}`;
    if (this.reviewed.has(key)) return;
    this.reviewed.add(key);
    this.review.push({ where, text: shortLine(text) });
  }

  result(design: Design): RenameResult {
    return { design, changed: this.changed, review: this.review };
  }
}

/** How a rename's notice names a place in an integration binding. */
function bindingPlace(binding: IntegrationBinding, path: readonly (string | number)[]): string {
  const [first, second, third, fourth] = path;
  if (first === 'requestParameters') return `integration request parameter ${String(second)}`;
  if (first === 'requestTemplates') return `request template (${String(second)})`;
  if (first === 'cacheKeyParameters') return 'cache key';
  if (first === 'responses' && typeof second === 'number') {
    const status = binding.responses[second]?.statusCode ?? '';
    if (third === 'responseTemplates') return `integration response ${status} template (${String(fourth)})`;
    if (third === 'responseParameters') return `integration response ${status} header mapping ${String(fourth)}`;
    return `integration response ${status}`;
  }
  if (first === 'responseParameters') return `response parameter ${String(second)} ${String(third)}`;
  return path.map(String).join('.');
}

/** Sets an own property, `__proto__` included (a header or variable may be named so). */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Applies `rewrite` to every text of a JSON-like value (keys stay), keeping unchanged parts as they
 * were; `visit` sees each text with its path and returns its new value.
 */
function mapTexts<T>(value: T, visit: (text: string, path: (string | number)[]) => string, path: (string | number)[] = []): T {
  if (typeof value === 'string') return visit(value, path) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item, index) => {
      const mapped = mapTexts(item, visit, [...path, index]);
      if (mapped !== item) changed = true;
      return mapped;
    });
    return (changed ? next : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let next: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const mapped = mapTexts(item, visit, [...path, key]);
      if (mapped !== item) {
        next ??= { ...(value as Record<string, unknown>) };
        setOwn(next, key, mapped);
      }
    }
    return (next ?? value) as T;
  }
  return value;
}

/** A binding with its texts rewritten (templates, mapping values, cache keys), noted under `label`. */
function rewriteBinding(binding: IntegrationBinding, label: string, log: RenameLog, rewrite: Rewrite, name: string): IntegrationBinding {
  const { integrationId, ...rest } = binding;
  const next = mapTexts(rest, (text, path) => log.text(`${label} · ${bindingPlace(binding, path)}`, text, rewrite, name));
  return next === rest ? binding : { integrationId, ...next };
}

function labels(design: Design): (owner: Method | Route) => string {
  const paths = allResourcePaths(design);
  return (owner) => ('routeKey' in owner ? owner.routeKey : `${owner.httpMethod} ${paths.get(owner.resourceId) ?? '/'}`);
}

function mappingLocation(location: Parameter['in']): MappingLocation {
  return location === 'query' ? 'querystring' : location;
}

/**
 * The rewrites of a REST method request parameter's name in mapping values and templates:
 * `method.request.{location}.{name}` (parameter mappings, cache keys) and, in templates,
 * `$input.params().{location}.{name}`, `….get('{name}')`, `$input.params().get('{location}').get('{name}')`
 * and, when no other parameter of the method has the name, `$input.params('{name}')` (which searches
 * the path, the query string and the headers in turn).
 */
function restParameterRewrites(location: MappingLocation, from: string, to: string, unique: boolean): Rewrite {
  const name = escaped(from);
  const input = String.raw`\$!?\{?input\.params\(\)`;
  const rewrites: [RegExp, (match: string, ...groups: string[]) => string][] = [
    [new RegExp(`(?<![A-Za-z0-9_.])method\\.request\\.${location}\\.${name}${nameEnd}`, 'g'), () => `method.request.${location}.${to}`],
    [new RegExp(`(${input}\\.${location}\\.get\\(\\s*)(['"])${name}\\2`, 'g'), (_m, head, quote) => `${head}${quote}${to}${quote}`],
    [
      new RegExp(`(${input}\\.get\\(\\s*(['"])${location}\\2\\s*\\)\\.get\\(\\s*)(['"])${name}\\3`, 'g'),
      (_m, head, _q, quote) => `${head}${quote}${to}${quote}`,
    ],
    [new RegExp(`(${input}\\.${location}\\.)${name}${nameEnd}`, 'g'), (_m, head) => `${head}${to}`],
  ];
  if (unique)
    rewrites.push([
      new RegExp(String.raw`(\$!?\{?input\.params\(\s*)(['"])${name}\2(?=\s*\))`, 'g'),
      (_m, head, quote) => `${head}${quote}${to}${quote}`,
    ]);
  return (text) => rewrites.reduce((current, [pattern, replace]) => current.replace(pattern, replace), text);
}

/** HTTP APIs map `$request.{location}.{name}` in their parameter mappings. */
function httpParameterRewrite(location: MappingLocation, from: string, to: string): Rewrite {
  const pattern = new RegExp(`(\\$request\\.${location}\\.)${escaped(from)}${nameEnd}`, 'g');
  return (text) => text.replace(pattern, (_match, head: string) => `${head}${to}`);
}

/** Whether another parameter of the owner (another location) has this name: `$input.params('name')` is then ambiguous. */
function nameIsUnique(parameters: readonly Parameter[], location: Parameter['in'], name: string): boolean {
  return !parameters.some((parameter) => parameter.name === name && parameter.in !== location);
}

function reviewAuthorizer(design: Design, authorizerId: AuthorizerId | undefined, expression: string, log: RenameLog): void {
  const authorizer = authorizerId ? design.authorizers[authorizerId] : undefined;
  if (authorizer?.identitySource?.includes(expression))
    log.note(`authorizer ${authorizer.name} · identity source (shared by its methods, left as it is)`, authorizer.identitySource);
}

/** Renames a path parameter in the methods of a resource's subtree: their parameter lists and every reference. */
function renamePathParameter(design: Design, resourceId: ResourceId, from: string, to: string, log: RenameLog): Design {
  const subtree = subtreeIds(design, resourceId);
  const label = labels(design);
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods) as Method[]) {
    if (!subtree.has(method.resourceId)) continue;
    const where = label(method);
    let next: Method = method;
    const index = method.parameters.findIndex((parameter) => parameter.in === 'path' && parameter.name === from);
    if (index >= 0) {
      next = { ...next, parameters: method.parameters.map((parameter, at) => (at === index ? { ...parameter, name: to } : parameter)) };
      log.change(`${where} · path parameter`, from, to);
    }
    if (method.integration) {
      const rewrite = restParameterRewrites('path', from, to, nameIsUnique(method.parameters, 'path', from));
      const binding = rewriteBinding(method.integration, where, log, rewrite, from);
      if (binding !== method.integration) next = { ...next, integration: binding };
      const target = design.integrations[method.integration.integrationId];
      if (
        target &&
        (target.kind === 'HTTP' || target.kind === 'VPC_LINK') &&
        typeof target.url === 'string' &&
        target.url.includes(`{${from}}`)
      )
        log.note(`integration ${target.name} · URL (its own path variable, mapped by the integration request parameters)`, target.url);
    }
    reviewAuthorizer(design, method.authorizerId, `method.request.path.${from}`, log);
    if (next !== method) methods[method.id] = next;
  }
  return { ...design, methods };
}

/** Template lines that name the resource's old path (`$context.resourcePath == "/pets/{petId}"`) are left for review. */
function reviewOldPath(design: Design, oldPath: string, log: RenameLog): void {
  if (oldPath === '/') return;
  const pattern = new RegExp(`${escaped(oldPath)}(?![A-Za-z0-9_.,:-])`);
  const label = labels(design);
  for (const owner of Object.values(design.methods) as Method[]) {
    const binding = owner.integration;
    if (!binding) continue;
    mapTexts({ requestTemplates: binding.requestTemplates, responses: binding.responses }, (text, path) => {
      for (const line of text.split('\n')) if (pattern.test(line)) log.note(`${label(owner)} · ${bindingPlace(binding, path)}`, line);
      return text;
    });
  }
}

/**
 * Renames a REST resource's path part. When it is a path parameter (`{petId}` → `{id}`), the methods of
 * the resource and of every resource below it follow: their declared path parameter, parameter mappings
 * (`method.request.path.petId`), cache keys and mapping templates.
 */
export function renameResourceEverywhere(design: Design, resourceId: ResourceId, pathPart: string): RenameResult {
  const resource = mustGet(design.resources, resourceId, 'resource');
  const oldPath = allResourcePaths(design).get(resourceId) ?? '/';
  const renamed = renameResource(design, resourceId, pathPart);
  const log = new RenameLog();
  if (renamed === design) return log.result(design);
  const next = renamed.resources[resourceId]?.pathPart ?? pathPart;
  log.change(`resource ${oldPath}`, resource.pathPart, next);
  const from = pathParameterName(resource.pathPart);
  const to = pathParameterName(next);
  let result = renamed;
  if (from !== undefined && to !== undefined && from !== to) result = renamePathParameter(renamed, resourceId, from, to, log);
  else if (from !== undefined && to === undefined)
    log.note(
      `resource ${oldPath}`,
      `{${from}} is no longer a path parameter: its mappings and templates still read method.request.path.${from}`,
    );
  reviewOldPath(result, oldPath, log);
  return log.result(result);
}

/** The resource of a method (or above it) whose path part is the path parameter `name`. */
function resourceNaming(design: Design, resourceId: ResourceId, name: string): ResourceId | undefined {
  let current = design.resources[resourceId];
  for (let guard = 0; current && guard < 1000; guard += 1) {
    if (pathParameterName(current.pathPart) === name) return current.id;
    current = current.parentId === null ? undefined : design.resources[current.parentId];
  }
  return undefined;
}

/**
 * Renames a request parameter (path, query string or header) of a method or route. A method's path
 * parameter is its resource's path part, so the resource is renamed (and every method below it follows);
 * a header or query string parameter is renamed with the references of that method: parameter mappings,
 * cache keys, mapping templates, or an HTTP API's `$request.…` mappings. An authorizer reading it is
 * shared by other methods and is listed for review.
 */
export function renameParameterEverywhere(design: Design, ownerId: MethodId | RouteId, index: number, name: string): RenameResult {
  const isRoute = Object.hasOwn(design.routes, ownerId);
  const owner: Method | Route = isRoute
    ? mustGet(design.routes, ownerId, 'route')
    : mustGet(design.methods as Record<string, Method>, ownerId, 'method');
  const parameter = owner.parameters[index];
  if (!parameter) refuse('not-found', 'This request parameter no longer exists.');
  const from = parameter.name;
  const to = name.trim();
  const log = new RenameLog();
  if (to === from) return log.result(design);
  if (to === '') refuse('invalid-value', 'A request parameter needs a name.');
  if (!isRoute && parameter.in === 'path') {
    const method = owner as Method;
    const resourceId = resourceNaming(design, method.resourceId, from);
    if (resourceId !== undefined) {
      const part = design.resources[resourceId]?.pathPart ?? '';
      return renameResourceEverywhere(design, resourceId, isGreedy(part) ? `{${to}+}` : `{${to}}`);
    }
  }
  const parameters = owner.parameters.map((item, at) => (at === index ? { ...item, name: to } : item));
  let next = isRoute ? updateRoute(design, ownerId as RouteId, { parameters }) : updateMethod(design, ownerId as MethodId, { parameters });
  const where = labels(design)(owner);
  const location = mappingLocation(parameter.in);
  log.change(`${where} · ${location} parameter`, from, to);
  if (owner.integration) {
    const rewrite = isRoute
      ? httpParameterRewrite(location, from, to)
      : restParameterRewrites(location, from, to, nameIsUnique(owner.parameters, parameter.in, from));
    const binding = rewriteBinding(owner.integration, where, log, rewrite, from);
    if (binding !== owner.integration)
      next = isRoute
        ? { ...next, routes: { ...next.routes, [ownerId]: { ...(next.routes[ownerId as RouteId] as Route), integration: binding } } }
        : { ...next, methods: { ...next.methods, [ownerId]: { ...(next.methods[ownerId as MethodId] as Method), integration: binding } } };
  }
  reviewAuthorizer(design, owner.authorizerId, isRoute ? `$request.${location}.${from}` : `method.request.${location}.${from}`, log);
  return log.result(next);
}

/** Mapping templates of every method and route that name `name`, for review. */
function reviewTemplates(design: Design, name: string, log: RenameLog): void {
  const label = labels(design);
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)] as (Method | Route)[]) {
    const binding = owner.integration;
    if (!binding) continue;
    mapTexts({ requestTemplates: binding.requestTemplates, responses: binding.responses }, (text, path) =>
      log.text(`${label(owner)} · ${bindingPlace(binding, path)}`, text, (same) => same, name),
    );
  }
}

/**
 * Renames a model. Schemas refer to it by name (`#/components/schemas/Pet`): the model operation already
 * rewrites them, and this lists where; mapping templates that name it (a comment, a generated template)
 * are listed for review.
 */
export function renameModelEverywhere(design: Design, modelId: ModelId, name: string): RenameResult {
  const model = mustGet(design.models, modelId, 'model');
  const next = updateModel(design, modelId, { name });
  const log = new RenameLog();
  if (next === design || next.models[modelId]?.name === model.name) return log.result(next);
  const to = next.models[modelId]?.name ?? name;
  log.change(`model ${model.name}`, model.name, to);
  for (const other of Object.values(next.models))
    if (other.id !== modelId && other.schema !== design.models[other.id]?.schema)
      log.change(`model ${other.name} · schema reference`, model.name, to);
  const label = labels(next);
  for (const owner of [...Object.values(next.methods), ...Object.values(next.routes)] as (Method | Route)[]) {
    const before = 'routeKey' in owner ? design.routes[owner.id] : design.methods[owner.id];
    if (before !== owner) log.change(`${label(owner)} · schema reference`, model.name, to);
  }
  reviewTemplates(next, model.name, log);
  return log.result(next);
}

/** `$stageVariables.name`, `${stageVariables.name}`, `stageVariables.name` (mappings, identity sources), `$stageVariables.get('name')`. */
function stageVariableRewrite(from: string, to: string): Rewrite {
  const name = escaped(from);
  const reference = new RegExp(`((?:\\$!?\\{?)?(?<![A-Za-z0-9_.])stageVariables\\.)${name}(?![A-Za-z0-9_])`, 'g');
  const lookup = new RegExp(`(\\$!?\\{?stageVariables\\.get\\(\\s*)(['"])${name}\\2`, 'g');
  return (text) =>
    text
      .replace(reference, (_match, head: string) => `${head}${to}`)
      .replace(lookup, (_match, head: string, quote: string) => `${head}${quote}${to}${quote}`);
}

function renameKey(record: Record<string, string>, from: string, to: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/**
 * Renames a stage variable. Integrations and authorizers read it by name in every stage, so every stage
 * that defines it renames it too (and a canary's override of it), and every reference follows:
 * integration URIs and ARNs, credentials, authorizer functions and identity sources, parameter mappings
 * and mapping templates.
 */
export function renameStageVariableEverywhere(design: Design, stageId: StageId, from: string, name: string): RenameResult {
  const stage = mustGet(design.stages, stageId, 'stage');
  if (!Object.hasOwn(stage.variables, from)) refuse('not-found', `The stage ${stage.name} has no variable "${from}".`);
  const to = name.trim();
  const log = new RenameLog();
  if (to === from) return log.result(design);
  if (to === '') refuse('invalid-value', 'A stage variable needs a name.');
  if (Object.hasOwn(stage.variables, to)) refuse('duplicate', `The stage ${stage.name} already has a variable "${to}".`);
  // The operation checks the new name as it checks any variable.
  let next = updateStage(design, stageId, { variables: renameKey(stage.variables, from, to) });
  log.change(`stage ${stage.name} · variable`, from, to);
  const stages = { ...next.stages };
  for (const other of Object.values(next.stages) as Stage[]) {
    let updated = other;
    if (other.id !== stageId && Object.hasOwn(other.variables, from)) {
      if (Object.hasOwn(other.variables, to)) log.note(`stage ${other.name} · variables`, `defines both ${from} and ${to}; left as it is`);
      else {
        updated = { ...updated, variables: renameKey(other.variables, from, to) };
        log.change(`stage ${other.name} · variable`, from, to);
      }
    }
    if (
      other.canary &&
      Object.hasOwn(other.canary.stageVariableOverrides, from) &&
      !Object.hasOwn(other.canary.stageVariableOverrides, to)
    ) {
      updated = {
        ...updated,
        canary: { ...other.canary, stageVariableOverrides: renameKey(other.canary.stageVariableOverrides, from, to) },
      };
      log.change(`stage ${other.name} · canary variable`, from, to);
    }
    if (other.accessLogFormat !== undefined) {
      const format = log.text(`stage ${other.name} · access log format`, other.accessLogFormat, stageVariableRewrite(from, to), from);
      if (format !== other.accessLogFormat) updated = { ...updated, accessLogFormat: format };
    }
    if (updated !== other) stages[other.id] = updated;
  }
  next = { ...next, stages };
  const rewrite = stageVariableRewrite(from, to);
  // Names and descriptions are for people; every other text of a backend or authorizer may name the variable.
  const own = (path: (string | number)[]) => ['id', 'kind', 'name', 'description'].includes(String(path[0]));
  const integrations = { ...next.integrations };
  for (const target of Object.values(next.integrations)) {
    const mapped = mapTexts(target, (text, path) =>
      own(path) ? text : log.text(`integration ${target.name} · ${path.map(String).join('.')}`, text, rewrite, from),
    );
    if (mapped !== target) integrations[target.id as IntegrationId] = mapped;
  }
  const authorizers = { ...next.authorizers };
  for (const authorizer of Object.values(next.authorizers)) {
    const mapped = mapTexts(authorizer, (text, path) =>
      own(path) ? text : log.text(`authorizer ${authorizer.name} · ${path.map(String).join('.')}`, text, rewrite, from),
    );
    if (mapped !== authorizer) authorizers[authorizer.id] = mapped;
  }
  const label = labels(next);
  const methods = { ...next.methods };
  for (const method of Object.values(next.methods) as Method[]) {
    if (!method.integration) continue;
    const binding = rewriteBinding(method.integration, label(method), log, rewrite, from);
    if (binding !== method.integration) methods[method.id] = { ...method, integration: binding };
  }
  const routes = { ...next.routes };
  for (const route of Object.values(next.routes) as Route[]) {
    if (!route.integration) continue;
    const binding = rewriteBinding(route.integration, label(route), log, rewrite, from);
    if (binding !== route.integration) routes[route.id] = { ...route, integration: binding };
  }
  return log.result({ ...next, integrations, authorizers, methods, routes });
}

/**
 * A stage's variables as a form edits them (the whole list): when one variable's name changed and
 * nothing else, that is a rename and goes everywhere; any other edit is a plain update.
 */
export function updateStageVariables(design: Design, stageId: StageId, variables: Record<string, string>): RenameResult {
  const stage = mustGet(design.stages, stageId, 'stage');
  const before = Object.entries(stage.variables);
  const after = Object.entries(variables);
  if (before.length === after.length) {
    const differing = before
      .map((entry, index) => [entry, after[index] as [string, string]] as const)
      .filter(([a, b]) => a[0] !== b[0] || a[1] !== b[1]);
    const only = differing.length === 1 ? differing[0] : undefined;
    if (only && only[0][0] !== only[1][0] && only[0][1] === only[1][1] && !Object.hasOwn(stage.variables, only[1][0]))
      return renameStageVariableEverywhere(design, stageId, only[0][0], only[1][0]);
  }
  return { design: updateStage(design, stageId, { variables }), changed: [], review: [] };
}
