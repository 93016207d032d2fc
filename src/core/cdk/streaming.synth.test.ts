// biome-ignore-all lint/suspicious/noTemplateCurlyInString: stage variable placeholders are the data under test.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addIntegration,
  connectIntegration,
  type Design,
  type IntegrationId,
  type MethodId,
  setIntegrationTarget,
  setResponseTransferMode,
  updateBinding,
  updateIntegration,
} from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi';
import { type CdkResult, generateCdk } from '.';
import { checkPrograms, problemsOf, type SynthOutcome } from './testing/synth-harness';
import { type Properties, resourcesOf, restMethods } from './testing/template';

/**
 * Response streaming and private integrations to a load balancer through a VPC link V2, synthesized:
 * `Integration.ResponseTransferMode: STREAM` with the Lambda `response-streaming-invocations` URI, and
 * `Integration.IntegrationTarget` with `ConnectionType: VPC_LINK` on the AWS::ApiGateway::Method. One
 * batch for the file.
 */

const cases = new Map<string, { design: Design; result: CdkResult }>();
let outcomes: Map<string, SynthOutcome>;

const alb = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/app/orders/50dc6c495c0c9188';
const nlb = 'arn:aws:elasticloadbalancing:us-east-2:111122223333:loadbalancer/net/stock/73e2d6bc24d8a067';

function add(name: string, design: Design, options?: Parameters<typeof generateCdk>[1]): void {
  cases.set(name, { design, result: generateCdk(design, options) });
}

function methods(name: string): Map<string, Properties> {
  const outcome = outcomes.get(name);
  expect(problemsOf(outcome), name).toEqual([]);
  return restMethods(outcome?.bare);
}

function integration(name: string, method: string): Properties {
  const found = methods(name).get(method);
  expect(found, `${name}: ${method}`).toBeDefined();
  return (found?.Integration ?? {}) as Properties;
}

/** A private integration through a VPC link V2 to a load balancer. */
function privateTarget(id: IntegrationId, loadBalancer: string, url: string) {
  return [
    (d: Design) => addIntegration(d, { kind: 'VPC_LINK', id }),
    (d: Design) => updateIntegration(d, id, { connectionId: 'a1b2c3', url, httpMethod: 'ANY' }),
    (d: Design) => setIntegrationTarget(d, id, loadBalancer),
  ];
}

function connect(methodId: MethodId, integrationId: IntegrationId) {
  return (d: Design) => connectIntegration(d, methodId, integrationId);
}

/** GET /pets streams from the pet store's function for up to 15 minutes; the two other methods call it buffered. */
const streamingLambda = () =>
  build(
    restPetStore(),
    (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
    (d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 900_000 }),
  );

