import {
  type AwsServiceTarget,
  addIntegration,
  createId,
  type Design,
  type IntegrationBinding,
  type IntegrationId,
  type Method,
  type MethodId,
  type MethodResponse,
  newBinding,
  type Parameter,
  parseHttpRouteKey,
  pathParameterName,
  type Route,
  type RouteId,
  refuse,
  resourcePath,
} from '../model';
import { scaffoldById } from './registry';
import { scaffoldProblem } from './scaffold-problem';
import type { ScaffoldBuild, ScaffoldContext, ScaffoldSetup } from './types';

export interface ApplyScaffoldOptions {
  /**
   * The AWS service target to set up (the one whose form the person chose the action in). Without it the
   * method's own service target is set up when nothing else uses it, an identical target is shared, or a
   * new one is added.
   */
  integrationId?: IntegrationId;
}

type Owner = Method | Route;

function ownerOf(design: Design, ownerId: MethodId | RouteId): Owner {
  if (Object.hasOwn(design.methods, ownerId)) return design.methods[ownerId as MethodId] as Method;
  if (Object.hasOwn(design.routes, ownerId)) return design.routes[ownerId as RouteId] as Route;
  return refuse('not-found', `There is no method or route with id "${ownerId}".`);
}

function pathVariables(path: string): string[] {
  return path
    .split('/')
    .map(pathParameterName)
    .filter((name): name is string => name !== undefined);
}

/** What a scaffold knows of a method or route: the API type and the variables of its path. */
export function scaffoldContextOf(design: Design, owner: Owner): ScaffoldContext {
  const path = 'routeKey' in owner ? (parseHttpRouteKey(owner.routeKey)?.path ?? '') : resourcePath(design, owner.resourceId);
  return { apiType: design.api.type === 'HTTP' ? 'HTTP' : 'REST', pathParameters: pathVariables(path) };
}

/**
 * What applying a scaffold would set up, or why it cannot: for a form that shows the generated policy and
 * the refusals as the person types. Never throws.
 */
export function previewScaffold(
  design: Design,
  ownerId: MethodId | RouteId,
  scaffoldId: string,
  values: Readonly<Record<string, string>>,
): ScaffoldBuild {
  const scaffold = scaffoldById(scaffoldId);
  if (!scaffold) return { ok: false, message: `There is no service integration scaffold "${scaffoldId}".` };
  const problem = scaffoldProblem(scaffold.id, design.api.type);
  if (problem) return { ok: false, message: problem };
  const owner = Object.hasOwn(design.methods, ownerId)
    ? design.methods[ownerId as MethodId]
    : Object.hasOwn(design.routes, ownerId)
      ? design.routes[ownerId as RouteId]
      : undefined;
  if (!owner) return { ok: false, message: 'Choose the method the integration is for.' };
  return scaffold.build(values, scaffoldContextOf(design, owner));
}

/**
 * The target fields of a setup: a whole AWS service target but its id. With the ARN of the person's own
 * role the target names it; without, it carries the policy of the role the CDK program creates.
 */
function targetFields(setup: ScaffoldSetup, roleArn: string): Omit<AwsServiceTarget, 'id'> {
  return {
    kind: 'AWS_SERVICE',
    name: setup.name,
    ...setup.target,
    ...(roleArn === ''
      ? {
          rolePolicy: {
            statements: setup.rolePolicy.statements.map((statement) => ({
              actions: [...statement.actions],
              resources: [...statement.resources],
            })),
          },
        }
      : { credentials: roleArn }),
  };
}

const identityKeys = [
  'name',
  'service',
  'region',
  'partition',
  'subdomain',
  'style',
  'actionOrPath',
  'httpMethod',
  'integrationSubtype',
  'credentials',
  'rawUri',
] as const;

/** A target another method already uses for the same call with the same role: shared, not duplicated. */
function sameTarget(target: AwsServiceTarget, fields: Omit<AwsServiceTarget, 'id'>): boolean {
  return (
    identityKeys.every((key) => JSON.stringify(target[key]) === JSON.stringify(fields[key])) &&
    JSON.stringify(target.rolePolicy) === JSON.stringify(fields.rolePolicy)
  );
}

function usersOf(design: Design, integrationId: IntegrationId): number {
  let count = 0;
  for (const method of Object.values(design.methods)) if (method.integration?.integrationId === integrationId) count += 1;
  for (const route of Object.values(design.routes)) if (route.integration?.integrationId === integrationId) count += 1;
  return count;
}

/** The owner's own service target, when nothing else uses it: set up in place rather than left behind. */
function ownTarget(design: Design, owner: Owner): IntegrationId | undefined {
  const id = owner.integration?.integrationId;
  if (!id) return undefined;
  const target = design.integrations[id];
  return target?.kind === 'AWS_SERVICE' && usersOf(design, id) === 1 ? id : undefined;
}

