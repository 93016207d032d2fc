import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticDesign } from '../examples';
import {
  addIntegration,
  addStage,
  addUsagePlan,
  checkDesign,
  connectIntegration,
  type Design,
  designCards,
  emptyDesign,
  type Method,
  type MethodId,
  moveCards,
  parseDesign,
  resourcePath,
  setMethodOverride,
  setPlanMethodThrottle,
  updateApi,
  updateIntegration,
  updateUsagePlan,
  valuesOf,
} from '../model';
import { setTestSamples } from '../model/operations/test-samples';
import { coveredCards } from '../model/testing/card-overlaps';
import { build, ids, restPetStore } from '../model/testing/design-builder';
import { exportOpenApi } from './export-openapi';
import { targetIdentity } from './extensions/integration';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { ambiguousDocument, kinesisRestWithHttpExtensions, lambdaAuthtypeRest } from './testing/api-type-documents';
import { editedImport } from './testing/edited-import';
import type { ImportOptions, ImportResult } from './types';

const corpus = (name: string) => readFileSync(join(__dirname, '../../../../shared/corpus/real-world', name), 'utf8');

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  vi.restoreAllMocks();
});

function imported(text: string, options: ImportOptions = {}): Extract<ImportResult, { ok: true }> {
  const result = importOpenApi(text, options);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function failure(text: string): string {
  const result = importOpenApi(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error.message;
}

function notesOf(result: Extract<ImportResult, { ok: true }>): string {
  return result.notes.map((note) => `${note.path ?? ''} ${note.message}`).join('\n');
}

const doc = (extra: object) => JSON.stringify({ openapi: '3.0.1', info: { title: 'T', version: '1' }, paths: {}, ...extra });

describe('documents that are not OpenAPI', () => {
  it.each([
    ['[1, 2]', /top level is a list/],
    ['"openapi"', /top level is a single string/],
    ['null', /top level is empty/],
    ['42', /top level is a single number/],
    ['{"info": {"title": "x"}, "paths": {}}', /no "openapi" or "swagger" field/],
    ['{"openapi": "4.0.0", "paths": {}}', /4\.0\.0 is not supported/],
    ['{"swagger": "1.2", "apis": []}', /Swagger version "1\.2" is not supported/],
    ['{"openapi": {"v": 3}}', /should be a version/],
    ['AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n', /CloudFormation or SAM template/],
    ['asyncapi: 2.6.0\nchannels: {}\n', /AsyncAPI/],
    ['just some words', /top level is a single string/],
  ])('refuses %s saying what was expected', (text, message) => {
    expect(failure(text)).toMatch(message);
  });

  it('reads YAML versions written as numbers, and OpenAPI 3.1 with a note', () => {
    expect(imported('swagger: 2.0\ninfo: {title: x, version: "1"}\npaths: {}\n').version).toBe('2.0');
    expect(imported('openapi: 3.0\ninfo: {title: x, version: "1"}\npaths: {}\n').version).toBe('3.0');
    const newer = imported('openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\n');
    expect(notesOf(newer)).toMatch(/3\.1\.0 is newer/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          const result = importOpenApi(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on documents that look like OpenAPI with odd values everywhere, and every design it returns is consistent', () => {
    const anything = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constant({ $ref: '#/paths' }),
      fc.constant({ $ref: 'http://example.com/x' }),
    );
    const operation = fc.record(
      {
        parameters: fc.oneof(
          anything,
          fc.array(fc.record({ name: fc.string(), in: fc.constantFrom('path', 'query', 'header', 'cookie', 'body'), schema: anything })),
        ),
        responses: fc.oneof(anything, fc.dictionary(fc.constantFrom('200', '404', 'default'), anything)),
        security: anything,
        'x-amazon-apigateway-integration': fc.oneof(
          anything,
          fc.record({
            type: fc.constantFrom('aws', 'AWS_PROXY', 'http', 'http_proxy', 'mock', 'odd'),
            uri: anything,
            httpMethod: anything,
            responses: anything,
          }),
        ),
        'x-amazon-apigateway-auth': anything,
        'x-amazon-apigateway-request-validator': anything,
      },
      { requiredKeys: [] },
    );
    const document = fc.record(
      {
        openapi: fc.constantFrom('3.0.1', '3.0.3'),
        info: fc.oneof(anything, fc.record({ title: anything, version: anything })),
        paths: fc.oneof(
          anything,
          fc.dictionary(
            fc.oneof(fc.string(), fc.constantFrom('/a', '/a/{id}', '/{proxy+}', '$default', '/a/')),
            fc.dictionary(fc.constantFrom('get', 'post', 'x-amazon-apigateway-any-method', 'parameters', 'trace'), operation),
          ),
        ),
        components: fc.oneof(
          anything,
          fc.record({ schemas: anything, securitySchemes: fc.dictionary(fc.string(), anything) }, { requiredKeys: [] }),
        ),
        'x-amazon-apigateway-gateway-responses': anything,
        'x-amazon-apigateway-request-validators': anything,
        'x-amazon-apigateway-binary-media-types': anything,
        'x-amazon-apigateway-cors': anything,
        tags: anything,
        servers: anything,
      },
      { requiredKeys: ['openapi'] },
    );
    fc.assert(
      fc.property(document, (value) => {
        const result = importOpenApi(JSON.stringify(value));
        if (!result.ok) return;
        expect(checkDesign(result.design)).toEqual([]);
        expect(parseDesign(JSON.parse(JSON.stringify(result.design))).ok).toBe(true);
        const exported = exportOpenApi(result.design, { version: '3.0' });
        expect(exported.ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('references', () => {
  it('never fetches an external reference; it reports it and keeps schema references as written', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const result = imported(
      doc({
        paths: {
          '/a': {
            get: {
              parameters: [{ $ref: 'https://evil.example/params.yaml#/Limit' }],
              responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: './common.yaml#/Pet' } } } } },
            },
          },
        },
      }),
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    const notes = notesOf(result);
    expect(notes).toMatch(/external reference "https:\/\/evil\.example\/params\.yaml#\/Limit" was not followed/);
    expect(notes).toMatch(/external reference "\.\/common\.yaml#\/Pet" was kept as written/);
    const method = valuesOf(result.design.methods)[0];
    expect(method?.parameters).toEqual([]);
    expect(method?.responses[0]?.content['application/json']).toEqual({ schema: { $ref: './common.yaml#/Pet' } });
  });

  it('resolves local references to parameters, request bodies, responses, headers and path items (RFC 6901 escapes included)', () => {
    const result = imported(
      doc({
        paths: {
          '/a/{id}': {
            get: {
              parameters: [{ $ref: '#/components/parameters/Id' }],
              requestBody: { $ref: '#/components/requestBodies/Body' },
              responses: { '200': { $ref: '#/components/responses/Ok' } },
            },
          },
          '/b': { $ref: '#/paths/~1a~1%7Bid%7D' },
        },
        components: {
          parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
          requestBodies: { Body: { required: true, content: { 'application/json': { schema: { type: 'object' } } } } },
          responses: { Ok: { description: 'fine', headers: { 'X-Rate': { $ref: '#/components/headers/Rate' } } } },
          headers: { Rate: { description: 'rate', schema: { type: 'integer' } } },
        },
      }),
    );
    const methods = valuesOf(result.design.methods);
    expect(methods).toHaveLength(2);
    expect(methods[0]).toMatchObject({
      parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: [{ statusCode: '200', description: 'fine', headers: { 'X-Rate': { description: 'rate', schema: { type: 'integer' } } } }],
    });
  });

  it('reports circular and dangling references without looping', () => {
    const result = imported(
      doc({
        paths: {
          '/a': {
            get: { parameters: [{ $ref: '#/components/parameters/A' }, { $ref: '#/components/parameters/Missing' }], responses: {} },
          },
        },
        components: { parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } } },
      }),
    );
    expect(notesOf(result)).toMatch(/leads round in a circle/);
    expect(notesOf(result)).toMatch(/"#\/components\/parameters\/Missing" points at nothing/);
  });

  it('keeps recursive models as references (a tree of nodes) and stops a self-referring inline schema', () => {
    const result = imported(
      doc({
        paths: {
          '/tree': {
            get: {
              responses: {
                '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
                '201': { description: 'loop', content: { 'application/json': { schema: { $ref: '#/x-schemas/Loop' } } } },
              },
            },
          },
        },
        'x-schemas': { Loop: { type: 'object', properties: { next: { $ref: '#/x-schemas/Loop' } } } },
        components: {
          schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } },
        },
      }),
    );
    const model = valuesOf(result.design.models)[0];
    expect(model?.schema).toEqual({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
    });
    const responses = valuesOf(result.design.methods)[0]?.responses;
    expect(responses?.[0]?.content['application/json']).toEqual({ modelId: model?.id });
    expect(responses?.[1]?.content['application/json']).toEqual({
      schema: { type: 'object', properties: { next: { $ref: '#/x-schemas/Loop' } } },
    });
    expect(notesOf(result)).toMatch(/refers to itself/);
  });

  it('stops a reference fan-out bomb with a budget instead of expanding it', () => {
    const schemas: Record<string, object> = {};
    for (let level = 0; level < 10; level += 1)
      schemas[`L${level}`] = {
        type: 'object',
        properties: Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`p${index}`, { $ref: `#/x-schemas/L${level + 1}` }])),
      };
    schemas.L10 = { type: 'string' };
    const text = doc({
      'x-schemas': schemas,
      paths: {
        '/a': {
          get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/x-schemas/L0' } } } } } },
        },
      },
    });
    const start = performance.now();
    const result = imported(text);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(notesOf(result)).toMatch(/expand to too much data/);
  });
});

