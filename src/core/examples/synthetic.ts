import {
  type ApiType,
  type Authorizer,
  type AuthorizerId,
  asId,
  type Design,
  defaultBinding,
  emptyDesign,
  type HttpMethod,
  type IntegrationBinding,
  type IntegrationId,
  type IntegrationTarget,
  type Method,
  type MethodResponse,
  type Model,
  type ModelId,
  newAuthorizer,
  newIntegrationTarget,
  newStage,
  type Parameter,
  type Resource,
  type ResourceId,
  ROOT_RESOURCE_ID,
  type Route,
  type StageId,
} from '../model';

export interface SyntheticOptions {
  /** Methods (REST) or routes (HTTP) to generate. */
  operations: number;
  /** Same seed, same design. @default 1 */
  seed?: number;
  /** @default 'REST' */
  apiType?: 'REST' | 'HTTP';
}

/** mulberry32: a tiny, fast, seeded PRNG; good enough to shape test data, not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns = [
  'orders',
  'customers',
  'items',
  'invoices',
  'payments',
  'shipments',
  'products',
  'reviews',
  'users',
  'accounts',
  'tickets',
  'events',
];
const integrationKinds = ['lambda-proxy', 'lambda-custom', 'http', 'aws-service', 'mock'] as const;
type IntegrationStyle = (typeof integrationKinds)[number];

interface Collection {
  resourceId: ResourceId;
  itemId: ResourceId;
  path: string;
  itemPath: string;
  /** Path parameters of the item path, outermost first. */
  params: string[];
  depth: number;
}

/**
 * A large, realistic design for benchmarks and scale tests: collections nested several levels deep
 * (`/orders3/{orders3Id}/items7/{items7Id}`), path parameters, a mix of integration and authorizer kinds,
 * request bodies with models, and three stages. Deterministic for a seed.
 *
 * Built by writing the records directly: the model operations copy a collection on every call, which
 * is quadratic at thousands of elements. The result is still valid (the tests run `checkDesign`), and
 * the layout is left empty: run `autoLayout` when the design is going onto a canvas.
 */
