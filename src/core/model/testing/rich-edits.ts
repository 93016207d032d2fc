import fc from 'fast-check';
import type { ApiSettings } from '../api';
import { applyOperation } from '../apply';
import { type Design, emptyDesign, valuesOf } from '../design';
import { isEnhancedPolicy, policyFitsEndpointType } from '../endpoint-settings';
import type { IntegrationBinding } from '../integration';
import type { JsonObject } from '../json';
import type { GatewayResponse } from '../model-schema';
import type { OperationDoc } from '../operation-doc';
import { updateApi } from '../operations/api-settings';
import { updateAuthorizer } from '../operations/authorizers';
import { addModel, addRequestValidator, setGatewayResponse } from '../operations/components';
import { updateIntegration } from '../operations/integrations';
import { updateMethod } from '../operations/methods';
import { updateRoute } from '../operations/routes';
import { updateBinding } from '../operations/wiring';
import { httpPets, restPetStore, webSocketChat } from './design-builder';
import { operationCount, type RandomEdit, toStep } from './random-operations';

/**
 * Random designs for property tests across modules: the structural edits of `random-operations.ts`
 * (which leave most fields at their defaults), then edits that fill in what exports and generators
 * write: documentation, integration settings, backends, authorizer settings, API settings, models,
 * validators and gateway responses. Values are drawn from what real documents hold, plus text that
 * YAML and code generators must quote (`yes`, `~`, `${x}`, line breaks).
 */

const text = fc.oneof(
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder, on purpose.
  fc.constantFrom('yes', 'on', '~', '0o17', '12:30', '${x}', "'quoted'", '#c', 'line\nbreak', '\u2028', 'ü', '- dash', ': colon'),
  fc.string({ maxLength: 12 }),
);
const optionalText = fc.option(text, { nil: undefined });
const schema = fc.constantFrom<JsonObject>(
  { type: 'string' },
  { type: 'integer', minimum: 1 },
  { type: 'string', enum: ['a', 'b'] },
  { type: 'array', items: { type: 'string' } },
  { type: 'object', properties: { a: { type: 'string' } } },
  { type: 'boolean' },
);
const mediaType = fc.constantFrom('application/json', 'application/xml', 'text/plain');
const bodies = fc.dictionary(mediaType, fc.record({ schema: fc.option(schema, { nil: undefined }) }, { requiredKeys: [] }), { maxKeys: 2 });

const doc: fc.Arbitrary<OperationDoc> = fc.record(
  {
    operationName: fc.option(fc.constantFrom('listPets', 'getPet', 'toString', 'op'), { nil: undefined }),
    summary: optionalText,
    description: optionalText,
    tags: fc.array(fc.constantFrom('pets', 'store', 'yes'), { maxLength: 2 }),
    deprecated: fc.option(fc.constant(true), { nil: undefined }),
    parameters: fc.uniqueArray(
      fc.record(
        {
          in: fc.constantFrom('path', 'query', 'header') as fc.Arbitrary<'path' | 'query' | 'header'>,
          name: fc.constantFrom('id', 'petId', 'q', 'X-Trace', 'proxy', 'constructor'),
          required: fc.boolean(),
          description: optionalText,
          schema: fc.option(schema, { nil: undefined }),
        },
        { requiredKeys: ['in', 'name', 'required'] },
      ),
      { maxLength: 3, selector: (parameter) => `${parameter.in}:${parameter.name}` },
    ),
    requestBody: fc.option(
      fc.record({ required: fc.boolean(), description: optionalText, content: bodies }, { requiredKeys: ['required', 'content'] }),
      {
        nil: undefined,
      },
    ),
    responses: fc.uniqueArray(
      fc.record(
        {
          statusCode: fc.constantFrom('200', '201', '400', '500', 'default'),
          description: optionalText,
          headers: fc.dictionary(
            fc.constantFrom('X-Rate', 'Location'),
            fc.record({ description: optionalText, schema: fc.option(schema, { nil: undefined }) }, { requiredKeys: [] }),
            { maxKeys: 2 },
          ),
          content: bodies,
        },
        { requiredKeys: ['statusCode', 'headers', 'content'] },
      ),
      { maxLength: 3, selector: (response) => response.statusCode },
    ),
  },
  { requiredKeys: ['tags', 'parameters', 'responses'] },
);