describe('paths', () => {
  it('builds the resource tree with intermediate resources, and normalises or leaves out paths API Gateway refuses', () => {
    const result = imported(
      doc({
        paths: {
          '/pets/{petId}/toys': { get: { responses: {} } },
          '/pets/': { post: { responses: {} } },
          owners: { get: { responses: {} } },
          '/pets{id}': { get: { responses: {} } },
          '/files/{proxy+}/x': { get: { responses: {} } },
          '/pets': { post: { responses: {} }, trace: { responses: {} }, foo: {} },
        },
      }),
    );
    const paths = valuesOf(result.design.resources).map((resource) => resourcePath(result.design, resource.id));
    expect(paths).toEqual(['/', '/pets', '/pets/{petId}', '/pets/{petId}/toys', '/owners']);
    const notes = notesOf(result);
    expect(notes).toMatch(/"\/pets\/" ends with "\/".*read as "\/pets"/);
    expect(notes).toMatch(/"owners" does not start with "\/"/);
    expect(notes).toMatch(/"\/pets\{id\}" was left out: "pets\{id\}" is not a path parameter/);
    expect(notes).toMatch(/\{proxy\+\} must be its last part/);
    expect(notes).toMatch(/POST \/pets appears twice/);
    expect(notes).toMatch(/no TRACE methods/);
    expect(notes).toMatch(/path-level "foo"/);
  });

  it('leaves a $default route out of a REST API (the type the user chose), with an error', () => {
    const text = doc({
      paths: {
        '/$default': { get: { responses: {} } },
        '/a': { get: { responses: {}, 'x-amazon-apigateway-integration': { type: 'mock' } } },
      },
    });
    const result = imported(text, { apiType: 'REST' });
    expect(result.design.api.type).toBe('REST');
    expect(notesOf(result)).toMatch(/\$default route exists only in HTTP APIs/);
    expect(result.notes).toContainEqual({
      message: 'Read as a REST API, as you chose, which cannot hold the $default route GET /$default (REST APIs have no catch-all route).',
      path: 'paths./$default.get',
      severity: 'error',
      rule: 'import/api-type',
    });
  });

  it('declares path parameters the path names but the operation leaves out', () => {
    const result = imported(doc({ paths: { '/a/{id}/{rest+}': { get: { responses: {} } } } }));
    expect(valuesOf(result.design.methods)[0]?.parameters).toEqual([
      { in: 'path', name: 'id', required: true, schema: { type: 'string' } },
      { in: 'path', name: 'rest', required: true, schema: { type: 'string' } },
    ]);
    expect(notesOf(result)).toMatch(/were declared \(2\)/);
  });

  it('keeps path names such as /constructor and operationIds such as toString as data', () => {
    const result = imported(doc({ paths: { '/constructor/{prototype}': { get: { operationId: 'toString', responses: {} } } } }));
    const method = valuesOf(result.design.methods)[0];
    expect(method?.operationName).toBe('toString');
    expect(resourcePath(result.design, method?.resourceId as never)).toBe('/constructor/{prototype}');
  });
});

