import {
  allResourcePaths,
  type BodyContent,
  type Design,
  type IntegrationTarget,
  type JsonObject,
  type JsonValue,
  type Method,
  type OperationDoc,
  parseHttpRouteKey,
  type Route,
  valuesOf,
} from '../model';
import { normalizedPath } from './operations';

/** The kinds of element a comparison names; the canvas highlights the first five. */
export type ElementKind =
  | 'resource'
  | 'method'
  | 'route'
  | 'authorizer'
  | 'integration'
  | 'model'
  | 'requestValidator'
  | 'gatewayResponse'
  | 'stage'
  | 'usagePlan'
  | 'apiKey'
  | 'domain'
  | 'api';

/** One element as a comparison sees it: what it means, how people name it, and its content without ids. */
export interface DesignElement {
  kind: ElementKind;
  id: string;
  /** What the element is, whatever its id (`GET /pets/{}`, an authorizer's name, an integration's target). */
  key: string;
  /** A second way to recognise it when its meaning changed (an integration's name). */
  alias?: string;
  label: string;
  /** A method's or route's verb: an element paired by id must keep it. */
  verb?: string;
  /** The element with ids replaced by what they name, so that two designs compare by meaning. */
  content: JsonValue;
}

/**
 * A typed element as plain JSON. Designs are plain, serialisable data by construction (parseDesign is
 * their gate), so this is a view, not a copy: comparisons only read it.
 */
function plain(value: unknown): JsonObject {
  return (value ?? {}) as JsonObject;
}

