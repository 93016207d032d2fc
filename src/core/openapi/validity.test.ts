import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples, syntheticDesign } from '../examples';
import type { Design, JsonObject } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import { redoclyErrors } from './testing/redocly-spec-rules';
import type { OpenApiVersion } from './types';

/**
 * Every export is valid OpenAPI, checked two ways:
 *
 * 1. By the OpenAPI Initiative's own JSON Schemas (OpenAPI 3.0: schema 2021-09-28; Swagger 2.0:
 *    swagger.io/v2/schema.json), with ajv and every format checked (testing/official-schemas.ts says
 *    which package ships them and why), every local `$ref` resolving and every security requirement
 *    naming a declared scheme. This is what consumers that "validate OpenAPI" apply: an operation
 *    without responses (`responses: {}`) fails here ("must NOT have fewer than 1 properties"), which
 *    Redocly's `minimal` ruleset let pass. A document that keeps CloudFormation intrinsics (SAM's
 *    `info.title: !Sub …`, exported unchanged) is judged as CloudFormation hands it to API Gateway,
 *    with each intrinsic resolved (`asDeployed`).
 * 2. By Redocly's openapi-core: `minimal` plus the rules of `recommended` that enforce a MUST of the
 *    specification which a JSON Schema cannot express (testing/redocly-spec-rules.ts lists them, each
 *    with its sentence, and says why the rest of `recommended`, style, is left out).
 */
function versionsOf(design: Design): OpenApiVersion[] {
  return design.api.type === 'REST' ? ['3.0', '2.0'] : design.api.type === 'HTTP' ? ['3.0'] : [];
}

async function expectValid(design: Design, version: OpenApiVersion, stageName?: string): Promise<void> {
  const exported = exportOpenApi(design, stageName === undefined ? { version } : { version, stageName });
  if (!exported.ok) throw new Error(exported.message);
  const deployed = asDeployed(exported.document);
  expect(officialSchemaErrors(deployed)).toEqual([]);
  expect(unresolvedReferences(deployed)).toEqual([]);
  expect(await redoclyErrors(deployed)).toEqual([]);
}

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const corpus = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

describe('the validators find errors (so that the checks below can fail)', () => {
  const operation = (extra: JsonObject = {}): JsonObject => ({ responses: { '200': { description: 'OK' } }, ...extra });

  it('the official 3.0 schema refuses an operation without responses, and a title that is not text', () => {
    const document: JsonObject = { openapi: '3.0.1', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: {} } } } };
    expect(officialSchemaErrors(document)).toContain('/paths/~1a/get/responses must NOT have fewer than 1 properties (limit: 1)');
    const intrinsic: JsonObject = { openapi: '3.0.1', info: { title: { 'Fn::Sub': 'AWS::StackName-API' }, version: '1' }, paths: {} };
    expect(officialSchemaErrors(intrinsic)).toEqual(['/info/title must be string (type: "string")']);
    // As CloudFormation deploys it, the title is text.
    expect(officialSchemaErrors(asDeployed(intrinsic))).toEqual([]);
    expect(asDeployed(intrinsic).info).toEqual({ title: 'resolved-by-cloudformation', version: '1' });
  });

  it('an x-amazon-apigateway-any-method is checked as the Operation Object it is (isDefaultRoute aside)', () => {
    const any = (operation: JsonObject): JsonObject => ({
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: { '/{proxy+}': { 'x-amazon-apigateway-any-method': operation } },
    });
    expect(officialSchemaErrors(any({ responses: {} }))).toEqual([
      '/paths/~1{proxy+}/x-amazon-apigateway-any-method/responses must NOT have fewer than 1 properties (limit: 1)',
    ]);
    expect(officialSchemaErrors(any({ isDefaultRoute: true, responses: { default: { description: 'D' } } }))).toEqual([]);
  });

  it('the official 2.0 schema refuses responses with extensions only, and a pattern that is no regular expression', () => {
    const responses = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/a': { get: { responses: { 'x-a': 1 } } } } };
    expect(officialSchemaErrors(responses)).not.toEqual([]);
    const pattern = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: {},
      definitions: { A: { type: 'string', pattern: '([a-z' } },
    };
    expect(officialSchemaErrors(pattern).join('\n')).toMatch(/must match format "regex"/);
  });

  it('the reference check finds a local $ref that points at nothing', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': { post: operation({ requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Empty' } } } } }) },
      },
    };
    expect(officialSchemaErrors(document)).toEqual([]);
    expect(unresolvedReferences(document)).toEqual([
      '/paths/~1a/post/requestBody/content/application~1json/schema refers to nothing: "#/components/schemas/Empty"',
    ]);
  });

  it('the reference check finds a security requirement naming no declared scheme', () => {
    const document: JsonObject = {
      swagger: '2.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: operation({ security: [{ nowhere: [] }] }) } },
    };
    expect(officialSchemaErrors(document)).toEqual([]);
    expect(unresolvedReferences(document)).toEqual([
      '/paths/~1a/get/security/0 names the security scheme "nowhere", which is not declared',
    ]);
  });

  it('Redocly finds an undeclared path parameter, and one the path does not name', async () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: {
        '/a/{id}': { get: operation() },
        '/b': { get: operation({ parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }) },
      },
    };
    expect(officialSchemaErrors(document)).toEqual([]);
    expect(await redoclyErrors(document)).toEqual([
      expect.stringMatching(/^path-parameters-defined: .*`\{id\}`.* at #\/paths\/~1a~1\{id\}\/get/),
      expect.stringMatching(/^path-parameters-defined: .*`id`.* at #\/paths\/~1b\/get\/parameters\/0/),
    ]);
  });

  it("Redocly's finding on API Gateway's greedy {proxy+}, declared as `proxy`, is the only one left out", async () => {
    const declared = (name: string) => operation({ parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }] });
    const document = (name: string): JsonObject => ({
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: { '/files/{proxy+}': { get: declared(name) } },
    });
    expect(await redoclyErrors(document('proxy'))).toEqual([]);
    expect(await redoclyErrors(document('other'))).not.toEqual([]);
  });
});

