import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, createConfig, lintFromString } from '@redocly/openapi-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { restPetStore as examplePetStore, examples, httpApiWithJwt } from '../../examples';
import { exportOpenApi, importOpenApi, stringifyDocument } from '../../openapi';
import { lintDesign } from '../../rules';
import type { ApiType } from '../api';
import { checkDesign } from '../check-design';
import { type Design, emptyDesign } from '../design';
import { OperationError } from '../errors';
import { commit, createHistory, undo } from '../history';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { operationCount, type RandomEdit, toStep } from '../testing/random-operations';
import { addAuthorizer, addJwtClaim, addJwtIssuer, setJwtAlgorithm, updateAuthorizer } from './authorizers';
import { addRequestValidator, setGatewayResponse } from './components';
import { type ApiTypeChangePlan, changeApiType, convertApiType, type DesignPath, planApiTypeChange } from './convert-api-type';
import { addIntegration } from './integrations';
import { addRoute, updateRoute } from './routes';
import { addStage, setMethodOverride, setRouteOverride, updateStage } from './stages';
import { connectAuthorizer, connectIntegration, updateBinding } from './wiring';

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaf paths where two plain values differ: objects are compared key by key, arrays and scalars whole. */
function differences(a: unknown, b: unknown, path: DesignPath, out: DesignPath[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[key], b[key], [...path, key], out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

const structural = { methods: ['id', 'resourceId', 'httpMethod'], routes: ['id', 'routeKey'] } as const;
const omit = (value: Plain, keys: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));

/**
 * Every field that differs between the design before and after a conversion, element by element. A
 * method that became a route (or back, `plan.renamedIds`) counts as removed, and the route is compared
 * field by field with it; its new structural fields (route key, resource, verb) count as changed.
 */
function changedPaths(before: Design, after: Design, plan: ApiTypeChangePlan): DesignPath[] {
  const out: DesignPath[] = [];
  const { layout: _a, methods: _b, routes: _c, ...restBefore } = before;
  const { layout: _d, methods: _e, routes: _f, ...restAfter } = after;
  differences(restBefore, restAfter, [], out);
  const renamedTo = new Set(Object.values(plan.renamedIds));
  const operations = (design: Design, collection: 'methods' | 'routes'): Record<string, Plain> =>
    design[collection] as unknown as Record<string, Plain>;
  for (const from of ['methods', 'routes'] as const) {
    const to = from === 'methods' ? 'routes' : 'methods';
    for (const [id, element] of Object.entries(operations(before, from))) {
      const newId = plan.renamedIds[id];
      const converted = newId === undefined ? undefined : operations(after, to)[newId];
      if (newId === undefined || !converted) {
        differences(element, operations(after, from)[id], [from, id], out);
        continue;
      }
      out.push([from, id]);
      differences(omit(element, structural[from]), omit(converted, structural[to]), [to, newId], out);
      for (const key of structural[to]) out.push([to, newId, key]);
    }
    for (const [id, element] of Object.entries(operations(after, from)))
      if (!Object.hasOwn(before[from], id) && !renamedTo.has(id)) differences(undefined, element, [from, id], out);
  }
  return out;
}

/** Changed fields that no plan item names (a plan path names itself and everything below it). */
function unnamedChanges(before: Design, after: Design, plan: ApiTypeChangePlan): string[] {
  const named = [...plan.converted, ...plan.removed].flatMap((item) => item.changes);
  return changedPaths(before, after, plan)
    .filter((path) => !named.some((prefix) => prefix.length <= path.length && prefix.every((key, index) => path[index] === key)))
    .map((path) => path.join(' › '));
}

/** Positions: only removed, and only for elements the converted design no longer has. */
function layoutProblems(before: Design, after: Design): string[] {
  const problems: string[] = [];
  const exists = (id: string) => Object.hasOwn(after.authorizers, id) || Object.hasOwn(after.integrations, id);
  for (const [id, position] of Object.entries(after.layout))
    if (JSON.stringify((before.layout as Record<string, unknown>)[id]) !== JSON.stringify(position)) problems.push(`moved or added ${id}`);
  for (const id of Object.keys(before.layout)) if (!Object.hasOwn(after.layout, id) && exists(id)) problems.push(`lost the place of ${id}`);
  return problems;
}

/** Converts and checks the promise of the plan: nothing unnamed changes, and the design stays consistent. */
function expectHonestConversion(before: Design, to: ApiType): Design | undefined {
  const snapshot = JSON.stringify(before);
  const { plan, design: after } = convertApiType(before, to);
  expect(JSON.stringify(before), 'the design it was given is untouched').toBe(snapshot);
  expect(plan).toEqual(planApiTypeChange(before, to));
  if (plan.blocked.length > 0) {
    expect(after).toBeUndefined();
    expect(refusalOf(before, (d) => changeApiType(d, to)).message).toContain(plan.blocked[0]?.subject);
    return undefined;
  }
  if (!after) throw new Error('an unblocked plan has a design');
  expect(after.api.type).toBe(to);
  expect(unnamedChanges(before, after, plan), `${before.api.type} → ${to}`).toEqual([]);
  expect(layoutProblems(before, after)).toEqual([]);
  expect(checkDesign(after)).toEqual([]);
  expect(changeApiType(before, to)).toEqual(after);
  return after;
}

/** Rules that exist to catch what belongs to the other API type: a conversion must leave none of it. */
const otherTypeRules = new Set([
  'authorizer-identity-source',
  'authorizer-kind-api-type',
  'binary-media-types-rest-only',
  'cache-keys-rest-only',
  'caching-rest-only',
  'canary-rest-only',
  'compression-rest-only',
  'endpoint-type-rest-only',
  'gateway-responses-rest-only',
  'http-api-no-api-keys',
  'http-api-no-mapping-templates',
  'http-api-no-request-validation',
  'http-api-no-usage-plans',
  'http-api-proxy-only',
  'integration-timeout-range',
  'mapping-key-form',
  'proxy-integration-kind',
  'resource-policy-rest-only',
  'tracing-rest-only',
  'vpc-endpoints-without-private',
  'waf-rest-only',
]);
const otherTypeFindings = (design: Design) =>
  lintDesign(design)
    .filter((finding) => otherTypeRules.has(finding.ruleId))
    .map((finding) => `${finding.ruleId}: ${finding.message}`);

const subjects = (items: { subject: string }[]) => items.map((item) => item.subject);

const corpusFolder = join(__dirname, '../../../../../shared/corpus/real-world');
const corpus = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort()
  .map((name) => {
    const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return [name, result.design] as const;
  });

const otherType = (design: Design): ApiType => (design.api.type === 'REST' ? 'HTTP' : 'REST');

/** The first-start pet store with a validator and a gateway response added, as the acceptance asks. */
const petStoreWithExtras = () =>
  build(
    examplePetStore(),
    (d) =>
      addRequestValidator(d, { id: ids.val('bodyOnly'), name: 'body-only', validateRequestBody: true, validateRequestParameters: false }),
    (d) =>
      setGatewayResponse(d, 'DEFAULT_4XX', {
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
        responseTemplates: {},
      }),
  );

describe('planApiTypeChange', () => {
  it('the completeness check finds a change that no item names (so the checks below can fail)', () => {
    const before = examplePetStore();
    const { plan, design: after } = convertApiType(before, 'HTTP');
    const withoutCluster = { ...plan, removed: plan.removed.filter((item) => !item.subject.startsWith('Cache cluster')) };
    expect(unnamedChanges(before, after as Design, withoutCluster)).toEqual(['stages › stg_prod › cacheClusterEnabled']);
    const withoutMethod = { ...plan, converted: plan.converted.filter((item) => item.subject !== 'Method GET /pets') };
    expect(unnamedChanges(before, after as Design, withoutMethod)).toEqual([
      'methods › mth_list',
      'routes › rte_list › integration › payloadFormatVersion',
      'routes › rte_list › id',
      'routes › rte_list › routeKey',
    ]);
  });

  it('is empty for the same type', () => {
    const plan = planApiTypeChange(examplePetStore(), 'REST');
    expect([plan.converted, plan.removed, plan.blocked]).toEqual([[], [], []]);
  });

  it('lists the pet store with an added validator and gateway response in full, and one change applies it', () => {
    const before = petStoreWithExtras();
    const plan = planApiTypeChange(before, 'HTTP');
    expect(plan.blocked).toEqual([]);
    expect(subjects(plan.converted)).toEqual(
      expect.arrayContaining(['Method GET /pets', 'Method POST /pets', 'Method GET /pets/{petId}', 'Method GET /health', 'API type']),
    );
    expect(plan.converted.find((item) => item.subject === 'Method GET /pets')?.detail).toContain('becomes the route GET /pets');
    expect(subjects(plan.removed)).toEqual(
      expect.arrayContaining([
        'Request validator "body-only"',
        'Request validator "Validate body"',
        'Request validator "Validate parameters"',
        'Gateway response DEFAULT_4XX (1 header)',
        'Authorizer "PetOwners" (Cognito user pool)',
        'Mock integration "Health check"',
        'Usage plan "Partners" (50 requests per second, burst 100; 1,000,000 requests a month)',
        'API key "partner"',
        'Cache cluster of stage prod (0.5 GB)',
        'Cache settings of GET /pets on stage prod (caching on, TTL 60 s)',
      ]),
    );
    expect(plan.removed.find((item) => item.subject.startsWith('Authorizer "PetOwners"'))?.detail).toMatch(
      /use a JWT authorizer with the user pool as issuer.*https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_PetOwners.*POST \/pets loses it/,
    );

    const after = expectHonestConversion(before, 'HTTP') as Design;
    expect(after.requestValidators).toEqual({});
    expect(after.gatewayResponses).toEqual({});
    expect(after.usagePlans).toEqual({});
    expect(after.apiKeys).toEqual({});
    expect(Object.keys(after.authorizers)).toEqual([]);
    expect(Object.values(after.integrations).map((target) => target.name)).toEqual(['Pets function']);
    expect(Object.values(after.routes).map((route) => route.routeKey)).toEqual([
      'GET /pets',
      'POST /pets',
      'GET /pets/{petId}',
      'GET /health',
    ]);
    expect(after.stages[ids.stg('prod')]?.cacheClusterEnabled).toBe(false);
    expect(otherTypeFindings(after)).toEqual([]);

    // One step of the undo history, and undoing it gives back the very design.
    const history = commit(createHistory(before), after, 'Convert to HTTP API');
    expect(history.past).toHaveLength(1);
    expect(undo(history).present).toBe(before);
  });

  it('names the endpoint type both ways, and never changes it silently', () => {
    const edge = build(emptyDesign('REST'), (d) => ({ ...d, api: { ...d.api, endpointType: 'EDGE' } }));
    const there = planApiTypeChange(edge, 'HTTP');
    expect(there.converted).toContainEqual({
      subject: 'Endpoint type Edge-optimized',
      detail: 'becomes Regional: HTTP APIs are always regional',
      changes: [['api', 'endpointType']],
    });
    const http = expectHonestConversion(edge, 'HTTP') as Design;
    const back = planApiTypeChange(http, 'REST');
    expect(back.converted.find((item) => item.subject.startsWith('Endpoint type'))?.detail).toContain(
      'choose Edge-optimized or Private in API settings',
    );
    expect((expectHonestConversion(http, 'REST') as Design).api.endpointType).toBe('REGIONAL');
  });

  it('lists every blocker at once, with what to do, and the change is refused', () => {
    const design = build(
      emptyDesign('HTTP'),
      (d) => addRoute(d, { routeKey: '$default' }),
      (d) => addRoute(d, { routeKey: 'ANY /{proxy+}' }),
      (d) => addRoute(d, { routeKey: 'GET /a//b' }),
      (d) => addRoute(d, { routeKey: 'GET /files/{name}.json' }),
      (d) => addRoute(d, { routeKey: 'GET /fine' }),
    );
    const plan = planApiTypeChange(design, 'REST');
    expect(plan.blocked).toEqual([
      {
        subject: 'Routes $default and ANY /{proxy+}',
        detail: 'would both become the REST method ANY /{proxy+}: change or delete one.',
        changes: [],
      },
      expect.objectContaining({ subject: 'Route GET /a//b', detail: expect.stringContaining('A path part cannot be empty.') }),
      expect.objectContaining({ subject: 'Route GET /files/{name}.json', detail: expect.stringContaining('Change its path') }),
    ]);
    // What would convert is still listed, so the dialog shows the whole picture.
    expect(subjects(plan.converted)).toContain('Route GET /fine');
    const refusal = refusalOf(design, (d) => changeApiType(d, 'REST'));
    expect(refusal.message).toContain('Routes $default and ANY /{proxy+}');
    expect(refusal.message).toContain('Route GET /a//b');
    expect(refusal.message).toContain('Route GET /files/{name}.json');
  });

  it('blocks WebSocket ↔ REST/HTTP when there are operations, and converts empty designs between every pair', () => {
    expect(planApiTypeChange(webSocketChat(), 'HTTP').blocked).toEqual([
      expect.objectContaining({ subject: '3 WebSocket routes', detail: expect.stringContaining('delete them first') }),
    ]);
    expect(planApiTypeChange(restPetStore(), 'WEBSOCKET').blocked).toEqual([
      expect.objectContaining({ subject: '3 methods and 2 resources' }),
    ]);
    for (const from of ['REST', 'HTTP', 'WEBSOCKET'] as const)
      for (const to of ['REST', 'HTTP', 'WEBSOCKET'] as const) expect(expectHonestConversion(emptyDesign(from), to)?.api.type).toBe(to);
  });

  it('keeps routes through HTTP → REST → HTTP', () => {
    const start = build(
      httpPets(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('lambda') }),
      (d) => updateAuthorizer(d, ids.auth('lambda'), { payloadFormatVersion: '1.0', enableSimpleResponses: undefined }),
      (d) => connectAuthorizer(d, ids.rte('list'), ids.auth('lambda')),
      (d) => addRoute(d, { routeKey: 'DELETE /pets/{id}/tags/{tag}', id: ids.rte('untag') }),
      (d) => addRoute(d, { routeKey: 'ANY /{proxy+}', id: ids.rte('rest') }),
      (d) =>
        updateBinding(d, ids.rte('list'), {
          payloadFormatVersion: '1.0',
          requestParameters: { 'overwrite:header.x-user': '$request.header.X-User' },
        }),
    );
    // POST /pets reads payload format 2.0, which REST APIs do not send: the plan says so, and it comes back as 1.0.
    expect(subjects(planApiTypeChange(start, 'REST').removed)).toContain('Payload format 2.0 of "Lambda function" (POST /pets)');
    const rest = expectHonestConversion(start, 'REST') as Design;
    const again = expectHonestConversion(rest, 'HTTP') as Design;
    const summary = (design: Design) =>
      Object.values(design.routes).map((route) => ({
        id: route.id,
        routeKey: route.routeKey,
        authorizerId: route.authorizerId,
        integration: route.integration,
      }));
    const kept = summary(start).map((route) =>
      route.id === ids.rte('create') ? { ...route, integration: { ...route.integration, payloadFormatVersion: '1.0' } } : route,
    );
    expect(summary(again)).toEqual(kept);
    expect(again.stages[ids.stg('dev')]?.routeOverrides).toEqual(start.stages[ids.stg('dev')]?.routeOverrides);
    expect(again.authorizers[ids.auth('lambda')]).toEqual(start.authorizers[ids.auth('lambda')]);
    expect(again.authorizers[ids.auth('jwt')]).toEqual(start.authorizers[ids.auth('jwt')]);
  });

  it('moves per-method throttling to routes and back, and drops what routes cannot have, naming it', () => {
    const design = build(restPetStore(), (d) =>
      setMethodOverride(d, ids.stg('prod'), ids.mth('get'), { throttlingRateLimit: 3, throttlingBurstLimit: 4, loggingLevel: 'INFO' }),
    );
    const plan = planApiTypeChange(design, 'HTTP');
    expect(plan.converted).toContainEqual({
      subject: 'Throttling of GET /pets/{petId} on stage prod',
      detail: 'moves to the route (3 requests per second, burst 4)',
      changes: [
        ['stages', ids.stg('prod'), 'methodOverrides', ids.mth('get')],
        ['stages', ids.stg('prod'), 'routeOverrides', ids.rte('get')],
      ],
    });
    expect(subjects(plan.removed)).toContain('Settings of GET /pets/{petId} on stage prod (logging INFO)');
    const http = expectHonestConversion(design, 'HTTP') as Design;
    expect(http.stages[ids.stg('prod')]?.routeOverrides).toEqual({ [ids.rte('get')]: { throttlingRateLimit: 3, throttlingBurstLimit: 4 } });
    const rest = expectHonestConversion(http, 'REST') as Design;
    expect(rest.stages[ids.stg('prod')]?.methodOverrides).toEqual({
      [ids.mth('get')]: { throttlingRateLimit: 3, throttlingBurstLimit: 4 },
    });
  });

  it('converts bindings: custom becomes proxy, mappings are rewritten, REST-only parts are named and removed', () => {
    const design = build(restPetStore(), (d) =>
      updateBinding(d, ids.mth('list'), {
        proxy: false,
        requestTemplates: { 'application/json': '{}' },
        passthroughBehavior: 'NEVER',
        responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
        cacheKeyParameters: ['method.request.querystring.limit'],
        timeoutInMillis: 29_000,
        requestParameters: {
          'integration.request.header.x-user': 'method.request.header.X-User',
          'integration.request.querystring.kind': "'dog'",
          'integration.request.path.id': 'method.request.path.petId',
        },
      }),
    );
    const plan = planApiTypeChange(design, 'HTTP');
    expect(subjects(plan.converted)).toEqual(
      expect.arrayContaining(['Custom integration of GET /pets', 'Parameter mappings of GET /pets']),
    );
    expect(subjects(plan.removed)).toEqual(
      expect.arrayContaining([
        'Mapping templates of GET /pets (application/json)',
        'Integration responses of GET /pets (default → 200)',
        'Cache key parameters of GET /pets (method.request.querystring.limit)',
        'Parameter mappings of GET /pets (integration.request.path.id)',
      ]),
    );
    const http = expectHonestConversion(design, 'HTTP') as Design;
    expect(http.routes[ids.rte('list')]?.integration).toEqual({
      integrationId: ids.int('fn'),
      proxy: true,
      payloadFormatVersion: '1.0',
      timeoutInMillis: 29_000,
      requestParameters: { 'overwrite:header.x-user': '$request.header.X-User', 'overwrite:querystring.kind': 'dog' },
      requestTemplates: {},
      responses: [],
      cacheKeyParameters: [],
    });
    expect(otherTypeFindings(http)).toEqual([]);
  });

  it('converts authorizers it can, with their identity sources and caching as before', () => {
    const rest = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }),
      (d) =>
        updateAuthorizer(d, ids.auth('req'), {
          identitySource: 'method.request.header.Auth, method.request.querystring.token, stageVariables.realm, context.sourceIp',
          resultTtlSeconds: undefined,
        }),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token') }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('token')),
    );
    const http = expectHonestConversion(rest, 'HTTP') as Design;
    expect(http.authorizers[ids.auth('req')]).toMatchObject({
      identitySource: '$request.header.Auth, $request.querystring.token, $stageVariables.realm, $context.sourceIp',
      payloadFormatVersion: '1.0',
      resultTtlSeconds: 300,
    });
    expect(http.authorizers[ids.auth('token')]).toBeUndefined();
    expect(http.routes[ids.rte('list')]?.authorizerId).toBeUndefined();
    const back = expectHonestConversion(http, 'REST') as Design;
    expect(back.authorizers[ids.auth('req')]?.identitySource).toBe(rest.authorizers[ids.auth('req')]?.identitySource);
  });

  it('HTTP → REST names what the Lambda functions must change, and renames a $default stage', () => {
    const design = build(httpApiWithJwt(), (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', name: 'simple' }));
    const plan = planApiTypeChange(design, 'REST');
    expect(subjects(plan.removed)).toEqual(
      expect.arrayContaining(['Payload format 2.0 of authorizer "simple"', 'Simple responses of authorizer "simple"']),
    );
    expect(plan.blocked).toEqual([]);
    expect(plan.removed.find((item) => item.subject.startsWith('Payload format 2.0 of'))?.detail).toContain('change the function');
    expect(plan.converted).toContainEqual(
      expect.objectContaining({ subject: 'Stage $default', detail: expect.stringContaining('"default"') }),
    );
    const rest = expectHonestConversion(design, 'REST') as Design;
    expect(Object.values(rest.stages).map((stage) => stage.name)).toContain('default');
    expect(otherTypeFindings(rest)).toEqual([]);
  });

  it("moves an HTTP API's JWT issuer into a REST API's issuer list, with the RSA algorithms it checked, and keeps route scopes", () => {
    const design = build(httpPets(), (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: ['pets/write'] }));
    const plan = planApiTypeChange(design, 'REST');
    expect(plan.removed.filter((item) => item.subject.includes('JwtAuthorizer'))).toEqual([]);
    expect(plan.converted.find((item) => item.subject.startsWith('Authorizer "JwtAuthorizer"'))?.detail).toMatch(
      /issuer https:\/\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_EXAMPLE with its 1 audience.*client_id alone no longer matches.*RS256, RS384 and RS512/,
    );
    const rest = expectHonestConversion(design, 'REST') as Design;
    expect(rest.authorizers[ids.auth('jwt')]).toMatchObject({
      identitySource: 'method.request.header.Authorization',
      jwtIssuers: [
        { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE', audiences: ['example-client-id'], additionalClaims: [] },
      ],
      jwtAlgorithms: ['RS256', 'RS384', 'RS512'],
      jwtAudience: [],
    });
    expect(rest.authorizers[ids.auth('jwt')]?.jwtIssuer).toBeUndefined();
    const create = Object.values(rest.methods).find((method) => method.httpMethod === 'POST');
    expect(create).toMatchObject({ authorizerId: ids.auth('jwt'), authorizationScopes: ['pets/write'] });
    expect(otherTypeFindings(rest)).toEqual([]);
  });

  it('moves a JWT token read from a query string to the Authorization header on REST, saying so', () => {
    const design = build(httpPets(), (d) => updateAuthorizer(d, ids.auth('jwt'), { identitySource: '$request.querystring.token' }));
    expect(planApiTypeChange(design, 'REST').removed).toContainEqual({
      subject: 'Token source method.request.querystring.token of authorizer "JwtAuthorizer"',
      detail:
        "a REST API's JWT authorizer reads the token from one header: it reads the Authorization header instead, where callers must now send it.",
      changes: [['authorizers', ids.auth('jwt'), 'identitySource']],
    });
    const rest = expectHonestConversion(design, 'REST') as Design;
    expect(rest.authorizers[ids.auth('jwt')]?.identitySource).toBe('method.request.header.Authorization');
  });

  it("keeps a REST API's first JWT issuer as HTTP, and lists the other issuers, the claims and the ES algorithms it drops", () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('jwt')),
      (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://login.example.com/', ['api://pets']),
      (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://sts.example.net', ['pets']),
      (d) => addJwtClaim(d, ids.auth('jwt'), 0, { claimName: 'tenant', expectedValues: ['acme'] }),
      (d) => setJwtAlgorithm(d, ids.auth('jwt'), 'ES256', true),
    );
    const plan = planApiTypeChange(design, 'HTTP');
    expect(plan.removed.filter((item) => item.subject.includes('"Tokens"'))).toEqual([
      {
        subject: 'Issuers https://login.example.com/ and https://sts.example.net of authorizer "Tokens"',
        detail:
          "an HTTP API's JWT authorizer trusts one issuer (https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE): tokens from these are refused. Add a JWT authorizer per issuer and attach to each route the one its callers use.",
        changes: [['authorizers', ids.auth('jwt'), 'jwtIssuers']],
      },
      {
        subject: 'Additional claim tenant of authorizer "Tokens"',
        detail:
          "HTTP APIs check only a token's issuer, audience, times and scopes: tokens are accepted without it. Check it in the backend, or use a Lambda authorizer.",
        changes: [['authorizers', ids.auth('jwt'), 'jwtIssuers']],
      },
      {
        subject: 'Signing algorithm ES256 of authorizer "Tokens"',
        detail: 'HTTP APIs check RSA signatures only: tokens signed with ES256 are refused.',
        changes: [['authorizers', ids.auth('jwt'), 'jwtAlgorithms']],
      },
    ]);
    const http = expectHonestConversion(design, 'HTTP') as Design;
    const authorizer = http.authorizers[ids.auth('jwt')];
    expect(authorizer).toMatchObject({
      identitySource: '$request.header.Authorization',
      jwtIssuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE',
      jwtAudience: ['example-client-id'],
    });
    expect(authorizer?.jwtIssuers).toBeUndefined();
    expect(authorizer?.jwtAlgorithms).toBeUndefined();
    expect(otherTypeFindings(http)).toEqual([]);
  });

  it('an HTTP first-class service integration becomes a custom REST integration, and back', () => {
    const design = build(
      httpPets(),
      (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue') }),
      (d) => connectIntegration(d, ids.rte('create'), ids.int('queue')),
      (d) => updateBinding(d, ids.rte('create'), { requestParameters: { QueueUrl: 'https://sqs.example', MessageBody: '$request.body' } }),
      (d) => addStage(d, { name: 'prod' }),
      (d) => setRouteOverride(d, ids.stg('dev'), ids.rte('create'), { throttlingRateLimit: 1 }),
    );
    const plan = planApiTypeChange(design, 'REST');
    expect(subjects(plan.removed)).toEqual(
      expect.arrayContaining([
        'Integration subtype SQS-SendMessage of "AWS service"',
        'Parameter mappings of POST /pets (QueueUrl and MessageBody)',
      ]),
    );
    const rest = expectHonestConversion(design, 'REST') as Design;
    expect(rest.methods[ids.mth('create')]?.integration?.proxy).toBe(false);
    expectHonestConversion(rest, 'HTTP');
  });

  it('removes REST-only stage settings, naming each', () => {
    const design = build(restPetStore(), (d) =>
      updateStage(d, ids.stg('prod'), {
        tracingEnabled: true,
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/abc',
        canary: { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false },
      }),
    );
    expect(subjects(planApiTypeChange(design, 'HTTP').removed)).toEqual(
      expect.arrayContaining(['X-Ray tracing of stage prod', 'AWS WAF web ACL of stage prod', 'Canary of stage prod (10% of traffic)']),
    );
    expect(otherTypeFindings(expectHonestConversion(design, 'HTTP') as Design)).toEqual([]);
  });
});

