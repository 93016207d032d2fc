import type { ApiType } from '../api';
import { authorizerKinds } from '../authorizer';
import { autoLayout } from '../card-layout';
import type { Design } from '../design';
import type {
  ApiKeyId,
  AuthorizerId,
  IntegrationId,
  MethodId,
  ModelId,
  NodeId,
  RequestValidatorId,
  ResourceId,
  RouteId,
  StageId,
  UsagePlanId,
} from '../ids';
import { integrationKinds } from '../integration';
import { httpMethods } from '../method';
import { updateApi } from '../operations/api-settings';
import { addAuthorizer, deleteAuthorizers, updateAuthorizer } from '../operations/authorizers';
import { copyElements, pasteClipboard } from '../operations/clipboard';
import { addModel, addRequestValidator, deleteModel, deleteRequestValidator, setGatewayResponse } from '../operations/components';
import { changeApiType } from '../operations/convert-api-type';
import { deleteElements } from '../operations/delete-elements';
import { addIntegration, deleteIntegrations } from '../operations/integrations';
import { moveCards } from '../operations/layout';
import { addMethod, deleteMethods, moveMethod, updateMethod } from '../operations/methods';
import { addResource, deleteResources, moveResource, renameResource } from '../operations/resources';
import { addRoute, deleteRoutes, updateRoute } from '../operations/routes';
import { addStage, deleteStage, moveStage, setMethodOverride, setRouteOverride, updateStage } from '../operations/stages';
import { addApiKey, addUsagePlan, deleteApiKey, setPlanMethodThrottle, updateUsagePlan } from '../operations/usage-plans';
import { connectAuthorizer, connectIntegration, disconnectAuthorizer, disconnectIntegration, updateBinding } from '../operations/wiring';
import type { Step } from './design-builder';

/** One randomly chosen edit: which operation, two numbers to pick elements and values, and a text. */
export interface RandomEdit {
  operation: number;
  a: number;
  b: number;
  text: string;
}

export const pathParts = ['pets', 'a', '{id}', '{proxy+}', 'x y', '', '__proto__', 'constructor', 'toString', 'a/b'];
export const routeKeys = [
  'GET /pets',
  'post /pets',
  'ANY /{proxy+}',
  '$default',
  '$connect',
  '$disconnect',
  'sendMessage',
  'GET /a/{id}',
  'bad key',
  'GET /a//b',
  'GET /',
];
export const names = ['prod', '$default', 'dev', 'my stage', '', 'x'.repeat(129), 'Pet', 'constructor', '__proto__'];
const apiTypes: ApiType[] = ['REST', 'HTTP', 'WEBSOCKET'];

function pick<K extends string>(record: Record<K, unknown>, n: number, missing: string): K {
  const keys = Object.keys(record) as K[];
  return keys.length === 0 || n % 7 === 6 ? (missing as K) : (keys[n % keys.length] as K);
}
const at = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