function without(value: JsonObject, ...keys: string[]): JsonObject {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** What an integration calls: two designs calling the same function or URL share the integration. */
export function integrationTarget(target: IntegrationTarget): string {
  if (target.rawUri !== undefined) return `uri ${JSON.stringify(target.rawUri)}`;
  switch (target.kind) {
    case 'LAMBDA':
      return `lambda ${target.functionArn}`;
    case 'HTTP':
      return `http ${target.httpMethod} ${target.url}`;
    case 'AWS_SERVICE':
      return `aws ${target.service} ${target.region} ${target.subdomain ?? ''} ${target.style} ${target.actionOrPath} ${target.httpMethod} ${target.integrationSubtype ?? ''}`;
    case 'VPC_LINK':
      return `vpc-link ${JSON.stringify(target.connectionId)} ${JSON.stringify(target.url)} ${target.httpMethod} ${JSON.stringify(target.integrationTarget ?? null)}`;
    case 'MOCK':
      // A mock calls nothing: its name is all that tells two apart.
      return `mock ${target.name}`;
  }
}

/** Names of what ids point at in one design. */
class Names {
  readonly paths: Map<string, string>;
  constructor(readonly design: Design) {
    this.paths = allResourcePaths(design) as Map<string, string>;
  }
  methodLabel(method: Method): string {
    return `${method.httpMethod} ${this.paths.get(method.resourceId) ?? '?'}`;
  }
  operationLabel(id: string): string {
    const method = this.design.methods[id as Method['id']];
    if (method) return this.methodLabel(method);
    return this.design.routes[id as Route['id']]?.routeKey ?? id;
  }
  stage(id: string): string {
    return this.design.stages[id as keyof Design['stages']]?.name ?? id;
  }
  model(id: string): string {
    return this.design.models[id as keyof Design['models']]?.name ?? id;
  }
  rekey(record: Record<string, unknown>, name: (id: string) => string): JsonObject {
    const result: JsonObject = {};
    for (const [id, value] of Object.entries(record)) result[name(id)] = plain(value);
    return result;
  }
}

function bodies(content: Record<string, BodyContent>, names: Names): JsonObject {
  const result: JsonObject = {};
  for (const [mediaType, body] of Object.entries(content))
    result[mediaType] = body.modelId !== undefined ? { model: names.model(body.modelId) } : plain(body);
  return result;
}

/** An operation's content with its authorizer, validator, integration and models named instead of referenced. */
function operationContent(element: Method | Route, names: Names): JsonObject {
  const design = names.design;
  const content = without(plain(element), 'id', 'resourceId', 'authorizerId', 'requestValidatorId', 'integration');
  const doc: OperationDoc = element;
  if (element.authorizerId !== undefined) content.authorizer = design.authorizers[element.authorizerId]?.name ?? element.authorizerId;
  if ('requestValidatorId' in element && element.requestValidatorId !== undefined)
    content.requestValidator = design.requestValidators[element.requestValidatorId]?.name ?? element.requestValidatorId;
  if (element.integration) {
    const target = design.integrations[element.integration.integrationId];
    content.integration = {
      ...without(plain(element.integration), 'integrationId', 'testSamples'),
      target: target ? target.name : element.integration.integrationId,
    };
  }
  if (doc.requestBody) content.requestBody = { ...plain(doc.requestBody), content: bodies(doc.requestBody.content, names) };
  content.responses = doc.responses.map((response) => ({ ...plain(response), content: bodies(response.content, names) }));
  return content;
}

/** Every element of a design that a comparison reports on. */
export function designElements(design: Design): DesignElement[] {
  const names = new Names(design);
  const elements: DesignElement[] = [];
  elements.push({
    kind: 'api',
    id: 'api',
    key: 'api',
    label: 'API settings',
    content: (() => {
      const api = without(plain(design.api), 'defaultRequestValidatorId');
      const validator = design.api.defaultRequestValidatorId;
      if (validator !== undefined) api.defaultRequestValidator = design.requestValidators[validator]?.name ?? validator;
      return api;
    })(),
  });
  for (const resource of valuesOf(design.resources)) {
    const path = names.paths.get(resource.id) ?? resource.pathPart;
    elements.push({
      kind: 'resource',
      id: resource.id,
      key: normalizedPath(path),
      label: path,
      content: { path, ...without(plain(resource), 'id', 'parentId') },
    });
  }
  for (const method of valuesOf(design.methods)) {
    const path = names.paths.get(method.resourceId) ?? '?';
    elements.push({
      kind: 'method',
      id: method.id,
      key: `${method.httpMethod} ${normalizedPath(path)}`,
      label: names.methodLabel(method),
      verb: method.httpMethod,
      content: { path, ...operationContent(method, names) },
    });
  }
  for (const route of valuesOf(design.routes)) {
    const http = parseHttpRouteKey(route.routeKey);
    elements.push({
      kind: 'route',
      id: route.id,
      key: http ? `${http.method} ${normalizedPath(http.path)}` : route.routeKey,
      label: route.routeKey,
      verb: http?.method ?? '',
      content: operationContent(route, names),
    });
  }
  for (const authorizer of valuesOf(design.authorizers))
    elements.push({
      kind: 'authorizer',
      id: authorizer.id,
      key: authorizer.name,
      label: authorizer.name,
      content: without(plain(authorizer), 'id'),
    });
  for (const target of valuesOf(design.integrations))
    elements.push({
      kind: 'integration',
      id: target.id,
      key: integrationTarget(target),
      alias: target.name,
      label: target.name,
      content: without(plain(target), 'id'),
    });
  for (const model of valuesOf(design.models))
    elements.push({ kind: 'model', id: model.id, key: model.name, label: model.name, content: without(plain(model), 'id') });
  for (const validator of valuesOf(design.requestValidators))
    elements.push({
      kind: 'requestValidator',
      id: validator.id,
      key: validator.name,
      label: validator.name,
      content: without(plain(validator), 'id'),
    });
  for (const [type, response] of Object.entries(design.gatewayResponses))
    elements.push({ kind: 'gatewayResponse', id: type, key: type, label: type, content: plain(response) });
  for (const stage of valuesOf(design.stages))
    elements.push({
      kind: 'stage',
      id: stage.id,
      key: stage.name,
      label: stage.name,
      content: {
        ...without(plain(stage), 'id'),
        methodOverrides: names.rekey(stage.methodOverrides, (id) => names.operationLabel(id)),
        routeOverrides: names.rekey(stage.routeOverrides, (id) => names.operationLabel(id)),
      },
    });
  for (const plan of valuesOf(design.usagePlans))
    elements.push({
      kind: 'usagePlan',
      id: plan.id,
      key: plan.name,
      label: plan.name,
      content: {
        ...without(plain(plan), 'id'),
        stages: plan.stages.map((entry) => ({
          stage: names.stage(entry.stageId),
          methodThrottles: names.rekey(entry.methodThrottles, (id) => names.operationLabel(id)),
        })),
        apiKeyIds: plan.apiKeyIds.map((id) => design.apiKeys[id]?.name ?? id),
      },
    });
  for (const key of valuesOf(design.apiKeys))
    elements.push({ kind: 'apiKey', id: key.id, key: key.name, label: key.name, content: without(plain(key), 'id') });
  for (const domain of valuesOf(design.domains))
    elements.push({
      kind: 'domain',
      id: domain.id,
      key: domain.domainName,
      label: domain.domainName,
      content: {
        ...without(plain(domain), 'id'),
        mappings: domain.mappings.map((mapping) => ({ basePath: mapping.basePath, stage: names.stage(mapping.stageId) })),
        routingRules: domain.routingRules.map((rule) => ({
          ...plain(rule),
          action: { stage: names.stage(rule.action.stageId), stripBasePath: rule.action.stripBasePath },
        })),
      },
    });
  return elements;
}
