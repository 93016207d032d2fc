import {
  addApiKey,
  addAuthorizer,
  addIntegration,
  addMethod,
  addModel,
  addRequestValidator,
  addResource,
  addRoute,
  addStage,
  addUsagePlan,
  connectAuthorizer,
  connectIntegration,
  type Design,
  defaultMethodSettings,
  emptyDesign,
  type HttpMethod,
  type IntegrationBinding,
  type IntegrationId,
  type IntegrationTarget,
  type MethodId,
  type ResourceId,
  type RouteId,
  setGatewayResponse,
  setMethodOverride,
  setPlanMethodThrottle,
  setRouteOverride,
  updateApi,
  updateApiKey,
  updateAuthorizer,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateRoute,
  updateStage,
  updateUsagePlan,
} from '../../model';
import { build, ids } from '../../model/testing/design-builder';

/**
 * Designs that exercise every part of the CDK generator: each integration and authorizer kind of each
 * API type, every stage setting, usage plans and keys, API settings, and values kept as intrinsics.
 * Built with the model's own operations (so they are designs the app can make); the few fields only an
 * importer sets (URIs kept whole, intrinsics) are patched onto the targets.
 */

const account = '123456789012';
const fnArn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
const roleArn = (name: string) => `arn:aws:iam::${account}:role/${name}`;

type Step = (design: Design) => Design;

/** A resource under the root (or a parent) with one method wired to a target, in one step list. */
function restMethod(path: string, verb: HttpMethod, integrationId: IntegrationId, parent: ResourceId = ids.root, part = path): Step[] {
  const resource = ids.res(path);
  const method = ids.mth(`${path}-${verb.toLowerCase()}`);
  return [
    (d) => (d.resources[resource] ? d : addResource(d, { parentId: parent, pathPart: part, id: resource })),
    (d) => addMethod(d, { resourceId: resource, httpMethod: verb, id: method }),
    (d) => updateMethod(d, method, { operationName: `${verb.toLowerCase()}${path.replace(/[^A-Za-z0-9]/g, '')}` }),
    (d) => connectIntegration(d, method, integrationId),
  ];
}

function patchTarget(id: IntegrationId, patch: Partial<IntegrationTarget> & Record<string, unknown>): Step {
  return (d) => updateIntegration(d, id, patch as Partial<IntegrationTarget>);
}

function patchBinding(methodId: MethodId | RouteId, patch: Partial<Omit<IntegrationBinding, 'integrationId'>>): Step {
  return (d) => updateBinding(d, methodId, patch);
}