const restBinding: fc.Arbitrary<Partial<Omit<IntegrationBinding, 'integrationId'>>> = fc.record(
  {
    proxy: fc.boolean(),
    requestParameters: fc.dictionary(
      fc.constantFrom('integration.request.header.X-Id', 'integration.request.querystring.q', 'integration.request.path.id'),
      fc.constantFrom("'static'", 'method.request.header.X-Trace', 'method.request.path.id', 'context.requestId'),
      { maxKeys: 2 },
    ),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder, on purpose.
    requestTemplates: fc.dictionary(mediaType, fc.constantFrom('{"statusCode": 200}', "#set($a = $input.path('$'))\n$a", '`${x}` */'), {
      maxKeys: 2,
    }),
    responses: fc.uniqueArray(
      fc.record({
        selectionPattern: fc.constantFrom('default', '2\\d{2}', '.*"error".*'),
        statusCode: fc.constantFrom('200', '400', '500'),
        responseParameters: fc.dictionary(
          fc.constantFrom('method.response.header.X-Rate'),
          fc.constantFrom("'*'", 'integration.response.header.x'),
          {
            maxKeys: 1,
          },
        ),
        responseTemplates: fc.dictionary(mediaType, fc.constantFrom("$input.json('$')"), { maxKeys: 1 }),
      }),
      { maxLength: 2, selector: (response) => response.selectionPattern },
    ),
    cacheKeyParameters: fc.uniqueArray(fc.constantFrom('method.request.path.id', 'method.request.querystring.q'), { maxLength: 2 }),
    cacheNamespace: fc.option(fc.constantFrom('ns1'), { nil: undefined }),
    passthroughBehavior: fc.option(fc.constantFrom('WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER') as fc.Arbitrary<'NEVER'>, {
      nil: undefined,
    }),
    contentHandling: fc.option(fc.constantFrom('CONVERT_TO_TEXT', 'CONVERT_TO_BINARY') as fc.Arbitrary<'CONVERT_TO_TEXT'>, {
      nil: undefined,
    }),
    timeoutInMillis: fc.option(fc.integer({ min: 50, max: 29_000 }), { nil: undefined }),
    responseTransferMode: fc.option(fc.constantFrom('STREAM', 'BUFFERED') as fc.Arbitrary<'STREAM'>, { nil: undefined }),
    tlsConfig: fc.option(fc.record({ insecureSkipVerification: fc.boolean() }), { nil: undefined }),
  },
  { requiredKeys: ['proxy', 'requestParameters', 'requestTemplates', 'responses', 'cacheKeyParameters'] },
);

const httpBinding: fc.Arbitrary<Partial<Omit<IntegrationBinding, 'integrationId'>>> = fc.record(
  {
    requestParameters: fc.dictionary(
      fc.constantFrom('overwrite:header.x', 'append:querystring.y'),
      fc.constantFrom('$request.header.x', "'v'"),
      {
        maxKeys: 2,
      },
    ),
    timeoutInMillis: fc.option(fc.integer({ min: 50, max: 30_000 }), { nil: undefined }),
    payloadFormatVersion: fc.option(fc.constantFrom('1.0', '2.0'), { nil: undefined }),
  },
  { requiredKeys: ['requestParameters'] },
);

const functionArn = fc.constantFrom(
  'arn:aws:lambda:us-east-1:123456789012:function:fn',
  'arn:aws:lambda:eu-west-1:123456789012:function:fn:live',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder, on purpose.
  'arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder, on purpose.
  'arn:aws:lambda:us-east-1:123456789012:function:fn:${stageVariables.alias}',
  'arn:aws-cn:lambda:cn-north-1:123456789012:function:fn',
);

const apiSettings: fc.Arbitrary<Partial<ApiSettings>> = fc.record(
  {
    description: optionalText,
    version: fc.constantFrom('1.0', '2', '1.10', '2024-01-01'),
    binaryMediaTypes: fc.uniqueArray(fc.constantFrom('image/png', '*/*'), { maxLength: 2 }),
    minimumCompressionSize: fc.option(fc.integer({ min: 0, max: 10_485_760 }), { nil: undefined }),
    apiKeySource: fc.constantFrom('HEADER', 'AUTHORIZER') as fc.Arbitrary<'HEADER'>,
    disableExecuteApiEndpoint: fc.boolean(),
    policy: fc.option(
      fc.constant({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: ['execute-api:/*'] }],
      }),
      { nil: undefined },
    ),
    securityPolicy: fc.option(fc.constantFrom('TLS_1_2', 'SecurityPolicy_TLS13_1_3_2025_09'), { nil: undefined }),
    endpointAccessMode: fc.option(fc.constantFrom('STRICT', 'BASIC'), { nil: undefined }),
    ipAddressType: fc.option(fc.constantFrom('ipv4', 'dualstack') as fc.Arbitrary<'ipv4'>, { nil: undefined }),
  },
  { requiredKeys: ['version', 'binaryMediaTypes', 'apiKeySource', 'disableExecuteApiEndpoint'] },
);

