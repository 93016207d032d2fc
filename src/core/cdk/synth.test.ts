import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import {
  addAuthorizer,
  addIntegration,
  addRoute,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  updateBinding,
  updateIntegration,
} from '../model';
import { build, ids } from '../model/testing/design-builder';
import { exportOpenApi } from '../openapi';
import { type CdkResult, generateCdk } from '.';
import { conformanceProblems } from './testing/conformance';
import { fixtureDesigns } from './testing/fixtures';
import { checkPrograms, problemsOf, type SynthOutcome, timings } from './testing/synth-harness';
import { countByType, type Properties, resourceCount, resourcesOf, restMethods, routeIntegration, routes } from './testing/template';

/**
 * The generated programs against the real thing: every program is type-checked (strict, against the
 * installed aws-cdk-lib) and synthesized into a bare App and into an App with `cdk init`'s feature flags
 * (under which CloudFormation validation findings are errors); the tests assert on the templates.
 * All programs of this file are checked in one batch (one TypeScript program, one Node process).
 */

interface Case {
  design: Design;
  result: CdkResult;
}

const cases = new Map<string, Case>();
let outcomes: Map<string, SynthOutcome>;
/** Why the OpenAPI export of the big design failed, if it did (the SpecRestApi test reports it). */
let exportFailure: string | undefined;

function add(name: string, design: Design, options?: Parameters<typeof generateCdk>[1]): void {
  cases.set(name, { design, result: generateCdk(design, options) });
}

function outcome(name: string): SynthOutcome {
  const found = outcomes.get(name);
  if (!found) throw new Error(`No outcome for ${name}`);
  return found;
}

function bare(name: string) {
  return outcome(name).bare;
}

function only(items: { properties: Properties }[]): Properties {
  expect(items).toHaveLength(1);
  return (items[0] as { properties: Properties }).properties;
}

