// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation and stage variable placeholders are the data under test.
import { describe, expect, it } from 'vitest';
import {
  type Authorizer,
  addAuthorizer,
  addIntegration,
  addMethod,
  addModel,
  addRequestValidator,
  addResource,
  addRoute,
  addStage,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  type IntegrationBinding,
  type IntegrationTarget,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type Method,
  type MethodId,
  type Resource,
  type Route,
  type RouteId,
  setGatewayResponse,
  updateApi,
  updateAuthorizer,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateStage,
  valuesOf,
} from '../model';
import { build, ids, type Step } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import type { TargetData } from './extensions/integration';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import type { OpenApiVersion } from './types';

/**
 * Each API Gateway extension, end to end: a design drawn with the model's operations is exported as
 * OpenAPI 3.0 and Swagger 2.0 (REST) or 3.0 (HTTP); the test checks where the extension is written
 * and its shape, then imports the export and checks the design says the same again.
 */

const versions: OpenApiVersion[] = ['3.0', '2.0'];

function exported(design: Design, version: OpenApiVersion, stageName?: string): JsonObject {
  const result = exportOpenApi(design, stageName === undefined ? { version } : { version, stageName });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

function reimported(design: Design, version: OpenApiVersion): Design {
  const result = importOpenApi(stringifyDocument(exported(design, version), version === '3.0' ? 'yaml' : 'json'));
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

function at(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let current = value;
  for (const key of keys)
    current =
      isJsonObject(current) && Object.hasOwn(current, key) ? current[key] : Array.isArray(current) ? current[Number(key)] : undefined;
  return current;
}

/** A REST API with `GET /items` and whatever the steps add. */
function rest(...steps: Step[]): Design {
  return build(
    emptyDesign('REST', 'Items'),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'items', id: ids.res('items') }),
    (d) => addMethod(d, { resourceId: ids.res('items'), httpMethod: 'GET', id: ids.mth('list') }),
    ...steps,
  );
}

/** An HTTP API with `GET /items` and whatever the steps add. */
function http(...steps: Step[]): Design {
  return build(emptyDesign('HTTP', 'Items'), (d) => addRoute(d, { routeKey: 'GET /items', id: ids.rte('list') }), ...steps);
}

function connected(
  target: TargetData,
  binding: Partial<Omit<IntegrationBinding, 'integrationId'>> = {},
  owner: MethodId | RouteId = ids.mth('list'),
): Step[] {
  return [
    (d) => addIntegration(d, { kind: target.kind, id: ids.int('backend'), target }),
    (d) => connectIntegration(d, owner, ids.int('backend')),
    (d) => updateBinding(d, owner, binding),
  ];
}

const onlyMethod = (design: Design): Method => valuesOf(design.methods)[0] as Method;
const onlyRoute = (design: Design): Route => valuesOf(design.routes)[0] as Route;
const onlyTarget = (design: Design): IntegrationTarget => valuesOf(design.integrations)[0] as IntegrationTarget;
const integrationOf = (document: JsonObject, path = '/items', verb = 'get') =>
  at(document, 'paths', path, verb, 'x-amazon-apigateway-integration');