/** Every REST integration kind: Lambda proxy/custom/streaming, HTTP proxy/custom, AWS service (path and action), mock, VPC link, and URIs kept whole. */
export function restEveryIntegration(): Design {
  return build(
    emptyDesign('REST', 'Every integration'),
    (d) => updateApi(d, { endpointType: 'REGIONAL' }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('proxy'), name: 'Orders function' }),
    patchTarget(ids.int('proxy'), { functionArn: fnArn('orders') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('custom'), name: 'Reports function' }),
    patchTarget(ids.int('custom'), { functionArn: fnArn('reports') }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('stream'), name: 'Stream function' }),
    patchTarget(ids.int('stream'), { functionArn: fnArn('stream'), streaming: true }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('http'), name: 'Legacy backend' }),
    patchTarget(ids.int('http'), { url: 'https://legacy.example.com/{proxy}', httpMethod: 'ANY' }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('httpcustom'), name: 'Quotes service' }),
    patchTarget(ids.int('httpcustom'), { url: 'https://quotes.example.com/quote', httpMethod: 'POST' }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('sqs'), name: 'Orders queue' }),
    patchTarget(ids.int('sqs'), { actionOrPath: `${account}/orders`, credentials: roleArn('api-to-sqs') }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('ddb'), name: 'Orders table' }),
    patchTarget(ids.int('ddb'), { service: 'dynamodb', style: 'action', actionOrPath: 'Query', credentials: roleArn('api-to-dynamodb') }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('caller'), name: 'Caller identity' }),
    patchTarget(ids.int('caller'), {
      service: 's3',
      style: 'path',
      actionOrPath: 'bucket/{key}',
      httpMethod: 'GET',
      credentials: 'arn:aws:iam::*:user/*',
    }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Fixed answer' }),
    (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('private'), name: 'Inventory NLB' }),
    patchTarget(ids.int('private'), { connectionId: 'abc123', url: 'http://inventory.internal.example.com/{proxy}', httpMethod: 'GET' }),
    (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('privatevar'), name: 'Per-stage NLB' }),
    patchTarget(ids.int('privatevar'), {
      connectionId: `\${stageVariables.vpcLinkId}`,
      url: 'http://internal.example.com/items',
      httpMethod: 'GET',
    }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('stagevar'), name: 'Per-stage function' }),
    patchTarget(ids.int('stagevar'), { functionArn: `arn:aws:lambda:us-east-1:${account}:function:\${stageVariables.fn}` }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('sub'), name: 'SAM function' }),
    patchTarget(ids.int('sub'), {
      functionArn: `\${MyFunction.Arn}`,
      rawUri: { 'Fn::Sub': `arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${MyFunction.Arn}/invocations` },
    }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('join'), name: 'Joined URL' }),
    patchTarget(ids.int('join'), { rawUri: { 'Fn::Join': ['', ['https://', { Ref: 'BackendDomain' }, '/v1']] }, httpMethod: 'GET' }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('refrole'), name: 'Role by reference' }),
    patchTarget(ids.int('refrole'), { credentials: { 'Fn::GetAtt': ['ApiRole', 'Arn'] }, actionOrPath: `${account}/events` }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('select'), name: 'Selected URL' }),
    patchTarget(ids.int('select'), {
      rawUri: { 'Fn::Select': [0, ['https://a.example.com', 'https://b.example.com']] },
      httpMethod: 'GET',
    }),
    ...restMethod('orders', 'GET', ids.int('proxy')),
    ...restMethod('orders', 'POST', ids.int('proxy')),
    ...restMethod('reports', 'POST', ids.int('custom')),
    patchBinding(ids.mth('reports-post'), {
      proxy: false,
      timeoutInMillis: 10_000,
      passthroughBehavior: 'WHEN_NO_TEMPLATES',
      contentHandling: 'CONVERT_TO_TEXT',
      requestTemplates: { 'application/json': '{"report": $input.json(\'$\'), "user": "$context.authorizer.principalId"}' },
      responses: [
        {
          selectionPattern: 'default',
          statusCode: '200',
          responseParameters: { 'method.response.header.X-Report-Id': 'integration.response.body.id' },
          responseTemplates: { 'application/json': "$input.json('$.body')" },
        },
        {
          selectionPattern: '.*Invalid.*',
          statusCode: '400',
          responseParameters: {},
          responseTemplates: {},
          contentHandling: 'CONVERT_TO_TEXT',
        },
      ],
    }),
    ...restMethod('stream', 'GET', ids.int('stream')),
    ...restMethod('legacy', 'ANY', ids.int('http')),
    (d) => addResource(d, { parentId: ids.res('legacy'), pathPart: '{proxy+}', id: ids.res('legacyproxy') }),
    (d) => addMethod(d, { resourceId: ids.res('legacyproxy'), httpMethod: 'ANY', id: ids.mth('legacyproxy-any') }),
    (d) => connectIntegration(d, ids.mth('legacyproxy-any'), ids.int('http')),
    patchBinding(ids.mth('legacyproxy-any'), {
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      cacheKeyParameters: ['method.request.path.proxy'],
      cacheNamespace: 'legacy',
    }),
    ...restMethod('quotes', 'POST', ids.int('httpcustom')),
    patchBinding(ids.mth('quotes-post'), {
      proxy: false,
      requestParameters: {
        'integration.request.header.X-Source': "'portico'",
        'integration.request.querystring.symbol': 'method.request.querystring.symbol',
      },
      responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
    }),
    ...restMethod('queue', 'POST', ids.int('sqs')),
    patchBinding(ids.mth('queue-post'), {
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      passthroughBehavior: 'NEVER',
    }),
    ...restMethod('table', 'POST', ids.int('ddb')),
    ...restMethod('objects', 'GET', ids.int('caller')),
    ...restMethod('hello', 'GET', ids.int('mock')),
    ...restMethod('inventory', 'GET', ids.int('private')),
    ...restMethod('items', 'GET', ids.int('privatevar')),
    ...restMethod('perstage', 'GET', ids.int('stagevar')),
    ...restMethod('sam', 'GET', ids.int('sub')),
    ...restMethod('joined', 'GET', ids.int('join')),
    ...restMethod('events', 'POST', ids.int('refrole')),
    ...restMethod('selected', 'GET', ids.int('select')),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'nothing', id: ids.res('nothing') }),
    (d) => addMethod(d, { resourceId: ids.res('nothing'), httpMethod: 'DELETE', id: ids.mth('nothing-delete') }),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) => updateStage(d, ids.stg('prod'), { variables: { fn: 'orders-live', vpcLinkId: 'abc123' } }),
  );
}

