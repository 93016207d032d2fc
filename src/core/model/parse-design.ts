import { apiKeySources, apiTypes, endpointTypes } from './api';
import { authorizerKinds } from './authorizer';
import { autoLayout, settleLayout } from './card-layout';
import { checkDesign } from './check-design';
import { type Design, schemaVersion } from './design';
import { domainEndpointTypes, routingModes } from './domain';
import { endpointAccessModes, ipAddressTypes, securityPolicies } from './endpoint-settings';
import { contentHandlings, integrationKinds, passthroughBehaviors, responseTransferModes } from './integration';
import { intrinsicFunctionNames, intrinsicKey, isIntrinsic, isJsonObject, type JsonObject, type JsonValue } from './json';
import { httpMethods } from './method';
import { migrations } from './migrations';
import { toPlainJson } from './plain-json';
import { cacheClusterSizes, loggingLevels } from './stage';
import { liftLambdaStreaming } from './streaming';
import { quotaPeriods } from './usage-plan';

export type ParseDesignResult =
  | { ok: true; design: Design; migratedFrom?: number }
  | { ok: false; code: 'not-json' | 'not-a-design' | 'newer-version' | 'invalid'; message: string; path?: string };

class Invalid extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

type Check = (value: JsonValue | undefined, path: string) => void;

/** A key as one JSON pointer segment (RFC 6901): `~` and `/` escaped. */
const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const fail = (path: string, message: string): never => {
  throw new Invalid(message, path);
};
const str: Check = (value, path) => {
  if (typeof value !== 'string') fail(path, 'should be text');
};
const bool: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, 'should be true or false');
};
const num: Check = (value, path) => {
  if (typeof value !== 'number') fail(path, 'should be a number');
};
const obj: Check = (value, path) => {
  if (!isJsonObject(value)) fail(path, 'should be an object');
};
const textOrIntrinsic: Check = (value, path) => {
  if (typeof value !== 'string' && !isJsonObject(value)) fail(path, 'should be text or a CloudFormation expression');
};
/** A CloudFormation intrinsic is data of a known shape (one `Fn::…`/`Ref` key), never evaluated. */
const intrinsic: Check = (value, path) => {
  if (!isIntrinsic(value)) fail(path, 'should be a CloudFormation expression such as {"Fn::Sub": "…"}');
};
const textOrOneIntrinsic: Check = (value, path) => {
  if (typeof value !== 'string') intrinsic(value, path);
};
const oneOf =
  (values: readonly string[]): Check =>
  (value, path) => {
    if (typeof value !== 'string' || !values.includes(value)) fail(path, `should be one of ${values.join(', ')}`);
  };
const opt =
  (check: Check): Check =>
  (value, path) => {
    if (value !== undefined) check(value, path);
  };
const arrayOf =
  (check: Check): Check =>
  (value, path) => {
    if (!Array.isArray(value)) fail(path, 'should be a list');
    (value as JsonValue[]).forEach((item, index) => {
      check(item, `${path}/${index}`);
    });
  };