describe('x-amazon-apigateway-integration (REST)', () => {
  const functionArn = 'arn:aws:lambda:us-east-1:123456789012:function:orders';

  it.each(versions)('Lambda proxy, as %s: the invocation URI, POST, aws_proxy', (version) => {
    const design = rest(...connected({ kind: 'LAMBDA', name: 'Orders', functionArn }));
    expect(integrationOf(exported(design, version))).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
    });
    const again = reimported(design, version);
    expect(onlyTarget(again)).toMatchObject({ kind: 'LAMBDA', functionArn, name: 'orders' });
    expect(onlyMethod(again).integration).toMatchObject({ proxy: true, typeCase: 'lower' });
  });

  it.each(versions)('Lambda custom integration with every binding field, as %s', (version) => {
    const binding: Partial<IntegrationBinding> = {
      proxy: false,
      timeoutInMillis: 12000,
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      contentHandling: 'CONVERT_TO_TEXT',
      requestParameters: {
        'integration.request.header.x-user': 'method.request.header.x-user',
        'integration.request.header.x-stage': { 'Fn::Sub': "'${Stage}'" },
      },
      requestTemplates: { 'application/json': '#set($body = $input.path(\'$\'))\n{"id": "$context.requestId"}' },
      responses: [
        {
          selectionPattern: 'default',
          statusCode: '200',
          responseParameters: { 'method.response.header.x-id': 'integration.response.body.id' },
          responseTemplates: { 'application/json': "$input.json('$.body')" },
        },
        {
          selectionPattern: '.*"status":404.*',
          statusCode: '404',
          responseParameters: {},
          responseTemplates: {},
          contentHandling: 'CONVERT_TO_BINARY',
        },
      ],
      cacheKeyParameters: ['method.request.header.x-user'],
      cacheNamespace: 'items',
      tlsConfig: { insecureSkipVerification: true },
    };
    const design = rest(
      ...connected({ kind: 'LAMBDA', name: 'Orders', functionArn, credentials: 'arn:aws:iam::123456789012:role/invoke' }, binding),
    );
    const integration = integrationOf(exported(design, version));
    expect(integration).toEqual({
      type: 'aws',
      httpMethod: 'POST',
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      credentials: 'arn:aws:iam::123456789012:role/invoke',
      requestParameters: binding.requestParameters,
      requestTemplates: binding.requestTemplates,
      passthroughBehavior: 'when_no_templates',
      contentHandling: 'CONVERT_TO_TEXT',
      timeoutInMillis: 12000,
      cacheNamespace: 'items',
      cacheKeyParameters: ['method.request.header.x-user'],
      responses: {
        default: {
          statusCode: '200',
          responseParameters: { 'method.response.header.x-id': 'integration.response.body.id' },
          responseTemplates: { 'application/json': "$input.json('$.body')" },
        },
        '.*"status":404.*': { statusCode: '404', contentHandling: 'CONVERT_TO_BINARY' },
      },
      tlsConfig: { insecureSkipVerification: true },
    });
    const again = reimported(design, version);
    expect(onlyMethod(again).integration).toMatchObject(binding);
    expect(onlyTarget(again).credentials).toBe('arn:aws:iam::123456789012:role/invoke');
  });

  it.each(versions)('Lambda response streaming, another region and partition, as %s', (version) => {
    const design = rest(
      ...connected(
        {
          kind: 'LAMBDA',
          name: 'Ask',
          functionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:ask:live',
          region: 'cn-northwest-1',
        },
        { responseTransferMode: 'STREAM' },
      ),
    );
    expect(integrationOf(exported(design, version))).toMatchObject({
      uri: 'arn:aws-cn:apigateway:cn-northwest-1:lambda:path/2021-11-15/functions/arn:aws-cn:lambda:cn-north-1:123456789012:function:ask:live/response-streaming-invocations',
      responseTransferMode: 'STREAM',
    });
    const again = reimported(design, version);
    // Streaming is the method's setting; the target is the function, whichever URI calls it.
    expect(onlyMethod(again).integration?.responseTransferMode).toBe('STREAM');
    expect(onlyTarget(again)).toEqual({
      id: expect.any(String),
      kind: 'LAMBDA',
      region: 'cn-northwest-1',
      name: 'ask:live',
      functionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:ask:live',
    });
  });

  it.each(versions)('a function ARN from a stage variable, as %s', (version) => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}';
    const design = rest(...connected({ kind: 'LAMBDA', name: 'fn', functionArn: arn }));
    expect(at(integrationOf(exported(design, version)), 'uri')).toBe(
      `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${arn}/invocations`,
    );
    expect(onlyTarget(reimported(design, version))).toMatchObject({ functionArn: arn });
  });

  it.each(versions)('HTTP and HTTP proxy integrations, as %s', (version) => {
    const design = rest(
      ...connected(
        { kind: 'HTTP', name: 'Pets', url: 'https://pets.example.com/pets/{id}', httpMethod: 'GET' },
        { proxy: false, requestParameters: { 'integration.request.path.id': 'method.request.path.id' } },
      ),
    );
    expect(integrationOf(exported(design, version))).toEqual({
      type: 'http',
      httpMethod: 'GET',
      uri: 'https://pets.example.com/pets/{id}',
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
    });
    expect(onlyTarget(reimported(design, version))).toMatchObject({
      kind: 'HTTP',
      url: 'https://pets.example.com/pets/{id}',
      httpMethod: 'GET',
    });
  });

  it.each(versions)('VPC link v1 (stage variable) and v2 (integrationTarget), as %s', (version) => {
    const design = rest(
      ...connected({
        kind: 'VPC_LINK',
        name: 'Private',
        connectionId: '${stageVariables.vpcLinkId}',
        url: 'https://internal.example.com/{proxy}',
        httpMethod: 'ANY',
        integrationTarget: { Ref: 'PrivateAlb' },
      }),
    );
    expect(integrationOf(exported(design, version))).toEqual({
      type: 'http_proxy',
      connectionType: 'VPC_LINK',
      connectionId: '${stageVariables.vpcLinkId}',
      integrationTarget: { Ref: 'PrivateAlb' },
      httpMethod: 'ANY',
      uri: 'https://internal.example.com/{proxy}',
    });
    expect(onlyTarget(reimported(design, version))).toMatchObject({
      kind: 'VPC_LINK',
      connectionId: '${stageVariables.vpcLinkId}',
      integrationTarget: { Ref: 'PrivateAlb' },
    });
  });

  it.each(versions)('AWS service actions and paths (with a subdomain), as %s', (version) => {
    for (const [target, uri] of [
      [
        {
          kind: 'AWS_SERVICE',
          name: 'q',
          service: 'sqs',
          region: 'eu-west-1',
          style: 'action',
          actionOrPath: 'SendMessage',
          httpMethod: 'POST',
        },
        'arn:aws:apigateway:eu-west-1:sqs:action/SendMessage',
      ],
      [
        {
          kind: 'AWS_SERVICE',
          name: 's3',
          service: 's3',
          region: 'us-west-2',
          style: 'path',
          actionOrPath: '{key}',
          httpMethod: 'GET',
          subdomain: 'photos',
        },
        'arn:aws:apigateway:us-west-2:photos.s3:path/{key}',
      ],
    ] as [TargetData, string][]) {
      const design = rest(...connected(target, { proxy: false }));
      expect(integrationOf(exported(design, version))).toMatchObject({
        type: 'aws',
        uri,
        httpMethod: 'httpMethod' in target ? target.httpMethod : '',
      });
      expect(onlyTarget(reimported(design, version))).toMatchObject({ ...target, name: expect.any(String) });
    }
  });

  it.each(versions)('mock integrations, as %s', (version) => {
    const design = rest(
      ...connected(
        { kind: 'MOCK', name: 'Mock' },
        {
          proxy: false,
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: [
            {
              selectionPattern: 'default',
              statusCode: '200',
              responseParameters: {},
              responseTemplates: { 'application/json': '{"ok": true}' },
            },
          ],
          passthroughBehavior: 'WHEN_NO_MATCH',
        },
      ),
    );
    const document = exported(design, version);
    expect(integrationOf(document)).toEqual({
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_match',
      responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } } },
    });
    // The integration response's status code is declared as a method response too.
    expect(at(document, 'paths', '/items', 'get', 'responses', '200')).toBeDefined();
    expect(onlyTarget(reimported(design, version)).kind).toBe('MOCK');
  });

  it.each(versions)('keeps the case of type and passthroughBehavior, and fields it does not model, as %s', (version) => {
    const design = rest(
      ...connected(
        { kind: 'LAMBDA', name: 'fn', functionArn },
        { typeCase: 'upper', passthroughBehavior: 'NEVER', extensions: { connectionType: 'INTERNET', futureField: { a: 1 } } },
      ),
    );
    expect(integrationOf(exported(design, version))).toMatchObject({
      type: 'AWS_PROXY',
      passthroughBehavior: 'NEVER',
      connectionType: 'INTERNET',
      futureField: { a: 1 },
    });
    expect(onlyMethod(reimported(design, version)).integration?.extensions).toEqual({ connectionType: 'INTERNET', futureField: { a: 1 } });
  });

  it.each(versions)('x-amazon-apigateway-any-method for ANY, as %s', (version) => {
    const design = rest(
      (d) => addResource(d, { parentId: ids.root, pathPart: '{proxy+}', id: ids.res('proxy') }),
      (d) => addMethod(d, { resourceId: ids.res('proxy'), httpMethod: 'ANY', id: ids.mth('any') }),
    );
    const document = exported(design, version);
    expect(Object.keys(at(document, 'paths', '/{proxy+}') as JsonObject)).toEqual(['x-amazon-apigateway-any-method']);
    expect(valuesOf(reimported(design, version).methods).map((method) => method.httpMethod)).toEqual(['GET', 'ANY']);
  });
});

