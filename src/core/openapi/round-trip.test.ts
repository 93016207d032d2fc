import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Authorizer,
  allResourcePaths,
  type BodyContent,
  checkDesign,
  type Design,
  type JsonValue,
  type Method,
  type MethodResponse,
  type Parameter,
  type Route,
  valuesOf,
} from '../model';
import { richDesign } from '../model/testing/rich-edits';
import { lintDesign } from '../rules';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import { redoclyErrors } from './testing/redocly-spec-rules';
import type { OpenApiVersion } from './types';

/**
 * Random designs made by the model's operations (structural edits, then documentation, bindings,
 * backends, authorizers, API settings, models, validators, gateway responses) survive an export and an
 * import: the parts OpenAPI carries come back equal, compared by path, verb, route key and name (ids may
 * differ), and every export is valid by the official OpenAPI JSON Schemas and Redocly (validity.test.ts).
 */

/** Fields each authorizer kind uses; the others may hold leftovers of an earlier kind, which no document carries. */
const authorizerFields: Record<Authorizer['kind'], (keyof Authorizer)[]> = {
  IAM: [],
  COGNITO_USER_POOLS: ['providerArns', 'identitySource'],
  LAMBDA_TOKEN: ['functionArn', 'rawAuthorizerUri', 'credentials', 'identitySource', 'identityValidationExpression', 'resultTtlSeconds'],
  LAMBDA_REQUEST: ['functionArn', 'rawAuthorizerUri', 'credentials', 'identitySource', 'resultTtlSeconds'],
  JWT: ['jwtIssuer', 'jwtAudience', 'identitySource'],
};

/** JSON with sorted keys and without undefined: equal data compares equal whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * What OpenAPI carries of a design, by natural keys, with the importer's documented normalisations
 * applied to both sides: path variables declared, path parameters the path does not name left out,
 * parameter and header schemas default to string, path parameters required, an empty response
 * description is none, responses in status code order (JSON object keys), a method response for each
 * integration response status (REST), 2.0 tags and scopes without repeats.
 */
