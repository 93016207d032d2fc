import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../design';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { addAuthorizer } from './authorizers';
import { addIntegration } from './integrations';
import { addMethod } from './methods';
import { connectAuthorizer, connectIntegration, disconnectAuthorizer, disconnectIntegration, updateBinding } from './wiring';

const withMock = () =>
  build(
    emptyDesign('REST'),
    (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('get') }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('sqs') }),
  );

describe('connectIntegration', () => {
  it('binds a REST method to a Lambda as a proxy integration', () => {
    expect(restPetStore().methods[ids.mth('list')]?.integration).toEqual({
      integrationId: ids.int('fn'),
      proxy: true,
      requestParameters: {},
      requestTemplates: {},
      responses: [],
      cacheKeyParameters: [],
    });
  });

  it('binds a mock as a custom integration with a 200 answer and a 200 method response', () => {
    const design = build(withMock(), (d) => connectIntegration(d, ids.mth('get'), ids.int('mock')));
    const method = design.methods[ids.mth('get')]!;
    expect(method.integration).toMatchObject({
      proxy: false,
      passthroughBehavior: 'WHEN_NO_MATCH',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    expect(method.responses.map((response) => response.statusCode)).toEqual(['200']);
    // Replacing it keeps one 200 response.
    const replaced = build(design, (d) => connectIntegration(d, ids.mth('get'), ids.int('sqs')));
    expect(replaced.methods[ids.mth('get')]?.integration?.integrationId).toBe(ids.int('sqs'));
    expect(replaced.methods[ids.mth('get')]?.responses).toHaveLength(1);
  });

  it('binds HTTP routes as proxies with the payload format of the target', () => {
    const design = httpPets();
    expect(design.routes[ids.rte('list')]?.integration).toMatchObject({ proxy: true, payloadFormatVersion: '2.0' });
  });

  it('returns the same design when already connected', () => {
    const design = restPetStore();
    expect(connectIntegration(design, ids.mth('list'), ids.int('fn'))).toBe(design);
  });

  it('refuses missing ends', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => connectIntegration(d, ids.mth('gone'), ids.int('fn'))).message).toBe(
      'There is no method with id "mth_gone".',
    );
    expect(refusalOf(design, (d) => connectIntegration(d, ids.rte('gone'), ids.int('fn'))).message).toBe(
      'There is no route with id "rte_gone".',
    );
    expect(refusalOf(design, (d) => connectIntegration(d, ids.mth('list'), ids.int('gone'))).code).toBe('not-found');
  });
});

describe('disconnectIntegration and updateBinding', () => {
  it('disconnects, and changes nothing when there is nothing to disconnect', () => {
    const design = build(restPetStore(), (d) => disconnectIntegration(d, ids.mth('list')));
    expect(design.methods[ids.mth('list')]?.integration).toBeUndefined();
    expect(disconnectIntegration(design, ids.mth('list'))).toBe(design);
  });

  it('changes per-method settings; unchanged returns the same design', () => {
    const design = restPetStore();
    const next = build(design, (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 50, proxy: false }));
    expect(next.methods[ids.mth('list')]?.integration).toMatchObject({ timeoutInMillis: 50, proxy: false });
    expect(updateBinding(design, ids.mth('list'), { proxy: true })).toBe(design);
  });

  it('refuses a short or fractional timeout, custom integrations on HTTP, and a method without integration', () => {
    expect(refusalOf(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 49 })).message).toBe(
      'An integration timeout is a whole number of milliseconds, at least 50.',
    );
    expect(refusalOf(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 100.5 })).code).toBe('invalid-value');
    expect(refusalOf(httpPets(), (d) => updateBinding(d, ids.rte('list'), { proxy: false })).message).toContain('only proxy integrations');
    expect(refusalOf(httpPets(), (d) => updateBinding(d, ids.rte('list'), { timeoutInMillis: 30_001 })).message).toBe(
      'An integration timeout on this API is at most 30,000 ms.',
    );
    expect(
      build(httpPets(), (d) => updateBinding(d, ids.rte('list'), { timeoutInMillis: 30_000 })).routes[ids.rte('list')]?.integration
        ?.timeoutInMillis,
    ).toBe(30_000);
    expect(refusalOf(webSocketChat(), (d) => updateBinding(d, ids.rte('send'), { timeoutInMillis: 29_001 })).code).toBe('invalid-value');
    expect(
      build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 60_000 })).methods[ids.mth('list')]?.integration
        ?.timeoutInMillis,
    ).toBe(60_000);
    expect(refusalOf(withMock(), (d) => updateBinding(d, ids.mth('get'), { proxy: true })).message).toContain(
      'Connect an integration first',
    );
  });
});

describe('connectAuthorizer', () => {
  it('protects a method, resetting scopes; connecting again changes nothing', () => {
    const design = restPetStore();
    expect(design.methods[ids.mth('create')]).toMatchObject({ authorizerId: ids.auth('users'), authorizationScopes: [] });
    expect(connectAuthorizer(design, ids.mth('create'), ids.auth('users'))).toBe(design);
  });

  it('authorizes WebSocket APIs only on $connect', () => {
    const design = webSocketChat();
    expect(design.routes[ids.rte('connect')]?.authorizerId).toBe(ids.auth('lambda'));
    const error = refusalOf(design, (d) => connectAuthorizer(d, ids.rte('send'), ids.auth('lambda')));
    expect(error.code).toBe('not-allowed');
    expect(error.message).toContain('on the $connect route');
  });

  it('refuses missing ends', () => {
    expect(refusalOf(restPetStore(), (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('gone'))).code).toBe('not-found');
    expect(refusalOf(httpPets(), (d) => connectAuthorizer(d, ids.rte('gone'), ids.auth('jwt'))).code).toBe('not-found');
  });

  it('disconnects and clears scopes; nothing to disconnect changes nothing', () => {
    const design = build(
      restPetStore(),
      (d) => addAuthorizer(d, { kind: 'IAM' }),
      (d) => disconnectAuthorizer(d, ids.mth('create')),
    );
    expect(design.methods[ids.mth('create')]?.authorizerId).toBeUndefined();
    expect(disconnectAuthorizer(design, ids.mth('create'))).toBe(design);
  });
});