describe('security schemes and authorizers (REST)', () => {
  const authorizerUri =
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations';
  const schemesOf = (document: JsonObject, version: OpenApiVersion) =>
    version === '2.0' ? at(document, 'securityDefinitions') : at(document, 'components', 'securitySchemes');

  function secured(authorizer: Omit<Authorizer, 'id'>, scopes: string[] = []): Design {
    return rest(
      (d) => addAuthorizer(d, { kind: authorizer.kind, id: ids.auth('a'), authorizer }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('a')),
      (d) => updateMethod(d, ids.mth('list'), { authorizationScopes: scopes }),
    );
  }

  it.each(versions)('Cognito user pools with scopes, as %s', (version) => {
    const design = secured(
      {
        name: 'Users',
        kind: 'COGNITO_USER_POOLS',
        identitySource: 'method.request.header.Authorization',
        providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A', { 'Fn::GetAtt': ['Pool', 'Arn'] }],
        jwtAudience: [],
      },
      ['items/read'],
    );
    const document = exported(design, version);
    expect(at(schemesOf(document, version), 'Users')).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': {
        type: 'cognito_user_pools',
        providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A', { 'Fn::GetAtt': ['Pool', 'Arn'] }],
      },
    });
    expect(at(document, 'paths', '/items', 'get', 'security')).toEqual([{ Users: ['items/read'] }]);
    const again = reimported(design, version);
    expect(valuesOf(again.authorizers)[0]).toMatchObject({
      kind: 'COGNITO_USER_POOLS',
      name: 'Users',
      identitySource: 'method.request.header.Authorization',
    });
    expect(onlyMethod(again).authorizationScopes).toEqual(['items/read']);
  });

  it.each(versions)('Lambda TOKEN with header, validation expression, TTL and credentials, as %s', (version) => {
    const design = secured({
      name: 'Token',
      kind: 'LAMBDA_TOKEN',
      identitySource: 'method.request.header.X-Token',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
      credentials: 'arn:aws:iam::123456789012:role/auth',
      identityValidationExpression: '^Bearer [-0-9a-zA-Z._]*$',
      resultTtlSeconds: 60,
      providerArns: [],
      jwtAudience: [],
    });
    expect(at(schemesOf(exported(design, version), version), 'Token')).toEqual({
      type: 'apiKey',
      name: 'X-Token',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': {
        type: 'token',
        authorizerUri,
        authorizerCredentials: 'arn:aws:iam::123456789012:role/auth',
        identityValidationExpression: '^Bearer [-0-9a-zA-Z._]*$',
        authorizerResultTtlInSeconds: 60,
      },
    });
    expect(valuesOf(reimported(design, version).authorizers)[0]).toMatchObject({
      kind: 'LAMBDA_TOKEN',
      identitySource: 'method.request.header.X-Token',
      resultTtlSeconds: 60,
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
    });
  });

  it.each(versions)('Lambda REQUEST with several identity sources, as %s', (version) => {
    const identitySource = 'method.request.header.Auth, method.request.querystring.key, stageVariables.env, context.path';
    const design = secured({
      name: 'Request',
      kind: 'LAMBDA_REQUEST',
      identitySource,
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
      resultTtlSeconds: 0,
      providerArns: [],
      jwtAudience: [],
    });
    expect(at(schemesOf(exported(design, version), version), 'Request')).toEqual({
      type: 'apiKey',
      name: 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': 'custom',
      'x-amazon-apigateway-authorizer': { type: 'request', authorizerUri, identitySource, authorizerResultTtlInSeconds: 0 },
    });
    expect(valuesOf(reimported(design, version).authorizers)[0]).toMatchObject({
      kind: 'LAMBDA_REQUEST',
      identitySource,
      resultTtlSeconds: 0,
    });
  });

  it.each(versions)('IAM (awsSigv4) and API keys (api_key), as %s', (version) => {
    const design = rest(
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam'), name: 'sigv4' }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('iam')),
      (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired: true }),
    );
    const document = exported(design, version);
    expect(schemesOf(document, version)).toEqual({
      sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    });
    expect(at(document, 'paths', '/items', 'get', 'security')).toEqual([{ sigv4: [] }, { api_key: [] }]);
    const method = onlyMethod(reimported(design, version));
    expect(method.apiKeyRequired).toBe(true);
  });

  it('names the API key scheme api_key_2 when an authorizer is already called api_key', () => {
    const design = rest(
      (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam'), name: 'api_key' }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('iam')),
      (d) => updateMethod(d, ids.mth('list'), { apiKeyRequired: true }),
    );
    const document = exported(design, '2.0');
    expect(at(document, 'paths', '/items', 'get', 'security')).toEqual([{ api_key: [] }, { api_key_2: [] }]);
    expect(at(document, 'securityDefinitions', 'api_key_2')).toEqual({ type: 'apiKey', name: 'x-api-key', in: 'header' });
  });

  it('writes a REST authorizer given in an oauth2 scheme as an apiKey scheme, valid in both versions', () => {
    const text = JSON.stringify({
      swagger: '2.0',
      info: { title: 'x', version: '1' },
      paths: { '/a': { get: { security: [{ pool: ['s'] }], responses: {} } } },
      securityDefinitions: {
        pool: {
          type: 'oauth2',
          flow: 'implicit',
          authorizationUrl: 'https://x',
          'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:1'] },
        },
      },
    });
    const result = importOpenApi(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.notes.map((note) => note.message).join()).toMatch(/written as apiKey/);
    expect(at(exported(result.design, '2.0'), 'securityDefinitions', 'pool')).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: ['arn:aws:1'] },
    });
  });

  it('reads IAM written as x-amazon-apigateway-auth and writes it back the same way', () => {
    const result = importOpenApi(
      JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'x', version: '1' },
        paths: {
          '/a': { get: { 'x-amazon-apigateway-auth': { type: 'aws_iam' } }, post: { 'x-amazon-apigateway-auth': { type: 'NONE' } } },
        },
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(valuesOf(result.design.authorizers).map((authorizer) => authorizer.kind)).toEqual(['IAM']);
    const document = exported(result.design, '2.0');
    expect(at(document, 'paths', '/a', 'get', 'x-amazon-apigateway-auth')).toEqual({ type: 'aws_iam' });
    expect(at(document, 'paths', '/a', 'post', 'x-amazon-apigateway-auth')).toEqual({ type: 'NONE' });
    expect(at(document, 'securityDefinitions')).toBeUndefined();
  });
});