describe('notes', () => {
  it('lists a message that arose in many places once, with a count', () => {
    const paths = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [
        `/p${index}`,
        { get: { 'x-amazon-apigateway-integration': { type: 'mock', responses: { default: { statusCode: '200' } } } } },
      ]),
    );
    const result = imported(doc({ paths }));
    const added = result.notes.filter((note) => note.message.startsWith('A method response 200 was added'));
    expect(added).toEqual([
      { path: 'paths./p0.get', message: expect.stringMatching(/\(and in 29 more places\)$/), severity: 'warning', rule: 'import/changed' },
    ]);
  });
});

describe('the API type: never a guess that drops anything', () => {
  const json = (value: object) => JSON.stringify(value);

  it('reads a REST API carrying HTTP-only extensions as REST, keeping its Kinesis aws integration', () => {
    const result = imported(json(kinesisRestWithHttpExtensions));
    expect(result.design.api.type).toBe('REST');
    const [method] = valuesOf(result.design.methods);
    const target = result.design.integrations[method?.integration?.integrationId as never];
    expect(target).toMatchObject({ kind: 'AWS_SERVICE', service: 'kinesis', actionOrPath: 'PutRecord' });
    expect(method?.integration?.requestTemplates['application/json']).toMatch(/StreamName/);
    expect(result.notes).toContainEqual(
      expect.objectContaining({
        severity: 'info',
        rule: 'import/api-type',
        message: expect.stringMatching(/as an HTTP API it would lose the aws integration/),
      }),
    );
    expect(result.notes).toContainEqual(
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/no effect on it: the CORS configuration/) }),
    );
  });

  it("reads AWS's REST example with a Lambda authorizer and a custom authtype as REST, with its method and its authorizer", () => {
    const result = imported(json(lambdaAuthtypeRest));
    expect(result.design.api.type).toBe('REST');
    const [method] = valuesOf(result.design.methods);
    const [authorizer] = valuesOf(result.design.authorizers);
    expect(authorizer).toMatchObject({ kind: 'LAMBDA_REQUEST', authType: 'Custom scheme with corporate claims' });
    expect(method?.authorizerId).toBe(authorizer?.id);
  });

  it('refuses an ambiguous document with what each type would lose, and reads it as the type chosen, listing what that drops as errors', () => {
    const text = json(ambiguousDocument);
    const refused = importOpenApi(text);
    if (refused.ok) throw new Error('expected the import to ask');
    expect(refused.error.message).toMatch(
      /could be a REST API or an HTTP API: as a REST API it loses the Lambda authorizer "simple".*as an HTTP API it loses the mock integration of GET \/health/,
    );
    expect(refused.ambiguous?.REST.map((loss) => loss.message)).toEqual([
      'the Lambda authorizer "simple", whose function answers with simple responses (REST authorizers must return an IAM policy)',
    ]);
    expect(refused.ambiguous?.HTTP).toHaveLength(1);

    const http = imported(text, { apiType: 'HTTP' });
    expect(http.design.api.type).toBe('HTTP');
    expect(
      valuesOf(http.design.routes)
        .map((route) => route.routeKey)
        .sort(),
    ).toEqual(['GET /health', 'GET /orders']);
    expect(http.notes.filter((note) => note.severity === 'error')).toEqual([
      {
        message:
          'Read as an HTTP API, as you chose, which cannot hold the mock integration of GET /health (HTTP APIs have no mock integrations).',
        path: 'paths./health.get.x-amazon-apigateway-integration',
        severity: 'error',
        rule: 'import/api-type',
      },
    ]);
    const rest = imported(text, { apiType: 'REST' });
    expect(rest.design.api.type).toBe('REST');
    expect(rest.notes.filter((note) => note.severity === 'error').map((note) => note.path)).toContain('components.securitySchemes.simple');
  });

  it('reads Swagger 2.0 as REST even when HTTP is asked for, and says so', () => {
    const result = imported(JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} }), { apiType: 'HTTP' });
    expect(result.design.api.type).toBe('REST');
    expect(notesOf(result)).toMatch(/Swagger 2\.0 documents are REST APIs only/);
  });

  it("reads an edited export as the type of the design it updates (the code view's Apply)", () => {
    const previous = imported(json(ambiguousDocument), { apiType: 'HTTP' }).design;
    const again = importOpenApi(json(ambiguousDocument), { previous });
    expect(again.ok && again.design.api.type).toBe('HTTP');
  });

  it('never reads a corpus document as a type that drops an operation, an integration or an authorizer', () => {
    const folder = join(__dirname, '../../../../shared/corpus/real-world');
    for (const name of readdirSync(folder).filter((file) => /\.(json|ya?ml)$/.test(file))) {
      const result = importOpenApi(readFileSync(join(folder, name), 'utf8'));
      expect(result.ok, name).toBe(true);
      if (result.ok)
        expect(
          result.notes.filter((note) => note.rule === 'import/api-type' && note.severity === 'error'),
          name,
        ).toEqual([]);
    }
  });
});

