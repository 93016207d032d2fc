import { describe, expect, it } from 'vitest';
import { httpApiWithJwt, privateRestApi, restApi2026, restPetStore, sqsIngestion, syntheticDesign, webSocketChat } from '../examples';
import {
  addApiKey,
  addAuthorizer,
  addIntegration,
  addJwtIssuer,
  addMethod,
  addResource,
  connectIntegration,
  type Design,
  emptyDesign,
  updateIntegration,
  updateMethod,
  updateStage,
} from '../model';
import { build, ids } from '../model/testing/design-builder';
import { buildSearchIndex, type SearchResult, searchDesign } from './search-design';

function find(design: Design, query: string, limit = 50): SearchResult[] {
  return searchDesign(buildSearchIndex(design), query, limit);
}

function first(design: Design, query: string): SearchResult | undefined {
  return find(design, query)[0];
}

const petStore = restPetStore();

describe('searchDesign on the pet store', () => {
  it('finds a method by its operation name, titled by verb and path, with the operation and integration named', () => {
    const result = first(petStore, 'listPets');
    expect(result).toMatchObject({ kind: 'method', id: 'mth_list', title: 'GET /pets', matchedText: 'listPets' });
    expect(result?.subtitle).toContain('listPets');
    expect(result?.subtitle).toContain('List pets');
    expect(result?.subtitle).toContain('Pets function');
  });

  it('finds a method by verb and path words: "post pets" is POST /pets', () => {
    const results = find(petStore, 'post pets');
    expect(results[0]).toMatchObject({ kind: 'method', id: 'mth_create', title: 'POST /pets' });
    // Every word must match: GET methods do not say "post" anywhere.
    expect(results.map((result) => result.id)).not.toContain('mth_list');
  });

  it('finds a method by its full path and verb', () => {
    expect(first(petStore, 'GET /pets/{petId}')).toMatchObject({ id: 'mth_get', title: 'GET /pets/{petId}' });
    expect(first(petStore, 'get /pets')).toMatchObject({ id: 'mth_list' });
  });

  it('finds a resource by its path part and a path parameter', () => {
    expect(find(petStore, '/pets/{petId}').find((result) => result.kind === 'resource')).toMatchObject({ id: 'res_pet' });
    expect(first(petStore, 'health')?.id).toMatch(/^(res|mth|int)_health$/);
    expect(find(petStore, 'petid').map((result) => result.id)).toEqual(expect.arrayContaining(['res_pet', 'mth_get']));
  });

  it('finds a method by summary and tag', () => {
    expect(first(petStore, 'find a pet')).toMatchObject({ id: 'mth_get' });
    expect(find(petStore, 'operations').map((result) => result.id)).toContain('mth_health');
  });

  it('finds an integration by its Lambda ARN, a part of it and the bare function name', () => {
    for (const query of ['arn:aws:lambda:us-east-1:123456789012:function:pets', 'function:pets', '123456789012:function:pe']) {
      const result = first(petStore, query);
      expect(result, query).toMatchObject({ kind: 'integration', id: 'int_pets', title: 'Pets function' });
      expect(result?.subtitle).toBe('arn:aws:lambda:us-east-1:123456789012:function:pets');
    }
    expect(find(petStore, 'pets').map((result) => result.id)).toContain('int_pets');
  });

  it('finds an integration by its name, and a query of several words prefers the element they name together', () => {
    expect(first(petStore, 'Pets function')).toMatchObject({ kind: 'integration', id: 'int_pets' });
    // The health method is summarised "Health check" and calls the "Health check" mock: both are found.
    expect(
      find(petStore, 'health check')
        .slice(0, 2)
        .map((result) => result.id)
        .sort(),
    ).toEqual(['int_health', 'mth_health']);
  });

  it('finds an authorizer by name, kind and user pool ARN', () => {
    expect(first(petStore, 'PetOwners')).toMatchObject({ kind: 'authorizer', id: 'auth_users' });
    expect(first(petStore, 'cognito')).toMatchObject({ kind: 'authorizer', id: 'auth_users' });
    expect(first(petStore, 'userpool/us-east-1_PetOwners')).toMatchObject({ kind: 'authorizer', id: 'auth_users' });
  });

  it('finds the stage, models, the usage plan, the API key and validators', () => {
    expect(first(petStore, 'prod')).toMatchObject({ kind: 'stage', id: 'stg_prod', title: 'prod' });
    expect(first(petStore, 'NewPet')).toMatchObject({ kind: 'model', id: 'mdl_newpet', title: 'NewPet' });
    expect(first(petStore, 'Partners')).toMatchObject({ kind: 'usage-plan', id: 'plan_partners' });
    expect(first(petStore, 'partner')).toMatchObject({ kind: 'api-key', id: 'key_partner' });
    expect(first(petStore, 'validate body')).toMatchObject({ kind: 'request-validator', id: 'val_body' });
    expect(first(petStore, 'stage prod')).toMatchObject({ kind: 'stage', id: 'stg_prod' });
  });

  it('forgives missing letters in names', () => {
    expect(first(petStore, 'crtpet')).toMatchObject({ id: 'mth_create' });
  });

  it('finds nothing for words nothing has', () => {
    expect(find(petStore, 'no such command')).toEqual([]);
    expect(find(petStore, '')).toEqual([]);
    expect(find(petStore, '   ')).toEqual([]);
  });

  it('keeps results of one kind together, the group of the best match first', () => {
    const results = find(petStore, 'pet');
    expect(results.length).toBeGreaterThan(5);
    const kinds = results.map((result) => result.kind);
    const groups = kinds.filter((kind, index) => kind !== kinds[index - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    const best = Math.max(...results.map((result) => result.score));
    expect(results[0]?.score).toBe(best);
  });

  it('returns at most `limit` results, the best ones', () => {
    const all = find(petStore, 'p');
    const three = find(petStore, 'p', 3);
    expect(three).toHaveLength(3);
    const threshold = Math.min(...three.map((result) => result.score));
    expect(all.filter((result) => result.score > threshold).length).toBeLessThanOrEqual(3);
  });
});

describe('searchDesign on other designs', () => {
  it('finds HTTP API routes by key, verb and path, and a JWT authorizer by its issuer', () => {
    const design = httpApiWithJwt();
    expect(first(design, 'delete notes')).toMatchObject({ kind: 'route', title: 'DELETE /notes/{noteId}' });
    expect(first(design, 'GET /notes')).toMatchObject({ kind: 'route', title: 'GET /notes' });
    expect(first(design, 'us-east-1_NotesUsers')).toMatchObject({ kind: 'authorizer', title: 'UserPoolJwt' });
    expect(first(design, 'cognito-idp.us-east-1.amazonaws.com')).toMatchObject({ kind: 'authorizer' });
  });

  it("finds a REST API's JWT authorizer by any of its issuers and audiences", () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Tokens' }),
      (d) => addJwtIssuer(d, ids.auth('jwt'), 'https://login.example.com/', ['api://orders']),
    );
    expect(first(design, 'login.example.com')).toMatchObject({ kind: 'authorizer', title: 'Tokens' });
    expect(first(design, 'api://orders')).toMatchObject({ kind: 'authorizer', title: 'Tokens' });
    expect(first(design, 'Tokens')?.subtitle).toContain('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE');
  });

  it('finds WebSocket routes by their key', () => {
    expect(first(webSocketChat(), 'sendMessage')).toMatchObject({ kind: 'route', title: 'sendMessage' });
    expect(first(webSocketChat(), '$connect')).toMatchObject({ kind: 'route', title: '$connect' });
  });

  it('finds an AWS service integration by service and action, and a VPC link integration by host and link id', () => {
    expect(first(sqsIngestion(), 'sqs')).toMatchObject({ kind: 'integration', title: 'Events queue' });
    expect(first(sqsIngestion(), '123456789012/events')).toMatchObject({ kind: 'integration' });
    expect(first(privateRestApi(), 'inventory.internal.example.com')).toMatchObject({ kind: 'integration' });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a stage variable reference, as API Gateway writes it.
    expect(first(privateRestApi(), '${stageVariables.vpcLinkId}')).toMatchObject({ kind: 'integration' });
    // The stage that defines the variable comes first; the integrations that use it follow.
    expect(find(privateRestApi(), 'vpcLinkId').map((result) => result.kind)).toEqual(['stage', 'integration', 'integration']);
  });

  it('finds an HTTP integration by URL host, and a stage by a variable name or value', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('orders'), name: 'Orders backend' }),
      (d) => updateIntegration(d, ids.int('orders'), { url: 'https://orders.example.net/v1/{proxy}' }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Billing' }),
      (d) => updateIntegration(d, ids.int('fn'), { functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:invoice-maker:live' }),
      (d) => ({ ...d, stageOrder: [] }),
    );
    expect(first(design, 'orders.example.net')).toMatchObject({ id: 'int_orders', subtitle: 'ANY https://orders.example.net/v1/{proxy}' });
    expect(first(design, 'example.net')).toMatchObject({ id: 'int_orders' });
    // The function name from the ARN, though the integration is named otherwise.
    expect(first(design, 'invoice-maker')).toMatchObject({ id: 'int_fn', title: 'Billing', matchedText: 'invoice-maker' });
    const staged = build(petStore, (d) => updateStage(d, ids.stg('prod'), { variables: { backendAlias: 'blue-green' } }));
    expect(first(staged, 'backendAlias')).toMatchObject({ kind: 'stage', id: 'stg_prod', matchedText: 'backendAlias' });
    expect(first(staged, 'blue-green')).toMatchObject({ kind: 'stage', id: 'stg_prod' });
  });

  it('names a method by the integration it calls, and finds it through that name', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addResource(d, { parentId: ids.root, pathPart: 'orders', id: ids.res('orders') }),
      (d) => addMethod(d, { resourceId: ids.res('orders'), httpMethod: 'PUT', id: ids.mth('put') }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('stub'), name: 'Order stub' }),
      (d) => connectIntegration(d, ids.mth('put'), ids.int('stub')),
    );
    expect(find(design, 'put order stub')[0]).toMatchObject({ kind: 'method', id: 'mth_put', title: 'PUT /orders' });
  });

  it('never indexes an API key value (a secret)', () => {
    const design = build(petStore, (d) => addApiKey(d, { name: 'mobile', id: ids.key('mobile'), value: 'Zq8sSecretKeyValue1234567' }));
    expect(find(design, 'Zq8sSecretKeyValue1234567')).toEqual([]);
    expect(first(design, 'mobile')).toMatchObject({ kind: 'api-key', title: 'mobile' });
  });

  it('returns names from imported documents as they are, markup included (the UI renders text, never HTML)', () => {
    const name = '<img src=x onerror=alert(1)>';
    const design = build(petStore, (d) => updateMethod(d, ids.mth('list'), { operationName: name }));
    expect(first(design, 'onerror')).toMatchObject({ id: 'mth_list', matchedText: name });
    expect(find(design, 'constructor')).toEqual([]);
    expect(find(design, '__proto__')).toEqual([]);
  });
});

