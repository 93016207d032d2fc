import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { resourcePath } from '../paths';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { updateApi } from './api-settings';
import { addAuthorizer, deleteAuthorizers, updateAuthorizer } from './authorizers';
import { addRequestValidator, setGatewayResponse } from './components';
import { changeApiType, planApiTypeChange } from './convert-api-type';
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

  it('converts REST methods into HTTP routes, keeping integrations, backend positions and throttling', () => {
    const before = build(
      convertibleRest(),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }),
      (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('get'), { throttlingRateLimit: 3, throttlingBurstLimit: 4 }),
    );
    const design = changeApiType(before, 'HTTP');
    expect(design.api).toMatchObject({ type: 'HTTP', endpointType: 'REGIONAL' });
    expect(design.resources).toEqual({});
    expect(design.methods).toEqual({});
    expect(Object.values(design.routes).map((route) => route.routeKey)).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}']);
    // Payload format 1.0 is the event a REST Lambda proxy integration sends, so the function works unchanged.
    expect(design.routes[ids.rte('list')]?.integration).toMatchObject({
      integrationId: ids.int('fn'),
      proxy: true,
      payloadFormatVersion: '1.0',
    });
    // Integrations keep their place on the canvas; the API side is new and placed by the canvas.
    expect(design.layout).toEqual({
      [ids.int('fn')]: before.layout[ids.int('fn')],
      [ids.auth('req')]: before.layout[ids.auth('req')],
    });
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

  it('removes what the new type cannot have in the same step, as its plan lists', () => {
    const petStore = restPetStore();
    const http = changeApiType(petStore, 'HTTP');
    expect(http.authorizers).toEqual({});
    expect(http.routes[ids.rte('create')]?.authorizerId).toBeUndefined();
    expect(planApiTypeChange(petStore, 'HTTP').removed.map((item) => item.subject)).toContain(
      'Authorizer "CognitoAuthorizer" (Cognito user pool)',
    );
    const mock = build(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'MOCK', name: 'Fake' }));
    expect(changeApiType(mock, 'HTTP').integrations).toEqual({});
    const token = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN' }));
    expect(changeApiType(token, 'HTTP').authorizers).toEqual({});
    // REST APIs have JWT authorizers too (2026): the HTTP API's one converts.
    expect(changeApiType(httpPets(), 'REST').authorizers[ids.auth('jwt')]?.kind).toBe('JWT');
  });

  it('refuses converting operations to or from WebSocket', () => {
    expect(refusalOf(webSocketChat(), (d) => changeApiType(d, 'HTTP')).message).toContain(
      'WebSocket routes and REST or HTTP operations do not convert',
    );
    expect(refusalOf(convertibleRest(), (d) => changeApiType(d, 'WEBSOCKET')).code).toBe('not-allowed');
  });

  it('removes authorizers WebSocket APIs cannot have', () => {
    const cognito = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS' }));
    expect(changeApiType(cognito, 'WEBSOCKET').authorizers).toEqual({});
    const request = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('req') }));
    expect(changeApiType(request, 'WEBSOCKET').authorizers[ids.auth('req')]?.identitySource).toBe('route.request.header.Authorization');
  });

  it('removes REST-only elements, never silently', () => {
    const design = build(
      convertibleRest(),
      (d) => addApiKey(d, { name: 'k' }),
      (d) => addRequestValidator(d, { name: 'all', validateRequestBody: true, validateRequestParameters: true }),
      (d) => setGatewayResponse(d, 'DEFAULT_4XX', { responseParameters: {}, responseTemplates: {} }),
    );
    const removed = planApiTypeChange(design, 'HTTP').removed.map((item) => item.subject);
    expect(removed).toEqual(expect.arrayContaining(['API key "k"', 'Request validator "all"', 'Gateway response DEFAULT_4XX']));
    const http = changeApiType(design, 'HTTP');
    expect([http.apiKeys, http.requestValidators, http.gatewayResponses]).toEqual([{}, {}, {}]);
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

  it('renames a $default stage when leaving HTTP', () => {
    const design = build(
      emptyDesign('HTTP'),
      (d) => addStage(d, { name: '$default', id: ids.stg('default') }),
      (d) => addStage(d, { name: 'default' }),
    );
    expect(changeApiType(design, 'REST').stages[ids.stg('default')]?.name).toBe('default2');
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

describe('updateApi: IP address type, security policy and endpoint access mode', () => {
  const regional = () => build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL' }));

  it('sets dual-stack on REST, HTTP and WebSocket APIs, and back to IPv4', () => {
    for (const design of [regional(), emptyDesign('HTTP'), emptyDesign('WEBSOCKET')]) {
      const dual = updateApi(design, { ipAddressType: 'dualstack' });
      expect(dual.api.ipAddressType).toBe('dualstack');
      expect(updateApi(dual, { ipAddressType: 'ipv4' }).api.ipAddressType).toBe('ipv4');
    }
    expect(refusalOf(regional(), (d) => updateApi(d, { ipAddressType: 'ipv6' as 'ipv4' })).code).toBe('invalid-value');
  });

  it('makes an API dual-stack when its endpoint becomes private, and refuses IPv4 for a private API, as API Gateway does', () => {
    const priv = updateApi(regional(), { endpointType: 'PRIVATE' });
    expect(priv.api.ipAddressType).toBe('dualstack');
    expect(refusalOf(priv, (d) => updateApi(d, { ipAddressType: 'ipv4' })).message).toBe(
      'A private API can only be dual-stack: API Gateway gives private APIs the dualstack IP address type.',
    );
    expect(refusalOf(regional(), (d) => updateApi(d, { endpointType: 'PRIVATE', ipAddressType: 'ipv4' })).code).toBe('not-allowed');
    // Leaving private keeps dual-stack (AWS requires it for that migration); IPv4 is a choice afterwards.
    const back = updateApi(priv, { endpointType: 'REGIONAL' });
    expect(back.api.ipAddressType).toBe('dualstack');
    expect(updateApi(back, { ipAddressType: 'ipv4' }).api.ipAddressType).toBe('ipv4');
  });

  it('takes only the security policies of the endpoint type: edge and Regional names differ', () => {
    const design = updateApi(regional(), { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' });
    expect(design.api).toMatchObject({ securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'STRICT' });
    expect(refusalOf(regional(), (d) => updateApi(d, { securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE' })).message).toMatch(
      /^SecurityPolicy_TLS13_2025_EDGE is not a policy for a Regional API, which takes TLS_1_0, TLS_1_2 or SecurityPolicy_TLS13_1_3_2025_09/,
    );
    const edge = build(emptyDesign('REST'), (d) =>
      updateApi(d, { endpointType: 'EDGE', securityPolicy: 'SecurityPolicy_TLS13_2025_EDGE' }),
    );
    expect(edge.api.securityPolicy).toBe('SecurityPolicy_TLS13_2025_EDGE');
    expect(refusalOf(regional(), (d) => updateApi(d, { securityPolicy: 'TLS_1_3' })).code).toBe('invalid-value');
    // Changing the endpoint type under a policy that does not fit the new one is refused, with the way out.
    expect(refusalOf(design, (d) => updateApi(d, { endpointType: 'EDGE' })).message).toContain('choose TLS_1_2 (or no policy) first');
    expect(updateApi(design, { endpointType: 'PRIVATE' }).api.securityPolicy).toBe('SecurityPolicy_TLS13_1_3_2025_09');
  });

  it('keeps the TLS policy to REST APIs: HTTP and WebSocket APIs take theirs from a custom domain name', () => {
    expect(refusalOf(emptyDesign('HTTP'), (d) => updateApi(d, { securityPolicy: 'TLS_1_2' })).code).toBe('wrong-api-type');
    expect(updateApi(emptyDesign('HTTP'), { securityPolicy: undefined }).api.securityPolicy).toBeUndefined();
  });

  it('takes an endpoint access mode only with an enhanced policy, and drops it when the policy becomes a legacy one', () => {
    expect(refusalOf(regional(), (d) => updateApi(d, { securityPolicy: 'TLS_1_2', endpointAccessMode: 'STRICT' })).message).toContain(
      'TLS_1_0 and TLS_1_2 take none',
    );
    const enhanced = updateApi(regional(), { securityPolicy: 'SecurityPolicy_TLS13_1_2_2021_06', endpointAccessMode: 'BASIC' });
    expect(refusalOf(enhanced, (d) => updateApi(d, { endpointAccessMode: 'LOOSE' })).code).toBe('invalid-value');
    // Another enhanced policy keeps the mode; a legacy one drops it.
    expect(updateApi(enhanced, { securityPolicy: 'SecurityPolicy_TLS13_1_3_FIPS_2025_09' }).api.endpointAccessMode).toBe('BASIC');
    const legacy = updateApi(enhanced, { securityPolicy: 'TLS_1_2' });
    expect(legacy.api.securityPolicy).toBe('TLS_1_2');
    expect(Object.hasOwn(legacy.api, 'endpointAccessMode')).toBe(false);
    // An enhanced policy without a mode is a state the rules report (endpoint-access-mode-required), not refused:
    // the form sets the policy, then the mode.
    expect(updateApi(regional(), { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }).api.endpointAccessMode).toBeUndefined();
  });
});
