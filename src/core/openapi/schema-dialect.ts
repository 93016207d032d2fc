import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { cloneJson, own, setOwn } from './json-access';
import type { NoteList } from './notes';
import { isLocalRef, resolvePointer } from './resolve-refs';
import type { OpenApiVersion } from './types';

/**
 * Models and inline schemas are kept in one dialect, OpenAPI 3.0's (JSON Schema draft 4 plus
 * `nullable`), with model references written `#/components/schemas/Name` (model-schema.ts). Swagger
 * 2.0 lacks some keywords; its tools write them as vendor extensions, and so does the exporter, so that
 * a 2.0 export reads back to the same schema:
 */
const swagger2Names: Record<string, string> = {
  nullable: 'x-nullable',
  oneOf: 'x-oneOf',
  anyOf: 'x-anyOf',
  not: 'x-not',
  writeOnly: 'x-writeOnly',
  deprecated: 'x-deprecated',
};
const fromSwagger2Names: Record<string, string> = Object.fromEntries(Object.entries(swagger2Names).map(([a, b]) => [b, a]));

/**
 * Keywords of later JSON Schema drafts that neither OpenAPI's Schema Object nor API Gateway's models
 * (draft 4) know: API Gateway ignores them, and the official OpenAPI schemas refuse a document with them.
 * They are exported as `x-` keywords (which change nothing API Gateway does) and read back on import.
 * Draft 4's own keywords that OpenAPI lacks (`patternProperties`, `dependencies`, a list of types…) are
 * a different case: API Gateway enforces them, so they are written as they are, and the rule
 * `model-keywords-outside-openapi` says what that means for other OpenAPI tools.
 */
const laterDraftKeywords = ['const', 'contains', 'propertyNames', 'if', 'then', 'else', '$defs', '$comment', 'examples'];
const laterDraftNames: Record<string, string> = Object.fromEntries(laterDraftKeywords.map((key) => [key, `x-${key}`]));
const fromLaterDraftNames: Record<string, string> = Object.fromEntries(laterDraftKeywords.map((key) => [`x-${key}`, key]));

export const modelRefPrefix = '#/components/schemas/';
const swagger2RefPrefix = '#/definitions/';

/** Keywords whose value is a map of name → schema. */
const schemaMaps = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
/** Keywords whose value is one schema. */
const singleSchemas = new Set(['additionalProperties', 'not', 'additionalItems', 'contains', 'propertyNames', 'if', 'then', 'else']);
/** Keywords whose value is a list of schemas. */
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf']);

/** Most schema nodes one import copies in place of references, so that a reference fan-out cannot explode. */
export const inlineBudget = 100_000;

export interface SchemaImportContext {
  document: JsonObject;
  version: OpenApiVersion;
  notes: NoteList;
  /** Model names known in the document, for reporting references to missing models. */
  modelNames: ReadonlySet<string>;
  /** Shared between calls of one import. */
  budget: { remaining: number };
}

/** The model name a `#/components/schemas/Name` reference names, or undefined. */
export function modelNameOfRef(ref: string): string | undefined {
  if (!ref.startsWith(modelRefPrefix)) return undefined;
  const rest = ref.slice(modelRefPrefix.length);
  if (rest.includes('/')) return undefined;
  try {
    return decodeURIComponent(rest).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return rest;
  }
}

