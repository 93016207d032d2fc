import { applyOperation } from '../apply';
import { type Design, emptyDesign, ROOT_RESOURCE_ID } from '../design';
import type { OperationError } from '../errors';
import { asId } from '../ids';
import { addAuthorizer } from '../operations/authorizers';
import { addIntegration } from '../operations/integrations';
import { addMethod } from '../operations/methods';
import { addResource } from '../operations/resources';
import { addRoute } from '../operations/routes';
import { addStage, setMethodOverride, setRouteOverride } from '../operations/stages';
import { addApiKey, addUsagePlan, setPlanMethodThrottle, updateUsagePlan } from '../operations/usage-plans';
import { connectAuthorizer, connectIntegration } from '../operations/wiring';

/** Deterministic ids for tests: `ids.res('pets')` is `res_pets`. */
export const ids = {
  res: (name: string) => asId('Resource', `res_${name}`),
  mth: (name: string) => asId('Method', `mth_${name}`),
  rte: (name: string) => asId('Route', `rte_${name}`),
  auth: (name: string) => asId('Authorizer', `auth_${name}`),
  int: (name: string) => asId('Integration', `int_${name}`),
  mdl: (name: string) => asId('Model', `mdl_${name}`),
  val: (name: string) => asId('RequestValidator', `val_${name}`),
  stg: (name: string) => asId('Stage', `stg_${name}`),
  plan: (name: string) => asId('UsagePlan', `plan_${name}`),
  key: (name: string) => asId('ApiKey', `key_${name}`),
  root: ROOT_RESOURCE_ID,
};

export type Step = (design: Design) => Design;

/** Applies operations in order; a refusal is a broken test fixture, so it throws with the reason. */
export function build(design: Design, ...steps: Step[]): Design {
  let current = design;
  for (const [index, step] of steps.entries()) {
    const result = applyOperation(current, step);
    if (!result.ok) throw new Error(`Fixture step ${index} was refused: ${result.error.message}`);
    current = result.design;
  }
  return current;
}

/**
 * Runs an operation that must be refused and returns the refusal. Throws when it succeeds, or when the
 * operation changed the design it was given (operations never mutate their input).
 */
export function refusalOf(design: Design, step: Step): OperationError {
  const before = JSON.stringify(design);
  const result = applyOperation(design, step);
  if (JSON.stringify(design) !== before) throw new Error('The refused operation mutated the design it was given.');
  if (result.ok) throw new Error('Expected the operation to be refused, but it succeeded.');
  return result.error;
}

/**
 * A small REST pet store: `/pets` (GET, POST), `/pets/{petId}` (GET), a Lambda integration on every
 * method, a Cognito authorizer on POST, stage `prod` with a GET override, a usage plan with a method
 * throttle and an API key.
 */
export function restPetStore(): Design {
  return build(
    emptyDesign('REST', 'Pet store'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'pets', id: ids.res('pets'), position: { x: 280, y: 0 } }),
    (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{petId}', id: ids.res('pet'), position: { x: 560, y: 0 } }),
    (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'GET', id: ids.mth('list') }),
    (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'POST', id: ids.mth('create') }),
    (d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'GET', id: ids.mth('get') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), position: { x: 1200, y: 0 } }),
    (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS', id: ids.auth('users'), position: { x: 1500, y: 0 } }),
    (d) => connectIntegration(d, ids.mth('list'), ids.int('fn')),
    (d) => connectIntegration(d, ids.mth('create'), ids.int('fn')),
    (d) => connectIntegration(d, ids.mth('get'), ids.int('fn')),
    (d) => connectAuthorizer(d, ids.mth('create'), ids.auth('users')),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), { cachingEnabled: true, cacheTtlSeconds: 60 }),
    (d) => addApiKey(d, { name: 'partner', id: ids.key('partner') }),
    (d) => addUsagePlan(d, { name: 'Basic', id: ids.plan('basic') }),
    (d) =>
      updateUsagePlan(d, ids.plan('basic'), {
        stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }],
        apiKeyIds: [ids.key('partner')],
      }),
    (d) => setPlanMethodThrottle(d, ids.plan('basic'), ids.stg('prod'), ids.mth('list'), { rateLimit: 10, burstLimit: 20 }),
  );
}

/** An HTTP API: `GET /pets`, `POST /pets`, a Lambda integration, a JWT authorizer on POST, stage `$default` with a route throttle. */
export function httpPets(): Design {
  return build(
    emptyDesign('HTTP', 'Pets'),
    (d) => addRoute(d, { routeKey: 'GET /pets', id: ids.rte('list'), position: { x: 0, y: 0 } }),
    (d) => addRoute(d, { routeKey: 'POST /pets', id: ids.rte('create'), position: { x: 0, y: 72 } }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), position: { x: 400, y: 0 } }),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), position: { x: 700, y: 0 } }),
    (d) => connectIntegration(d, ids.rte('list'), ids.int('fn')),
    (d) => connectIntegration(d, ids.rte('create'), ids.int('fn')),
    (d) => connectAuthorizer(d, ids.rte('create'), ids.auth('jwt')),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('list'), { throttlingRateLimit: 5, throttlingBurstLimit: 10 }),
  );
}

/** A WebSocket chat: `$connect` behind a Lambda REQUEST authorizer, `$disconnect`, `sendMessage`, one Lambda. */
export function webSocketChat(): Design {
  return build(
    emptyDesign('WEBSOCKET', 'Chat'),
    (d) => addRoute(d, { routeKey: '$connect', id: ids.rte('connect') }),
    (d) => addRoute(d, { routeKey: '$disconnect', id: ids.rte('disconnect') }),
    (d) => addRoute(d, { routeKey: 'sendMessage', id: ids.rte('send') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('lambda') }),
    (d) => connectIntegration(d, ids.rte('send'), ids.int('fn')),
    (d) => connectAuthorizer(d, ids.rte('connect'), ids.auth('lambda')),
  );
}
