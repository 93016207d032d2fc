import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { resourcePath } from '../paths';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { changeApiType, updateApi } from './api-settings';
import { addAuthorizer, deleteAuthorizers, updateAuthorizer } from './authorizers';
import { addRequestValidator, setGatewayResponse } from './components';
import { addIntegration } from './integrations';
import { addRoute } from './routes';
import { addStage, setMethodOverride } from './stages';
import { addApiKey, deleteUsagePlan } from './usage-plans';

describe('updateApi', () => {
  it('changes settings; an unchanged patch returns the same design', () => {
    const design = emptyDesign('REST');
    const next = build(design, (d) =>
      updateApi(d, { name: ' Shop ', endpointType: 'PRIVATE', binaryMediaTypes: ['image/png', '*/*'], minimumCompressionSize: 0 }),
    );
    expect(next.api).toMatchObject({
      name: 'Shop',
      endpointType: 'PRIVATE',
      binaryMediaTypes: ['image/png', '*/*'],
      minimumCompressionSize: 0,
    });
    expect(updateApi(design, { name: 'Untitled API', binaryMediaTypes: [] })).toBe(design);
  });

  it('refuses bad values', () => {
    const rest = emptyDesign('REST');
    expect(refusalOf(rest, (d) => updateApi(d, { name: ' ' })).message).toBe('The API needs a name.');
    expect(refusalOf(rest, (d) => updateApi(d, { endpointType: 'LOCAL' as 'EDGE' })).message).toBe(
      'The endpoint type is EDGE, REGIONAL or PRIVATE.',
    );
    expect(refusalOf(rest, (d) => updateApi(d, { apiKeySource: 'QUERY' as 'HEADER' })).message).toBe(
      'The API key source is HEADER or AUTHORIZER.',
    );
    expect(refusalOf(rest, (d) => updateApi(d, { minimumCompressionSize: 10_485_761 })).code).toBe('invalid-value');
    expect(refusalOf(rest, (d) => updateApi(d, { minimumCompressionSize: -1 })).code).toBe('invalid-value');
    expect(refusalOf(rest, (d) => updateApi(d, { binaryMediaTypes: ['png'] })).message).toBe(
      '"png" is not a media type such as image/png or */*.',
    );
    expect(refusalOf(rest, (d) => updateApi(d, { defaultRequestValidatorId: ids.val('gone') })).code).toBe('not-found');
    expect(refusalOf(emptyDesign('HTTP'), (d) => updateApi(d, { endpointType: 'EDGE' })).message).toContain(
      'HTTP APIs are always regional',
    );
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => updateApi(d, { endpointType: 'PRIVATE' })).message).toContain(
      'WebSocket APIs are always regional',
    );
  });
});

/** The REST pet store without what HTTP APIs cannot have (Cognito authorizer, usage plan, API key). */
const convertibleRest = () =>
  build(
    restPetStore(),
    (d) => deleteAuthorizers(d, [ids.auth('users')]),
    (d) => deleteUsagePlan(d, ids.plan('basic')),
    (d) => ({ ...d, apiKeys: {} }),
  );