export function syntheticDesign(options: SyntheticOptions): Design {
  const apiType: ApiType = options.apiType ?? 'REST';
  const target = Math.max(0, Math.floor(options.operations));
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const design = emptyDesign(apiType, `Synthetic API (${target} operations)`);
  const rest = apiType === 'REST';

  // Models: one per noun, referenced by request bodies and responses.
  const models: Record<ModelId, Model> = {};
  const modelIds: ModelId[] = [];
  if (rest) {
    for (const noun of nouns) {
      const id = asId('Model', `mdl_${noun}`);
      const name = `${noun[0]?.toUpperCase()}${noun.slice(1, -1)}`;
      models[id] = {
        id,
        name,
        contentType: 'application/json',
        schema: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string', maxLength: 200 },
            amount: { type: 'number' },
            tags: { type: 'array', items: { type: 'string' } },
          },
        },
      };
      modelIds.push(id);
    }
  }
  const validatorId = asId('RequestValidator', 'val_body');
  if (rest)
    design.requestValidators[validatorId] = {
      id: validatorId,
      name: 'Validate body',
      validateRequestBody: true,
      validateRequestParameters: true,
    };

  // Integration targets: a pool shared by many methods, as real APIs share functions.
  const integrationCount = Math.max(5, Math.ceil(target / 20));
  const integrations: Record<IntegrationId, IntegrationTarget> = {};
  const styles: IntegrationStyle[] = [];
  const httpStyles: IntegrationStyle[] = ['lambda-proxy', 'http'];
  for (let index = 0; index < integrationCount; index += 1) {
    const style = rest
      ? (integrationKinds[index % integrationKinds.length] as IntegrationStyle)
      : (httpStyles[index % 2] as IntegrationStyle);
    const id = asId('Integration', `int_${index}`);
    const kind =
      style === 'lambda-proxy' || style === 'lambda-custom'
        ? 'LAMBDA'
        : style === 'http'
          ? 'HTTP'
          : style === 'aws-service'
            ? 'AWS_SERVICE'
            : 'MOCK';
    const base = newIntegrationTarget(id, kind, apiType, `${style} ${index}`);
    if (base.kind === 'LAMBDA') base.functionArn = `arn:aws:lambda:us-east-1:123456789012:function:synthetic-${index}`;
    if (base.kind === 'HTTP') base.url = `https://backend${index}.example.com/{proxy}`;
    integrations[id] = base;
    styles.push(style);
  }

  // Authorizers: a few of each kind the API type allows.
  const authorizerKinds = rest
    ? (['COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'IAM'] as const)
    : (['JWT', 'LAMBDA_REQUEST', 'IAM'] as const);
  const authorizers: Record<AuthorizerId, Authorizer> = {};
  const authorizerIds: AuthorizerId[] = [];
  authorizerKinds.forEach((kind, index) => {
    const id = asId('Authorizer', `auth_${index}`);
    authorizers[id] = newAuthorizer(id, kind, apiType, `${kind.toLowerCase().replace(/_/g, '-')}-${index}`);
    authorizerIds.push(id);
  });

  const resources: Record<ResourceId, Resource> = { ...design.resources };
  const methods: Record<string, Method> = {};
  const routes: Record<string, Route> = {};
  /** Collections that may still get children (kept as a list so that choosing a parent is O(1)). */
  const nestable: Collection[] = [];
  let counter = 0;
  let operations = 0;

  const binding = (integrationIndex: number): IntegrationBinding => {
    const integration = integrations[asId('Integration', `int_${integrationIndex}`)] as IntegrationTarget;
    const style = styles[integrationIndex] as IntegrationStyle;
    const result = defaultBinding(integration, apiType);
    if (style === 'lambda-custom') {
      result.proxy = false;
      result.requestTemplates = { 'application/json': '{"body": $input.json(\'$\'), "id": "$context.requestId"}' };
      result.responses = [
        {
          selectionPattern: 'default',
          statusCode: '200',
          responseParameters: {},
          responseTemplates: { 'application/json': "$input.json('$.body')" },
        },
        { selectionPattern: '.*"status":400.*', statusCode: '400', responseParameters: {}, responseTemplates: {} },
      ];
    }
    if (style === 'aws-service')
      result.requestTemplates = { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' };
    return result;
  };

  const addOperation = (resourceId: ResourceId, path: string, verb: HttpMethod, params: string[], modelId: ModelId) => {
    operations += 1;
    const id = `${rest ? 'mth' : 'rte'}_${operations}`;
    const integrationIndex = Math.floor(random() * integrationCount);
    const integration = binding(integrationIndex);
    const statusCodes = new Set(['200', ...integration.responses.map((response) => response.statusCode)]);
    const responses: MethodResponse[] = [...statusCodes].map((statusCode) => ({
      statusCode,
      description: statusCode === '200' ? 'OK' : 'Error',
      headers: {},
      content: statusCode === '200' && rest ? { 'application/json': { modelId } } : ({} as MethodResponse['content']),
    }));
    const parameters: Parameter[] = params.map((name) => ({ in: 'path', name, required: true, schema: { type: 'string' } }));
    const withBody = verb === 'POST' || verb === 'PUT';
    const secured = random() < 0.6;
    const authorizerId = secured ? pick(authorizerIds) : undefined;
    const owner = {
      operationName: `${verb.toLowerCase()}${operations}`,
      summary: `${verb} ${path}`,
      tags: [path.split('/')[1] ?? 'root'],
      parameters,
      responses,
      authorizationScopes: [],
      apiKeyRequired: rest && !secured && random() < 0.3,
      integration,
      ...(authorizerId ? { authorizerId } : {}),
      ...(withBody
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': rest ? { modelId } : { schema: { type: 'object', properties: { name: { type: 'string' } } } },
              },
            },
          }
        : {}),
    };
    if (rest) {
      methods[id] = {
        ...owner,
        id: asId('Method', id),
        resourceId,
        httpMethod: verb,
        ...(withBody ? { requestValidatorId: validatorId } : {}),
      };
    } else routes[id] = { ...owner, id: asId('Route', id), routeKey: `${verb} ${path}` };
  };

  while (operations < target) {
    // Nest under one of the latest items about two times in three, up to six collections deep.
    const parent =
      nestable.length > 0 && random() < 0.67
        ? nestable[Math.max(0, nestable.length - 50) + Math.floor(random() * Math.min(nestable.length, 50))]
        : undefined;
    counter += 1;
    const noun = pick(nouns);
    const pathPart = `${noun}${counter}`;
    const param = `${noun.slice(0, -1)}${counter}Id`;
    const resourceId = asId('Resource', `res_${counter}c`);
    const itemId = asId('Resource', `res_${counter}i`);
    const parentId = parent?.itemId ?? ROOT_RESOURCE_ID;
    const path = `${parent?.itemPath ?? ''}/${pathPart}`;
    const collection: Collection = {
      resourceId,
      itemId,
      path,
      itemPath: `${path}/{${param}}`,
      params: [...(parent?.params ?? []), param],
      depth: (parent?.depth ?? 0) + 1,
    };
    if (collection.depth < 6) nestable.push(collection);
    if (rest) {
      resources[resourceId] = { id: resourceId, parentId, pathPart };
      resources[itemId] = { id: itemId, parentId: resourceId, pathPart: `{${param}}` };
    }
    const modelId = pick(modelIds.length > 0 ? modelIds : [asId('Model', 'mdl_none')]);
    const verbs: [HttpMethod, boolean][] = [
      ['GET', false],
      ['POST', false],
      ['GET', true],
      ['PUT', true],
      ['DELETE', true],
      ['PATCH', true],
    ];
    for (const [verb, onItem] of verbs) {
      if (operations >= target) break;
      // Every collection has its list and item GET; the other verbs appear on some.
      if (verb !== 'GET' && random() < 0.35) continue;
      addOperation(
        onItem ? itemId : resourceId,
        onItem ? collection.itemPath : path,
        verb,
        onItem ? collection.params : (parent?.params ?? []),
        modelId,
      );
    }
  }

  const stages: Design['stages'] = {};
  const stageOrder: StageId[] = [];
  for (const name of ['dev', 'staging', 'prod']) {
    const id = asId('Stage', `stg_${name}`);
    const stage = newStage(id, name);
    if (rest && name === 'prod') {
      stage.cacheClusterEnabled = true;
      stage.cacheClusterSize = '6.1';
      stage.methodSettings = { ...stage.methodSettings, cachingEnabled: true, metricsEnabled: true, loggingLevel: 'ERROR' };
    }
    stage.variables = { environment: name };
    stages[id] = stage;
    stageOrder.push(id);
  }

  return {
    ...design,
    resources,
    methods: methods as Design['methods'],
    routes: routes as Design['routes'],
    authorizers,
    integrations,
    models,
    stages,
    stageOrder,
  };
}