describe('exports are valid OpenAPI', () => {
  describe.each(corpus)('corpus %s', (name) => {
    const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    it.each(versionsOf(result.design))('as %s', async (version) => {
      await expectValid(result.design, version);
    });
  });

  const gallery = examples.filter((example) => versionsOf(example.build()).length > 0);
  describe.each(gallery.map((example) => [example.id, example] as const))('gallery example %s', (_id, example) => {
    const design = example.build();
    it.each(versionsOf(design))('as %s', async (version) => {
      await expectValid(design, version);
    });
    it.each(versionsOf(design))('as %s of each stage', async (version) => {
      for (const stageId of design.stageOrder) await expectValid(design, version, design.stages[stageId]?.name);
    });
  });

  it.each([
    ['REST', '3.0'],
    ['REST', '2.0'],
    ['HTTP', '3.0'],
  ] as const)('synthetic %s design as %s', async (apiType, version) => {
    const design = syntheticDesign({ operations: 300, seed: 7, apiType });
    await expectValid(design, version);
    await expectValid(design, version, 'prod');
  });
});

/**
 * Keywords the OpenAPI Schema Object lacks. Later JSON Schema drafts' keywords (`const`, `if`/`then`/`else`,
 * `contains`, `$defs`…) mean nothing to API Gateway (its models are draft 4): they are exported as `x-`
 * keywords, valid everywhere, and read back. Draft 4's own keywords that OpenAPI lacks (`patternProperties`,
 * `dependencies`, a list of types…) are enforced by API Gateway: they are exported as they are, so the
 * deployed API validates as before, and the rule `model-keywords-outside-openapi` warns that strict OpenAPI
 * tools refuse them. Both halves are tested here.
 */
describe('JSON Schema keywords the OpenAPI Schema Object lacks', () => {
  const documentWith = (schema: JsonObject) =>
    JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'Draft keywords', version: '1' },
      paths: {
        '/a': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/M' } } } },
            responses: { '200': { description: 'OK' } },
            'x-amazon-apigateway-integration': { type: 'mock' },
          },
        },
      },
      components: { schemas: { M: schema } },
    });

  it("writes later drafts' keywords (which API Gateway ignores) as x- keywords: valid, and read back as they were", () => {
    const schema: JsonObject = {
      type: 'object',
      $defs: { D: { type: 'string' } },
      properties: {
        c: { const: 1 },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, the subject of this test
        d: { type: 'string', if: { minLength: 1 }, then: { maxLength: 9 } },
        e: { type: 'array', contains: { type: 'number' } },
      },
    };
    const result = importOpenApi(documentWith(schema));
    if (!result.ok) throw new Error(result.error.message);
    for (const version of ['3.0', '2.0'] as const) {
      const exported = exportOpenApi(result.design, { version });
      if (!exported.ok) throw new Error(exported.message);
      expect(officialSchemaErrors(exported.document), version).toEqual([]);
      const again = importOpenApi(stringifyDocument(exported.document, 'json'));
      if (!again.ok) throw new Error(again.error.message);
      expect(Object.values(again.design.models)[0]?.schema).toEqual(schema);
    }
  });

  it('keeps draft 4 keywords API Gateway enforces, as written; only those are what the official schemas refuse', () => {
    const result = importOpenApi(
      documentWith({
        type: 'object',
        patternProperties: { '^x-': { type: 'string' } },
        dependencies: { a: ['b'] },
        properties: { d: { type: ['string', 'null'] } },
      }),
    );
    if (!result.ok) throw new Error(result.error.message);
    const exported = exportOpenApi(result.design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    const schema = (exported.document.components as JsonObject).schemas as JsonObject;
    expect(schema.M).toMatchObject({ patternProperties: { '^x-': { type: 'string' } }, dependencies: { a: ['b'] } });
    const errors = officialSchemaErrors(exported.document);
    expect(errors.length).toBeGreaterThan(0);
    // Every complaint is about that model, and the first ones name the keywords.
    for (const error of errors) expect(error.startsWith('/components/schemas/M')).toBe(true);
    expect(errors.join('\n')).toMatch(/patternProperties[\s\S]*dependencies/);
    // The warning itself is the rule's (src/core/rules/rules/model-keywords-outside-openapi.test.ts).
  });
});