/** A protected route (GET /private or $connect) without integration next to a wired one. */
function authorizerOnRouteWithoutIntegration(type: 'HTTP' | 'WEBSOCKET'): Design {
  const [open, guarded] = type === 'HTTP' ? ['GET /public', 'GET /private'] : ['sendMessage', '$connect'];
  return build(
    emptyDesign(type),
    (d) => addRoute(d, { routeKey: open, id: ids.rte('open') }),
    (d) => addRoute(d, { routeKey: guarded, id: ids.rte('guarded') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn') }),
    (d) => connectIntegration(d, ids.rte('open'), ids.int('fn')),
    // The longest timeout each API type allows, more than the CDK's own bound of 29 s on HTTP APIs.
    (d) => updateBinding(d, ids.rte('open'), { timeoutInMillis: type === 'HTTP' ? 30_000 : 29_000 }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('fn') }),
    (d) => connectAuthorizer(d, ids.rte('guarded'), ids.auth('fn')),
  );
}

beforeAll(() => {
  for (const example of examples) add(`example-${example.id}`, example.build());
  for (const [name, make] of Object.entries(fixtureDesigns)) add(name, make());
  const big = syntheticDesign({ operations: 1000, seed: 42 });
  const exported = exportOpenApi(big, { version: '3.0' });
  if (exported.ok) add('synthetic-1000', big, { openApiDocument: exported.document });
  else exportFailure = exported.message;
  // A SpecRestApi with everything around the API: stages, canary, WAF, usage plans with method throttles.
  const plans = fixtureDesigns['rest-stages-and-plans']?.();
  const plansDocument = plans ? exportOpenApi(plans, { version: '3.0' }) : undefined;
  if (plans && plansDocument?.ok)
    add('spec-stages-and-plans', plans, { strategy: 'spec-rest-api', openApiDocument: plansDocument.document });
  else exportFailure = plansDocument && !plansDocument.ok ? plansDocument.message : 'no design';
  // Designs with parts the generator leaves out: nothing it declares for them may stay unused.
  add('empty-rest', emptyDesign('REST'));
  add('empty-http', emptyDesign('HTTP'));
  add('empty-websocket', emptyDesign('WEBSOCKET'));
  add('http-authorizer-on-route-without-integration', authorizerOnRouteWithoutIntegration('HTTP'));
  add('websocket-authorizer-on-connect-without-integration', authorizerOnRouteWithoutIntegration('WEBSOCKET'));
  add(
    'websocket-function-from-stage-variable',
    build(authorizerOnRouteWithoutIntegration('WEBSOCKET'), (d) =>
      // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax.
      updateIntegration(d, ids.int('fn'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}' }),
    ),
  );
  // A SpecRestApi whose document has methods without an integration.
  const kept = fixtureDesigns['rest-operations-kept']?.();
  const keptDocument = kept ? exportOpenApi(kept, { version: '3.0' }) : undefined;
  if (kept && keptDocument?.ok) add('spec-operations-kept', kept, { strategy: 'spec-rest-api', openApiDocument: keptDocument.document });
  else exportFailure = keptDocument && !keptDocument.ok ? keptDocument.message : 'no design';
  add('synthetic-120', syntheticDesign({ operations: 120, seed: 7 }));
  add('synthetic-http-150', syntheticDesign({ operations: 150, seed: 3, apiType: 'HTTP' }));
  outcomes = checkPrograms(
    'synth',
    [...cases].map(([name, { result }]) => ({ name, code: result.code })),
  );
}, 600_000);

afterAll(() => {
  console.info('CDK synthesis batch (synth.test.ts):', JSON.stringify(timings.get('synth')));
});

describe('every generated program', () => {
  it('type-checks strictly and synthesizes, bare and with the recommended feature flags, without CDK warnings or validation findings', () => {
    for (const name of cases.keys()) expect(problemsOf(outcome(name)), name).toEqual([]);
  });

  it('has the resources the generator estimated (the basis of the strategy choice)', () => {
    for (const [name, { result }] of cases) expect(resourceCount(bare(name)), name).toBe(result.estimatedResources);
  });

  it('does not depend on the feature flags: the same resources with and without them', () => {
    for (const name of cases.keys()) expect(countByType(outcome(name).flags), name).toEqual(countByType(bare(name)));
  });

  it('has one method or route per designed method or route, with the designed authorization and integration type', () => {
    for (const [name, { design, result }] of cases) {
      if (result.strategy === 'spec-rest-api') continue;
      expect(conformanceProblems(design, bare(name)), name).toEqual([]);
    }
  });

  it('writes cloudWatchRole explicitly, so no account-wide CloudWatch role appears in any stack', () => {
    for (const [name, { result }] of cases) {
      if (cases.get(name)?.design.api.type === 'REST') expect(result.code, name).toContain('cloudWatchRole: false');
      expect(resourcesOf(bare(name), 'AWS::ApiGateway::Account'), name).toEqual([]);
    }
  });
});

describe('REST integrations', () => {
  const methods = () => restMethods(bare('rest-every-integration'));
  const integration = (key: string) => (methods().get(key)?.Integration ?? {}) as Properties;

  it('Lambda proxy calls the function through its invocation URI, and API Gateway may invoke it', () => {
    expect(integration('GET /orders')).toMatchObject({ Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST' });
    expect(JSON.stringify(integration('GET /orders').Uri)).toContain('arn:aws:lambda:us-east-1:123456789012:function:orders/invocations');
    const permissions = resourcesOf(bare('rest-every-integration'), 'AWS::Lambda::Permission').filter(
      (permission) => permission.properties.FunctionName === 'arn:aws:lambda:us-east-1:123456789012:function:orders',
    );
    // Per method: the stage and the console's test invocation.
    expect(permissions).toHaveLength(4);
  });

  it('Lambda custom keeps templates, passthrough, content handling, timeout and integration responses', () => {
    expect(integration('POST /reports')).toMatchObject({
      Type: 'AWS',
      PassthroughBehavior: 'WHEN_NO_TEMPLATES',
      ContentHandling: 'CONVERT_TO_TEXT',
      TimeoutInMillis: 10000,
      RequestTemplates: { 'application/json': '{"report": $input.json(\'$\'), "user": "$context.authorizer.principalId"}' },
      IntegrationResponses: [
        { StatusCode: '200', ResponseParameters: { 'method.response.header.X-Report-Id': 'integration.response.body.id' } },
        { StatusCode: '400', SelectionPattern: '.*Invalid.*', ContentHandling: 'CONVERT_TO_TEXT' },
      ],
    });
    // The header an integration response maps is declared on the method response, or API Gateway refuses it.
    expect(methods().get('POST /reports')?.MethodResponses).toContainEqual({
      StatusCode: '200',
      ResponseParameters: { 'method.response.header.X-Report-Id': false },
    });
  });

  it('Lambda response streaming uses the streaming invocation', () => {
    expect(integration('GET /stream').ResponseTransferMode).toBe('STREAM');
    expect(JSON.stringify(integration('GET /stream').Uri)).toContain('response-streaming-invocations');
  });

  it('HTTP proxy and custom integrations keep their verb, mappings and cache keys', () => {
    expect(integration('ANY /legacy')).toMatchObject({
      Type: 'HTTP_PROXY',
      IntegrationHttpMethod: 'ANY',
      Uri: 'https://legacy.example.com/{proxy}',
    });
    expect(integration('ANY /legacy/{proxy+}')).toMatchObject({
      RequestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      CacheKeyParameters: ['method.request.path.proxy'],
      CacheNamespace: 'legacy',
    });
    expect(methods().get('ANY /legacy/{proxy+}')?.RequestParameters).toEqual({ 'method.request.path.proxy': true });
    expect(integration('POST /quotes')).toMatchObject({ Type: 'HTTP', IntegrationHttpMethod: 'POST' });
  });

  it('AWS service integrations in path and action style carry their role or the caller identity', () => {
    const queue = integration('POST /queue');
    expect(queue).toMatchObject({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Credentials: 'arn:aws:iam::123456789012:role/api-to-sqs',
      PassthroughBehavior: 'NEVER',
    });
    expect(JSON.stringify(queue.Uri)).toContain(':sqs:path/123456789012/orders');
    expect(JSON.stringify(integration('POST /table').Uri)).toContain(':dynamodb:action/Query');
    expect(integration('GET /objects').Credentials).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:user/*']] });
  });

  it('a mock answers without a backend, and a method without integration gets one', () => {
    expect(integration('GET /hello').Type).toBe('MOCK');
    expect(integration('DELETE /nothing').Type).toBe('MOCK');
  });

  it('private integrations go through the VPC link, also one named by a stage variable', () => {
    expect(integration('GET /inventory')).toMatchObject({ Type: 'HTTP_PROXY', ConnectionType: 'VPC_LINK', ConnectionId: 'abc123' });
    expect(integration('GET /items')).toMatchObject({ ConnectionType: 'VPC_LINK', ConnectionId: `\${stageVariables.vpcLinkId}` });
  });

  it('a function chosen by a stage variable keeps its URI and gets no permission the CDK cannot grant', () => {
    expect(integration('GET /perstage').Uri).toBe(
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:\${stageVariables.fn}/invocations`,
    );
    const names = resourcesOf(bare('rest-every-integration'), 'AWS::Lambda::Permission').map((permission) =>
      JSON.stringify(permission.properties.FunctionName),
    );
    expect(names.some((name) => name.includes('stageVariables'))).toBe(false);
    expect(cases.get('rest-every-integration')?.result.notes.some((note) => note.includes('chosen at run time by a stage variable'))).toBe(
      true,
    );
  });

  it('CloudFormation intrinsics kept in the design synthesize: Fn::Sub, Fn::Join with Ref, Fn::GetAtt, and others as written', () => {
    const sam = integration('GET /sam');
    expect(sam.Type).toBe('AWS_PROXY');
    expect(JSON.stringify(sam.Uri)).toContain('arn:aws:lambda:us-east-1:123456789012:function:MyFunction');
    // The Ref to a name outside the stack became a constant at the top, so the join resolves to text.
    expect(integration('GET /joined').Uri).toBe('https://BackendDomain/v1');
    expect(integration('POST /events').Credentials).toBe('arn:aws:iam::123456789012:role/ApiRole');
    // Fn::Select is written as cdk.Fn.select, which the CDK resolves itself when the list is known.
    expect(integration('GET /selected').Uri).toBe('https://a.example.com');
    expect(cases.get('rest-every-integration')?.result.code).toContain(
      "uri: cdk.Fn.select(0, ['https://a.example.com', 'https://b.example.com'])",
    );
    const code = cases.get('rest-every-integration')?.result.code ?? '';
    expect(code).toContain('const myFunctionArn =');
    expect(code).toContain('const apiRoleArn =');
    expect(code).toContain("const backendDomainValue = 'BackendDomain';");
  });
});

describe('operations without an integration the program can write keep their method or route', () => {
  const restMethod = (key: string) => restMethods(bare('rest-operations-kept')).get(key) ?? {};

  it('a REST method gets a placeholder mock answering 501 Not Implemented, keeping its authorizer and API key', () => {
    expect(restMethod('GET /todo')).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['todo/read'],
      MethodResponses: [{ StatusCode: '501' }],
      Integration: {
        Type: 'MOCK',
        RequestTemplates: { 'application/json': '{"statusCode": 501}' },
        IntegrationResponses: [
          { StatusCode: '501', ResponseTemplates: { 'application/json': expect.stringContaining('not designed yet') } },
        ],
      },
    });
    expect(restMethod('POST /todo')).toMatchObject({ ApiKeyRequired: true, Integration: { Type: 'MOCK' } });
    const { code, notes } = (cases.get('rest-operations-kept') as Case).result;
    expect(code).toContain('// TODO: design the integration of GET /todo; until then a placeholder answers 501 Not Implemented.');
    expect(notes.join('\n')).toMatch(/4 methods \("GET \/todo", "POST \/todo", .*\) have no integration the program can write/);
  });

  it('a resource whose path part the CDK refuses (a comma, __proto__, a template placeholder) is written as its L1 resource, with its methods and children', () => {
    const parts = resourcesOf(bare('rest-operations-kept'), 'AWS::ApiGateway::Resource').map((resource) => resource.properties.PathPart);
    expect(parts).toEqual(expect.arrayContaining(['a,b', '__proto__', 'below', 'path_key', 'vversion', 'items']));
    for (const key of ['GET /a,b', 'GET /a,b/__proto__', 'DELETE /a,b/__proto__/below', 'ANY /path_key', 'GET /path_key/vversion/items'])
      expect(restMethods(bare('rest-operations-kept')).has(key), key).toBe(true);
    // The API's CORS defaults reach resources under an L1 one too: a preflight on every resource.
    const resources = resourcesOf(bare('rest-operations-kept'), 'AWS::ApiGateway::Resource').length;
    const preflights = [...restMethods(bare('rest-operations-kept')).keys()].filter((key) => key.startsWith('OPTIONS ')).length;
    expect(preflights).toBe(resources + 1);
    const { code, notes } = (cases.get('rest-operations-kept') as Case).result;
    expect(code).toContain("const pathKeyValue = 'path_key';");
    expect(notes.join('\n')).toMatch(/The path part "\$\{path_key\}" holds the template placeholder/);
  });

  it('a SpecRestApi document gives the methods without integration the same placeholder', () => {
    expect(exportFailure).toBeUndefined();
    const api = only(resourcesOf(bare('spec-operations-kept'), 'AWS::ApiGateway::RestApi'));
    const paths = (api.Body as { paths: Record<string, Record<string, Record<string, unknown>>> }).paths;
    expect(paths['/todo']?.get?.['x-amazon-apigateway-integration']).toMatchObject({
      type: 'mock',
      responses: { default: { statusCode: '501' } },
    });
    expect(paths['/todo']?.get?.responses).toHaveProperty('501');
    expect(paths['/wired']?.get?.['x-amazon-apigateway-integration']).toMatchObject({
      type: 'mock',
      responses: { default: { statusCode: '200' } },
    });
  });

  it('an HTTP route gets an HTTP proxy to a placeholder URL (HTTP APIs have no mock), keeping its authorizer', () => {
    const template = bare('http-every-kind');
    for (const key of ['GET /unwired', 'POST /plain']) {
      const route = routes(template).get(key) ?? {};
      expect(routeIntegration(template, route), key).toMatchObject({
        IntegrationType: 'HTTP_PROXY',
        IntegrationUri: 'https://integration-not-designed.invalid',
      });
    }
    const guarded = routes(bare('http-authorizer-on-route-without-integration')).get('GET /private') ?? {};
    expect(guarded.AuthorizationType).toBe('CUSTOM');
    const code = cases.get('http-every-kind')?.result.code ?? '';
    expect(code).toContain("const integrationNotDesignedUrl = 'https://integration-not-designed.invalid';");
    expect(code).toContain('// TODO: design the integration of GET /unwired;');
    expect(code).toContain('// TODO: give POST /plain an integration this API type supports;');
  });

  it('a WebSocket route gets a mock that accepts messages, $connect keeping its authorizer', () => {
    const template = bare('websocket-authorizer-on-connect-without-integration');
    const connect = routes(template).get('$connect') ?? {};
    expect(connect.AuthorizationType).toBe('CUSTOM');
    expect(routeIntegration(template, connect)).toMatchObject({ IntegrationType: 'MOCK' });
  });
});

describe('a REST API without a method yet', () => {
  it('synthesizes as a SpecRestApi listing its resources and settings, deployed to no stage, and says so', () => {
    const api = only(resourcesOf(bare('rest-without-methods'), 'AWS::ApiGateway::RestApi'));
    expect(Object.keys((api.Body as { paths: Record<string, unknown> }).paths).sort()).toEqual(['/pets', '/pets/{petId}']);
    expect(api.Body).toMatchObject({ 'x-amazon-apigateway-binary-media-types': ['image/png'] });
    expect(resourcesOf(bare('rest-without-methods'), 'AWS::ApiGateway::Stage')).toEqual([]);
    expect(resourcesOf(bare('empty-rest'), 'AWS::ApiGateway::RestApi')).toHaveLength(1);
    expect(cases.get('rest-without-methods')?.result.notes.join('\n')).toMatch(
      /has no method yet.*its models, stages are written once it has a method/,
    );
  });
});

describe('REST authorizers', () => {
  const methods = () => restMethods(bare('rest-every-authorizer'));
  const authorizers = () =>
    resourcesOf(bare('rest-every-authorizer'), 'AWS::ApiGateway::Authorizer').map((authorizer) => authorizer.properties);

  it('writes TOKEN, REQUEST and Cognito authorizers with their settings, and no unused one', () => {
    const byName = new Map(authorizers().map((authorizer) => [authorizer.Name, authorizer]));
    expect([...byName.keys()].sort()).toEqual(['BadFunction', 'Members', 'NoPool', 'NoSource', 'TenantCheck', 'TokenCheck']);
    // Incomplete authorizers keep their methods protected, with placeholders the user replaces.
    expect(byName.get('NoPool')?.ProviderARNs).toEqual(['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_NoPoolUserPool']);
    expect(byName.get('TokenCheck')).toMatchObject({
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.Authorization',
      IdentityValidationExpression: '^Bearer [-0-9a-zA-Z._]*$',
      AuthorizerResultTtlInSeconds: 600,
      AuthorizerCredentials: 'arn:aws:iam::123456789012:role/invoke-authorizer',
    });
    expect(byName.get('TenantCheck')).toMatchObject({
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.X-Tenant,method.request.querystring.token',
      AuthorizerResultTtlInSeconds: 0,
    });
    expect(byName.get('NoSource')).toMatchObject({ Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 });
    expect(byName.get('Members')).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [
        'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Members',
        'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Staff',
      ],
    });
  });

  it('protects each method with its authorizer: CUSTOM, COGNITO_USER_POOLS with scopes, AWS_IAM, NONE', () => {
    expect(methods().get('GET /token')?.AuthorizationType).toBe('CUSTOM');
    expect(methods().get('GET /request')?.AuthorizationType).toBe('CUSTOM');
    expect(methods().get('GET /members')).toMatchObject({
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['members/read', 'members/write'],
    });
    expect(methods().get('GET /signed')?.AuthorizationType).toBe('AWS_IAM');
    expect(methods().get('GET /open')?.AuthorizationType).toBe('NONE');
    expect(methods().get('GET /nopool')?.AuthorizationType).toBe('COGNITO_USER_POOLS');
    expect(methods().get('GET /badfn')?.AuthorizationType).toBe('CUSTOM');
  });

  it('lets API Gateway invoke the authorizer functions, except where a role invokes them', () => {
    const permissions = resourcesOf(bare('rest-every-authorizer'), 'AWS::Lambda::Permission');
    expect(permissions.map((permission) => permission.properties.FunctionName).sort()).toEqual([
      'arn:aws:lambda:us-east-1:123456789012:function:BadFunction',
      'arn:aws:lambda:us-east-1:123456789012:function:tenant-check',
      'arn:aws:lambda:us-east-1:123456789012:function:tenant-check',
    ]);
  });
});

describe('REST stages, usage plans and API keys', () => {
  const template = () => bare('rest-stages-and-plans');
  const stage = (name: string) =>
    resourcesOf(template(), 'AWS::ApiGateway::Stage').find((found) => found.properties.StageName === name)?.properties ?? {};

  it('writes every stage setting of the first stage, with caching, TTL and cluster size', () => {
    expect(stage('prod')).toMatchObject({
      Description: 'Production',
      Variables: { alias: 'live', table: 'products' },
      CacheClusterEnabled: true,
      CacheClusterSize: '6.1',
      TracingEnabled: true,
      AccessLogSetting: { Format: '{"requestId":"$context.requestId","status":"$context.status"}' },
    });
    expect(JSON.stringify((stage('prod').AccessLogSetting as Properties).DestinationArn)).toContain('log-group:api-access');
    const settings = stage('prod').MethodSettings as Properties[];
    expect(settings).toContainEqual({
      HttpMethod: '*',
      ResourcePath: '/*',
      CachingEnabled: true,
      CacheTtlInSeconds: 120,
      CacheDataEncrypted: true,
      ThrottlingRateLimit: 500,
      ThrottlingBurstLimit: 1000,
      LoggingLevel: 'INFO',
      DataTraceEnabled: true,
      MetricsEnabled: true,
    });
  });

  it('writes per-method overrides with the full effective settings, the root included', () => {
    const settings = stage('prod').MethodSettings as Properties[];
    expect(settings).toContainEqual(
      expect.objectContaining({
        HttpMethod: 'POST',
        ResourcePath: '/~1products',
        CachingEnabled: false,
        ThrottlingRateLimit: 10,
        ThrottlingBurstLimit: 20,
        LoggingLevel: 'INFO',
      }),
    );
    expect(settings).toContainEqual(
      expect.objectContaining({
        HttpMethod: 'GET',
        ResourcePath: '/~1products~1{productId}',
        CachingEnabled: true,
        CacheTtlInSeconds: 3600,
        MetricsEnabled: false,
      }),
    );
    expect(settings).toContainEqual(
      expect.objectContaining({ HttpMethod: 'GET', ResourcePath: '/', LoggingLevel: 'ERROR', CacheTtlInSeconds: 120 }),
    );
  });

  it('writes canary settings with CloudFormation PascalCase keys, through the L1 stage', () => {
    expect(stage('prod').CanarySetting).toEqual({ PercentTraffic: 12.5, StageVariableOverrides: { alias: 'canary' }, UseStageCache: true });
    expect(stage('beta').CanarySetting).toEqual({ PercentTraffic: 50, UseStageCache: false });
  });

  it('makes further stages Deployment + Stage, with access logs the L2 refuses set on the L1', () => {
    expect(resourcesOf(template(), 'AWS::ApiGateway::Deployment')).toHaveLength(3);
    expect(stage('dev')).toMatchObject({
      MethodSettings: [expect.objectContaining({ ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 })],
      AccessLogSetting: {
        DestinationArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-dev',
        Format: '$context.identity.sourceIp $context.httpMethod $context.resourcePath',
      },
    });
    // Caching without a cache cluster caches nothing: left off, with a note.
    expect(JSON.stringify(stage('beta'))).not.toContain('CachingEnabled');
  });

  it('associates the WAF web ACL with the stage', () => {
    const association = only(resourcesOf(template(), 'AWS::WAFv2::WebACLAssociation'));
    expect(association.WebACLArn).toBe('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api-acl/a1b2c3d4');
    expect(JSON.stringify(association.ResourceArn)).toContain('/stages/');
  });

  it('writes usage plans with throttle, quota with offset, stages and per-method throttles', () => {
    const plans = new Map(
      resourcesOf(template(), 'AWS::ApiGateway::UsagePlan').map((plan) => [plan.properties.UsagePlanName, plan.properties]),
    );
    const gold = plans.get('Gold') as Properties;
    expect(gold).toMatchObject({
      Description: 'Gold customers',
      Throttle: { RateLimit: 100.5, BurstLimit: 200 },
      Quota: { Limit: 50000, Period: 'WEEK', Offset: 2 },
    });
    const apiStages = gold.ApiStages as Properties[];
    expect(apiStages).toHaveLength(2);
    expect(apiStages[0]?.Throttle).toEqual({
      '/products/GET': { RateLimit: 50, BurstLimit: 100 },
      '/products/{productId}/GET': { RateLimit: 20, BurstLimit: 40 },
    });
    expect(plans.get('Free')).toMatchObject({ Quota: { Limit: 1000, Period: 'DAY' } });
  });

  it('writes API keys (name, description, enabled, value) and links them to plans', () => {
    const keys = new Map(resourcesOf(template(), 'AWS::ApiGateway::ApiKey').map((key) => [key.properties.Name, key.properties]));
    expect(keys.get('gold-customer')).toMatchObject({
      Description: 'The first gold customer',
      Value: 'abcdefghijklmnopqrstuvwxyz012345',
      Enabled: true,
    });
    expect(keys.get('suspended')).toMatchObject({ Enabled: false });
    expect(keys.get('spare')?.Value).toBeUndefined();
    expect(resourcesOf(template(), 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(3);
  });

  it('lets every stage invoke the functions (one API-wide permission per function with several stages)', () => {
    const permissions = resourcesOf(template(), 'AWS::Lambda::Permission');
    expect(permissions).toHaveLength(1);
    expect(JSON.stringify(permissions[0]?.properties.SourceArn)).toContain('/*/*/*');
  });
});

describe('REST API settings', () => {
  const template = () => bare('rest-api-settings');

  it('writes the endpoint, VPC endpoints, policy, binary types, compression, key source and default endpoint', () => {
    expect(only(resourcesOf(template(), 'AWS::ApiGateway::RestApi'))).toMatchObject({
      Name: 'Settings',
      Description: 'Everything the API settings panel edits.',
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] },
      BinaryMediaTypes: ['image/png', 'application/octet-stream'],
      MinimumCompressionSize: 1024,
      ApiKeySourceType: 'AUTHORIZER',
      DisableExecuteApiEndpoint: true,
      Policy: {
        Statement: [
          expect.objectContaining({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }),
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] } },
          }),
        ],
      },
      Tags: expect.arrayContaining([{ Key: 'team', Value: 'payments' }]),
    });
  });

  it('keeps a policy the CDK would reinterpret exactly as designed, on the L1', () => {
    expect(only(resourcesOf(bare('rest-cors-per-resource'), 'AWS::ApiGateway::RestApi')).Policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
          Extra: 'x',
        },
      ],
    });
  });

  it('answers CORS preflight on every resource, from the API or resource by resource next to a designed OPTIONS', () => {
    const methods = restMethods(template());
    for (const path of ['/', '/customers', '/notes'])
      expect(methods.get(`OPTIONS ${path}`)?.Integration, path).toMatchObject({ Type: 'MOCK' });
    const preflight = JSON.stringify(methods.get('OPTIONS /customers'));
    expect(preflight).toContain('https://app.example.com');
    expect(preflight).toContain("'x-request-id'");
    const perResource = restMethods(bare('rest-cors-per-resource'));
    expect([...perResource.keys()].filter((key) => key.startsWith('OPTIONS')).sort()).toEqual([
      'OPTIONS /',
      'OPTIONS /others',
      'OPTIONS /others/deeper',
      'OPTIONS /things',
    ]);
  });

  it('writes models (references resolved, documentation keywords left out), validators and gateway responses', () => {
    const models = new Map(resourcesOf(template(), 'AWS::ApiGateway::Model').map((model) => [model.properties.Name, model.properties]));
    expect([...models.keys()].sort()).toEqual(['Address', 'Customer', 'PutnotesRequest']);
    const customer = models.get('Customer') as Properties;
    const properties = (customer.Schema as Properties).properties as Record<string, Properties>;
    expect(properties.kind).toEqual({ type: 'string', enum: ['person', 'company'], default: 'person' });
    expect(properties.age).toEqual({ type: 'integer', minimum: 0, maximum: 200, exclusiveMaximum: true });
    expect(properties.name).toEqual({ type: 'string', maxLength: 100 });
    expect(JSON.stringify(properties.address?.$ref)).toContain('/models/Address');
    expect(properties.constructor).toEqual({ type: 'string' });
    expect(models.get('Address')?.Description).toBe('A postal address');
    const validators = resourcesOf(template(), 'AWS::ApiGateway::RequestValidator').map((validator) => validator.properties);
    expect(validators).toContainEqual(
      expect.objectContaining({ Name: 'Validate all', ValidateRequestBody: true, ValidateRequestParameters: true }),
    );
    expect(validators).toHaveLength(2);
    const post = restMethods(template()).get('POST /customers');
    expect(post?.RequestParameters).toEqual({ 'method.request.header.X-Trace-Id': true });
    expect(post?.MethodResponses).toContainEqual(
      expect.objectContaining({
        StatusCode: '201',
        ResponseParameters: { 'method.response.header.Location': false },
        ResponseModels: { 'application/json': expect.anything() },
      }),
    );
    expect(JSON.stringify(post?.MethodResponses)).not.toContain('default');
    expect(post?.RequestValidatorId).toBeDefined();
    expect(restMethods(template()).get('PUT /notes')?.RequestModels).toBeDefined();
    const responses = resourcesOf(template(), 'AWS::ApiGateway::GatewayResponse').map((response) => response.properties);
    expect(responses).toContainEqual(
      expect.objectContaining({
        ResponseType: 'DEFAULT_4XX',
        StatusCode: '400',
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" },
        ResponseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
      }),
    );
  });

  it('writes deploy: false when the design has no stage', () => {
    expect(resourcesOf(bare('rest-without-stage'), 'AWS::ApiGateway::Stage')).toEqual([]);
    expect(resourcesOf(bare('rest-without-stage'), 'AWS::ApiGateway::Deployment')).toEqual([]);
  });
});

describe('HTTP APIs', () => {
  const template = () => bare('http-every-kind');
  const route = (key: string) => routes(template()).get(key) ?? {};
  const integration = (key: string) => routeIntegration(template(), route(key)) ?? {};

  it('writes the routes, $default included, with their authorization', () => {
    expect([...routes(template()).keys()].sort()).toEqual(
      [
        '$default',
        'ANY /legacy/{proxy+}',
        'GET /items',
        'GET /items/{id}',
        'GET /perstage',
        'GET /private',
        'POST /events',
        'POST /items',
        'POST /queue',
        // Kept with the placeholder integration: no integration, an AWS service without a subtype.
        'GET /unwired',
        'POST /plain',
      ].sort(),
    );
    expect(route('POST /items')).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: ['items/write'] });
    expect(route('GET /items/{id}').AuthorizationType).toBe('CUSTOM');
    expect(route('ANY /legacy/{proxy+}').AuthorizationType).toBe('CUSTOM');
    expect(route('GET /private').AuthorizationType).toBe('AWS_IAM');
    expect(route('GET /items').AuthorizationType ?? 'NONE').toBe('NONE');
    expect(route('GET /perstage').AuthorizationType).toBe('JWT');
  });

  it('writes Lambda, URL, VPC link and first-class AWS service integrations', () => {
    expect(integration('POST /items')).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '1.0',
      TimeoutInMillis: 10000,
      RequestParameters: { 'append:header.x-source': 'portico' },
    });
    expect(integration('GET /items')).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
    expect(integration('ANY /legacy/{proxy+}')).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      IntegrationMethod: 'GET',
      IntegrationUri: 'https://upstream.example.com/{proxy}',
    });
    expect(integration('GET /private')).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      ConnectionType: 'VPC_LINK',
      ConnectionId: 'vl-abc123',
    });
    expect(integration('POST /queue')).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationSubtype: 'SQS-SendMessage',
      CredentialsArn: 'arn:aws:iam::123456789012:role/apigateway-sqs',
      RequestParameters: { MessageBody: '$request.body' },
    });
    expect(integration('POST /events')).toMatchObject({
      IntegrationSubtype: 'EventBridge-PutEvents',
      CredentialsArn: 'arn:aws:iam::123456789012:role/api-to-events',
    });
  });

  it('writes JWT and Lambda authorizers', () => {
    const authorizers = new Map(
      resourcesOf(template(), 'AWS::ApiGatewayV2::Authorizer').map((authorizer) => [authorizer.properties.Name, authorizer.properties]),
    );
    expect(authorizers.get('Users')).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: ['example-client-id'], Issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE' },
    });
    expect(authorizers.get('SimpleCheck')).toMatchObject({
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      AuthorizerResultTtlInSeconds: 60,
      IdentitySource: ['$request.header.X-Key'],
    });
    expect(authorizers.get('PolicyCheck')).toMatchObject({
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '1.0',
      AuthorizerCredentialsArn: 'arn:aws:iam::123456789012:role/invoke-policy-check',
    });
  });

  it('writes CORS, the designed stages only, throttling and per-route throttling with PascalCase keys', () => {
    expect(only(resourcesOf(template(), 'AWS::ApiGatewayV2::Api'))).toMatchObject({
      ProtocolType: 'HTTP',
      CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['*'], AllowHeaders: ['content-type'], MaxAge: 300 },
      Tags: { service: 'http' },
    });
    const stages = new Map(
      resourcesOf(template(), 'AWS::ApiGatewayV2::Stage').map((stage) => [stage.properties.StageName, stage.properties]),
    );
    expect([...stages.keys()].sort()).toEqual(['$default', 'dev']);
    expect(stages.get('$default')).toMatchObject({
      AutoDeploy: true,
      StageVariables: { fn: 'items-live' },
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50, DetailedMetricsEnabled: true },
      RouteSettings: { 'POST /items': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 }, $default: { ThrottlingRateLimit: 1 } },
    });
    expect(JSON.stringify(stages.get('$default'))).not.toMatch(/"throttling/);
    expect(stages.get('dev')).toMatchObject({
      AutoDeploy: false,
      Description: 'Development',
      AccessLogSettings: { Format: '$context.requestId $context.routeKey $context.status' },
    });
  });
});

describe('WebSocket APIs', () => {
  const template = () => bare('websocket-lambda-authorizer');
  const route = (key: string) => routes(template()).get(key) ?? {};

  it('writes the route selection, the special and custom routes, and the route response', () => {
    expect(only(resourcesOf(template(), 'AWS::ApiGatewayV2::Api'))).toMatchObject({
      ProtocolType: 'WEBSOCKET',
      RouteSelectionExpression: '$request.body.type',
      ApiKeySelectionExpression: '$request.header.x-api-key',
    });
    expect([...routes(template()).keys()].sort()).toEqual(['$connect', '$default', '$disconnect', 'admin', 'notify', 'sendMessage']);
    expect(route('admin').ApiKeyRequired).toBe(true);
    expect(route('$default').RouteResponseSelectionExpression).toBe('$default');
    expect(only(resourcesOf(template(), 'AWS::ApiGatewayV2::RouteResponse')).RouteResponseKey).toBe('$default');
  });

  it('authorizes $connect with a Lambda REQUEST authorizer or IAM', () => {
    expect(route('$connect').AuthorizationType).toBe('CUSTOM');
    expect(only(resourcesOf(template(), 'AWS::ApiGatewayV2::Authorizer'))).toMatchObject({
      AuthorizerType: 'REQUEST',
      IdentitySource: ['route.request.querystring.token'],
    });
    expect(routes(bare('websocket-iam-authorizer')).get('$connect')?.AuthorizationType).toBe('AWS_IAM');
  });

  it('writes Lambda, mock, AWS service and HTTP integrations', () => {
    const integration = (key: string) => routeIntegration(template(), route(key)) ?? {};
    expect(integration('$default').IntegrationType).toBe('AWS_PROXY');
    expect(integration('$disconnect')).toMatchObject({ IntegrationType: 'MOCK', RequestTemplates: { $default: '{"statusCode": 200}' } });
    expect(integration('sendMessage')).toMatchObject({
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      IntegrationUri: 'arn:aws:apigateway:us-east-1:sqs:path/123456789012/messages',
      CredentialsArn: 'arn:aws:iam::123456789012:role/apigateway-sqs',
      PassthroughBehavior: 'NEVER',
    });
    expect(integration('notify')).toMatchObject({
      IntegrationType: 'HTTP_PROXY',
      IntegrationUri: 'https://hooks.example.com/socket',
      IntegrationMethod: 'POST',
    });
  });

  it('writes the stage with throttling, logging and per-route throttling in PascalCase', () => {
    expect(only(resourcesOf(template(), 'AWS::ApiGatewayV2::Stage'))).toMatchObject({
      StageName: 'live',
      Description: 'Live',
      StageVariables: { mode: 'live' },
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100, LoggingLevel: 'INFO', DataTraceEnabled: true },
      RouteSettings: { sendMessage: { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 4 } },
    });
  });
});

describe('big APIs', () => {
  it('a 1,000-operation REST design becomes a SpecRestApi carrying the OpenAPI export, said in a comment', () => {
    expect(exportFailure).toBeUndefined();
    const { result } = cases.get('synthetic-1000') as Case;
    expect(result.strategy).toBe('spec-rest-api');
    expect(result.code).toContain('new apigateway.SpecRestApi(');
    expect(result.code).toContain('// The API is a SpecRestApi');
    const api = only(resourcesOf(bare('synthetic-1000'), 'AWS::ApiGateway::RestApi'));
    const paths = (api.Body as { paths: Record<string, Record<string, unknown>> }).paths;
    const operations = Object.values(paths).reduce((sum, item) => sum + Object.keys(item).filter((key) => key !== 'parameters').length, 0);
    expect(operations).toBe(1000);
    expect(resourcesOf(bare('synthetic-1000'), 'AWS::ApiGateway::Method')).toEqual([]);
    // Three stages, their usage of the functions granted once per function.
    expect(resourcesOf(bare('synthetic-1000'), 'AWS::ApiGateway::Stage')).toHaveLength(3);
    expect(resourcesOf(bare('synthetic-1000'), 'AWS::Lambda::Permission').length).toBeGreaterThan(0);
  });

  it('a SpecRestApi keeps stages, canary, WAF, usage plans with per-method throttles (on the L1, PascalCase) and API keys', () => {
    expect(exportFailure).toBeUndefined();
    const template = bare('spec-stages-and-plans');
    expect(cases.get('spec-stages-and-plans')?.result.strategy).toBe('spec-rest-api');
    const api = only(resourcesOf(template, 'AWS::ApiGateway::RestApi'));
    expect(JSON.stringify(api.Body)).toContain('arn:aws:lambda:us-east-1:123456789012:function:catalogue');
    const stage = resourcesOf(template, 'AWS::ApiGateway::Stage').find((found) => found.properties.StageName === 'prod')?.properties;
    expect(stage?.CanarySetting).toEqual({ PercentTraffic: 12.5, StageVariableOverrides: { alias: 'canary' }, UseStageCache: true });
    expect(stage?.MethodSettings).toContainEqual(
      expect.objectContaining({ HttpMethod: 'GET', ResourcePath: '/~1products~1{productId}', CacheTtlInSeconds: 3600 }),
    );
    const gold = resourcesOf(template, 'AWS::ApiGateway::UsagePlan').find((plan) => plan.properties.UsagePlanName === 'Gold')?.properties;
    expect(((gold?.ApiStages ?? []) as Properties[])[0]?.Throttle).toEqual({
      '/products/GET': { RateLimit: 50, BurstLimit: 100 },
      '/products/{productId}/GET': { RateLimit: 20, BurstLimit: 40 },
    });
    expect(resourcesOf(template, 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(3);
    expect(resourcesOf(template, 'AWS::WAFv2::WebACLAssociation')).toHaveLength(1);
    const permission = only(resourcesOf(template, 'AWS::Lambda::Permission'));
    expect(permission.FunctionName).toBe('arn:aws:lambda:us-east-1:123456789012:function:catalogue');
  });

  it('a 120-operation design stays in constructs, under the 500-resource limit', () => {
    const { result } = cases.get('synthetic-120') as Case;
    expect(result.strategy).toBe('constructs');
    expect(result.estimatedResources).toBeLessThanOrEqual(500);
    expect(resourcesOf(bare('synthetic-120'), 'AWS::ApiGateway::Method').length).toBeGreaterThanOrEqual(120);
  });
});