describe('document-root extensions (REST)', () => {
  it.each(versions)('API settings extensions, as %s', (version) => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }],
    };
    const design = rest((d) =>
      updateApi(d, {
        apiKeySource: 'AUTHORIZER',
        binaryMediaTypes: ['image/png', '*/*'],
        minimumCompressionSize: 1024,
        policy,
        documentation: { version: '1.0', documentationParts: [{ location: { type: 'API' }, properties: { description: 'x' } }] },
        securityPolicy: 'TLS_1_2',
        extensions: { 'x-company-owner': 'team-a', externalDocs: { url: 'https://docs.example.com' } },
      }),
    );
    const document = exported(design, version);
    expect(document).toMatchObject({
      'x-amazon-apigateway-api-key-source': 'AUTHORIZER',
      'x-amazon-apigateway-binary-media-types': ['image/png', '*/*'],
      'x-amazon-apigateway-minimum-compression-size': 1024,
      'x-amazon-apigateway-policy': policy,
      'x-amazon-apigateway-documentation': {
        version: '1.0',
        documentationParts: [{ location: { type: 'API' }, properties: { description: 'x' } }],
      },
      'x-amazon-apigateway-security-policy': 'TLS_1_2',
      'x-company-owner': 'team-a',
      externalDocs: { url: 'https://docs.example.com' },
    });
    expect(reimported(design, version).api).toMatchObject({
      apiKeySource: 'AUTHORIZER',
      binaryMediaTypes: ['image/png', '*/*'],
      minimumCompressionSize: 1024,
      policy,
      securityPolicy: 'TLS_1_2',
      extensions: { 'x-company-owner': 'team-a', externalDocs: { url: 'https://docs.example.com' } },
    });
  });

  it('writes an enhanced security policy with its endpoint access mode (STRICT when none is set)', () => {
    // A Regional policy: an edge-optimized API (the default) takes only the _EDGE ones.
    const withMode = rest((d) =>
      updateApi(d, { endpointType: 'REGIONAL', securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09', endpointAccessMode: 'BASIC' }),
    );
    expect(exported(withMode, '3.0')).toMatchObject({
      'x-amazon-apigateway-security-policy': 'SecurityPolicy_TLS13_1_3_2025_09',
      'x-amazon-apigateway-endpoint-access-mode': 'BASIC',
    });
    const without = rest((d) => updateApi(d, { endpointType: 'REGIONAL', securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' }));
    const result = exportOpenApi(without, { version: '3.0' });
    expect(result.ok && result.document['x-amazon-apigateway-endpoint-access-mode']).toBe('STRICT');
    expect(result.ok && result.notes.join()).toMatch(/needs an endpoint access mode/);
  });

  it.each(versions)('x-amazon-apigateway-endpoint-configuration: at the root in 2.0, in a server in 3.0 (as %s)', (version) => {
    const design = rest((d) => updateApi(d, { endpointType: 'PRIVATE', vpcEndpointIds: ['vpce-1'], disableExecuteApiEndpoint: true }));
    const document = exported(design, version);
    const configuration = { disableExecuteApiEndpoint: true, vpcEndpointIds: ['vpce-1'] };
    if (version === '2.0') expect(document['x-amazon-apigateway-endpoint-configuration']).toEqual(configuration);
    else expect(at(document, 'servers', '0', 'x-amazon-apigateway-endpoint-configuration')).toEqual(configuration);
    expect(reimported(design, version).api).toMatchObject({
      endpointType: 'PRIVATE',
      vpcEndpointIds: ['vpce-1'],
      disableExecuteApiEndpoint: true,
    });
  });

  it.each(versions)("request validators, the default one and a method's own, as %s", (version) => {
    const design = rest(
      (d) => addRequestValidator(d, { id: ids.val('all'), name: 'all', validateRequestBody: true, validateRequestParameters: true }),
      (d) =>
        addRequestValidator(d, { id: ids.val('params'), name: 'params only', validateRequestBody: false, validateRequestParameters: true }),
      (d) => updateApi(d, { defaultRequestValidatorId: ids.val('all') }),
      (d) => updateMethod(d, ids.mth('list'), { requestValidatorId: ids.val('params') }),
    );
    const document = exported(design, version);
    expect(document['x-amazon-apigateway-request-validators']).toEqual({
      all: { validateRequestBody: true, validateRequestParameters: true },
      'params only': { validateRequestBody: false, validateRequestParameters: true },
    });
    expect(document['x-amazon-apigateway-request-validator']).toBe('all');
    expect(at(document, 'paths', '/items', 'get', 'x-amazon-apigateway-request-validator')).toBe('params only');
    const again = reimported(design, version);
    expect(valuesOf(again.requestValidators).map((validator) => validator.name)).toEqual(['all', 'params only']);
    expect(again.api.defaultRequestValidatorId).toBe(valuesOf(again.requestValidators)[0]?.id);
    expect(onlyMethod(again).requestValidatorId).toBe(valuesOf(again.requestValidators)[1]?.id);
  });

  it.each(versions)('gateway responses, as %s', (version) => {
    const design = rest(
      (d) =>
        setGatewayResponse(d, 'DEFAULT_4XX', {
          responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
          responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
        }),
      (d) => setGatewayResponse(d, 'INVALID_API_KEY', { statusCode: '429', responseParameters: {}, responseTemplates: {} }),
    );
    expect(exported(design, version)['x-amazon-apigateway-gateway-responses']).toEqual({
      DEFAULT_4XX: {
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
        responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
      },
      INVALID_API_KEY: { statusCode: '429' },
    });
    expect(reimported(design, version).gatewayResponses).toEqual(design.gatewayResponses);
  });

  it.each(versions)('models under components.schemas (3.0) or definitions (2.0), with references rewritten, as %s', (version) => {
    const design = rest(
      (d) =>
        addModel(d, {
          id: ids.mdl('pet'),
          name: 'Pet',
          contentType: 'application/json',
          schema: {
            type: 'object',
            properties: { name: { type: 'string', nullable: true }, owner: { $ref: '#/components/schemas/Owner' } },
          },
        }),
      (d) =>
        addModel(d, {
          id: ids.mdl('owner'),
          name: 'Owner',
          contentType: 'application/json',
          schema: { type: 'object', properties: { id: { type: 'string' } } },
        }),
      (d) =>
        updateMethod(d, ids.mth('list'), {
          responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { modelId: ids.mdl('pet') } } }],
        }),
    );
    const document = exported(design, version);
    if (version === '2.0') {
      expect(at(document, 'definitions', 'Pet')).toEqual({
        type: 'object',
        properties: { name: { type: 'string', 'x-nullable': true }, owner: { $ref: '#/definitions/Owner' } },
      });
      expect(at(document, 'paths', '/items', 'get', 'responses', '200', 'schema')).toEqual({ $ref: '#/definitions/Pet' });
    } else {
      expect(at(document, 'components', 'schemas', 'Pet')).toEqual(design.models[ids.mdl('pet')]?.schema);
      expect(at(document, 'paths', '/items', 'get', 'responses', '200', 'content', 'application/json', 'schema')).toEqual({
        $ref: '#/components/schemas/Pet',
      });
    }
    const again = reimported(design, version);
    expect(valuesOf(again.models).map((model) => [model.name, model.schema])).toEqual(
      valuesOf(design.models).map((model) => [model.name, model.schema]),
    );
  });

  it.each(versions)('extensions of operations and paths Portico does not model, as %s', (version) => {
    const design = rest(
      (d) => updateMethod(d, ids.mth('list'), { extensions: { 'x-amazon-apigateway-future': { on: true }, 'x-codegen': 'a' } }),
      (d) => ({
        ...d,
        resources: {
          ...d.resources,
          [ids.res('items')]: { ...(d.resources[ids.res('items')] as Resource), extensions: { 'x-path-owner': 'team' } },
        },
      }),
    );
    const document = exported(design, version);
    expect(at(document, 'paths', '/items')).toMatchObject({
      'x-path-owner': 'team',
      get: { 'x-amazon-apigateway-future': { on: true }, 'x-codegen': 'a' },
    });
    const again = reimported(design, version);
    expect(onlyMethod(again).extensions).toEqual({ 'x-amazon-apigateway-future': { on: true }, 'x-codegen': 'a' });
    expect(valuesOf(again.resources)[1]?.extensions).toEqual({ 'x-path-owner': 'team' });
  });
});