describe('conversions of real designs name every change', () => {
  const gallery = examples.map((example) => [example.id, example.build()] as const);
  it.each([...gallery, ...corpus])('%s', (_name, design) => {
    for (const to of ['REST', 'HTTP', 'WEBSOCKET'] as const) {
      if (to === design.api.type) continue;
      const after = expectHonestConversion(design, to);
      if (after && to !== 'WEBSOCKET') {
        const before = new Set(otherTypeFindings(design));
        expect(otherTypeFindings(after).filter((finding) => !before.has(finding))).toEqual([]);
      }
    }
  });

  it('random edits of every API type, then a conversion: every change is named', () => {
    const edit: fc.Arbitrary<RandomEdit> = fc.record({
      operation: fc.nat({ max: operationCount - 1 }),
      a: fc.nat({ max: 40 }),
      b: fc.nat({ max: 40 }),
      text: fc.constantFrom('', 'x', 'Pets', 'method.request.header.X', '$request.header.X'),
    });
    const starts = [restPetStore, httpPets, examplePetStore, httpApiWithJwt, () => emptyDesign('REST'), () => emptyDesign('HTTP')];
    fc.assert(
      fc.property(
        fc.nat({ max: starts.length - 1 }),
        fc.array(edit, { maxLength: 30 }),
        fc.constantFrom('REST', 'HTTP', 'WEBSOCKET'),
        (start, list, to) => {
          let design = (starts[start] as () => Design)();
          for (const item of list) {
            try {
              design = toStep(item)(design);
            } catch (error) {
              // A refused edit leaves the design as it was; anything else is a bug.
              if (!(error instanceof OperationError)) throw error;
            }
          }
          if (to !== design.api.type) expectHonestConversion(design, to as ApiType);
        },
      ),
      { numRuns: 250 },
    );
  });
});

