import { describe, expect, it } from 'vitest';
import type { Authorizer, Design } from '../model';
import { httpPets, ids, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { checkCatalogue } from './catalogue';
import { findBreakingChanges } from './find-breaking-changes';

/**
 * The checks that read what only a design holds (authorizers, API keys, validators, stages, throttles,
 * quotas, cache keys): each with an edit of the pet store that triggers it and one that must not.
 */

type Edit = (design: Design) => void;

function edited(start: Design, edit: Edit): Design {
  const copy = structuredClone(start);
  edit(copy);
  return copy;
}

function idsBetween(base: Edit, revision: Edit, start: () => Design = restPetStore): string[] {
  return findBreakingChanges(edited(start(), base), edited(start(), revision)).map((finding) => finding.id);
}

const nothing: Edit = () => {};
const list = ids.mth('list');
const create = ids.mth('create');
const prod = ids.stg('prod');
const basic = ids.plan('basic');

function addAuthorizer(design: Design, name: string, kind: Authorizer['kind'] = 'LAMBDA_TOKEN'): Authorizer['id'] {
  const id = ids.auth(name);
  design.authorizers[id] = {
    id,
    name,
    kind,
    providerArns: [],
    jwtAudience: [],
    functionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
  };
  return id;
}

function validator(design: Design, body: boolean, parameters: boolean): void {
  const id = ids.val('v');
  design.requestValidators[id] = { id, name: 'v', validateRequestBody: body, validateRequestParameters: parameters };
  design.methods[create]!.requestValidatorId = id;
  design.methods[list]!.requestValidatorId = id;
}

function bodyModel(design: Design): void {
  const id = ids.mdl('pet');
  design.models[id] = { id, name: 'Pet', contentType: 'application/json', schema: { type: 'object' } };
  design.methods[create]!.requestBody = { required: true, content: { 'application/json': { modelId: id } } };
}

interface Case {
  id: string;
  trigger: [Edit, Edit];
  quiet: [Edit, Edit];
  start?: () => Design;
}

const cases: Case[] = [
  {
    id: 'apigw-authorizer-added',
    trigger: [
      nothing,
      (d) => {
        d.methods[list]!.authorizerId = ids.auth('users');
      },
    ],
    quiet: [
      nothing,
      (d) => {
        d.methods[list]!.summary = 'List pets';
      },
    ],
  },
  {
    id: 'apigw-authorizer-removed',
    trigger: [
      nothing,
      (d) => {
        delete d.methods[create]!.authorizerId;
      },
    ],
    quiet: [nothing, nothing],
  },
  {
    id: 'api-security-removed',
    trigger: [
      nothing,
      (d) => {
        d.methods[create]!.authorizerId = addAuthorizer(d, 'partners');
      },
    ],
    // Renaming the authorizer changes nothing a client sends.
    quiet: [
      nothing,
      (d) => {
        d.authorizers[ids.auth('users')]!.name = 'members';
      },
    ],
  },
  {
    id: 'api-security-added',
    trigger: [
      nothing,
      (d) => {
        d.methods[create]!.authorizerId = addAuthorizer(d, 'partners');
      },
    ],
    quiet: [
      nothing,
      (d) => {
        d.authorizers[ids.auth('users')]!.name = 'members';
      },
    ],
  },
  {
    id: 'api-security-scope-added',
    trigger: [
      nothing,
      (d) => {
        d.methods[create]!.authorizationScopes = ['pets/write'];
      },
    ],
    quiet: [
      (d) => {
        d.methods[create]!.authorizationScopes = ['pets/write'];
      },
      nothing,
    ],
  },
  {
    id: 'api-security-scope-removed',
    trigger: [
      (d) => {
        d.methods[create]!.authorizationScopes = ['pets/write'];
      },
      nothing,
    ],
    quiet: [
      nothing,
      (d) => {
        d.methods[create]!.authorizationScopes = ['pets/write'];
      },
    ],
  },
  {
    id: 'apigw-api-key-now-required',
    trigger: [
      nothing,
      (d) => {
        d.methods[list]!.apiKeyRequired = true;
      },
    ],
    quiet: [
      (d) => {
        d.methods[list]!.apiKeyRequired = true;
      },
      nothing,
    ],
  },
  {
    id: 'apigw-api-key-no-longer-required',
    trigger: [
      (d) => {
        d.methods[list]!.apiKeyRequired = true;
      },
      nothing,
    ],
    quiet: [
      nothing,
      (d) => {
        d.methods[list]!.apiKeyRequired = true;
      },
    ],
  },
  {
    id: 'apigw-request-validator-validates-body',
    trigger: [
      bodyModel,
      (d) => {
        bodyModel(d);
        validator(d, true, false);
      },
    ],
    // Without a request model there is nothing to validate the body against.
    quiet: [nothing, (d) => validator(d, true, false)],
  },
  {
    id: 'apigw-request-validator-validates-parameters',
    trigger: [
      (d) => {
        d.methods[list]!.parameters = [{ in: 'query', name: 'limit', required: true }];
      },
      (d) => {
        validator(d, false, true);
        d.methods[list]!.parameters = [{ in: 'query', name: 'limit', required: true }];
      },
    ],
    quiet: [nothing, (d) => validator(d, false, true)],
  },
  {
    id: 'apigw-throttle-lowered',
    trigger: [
      nothing,
      (d) => {
        d.stages[prod]!.methodSettings.throttlingRateLimit = 100;
      },
    ],
    quiet: [
      (d) => {
        d.stages[prod]!.methodSettings.throttlingRateLimit = 100;
      },
      (d) => {
        d.stages[prod]!.methodSettings.throttlingRateLimit = 500;
      },
    ],
  },
  {
    id: 'apigw-throttle-raised',
    trigger: [
      (d) => {
        d.stages[prod]!.methodSettings.throttlingBurstLimit = 100;
      },
      nothing,
    ],
    quiet: [
      nothing,
      (d) => {
        d.stages[prod]!.methodSettings.throttlingBurstLimit = 100;
      },
    ],
  },
  {
    id: 'apigw-quota-lowered',
    trigger: [
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 1000, period: 'DAY', offset: 0 };
      },
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 500, period: 'DAY', offset: 0 };
      },
    ],
    // The same allowance a month as thirty days of it.
    quiet: [
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 1000, period: 'DAY', offset: 0 };
      },
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 30000, period: 'MONTH', offset: 0 };
      },
    ],
  },
  {
    id: 'apigw-quota-raised',
    trigger: [
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 10, period: 'DAY', offset: 0 };
      },
      nothing,
    ],
    quiet: [
      nothing,
      (d) => {
        d.usagePlans[basic]!.quota = { limit: 10, period: 'DAY', offset: 0 };
      },
    ],
  },
  {
    id: 'apigw-cache-key-removed',
    trigger: [
      (d) => {
        d.stages[prod]!.cacheClusterEnabled = true;
        d.methods[list]!.integration!.cacheKeyParameters = ['method.request.querystring.type'];
      },
      (d) => {
        d.stages[prod]!.cacheClusterEnabled = true;
      },
    ],
    quiet: [
      (d) => {
        d.methods[list]!.integration!.cacheKeyParameters = ['method.request.querystring.type'];
      },
      nothing,
    ],
  },
  {
    id: 'apigw-cache-key-removed-uncached',
    trigger: [
      (d) => {
        d.methods[list]!.integration!.cacheKeyParameters = ['method.request.querystring.type'];
      },
      nothing,
    ],
    quiet: [
      nothing,
      (d) => {
        d.methods[list]!.integration!.cacheKeyParameters = ['method.request.querystring.type'];
      },
    ],
  },
  {
    id: 'apigw-stage-removed',
    trigger: [
      nothing,
      (d) => {
        d.stageOrder = [];
        delete d.stages[prod];
        d.usagePlans[basic]!.stages = [];
      },
    ],
    quiet: [
      nothing,
      (d) => {
        d.stages[prod]!.variables = { backend: 'blue' };
      },
    ],
  },
  {
    id: 'apigw-stage-added',
    trigger: [
      (d) => {
        d.stageOrder = [];
        delete d.stages[prod];
        d.usagePlans[basic]!.stages = [];
      },
      nothing,
    ],
    quiet: [nothing, nothing],
  },
  {
    id: 'apigw-usage-plan-removed',
    trigger: [
      nothing,
      (d) => {
        delete d.usagePlans[basic];
      },
    ],
    quiet: [
      nothing,
      (d) => {
        d.usagePlans[basic]!.description = 'For partners';
      },
    ],
  },
  {
    id: 'apigw-usage-plan-stage-removed',
    trigger: [
      nothing,
      (d) => {
        d.usagePlans[basic]!.stages = [];
      },
    ],
    quiet: [nothing, nothing],
  },
  {
    id: 'apigw-api-key-removed',
    trigger: [
      nothing,
      (d) => {
        d.apiKeys[ids.key('partner')]!.enabled = false;
      },
    ],
    quiet: [
      nothing,
      (d) => {
        d.apiKeys[ids.key('partner')]!.description = 'Partner key';
      },
    ],
  },
];