describe('changeApiType', () => {
  it('returns the same design for the same type', () => {
    const design = restPetStore();
    expect(changeApiType(design, 'REST')).toBe(design);
  });

  it('converts REST methods into HTTP routes, keeping positions, integrations and throttling', () => {
    const design = build(
      convertibleRest(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }),
      (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('get'), { throttlingRateLimit: 3, throttlingBurstLimit: 4 }),
      (d) => changeApiType(d, 'HTTP'),
    );
    expect(design.api).toMatchObject({ type: 'HTTP', endpointType: 'REGIONAL' });
    expect(design.resources).toEqual({});
    expect(design.methods).toEqual({});
    expect(Object.values(design.routes).map((route) => route.routeKey)).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}']);
    expect(design.routes[ids.rte('list')]?.integration).toMatchObject({
      integrationId: ids.int('fn'),
      proxy: true,
      payloadFormatVersion: '2.0',
    });
    expect(design.layout[ids.rte('list')]).toEqual({ x: 840, y: 0 });
    expect(design.authorizers[ids.auth('req')]?.identitySource).toBe('$request.header.Authorization');
    expect(design.stages[ids.stg('prod')]?.routeOverrides).toEqual({
      [ids.rte('get')]: { throttlingRateLimit: 3, throttlingBurstLimit: 4 },
    });
    expect(checkDesign(design)).toEqual([]);
  });

  it('converts HTTP routes into REST resources and methods', () => {
    const design = build(
      httpPets(),
      (d) => deleteAuthorizers(d, [ids.auth('jwt')]),
      (d) => addRoute(d, { routeKey: 'DELETE /pets/{id}/tags/{tag}', id: ids.rte('untag') }),
      (d) => addRoute(d, { routeKey: '$default', id: ids.rte('default') }),
      (d) => changeApiType(d, 'REST'),
    );
    expect(design.api.type).toBe('REST');
    expect(design.routes).toEqual({});
    const method = (id: string) => design.methods[ids.mth(id)]!;
    expect([method('list').httpMethod, resourcePath(design, method('list').resourceId)]).toEqual(['GET', '/pets']);
    expect(method('create').resourceId).toBe(method('list').resourceId);
    expect([method('untag').httpMethod, resourcePath(design, method('untag').resourceId)]).toEqual(['DELETE', '/pets/{id}/tags/{tag}']);
    expect([method('default').httpMethod, resourcePath(design, method('default').resourceId)]).toEqual(['ANY', '/{proxy+}']);
    expect(design.stages[ids.stg('dev')]?.methodOverrides).toEqual({
      [ids.mth('list')]: { throttlingRateLimit: 5, throttlingBurstLimit: 10 },
    });
    expect(checkDesign(design)).toEqual([]);
  });

  it('converts every entry of an identity source, in both directions', () => {
    const rest = 'method.request.header.Auth, method.request.querystring.token, stageVariables.realm, context.sourceIp';
    const http = '$request.header.Auth, $request.querystring.token, $stageVariables.realm, $context.sourceIp';
    const there = build(
      convertibleRest(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }),
      (d) => updateAuthorizer(d, ids.auth('req'), { identitySource: rest }),
      (d) => changeApiType(d, 'HTTP'),
    );
    expect(there.authorizers[ids.auth('req')]?.identitySource).toBe(http);
    const back = build(there, (d) => changeApiType(d, 'REST'));
    expect(back.authorizers[ids.auth('req')]?.identitySource).toBe(rest);
  });

  it('round-trips REST → HTTP → REST to the same paths and verbs', () => {
    const there = build(convertibleRest(), (d) => changeApiType(d, 'HTTP'));
    const back = build(there, (d) => changeApiType(d, 'REST'));
    const summary = Object.values(back.methods).map((method) => `${method.httpMethod} ${resourcePath(back, method.resourceId)}`);
    expect(summary).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}']);
    expect(checkDesign(back)).toEqual([]);
  });

  it('refuses what the new type cannot have, naming it', () => {
    expect(refusalOf(restPetStore(), (d) => changeApiType(d, 'HTTP')).message).toContain(
      'HTTP APIs have no Cognito user pool authorizer: replace "CognitoAuthorizer"',
    );
    const mock = build(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'MOCK', name: 'Fake' }));
    expect(refusalOf(mock, (d) => changeApiType(d, 'HTTP')).message).toBe('HTTP APIs have no mock integration: delete "Fake" first.');
    const token = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN' }));
    expect(refusalOf(token, (d) => changeApiType(d, 'HTTP')).message).toContain('Lambda TOKEN');
    expect(refusalOf(httpPets(), (d) => changeApiType(d, 'REST')).message).toContain('JWT authorizers exist only on HTTP APIs');
  });

  it('refuses converting operations to or from WebSocket', () => {
    expect(refusalOf(webSocketChat(), (d) => changeApiType(d, 'HTTP')).message).toContain(
      'WebSocket routes and HTTP methods do not convert',
    );
    expect(refusalOf(convertibleRest(), (d) => changeApiType(d, 'WEBSOCKET')).code).toBe('not-allowed');
  });

  it('refuses authorizers WebSocket APIs cannot have', () => {
    const cognito = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS' }));
    expect(refusalOf(cognito, (d) => changeApiType(d, 'WEBSOCKET')).code).toBe('wrong-api-type');
    const token = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN' }));
    expect(refusalOf(token, (d) => changeApiType(d, 'WEBSOCKET')).code).toBe('wrong-api-type');
  });

  it('refuses dropping REST-only elements silently', () => {
    expect(
      refusalOf(
        build(convertibleRest(), (d) => addApiKey(d, { name: 'k' })),
        (d) => changeApiType(d, 'HTTP'),
      ).message,
    ).toContain('API keys');
    expect(refusalOf(restPetStore(), (d) => changeApiType(d, 'WEBSOCKET')).code).toBe('not-allowed');
    const validator = build(convertibleRest(), (d) =>
      addRequestValidator(d, { name: 'all', validateRequestBody: true, validateRequestParameters: true }),
    );
    expect(refusalOf(validator, (d) => changeApiType(d, 'HTTP')).message).toContain('request validator');
    const response = build(convertibleRest(), (d) =>
      setGatewayResponse(d, 'DEFAULT_4XX', { responseParameters: {}, responseTemplates: {} }),
    );
    expect(refusalOf(response, (d) => changeApiType(d, 'HTTP')).message).toContain('gateway response');
  });

  it('refuses HTTP routes that would become the same REST method or an invalid path', () => {
    const clash = build(
      emptyDesign('HTTP'),
      (d) => addRoute(d, { routeKey: '$default' }),
      (d) => addRoute(d, { routeKey: 'ANY /{proxy+}' }),
    );
    expect(refusalOf(clash, (d) => changeApiType(d, 'REST')).message).toContain('ANY /{proxy+}');
    const empty = build(emptyDesign('HTTP'), (d) => addRoute(d, { routeKey: 'GET /a//b' }));
    expect(refusalOf(empty, (d) => changeApiType(d, 'REST')).message).toContain('GET /a//b');
  });

  it('refuses leaving HTTP with a $default stage', () => {
    const design = build(emptyDesign('HTTP'), (d) => addStage(d, { name: '$default' }));
    expect(refusalOf(design, (d) => changeApiType(d, 'REST')).message).toContain('Only HTTP APIs have a $default stage');
  });

  it('converts empty designs between every pair of types into consistent designs', () => {
    for (const from of ['REST', 'HTTP', 'WEBSOCKET'] as const)
      for (const to of ['REST', 'HTTP', 'WEBSOCKET'] as const) {
        const design = build(emptyDesign(from), (d) => changeApiType(d, to));
        expect(design.api.type).toBe(to);
        expect(checkDesign(design), `${from} → ${to}`).toEqual([]);
      }
  });
});