/** Every REST authorizer kind: Lambda TOKEN and REQUEST (cached and not), Cognito with scopes, IAM, and one unused. */
export function restEveryAuthorizer(): Design {
  return build(
    emptyDesign('REST', 'Every authorizer'),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Answer' }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token'), name: 'TokenCheck' }),
    (d) =>
      updateAuthorizer(d, ids.auth('token'), {
        functionArn: fnArn('token-check'),
        identityValidationExpression: '^Bearer [-0-9a-zA-Z._]*$',
        resultTtlSeconds: 600,
        credentials: roleArn('invoke-authorizer'),
      }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('request'), name: 'TenantCheck' }),
    (d) =>
      updateAuthorizer(d, ids.auth('request'), {
        functionArn: fnArn('tenant-check'),
        identitySource: 'method.request.header.X-Tenant, method.request.querystring.token',
        resultTtlSeconds: 0,
      }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('nosource'), name: 'NoSource' }),
    (d) => updateAuthorizer(d, ids.auth('nosource'), { functionArn: fnArn('tenant-check'), identitySource: '', resultTtlSeconds: 300 }),
    (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS', id: ids.auth('cognito'), name: 'Members' }),
    (d) =>
      updateAuthorizer(d, ids.auth('cognito'), {
        providerArns: [
          `arn:aws:cognito-idp:us-east-1:${account}:userpool/us-east-1_Members`,
          `arn:aws:cognito-idp:us-east-1:${account}:userpool/us-east-1_Staff`,
        ],
      }),
    (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam'), name: 'sigv4' }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('unused'), name: 'Unused' }),
    // Incomplete authorizers: the program keeps the methods protected with placeholders.
    (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS', id: ids.auth('nopool'), name: 'NoPool' }),
    (d) => updateAuthorizer(d, ids.auth('nopool'), { providerArns: [] }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('badfn'), name: 'BadFunction' }),
    (d) => updateAuthorizer(d, ids.auth('badfn'), { functionArn: 'not-an-arn' }),
    ...restMethod('token', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('token-get'), ids.auth('token')),
    ...restMethod('request', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('request-get'), ids.auth('request')),
    ...restMethod('nosource', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('nosource-get'), ids.auth('nosource')),
    ...restMethod('members', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('members-get'), ids.auth('cognito')),
    (d) => updateMethod(d, ids.mth('members-get'), { authorizationScopes: ['members/read', 'members/write'] }),
    ...restMethod('signed', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('signed-get'), ids.auth('iam')),
    ...restMethod('open', 'GET', ids.int('mock')),
    ...restMethod('nopool', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('nopool-get'), ids.auth('nopool')),
    ...restMethod('badfn', 'GET', ids.int('mock')),
    (d) => connectAuthorizer(d, ids.mth('badfn-get'), ids.auth('badfn')),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
  );
}

