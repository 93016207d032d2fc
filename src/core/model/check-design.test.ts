import { describe, expect, it } from 'vitest';
import type { Authorizer } from './authorizer';
import { checkDesign } from './check-design';
import { type Design, emptyDesign } from './design';
import { addResource } from './operations/resources';
import { build, httpPets, ids, restPetStore, webSocketChat } from './testing/design-builder';

/** A deliberately broken copy of a design (what a damaged file could hold). */
function broken<T extends Design>(design: T, damage: (copy: T) => void): T {
  const copy = structuredClone(design);
  damage(copy);
  return copy;
}

describe('checkDesign', () => {
  it('finds nothing wrong with designs built by operations', () => {
    for (const design of [emptyDesign('REST'), emptyDesign('HTTP'), emptyDesign('WEBSOCKET'), restPetStore(), httpPets(), webSocketChat()])
      expect(checkDesign(design)).toEqual([]);
  });

  const cases: [string, () => Design, string][] = [
    [
      'two roots',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pets')]!.parentId = null;
        }),
      'exactly one root resource; this one has 2',
    ],
    ['no root', () => ({ ...emptyDesign('REST'), resources: {}, layout: {} }), 'this one has 0'],
    [
      'resources in an HTTP design',
      () => ({ ...httpPets(), resources: emptyDesign('REST').resources }),
      'Only REST designs have resources',
    ],
    [
      'routes in a REST design',
      () => ({ ...restPetStore(), routes: httpPets().routes, layout: {} }),
      'REST designs have methods, not routes.',
    ],
    [
      'a missing parent',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pet')]!.parentId = ids.res('gone');
        }),
      'has a missing parent',
    ],
    [
      'a parent named like a prototype member',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pet')]!.parentId = ids.res('x').replace('res_x', 'constructor') as never;
        }),
      'has a missing parent',
    ],
    [
      'a cycle',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pets')]!.parentId = ids.res('pet');
        }),
      'part of a cycle',
    ],
    [
      'a duplicate path part',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pet')]!.parentId = ids.root;
          d.resources[ids.res('pet')]!.pathPart = 'pets';
        }),
      'appears twice under one parent',
    ],
    [
      'a method of a missing resource',
      () =>
        broken(restPetStore(), (d) => {
          d.methods[ids.mth('get')]!.resourceId = 'toString' as never;
        }),
      'belongs to a missing resource',
    ],
    [
      'two GET methods on one resource',
      () =>
        broken(restPetStore(), (d) => {
          d.methods[ids.mth('create')]!.httpMethod = 'GET';
        }),
      'Two GET methods on one resource.',
    ],
    [
      'a missing request validator',
      () =>
        broken(restPetStore(), (d) => {
          d.methods[ids.mth('get')]!.requestValidatorId = ids.val('gone');
        }),
      'missing request validator',
    ],
    [
      'a duplicate route key',
      () =>
        broken(httpPets(), (d) => {
          d.routes[ids.rte('create')]!.routeKey = 'GET /pets';
        }),
      'appears twice',
    ],
    [
      'a missing authorizer',
      () =>
        broken(restPetStore(), (d) => {
          d.methods[ids.mth('get')]!.authorizerId = 'constructor' as never;
        }),
      'uses a missing authorizer',
    ],
    [
      'a missing integration',
      () =>
        broken(httpPets(), (d) => {
          d.routes[ids.rte('list')]!.integration!.integrationId = ids.int('gone');
        }),
      'uses a missing integration',
    ],
    [
      'a missing model',
      () =>
        broken(restPetStore(), (d) => {
          d.methods[ids.mth('get')]!.responses = [
            { statusCode: '200', headers: {}, content: { 'application/json': { modelId: ids.mdl('gone') } } },
          ];
        }),
      'uses a missing model',
    ],
    [
      'a missing default validator',
      () =>
        broken(restPetStore(), (d) => {
          d.api.defaultRequestValidatorId = ids.val('gone');
        }),
      'default request validator is missing',
    ],
    [
      'an override of a missing method',
      () =>
        broken(restPetStore(), (d) => {
          d.stages[ids.stg('prod')]!.methodOverrides[ids.mth('gone')] = {};
        }),
      'overrides a missing method',
    ],
    [
      'an override of a missing route',
      () =>
        broken(httpPets(), (d) => {
          d.stages[ids.stg('dev')]!.routeOverrides[ids.rte('gone')] = {};
        }),
      'overrides a missing route',
    ],
    [
      'a stage order naming a prototype member',
      () =>
        broken(restPetStore(), (d) => {
          d.stageOrder = ['toString' as never];
        }),
      'stage order',
    ],
    [
      'a stage missing from the order',
      () =>
        broken(restPetStore(), (d) => {
          d.stageOrder = [];
        }),
      'stage order',
    ],
    [
      'a plan covering a missing stage',
      () =>
        broken(restPetStore(), (d) => {
          d.usagePlans[ids.plan('basic')]!.stages[0]!.stageId = ids.stg('gone');
        }),
      'covers a missing stage',
    ],
    [
      'a plan throttling a missing method',
      () =>
        broken(restPetStore(), (d) => {
          d.usagePlans[ids.plan('basic')]!.stages[0]!.methodThrottles[ids.mth('gone')] = { rateLimit: 1, burstLimit: 1 };
        }),
      'throttles a missing method',
    ],
    [
      'a plan listing a missing key',
      () =>
        broken(restPetStore(), (d) => {
          d.usagePlans[ids.plan('basic')]!.apiKeyIds = [ids.key('gone')];
        }),
      'lists a missing API key',
    ],
    [
      'a position of something that is not a card',
      () =>
        broken(restPetStore(), (d) => {
          (d.layout as Record<string, { x: number; y: number }>)[ids.mth('list')] = { x: 0, y: 0 };
        }),
      'position for mth_list, which is not a card',
    ],
    [
      'an element stored under another key',
      () =>
        broken(restPetStore(), (d) => {
          d.apiKeys[ids.key('partner')]!.id = ids.key('other');
        }),
      'stored under "key_partner" has id "key_other"',
    ],
    [
      'a Cognito authorizer on HTTP',
      () =>
        broken(httpPets(), (d) => {
          (d.authorizers[ids.auth('jwt')] as Authorizer).kind = 'COGNITO_USER_POOLS';
        }),
      'HTTP APIs have no Cognito user pool authorizer',
    ],
    [
      'a mock on HTTP',
      () =>
        broken(httpPets(), (d) => {
          d.integrations[ids.int('fn')] = { id: ids.int('fn'), kind: 'MOCK', name: 'm' };
        }),
      'HTTP APIs have no mock integration',
    ],
    [
      'a malformed route key',
      () =>
        broken(httpPets(), (d) => {
          d.routes[ids.rte('list')]!.routeKey = 'GET pets';
        }),
      'is not a route key',
    ],
    [
      'a WebSocket authorizer off $connect',
      () =>
        broken(webSocketChat(), (d) => {
          d.routes[ids.rte('send')]!.authorizerId = ids.auth('lambda');
        }),
      'authorize only on $connect',
    ],
    [
      'a stage name with a space',
      () =>
        broken(restPetStore(), (d) => {
          d.stages[ids.stg('prod')]!.name = 'my stage';
        }),
      'no spaces',
    ],
    [
      'two stages with one name',
      () => ({
        ...restPetStore(),
        stages: { ...restPetStore().stages, stg_b: { ...restPetStore().stages[ids.stg('prod')]!, id: ids.stg('b') } },
        stageOrder: [ids.stg('prod'), ids.stg('b')],
      }),
      'Two stages are named prod.',
    ],
    [
      'an invalid path part',
      () =>
        broken(restPetStore(), (d) => {
          d.resources[ids.res('pets')]!.pathPart = 'a b';
        }),
      'characters API Gateway refuses',
    ],
    [
      'children under {proxy+}',
      () =>
        broken(
          build(restPetStore(), (d) => addResource(d, { parentId: ids.res('pet'), pathPart: 'x' })),
          (d) => {
            d.resources[ids.res('pet')]!.pathPart = '{proxy+}';
          },
        ),
      'below a greedy {proxy+}',
    ],
  ];

  it.each(cases)('reports %s', (_name, make, message) => {
    const problems = checkDesign(make());
    expect(
      problems.some((problem) => problem.includes(message)),
      problems.join('\n'),
    ).toBe(true);
  });
});