function carried(design: Design, version: OpenApiVersion): unknown {
  const paths = allResourcePaths(design);
  const modelName = (body: BodyContent) => (body.modelId ? { model: design.models[body.modelId]?.name } : { schema: body.schema });
  const bodies = (content: Record<string, BodyContent>) =>
    Object.fromEntries(Object.entries(content).map(([type, body]) => [type, modelName(body)]));
  const owner = (item: Method | Route, path: string) => {
    // A path parameter the path does not name is left out of the export (export-openapi.ts).
    const named = [...path.matchAll(/\{([^}/]+?)\+?\}/g)].map((match) => match[1]);
    const parameters: Parameter[] = item.parameters
      .filter((parameter) => parameter.in !== 'path' || named.includes(parameter.name))
      .map((parameter) => ({
        ...parameter,
        schema: parameter.schema ?? { type: 'string' },
        required: parameter.in === 'path' || parameter.required,
      }));
    for (const match of path.matchAll(/\{([^}/]+?)\+?\}/g))
      if (!parameters.some((parameter) => parameter.in === 'path' && parameter.name === match[1]))
        parameters.push({ in: 'path', name: match[1] as string, required: true, schema: { type: 'string' } });
    const responses: MethodResponse[] = [...item.responses];
    if (design.api.type === 'REST' && item.integration)
      for (const response of item.integration.responses)
        if (!responses.some((candidate) => candidate.statusCode === response.statusCode))
          responses.push({ statusCode: response.statusCode, headers: {}, content: {} });
    responses.sort((a, b) => (a.statusCode < b.statusCode ? -1 : 1));
    const target = item.integration ? design.integrations[item.integration.integrationId] : undefined;
    const { integrationId: _id, typeCase: _case, payloadFormatVersion, ...binding } = item.integration ?? { integrationId: '' };
    const docs =
      version === '3.0'
        ? {
            parameters,
            requestBody: item.requestBody && { ...item.requestBody, content: bodies(item.requestBody.content) },
            responses: responses.map((response) => ({
              ...response,
              description: response.description || undefined,
              content: bodies(response.content),
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([name, header]) => [
                  name,
                  { ...header, schema: header.schema ?? { type: 'string' } },
                ]),
              ),
            })),
          }
        : // Swagger 2.0 has one schema per response and simple parameter types: its names and codes are compared.
          {
            parameters: parameters.map(({ in: place, name }) => `${place} ${name}`),
            responses: responses.map((response) => response.statusCode),
          };
    return {
      operationName: item.operationName,
      summary: item.summary,
      description: item.description,
      // Swagger 2.0 writes tags and scopes as unique items.
      tags: version === '2.0' ? [...new Set(item.tags)] : item.tags,
      deprecated: item.deprecated,
      ...docs,
      authorizer: item.authorizerId ? design.authorizers[item.authorizerId]?.name : undefined,
      scopes: version === '2.0' ? [...new Set(item.authorizationScopes)] : item.authorizationScopes,
      apiKeyRequired: design.api.type === 'REST' && item.apiKeyRequired,
      validator:
        'requestValidatorId' in item && item.requestValidatorId ? design.requestValidators[item.requestValidatorId]?.name : undefined,
      integration: target && {
        target: { ...target, id: undefined, name: undefined },
        // HTTP APIs always write a payload format (2.0 for Lambda, 1.0 otherwise); REST APIs have none.
        binding: {
          ...binding,
          payloadFormatVersion:
            design.api.type === 'HTTP' ? (payloadFormatVersion ?? (target.kind === 'LAMBDA' ? '2.0' : '1.0')) : undefined,
        },
      },
    };
  };
  const authorizers = Object.fromEntries(
    valuesOf(design.authorizers).map((authorizer) => {
      const fields: Record<string, unknown> = { kind: authorizer.kind };
      for (const field of authorizerFields[authorizer.kind]) fields[field] = authorizer[field];
      // A REST TOKEN or Cognito authorizer without a source reads the header its scheme names.
      if (design.api.type === 'REST' && (authorizer.kind === 'LAMBDA_TOKEN' || authorizer.kind === 'COGNITO_USER_POOLS'))
        fields.identitySource ??= 'method.request.header.Authorization';
      if (design.api.type === 'HTTP' && authorizer.kind === 'LAMBDA_REQUEST') {
        fields.payloadFormatVersion = authorizer.payloadFormatVersion;
        fields.enableSimpleResponses = authorizer.enableSimpleResponses;
      }
      return [authorizer.name, fields];
    }),
  );
  // A REST API's IP address type cannot come from OpenAPI (DG api-gateway-ip-address-type): HTTP APIs carry it.
  const { endpointType: _type, defaultRequestValidatorId, tags, cors, ipAddressType, ...api } = design.api;
  if (api.securityPolicy?.startsWith('SecurityPolicy_')) api.endpointAccessMode ??= 'STRICT';
  return {
    api: { ...api, ...(design.api.type === 'HTTP' ? { tags, cors, ipAddressType } : {}) },
    defaultValidator: defaultRequestValidatorId ? design.requestValidators[defaultRequestValidatorId]?.name : undefined,
    resources: [...paths.values()].sort(),
    methods: Object.fromEntries(
      valuesOf(design.methods).map((method) => {
        const path = paths.get(method.resourceId) ?? '';
        return [`${method.httpMethod} ${path}`, owner(method, path)];
      }),
    ),
    routes: Object.fromEntries(valuesOf(design.routes).map((route) => [route.routeKey, owner(route, route.routeKey)])),
    authorizers,
    models: Object.fromEntries(valuesOf(design.models).map(({ id: _id, contentType: _content, ...model }) => [model.name, model])),
    validators: Object.fromEntries(valuesOf(design.requestValidators).map(({ id: _id, ...validator }) => [validator.name, validator])),
    gatewayResponses: design.gatewayResponses,
  };
}