/**
 * The endpoint settings of an API edit as updateApi takes them for this design (the security policy and
 * access mode of a REST API only, a policy of its endpoint type, a mode only with an enhanced policy, no
 * IPv4 for a private API), so that the rest of the edit is not refused with them.
 */
function fitEndpointSettings(api: Partial<ApiSettings>, design: Design): Partial<ApiSettings> {
  const { securityPolicy, endpointAccessMode, ipAddressType, ...rest } = api;
  const fitted: Partial<ApiSettings> = { ...rest };
  const endpointType = api.endpointType ?? design.api.endpointType;
  if (ipAddressType !== undefined && !(design.api.type === 'REST' && endpointType === 'PRIVATE' && ipAddressType === 'ipv4'))
    fitted.ipAddressType = ipAddressType;
  if (design.api.type !== 'REST' || securityPolicy === undefined || !policyFitsEndpointType(securityPolicy, endpointType)) return fitted;
  fitted.securityPolicy = securityPolicy;
  if (endpointAccessMode !== undefined && isEnhancedPolicy(securityPolicy)) fitted.endpointAccessMode = endpointAccessMode;
  return fitted;
}

const cors = fc.record(
  {
    allowOrigins: fc.array(fc.constantFrom('*', 'https://a.example'), { maxLength: 2 }),
    allowMethods: fc.array(fc.constantFrom('GET', 'POST'), { maxLength: 2 }),
    allowHeaders: fc.array(fc.constantFrom('content-type', 'authorization'), { maxLength: 2 }),
    exposeHeaders: fc.array(fc.constantFrom('x-a'), { maxLength: 1 }),
    allowCredentials: fc.constant(false),
    maxAgeSeconds: fc.option(fc.integer({ min: 0, max: 86_400 }), { nil: undefined }),
  },
  { requiredKeys: ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'allowCredentials'] },
);

const gatewayResponse: fc.Arbitrary<GatewayResponse> = fc.record(
  {
    statusCode: fc.option(fc.constantFrom('401', '403', '500'), { nil: undefined }),
    responseParameters: fc.dictionary(fc.constantFrom('gatewayresponse.header.Access-Control-Allow-Origin'), fc.constantFrom("'*'"), {
      maxKeys: 1,
    }),
    responseTemplates: fc.dictionary(fc.constantFrom('application/json'), fc.constantFrom('{"message":$context.error.messageString}'), {
      maxKeys: 1,
    }),
  },
  { requiredKeys: ['responseParameters', 'responseTemplates'] },
);

/** One filling edit: which kind, which element (`at`), and the values it may use. */
export interface RichEdit {
  kind: number;
  at: number;
  doc: OperationDoc;
  apiKeyRequired: boolean;
  restBinding: Partial<Omit<IntegrationBinding, 'integrationId'>>;
  httpBinding: Partial<Omit<IntegrationBinding, 'integrationId'>>;
  functionArn: string;
  url: string;
  identitySource: string | undefined;
  ttl: number | undefined;
  scopes: string[];
  api: Partial<ApiSettings>;
  cors: ApiSettings['cors'];
  modelName: string;
  modelSchema: JsonObject;
  useModel: boolean;
  gatewayResponse: GatewayResponse;
  responseType: string;
  validatorName: string;
}

const richEdit: fc.Arbitrary<RichEdit> = fc.record({
  kind: fc.nat({ max: 10 }),
  at: fc.nat({ max: 30 }),
  doc,
  apiKeyRequired: fc.boolean(),
  restBinding,
  httpBinding,
  functionArn,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that looks like a placeholder, on purpose.
  url: fc.constantFrom('https://example.com/{proxy}', 'https://${stageVariables.host}/pets', 'http://petstore.example.com/pets?x=1'),
  identitySource: fc.constantFrom(
    undefined,
    'method.request.header.X-Token',
    'method.request.header.A, method.request.querystring.b',
    '$request.header.A',
  ),
  ttl: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
  scopes: fc.array(fc.constantFrom('read', 'pets/admin'), { maxLength: 2 }),
  api: apiSettings,
  cors: fc.option(cors, { nil: undefined }),
  modelName: fc.constantFrom('Pet', 'Pets', 'Error', 'M1'),
  modelSchema: fc.constantFrom<JsonObject>(
    { type: 'object', properties: { id: { type: 'integer' } } },
    { type: 'object', required: ['a'], properties: { a: { type: 'string', nullable: true } } },
    { title: 'T', type: 'object' },
  ),
  useModel: fc.boolean(),
  gatewayResponse,
  responseType: fc.constantFrom('DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED'),
  validatorName: fc.constantFrom('all', 'params-only', 'body only'),
});

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length > 0 ? list[n % list.length] : undefined);

