import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addIntegration,
  addMethod,
  type CorsConfiguration,
  connectIntegration,
  type Design,
  isJsonObject,
  type JsonObject,
  type Method,
  setGatewayResponse,
  updateApi,
  updateBinding,
  valuesOf,
} from '../model';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { findGeneratedCors } from './rest-cors';
import { stringifyDocument } from './stringify';
import { officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import { redoclyErrors } from './testing/redocly-spec-rules';
import type { OpenApiVersion } from './types';

const appCors: CorsConfiguration = {
  allowOrigins: ['https://app.example.com'],
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Content-Type', 'Authorization'],
  exposeHeaders: ['X-Request-Id'],
  allowCredentials: true,
  maxAgeSeconds: 600,
};

function withCors(cors: CorsConfiguration = appCors, design: Design = restPetStore()): Design {
  return build(design, (d) => updateApi(d, { cors }));
}

function documentOf(design: Design, version: OpenApiVersion, profile?: 'public'): JsonObject {
  const result = exportOpenApi(design, profile ? { version, profile } : { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

function reimported(document: JsonObject, version: OpenApiVersion): Design {
  const result = importOpenApi(stringifyDocument(document, version === '3.0' ? 'json' : 'yaml'));
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

const paths = (document: JsonObject) => document.paths as Record<string, JsonObject>;
function optionsAt(document: JsonObject, path: string): JsonObject {
  const options = paths(document)[path]?.options;
  if (!isJsonObject(options)) throw new Error(`No OPTIONS method at ${path}`);
  return options;
}
const integrationOf = (operation: JsonObject) => operation['x-amazon-apigateway-integration'] as JsonObject;
const gatewayResponses = (document: JsonObject) => document['x-amazon-apigateway-gateway-responses'] as Record<string, JsonObject>;
const verbsOf = (design: Design) => (valuesOf(design.methods) as Method[]).map((method) => method.httpMethod).sort();

describe('a REST API with CORS exports OpenAPI with the OPTIONS methods and gateway responses', () => {
  it.each(['3.0', '2.0'] as const)(
    'as %s: a Mock OPTIONS method on every resource with methods, valid by the official schemas',
    async (version) => {
      const document = documentOf(withCors(), version);
      expect(officialSchemaErrors(document)).toEqual([]);
      expect(unresolvedReferences(document)).toEqual([]);
      expect(await redoclyErrors(document)).toEqual([]);
      // The root has no methods, so no preflight either.
      expect(paths(document)['/']).toBeUndefined();
      for (const path of ['/pets', '/pets/{petId}']) {
        const options = optionsAt(document, path);
        expect(options, path).toBeDefined();
        const integration = integrationOf(options);
        expect(integration).toMatchObject({
          type: 'mock',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
          responses: {
            default: {
              statusCode: '200',
              responseParameters: {
                'method.response.header.Access-Control-Allow-Origin': "'https://app.example.com'",
                'method.response.header.Access-Control-Allow-Methods': "'GET,POST'",
                'method.response.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
                'method.response.header.Access-Control-Allow-Credentials': "'true'",
                'method.response.header.Access-Control-Max-Age': "'600'",
                'method.response.header.Access-Control-Expose-Headers': "'X-Request-Id'",
                'method.response.header.Vary': "'Origin'",
              },
            },
          },
        });
        const response = (options.responses as JsonObject)['200'] as JsonObject;
        expect(Object.keys(response.headers as JsonObject).sort()).toEqual([
          'Access-Control-Allow-Credentials',
          'Access-Control-Allow-Headers',
          'Access-Control-Allow-Methods',
          'Access-Control-Allow-Origin',
          'Access-Control-Expose-Headers',
          'Access-Control-Max-Age',
          'Vary',
        ]);
      }
      // OpenAPI requires every path variable declared, the preflight's too.
      expect(optionsAt(document, '/pets/{petId}').parameters).toEqual([
        expect.objectContaining({ name: 'petId', in: 'path', required: true }),
      ]);
      for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX'])
        expect(gatewayResponses(document)[type]?.responseParameters).toMatchObject({
          'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'",
          'gatewayresponse.header.Access-Control-Allow-Methods': "'GET,POST'",
          'gatewayresponse.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
          'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'",
        });
    },
  );

  it('writes every method and the CDK default headers when the settings list none, as the console does for *', () => {
    const cors: CorsConfiguration = {
      allowOrigins: ['*'],
      allowMethods: ['*'],
      allowHeaders: [],
      exposeHeaders: [],
      allowCredentials: false,
    };
    const parameters = (integrationOf(optionsAt(documentOf(withCors(cors), '3.0'), '/pets')).responses as JsonObject).default as JsonObject;
    expect(parameters.responseParameters).toEqual({
      'method.response.header.Access-Control-Allow-Headers':
        "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent'",
      'method.response.header.Access-Control-Allow-Origin': "'*'",
      'method.response.header.Access-Control-Allow-Methods': "'OPTIONS,GET,PUT,POST,DELETE,PATCH,HEAD'",
    });
  });

  it("merges the CORS headers into the design's own gateway responses and never drops them", () => {
    const design = build(
      withCors(),
      (d) =>
        setGatewayResponse(d, 'DEFAULT_4XX', {
          statusCode: '400',
          responseParameters: {},
          responseTemplates: { 'application/json': '{"error":$context.error.messageString}' },
        }),
      (d) =>
        setGatewayResponse(d, 'DEFAULT_5XX', {
          responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://ops.example.com'" },
          responseTemplates: {},
        }),
      (d) => setGatewayResponse(d, 'UNAUTHORIZED', { statusCode: '401', responseParameters: {}, responseTemplates: {} }),
    );
    const responses = gatewayResponses(documentOf(design, '3.0'));
    expect(responses.DEFAULT_4XX).toMatchObject({
      statusCode: '400',
      responseTemplates: { 'application/json': '{"error":$context.error.messageString}' },
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'" },
    });
    // A response that sets its own CORS header keeps it, and gains none.
    expect(responses.DEFAULT_5XX).toEqual({
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://ops.example.com'" },
    });
    expect(responses.UNAUTHORIZED).toEqual({ statusCode: '401' });
  });

  it("leaves a resource's own OPTIONS method alone, and writes no preflight into the public document", () => {
    const design = build(withCors(), (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'OPTIONS', id: ids.mth('own') }));
    const document = documentOf(design, '3.0');
    expect(integrationOf(optionsAt(document, '/pets'))).toBeUndefined();
    expect(paths(document)['/pets/{petId}']?.options).toBeDefined();
    expect(paths(documentOf(withCors(), '3.0', 'public'))['/pets']?.options).toBeUndefined();
  });

  it('answers a second allowed origin with a template that echoes it, and says so', () => {
    const cors = { ...appCors, allowOrigins: ['https://app.example.com', 'https://admin.example.com'] };
    const result = exportOpenApi(withCors(cors), { version: '3.0' });
    if (!result.ok) throw new Error(result.message);
    const answer = (integrationOf(optionsAt(result.document, '/pets')).responses as JsonObject).default as JsonObject;
    expect((answer.responseTemplates as JsonObject)['application/json']).toContain('$origin == "https://admin.example.com"');
    expect(result.notes.join('\n')).toMatch(/echo the other allowed origins/);
  });

  it('writes no preflight when CORS lists no origin, and says so', () => {
    const result = exportOpenApi(withCors({ ...appCors, allowOrigins: [] }), { version: '3.0' });
    if (!result.ok) throw new Error(result.message);
    expect(paths(result.document)['/pets']?.options).toBeUndefined();
    expect(result.document['x-amazon-apigateway-gateway-responses']).toBeUndefined();
    expect(result.notes).toContain('CORS lists no allowed origin, so no preflight (OPTIONS) methods are written.');
  });

  it('opens the preflight when the document requires authorization at its root (browsers send no credentials with it)', () => {
    const design = build(withCors(), (d) => updateApi(d, { extensions: { security: [{ api_key: [] }] } }));
    expect(optionsAt(documentOf(design, '3.0'), '/pets').security).toEqual([]);
  });
});

describe('reading the preflights back', () => {
  it.each(['3.0', '2.0'] as const)(
    'as %s: export → import → export is stable, and the OPTIONS methods read back as the CORS settings',
    (version) => {
      const design = build(withCors({ ...appCors, allowOrigins: ['https://app.example.com', 'https://admin.example.com'] }), (d) =>
        setGatewayResponse(d, 'DEFAULT_4XX', { statusCode: '400', responseParameters: {}, responseTemplates: {} }),
      );
      const first = documentOf(design, version);
      const again = reimported(first, version);
      expect(again.api.cors).toEqual(design.api.cors);
      expect(verbsOf(again)).toEqual(verbsOf(design));
      expect(again.gatewayResponses).toEqual(design.gatewayResponses);
      expect(documentOf(again, version)).toEqual(first);
    },
  );

  it('reads every method and the default headers back as the API panel writes them', () => {
    const cors: CorsConfiguration = {
      allowOrigins: ['*'],
      allowMethods: ['*'],
      allowHeaders: [],
      exposeHeaders: [],
      allowCredentials: false,
    };
    expect(reimported(documentOf(withCors(cors), '3.0'), '3.0').api.cors).toEqual(cors);
  });

  it('keeps a hand-made OPTIONS method as a method, beside the generated ones', () => {
    const design = build(
      withCors(),
      (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'OPTIONS', id: ids.mth('own') }),
      (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }),
      (d) => connectIntegration(d, ids.mth('own'), ids.int('mock')),
      (d) =>
        updateBinding(d, ids.mth('own'), {
          responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
        }),
    );
    const first = documentOf(design, '3.0');
    const again = reimported(first, '3.0');
    expect(again.api.cors).toEqual(appCors);
    expect(verbsOf(again)).toEqual(['GET', 'GET', 'OPTIONS', 'POST']);
    expect(documentOf(again, '3.0')).toEqual(first);
  });

  it('keeps the OPTIONS methods of a document they do not fit exactly (the corpus express API, a path without one, two settings)', () => {
    const corpus = readFileSync(join(__dirname, '../../../../shared/corpus/real-world/express-proxy-binary-cors-mock-rest.yaml'), 'utf8');
    const imported = importOpenApi(corpus);
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.design.api.cors).toBeUndefined();
    expect(verbsOf(imported.design).filter((verb) => verb === 'OPTIONS')).toHaveLength(2);

    const document = documentOf(withCors(), '3.0');
    const withoutOne = structuredClone(document);
    delete (paths(withoutOne)['/pets'] as JsonObject).options;
    expect(findGeneratedCors(withoutOne, '3.0')).toBeUndefined();
    const twoSettings = structuredClone(document);
    (paths(twoSettings)['/pets'] as JsonObject).options = optionsAt(
      documentOf(withCors({ ...appCors, maxAgeSeconds: 60 }), '3.0'),
      '/pets',
    );
    expect(findGeneratedCors(twoSettings, '3.0')).toBeUndefined();
    const edited = structuredClone(document);
    const answer = (integrationOf(optionsAt(edited, '/pets')).responses as JsonObject).default as JsonObject;
    (answer.responseParameters as JsonObject)['method.response.header.X-Extra'] = "'1'";
    const found = findGeneratedCors(edited, '3.0');
    // The edited one is hand-made now; the other is still a generated preflight.
    expect(found?.paths).toEqual(['/pets/{petId}']);
    const read = reimported(edited, '3.0');
    expect(verbsOf(read)).toEqual(['GET', 'GET', 'OPTIONS', 'POST']);
  });

  it('takes the CORS headers out of the gateway responses only when all of them are the generated ones', () => {
    const document = documentOf(withCors(), '3.0');
    const found = findGeneratedCors(document, '3.0');
    expect(found?.document['x-amazon-apigateway-gateway-responses']).toEqual({});
    const changed = structuredClone(document);
    const parameters = gatewayResponses(changed).DEFAULT_4XX?.responseParameters as JsonObject;
    parameters['gatewayresponse.header.Access-Control-Allow-Origin'] = "'https://other.example.com'";
    const kept = findGeneratedCors(changed, '3.0')?.document['x-amazon-apigateway-gateway-responses'];
    expect(isJsonObject(kept) && Object.keys(kept)).toEqual(['DEFAULT_4XX']);
  });
});
