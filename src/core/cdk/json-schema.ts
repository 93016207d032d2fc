import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { bool, type Code, json, num, obj, raw, text } from './code';
import { exactLiteral, numberLiteral, propertyKey } from './literals';

/**
 * A model's JSON Schema as the CDK's typed `JsonSchema` (camelCase keys, `JsonSchemaType` members):
 * the CDK writes it back as draft 4 (`ref` → `$ref`, `schema` → `$schema`). API Gateway validates with
 * draft 4, so keywords outside it (OpenAPI's `nullable`, `example`, `readOnly`, `x-…`) only document;
 * they are left out and named in a note.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
 */

export interface SchemaConversion {
  /** Resolves `$ref` to a model: the expression of its URL, or undefined when it names no model. */
  modelUrl(ref: string): Code | undefined;
  /** Keywords left out, for the note. */
  dropped: Set<string>;
  /** Model names a schema refers to, for the dependency between models. */
  referenced: Set<string>;
}

const schemaTypes = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];
const numberKeys = ['multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'];
const textKeys = ['title', 'description', 'format', 'pattern'];
const schemaMapKeys = ['properties', 'patternProperties', 'definitions'];
const schemaListKeys = ['allOf', 'anyOf', 'oneOf'];

function typeMember(value: string): Code {
  return raw(`apigateway.JsonSchemaType.${value.toUpperCase()}`);
}

/** `#/components/schemas/Pet` or `#/definitions/Pet` → `Pet`. */
export function refModelName(ref: string): string | undefined {
  const match = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(ref);
  return match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function convertSchema(schema: JsonValue, conversion: SchemaConversion): Code {
  if (!isJsonObject(schema)) {
    conversion.dropped.add('a schema that is not an object');
    return obj([]);
  }
  return convertObject(schema, conversion);
}

function schemaOrBoolean(value: JsonValue, conversion: SchemaConversion): Code | undefined {
  if (typeof value === 'boolean') return bool(value);
  if (isJsonObject(value)) return convertObject(value, conversion);
  return undefined;
}

function schemaOrList(value: JsonValue, conversion: SchemaConversion): Code | undefined {
  if (isJsonObject(value)) return convertObject(value, conversion);
  if (Array.isArray(value) && value.every(isJsonObject))
    return { kind: 'array', items: value.map((item) => convertObject(item as JsonObject, conversion)) };
  return undefined;
}

function convertObject(schema: JsonObject, conversion: SchemaConversion): Code {
  const entries: [string, Code | undefined][] = [];
  const drop = (key: string) => {
    conversion.dropped.add(key);
  };
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') {
      const version =
        value === 'http://json-schema.org/draft-04/schema#'
          ? 'DRAFT4'
          : value === 'http://json-schema.org/draft-07/schema#'
            ? 'DRAFT7'
            : undefined;
      if (version) entries.push(['schema', raw(`apigateway.JsonSchemaVersion.${version}`)]);
      else drop(key);
    } else if (key === '$ref') {
      const name = typeof value === 'string' ? refModelName(value) : undefined;
      const url = typeof value === 'string' ? conversion.modelUrl(value) : undefined;
      if (url && name) {
        entries.push(['ref', url]);
        conversion.referenced.add(name);
      } else drop('$ref (to something that is not a model of this API)');
    } else if (key === 'id' || key === '$id') {
      if (typeof value === 'string') entries.push(['id', text(value)]);
      else drop(key);
    } else if (key === 'type') {
      if (typeof value === 'string' && schemaTypes.includes(value)) entries.push(['type', typeMember(value)]);
      else if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && schemaTypes.includes(item)))
        entries.push(['type', { kind: 'array', items: (value as string[]).map(typeMember) }]);
      else drop(`type ${JSON.stringify(value).slice(0, 20)}`);
    } else if (textKeys.includes(key)) {
      if (typeof value === 'string') entries.push([key, text(value)]);
      else drop(key);
    } else if (numberKeys.includes(key)) {
      if (typeof value === 'number' && numberLiteral(value) !== undefined) entries.push([key, num(value)]);
      else drop(key);
    } else if (key === 'exclusiveMaximum' || key === 'exclusiveMinimum') {
      // Draft 4 writes a flag beside maximum/minimum; draft 6+ and OpenAPI 3.1 write the bound itself.
      const bound = key === 'exclusiveMaximum' ? 'maximum' : 'minimum';
      if (typeof value === 'boolean') entries.push([key, bool(value)]);
      else if (typeof value === 'number' && numberLiteral(value) !== undefined && !Object.hasOwn(schema, bound)) {
        entries.push([bound, num(value)]);
        entries.push([key, bool(true)]);
      } else drop(key);
    } else if (key === 'enum') {
      if (Array.isArray(value)) entries.push(['enum', json(value)]);
      else drop(key);
    } else if (key === 'default') {
      entries.push(['default', json(value)]);
    } else if (key === 'required') {
      if (Array.isArray(value) && value.every((item) => typeof item === 'string')) entries.push(['required', json(value)]);
      else drop('required (not a list of names)');
    } else if (key === 'uniqueItems') {
      if (typeof value === 'boolean') entries.push([key, bool(value)]);
      else drop(key);
    } else if (key === 'items' || key === 'contains') {
      const converted = schemaOrList(value, conversion);
      if (converted) entries.push([key, converted]);
      else drop(key);
    } else if (key === 'additionalItems' || key === 'additionalProperties') {
      const converted = schemaOrBoolean(value, conversion);
      if (converted) entries.push([key, converted]);
      else drop(key);
    } else if (key === 'not' || key === 'propertyNames') {
      if (isJsonObject(value)) entries.push([key, convertObject(value, conversion)]);
      else drop(key);
    } else if (schemaMapKeys.includes(key)) {
      if (isJsonObject(value) && Object.values(value).every(isJsonObject))
        entries.push([
          key,
          obj(Object.entries(value).map(([name, item]) => [propertyKey(name), convertObject(item as JsonObject, conversion)])),
        ]);
      else drop(key);
    } else if (schemaListKeys.includes(key)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isJsonObject))
        entries.push([key, { kind: 'array', items: value.map((item) => convertObject(item as JsonObject, conversion)) }]);
      else drop(key);
    } else if (key === 'dependencies') {
      if (isJsonObject(value)) {
        const dependencyEntries: [string, Code][] = [];
        for (const [name, item] of Object.entries(value)) {
          if (isJsonObject(item)) dependencyEntries.push([propertyKey(name), convertObject(item, conversion)]);
          else if (Array.isArray(item) && item.every((entry) => typeof entry === 'string'))
            dependencyEntries.push([propertyKey(name), json(item)]);
        }
        entries.push([key, obj(dependencyEntries)]);
      } else drop(key);
    } else drop(key);
  }
  return obj(entries);
}

/** The URL API Gateway resolves a model reference with: https://apigateway.amazonaws.com/restapis/{id}/models/{name}. */
export function modelUrlCode(apiVariable: string, modelName: string): Code {
  return raw(
    `${exactLiteral('https://apigateway.amazonaws.com/restapis/')} + ${apiVariable}.restApiId + ${exactLiteral(`/models/${modelName}`)}`,
  );
}
