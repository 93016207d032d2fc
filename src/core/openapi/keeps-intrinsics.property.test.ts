// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation placeholders are the data under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Design, isJsonObject, type JsonObject, type JsonValue } from '../model';
import { richDesign } from '../model/testing/rich-edits';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { cloneJson, pointerToken } from './json-access';
import { stringifyDocument } from './stringify';
import { extensionValues } from './testing/extension-values';
import type { OpenApiVersion } from './types';

/**
 * Any value of a deployed document may be a CloudFormation intrinsic (SAM, `AWS::Include`) where Portico
 * expects text, a number, a flag or a list. Random designs are exported, one value inside an API Gateway
 * extension (or the title, description or version) is replaced by an intrinsic, and the document is
 * imported and exported again: every extension value, the replaced one included, must come back as it was.
 */

const operationKeys = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method']);

/** JSON pointers of the values inside API Gateway extensions, and of `info`'s title, description and version. */
function injectablePlaces(document: JsonObject): string[] {
  const places: string[] = [];
  const walk = (value: JsonValue, pointer: string, depth: number) => {
    places.push(pointer);
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value))
      value.forEach((item, index) => {
        walk(item, `${pointer}/${index}`, depth + 1);
      });
    else for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${pointerToken(key)}`, depth + 1);
  };
  const extensionsOf = (object: JsonObject, pointer: string) => {
    for (const [key, value] of Object.entries(object))
      if (key.startsWith('x-amazon-apigateway-')) walk(value, `${pointer}/${pointerToken(key)}`, 0);
  };
  const info = document.info;
  if (isJsonObject(info)) for (const key of ['title', 'description', 'version']) if (key in info) places.push(`/info/${key}`);
  extensionsOf(document, '');
  const servers = document.servers;
  if (Array.isArray(servers))
    servers.forEach((server, index) => {
      if (isJsonObject(server)) extensionsOf(server, `/servers/${index}`);
    });
  const paths = document.paths;
  if (isJsonObject(paths))
    for (const [path, item] of Object.entries(paths)) {
      if (!isJsonObject(item)) continue;
      for (const [verb, operation] of Object.entries(item))
        if (operationKeys.has(verb) && isJsonObject(operation)) extensionsOf(operation, `/paths/${pointerToken(path)}/${verb}`);
    }
  const components = document.components;
  const schemes = document.securityDefinitions ?? (isJsonObject(components) ? components.securitySchemes : undefined);
  const schemesPointer = document.securityDefinitions ? '/securityDefinitions' : '/components/securitySchemes';
  if (isJsonObject(schemes))
    for (const [name, scheme] of Object.entries(schemes))
      if (isJsonObject(scheme)) extensionsOf(scheme, `${schemesPointer}/${pointerToken(name)}`);
  return places.filter((pointer) => !notYetKept.test(pointer));
}

/**
 * Authorizer values whose intrinsic form the security-scheme reader (extensions/authorizer.ts) does not
 * keep yet: a scheme whose authorizer, `type` or `x-amazon-apigateway-authtype` is an expression is left
 * out (its kind is unknown), and a whole `providerARNs` or `jwtConfiguration` expression is rewritten.
 */
const notYetKept = /\/x-amazon-apigateway-(?:authtype|authorizer(?:\/(?:type|providerARNs|jwtConfiguration))?)$/;

function replaceAt(document: JsonObject, pointer: string, value: JsonValue): JsonObject {
  const copy = cloneJson(document);
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: JsonValue = copy;
  for (const token of tokens.slice(0, -1)) parent = (parent as JsonObject)[token] as JsonValue;
  (parent as JsonObject)[tokens[tokens.length - 1] as string] = value;
  return copy;
}

const intrinsics: fc.Arbitrary<JsonObject> = fc.constantFrom<JsonObject>(
  { Ref: 'Parameter' },
  { 'Fn::Sub': '${AWS::StackName}-${Stage}' },
  { 'Fn::GetAtt': ['Resource', 'Arn'] },
  { 'Fn::If': ['IsProduction', 'a', { Ref: 'AWS::NoValue' }] },
  { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
  { 'Fn::ImportValue': 'SharedValue' },
  { 'Fn::Select': [0, { 'Fn::Split': [',', { Ref: 'List' }] }] },
  { 'Fn::FindInMap': ['Map', { Ref: 'AWS::Region' }, 'Key'] },
);

function versionsOf(design: Design): OpenApiVersion[] {
  return design.api.type === 'REST' ? ['3.0', '2.0'] : ['3.0'];
}

describe('an intrinsic anywhere in an API Gateway extension', () => {
  it('comes back unchanged after an import and an export, with every other extension value', () => {
    fc.assert(
      fc.property(
        richDesign(['REST', 'HTTP']),
        fc.nat(),
        intrinsics,
        fc.constantFrom<'json' | 'yaml'>('json', 'yaml'),
        (design, pick, intrinsic, format) => {
          for (const version of versionsOf(design)) {
            const first = exportOpenApi(design, { version });
            if (!first.ok) throw new Error(first.message);
            const places = injectablePlaces(first.document);
            const place = places[pick % places.length] as string;
            const document = replaceAt(first.document, place, intrinsic);
            const imported = importOpenApi(stringifyDocument(document, format));
            if (!imported.ok) throw new Error(`${place}: ${imported.error.message}`);
            expect(imported.design.api.type, place).toBe(design.api.type);
            const again = exportOpenApi(imported.design, { version });
            if (!again.ok) throw new Error(again.message);
            const before = extensionValues(document, design.api.type);
            const after = extensionValues(again.document, design.api.type);
            expect(after, `${place} = ${JSON.stringify(intrinsic)}`).toEqual(before);
            if (place.startsWith('/info/'))
              expect((again.document.info as JsonObject)[place.slice('/info/'.length)], place).toEqual(intrinsic);
          }
        },
      ),
      { numRuns: 400, seed: 20261211 },
    );
  });
});
