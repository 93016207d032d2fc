import {
  addApiMapping,
  addAuthorizer,
  addDomain,
  addIntegration,
  addJwtIssuer,
  addMethod,
  addResource,
  addRoutingRule,
  addStage,
  autoLayout,
  connectAuthorizer,
  connectIntegration,
  type Design,
  type DomainId,
  emptyDesign,
  ROOT_RESOURCE_ID,
  setJwtAlgorithm,
  setJwtTokenHeader,
  setResponseTransferMode,
  updateApi,
  updateAuthorizer,
  updateBinding,
  updateDomain,
  updateIntegration,
  updateMethod,
} from '../model';
import { build, ids, jsonResponse, pathParameter } from './build';

const issuer = 'https://auth.example.com/';
const certificateArn = 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const domainId = 'dom_orders' as DomainId;

/**
 * A REST API as API Gateway builds them in 2026: a JWT authorizer trusting an OpenID Connect issuer
 * (REST APIs have had them since 2026), dual-stack (IPv4 and IPv6) Regional endpoint with an enhanced
 * TLS 1.3 security policy, a custom domain whose routing rule sends `x-api-version: 2*` callers to the
 * beta stage, and a Lambda function that streams its answer (response streaming, up to 15 minutes).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-jwt-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-ip-address-type.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-routing-rules.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode.html
 */
export function restApi2026(): Design {
  return autoLayout(
    build(
      emptyDesign('REST', 'Orders'),
      (d) =>
        updateApi(d, {
          description: 'Orders for partner apps: JWT sign-in, dual-stack, a versioned custom domain and a streamed report.',
          endpointType: 'REGIONAL',
          ipAddressType: 'dualstack',
          securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
          endpointAccessMode: 'STRICT',
        }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'orders', id: ids.res('orders') }),
      (d) => addResource(d, { parentId: ids.res('orders'), pathPart: '{orderId}', id: ids.res('order') }),
      (d) => addResource(d, { parentId: ids.res('orders'), pathPart: 'report', id: ids.res('report') }),
      (d) => addMethod(d, { resourceId: ids.res('orders'), httpMethod: 'GET', id: ids.mth('list') }),
      (d) => addMethod(d, { resourceId: ids.res('orders'), httpMethod: 'POST', id: ids.mth('create') }),
      (d) => addMethod(d, { resourceId: ids.res('order'), httpMethod: 'GET', id: ids.mth('get') }),
      (d) => addMethod(d, { resourceId: ids.res('report'), httpMethod: 'GET', id: ids.mth('report') }),
      (d) =>
        updateMethod(d, ids.mth('list'), {
          operationName: 'listOrders',
          summary: 'List the caller’s orders',
          responses: [jsonResponse('200', 'The orders')],
        }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          operationName: 'createOrder',
          summary: 'Place an order',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['sku', 'quantity'],
                  properties: { sku: { type: 'string' }, quantity: { type: 'integer' } },
                },
              },
            },
          },
          responses: [jsonResponse('201', 'The new order')],
        }),
      (d) =>
        updateMethod(d, ids.mth('get'), {
          operationName: 'getOrder',
          summary: 'One order',
          parameters: [pathParameter('orderId', 'The order’s id.')],
          responses: [jsonResponse('200', 'The order'), jsonResponse('404', 'No such order')],
        }),
      (d) =>
        updateMethod(d, ids.mth('report'), {
          operationName: 'streamOrderReport',
          summary: 'The order report, streamed as it is written',
          responses: [jsonResponse('200', 'The report, as a stream')],
        }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('orders'), name: 'orders function' }),
      (d) => updateIntegration(d, ids.int('orders'), { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders' }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('report'), name: 'report function' }),
      (d) => updateIntegration(d, ids.int('report'), { functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:order-report' }),
      (d) => connectIntegration(d, ids.mth('list'), ids.int('orders')),
      (d) => connectIntegration(d, ids.mth('create'), ids.int('orders')),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('orders')),
      (d) => connectIntegration(d, ids.mth('report'), ids.int('report')),
      // A streamed answer may take up to 15 minutes, beyond the 29 seconds of a buffered one.
      (d) => setResponseTransferMode(d, ids.mth('report'), 'STREAM'),
      (d) => updateBinding(d, ids.mth('report'), { timeoutInMillis: 900_000 }),
      (d) => addAuthorizer(d, { kind: 'JWT', id: ids.auth('partners'), name: 'partners' }),
      (d) => addJwtIssuer(d, ids.auth('partners'), issuer, ['orders-api']),
      (d) => setJwtAlgorithm(d, ids.auth('partners'), 'RS256', true),
      (d) => setJwtTokenHeader(d, ids.auth('partners'), 'Authorization'),
      (d) => updateAuthorizer(d, ids.auth('partners'), { resultTtlSeconds: 300 }),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('partners')),
      (d) => connectAuthorizer(d, ids.mth('create'), ids.auth('partners')),
      (d) => connectAuthorizer(d, ids.mth('get'), ids.auth('partners')),
      (d) => connectAuthorizer(d, ids.mth('report'), ids.auth('partners')),
      (d) => updateMethod(d, ids.mth('list'), { authorizationScopes: ['orders/read'] }),
      (d) => updateMethod(d, ids.mth('get'), { authorizationScopes: ['orders/read'] }),
      (d) => updateMethod(d, ids.mth('create'), { authorizationScopes: ['orders/write'] }),
      (d) => updateMethod(d, ids.mth('report'), { authorizationScopes: ['orders/read'] }),
      (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
      (d) => addStage(d, { name: 'beta', id: ids.stg('beta') }),
      (d) => addDomain(d, { id: domainId, domainName: 'orders.example.com', endpointType: 'REGIONAL' }),
      (d) =>
        updateDomain(d, domainId, {
          certificateArn,
          ipAddressType: 'dualstack',
          securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09',
          endpointAccessMode: 'STRICT',
          routingMode: 'ROUTING_RULE_THEN_API_MAPPING',
        }),
      (d) => addApiMapping(d, domainId, { basePath: '', stageId: ids.stg('prod') }),
      (d) =>
        addRoutingRule(d, domainId, {
          priority: 100,
          conditions: { headers: [{ header: 'x-api-version', valueGlob: '2*' }], basePaths: [] },
          action: { stageId: ids.stg('beta'), stripBasePath: false },
        }),
    ),
  );
}