describe('ids and layout', () => {
  it('gives the same document the same design, with counting ids', () => {
    const text = corpus('petstore-http-mock-rest.json');
    const first = imported(text).design;
    expect(imported(text).design).toEqual(first);
    expect(Object.keys(first.methods).slice(0, 3)).toEqual(['mth_1', 'mth_2', 'mth_3']);
    expect(Object.keys(first.resources)).toEqual(['res_root', 'res_1', 'res_2']);
    expect(Object.keys(first.integrations)).toEqual(['int_1', 'int_2', 'int_3', 'int_4']);
  });

  it('lays out every card of the canvas, none covering another', () => {
    const design = imported(corpus('dynamodb-gateway-responses-validators-rest.yaml')).design;
    const cards = designCards(design).cards.map((card) => card.id as string);
    expect(Object.keys(design.layout).sort()).toEqual(cards.sort());
    expect(coveredCards(design)).toEqual([]);
  });

  it('shares one integration target between the methods that call the same backend', () => {
    const design = imported(corpus('lambda-token-authorizer-validators-gateway-responses-rest.yaml')).design;
    expect(Object.keys(design.methods)).toHaveLength(13);
    expect(valuesOf(design.integrations).map((target) => target.name)).toEqual([
      'LocationsFunction',
      'ResourcesFunction',
      'BookingsFunction',
    ]);
  });
});

