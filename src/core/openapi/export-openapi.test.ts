import { describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import {
  addAuthorizer,
  addModel,
  addRoute,
  connectAuthorizer,
  type Design,
  deleteApiKey,
  deleteAuthorizers,
  deleteUsagePlan,
  disconnectAuthorizer,
  type JsonObject,
  updateApi,
  updateBinding,
  updateMethod,
} from '../model';
import { changeApiType } from '../model/operations/convert-api-type';
import { build, httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { addedResponseDescription } from './added-response';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import { redoclyErrors } from './testing/redocly-spec-rules';
import type { OpenApiVersion } from './types';

function documentOf(design: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** Export, import the export, export again: the two documents are the same. */
function expectStable(design: Design, version: OpenApiVersion): void {
  const first = documentOf(design, version);
  const again = importOpenApi(stringifyDocument(first, version === '3.0' ? 'json' : 'yaml'));
  if (!again.ok) throw new Error(again.error.message);
  expect(documentOf(again.design, version)).toEqual(first);
}

const gallery = examples.map((example) => [example.id, example.build()] as const).filter(([, design]) => design.api.type !== 'WEBSOCKET');

describe('exportOpenApi', () => {
  it.each(gallery)('the gallery example %s reads back to the same document, in each version its type allows', (_id, design) => {
    expectStable(design, '3.0');
    if (design.api.type === 'REST') expectStable(design, '2.0');
  });

  it.each([
    ['REST', '3.0'],
    ['REST', '2.0'],
    ['HTTP', '3.0'],
  ] as const)('a synthetic %s design reads back to the same document as %s', (apiType, version) => {
    expectStable(syntheticDesign({ operations: 400, seed: 3, apiType }), version);
  });

  it('neither changes the design nor shares objects with it', () => {
    const design = gallery[0]?.[1] as Design;
    const before = JSON.stringify(design);
    const document = documentOf(design, '3.0');
    expect(JSON.stringify(design)).toBe(before);
    const walk = (value: unknown) => {
      if (value && typeof value === 'object') {
        for (const key of Object.keys(value)) {
          walk((value as Record<string, unknown>)[key]);
          if (Array.isArray(value)) value.length = 0;
          else delete (value as Record<string, unknown>)[key];
        }
      }
    };
    walk(document);
    expect(JSON.stringify(design)).toBe(before);
  });

  it('declares every path variable as a path parameter, as OpenAPI requires and API Gateway expects', () => {
    // restPetStore's GET /pets/{petId} and httpPets' routes declare no parameters.
    const rest = restPetStore();
    expect(rest.methods[ids.mth('get')]?.parameters).toEqual([]);
    const declared = { name: 'petId', in: 'path', required: true };
    const oas3 = documentOf(rest, '3.0') as { paths: Record<string, { get: JsonObject }> };
    expect(oas3.paths['/pets/{petId}']?.get.parameters).toEqual([{ ...declared, schema: { type: 'string' } }]);
    const swagger = documentOf(rest, '2.0') as { paths: Record<string, { get: JsonObject }> };
    expect(swagger.paths['/pets/{petId}']?.get.parameters).toEqual([{ ...declared, type: 'string' }]);
    const http = build(httpPets(), (d) => addRoute(d, { routeKey: 'ANY /files/{proxy+}', id: ids.rte('files') }));
    const document = documentOf(http, '3.0') as { paths: Record<string, Record<string, JsonObject>> };
    expect(document.paths['/files/{proxy+}']?.['x-amazon-apigateway-any-method']?.parameters).toEqual([
      { name: 'proxy', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(document.paths['/pets']?.get?.parameters).toBeUndefined();
  });

  it("leaves out a model's $schema (API Gateway's console writes it; an OpenAPI schema may not hold it)", () => {
    const design = build(restPetStore(), (d) =>
      addModel(d, {
        name: 'Pet',
        contentType: 'application/json',
        schema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' },
      }),
    );
    for (const version of ['3.0', '2.0'] as const) {
      const result = exportOpenApi(design, { version });
      if (!result.ok) throw new Error(result.message);
      expect(JSON.stringify(result.document)).not.toContain('$schema');
      expect(result.notes.join(' ')).toMatch(/"\$schema" of a model/);
    }
  });

  it('refuses, naming the place, to write the key __proto__ that every import refuses', () => {
    const design = build(restPetStore(), (d) =>
      updateMethod(d, ids.mth('list'), {
        responses: [{ statusCode: '200', headers: { ['__proto__']: { schema: { type: 'string' } } }, content: {} }],
      }),
    );
    expect(exportOpenApi(design, { version: '3.0' })).toEqual({
      ok: false,
      message: expect.stringContaining('"__proto__" (at /paths/~1pets/get/responses/200/headers/__proto__)'),
    });
  });

  it('refuses an unknown OpenAPI version', () => {
    expect(exportOpenApi(gallery[0]?.[1] as Design, { version: '3.1' as OpenApiVersion })).toEqual({
      ok: false,
      message: expect.stringMatching(/Unknown OpenAPI version/),
    });
  });
});

describe('the API type survives a round trip', () => {
  const typeAfterRoundTrip = (design: Design, version: OpenApiVersion = '3.0') => {
    const again = importOpenApi(stringifyDocument(documentOf(design, version), 'yaml'));
    if (!again.ok) throw new Error(again.error.message);
    return again.design.api.type;
  };

  it('an HTTP API with REST-only settings left over is still read as an HTTP API', () => {
    // Settings the rules flag on an HTTP API (binary media types, compression, resource policy) are REST
    // signals; the export's own x-amazon-apigateway-importexport-version marks it an HTTP API export.
    const design = build(
      httpPets(),
      (d) => updateApi(d, { binaryMediaTypes: ['image/png'], minimumCompressionSize: 0, apiKeySource: 'AUTHORIZER' }),
      (d) => updateApi(d, { policy: { Version: '2012-10-17', Statement: [] } }),
    );
    expect(typeAfterRoundTrip(design)).toBe('HTTP');
  });

  it('an HTTP API converted from a REST API keeps its type although its bindings keep mapping templates', () => {
    const design = build(
      restPetStore(),
      (d) => updateBinding(d, ids.mth('list'), { requestTemplates: { 'application/json': '{}' } }),
      (d) =>
        updateBinding(d, ids.mth('create'), {
          responses: [{ selectionPattern: 'default', statusCode: '200', responseParameters: {}, responseTemplates: {} }],
        }),
      (d) => disconnectAuthorizer(d, ids.mth('create')),
      (d) => deleteAuthorizers(d, [ids.auth('users')]),
      (d) => deleteApiKey(d, ids.key('partner')),
      (d) => deleteUsagePlan(d, ids.plan('basic')),
      (d) => changeApiType(d, 'HTTP'),
    );
    expect(typeAfterRoundTrip(design)).toBe('HTTP');
  });

  it('a REST API converted from an HTTP API is written without the HTTP-only payload format versions, and stays REST', () => {
    const design = build(
      httpPets(),
      (d) => disconnectAuthorizer(d, ids.rte('create')),
      (d) => deleteAuthorizers(d, [ids.auth('jwt')]),
      (d) => addAuthorizer(d, { kind: 'LAMBDA_REQUEST', id: ids.auth('lambda') }),
      (d) => connectAuthorizer(d, ids.rte('create'), ids.auth('lambda')),
      (d) => changeApiType(d, 'REST'),
    );
    for (const version of ['3.0', '2.0'] as const) {
      const text = JSON.stringify(documentOf(design, version));
      expect(text).not.toMatch(/payloadFormatVersion|enableSimpleResponses/);
      expect(typeAfterRoundTrip(design, version)).toBe('REST');
    }
  });
});

/** The small documents below reproduce each class of export the official OpenAPI JSON Schemas refused. */
describe('exports the official schemas accept, whatever the design describes', () => {
  const mock = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } };

  function importDocument(document: JsonObject) {
    const result = importOpenApi(JSON.stringify(document));
    if (!result.ok) throw new Error(result.error.message);
    return result;
  }

  async function expectValid(document: JsonObject): Promise<void> {
    expect(officialSchemaErrors(document)).toEqual([]);
    expect(unresolvedReferences(document)).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([]);
  }

  type Operations = Record<string, Record<string, JsonObject>>;

  it("writes an operation that describes no responses (SAM's `responses: {}`) with one default response marked as Portico's, and reads it back as none", async () => {
    const { design } = importDocument({
      openapi: '3.0.1',
      info: { title: 'No responses', version: '1' },
      paths: {
        '/sam': { get: { responses: {}, 'x-amazon-apigateway-integration': mock } },
        '/none': { post: { 'x-amazon-apigateway-integration': mock } },
        '/own': { get: { responses: { default: { description: 'Default response' } }, 'x-amazon-apigateway-integration': mock } },
      },
    });
    const added = { default: { description: addedResponseDescription } };
    for (const version of ['3.0', '2.0'] as const) {
      const document = documentOf(design, version);
      const paths = document.paths as Operations;
      expect(paths['/sam']?.get?.responses).toEqual(added);
      expect(paths['/none']?.post?.responses).toEqual(added);
      // A default response of the document's own stays as it was.
      expect(paths['/own']?.get?.responses).toEqual({ default: { description: 'Default response' } });
      await expectValid(document);
      const again = importOpenApi(stringifyDocument(document, 'yaml'));
      if (!again.ok) throw new Error(again.error.message);
      expect(again.design).toEqual(design);
    }
    // Before: `responses: {}`, which both schemas refuse.
    expect(
      officialSchemaErrors({ openapi: '3.0.1', info: { title: 'T', version: '1' }, paths: { '/sam': { get: { responses: {} } } } }),
    ).toEqual(['/paths/~1sam/get/responses must NOT have fewer than 1 properties (limit: 1)']);
  });

  it('reports a reference that points at nothing at import, naming it and where, and leaves it out of the export', async () => {
    const result = importDocument({
      openapi: '3.0.1',
      info: { title: 'Dangling', version: '1' },
      paths: {
        '/items': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } },
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { next: { $ref: '#/components/schemas/Page', description: 'The next page' } } },
                  },
                },
              },
            },
            'x-amazon-apigateway-integration': mock,
          },
        },
      },
    });
    const notes = result.notes.map((note) => `${note.path}: ${note.message}`);
    expect(notes).toContainEqual(expect.stringMatching(/^paths\.\/items\.post.*: .*"#\/components\/schemas\/Empty"/));
    expect(notes).toContainEqual(expect.stringMatching(/^paths\.\/items\.post.*: .*"#\/components\/schemas\/Page"/));
    for (const version of ['3.0', '2.0'] as const) {
      const exported = exportOpenApi(result.design, { version });
      if (!exported.ok) throw new Error(exported.message);
      await expectValid(exported.document);
      expect(exported.notes).toContainEqual(
        expect.stringMatching(/"#\/(components\/schemas|definitions)\/Empty" points at nothing.*\/paths\/~1items\/post/),
      );
      const operation = (exported.document.paths as Operations)['/items']?.post as JsonObject;
      const text = JSON.stringify(operation);
      expect(text).not.toContain('$ref');
      // What stood beside a reference stays; the reference alone becomes the empty schema (any value).
      expect(text).toContain('"next":{"description":"The next page"}');
    }
    const oas3 = documentOf(result.design, '3.0').paths as Operations;
    expect(oas3['/items']?.post?.requestBody).toEqual({ content: { 'application/json': { schema: {} } } });
  });

  it('reports a Swagger 2.0 definition that is not there, and leaves it out', async () => {
    const result = importDocument({
      swagger: '2.0',
      info: { title: 'Dangling', version: '1' },
      paths: {
        '/items': {
          get: { produces: ['application/json'], responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Empty' } } } },
        },
      },
    });
    expect(result.notes.map((note) => note.message)).toContainEqual(expect.stringContaining('"#/definitions/Empty"'));
    const exported = documentOf(result.design, '2.0');
    await expectValid(exported);
    expect((exported.paths as Operations)['/items']?.get?.responses).toEqual({ '200': { description: 'OK', schema: {} } });
  });

  it('declares every path variable, and leaves out a path parameter its path does not name', async () => {
    const { design } = importDocument({
      openapi: '3.0.1',
      info: { title: 'Parameters', version: '1' },
      paths: { '/pets/{petId}/toys/{toyId}': { get: { responses: { '200': { description: 'OK' } } } } },
    });
    // A method moved from /pets/{petId} keeps a parameter no request can fill.
    const moved = build(restPetStore(), (d) =>
      updateMethod(d, ids.mth('list'), { parameters: [{ in: 'path', name: 'petId', required: true, schema: { type: 'string' } }] }),
    );
    for (const version of ['3.0', '2.0'] as const) {
      const document = documentOf(design, version);
      const parameters = (document.paths as Operations)['/pets/{petId}/toys/{toyId}']?.get?.parameters as JsonObject[];
      expect(parameters.map((parameter) => `${parameter.in} ${parameter.name} ${parameter.required}`)).toEqual([
        'path petId true',
        'path toyId true',
      ]);
      await expectValid(document);
      const result = exportOpenApi(moved, { version });
      if (!result.ok) throw new Error(result.message);
      expect((result.document.paths as Operations)['/pets']?.get?.parameters).toBeUndefined();
      expect(result.notes).toContainEqual(expect.stringMatching(/path parameter "petId" of GET \/pets is not part of its path/));
      await expectValid(result.document);
    }
  });

  it('writes Swagger 2.0 tags and scopes once each (its schema wants unique items)', async () => {
    const design = build(restPetStore(), (d) =>
      updateMethod(d, ids.mth('create'), { tags: ['pets', 'pets'], authorizationScopes: ['write', 'write'] }),
    );
    const swagger = documentOf(design, '2.0');
    const create = (swagger.paths as Operations)['/pets']?.post as JsonObject;
    expect(create.tags).toEqual(['pets']);
    expect(create.security).toEqual([{ [Object.keys((create.security as JsonObject[])[0] ?? {})[0] as string]: ['write'] }]);
    await expectValid(swagger);
    await expectValid(documentOf(design, '3.0'));
  });
});