/**
 * Two design errors the export cannot mend without changing what the user deployed, each reported by a
 * design rule as an error: two operations with one operation name (the name is API Gateway's
 * operationName, kept as the user chose it; rule `duplicate-operation-name`) and two variable path parts
 * under one resource (API Gateway refuses them too; rule `path-parameter-siblings`). Redocly's finding
 * on either is expected when, and only when, the design rule reports it.
 */
const reportedByDesignRules: Record<string, string> = {
  'operation-operationId-unique': 'duplicate-operation-name',
  'no-identical-paths': 'path-parameter-siblings',
};

function isReportedByDesignRule(error: string, design: Design): boolean {
  const ruleId = reportedByDesignRules[error.slice(0, error.indexOf(':'))];
  return ruleId !== undefined && lintDesign(design).some((finding) => finding.ruleId === ruleId && finding.severity === 'error');
}

function versionsOf(design: Design): OpenApiVersion[] {
  return design.api.type === 'REST' ? ['3.0', '2.0'] : ['3.0'];
}

function exported(design: Design, version: OpenApiVersion) {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

describe('random designs through OpenAPI', () => {
  it('come back with the same API type and the same carried parts, in each version and format', () => {
    fc.assert(
      fc.property(richDesign(['REST', 'HTTP']), fc.constantFrom('json', 'yaml') as fc.Arbitrary<'json' | 'yaml'>, (design, format) => {
        expect(checkDesign(design)).toEqual([]);
        for (const version of versionsOf(design)) {
          const again = importOpenApi(stringifyDocument(exported(design, version), format));
          if (!again.ok) throw new Error(again.error.message);
          expect(again.design.api.type).toBe(design.api.type);
          expect(canonical(carried(again.design, version))).toBe(canonical(carried(design, version)));
        }
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("read back over themselves (the code view's Apply of an unedited export) keep every id, position and stage setting", () => {
    fc.assert(
      fc.property(richDesign(['REST', 'HTTP']), (design) => {
        const again = importOpenApi(stringifyDocument(exported(design, '3.0'), 'yaml'), { previous: design });
        if (!again.ok) throw new Error(again.error.message);
        const after = again.design;
        for (const part of ['resources', 'methods', 'routes', 'authorizers', 'integrations', 'models', 'requestValidators'] as const)
          expect(Object.keys(after[part]).sort(), part).toEqual(Object.keys(design[part]).sort());
        expect(after.stages).toEqual(design.stages);
        expect(after.usagePlans).toEqual(design.usagePlans);
        expect(after.apiKeys).toEqual(design.apiKeys);
        for (const [id, position] of Object.entries(design.layout))
          expect(after.layout[id as keyof Design['layout']], id).toEqual(position);
      }),
      { numRuns: 200, seed: 20261130 },
    );
  });

  it('export documents valid by the official OpenAPI JSON Schemas, with every reference resolving, and without Redocly errors', async () => {
    await fc.assert(
      fc.asyncProperty(richDesign(['REST', 'HTTP']), async (design) => {
        for (const version of versionsOf(design)) {
          const document = asDeployed(exported(design, version));
          expect(officialSchemaErrors(document)).toEqual([]);
          expect(unresolvedReferences(document)).toEqual([]);
          expect((await redoclyErrors(document)).filter((error) => !isReportedByDesignRule(error, design))).toEqual([]);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('the comparison sees a difference (so that the property can fail)', () => {
    const [design] = fc.sample(richDesign(['REST']), { numRuns: 1, seed: 1 }) as [Design];
    const changed: Design = { ...design, api: { ...design.api, name: `${design.api.name} changed` } };
    expect(canonical(carried(changed, '3.0'))).not.toBe(canonical(carried(design, '3.0')));
    const value: JsonValue = { b: 1, a: [2] };
    expect(canonical(value)).toBe('{"a":[2],"b":1}');
  });
});