describe('buildSearchIndex', () => {
  it('builds once per design object and again after an edit', () => {
    const index = buildSearchIndex(petStore);
    expect(buildSearchIndex(petStore)).toBe(index);
    const renamed = build(petStore, (d) => updateMethod(d, ids.mth('list'), { operationName: 'browseCatalogue' }));
    expect(buildSearchIndex(renamed)).not.toBe(index);
    expect(first(renamed, 'browseCatalogue')).toMatchObject({ id: 'mth_list' });
    expect(first(petStore, 'browseCatalogue')).toBeUndefined();
  });

  it('finds one operation among 5,000 by its operation name and its integration by ARN', () => {
    const design = syntheticDesign({ operations: 5000, seed: 1 });
    const started = performance.now();
    const index = buildSearchIndex(design);
    const built = performance.now() - started;
    const method = Object.values(design.methods)[4321];
    if (!method?.operationName) throw new Error('the synthetic design has no operation names');
    const queried = performance.now();
    const byName = searchDesign(index, method.operationName, 50);
    const byNameTime = performance.now() - queried;
    expect(byName[0]).toMatchObject({ kind: 'method', id: method.id });
    const target = Object.values(design.integrations).find((candidate) => candidate.kind === 'LAMBDA' && candidate.name.endsWith(' 5'));
    if (target?.kind !== 'LAMBDA') throw new Error('the synthetic design has no Lambda integration 5');
    const byArn = searchDesign(index, target.functionArn, 50);
    expect(byArn[0]).toMatchObject({ kind: 'integration', id: target.id });
    const fuzzyStarted = performance.now();
    const fuzzy = searchDesign(index, 'rvws', 50);
    const fuzzyTime = performance.now() - fuzzyStarted;
    expect(fuzzy.length).toBeGreaterThan(0);
    // Speed is measured by `npm run bench`, not asserted here (a timed assertion flakes on a busy machine).
    console.info(
      `search, 5,000 operations: index ${built.toFixed(1)} ms (${index.entries.length} elements), ` +
        `operation name ${byNameTime.toFixed(1)} ms, fuzzy ${fuzzyTime.toFixed(1)} ms`,
    );
  });
});

describe('searchDesign on custom domains', () => {
  const design = restApi2026();
  it("finds a custom domain by its host name and by a routing rule's header, naming the stages it serves", () => {
    const byName = first(design, 'orders.example');
    expect(byName).toMatchObject({ kind: 'domain', id: 'dom_orders', title: 'orders.example.com' });
    expect(byName?.subtitle).toContain('prod');
    expect(byName?.subtitle).toContain('beta');
    expect(first(design, 'x-api-version')).toMatchObject({ kind: 'domain', id: 'dom_orders' });
    expect(first(design, 'custom domain')).toMatchObject({ kind: 'domain' });
  });
});