export function modelRef(name: string): string {
  return `${modelRefPrefix}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * A schema from a document in the model's dialect: Swagger 2.0 references and vendor keywords
 * translated, references to models kept (never inlined: recursive models are legitimate), references to
 * anything else inside the document copied in place (with a cycle guard and a size budget), external
 * references kept as written and reported.
 */
export function importSchema(value: JsonValue, context: SchemaImportContext, path: string): JsonValue {
  const stack = new Set<string>();
  // Copy on write: a schema that needs no change (most of them, in OpenAPI 3.0) is returned as it is,
  // which keeps big imports fast; a changed one is a new object, so the document is never modified.
  const walkSchema = (schema: JsonValue, depth: number): JsonValue => {
    if (!isJsonObject(schema)) return schema;
    if (depth > 250) {
      context.notes.add('A schema is nested too deeply; the rest of it was left out.', path, 'error');
      return {};
    }
    const ref = own(schema, '$ref');
    if (typeof ref === 'string') return walkReference(schema, ref, depth);
    context.budget.remaining -= 1;
    let result: JsonObject | undefined;
    const entries = Object.entries(schema);
    for (let index = 0; index < entries.length; index += 1) {
      const [rawKey, item] = entries[index] as [string, JsonValue];
      const renamed = (context.version === '2.0' && Object.hasOwn(fromSwagger2Names, rawKey)) || Object.hasOwn(fromLaterDraftNames, rawKey);
      const key = renamed ? ((fromSwagger2Names[rawKey] ?? fromLaterDraftNames[rawKey]) as string) : rawKey;
      let next: JsonValue = item;
      if (schemaMaps.has(key) && isJsonObject(item)) next = mapValues(item, (sub) => walkSchema(sub, depth + 1));
      else if (key === 'items')
        next = Array.isArray(item) ? mapItems(item, (sub) => walkSchema(sub, depth + 1)) : walkSchema(item, depth + 1);
      else if (singleSchemas.has(key) && isJsonObject(item)) next = walkSchema(item, depth + 1);
      else if (schemaLists.has(key) && Array.isArray(item)) next = mapItems(item, (sub) => walkSchema(sub, depth + 1));
      else if (context.version === '2.0' && key === 'discriminator' && typeof item === 'string') next = { propertyName: item };
      let extra: [string, JsonValue] | undefined;
      if (context.version === '2.0' && key === 'type' && item === 'file') {
        // Swagger 2.0's `file` is OpenAPI 3.0's binary string.
        next = 'string';
        if (!Object.hasOwn(schema, 'format')) extra = ['format', 'binary'];
      }
      if (result === undefined && (renamed || next !== item || extra)) {
        result = {};
        for (let before = 0; before < index; before += 1) {
          const [earlierKey, earlierValue] = entries[before] as [string, JsonValue];
          setOwn(result, earlierKey, earlierValue);
        }
      }
      if (result !== undefined) {
        setOwn(result, key, next);
        if (extra) setOwn(result, extra[0], extra[1]);
      }
    }
    return result ?? schema;
  };
  const walkReference = (schema: JsonObject, ref: string, depth: number): JsonValue => {
    const rewritten =
      context.version === '2.0' && ref.startsWith(swagger2RefPrefix) ? modelRefPrefix + ref.slice(swagger2RefPrefix.length) : ref;
    const written = rewritten === ref ? schema : { ...schema, $ref: rewritten };
    if (!isLocalRef(rewritten)) {
      context.notes.add(`The external reference "${ref}" was kept as written but not followed (Portico never downloads files).`, path);
      return written;
    }
    const modelName = modelNameOfRef(rewritten);
    if (modelName !== undefined) {
      if (!context.modelNames.has(modelName))
        context.notes.add(`The schema reference "${ref}" names a model that the document does not define.`, path);
      return written;
    }
    if (rewritten.startsWith(modelRefPrefix)) return written;
    // A reference into another part of the document (a path's schema, a parameter's schema): copied in place.
    if (stack.has(rewritten)) {
      context.notes.add(`The schema reference "${ref}" refers to itself; it was kept as a reference.`, path);
      return written;
    }
    const target = resolvePointer(context.document, ref);
    if (target === undefined) {
      // Kept in the design, left out of every export (which must resolve): a warning, not an error.
      context.notes.add(`The schema reference "${ref}" points at nothing in this document; it was kept as written.`, path, 'warning');
      return written;
    }
    if (context.budget.remaining <= 0) {
      context.notes.add('Schema references expand to too much data; the remaining ones were kept as references.', path);
      return written;
    }
    stack.add(rewritten);
    const inlined = walkSchema(target, depth + 1);
    stack.delete(rewritten);
    return inlined;
  };
  return walkSchema(value, 0);
}

/** The map with each value mapped; the same map when no value changed. */
function mapValues(map: JsonObject, mapper: (value: JsonValue) => JsonValue): JsonObject {
  let result: JsonObject | undefined;
  const entries = Object.entries(map);
  entries.forEach(([key, value], index) => {
    const next = mapper(value);
    if (result === undefined && next !== value) {
      result = {};
      for (const [earlierKey, earlierValue] of entries.slice(0, index)) setOwn(result, earlierKey, earlierValue);
    }
    if (result !== undefined) setOwn(result, key, next);
  });
  return result ?? map;
}

function mapItems(items: JsonValue[], mapper: (value: JsonValue) => JsonValue): JsonValue[] {
  let changed = false;
  const next = items.map((item) => {
    const mapped = mapper(item);
    if (mapped !== item) changed = true;
    return mapped;
  });
  return changed ? next : items;
}

/**
 * A model-dialect schema written for a version: for Swagger 2.0, references become `#/definitions/…`
 * and keywords 2.0 lacks become their `x-` forms. `notes` collects what 2.0 cannot say at all.
 */
export function exportSchema(value: JsonValue, version: OpenApiVersion, notes?: Set<string>): JsonValue {
  const renames = version === '2.0' ? { ...swagger2Names, ...laterDraftNames } : laterDraftNames;
  const walk = (schema: JsonValue): JsonValue => {
    if (!isJsonObject(schema)) return cloneJson(schema);
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(schema)) {
      const name = Object.hasOwn(renames, key) ? (renames[key] as string) : key;
      if (key === '$ref' && typeof item === 'string')
        setOwn(
          result,
          key,
          version === '2.0' && item.startsWith(modelRefPrefix) ? swagger2RefPrefix + item.slice(modelRefPrefix.length) : item,
        );
      else if (schemaMaps.has(key) && isJsonObject(item)) {
        const map: JsonObject = {};
        for (const [property, sub] of Object.entries(item)) setOwn(map, property, walk(sub));
        setOwn(result, name, map);
      } else if (key === 'items') setOwn(result, name, Array.isArray(item) ? item.map(walk) : walk(item));
      else if (singleSchemas.has(key) && isJsonObject(item)) setOwn(result, name, walk(item));
      else if (schemaLists.has(key) && Array.isArray(item)) setOwn(result, name, item.map(walk));
      else if (version === '2.0' && key === 'discriminator' && isJsonObject(item)) {
        const propertyName = own(item, 'propertyName');
        if (typeof propertyName === 'string') setOwn(result, key, propertyName);
        if (Object.keys(item).some((k) => k !== 'propertyName'))
          notes?.add('Swagger 2.0 discriminators name a property only; the mapping was left out.');
      } else setOwn(result, name, cloneJson(item));
    }
    return result;
  };
  return walk(value);
}