/** Every method behind a load balancer: GET /pets and POST /pets share one ALB integration (GET /pets streams), GET /pets/{petId} an NLB. */
const privateIntegrations = () =>
  build(
    restPetStore(),
    ...privateTarget(ids.int('alb'), alb, 'https://orders.internal.example.com/pets'),
    ...privateTarget(ids.int('nlb'), nlb, 'http://stock.internal.example.com/{petId}'),
    connect(ids.mth('list'), ids.int('alb')),
    connect(ids.mth('create'), ids.int('alb')),
    connect(ids.mth('get'), ids.int('nlb')),
    (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
  );

beforeAll(() => {
  add('rest-streaming-lambda', streamingLambda());
  add(
    'rest-streaming-function-by-stage-variable',
    build(
      restPetStore(),
      (d) => updateIntegration(d, ids.int('fn'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}' }),
      (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
    ),
  );
  add(
    'rest-streaming-http-proxy',
    build(
      restPetStore(),
      (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web') }),
      (d) => updateIntegration(d, ids.int('web'), { url: 'https://example.com/pets', httpMethod: 'GET' }),
      connect(ids.mth('list'), ids.int('web')),
      (d) => setResponseTransferMode(d, ids.mth('list'), 'STREAM'),
    ),
  );
  // STREAM on a custom integration (an imported document, a proxy turned custom): API Gateway and the CDK refuse it.
  add(
    'rest-streaming-custom-integration',
    build(restPetStore(), (d) => updateBinding(d, ids.mth('list'), { proxy: false, responseTransferMode: 'STREAM' })),
  );
  // A design saved before streaming was per method: the flag sits on the Lambda target.
  add(
    'rest-streaming-older-design',
    build(restPetStore(), (d) => updateIntegration(d, ids.int('fn'), { streaming: true })),
  );
  add('rest-private-load-balancers', privateIntegrations());
  // A V2 link whose load balancer is not chosen yet: the program leaves IntegrationTarget out (and says so).
  add(
    'rest-private-without-load-balancer',
    build(
      restPetStore(),
      ...privateTarget(ids.int('alb'), '', 'http://orders.internal.example.com'),
      connect(ids.mth('get'), ids.int('alb')),
    ),
  );
  // Above the resource limit the program is a SpecRestApi whose body is the OpenAPI export.
  const spec = privateIntegrations();
  const document = exportOpenApi(spec, { version: '3.0' });
  if (document.ok) add('spec-rest-private-streaming', spec, { strategy: 'spec-rest-api', openApiDocument: document.document });
  outcomes = checkPrograms(
    'streaming',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

describe('response streaming', () => {
  it('a streaming Lambda proxy method has ResponseTransferMode STREAM and the response-streaming-invocations URI', () => {
    const streamed = integration('rest-streaming-lambda', 'GET /pets');
    expect(streamed).toMatchObject({ Type: 'AWS_PROXY', ResponseTransferMode: 'STREAM', TimeoutInMillis: 900000 });
    const uri = JSON.stringify(streamed.Uri);
    expect(uri).toContain(':lambda:path/2021-11-15/functions/');
    expect(uri).toContain('/response-streaming-invocations');
  });

  it('the same function called by the other methods stays buffered, through the ordinary URI', () => {
    for (const method of ['POST /pets', 'GET /pets/{petId}']) {
      const buffered = integration('rest-streaming-lambda', method);
      expect(buffered.ResponseTransferMode, method).toBeUndefined();
      expect(JSON.stringify(buffered.Uri), method).toContain(':lambda:path/2015-03-31/functions/');
      expect(JSON.stringify(buffered.Uri), method).not.toContain('response-streaming');
    }
  });

  it('a function chosen by a stage variable streams through its streaming URI', () => {
    expect(integration('rest-streaming-function-by-stage-variable', 'GET /pets')).toMatchObject({
      ResponseTransferMode: 'STREAM',
      Uri: 'arn:aws:apigateway:us-east-1:lambda:path/2021-11-15/functions/arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}/response-streaming-invocations',
    });
  });

  it('an HTTP proxy integration streams', () => {
    expect(integration('rest-streaming-http-proxy', 'GET /pets')).toMatchObject({
      Type: 'HTTP_PROXY',
      ResponseTransferMode: 'STREAM',
      Uri: 'https://example.com/pets',
    });
  });

  it('a custom integration marked STREAM synthesizes without it, and a note says why', () => {
    const custom = integration('rest-streaming-custom-integration', 'GET /pets');
    expect(custom.Type).toBe('AWS');
    expect(custom.ResponseTransferMode).toBeUndefined();
    expect(JSON.stringify(custom.Uri)).toContain('/2015-03-31/functions/');
    expect(cases.get('rest-streaming-custom-integration')?.result.notes).toContainEqual(
      expect.stringContaining('only proxy integrations (AWS_PROXY, HTTP_PROXY) stream, and this one is AWS'),
    );
  });

  it("an older design's streaming Lambda target streams every method that calls it", () => {
    for (const method of ['GET /pets', 'POST /pets', 'GET /pets/{petId}']) {
      const streamed = integration('rest-streaming-older-design', method);
      expect(streamed.ResponseTransferMode, method).toBe('STREAM');
      expect(JSON.stringify(streamed.Uri), method).toContain('/response-streaming-invocations');
    }
  });
});

describe('private integrations through a VPC link V2', () => {
  it('each method names its load balancer in IntegrationTarget, with ConnectionType VPC_LINK and the link id', () => {
    expect(integration('rest-private-load-balancers', 'GET /pets')).toMatchObject({
      Type: 'HTTP_PROXY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: 'a1b2c3',
      IntegrationTarget: alb,
      Uri: 'https://orders.internal.example.com/pets',
      IntegrationHttpMethod: 'ANY',
      ResponseTransferMode: 'STREAM',
    });
    expect(integration('rest-private-load-balancers', 'POST /pets')).toMatchObject({ ConnectionType: 'VPC_LINK', IntegrationTarget: alb });
    expect(integration('rest-private-load-balancers', 'POST /pets').ResponseTransferMode).toBeUndefined();
    expect(integration('rest-private-load-balancers', 'GET /pets/{petId}')).toMatchObject({
      ConnectionType: 'VPC_LINK',
      ConnectionId: 'a1b2c3',
      IntegrationTarget: nlb,
    });
  });

  it('the load balancer ARN is a value at the top of the stack, to replace, named after the load balancer', () => {
    const code = cases.get('rest-private-load-balancers')?.result.code ?? '';
    expect(code).toContain(`const ordersLoadBalancerArn = '${alb}';`);
    expect(code).toContain(`const stockLoadBalancerArn = '${nlb}';`);
    expect(code).toMatch(
      /\(getPetsMethod\.node\.defaultChild as apigateway\.CfnMethod\)\.addPropertyOverride\(\s*'Integration\.IntegrationTarget',\s*ordersLoadBalancerArn,?\s*\)/,
    );
  });

  it('a V2 link without its load balancer is written without IntegrationTarget, and a note says API Gateway refuses it', () => {
    expect(integration('rest-private-without-load-balancer', 'GET /pets/{petId}')).toMatchObject({ ConnectionType: 'VPC_LINK' });
    expect(integration('rest-private-without-load-balancer', 'GET /pets/{petId}').IntegrationTarget).toBeUndefined();
    expect(cases.get('rest-private-without-load-balancer')?.result.notes).toContainEqual(
      expect.stringContaining('is refused by API Gateway'),
    );
  });

  it("a SpecRestApi's document carries integrationTarget and responseTransferMode", () => {
    const outcome = outcomes.get('spec-rest-private-streaming');
    expect(problemsOf(outcome)).toEqual([]);
    const [api] = resourcesOf(outcome?.bare, 'AWS::ApiGateway::RestApi');
    const body = JSON.stringify(api?.properties.Body);
    expect(body).toContain(`"integrationTarget":"${alb}"`);
    expect(body).toContain('"responseTransferMode":"STREAM"');
  });
});
