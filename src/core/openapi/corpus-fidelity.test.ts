import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { parseText } from './parse-text';
import { extensionValues } from './testing/extension-values';
import { asDeployed, officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import type { OpenApiVersion } from './types';

/**
 * Acceptance of issue 11 for every real-world document of the shared corpus (read at test time: a file
 * dropped there is tested with no code change): import, then export as OpenAPI 3.0 (and as Swagger 2.0
 * when the document is Swagger 2.0), and
 * 1. the export is valid by the official JSON Schema of its version (testing/official-schemas.ts), every
 *    local reference resolving, judged as CloudFormation hands it to API Gateway (intrinsics resolved:
 *    a SAM body keeps `info.title: !Sub …`, which only CloudFormation turns into text);
 * 2. every `x-amazon-apigateway-*` value of the document is in the export, equal up to the equivalences
 *    below, and no extension sits where this comparison does not look;
 * 3. the export has the same operations (count, and each by path and verb) as the document.
 * Each operation's protection is checked by protection.test.ts, CDK per operation by the CDK tests.
 *
 * The equivalences (applied to both sides by testing/extension-values.ts), and why each is one:
 * 1. Integration `type` and `passthroughBehavior` in any case: API Gateway reads them case-insensitively
 *    (AWS's REST exports write `aws_proxy`, its HTTP API examples `AWS_PROXY`; DG
 *    api-gateway-swagger-extensions-integration.html).
 * 2. A `statusCode` (integration responses, gateway responses) as a number or as its digits: the field
 *    is a string, and YAML reads an unquoted `200` as a number; API Gateway takes either.
 * 3. `payloadFormatVersion` and `authorizerPayloadFormatVersion` `1.0` as a number or the text "1.0":
 *    YAML reads `1.0` unquoted as a number; API Gateway takes either (Portico writes the text).
 * 4. An authorizer's `identitySource` as a list or as one comma-separated text: SAM writes lists, the
 *    guide a comma-separated string (DG http-api-lambda-authorizer.html); the sources are the same.
 * 5. A REST TOKEN or Cognito authorizer's `identitySource` left out when it is the header its security
 *    scheme names (`in: header`, `name`): API Gateway reads that header by default (DG
 *    api-gateway-swagger-extensions-authorizer.html).
 * 6. Values at their documented default written or left out: request-validator flags (false), the API
 *    key source (HEADER), empty CORS lists and `allowCredentials: false`, empty endpoint configuration
 *    fields, empty tag values: API Gateway deploys the same API either way.
 * 7. `authorizerResultTtlInSeconds` as a number or as its digits: the guide's table says string, its
 *    examples write numbers.
 * 8. `x-amazon-apigateway-importexport-version` on an HTTP API: the export always writes "1.0", its only
 *    value, so that the document reads back as an HTTP API.
 * 9. An HTTP API integration written in place or as a `$ref` to `components.x-amazon-apigateway-integrations`:
 *    API Gateway resolves the reference to the same integration.
 * 10. The endpoint configuration at the root (Swagger 2.0) or on a server (OpenAPI 3.0): each version's
 *    place for it (DG api-gateway-swagger-extensions-endpoint-configuration.html).
 * 11. A path written with or without a trailing slash, and `$default` as `/$default`: API Gateway's
 *    resource paths have no trailing slash, and AWS's own export writes the `$default` route so.
 *
 * A value that differs because of a defect in another part of Portico is not made equal here: it is a
 * known failure below (`it.fails`), named with its owner, who removes the entry with the fix (the test
 * then fails until the entry goes).
 */

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

type Check = 'schema' | 'extensions' | 'operations';

/** Known failures by `file version check`, each with its owner and the defect; the owner removes the entry with the fix. */
const knownFailures: Record<string, { owner: string; defect: string }> = {};

const verbs = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

/** The operations of a document, as `path verb` (paths normalised as equivalence 11 says). */
function operationsOf(document: JsonObject): string[] {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const result: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const verb of verbs) if (isJsonObject(item[verb])) result.push(`${normalisedPath(path)} ${verb}`);
  }
  return result.sort();
}

function normalisedPath(path: string): string {
  if (path === '$default') return '/$default';
  const absolute = path.startsWith('/') ? path : `/${path}`;
  return absolute.length > 1 ? absolute.replace(/\/+$/, '') || '/' : absolute;
}

/**
 * Where the comparison reads `x-amazon-apigateway-*` keys (extension-values.ts): the root, a security
 * scheme, an operation, a path item (`x-amazon-apigateway-any-method`), a server (endpoint
 * configuration), a root tag (tag values) and `components.x-amazon-apigateway-integrations` (read
 * through the operations that refer to it).
 */
const comparedPlaces = [
  /^\/x-amazon-apigateway-[^/]+$/,
  /^\/(securityDefinitions|components\/securitySchemes)\/[^/]+\/x-amazon-apigateway-[^/]+$/,
  /^\/paths\/[^/]+\/x-amazon-apigateway-any-method$/,
  /^\/paths\/[^/]+\/(get|put|post|delete|options|head|patch|x-amazon-apigateway-any-method)\/x-amazon-apigateway-[^/]+$/,
  /^\/servers\/\d+\/x-amazon-apigateway-endpoint-configuration$/,
  /^\/tags\/\d+\/x-amazon-apigateway-tag-value$/,
  /^\/components\/x-amazon-apigateway-integrations$/,
];