describe('API Gateway checks: each fires on its change and not on its look-alike', () => {
  it.each(cases.map((entry) => [entry.id, entry]))('%s', (id, entry) => {
    const triggered = idsBetween(entry.trigger[0], entry.trigger[1], entry.start);
    expect(triggered).toContain(id);
    expect(idsBetween(entry.quiet[0], entry.quiet[1], entry.start)).not.toContain(id);
    expect(checkCatalogue[id]).toBeDefined();
  });

  it('reports a method throttle lowered in a stage override and in a usage plan, on the operation', () => {
    const base = restPetStore();
    const revision = edited(base, (d) => {
      d.stages[prod]!.methodOverrides[list] = { ...d.stages[prod]!.methodOverrides[list], throttlingRateLimit: 5 };
      d.usagePlans[basic]!.stages[0]!.methodThrottles[list] = { rateLimit: 2, burstLimit: 20 };
    });
    const found = findBreakingChanges(base, revision).filter((finding) => finding.id === 'apigw-throttle-lowered');
    expect(found.map((finding) => [finding.operation, finding.level])).toEqual([
      ['GET /pets', 'warning'],
      ['GET /pets', 'warning'],
    ]);
    expect(found.map((finding) => finding.where).sort()).toEqual([
      '/stages/prod/methodOverrides/GET ~1pets/throttlingRateLimit',
      '/usagePlans/Basic/apiStages/prod/throttle/GET ~1pets/rateLimit',
    ]);
  });

  it('reads HTTP API route throttles and WebSocket routes the same way', () => {
    const http = httpPets();
    const lowered = edited(http, (d) => {
      d.stages[ids.stg('dev')]!.routeOverrides[ids.rte('list')] = { throttlingRateLimit: 1, throttlingBurstLimit: 10 };
    });
    expect(findBreakingChanges(http, lowered).map((finding) => [finding.id, finding.operation])).toEqual([
      ['apigw-throttle-lowered', 'GET /pets'],
    ]);
    const chat = webSocketChat();
    const withoutSend = edited(chat, (d) => {
      delete d.routes[ids.rte('send')];
    });
    expect(findBreakingChanges(chat, withoutSend).map((finding) => [finding.id, finding.operation])).toEqual([
      ['api-removed-without-deprecation', 'sendMessage'],
    ]);
  });

  it('compares designs whose ids differ: operations are matched by verb and path, not by id', () => {
    const base = restPetStore();
    const renamedIds = edited(base, (d) => {
      const method = d.methods[list]!;
      delete d.methods[list];
      d.methods[ids.mth('other')] = { ...method, id: ids.mth('other') };
    });
    expect(findBreakingChanges(base, renamedIds)).toEqual([]);
  });
});