describe('exports of converted designs', () => {
  let config: Config;
  beforeAll(async () => {
    config = await createConfig({ extends: ['minimal'] });
  });

  const converted = [
    ['the pet store with a validator and a gateway response, as HTTP', () => changeApiType(petStoreWithExtras(), 'HTTP')],
    ['the HTTP API with JWT, as REST', () => changeApiType(httpApiWithJwt(), 'REST')],
    ...examples
      .filter((example) => example.build().api.type !== 'WEBSOCKET')
      .map((example) => [`gallery ${example.id} converted`, () => changeApiType(example.build(), otherType(example.build()))] as const),
  ] as const;

  async function expectValidAndReadBack(design: Design, versions: readonly ('3.0' | '2.0')[]): Promise<void> {
    for (const version of versions) {
      const exported = exportOpenApi(design, { version });
      if (!exported.ok) throw new Error(exported.message);
      const text = stringifyDocument(exported.document, 'json');
      const problems = await lintFromString({ source: text, absoluteRef: '/portico/export.json', config });
      expect(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.message)).toEqual([]);
      const again = importOpenApi(text);
      expect(again.ok && again.design.api.type).toBe(design.api.type);
    }
  }
  it.each(converted)('%s is valid OpenAPI and imports back as its new type', async (_name, make) => {
    const design = make();
    await expectValidAndReadBack(design, design.api.type === 'REST' ? ['3.0', '2.0'] : ['3.0']);
  });
});