/** Stages with every setting, canary, access logs both ways, WAF, and usage plans with method throttles and keys. */
export function restStagesAndPlans(): Design {
  const settings = defaultMethodSettings();
  return build(
    emptyDesign('REST', 'Stages and plans'),
    (d) => updateApi(d, { endpointType: 'REGIONAL' }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Catalogue' }),
    patchTarget(ids.int('fn'), { functionArn: fnArn('catalogue') }),
    ...restMethod('products', 'GET', ids.int('fn')),
    ...restMethod('products', 'POST', ids.int('fn')),
    (d) => addResource(d, { parentId: ids.res('products'), pathPart: '{productId}', id: ids.res('product') }),
    (d) => addMethod(d, { resourceId: ids.res('product'), httpMethod: 'GET', id: ids.mth('product-get') }),
    (d) => connectIntegration(d, ids.mth('product-get'), ids.int('fn')),
    (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('root-get') }),
    (d) => connectIntegration(d, ids.mth('root-get'), ids.int('fn')),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
    (d) =>
      updateStage(d, ids.stg('prod'), {
        description: 'Production',
        variables: { alias: 'live', table: 'products' },
        cacheClusterEnabled: true,
        cacheClusterSize: '6.1',
        tracingEnabled: true,
        methodSettings: {
          ...settings,
          cachingEnabled: true,
          cacheTtlSeconds: 120,
          cacheDataEncrypted: true,
          throttlingRateLimit: 500,
          throttlingBurstLimit: 1000,
          loggingLevel: 'INFO',
          dataTraceEnabled: true,
          metricsEnabled: true,
        },
        canary: { percentTraffic: 12.5, stageVariableOverrides: { alias: 'canary' }, useStageCache: true },
        accessLogDestinationArn: `arn:aws:logs:us-east-1:${account}:log-group:api-access`,
        accessLogFormat: '{"requestId":"$context.requestId","status":"$context.status"}',
        webAclArn: `arn:aws:wafv2:us-east-1:${account}:regional/webacl/api-acl/a1b2c3d4`,
      }),
    (d) =>
      setMethodOverride(d, ids.stg('prod'), ids.mth('products-post'), {
        cachingEnabled: false,
        throttlingRateLimit: 10,
        throttlingBurstLimit: 20,
      }),
    (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('product-get'), { cacheTtlSeconds: 3600, metricsEnabled: false }),
    (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('root-get'), { loggingLevel: 'ERROR' }),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    (d) =>
      updateStage(d, ids.stg('dev'), {
        methodSettings: { ...settings, throttlingRateLimit: 5, throttlingBurstLimit: 10 },
        accessLogDestinationArn: `arn:aws:firehose:us-east-1:${account}:deliverystream/amazon-apigateway-dev`,
        accessLogFormat: '$context.identity.sourceIp $context.httpMethod $context.resourcePath',
      }),
    (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
    (d) =>
      updateStage(d, ids.stg('beta'), {
        methodSettings: { ...settings, cachingEnabled: true, requireAuthorizationForCacheControl: false },
        canary: { percentTraffic: 50, stageVariableOverrides: {}, useStageCache: false },
      }),
    (d) => addApiKey(d, { name: 'gold-customer', id: ids.key('gold') }),
    (d) => updateApiKey(d, ids.key('gold'), { description: 'The first gold customer', value: 'abcdefghijklmnopqrstuvwxyz012345' }),
    (d) => addApiKey(d, { name: 'suspended', id: ids.key('suspended') }),
    (d) => updateApiKey(d, ids.key('suspended'), { enabled: false }),
    (d) => addApiKey(d, { name: 'free-customer', id: ids.key('free') }),
    (d) => addApiKey(d, { name: 'spare', id: ids.key('spare') }),
    (d) => addUsagePlan(d, { name: 'Gold', id: ids.plan('gold') }),
    (d) =>
      updateUsagePlan(d, ids.plan('gold'), {
        description: 'Gold customers',
        throttle: { rateLimit: 100.5, burstLimit: 200 },
        quota: { limit: 50_000, period: 'WEEK', offset: 2 },
        stages: [
          { stageId: ids.stg('prod'), methodThrottles: {} },
          { stageId: ids.stg('dev'), methodThrottles: {} },
        ],
        apiKeyIds: [ids.key('gold'), ids.key('suspended')],
      }),
    (d) => setPlanMethodThrottle(d, ids.plan('gold'), ids.stg('prod'), ids.mth('products-get'), { rateLimit: 50, burstLimit: 100 }),
    (d) => setPlanMethodThrottle(d, ids.plan('gold'), ids.stg('prod'), ids.mth('product-get'), { rateLimit: 20, burstLimit: 40 }),
    (d) => addUsagePlan(d, { name: 'Free', id: ids.plan('free') }),
    (d) =>
      updateUsagePlan(d, ids.plan('free'), {
        quota: { limit: 1000, period: 'DAY', offset: 0 },
        stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }],
        apiKeyIds: [ids.key('free')],
      }),
  );
}

