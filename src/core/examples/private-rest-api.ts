import {
  addIntegration,
  addMethod,
  addResource,
  addStage,
  autoLayout,
  connectIntegration,
  type Design,
  emptyDesign,
  ROOT_RESOURCE_ID,
  updateApi,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateStage,
} from '../model';
import { build, ids, jsonResponse, pathParameter } from './build';

const vpcEndpointId = 'vpce-0123456789abcdef0';
// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's stage variable syntax, kept literally in the design.
const vpcLinkIdVariable = '${stageVariables.vpcLinkId}';

/**
 * A private REST API: reachable only through an interface VPC endpoint, enforced by a resource policy
 * that denies every call not arriving through that endpoint (`aws:SourceVpce`); the backend is a
 * Network Load Balancer reached through a VPC link.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html
 */
export function privateRestApi(): Design {
  return autoLayout(
    build(
      emptyDesign('REST', 'Inventory (private)'),
      (d) =>
        updateApi(d, {
          description: 'Stock levels for internal services; not reachable from the internet.',
          endpointType: 'PRIVATE',
          vpcEndpointIds: [vpcEndpointId],
          policy: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' },
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 'execute-api:Invoke',
                Resource: 'execute-api:/*',
                Condition: { StringNotEquals: { 'aws:SourceVpce': vpcEndpointId } },
              },
            ],
          },
        }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'items', id: ids.res('items') }),
      (d) => addResource(d, { parentId: ids.res('items'), pathPart: '{sku}', id: ids.res('item') }),
      (d) => addMethod(d, { resourceId: ids.res('items'), httpMethod: 'GET', id: ids.mth('list') }),
      (d) => addMethod(d, { resourceId: ids.res('item'), httpMethod: 'GET', id: ids.mth('get') }),
      (d) => addMethod(d, { resourceId: ids.res('item'), httpMethod: 'PUT', id: ids.mth('put') }),
      (d) =>
        updateMethod(d, ids.mth('list'), {
          operationName: 'listItems',
          summary: 'List stock',
          responses: [jsonResponse('200', 'Stock levels')],
        }),
      (d) =>
        updateMethod(d, ids.mth('get'), {
          operationName: 'getItem',
          summary: 'Stock of one item',
          parameters: [pathParameter('sku', 'Stock keeping unit.')],
          responses: [jsonResponse('200', 'The stock level'), jsonResponse('404', 'Unknown item')],
        }),
      (d) =>
        updateMethod(d, ids.mth('put'), {
          operationName: 'putItem',
          summary: 'Set the stock of one item',
          parameters: [pathParameter('sku', 'Stock keeping unit.')],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer' } } } },
            },
          },
          responses: [jsonResponse('200', 'The new stock level')],
        }),
      (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('items'), name: 'Inventory list (NLB)' }),
      (d) =>
        updateIntegration(d, ids.int('items'), {
          connectionId: vpcLinkIdVariable,
          url: 'http://inventory.internal.example.com/items',
          httpMethod: 'GET',
        }),
      (d) => addIntegration(d, { kind: 'VPC_LINK', id: ids.int('item'), name: 'Inventory item (NLB)' }),
      (d) =>
        updateIntegration(d, ids.int('item'), {
          connectionId: vpcLinkIdVariable,
          url: 'http://inventory.internal.example.com/items/{sku}',
          httpMethod: 'ANY',
        }),
      (d) => connectIntegration(d, ids.mth('list'), ids.int('items')),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('item')),
      (d) => connectIntegration(d, ids.mth('put'), ids.int('item')),
      // The backend URL has its own {sku}: it is filled from the method's path parameter.
      (d) => updateBinding(d, ids.mth('get'), { requestParameters: { 'integration.request.path.sku': 'method.request.path.sku' } }),
      (d) => updateBinding(d, ids.mth('put'), { requestParameters: { 'integration.request.path.sku': 'method.request.path.sku' } }),
      (d) => addStage(d, { name: 'internal', id: ids.stg('internal') }),
      (d) => updateStage(d, ids.stg('internal'), { variables: { vpcLinkId: 'abc123' } }),
    ),
  );
}
