import { beforeAll, describe, expect, it } from 'vitest';
import { type Design, emptyDesign, updateApi } from '../model';
import { build, httpPets, restPetStore, webSocketChat } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi';
import { type CdkResult, generateCdk } from '.';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourcesOf } from './testing/template';

/**
 * Dual-stack endpoints, TLS security policies and endpoint access modes, synthesized: the REST API's IP
 * address type in `EndpointConfiguration.IpAddressType`, an HTTP or WebSocket API's in
 * `AWS::ApiGatewayV2::Api.IpAddressType`, and a REST API's `SecurityPolicy` and `EndpointAccessMode`,
 * which the RestApi construct lacks and the program sets on its CfnRestApi. One batch for the file.
 */

const cases = new Map<string, { design: Design; result: CdkResult }>();
let outcomes: Map<string, SynthOutcome>;

function add(name: string, design: Design, options?: Parameters<typeof generateCdk>[1]): void {
  cases.set(name, { design, result: generateCdk(design, options) });
}

function restApi(name: string): Properties {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  const apis = resourcesOf(outcome?.bare, 'AWS::ApiGateway::RestApi');
  expect(apis, name).toHaveLength(1);
  return (apis[0] as { properties: Properties }).properties;
}

function v2Api(name: string): Properties {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  const apis = resourcesOf(outcome?.bare, 'AWS::ApiGatewayV2::Api');
  expect(apis, name).toHaveLength(1);
  return (apis[0] as { properties: Properties }).properties;
}

const regionalDualStack = () =>
  build(restPetStore(), (d) =>
    updateApi(d, {
      endpointType: 'REGIONAL',
      ipAddressType: 'dualstack',
      securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      endpointAccessMode: 'STRICT',
    }),
  );

beforeAll(() => {
  add('rest-regional-dualstack-tls13', regionalDualStack());
  add(
    'rest-edge-tls-edge-basic',
    build(restPetStore(), (d) => updateApi(d, { securityPolicy: 'SecurityPolicy_TLS12_PFS_2025_EDGE', endpointAccessMode: 'BASIC' })),
  );
  add(
    'rest-private',
    build(restPetStore(), (d) =>
      updateApi(d, {
        endpointType: 'PRIVATE',
        vpcEndpointIds: ['vpce-0123456789abcdef0'],
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }] },
      }),
    ),
  );
  // An enhanced policy without its access mode: the program sets STRICT (as the OpenAPI export writes it).
  add(
    'rest-enhanced-without-mode',
    build(restPetStore(), (d) => updateApi(d, { endpointType: 'REGIONAL', securityPolicy: 'SecurityPolicy_TLS13_1_2_PQ_2025_09' })),
  );
  add(
    'rest-legacy-tls12',
    build(restPetStore(), (d) => updateApi(d, { endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' })),
  );
  // A REST API without methods (a SpecRestApi nothing else refers to) and one above the resource limit (SpecRestApi).
  add(
    'rest-without-methods',
    build(emptyDesign('REST'), (d) => updateApi(d, { endpointType: 'REGIONAL', ipAddressType: 'dualstack', securityPolicy: 'TLS_1_2' })),
  );
  const spec = regionalDualStack();
  const document = exportOpenApi(spec, { version: '3.0' });
  if (document.ok) add('spec-rest-dualstack-tls13', spec, { strategy: 'spec-rest-api', openApiDocument: document.document });
  add(
    'http-dualstack',
    build(httpPets(), (d) => updateApi(d, { ipAddressType: 'dualstack' })),
  );
  add('http-default', httpPets());
  add(
    'websocket-dualstack',
    build(webSocketChat(), (d) => updateApi(d, { ipAddressType: 'dualstack' })),
  );
  add('rest-default', restPetStore());
  outcomes = checkPrograms(
    'endpoint-settings',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

describe('IP address type', () => {
  it('a dual-stack REST API has IpAddressType dualstack in its EndpointConfiguration', () => {
    expect(restApi('rest-regional-dualstack-tls13').EndpointConfiguration).toEqual({ Types: ['REGIONAL'], IpAddressType: 'dualstack' });
    expect(restApi('spec-rest-dualstack-tls13').EndpointConfiguration).toEqual({ Types: ['REGIONAL'], IpAddressType: 'dualstack' });
    expect(restApi('rest-without-methods').EndpointConfiguration).toEqual({ Types: ['REGIONAL'], IpAddressType: 'dualstack' });
  });

  it('a private REST API is dualstack, beside its VPC endpoints', () => {
    expect(restApi('rest-private').EndpointConfiguration).toMatchObject({
      Types: ['PRIVATE'],
      IpAddressType: 'dualstack',
      VpcEndpointIds: expect.any(Array),
    });
  });

  it("an API without an IP address type gets API Gateway's default (none written)", () => {
    expect(restApi('rest-default').EndpointConfiguration).toEqual({ Types: ['EDGE'] });
    expect(v2Api('http-default').IpAddressType).toBeUndefined();
  });

  it('a dual-stack HTTP or WebSocket API has IpAddressType dualstack on AWS::ApiGatewayV2::Api', () => {
    expect(v2Api('http-dualstack')).toMatchObject({ ProtocolType: 'HTTP', IpAddressType: 'dualstack' });
    expect(v2Api('websocket-dualstack')).toMatchObject({ ProtocolType: 'WEBSOCKET', IpAddressType: 'dualstack' });
  });
});

describe('TLS security policy and endpoint access mode', () => {
  it('a REST API has its SecurityPolicy and EndpointAccessMode (set on the CfnRestApi)', () => {
    expect(restApi('rest-regional-dualstack-tls13')).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      EndpointAccessMode: 'STRICT',
    });
    expect(restApi('rest-edge-tls-edge-basic')).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS12_PFS_2025_EDGE',
      EndpointAccessMode: 'BASIC',
    });
    expect(restApi('spec-rest-dualstack-tls13')).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
      EndpointAccessMode: 'STRICT',
    });
    expect(restApi('rest-without-methods').SecurityPolicy).toBe('TLS_1_2');
  });

  it('an enhanced policy without an access mode gets STRICT, with a note; a legacy policy gets none', () => {
    expect(restApi('rest-enhanced-without-mode')).toMatchObject({
      SecurityPolicy: 'SecurityPolicy_TLS13_1_2_PQ_2025_09',
      EndpointAccessMode: 'STRICT',
    });
    expect(cases.get('rest-enhanced-without-mode')?.result.notes.join('\n')).toContain('needs an endpoint access mode');
    const legacy = restApi('rest-legacy-tls12');
    expect(legacy.SecurityPolicy).toBe('TLS_1_2');
    expect(legacy.EndpointAccessMode).toBeUndefined();
  });

  it('an API without a policy has neither', () => {
    const api = restApi('rest-default');
    expect(api.SecurityPolicy).toBeUndefined();
    expect(api.EndpointAccessMode).toBeUndefined();
  });
});