/** API settings: private endpoint, policy, binary types, compression, key source, CORS, models with references, validators, gateway responses, tags. */
export function restApiSettings(): Design {
  return build(
    emptyDesign('REST', 'Settings'),
    (d) =>
      updateApi(d, {
        description: 'Everything the API settings panel edits.',
        endpointType: 'PRIVATE',
        vpcEndpointIds: ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'],
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
            {
              Effect: 'Deny',
              Principal: '*',
              Action: 'execute-api:Invoke',
              Resource: 'execute-api:/*',
              Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] } },
            },
          ],
        },
        binaryMediaTypes: ['image/png', 'application/octet-stream'],
        minimumCompressionSize: 1024,
        apiKeySource: 'AUTHORIZER',
        disableExecuteApiEndpoint: true,
        tags: { team: 'payments', 'cost-center': '42' },
        cors: {
          allowOrigins: ['https://app.example.com', 'https://admin.example.com'],
          allowMethods: ['GET', 'POST'],
          allowHeaders: ['content-type', 'authorization'],
          exposeHeaders: ['x-request-id'],
          allowCredentials: true,
          maxAgeSeconds: 600,
        },
      }),
    (d) =>
      addModel(d, {
        id: ids.mdl('address'),
        name: 'Address',
        contentType: 'application/json',
        description: 'A postal address',
        schema: {
          $schema: 'http://json-schema.org/draft-04/schema#',
          type: 'object',
          required: ['city'],
          properties: {
            street: { type: 'string' },
            city: { type: 'string', minLength: 1 },
            zip: { type: 'string', pattern: '^[0-9]{5}$' },
          },
          additionalProperties: false,
        },
      }),
    (d) =>
      addModel(d, {
        id: ids.mdl('customer'),
        name: 'Customer',
        contentType: 'application/json',
        schema: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid', readOnly: true },
            name: { type: 'string', maxLength: 100, example: 'Ada' },
            nickname: { type: 'string', nullable: true },
            kind: { type: 'string', enum: ['person', 'company'], default: 'person' },
            age: { type: 'integer', minimum: 0, exclusiveMaximum: 200 },
            address: { $ref: '#/components/schemas/Address' },
            tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 10 },
            constructor: { type: 'string', 'x-note': 'a property named like an Object member' },
          },
        },
      }),
    (d) => addRequestValidator(d, { id: ids.val('all'), name: 'Validate all', validateRequestBody: true, validateRequestParameters: true }),
    (d) =>
      addRequestValidator(d, {
        id: ids.val('unused'),
        name: 'Unused validator',
        validateRequestBody: false,
        validateRequestParameters: true,
      }),
    (d) => updateApi(d, { defaultRequestValidatorId: ids.val('all') }),
    (d) =>
      setGatewayResponse(d, 'DEFAULT_4XX', {
        statusCode: '400',
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" },
        responseTemplates: { 'application/json': '{"message": $context.error.messageString}' },
      }),
    (d) =>
      setGatewayResponse(d, 'UNAUTHORIZED', {
        responseParameters: {},
        responseTemplates: { 'application/json': '{"message": "Sign in"}' },
      }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Answer' }),
    ...restMethod('customers', 'POST', ids.int('mock')),
    (d) =>
      updateMethod(d, ids.mth('customers-post'), {
        requestBody: { required: true, content: { 'application/json': { modelId: ids.mdl('customer') } } },
        parameters: [{ in: 'header', name: 'X-Trace-Id', required: true }],
        responses: [
          { statusCode: '201', headers: { Location: {} }, content: { 'application/json': { modelId: ids.mdl('customer') } } },
          { statusCode: 'default', headers: {}, content: {} },
        ],
      }),
    ...restMethod('notes', 'PUT', ids.int('mock')),
    (d) =>
      updateMethod(d, ids.mth('notes-put'), {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } } } },
        },
      }),
    (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('root-get') }),
    (d) => connectIntegration(d, ids.mth('root-get'), ids.int('mock')),
    (d) => addStage(d, { name: 'v1', id: ids.stg('v1') }),
  );
}