function withResponses(responses: MethodResponse[], wanted: MethodResponse[]): MethodResponse[] {
  const next = [...responses];
  for (const response of wanted) {
    const index = next.findIndex((candidate) => candidate.statusCode === response.statusCode);
    const known = index === -1 ? undefined : next[index];
    if (!known) {
      next.push({ ...response, headers: { ...response.headers }, content: { ...response.content } });
      continue;
    }
    const missing = Object.keys(response.headers).filter((header) => !Object.hasOwn(known.headers, header));
    if (missing.length > 0)
      next[index] = {
        ...known,
        headers: { ...known.headers, ...Object.fromEntries(missing.map((header) => [header, { ...response.headers[header] }])) },
      };
  }
  return next;
}

function withParameters(parameters: Parameter[], wanted: Parameter[]): Parameter[] {
  const missing = wanted.filter(
    (parameter) => !parameters.some((known) => known.in === parameter.in && known.name.toLowerCase() === parameter.name.toLowerCase()),
  );
  return missing.length === 0 ? parameters : [...parameters, ...missing.map((parameter) => ({ ...parameter }))];
}

/**
 * Sets a method (REST) or route (HTTP) up to call an AWS service action, in one step: the service target
 * (URI parts, and either the least-privilege policy of the role the CDK program creates or the ARN of the
 * person's own role),
 * the method's binding (request parameters, request template, integration responses), and the method
 * responses and request parameters those name. Refuses an API type without that action (HTTP APIs call
 * only the first-class integrations; WebSocket APIs none), a target that is not an AWS service, and
 * values the scaffold cannot use (the message names the field).
 */
export function applyScaffold(
  design: Design,
  ownerId: MethodId | RouteId,
  scaffoldId: string,
  values: Readonly<Record<string, string>>,
  options: ApplyScaffoldOptions = {},
): Design {
  const scaffold = scaffoldById(scaffoldId);
  if (!scaffold) refuse('not-found', `There is no service integration scaffold "${scaffoldId}".`);
  const problem = scaffoldProblem(scaffold.id, design.api.type);
  if (problem) refuse('wrong-api-type', problem);
  const owner = ownerOf(design, ownerId);
  const build = scaffold.build(values, scaffoldContextOf(design, owner));
  if (!build.ok) refuse('invalid-value', build.message);
  const { setup } = build;
  const fields = targetFields(setup, (values.roleArn ?? '').trim());

  let next = design;
  let targetId: IntegrationId;
  const inPlace = options.integrationId ?? ownTarget(design, owner);
  if (inPlace) {
    const existing = Object.hasOwn(design.integrations, inPlace) ? design.integrations[inPlace] : undefined;
    if (!existing) refuse('not-found', `There is no integration with id "${inPlace}".`);
    if (existing.kind !== 'AWS_SERVICE')
      refuse('not-allowed', `${existing.name} is not an AWS service integration: only those can be set up as a service action.`);
    // Written whole: a URI kept from an import, a subtype or a role of the previous action would
    // otherwise win over (or contradict) what the scaffold sets.
    const replaced: AwsServiceTarget = {
      id: existing.id,
      ...fields,
      ...(existing.description === undefined ? {} : { description: existing.description }),
      ...(existing.extensions === undefined ? {} : { extensions: existing.extensions }),
    };
    next = { ...design, integrations: { ...design.integrations, [existing.id]: replaced } };
    targetId = existing.id;
  } else {
    const shared = Object.values(design.integrations).find(
      (target): target is AwsServiceTarget => target.kind === 'AWS_SERVICE' && sameTarget(target, fields),
    );
    if (shared) targetId = shared.id;
    else {
      targetId = createId('Integration');
      next = addIntegration(next, { kind: 'AWS_SERVICE', id: targetId, target: fields });
    }
  }

  const { binding: wanted } = setup;
  const binding: IntegrationBinding = {
    ...newBinding(targetId, wanted.proxy),
    requestParameters: { ...wanted.requestParameters },
    requestTemplates: { ...wanted.requestTemplates },
    responses: wanted.responses.map((response) => ({
      ...response,
      responseParameters: { ...response.responseParameters },
      responseTemplates: { ...response.responseTemplates },
    })),
    ...(wanted.passthroughBehavior === undefined ? {} : { passthroughBehavior: wanted.passthroughBehavior }),
    ...(wanted.payloadFormatVersion === undefined ? {} : { payloadFormatVersion: wanted.payloadFormatVersion }),
    // How long the method waits is the method's choice, not the action's.
    ...(owner.integration?.timeoutInMillis === undefined ? {} : { timeoutInMillis: owner.integration.timeoutInMillis }),
  };
  const updated = {
    ...owner,
    integration: binding,
    responses: withResponses(owner.responses, setup.methodResponses),
    parameters: withParameters(owner.parameters, setup.methodParameters),
  };
  return 'routeKey' in updated
    ? { ...next, routes: { ...next.routes, [updated.id]: updated } }
    : { ...next, methods: { ...next.methods, [updated.id]: updated } };
}