describe('HTTP APIs (OpenAPI 3.0 only)', () => {
  it('Lambda proxy with payload format, HTTP proxy, first-class subtypes, VPC link listeners', () => {
    const cases: [TargetData, Partial<IntegrationBinding>, JsonObject][] = [
      [
        { kind: 'LAMBDA', name: 'fn', functionArn: 'arn:aws:lambda:us-east-2:123456789012:function:fn' },
        { payloadFormatVersion: '2.0', timeoutInMillis: 30000 },
        {
          type: 'AWS_PROXY',
          httpMethod: 'POST',
          uri: 'arn:aws:apigateway:us-east-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-2:123456789012:function:fn/invocations',
          timeoutInMillis: 30000,
          payloadFormatVersion: '2.0',
        },
      ],
      [
        { kind: 'HTTP', name: 'web', url: 'https://example.com/{proxy}', httpMethod: 'ANY' },
        {
          responseParameters: { '200': { 'overwrite:header.x-from': 'portico' } },
          requestParameters: { 'overwrite:path': '$request.path' },
        },
        {
          type: 'HTTP_PROXY',
          httpMethod: 'ANY',
          uri: 'https://example.com/{proxy}',
          requestParameters: { 'overwrite:path': '$request.path' },
          responseParameters: { '200': { 'overwrite:header.x-from': 'portico' } },
          payloadFormatVersion: '1.0',
        },
      ],
      [
        {
          kind: 'AWS_SERVICE',
          name: 'queue',
          service: 'sqs',
          region: '',
          style: 'action',
          actionOrPath: 'SendMessage',
          httpMethod: '',
          integrationSubtype: 'SQS-SendMessage',
          credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
        },
        { requestParameters: { QueueUrl: { Ref: 'Queue' }, MessageBody: '$request.body' } },
        {
          type: 'AWS_PROXY',
          integrationSubtype: 'SQS-SendMessage',
          credentials: { 'Fn::GetAtt': ['Role', 'Arn'] },
          requestParameters: { QueueUrl: { Ref: 'Queue' }, MessageBody: '$request.body' },
          payloadFormatVersion: '1.0',
        },
      ],
      [
        {
          kind: 'VPC_LINK',
          name: 'alb',
          connectionId: 'abc123',
          url: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/alb/1/2',
          httpMethod: 'ANY',
        },
        { tlsConfig: { serverNameToVerify: 'internal.example.com' } },
        {
          type: 'HTTP_PROXY',
          connectionType: 'VPC_LINK',
          connectionId: 'abc123',
          httpMethod: 'ANY',
          uri: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/alb/1/2',
          tlsConfig: { serverNameToVerify: 'internal.example.com' },
          payloadFormatVersion: '1.0',
        },
      ],
    ];
    for (const [target, binding, written] of cases) {
      const design = http(...connected(target, binding, ids.rte('list')));
      expect(integrationOf(exported(design, '3.0'))).toEqual(written);
      const again = reimported(design, '3.0');
      expect(onlyTarget(again)).toMatchObject({ ...target, name: expect.any(String) });
      expect(onlyRoute(again).integration).toMatchObject(binding);
    }
  });

  it('refuses Swagger 2.0, which API Gateway does not import for HTTP APIs', () => {
    expect(exportOpenApi(http(), { version: '2.0' })).toEqual({ ok: false, message: expect.stringMatching(/OpenAPI 3\.0 only/) });
  });

  it('JWT (oauth2) and Lambda authorizers, IAM, and the $default route', () => {
    const design = http(
      (d) => addRoute(d, { routeKey: '$default', id: ids.rte('default') }),
      (d) =>
        addAuthorizer(d, {
          kind: 'JWT',
          id: ids.auth('jwt'),
          authorizer: {
            name: 'Jwt',
            kind: 'JWT',
            identitySource: '$request.header.Authorization',
            jwtIssuer: 'https://issuer.example.com',
            jwtAudience: ['app'],
            providerArns: [],
          },
        }),
      (d) =>
        addAuthorizer(d, {
          kind: 'LAMBDA_REQUEST',
          id: ids.auth('fn'),
          authorizer: {
            name: 'Fn',
            kind: 'LAMBDA_REQUEST',
            identitySource: '$request.header.X-Key, $context.stage',
            functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth',
            payloadFormatVersion: '2.0',
            enableSimpleResponses: true,
            resultTtlSeconds: 30,
            providerArns: [],
            jwtAudience: [],
          },
        }),
      (d) => connectAuthorizer(d, ids.rte('list'), ids.auth('jwt')),
      (d) => updateMethodOrRoute(d),
      (d) => connectAuthorizer(d, ids.rte('default'), ids.auth('fn')),
    );
    const document = exported(design, '3.0');
    expect(at(document, 'components', 'securitySchemes')).toEqual({
      Jwt: {
        type: 'oauth2',
        flows: {},
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          identitySource: '$request.header.Authorization',
          jwtConfiguration: { issuer: 'https://issuer.example.com', audience: ['app'] },
        },
      },
      Fn: {
        type: 'apiKey',
        name: 'Unused',
        in: 'header',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          authorizerUri:
            'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
          identitySource: '$request.header.X-Key, $context.stage',
          authorizerResultTtlInSeconds: 30,
          authorizerPayloadFormatVersion: '2.0',
          enableSimpleResponses: true,
        },
      },
    });
    expect(at(document, 'paths', '/items', 'get', 'security')).toEqual([{ Jwt: ['items/read'] }]);
    expect(at(document, 'paths', '/$default', 'x-amazon-apigateway-any-method')).toMatchObject({
      isDefaultRoute: true,
      security: [{ Fn: [] }],
    });
    const again = reimported(design, '3.0');
    expect(valuesOf(again.routes).map((route) => [route.routeKey, route.authorizationScopes])).toEqual([
      ['GET /items', ['items/read']],
      ['$default', []],
    ]);
    expect(valuesOf(again.authorizers).map((authorizer) => authorizer.kind)).toEqual(['JWT', 'LAMBDA_REQUEST']);

    function updateMethodOrRoute(d: Design): Design {
      const route = d.routes[ids.rte('list')] as Route;
      return { ...d, routes: { ...d.routes, [route.id]: { ...route, authorizationScopes: ['items/read'] } } };
    }
  });

  it('CORS, import/export version and AWS tags', () => {
    const design = http((d) =>
      updateApi(d, {
        cors: {
          allowOrigins: ['https://app.example.com'],
          allowMethods: ['GET'],
          allowHeaders: [],
          exposeHeaders: ['x-id'],
          allowCredentials: true,
          maxAgeSeconds: 600,
        },
        tags: { team: 'orders', empty: '' },
      }),
    );
    const document = exported(design, '3.0');
    expect(document['x-amazon-apigateway-cors']).toEqual({
      allowOrigins: ['https://app.example.com'],
      allowCredentials: true,
      exposeHeaders: ['x-id'],
      maxAge: 600,
      allowMethods: ['GET'],
    });
    expect(document['x-amazon-apigateway-importexport-version']).toBe('1.0');
    expect(document.tags).toEqual([{ name: 'team', 'x-amazon-apigateway-tag-value': 'orders' }, { name: 'empty' }]);
    expect(reimported(design, '3.0').api).toMatchObject({ cors: design.api.cors, tags: { team: 'orders', empty: '' } });
  });

  it('reusable integrations (components.x-amazon-apigateway-integrations) stay reusable', () => {
    const text = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'x', version: '1' },
      paths: {
        '/a': { get: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/shared' } } },
        '/b': { post: { 'x-amazon-apigateway-integration': { $ref: '#/components/x-amazon-apigateway-integrations/shared' } } },
      },
      components: {
        'x-amazon-apigateway-integrations': {
          shared: {
            type: 'aws_proxy',
            httpMethod: 'POST',
            uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations',
            payloadFormatVersion: '2.0',
          },
        },
      },
    });
    const result = importOpenApi(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(valuesOf(result.design.integrations).map((target) => target.name)).toEqual(['shared']);
    const document = exported(result.design, '3.0');
    expect(at(document, 'paths', '/b', 'post', 'x-amazon-apigateway-integration')).toEqual({
      $ref: '#/components/x-amazon-apigateway-integrations/shared',
    });
    expect(at(document, 'components', 'x-amazon-apigateway-integrations', 'shared')).toMatchObject({
      type: 'aws_proxy',
      payloadFormatVersion: '2.0',
    });
  });
});