/** CORS next to a designed OPTIONS method (preflight per resource), "*" origins, a policy only the L1 takes, no stage. */
export function restCorsPerResource(): Design {
  return build(
    emptyDesign('REST', 'Cors per resource'),
    (d) =>
      updateApi(d, {
        endpointType: 'EDGE',
        cors: { allowOrigins: ['*'], allowMethods: ['*'], allowHeaders: [], exposeHeaders: [], allowCredentials: false },
        policy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${account}:root` },
              Action: 'execute-api:Invoke',
              Resource: 'execute-api:/*',
              Extra: 'x',
            },
          ],
        },
      }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Answer' }),
    ...restMethod('things', 'GET', ids.int('mock')),
    ...restMethod('things', 'OPTIONS', ids.int('mock')),
    ...restMethod('others', 'GET', ids.int('mock')),
    (d) => addResource(d, { parentId: ids.res('others'), pathPart: 'deeper', id: ids.res('deeper') }),
  );
}

/**
 * Operations the program must keep although it cannot write them the usual way: methods without an
 * integration (one protected by an authorizer, one requiring an API key), and resources whose path
 * part the CDK's Resource refuses (`a,b`, `__proto__`, template placeholders), each with methods and a
 * child, under the API's CORS defaults, deployed to a stage.
 */
export function restOperationsKept(): Design {
  const method =
    (resource: string, verb: HttpMethod): Step =>
    (d) =>
      addMethod(d, { resourceId: ids.res(resource), httpMethod: verb, id: ids.mth(`${resource}-${verb.toLowerCase()}`) });
  return build(
    emptyDesign('REST', 'Operations kept'),
    (d) =>
      updateApi(d, {
        cors: {
          allowOrigins: ['https://example.com'],
          allowMethods: ['GET', 'POST'],
          allowHeaders: [],
          exposeHeaders: [],
          allowCredentials: false,
        },
      }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Answer' }),
    ...restMethod('wired', 'GET', ids.int('mock')),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'todo', id: ids.res('todo') }),
    method('todo', 'GET'),
    method('todo', 'POST'),
    (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS', id: ids.auth('pool'), name: 'Members' }),
    (d) => updateAuthorizer(d, ids.auth('pool'), { providerArns: [`arn:aws:cognito-idp:us-east-1:${account}:userpool/us-east-1_Members`] }),
    (d) => connectAuthorizer(d, ids.mth('todo-get'), ids.auth('pool')),
    (d) => updateMethod(d, ids.mth('todo-get'), { authorizationScopes: ['todo/read'] }),
    (d) => updateMethod(d, ids.mth('todo-post'), { apiKeyRequired: true }),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'a,b', id: ids.res('comma') }),
    method('comma', 'GET'),
    (d) => connectIntegration(d, ids.mth('comma-get'), ids.int('mock')),
    (d) => addResource(d, { parentId: ids.res('comma'), pathPart: '__proto__', id: ids.res('proto') }),
    method('proto', 'GET'),
    (d) => addResource(d, { parentId: ids.res('proto'), pathPart: 'below', id: ids.res('below') }),
    method('below', 'DELETE'),
    (d) => connectIntegration(d, ids.mth('below-delete'), ids.int('mock')),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform templatefile placeholder is the data under test.
    (d) => addResource(d, { parentId: ids.root, pathPart: '${path_key}', id: ids.res('templated') }),
    method('templated', 'ANY'),
    (d) => connectIntegration(d, ids.mth('templated-any'), ids.int('mock')),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform templatefile placeholder is the data under test.
    (d) => addResource(d, { parentId: ids.res('templated'), pathPart: 'v${version}', id: ids.res('versioned') }),
    method('versioned', 'GET'),
    (d) => addResource(d, { parentId: ids.res('versioned'), pathPart: 'items', id: ids.res('items') }),
    method('items', 'GET'),
    (d) => connectIntegration(d, ids.mth('items-get'), ids.int('mock')),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
  );
}

/** A REST API without a method yet: resources, a model, a policy, binary media types and a stage. */
export function restWithoutMethods(): Design {
  return build(
    emptyDesign('REST', 'Not yet'),
    (d) =>
      updateApi(d, {
        binaryMediaTypes: ['image/png'],
        policy: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' }],
        },
      }),
    (d) => addResource(d, { parentId: ids.root, pathPart: 'pets', id: ids.res('pets') }),
    (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{petId}', id: ids.res('pet') }),
    (d) => addModel(d, { id: ids.mdl('pet'), name: 'Pet', contentType: 'application/json', schema: { type: 'object' } }),
    (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
  );
}

/** Every HTTP API integration and authorizer kind, CORS, `$default`, stages with route throttling. */
export function httpEveryKind(): Design {
  const route = (key: string, name: string, integrationId: IntegrationId): Step[] => [
    (d) => addRoute(d, { routeKey: key, id: ids.rte(name) }),
    (d) => connectIntegration(d, ids.rte(name), integrationId),
  ];
  return build(
    emptyDesign('HTTP', 'Http every kind'),
    (d) =>
      updateApi(d, {
        description: 'HTTP API',
        tags: { service: 'http' },
        cors: {
          allowOrigins: ['*'],
          allowMethods: ['*'],
          allowHeaders: ['content-type'],
          exposeHeaders: [],
          allowCredentials: false,
          maxAgeSeconds: 300,
        },
      }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Items function' }),
    patchTarget(ids.int('fn'), { functionArn: fnArn('items') }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('url'), name: 'Upstream' }),
    patchTarget(ids.int('url'), { url: 'https://upstream.example.com/{proxy}', httpMethod: 'GET' }),
    (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('private'), name: 'Private ALB' }),
    patchTarget(ids.int('private'), {
      connectionId: 'vl-abc123',
      url: `arn:aws:elasticloadbalancing:us-east-1:${account}:listener/app/alb/abc/def`,
      httpMethod: 'ANY',
    }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('sqs'), name: 'Queue' }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('events'), name: 'Event bus' }),
    patchTarget(ids.int('events'), {
      service: 'events',
      integrationSubtype: 'EventBridge-PutEvents',
      credentials: roleArn('api-to-events'),
    }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('nosubtype'), name: 'Plain service' }),
    patchTarget(ids.int('nosubtype'), { integrationSubtype: undefined }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('stagevar'), name: 'Per-stage function' }),
    patchTarget(ids.int('stagevar'), { functionArn: `arn:aws:lambda:us-east-1:${account}:function:\${stageVariables.fn}` }),
    ...route('GET /items', 'list', ids.int('fn')),
    ...route('POST /items', 'create', ids.int('fn')),
    ...route('GET /items/{id}', 'get', ids.int('fn')),
    ...route('ANY /legacy/{proxy+}', 'legacy', ids.int('url')),
    ...route('GET /private', 'private', ids.int('private')),
    ...route('POST /queue', 'queue', ids.int('sqs')),
    ...route('POST /events', 'events', ids.int('events')),
    ...route('POST /plain', 'plain', ids.int('nosubtype')),
    ...route('GET /perstage', 'perstage', ids.int('stagevar')),
    ...route('$default', 'default', ids.int('fn')),
    (d) => addRoute(d, { routeKey: 'GET /unwired', id: ids.rte('unwired') }),
    patchBinding(ids.rte('create'), {
      payloadFormatVersion: '1.0',
      timeoutInMillis: 10_000,
      requestParameters: { 'append:header.x-source': 'portico' },
    }),
    patchBinding(ids.rte('queue'), {
      requestParameters: { QueueUrl: `https://sqs.us-east-1.amazonaws.com/${account}/items`, MessageBody: '$request.body' },
    }),
    patchBinding(ids.rte('events'), { requestParameters: { Detail: '$request.body', DetailType: 'item', Source: 'portico' } }),
    patchBinding(ids.rte('legacy'), { requestParameters: { 'overwrite:path': '$request.path.proxy' } }),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('jwt'), name: 'Users' }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('simple'), name: 'SimpleCheck' }),
    (d) =>
      updateAuthorizer(d, ids.auth('simple'), {
        functionArn: fnArn('simple-check'),
        identitySource: '$request.header.X-Key',
        resultTtlSeconds: 60,
      }),
    (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('policy'), name: 'PolicyCheck' }),
    (d) =>
      updateAuthorizer(d, ids.auth('policy'), {
        functionArn: fnArn('policy-check'),
        enableSimpleResponses: false,
        payloadFormatVersion: '1.0',
        credentials: roleArn('invoke-policy-check'),
      }),
    (d) => addAuthorizer(d, { kind: 'IAM', id: ids.auth('iam'), name: 'sigv4' }),
    (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('nojwt'), name: 'Incomplete' }),
    (d) => updateAuthorizer(d, ids.auth('nojwt'), { jwtIssuer: undefined, jwtAudience: [] }),
    (d) => connectAuthorizer(d, ids.rte('perstage'), ids.auth('nojwt')),
    (d) => connectAuthorizer(d, ids.rte('create'), ids.auth('jwt')),
    (d) => updateRoute(d, ids.rte('create'), { authorizationScopes: ['items/write'] }),
    (d) => connectAuthorizer(d, ids.rte('get'), ids.auth('simple')),
    (d) => connectAuthorizer(d, ids.rte('legacy'), ids.auth('policy')),
    (d) => connectAuthorizer(d, ids.rte('private'), ids.auth('iam')),
    (d) => addStage(d, { name: '$default', id: ids.stg('default') }),
    (d) =>
      updateStage(d, ids.stg('default'), {
        methodSettings: { ...defaultMethodSettings(), throttlingRateLimit: 100, throttlingBurstLimit: 50, metricsEnabled: true },
        variables: { fn: 'items-live' },
      }),
    (d) => setRouteOverride(d, ids.stg('default'), ids.rte('create'), { throttlingRateLimit: 5, throttlingBurstLimit: 10 }),
    (d) => setRouteOverride(d, ids.stg('default'), ids.rte('default'), { throttlingRateLimit: 1 }),
    (d) => addStage(d, { name: 'dev', id: ids.stg('dev') }),
    (d) =>
      updateStage(d, ids.stg('dev'), {
        autoDeploy: false,
        description: 'Development',
        accessLogDestinationArn: `arn:aws:logs:us-east-1:${account}:log-group:http-dev`,
        accessLogFormat: '$context.requestId $context.routeKey $context.status',
      }),
  );
}