/** Every `x-amazon-apigateway-*` key of a document (not inside another one's value), as a JSON pointer. */
function extensionPlaces(document: JsonValue): string[] {
  const places: string[] = [];
  const walk = (value: JsonValue, pointer: string) => {
    if (Array.isArray(value))
      value.forEach((item, index) => {
        walk(item, `${pointer}/${index}`);
      });
    else if (isJsonObject(value))
      for (const [key, item] of Object.entries(value)) {
        const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (key.startsWith('x-amazon-apigateway-')) places.push(here);
        else walk(item, here);
      }
  };
  walk(document, '');
  return places;
}

function declaredVersionOf(document: JsonObject): OpenApiVersion {
  return document.swagger === '2.0' ? '2.0' : '3.0';
}

describe('every real-world document, imported and exported', () => {
  it('has documents to test', () => {
    expect(files.length).toBeGreaterThanOrEqual(37);
  });

  describe.each(files)('%s', (name) => {
    const parsed = parseText(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!parsed.ok || !isJsonObject(parsed.value)) throw new Error(`${name} does not parse`);
    const original = parsed.value;
    const imported = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!imported.ok) throw new Error(`${name}: ${imported.error.message}`);
    const { design } = imported;
    const versions: OpenApiVersion[] = declaredVersionOf(original) === '2.0' ? ['3.0', '2.0'] : ['3.0'];

    const exported = (version: OpenApiVersion): JsonObject => {
      const result = exportOpenApi(design, { version });
      if (!result.ok) throw new Error(result.message);
      return result.document;
    };

    const test = (version: OpenApiVersion, check: Check, title: string, body: () => void) => {
      const known = knownFailures[`${name} ${version} ${check}`];
      if (known) it.fails(`${title} [known failure, ${known.owner}: ${known.defect}]`, body);
      else it(title, body);
    };

    it('has every x-amazon-apigateway-* key where the comparison reads it', () => {
      expect(extensionPlaces(original).filter((place) => !comparedPlaces.some((pattern) => pattern.test(place)))).toEqual([]);
    });

    for (const version of versions) {
      test(version, 'schema', `exported as ${version}, is valid by the official JSON Schema, every reference resolving`, () => {
        const document = asDeployed(exported(version));
        expect(officialSchemaErrors(document)).toEqual([]);
        expect(unresolvedReferences(document)).toEqual([]);
      });

      test(version, 'extensions', `exported as ${version}, keeps every x-amazon-apigateway-* value`, () => {
        const before = extensionValues(original, design.api.type);
        const after = extensionValues(exported(version), design.api.type);
        expect(after.root).toEqual(before.root);
        expect(after.schemes).toEqual(before.schemes);
        expect(after.operations).toEqual(before.operations);
      });

      test(version, 'operations', `exported as ${version}, has the same operations`, () => {
        const before = operationsOf(original);
        expect(Object.keys(design.methods).length + Object.keys(design.routes).length).toBe(before.length);
        expect(operationsOf(exported(version))).toEqual(before);
      });
    }
  });
});

describe('the checks can fail', () => {
  it('a value changed after the round trip is seen', () => {
    const document: JsonObject = {
      openapi: '3.0.1',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { 'x-amazon-apigateway-integration': { type: 'mock', passthroughBehavior: 'when_no_match' } } } },
    };
    const changed = structuredClone(document);
    ((changed.paths as JsonObject)['/a'] as { get: JsonObject }).get['x-amazon-apigateway-integration'] = {
      type: 'MOCK',
      passthroughBehavior: 'never',
    };
    const before = extensionValues(document, 'REST');
    expect(extensionValues(changed, 'REST').operations).not.toEqual(before.operations);
    // Case alone is an equivalence (1).
    ((changed.paths as JsonObject)['/a'] as { get: JsonObject }).get['x-amazon-apigateway-integration'] = {
      type: 'MOCK',
      passthroughBehavior: 'WHEN_NO_MATCH',
    };
    expect(extensionValues(changed, 'REST').operations).toEqual(before.operations);
  });

  it('an extension where the comparison does not look is seen', () => {
    const places = extensionPlaces({ paths: { '/a': { get: { parameters: [{ name: 'p', 'x-amazon-apigateway-thing': 1 }] } } } });
    expect(places).toEqual(['/paths/~1a/get/parameters/0/x-amazon-apigateway-thing']);
    expect(comparedPlaces.some((pattern) => pattern.test(places[0] as string))).toBe(false);
  });

  it('a lost operation is seen', () => {
    expect(operationsOf({ paths: { '/a/': { get: {}, 'x-amazon-apigateway-any-method': {} }, $default: { get: {} } } })).toEqual([
      '/$default get',
      '/a get',
      '/a x-amazon-apigateway-any-method',
    ]);
  });
});