const recordOf =
  (check: Check): Check =>
  (value, path) => {
    obj(value, path);
    for (const [key, item] of Object.entries(value as JsonObject)) check(item, `${path}/${pointerToken(key)}`);
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (value, path) => {
    obj(value, path);
    for (const [key, check] of Object.entries(fields)) check((value as JsonObject)[key], `${path}/${key}`);
  };

const parameter = shape({ in: oneOf(['path', 'query', 'header']), name: str, required: bool, description: opt(str), schema: opt(obj) });
const body = shape({ modelId: opt(str), schema: opt(obj) });
const operationDoc: Record<string, Check> = {
  operationName: opt(str),
  summary: opt(str),
  description: opt(str),
  tags: arrayOf(str),
  internal: opt(bool),
  parameters: arrayOf(parameter),
  requestBody: opt(shape({ required: bool, content: recordOf(body) })),
  responses: arrayOf(shape({ statusCode: str, headers: recordOf(obj), content: recordOf(body) })),
  extensions: opt(obj),
};
/** Test bench samples (Portico's own, see `IntegrationTestSamples`): plain texts only. */
const testSamples = shape({
  request: opt(
    shape({
      pathParameters: recordOf(str),
      queryStringParameters: recordOf(str),
      headers: recordOf(str),
      body: str,
      stageId: opt(str),
      context: recordOf(str),
    }),
  ),
  response: opt(shape({ statusCode: str, headers: recordOf(str), body: str, errorMessage: opt(str) })),
});
const binding = shape({
  integrationId: str,
  proxy: bool,
  timeoutInMillis: opt(num),
  responseTransferMode: opt(oneOf(responseTransferModes)),
  passthroughBehavior: opt(oneOf(passthroughBehaviors)),
  contentHandling: opt(oneOf(contentHandlings)),
  requestParameters: recordOf(textOrIntrinsic),
  requestTemplates: recordOf(textOrIntrinsic),
  responses: arrayOf(
    shape({ selectionPattern: str, statusCode: str, responseParameters: recordOf(str), responseTemplates: recordOf(str) }),
  ),
  cacheKeyParameters: arrayOf(str),
  testSamples: opt(testSamples),
});
const owner = {
  ...operationDoc,
  authorizerId: opt(str),
  authorizationScopes: arrayOf(str),
  apiKeyRequired: bool,
  integration: opt(binding),
};
const methodSettings = shape({
  cachingEnabled: bool,
  cacheTtlSeconds: num,
  cacheDataEncrypted: bool,
  requireAuthorizationForCacheControl: bool,
  throttlingRateLimit: opt(num),
  throttlingBurstLimit: opt(num),
  loggingLevel: oneOf(loggingLevels),
  dataTraceEnabled: bool,
  metricsEnabled: bool,
});
const throttle = shape({ rateLimit: num, burstLimit: num });
/** A REST JWT authorizer's trusted issuer; its values are checked by the rules, not here (imports keep them as written). */
const jwtIssuer = shape({
  issuer: str,
  audiences: arrayOf(str),
  additionalClaims: arrayOf(shape({ claimName: str, format: str, required: opt(bool), expectedValues: arrayOf(str) })),
});

/** The fields each kind of integration target needs (exporters read them without further checks). */
const targetFields: Record<(typeof integrationKinds)[number], Record<string, Check>> = {
  LAMBDA: { functionArn: str, region: opt(str), partition: opt(str), streaming: opt(bool) },
  HTTP: { url: str, httpMethod: str },
  AWS_SERVICE: {
    service: str,
    region: str,
    partition: opt(str),
    style: oneOf(['action', 'path']),
    actionOrPath: str,
    httpMethod: str,
    // Checked for shape only: the CDK program leaves out what IAM would refuse (cdk/integration-role.ts).
    rolePolicy: opt(shape({ statements: arrayOf(shape({ actions: arrayOf(str), resources: arrayOf(str) })) })),
  },
  MOCK: {},
  VPC_LINK: { connectionId: textOrIntrinsic, url: textOrIntrinsic, httpMethod: str, integrationTarget: opt(textOrIntrinsic) },
};
const integrationTarget: Check = (value, path) => {
  shape({ id: str, name: str, kind: oneOf(integrationKinds), rawUri: opt(textOrIntrinsic), credentials: opt(textOrIntrinsic) })(
    value,
    path,
  );
  const kind = (value as JsonObject).kind as (typeof integrationKinds)[number];
  shape(targetFields[kind])(value, path);
};

const designShape = shape({
  api: shape({
    name: str,
    version: str,
    type: oneOf(apiTypes),
    endpointType: oneOf(endpointTypes),
    binaryMediaTypes: arrayOf(str),
    minimumCompressionSize: opt(num),
    apiKeySource: oneOf(apiKeySources),
    disableExecuteApiEndpoint: bool,
    vpcEndpointIds: arrayOf(str),
    policy: opt(obj),
    ipAddressType: opt(oneOf(ipAddressTypes)),
    // Text: imports keep a policy name or access mode Portico does not know (the rules report it).
    securityPolicy: opt(str),
    endpointAccessMode: opt(str),
    routeSelectionExpression: str,
    tags: recordOf(str),
    extensions: obj,
    expressions: opt(
      shape({
        name: opt(intrinsic),
        description: opt(intrinsic),
        version: opt(intrinsic),
        vpcEndpointIds: opt(arrayOf(textOrOneIntrinsic)),
        disableExecuteApiEndpoint: opt(intrinsic),
        endpointConfiguration: opt(intrinsic),
        tags: opt(recordOf(intrinsic)),
        ipAddressType: opt(intrinsic),
      }),
    ),
    shortFormIntrinsics: opt(arrayOf(oneOf(intrinsicFunctionNames.map(intrinsicKey)))),
  }),
  resources: recordOf(shape({ id: str, parentId: (value, path) => value !== null && str(value, path), pathPart: str })),
  methods: recordOf(shape({ ...owner, id: str, resourceId: str, httpMethod: oneOf(httpMethods), requestValidatorId: opt(str) })),
  routes: recordOf(shape({ ...owner, id: str, routeKey: str })),
  authorizers: recordOf(
    shape({
      id: str,
      name: str,
      kind: oneOf(authorizerKinds),
      identitySource: opt(str),
      functionArn: opt(str),
      resultTtlSeconds: opt(num),
      providerArns: arrayOf(textOrIntrinsic),
      jwtAudience: arrayOf(str),
      jwtIssuers: opt(arrayOf(jwtIssuer)),
      jwtAlgorithms: opt(arrayOf(str)),
    }),
  ),
  integrations: recordOf(integrationTarget),
  models: recordOf(shape({ id: str, name: str, contentType: str, schema: obj })),
  requestValidators: recordOf(shape({ id: str, name: str, validateRequestBody: bool, validateRequestParameters: bool })),
  gatewayResponses: recordOf(shape({ statusCode: opt(str), responseParameters: recordOf(str), responseTemplates: recordOf(str) })),
  stages: recordOf(
    shape({
      id: str,
      name: str,
      variables: recordOf(str),
      cacheClusterEnabled: bool,
      cacheClusterSize: oneOf(cacheClusterSizes),
      methodSettings,
      methodOverrides: recordOf(obj),
      tracingEnabled: bool,
      autoDeploy: bool,
      routeOverrides: recordOf(obj),
    }),
  ),
  stageOrder: arrayOf(str),
  usagePlans: recordOf(
    shape({
      id: str,
      name: str,
      throttle: opt(throttle),
      quota: opt(shape({ limit: num, period: oneOf(quotaPeriods), offset: num })),
      stages: arrayOf(shape({ stageId: str, methodThrottles: recordOf(throttle) })),
      apiKeyIds: arrayOf(str),
    }),
  ),
  apiKeys: recordOf(shape({ id: str, name: str, enabled: bool, value: opt(str) })),
  domains: recordOf(
    shape({
      id: str,
      domainName: str,
      certificateArn: str,
      endpointType: oneOf(domainEndpointTypes),
      ipAddressType: oneOf(ipAddressTypes),
      securityPolicy: oneOf(securityPolicies),
      endpointAccessMode: opt(oneOf(endpointAccessModes)),
      mutualTls: opt(shape({ truststoreUri: str, truststoreVersion: opt(str) })),
      routingMode: oneOf(routingModes),
      mappings: arrayOf(shape({ basePath: str, stageId: str })),
      routingRules: arrayOf(
        shape({
          priority: num,
          conditions: shape({ headers: arrayOf(shape({ header: str, valueGlob: str })), basePaths: arrayOf(str) }),
          action: shape({ stageId: str, stripBasePath: bool }),
        }),
      ),
      accessAssociations: arrayOf(str),
      policy: opt(obj),
    }),
  ),
  layout: recordOf(shape({ x: num, y: num })),
});

/** Fields added after a design was first saved are filled with their defaults rather than refused. */
function fillDefaults(design: JsonObject): JsonObject {
  const filled: JsonObject = { ...design };
  for (const key of [
    'resources',
    'methods',
    'routes',
    'authorizers',
    'integrations',
    'models',
    'requestValidators',
    'gatewayResponses',
    'stages',
    'usagePlans',
    'apiKeys',
    'domains',
    'layout',
  ])
    if (filled[key] === undefined) filled[key] = {};
  if (filled.stageOrder === undefined && isJsonObject(filled.stages)) filled.stageOrder = Object.keys(filled.stages);
  return filled;
}

/**
 * The one gate for designs from outside the running app: autosave, design files, share links and the
 * clipboard. Copies the input to plain JSON (no prototype tricks, bounded depth), migrates older
 * versions, checks every field's type and every reference, and never throws on bad input.
 */
export function parseDesign(input: unknown): ParseDesignResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      return { ok: false, code: 'not-json', message: `This is not a Portico design file: ${(error as Error).message}.` };
    }
  }
  const plain = toPlainJson(raw);
  if (!plain.ok) return { ok: false, code: 'invalid', message: plain.message, path: plain.path };
  if (!isJsonObject(plain.value) || !isJsonObject(plain.value.api))
    return {
      ok: false,
      code: 'not-a-design',
      message: 'This is not a Portico design: it has no "api" section. To bring in an OpenAPI document, use Import.',
    };
  let design: JsonObject = plain.value;
  // A design file may carry the design's saved versions beside it (read apart by the app's design-file
  // reader, each through this gate): they are not part of the design.
  if (Object.hasOwn(design, 'versions')) {
    const { versions: _versions, ...rest } = design;
    design = rest;
  }
  const version = design.schemaVersion === undefined ? 0 : design.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return { ok: false, code: 'invalid', message: 'The design has an unreadable schemaVersion.', path: '/schemaVersion' };
  if (version > schemaVersion)
    return {
      ok: false,
      code: 'newer-version',
      message: `This design was saved by a newer Portico (format ${version}; this one reads up to ${schemaVersion}). Open it there, or update Portico.`,
    };
  for (let step = version; step < schemaVersion; step += 1) {
    const migrate = migrations[step];
    if (!migrate) return { ok: false, code: 'invalid', message: `No migration from design format ${step}.` };
    design = migrate(design);
  }
  design = fillDefaults(design);
  try {
    designShape(design, '');
  } catch (error) {
    if (error instanceof Invalid)
      return {
        ok: false,
        code: 'invalid',
        message: `The design is damaged: ${error.path || 'the document'} ${error.message}.`,
        path: error.path,
      };
    throw error;
  }
  // Older designs marked streaming on the Lambda target; it is a setting of each method's integration.
  const typed = liftLambdaStreaming(design as unknown as Design);
  // Positions of things that are not cards (deleted elements, hand edits) are harmless leftovers and are
  // dropped; cards without a position get one; a design with none at all is laid out whole.
  const cleaned = Object.keys(typed.layout).length === 0 ? autoLayout(typed) : settleLayout(typed);
  const problems = checkDesign(cleaned);
  if (problems.length > 0)
    return {
      ok: false,
      code: 'invalid',
      message: `The design is inconsistent: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`,
    };
  return version === schemaVersion ? { ok: true, design: cleaned } : { ok: true, design: cleaned, migratedFrom: version };
}

/** The design as the text of a `.portico.json` file (stable, readable). */
export function serializeDesign(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}