describe('per-stage export', () => {
  const design = rest(
    ...connected({ kind: 'HTTP', name: 'web', url: 'https://${stageVariables.host}/items', httpMethod: 'GET' }),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { variables: { host: 'prod.example.com' } }),
  );

  it("names the stage as API Gateway's own export does, and keeps stage variables as references", () => {
    const v3 = exported(design, '3.0', 'prod');
    expect(v3.servers).toEqual([{ url: '/{basePath}', variables: { basePath: { default: 'prod' } } }]);
    expect(at(integrationOf(v3), 'uri')).toBe('https://${stageVariables.host}/items');
    const v2 = exported(design, '2.0', 'prod');
    expect([v2.basePath, v2.schemes]).toEqual(['/prod', ['https']]);
    expect(exported(design, '3.0').servers).toBeUndefined();
  });

  it('refuses a stage the design does not have, naming the ones it has', () => {
    expect(exportOpenApi(design, { version: '3.0', stageName: 'dev' })).toEqual({
      ok: false,
      message: 'There is no stage named "dev" (the stages are prod).',
    });
  });

  it('imports a stage export back to the same design', () => {
    const result = importOpenApi(stringifyDocument(exported(design, '3.0', 'prod'), 'yaml'), { previous: design });
    expect(result.ok && valuesOf(result.design.methods)[0]?.integration).toMatchObject(onlyMethod(design).integration as object);
    expect(result.ok && result.design.stages).toEqual(design.stages);
  });
});