function candidates(edit: RandomEdit): Step[] {
  const { a, b, text } = edit;
  const operations: Step[] = [
    (d) => addResource(d, { parentId: pick(d.resources, a, 'res_gone') as ResourceId, pathPart: at(pathParts, b) }),
    (d) => renameResource(d, pick(d.resources, a, 'res_gone') as ResourceId, at(pathParts, b)),
    (d) => moveResource(d, pick(d.resources, a, 'res_gone') as ResourceId, pick(d.resources, b, 'res_gone') as ResourceId),
    (d) => deleteResources(d, [pick(d.resources, a, 'res_gone') as ResourceId]),
    (d) => addMethod(d, { resourceId: pick(d.resources, a, 'res_gone') as ResourceId, httpMethod: at(httpMethods, b) }),
    (d) => updateMethod(d, pick(d.methods, a, 'mth_gone') as MethodId, { httpMethod: at(httpMethods, b), summary: text }),
    (d) => moveMethod(d, pick(d.methods, a, 'mth_gone') as MethodId, pick(d.resources, b, 'res_gone') as ResourceId),
    (d) => deleteMethods(d, [pick(d.methods, a, 'mth_gone') as MethodId]),
    (d) => addRoute(d, { routeKey: at(routeKeys, a) }),
    (d) => updateRoute(d, pick(d.routes, a, 'rte_gone') as RouteId, { routeKey: at(routeKeys, b) }),
    (d) => deleteRoutes(d, [pick(d.routes, a, 'rte_gone') as RouteId]),
    (d) => addAuthorizer(d, { kind: at(authorizerKinds, a), name: text }),
    (d) =>
      updateAuthorizer(d, pick(d.authorizers, a, 'auth_gone') as AuthorizerId, { kind: at(authorizerKinds, b), resultTtlSeconds: b * 37 }),
    (d) => deleteAuthorizers(d, [pick(d.authorizers, a, 'auth_gone') as AuthorizerId]),
    (d) => addIntegration(d, { kind: at(integrationKinds, a) }),
    (d) => deleteIntegrations(d, [pick(d.integrations, a, 'int_gone') as IntegrationId]),
    (d) =>
      connectIntegration(
        d,
        pick({ ...d.methods, ...d.routes }, a, 'mth_gone') as MethodId,
        pick(d.integrations, b, 'int_gone') as IntegrationId,
      ),
    (d) =>
      connectAuthorizer(
        d,
        pick({ ...d.methods, ...d.routes }, a, 'rte_gone') as RouteId,
        pick(d.authorizers, b, 'auth_gone') as AuthorizerId,
      ),
    (d) => disconnectIntegration(d, pick({ ...d.methods, ...d.routes }, a, 'mth_gone') as MethodId),
    (d) => disconnectAuthorizer(d, pick({ ...d.methods, ...d.routes }, a, 'mth_gone') as MethodId),
    (d) =>
      updateBinding(d, pick({ ...d.methods, ...d.routes }, a, 'mth_gone') as MethodId, { timeoutInMillis: b * 100, proxy: b % 2 === 0 }),
    (d) => addStage(d, { name: at(names, a) }),
    (d) => updateStage(d, pick(d.stages, a, 'stg_gone') as StageId, { name: at(names, b), variables: { v: text } }),
    (d) => deleteStage(d, pick(d.stages, a, 'stg_gone') as StageId),
    (d) => moveStage(d, pick(d.stages, a, 'stg_gone') as StageId, b % 4),
    (d) =>
      setMethodOverride(
        d,
        pick(d.stages, a, 'stg_gone') as StageId,
        pick(d.methods, b, 'mth_gone') as MethodId,
        b % 3 === 0 ? undefined : { cacheTtlSeconds: b * 200 },
      ),
    (d) =>
      setRouteOverride(
        d,
        pick(d.stages, a, 'stg_gone') as StageId,
        pick(d.routes, b, 'rte_gone') as RouteId,
        b % 3 === 0 ? undefined : { throttlingRateLimit: b - 3 },
      ),
    (d) => addUsagePlan(d, { name: at(names, a) }),
    (d) =>
      updateUsagePlan(d, pick(d.usagePlans, a, 'plan_gone') as UsagePlanId, {
        stages: [{ stageId: pick(d.stages, b, 'stg_gone') as StageId, methodThrottles: {} }],
        apiKeyIds: Object.keys(d.apiKeys) as ApiKeyId[],
      }),
    (d) =>
      setPlanMethodThrottle(
        d,
        pick(d.usagePlans, a, 'plan_gone') as UsagePlanId,
        pick(d.stages, b, 'stg_gone') as StageId,
        pick(d.methods, a + b, 'mth_gone') as MethodId,
        {
          rateLimit: b - 2,
          burstLimit: 3,
        },
      ),
    (d) => addApiKey(d, { name: at(names, a), value: text }),
    (d) => deleteApiKey(d, pick(d.apiKeys, a, 'key_gone') as ApiKeyId),
    (d) => changeApiType(d, at(apiTypes, a)),
    (d) => deleteElements(d, [pick(d.layout, a, 'res_gone') as NodeId, pick({ ...d.resources, ...d.routes }, b, 'rte_gone') as NodeId]),
    (d) =>
      pasteClipboard(
        d,
        copyElements(d, [pick(d.layout, a, 'res_gone') as NodeId, pick({ ...d.methods, ...d.resources, ...d.routes }, b, 'x') as NodeId]),
      ).design,
    (d) => autoLayout(d),
    (d) => moveCards(d, { [pick(d.layout, a, 'res_gone')]: { x: a, y: -b } }),
    (d) => addRequestValidator(d, { name: at(names, a), validateRequestBody: true, validateRequestParameters: b % 2 === 0 }),
    (d) =>
      updateMethod(d, pick(d.methods, a, 'mth_gone') as MethodId, {
        requestValidatorId: pick(d.requestValidators, b, 'val_gone') as RequestValidatorId,
      }),
    (d) => deleteRequestValidator(d, pick(d.requestValidators, a, 'val_gone') as RequestValidatorId),
    (d) => addModel(d, { name: at(names, a), contentType: 'application/json', schema: { type: 'object' } }),
    (d) =>
      updateMethod(d, pick(d.methods, a, 'mth_gone') as MethodId, {
        requestBody: { required: true, content: { 'application/json': { modelId: pick(d.models, b, 'mdl_gone') as ModelId } } },
      }),
    (d) => deleteModel(d, pick(d.models, a, 'mdl_gone') as ModelId),
    (d) =>
      setGatewayResponse(
        d,
        b % 2 ? 'DEFAULT_4XX' : 'bad type',
        a % 3 === 0 ? undefined : { statusCode: String(a), responseParameters: {}, responseTemplates: {} },
      ),
    (d) => updateApi(d, { name: text, endpointType: at(['EDGE', 'REGIONAL', 'PRIVATE'] as const, b) }),
  ];
  return operations;
}

/** How many different operations `toStep` chooses from. */
export const operationCount = candidates({ operation: 0, a: 0, b: 0, text: '' }).length;

/** Turns a random edit into an operation on the design (many refuse on some designs; that is the point). */
export function toStep(edit: RandomEdit): Step {
  return at(candidates(edit), edit.operation);
}

/** Runs edits in order, skipping refused ones; returns every design reached (the first is `start`). */
export function designsAlong(start: Design, steps: Step[], apply: (design: Design, step: Step) => Design | undefined): Design[] {
  const reached = [start];
  let current = start;
  for (const step of steps) {
    const next = apply(current, step);
    if (next) {
      current = next;
      reached.push(current);
    }
  }
  return reached;
}