/** Every WebSocket route kind and integration, an authorizer on $connect, an API key route, stage settings. */
export function webSocketEveryKind(authorizerKind: 'LAMBDA_REQUEST' | 'IAM' = 'LAMBDA_REQUEST'): Design {
  const route = (key: string, name: string, integrationId: IntegrationId): Step[] => [
    (d) => addRoute(d, { routeKey: key, id: ids.rte(name) }),
    (d) => connectIntegration(d, ids.rte(name), integrationId),
  ];
  return build(
    emptyDesign('WEBSOCKET', `Sockets ${authorizerKind}`),
    (d) => updateApi(d, { routeSelectionExpression: '$request.body.type', apiKeySelectionExpression: '$request.header.x-api-key' }),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Socket function' }),
    patchTarget(ids.int('fn'), { functionArn: fnArn('socket') }),
    (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock'), name: 'Goodbye' }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('sqs'), name: 'Messages queue' }),
    patchTarget(ids.int('sqs'), { actionOrPath: `${account}/messages` }),
    (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('http'), name: 'Webhook' }),
    patchTarget(ids.int('http'), { url: 'https://hooks.example.com/socket', httpMethod: 'POST' }),
    ...route('$connect', 'connect', ids.int('fn')),
    ...route('$disconnect', 'disconnect', ids.int('mock')),
    ...route('$default', 'default', ids.int('fn')),
    ...route('sendMessage', 'send', ids.int('sqs')),
    ...route('notify', 'notify', ids.int('http')),
    ...route('admin', 'admin', ids.int('fn')),
    (d) => updateRoute(d, ids.rte('default'), { returnResponse: true }),
    (d) => updateRoute(d, ids.rte('admin'), { apiKeyRequired: true }),
    patchBinding(ids.rte('send'), {
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { $default: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      passthroughBehavior: 'NEVER',
    }),
    patchBinding(ids.rte('disconnect'), { requestTemplates: { $default: '{"statusCode": 200}' }, responses: [] }),
    (d) => addAuthorizer(d, { kind: authorizerKind, id: ids.auth('connect'), name: 'ConnectCheck' }),
    (d) =>
      authorizerKind === 'LAMBDA_REQUEST'
        ? updateAuthorizer(d, ids.auth('connect'), {
            functionArn: fnArn('connect-check'),
            identitySource: 'route.request.querystring.token',
          })
        : d,
    (d) => connectAuthorizer(d, ids.rte('connect'), ids.auth('connect')),
    (d) => addStage(d, { name: 'live', id: ids.stg('live') }),
    (d) =>
      updateStage(d, ids.stg('live'), {
        description: 'Live',
        variables: { mode: 'live' },
        methodSettings: {
          ...defaultMethodSettings(),
          throttlingRateLimit: 50,
          throttlingBurstLimit: 100,
          loggingLevel: 'INFO',
          dataTraceEnabled: true,
        },
      }),
    (d) => setRouteOverride(d, ids.stg('live'), ids.rte('send'), { throttlingRateLimit: 2, throttlingBurstLimit: 4 }),
  );
}

/** A REST design without any stage (the program writes `deploy: false`). */
export function restWithoutStage(): Design {
  return build(
    emptyDesign('REST', 'No stage'),
    (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('fn'), name: 'Fn' }),
    ...restMethod('a', 'GET', ids.int('fn')),
    ...restMethod('b', 'GET', ids.int('fn')),
  );
}

/** The fixture designs by name, for table-driven tests. */
export const fixtureDesigns: Record<string, () => Design> = {
  'rest-every-integration': restEveryIntegration,
  'rest-every-authorizer': restEveryAuthorizer,
  'rest-stages-and-plans': restStagesAndPlans,
  'rest-api-settings': restApiSettings,
  'rest-cors-per-resource': restCorsPerResource,
  'rest-operations-kept': restOperationsKept,
  'rest-without-methods': restWithoutMethods,
  'rest-without-stage': restWithoutStage,
  'http-every-kind': httpEveryKind,
  'websocket-lambda-authorizer': () => webSocketEveryKind('LAMBDA_REQUEST'),
  'websocket-iam-authorizer': () => webSocketEveryKind('IAM'),
};