describe("re-importing an edited export (the code view's Apply)", () => {
  it('keeps ids, positions, stages, usage plans and integration labels of what is still there', () => {
    const first = imported(corpus('awsdocs-api-as-lambda-proxy-export-swagger-with-extensions-0.json')).design;
    const [list, create, calc] = Object.keys(first.methods) as MethodId[];
    const target = Object.keys(first.integrations)[0] as keyof Design['integrations'];
    const listCard = first.methods[list as MethodId]?.resourceId as keyof Design['layout'];
    const previous = build(
      first,
      (d) => moveCards(d, { [listCard]: { x: 999, y: 111 } }),
      (d) => updateIntegration(d, target, { name: 'Calculator', description: 'The calc function' }),
      (d) => addStage(d, { name: 'prod' }),
      (d) => setMethodOverride(d, d.stageOrder[0] as never, create as MethodId, { cachingEnabled: true }),
      (d) => setMethodOverride(d, d.stageOrder[0] as never, calc as MethodId, { cachingEnabled: true }),
      (d) => addUsagePlan(d, { name: 'Gold' }),
      (d) => {
        const plan = valuesOf(d.usagePlans)[0];
        return plan ? updateUsagePlan(d, plan.id, { stages: [{ stageId: d.stageOrder[0] as never, methodThrottles: {} }] }) : d;
      },
      (d) => {
        const plan = valuesOf(d.usagePlans)[0];
        return plan ? setPlanMethodThrottle(d, plan.id, d.stageOrder[0] as never, calc as MethodId, { rateLimit: 1, burstLimit: 2 }) : d;
      },
    );
    // The edit removes /calc/{operand1}/{operand2}/{operator} and adds /health.
    const result = editedImport(previous, (text) =>
      text.replace(/\n {2}\/calc\/\{operand1\}[\s\S]*?(?=\n {2}\/|\ncomponents:)/, '\n  /health:\n    get:\n      responses: {}'),
    );
    const design = result.design;
    expect(Object.keys(design.methods)).toEqual([list, create, 'mth_4']);
    expect(design.layout[listCard]).toEqual({ x: 999, y: 111 });
    expect(design.integrations[target]).toMatchObject({ name: 'Calculator', description: 'The calc function' });
    expect(design.stageOrder).toEqual(previous.stageOrder);
    const stage = design.stages[design.stageOrder[0] as never];
    expect(Object.keys(stage?.methodOverrides ?? {})).toEqual([create]);
    expect(valuesOf(design.usagePlans)[0]?.stages[0]?.methodThrottles).toEqual({});
    expect(notesOf(result)).toMatch(/2 stage or usage plan settings of methods or routes that are gone were removed/);
    expect(checkDesign(design)).toEqual([]);
  });

  it('reads REST CORS from the preflights, drops it with a note when they were removed, and keeps it when the document could not carry it', () => {
    const cors = {
      allowOrigins: ['https://app.example.com'],
      allowMethods: [],
      allowHeaders: [],
      exposeHeaders: [],
      allowCredentials: false,
    };
    const previous = build(restPetStore(), (d) => updateApi(d, { cors }));
    expect(editedImport(previous, (text) => text).design.api.cors).toMatchObject({ allowOrigins: ['https://app.example.com'] });
    // The edit removes every OPTIONS preflight: the user took CORS away, and Apply must not bring it back.
    const exported = exportOpenApi(previous, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const document = structuredClone(exported.document);
    for (const item of Object.values(document.paths as Record<string, Record<string, unknown>>)) delete item.options;
    const removed = importOpenApi(stringifyDocument(document, 'yaml'), { previous });
    if (!removed.ok) throw new Error(removed.error.message);
    expect(removed.design.api.cors).toBeUndefined();
    expect(notesOf(removed)).toMatch(/no CORS preflights .* any more, so the CORS settings were removed/);
    // A REST API without methods has nowhere to write preflights: its CORS settings stay through an edit.
    const empty = build(emptyDesign('REST', 'Nothing yet'), (d) => updateApi(d, { cors }));
    const edited = editedImport(empty, (text) => text.replace('title: Nothing yet', 'title: Still nothing'));
    expect(edited.design.api.name).toBe('Still nothing');
    expect(edited.design.api.cors).toEqual(cors);
  });

  it("keeps the test bench's samples of a method that is still there (Portico's own data, in no document)", () => {
    const base = restPetStore();
    const method = (Object.values(base.methods) as Method[]).find((candidate) => candidate.integration);
    if (!method?.integration) throw new Error('the pet store has no integrated method');
    const samples = {
      request: { pathParameters: {}, queryStringParameters: { limit: '2' }, headers: {}, body: '', context: {} },
      response: { statusCode: '200', headers: {}, body: '[]' },
    };
    const previous = build(base, (d) => setTestSamples(d, method.id, samples));
    const design = editedImport(previous, (text) => text).design;
    expect(design.methods[method.id]?.integration?.testSamples).toEqual(samples);
  });

  it('keeps a backend no method uses (it is in no document, so an edit cannot have removed it)', () => {
    const previous = build(restPetStore(), (d) => addIntegration(d, { kind: 'HTTP', id: ids.int('web'), position: { x: 9, y: 9009 } }));
    const design = editedImport(previous, (text) => text).design;
    expect(design.integrations[ids.int('web')]).toEqual(previous.integrations[ids.int('web')]);
    expect(design.layout[ids.int('web')]).toEqual({ x: 9, y: 9009 });
    expect(checkDesign(design)).toEqual([]);
  });

  it('keeps two backends with the same address apart (a pasted copy), each with the methods that call it', () => {
    const previous = build(
      restPetStore(),
      (d) => addIntegration(d, { kind: 'LAMBDA', id: ids.int('copy'), name: 'Copy' }),
      (d) => connectIntegration(d, ids.mth('get'), ids.int('copy')),
    );
    const design = editedImport(previous, (text) => text).design;
    expect(Object.keys(design.integrations).sort()).toEqual([ids.int('copy'), ids.int('fn')]);
    expect(design.methods[ids.mth('get')]?.integration?.integrationId).toBe(ids.int('copy'));
    expect(design.methods[ids.mth('list')]?.integration?.integrationId).toBe(ids.int('fn'));
    expect(design.integrations[ids.int('copy')]?.name).toBe('Copy');
  });

  it('gives new elements ids that no element of the previous design had', () => {
    const previous = imported(corpus('petstore-http-mock-rest.json')).design;
    const result = editedImport(previous, (text) => text.replace('paths:\n', 'paths:\n  /zoo:\n    get:\n      responses: {}\n'));
    const newIds = Object.keys(result.design.methods).filter((id) => !Object.hasOwn(previous.methods, id));
    expect(newIds).toEqual(['mth_9']);
    const zoo = result.design.methods['mth_9' as MethodId];
    expect(zoo && resourcePath(result.design, zoo.resourceId)).toBe('/zoo');
  });
});

describe('scale', () => {
  it('imports a 1,000-operation export into the same resources and methods', () => {
    const design = syntheticDesign({ operations: 1000, seed: 42 });
    const exported = exportOpenApi(design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const result = imported(stringifyDocument(exported.document, 'json'));
    expect(Object.keys(result.design.methods)).toHaveLength(1000);
    expect(Object.keys(result.design.resources)).toHaveLength(Object.keys(design.resources).length);
    // Targets with the same kind, URI and credentials (the synthetic design's mocks, say) become one.
    const used = new Set(valuesOf(design.methods).map((method) => method.integration?.integrationId));
    const identities = new Set(
      valuesOf(design.integrations)
        .filter((target) => used.has(target.id))
        .map((target) => targetIdentity(target)),
    );
    expect(Object.keys(result.design.integrations)).toHaveLength(identities.size);
  });
});