/** Applies one filling edit; an edit the design refuses leaves it as it was. */
function applyRichEdit(design: Design, edit: RichEdit): Design {
  const step = (operation: (d: Design) => Design) => {
    const result = applyOperation(design, operation);
    return result.ok ? result.design : design;
  };
  const owners = [...valuesOf(design.methods), ...valuesOf(design.routes)];
  const owner = pick(owners, edit.at);
  const type = design.api.type;
  switch (edit.kind) {
    case 0:
    case 1: {
      if (!owner) return design;
      const model = edit.useModel ? pick(valuesOf(design.models), edit.at) : undefined;
      const written: OperationDoc = model
        ? {
            ...edit.doc,
            responses: [...edit.doc.responses, { statusCode: '299', headers: {}, content: { 'application/json': { modelId: model.id } } }],
          }
        : edit.doc;
      if ('routeKey' in owner) return step((d) => updateRoute(d, owner.id, written));
      return step((d) => updateMethod(d, owner.id, { ...written, apiKeyRequired: edit.apiKeyRequired }));
    }
    case 2:
      if (!owner?.integration) return design;
      return step((d) => updateBinding(d, owner.id, type === 'REST' ? edit.restBinding : edit.httpBinding));
    case 3: {
      const target = pick(valuesOf(design.integrations), edit.at);
      if (target?.kind === 'LAMBDA') return step((d) => updateIntegration(d, target.id, { functionArn: edit.functionArn }));
      if (target?.kind === 'HTTP') return step((d) => updateIntegration(d, target.id, { url: edit.url }));
      return design;
    }
    case 4: {
      const authorizer = pick(valuesOf(design.authorizers), edit.at);
      if (!authorizer) return design;
      const lambda = authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'LAMBDA_REQUEST';
      return step((d) =>
        updateAuthorizer(d, authorizer.id, {
          ...(edit.identitySource === undefined ? {} : { identitySource: edit.identitySource }),
          ...(edit.ttl === undefined || !lambda ? {} : { resultTtlSeconds: edit.ttl }),
          ...(lambda ? { functionArn: edit.functionArn } : {}),
        }),
      );
    }
    case 5:
      if (!owner?.authorizerId) return design;
      if ('routeKey' in owner) return step((d) => updateRoute(d, owner.id, { authorizationScopes: edit.scopes }));
      return step((d) => updateMethod(d, owner.id, { authorizationScopes: edit.scopes }));
    case 6:
      return step((d) =>
        updateApi(
          d,
          type === 'REST'
            ? fitEndpointSettings(edit.api, d)
            : { ...fitEndpointSettings(edit.api, d), ...(edit.cors ? { cors: edit.cors } : {}) },
        ),
      );
    case 7:
      return step((d) => addModel(d, { name: edit.modelName, contentType: 'application/json', schema: edit.modelSchema }));
    case 8:
      return step((d) => setGatewayResponse(d, edit.responseType, edit.gatewayResponse));
    case 9:
      return step((d) =>
        addRequestValidator(d, { name: edit.validatorName, validateRequestBody: true, validateRequestParameters: edit.apiKeyRequired }),
      );
    default: {
      const validator = pick(valuesOf(design.requestValidators), edit.at);
      if (!validator) return design;
      if (edit.useModel || !owner || 'routeKey' in owner) return step((d) => updateApi(d, { defaultRequestValidatorId: validator.id }));
      return step((d) => updateMethod(d, owner.id, { requestValidatorId: validator.id }));
    }
  }
}

const structuralEdit: fc.Arbitrary<RandomEdit> = fc.record({
  operation: fc.nat({ max: operationCount - 1 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom('', 'Pets', 'a b', 'constructor', '\u202E'), fc.string({ maxLength: 16 })),
});

/** A random design of one of `types`: a small start, structural edits, then filling edits. */
export function richDesign(types: readonly Design['api']['type'][] = ['REST', 'HTTP', 'WEBSOCKET']): fc.Arbitrary<Design> {
  return fc
    .tuple(fc.constantFrom(...types), fc.boolean(), fc.array(structuralEdit, { maxLength: 40 }), fc.array(richEdit, { maxLength: 40 }))
    .map(([type, rich, structural, filling]) => {
      let design = rich ? (type === 'REST' ? restPetStore() : type === 'HTTP' ? httpPets() : webSocketChat()) : emptyDesign(type);
      for (const edit of structural) {
        const result = applyOperation(design, toStep(edit));
        // An edit that changes the API type away from the ones asked for is skipped.
        if (result.ok && types.includes(result.design.api.type)) design = result.design;
      }
      for (const edit of filling) design = applyRichEdit(design, edit);
      return design;
    });
}