describe('what OpenAPI cannot carry', () => {
  it('refuses WebSocket APIs, which API Gateway has no OpenAPI for', () => {
    expect(exportOpenApi(emptyDesign('WEBSOCKET'), { version: '3.0' })).toEqual({
      ok: false,
      message: expect.stringMatching(/no OpenAPI import or export for WebSocket APIs/),
    });
  });

  it('says so when a REST API has CORS settings or AWS tags', () => {
    const design = rest((d) =>
      updateApi(d, {
        cors: { allowOrigins: ['*'], allowMethods: [], allowHeaders: [], exposeHeaders: [], allowCredentials: false },
        tags: { a: 'b' },
      }),
    );
    const result = exportOpenApi(design, { version: '3.0' });
    expect(result.ok && result.notes).toEqual([expect.stringMatching(/OPTIONS methods/), expect.stringMatching(/AWS tags/)]);
    expect(result.ok && result.document['x-amazon-apigateway-cors']).toBeUndefined();
  });

  it('exports the same design the same way twice (stable key order)', () => {
    const design = rest(...connected({ kind: 'LAMBDA', name: 'fn', functionArn: 'arn:aws:lambda:us-east-1:1:function:f' }));
    expect(stringifyDocument(exported(design, '3.0'), 'yaml')).toBe(stringifyDocument(exported(design, '3.0'), 'yaml'));
    expect(Object.keys(exported(design, '3.0'))).toEqual(['openapi', 'info', 'paths']);
  });

  it("keeps an authorizer's scheme when it is updated on the canvas after import", () => {
    const design = rest(
      (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('t') }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('t')),
      (d) => updateAuthorizer(d, ids.auth('t'), { identitySource: 'method.request.header.X-Api-Token' }),
    );
    expect(at(exported(design, '3.0'), 'components', 'securitySchemes', 'TokenAuthorizer', 'name')).toBe('X-Api-Token');
  });
});

describe('integration targets', () => {
  it('write their name nowhere: an import names them after the backend', () => {
    const design = rest(
      ...connected({ kind: 'LAMBDA', name: 'My function', functionArn: 'arn:aws:lambda:us-east-1:1:function:orders' }),
      (d) => updateIntegration(d, ids.int('backend'), { description: 'x' }),
    );
    expect(onlyTarget(reimported(design, '3.0'))).toMatchObject({ name: 'orders' });
    expect(onlyTarget(reimported(design, '3.0')).description).toBeUndefined();
  });
});
