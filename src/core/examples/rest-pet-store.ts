import {
  addApiKey,
  addAuthorizer,
  addIntegration,
  addMethod,
  addModel,
  addRequestValidator,
  addResource,
  addStage,
  addUsagePlan,
  autoLayout,
  connectAuthorizer,
  connectIntegration,
  type Design,
  emptyDesign,
  ROOT_RESOURCE_ID,
  setMethodOverride,
  updateApi,
  updateAuthorizer,
  updateBinding,
  updateIntegration,
  updateMethod,
  updateStage,
  updateUsagePlan,
} from '../model';
import { build, ids, jsonResponse, pathParameter } from './build';

/**
 * The REST pet store: a Lambda proxy backend behind a Cognito user pool, a mock health check, a cached
 * `prod` stage and a usage plan whose API key partners send on the read methods. It is also the design
 * a first start opens, so it shows most of what the canvas can draw.
 */
export function restPetStore(): Design {
  const petSchema = {
    type: 'object',
    required: ['id', 'name'],
    properties: { id: { type: 'string' }, name: { type: 'string' }, tag: { type: 'string' } },
  };
  return autoLayout(
    build(
      emptyDesign('REST', 'Pet store'),
      (d) =>
        updateApi(d, {
          description: 'Lists, adds and finds pets. A Lambda function answers; a Cognito user pool guards changes.',
          endpointType: 'REGIONAL',
        }),
      (d) => addModel(d, { id: ids.mdl('pet'), name: 'Pet', contentType: 'application/json', schema: petSchema }),
      (d) =>
        addModel(d, {
          id: ids.mdl('newpet'),
          name: 'NewPet',
          contentType: 'application/json',
          schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 100 }, tag: { type: 'string' } } },
        }),
      (d) =>
        addModel(d, {
          id: ids.mdl('pets'),
          name: 'Pets',
          contentType: 'application/json',
          schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } },
        }),
      (d) =>
        addRequestValidator(d, { id: ids.val('body'), name: 'Validate body', validateRequestBody: true, validateRequestParameters: false }),
      (d) =>
        addRequestValidator(d, {
          id: ids.val('params'),
          name: 'Validate parameters',
          validateRequestBody: false,
          validateRequestParameters: true,
        }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'pets', id: ids.res('pets') }),
      (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{petId}', id: ids.res('pet') }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'health', id: ids.res('health') }),
      (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'GET', id: ids.mth('list') }),
      (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'POST', id: ids.mth('create') }),
      (d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'GET', id: ids.mth('get') }),
      (d) => addMethod(d, { resourceId: ids.res('health'), httpMethod: 'GET', id: ids.mth('health') }),
      (d) =>
        updateMethod(d, ids.mth('list'), {
          operationName: 'listPets',
          summary: 'List pets',
          tags: ['pets'],
          apiKeyRequired: true,
          requestValidatorId: ids.val('params'),
          parameters: [
            { in: 'query', name: 'limit', required: false, description: 'At most this many pets.', schema: { type: 'integer' } },
          ],
          responses: [jsonResponse('200', 'A page of pets', ids.mdl('pets'))],
        }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          operationName: 'createPet',
          summary: 'Add a pet',
          tags: ['pets'],
          requestValidatorId: ids.val('body'),
          requestBody: { required: true, content: { 'application/json': { modelId: ids.mdl('newpet') } } },
          responses: [jsonResponse('201', 'The pet was added', ids.mdl('pet'))],
        }),
      (d) =>
        updateMethod(d, ids.mth('get'), {
          operationName: 'getPet',
          summary: 'Find a pet by id',
          tags: ['pets'],
          apiKeyRequired: true,
          requestValidatorId: ids.val('params'),
          parameters: [pathParameter('petId', 'The id of the pet.')],
          responses: [jsonResponse('200', 'The pet', ids.mdl('pet')), jsonResponse('404', 'No pet has this id')],
        }),
      (d) =>
        updateMethod(d, ids.mth('health'), {
          operationName: 'getHealth',
          summary: 'Health check',
          tags: ['operations'],
        }),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('pets'), name: 'Pets function' }),
      (d) => updateIntegration(d, ids.int('pets'), { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:pets' }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('health'), name: 'Health check' }),
      (d) => addAuthorizer(d, { kind: 'COGNITO_USER_POOLS', id: ids.auth('users'), name: 'PetOwners' }),
      (d) =>
        updateAuthorizer(d, ids.auth('users'), {
          providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_PetOwners'],
        }),
      (d) => connectIntegration(d, ids.mth('list'), ids.int('pets')),
      (d) => connectIntegration(d, ids.mth('create'), ids.int('pets')),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('pets')),
      (d) => connectIntegration(d, ids.mth('health'), ids.int('health')),
      (d) =>
        updateBinding(d, ids.mth('health'), {
          responses: [
            {
              selectionPattern: 'default',
              statusCode: '200',
              responseParameters: {},
              responseTemplates: { 'application/json': '{"status": "ok"}' },
            },
          ],
        }),
      (d) => connectAuthorizer(d, ids.mth('create'), ids.auth('users')),
      (d) => addStage(d, { name: 'prod', id: ids.stg('prod') }),
      (d) => {
        const stage = d.stages[ids.stg('prod')];
        if (!stage) return d;
        return updateStage(d, ids.stg('prod'), {
          description: 'Production, with a 0.5 GB cache for the read methods.',
          cacheClusterEnabled: true,
          cacheClusterSize: '0.5',
          methodSettings: {
            ...stage.methodSettings,
            metricsEnabled: true,
            loggingLevel: 'ERROR',
            throttlingRateLimit: 100,
            throttlingBurstLimit: 200,
          },
        });
      },
      (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('list'), { cachingEnabled: true, cacheTtlSeconds: 60 }),
      (d) => setMethodOverride(d, ids.stg('prod'), ids.mth('get'), { cachingEnabled: true, cacheTtlSeconds: 300 }),
      (d) => addApiKey(d, { name: 'partner', id: ids.key('partner') }),
      (d) => addUsagePlan(d, { name: 'Partners', id: ids.plan('partners') }),
      (d) =>
        updateUsagePlan(d, ids.plan('partners'), {
          description: 'Partners read the catalogue at up to 50 requests per second.',
          throttle: { rateLimit: 50, burstLimit: 100 },
          quota: { limit: 1_000_000, period: 'MONTH', offset: 0 },
          stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }],
          apiKeyIds: [ids.key('partner')],
        }),
    ),
  );
}

/** The design the app opens on first start. */
export function firstStartDesign(): Design {
  return restPetStore();
}
