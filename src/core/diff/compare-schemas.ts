import { type Design, isJsonObject, type JsonObject, type JsonValue } from '../model';
import { checkCatalogue } from './catalogue';
import type { DiffContext } from './context';
import { pointerSegment } from './finding';
import { resolveSchema } from './resolve-schema';

/** Where a schema sits, which decides the direction of every check and the words of its findings. */
export interface SchemaPlace {
  direction: 'request' | 'response';
  /** A body (request or response) or a request parameter's value. */
  kind: 'body' | 'parameter';
  operation: string;
  /** JSON pointer of the schema in the revision. */
  where: string;
  /** Property names from the body down to this schema (`owner`, `name`); empty at the body itself. */
  property: string[];
  /** `the query parameter \`limit\`` for parameters. */
  parameter?: string;
  /** The response status code, for response bodies. */
  status?: string;
}

/** Deeper than this, a schema is not compared further (no real document nests so deep; a cycle would). */
const maxDepth = 40;

function idFor(place: SchemaPlace, suffix: string): string | undefined {
  const family =
    place.kind === 'parameter' ? 'request-parameter' : `${place.direction}-${place.property.length === 0 ? 'body' : 'property'}`;
  const id = `${family}-${suffix}`;
  if (checkCatalogue[id]) return id;
  // oasdiff has some checks for properties only; a body is then reported as its outermost property.
  const property = `${place.direction}-property-${suffix}`;
  return checkCatalogue[property] ? property : undefined;
}

function subject(place: SchemaPlace): string {
  if (place.kind === 'parameter') return place.parameter ?? 'the parameter';
  const name = place.property.join('/');
  if (place.direction === 'request') return place.property.length === 0 ? 'the request body' : `the request property \`${name}\``;
  const status = place.status === undefined ? '' : ` (${place.status})`;
  return place.property.length === 0 ? `the response body${status}` : `the response property \`${name}\`${status}`;
}

function emit(context: DiffContext, place: SchemaPlace, suffix: string, message: string, where = place.where): void {
  const id = idFor(place, suffix);
  if (id) context.findings.add(id, message, place.operation, where);
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function numberOf(schema: JsonObject, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function typeOf(schema: JsonObject): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type))
    return (
      type
        .filter((item): item is string => typeof item === 'string')
        .sort()
        .join('|') || undefined
    );
  return undefined;
}

function describeType(type: string, format: JsonValue | undefined): string {
  return typeof format === 'string' ? `${type} (${format})` : type;
}

function propertiesOf(schema: JsonObject): JsonObject {
  return isJsonObject(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
}

/**
 * `allOf` read as one schema (its members' properties and required names together), since a client
 * sends and reads one object whatever the document's composition.
 */
function flatten(design: Design, schema: JsonObject, depth: number): JsonObject {
  if (!Array.isArray(schema.allOf) || depth > maxDepth) return schema;
  // Without a prototype, a property named `__proto__` (untrusted documents have them) is just a key.
  const properties: JsonObject = Object.create(null);
  const required = new Set<string>();
  const merged: JsonObject = Object.create(null);
  const copy = (from: JsonObject, to: JsonObject) => {
    for (const [key, value] of Object.entries(from)) to[key] = value;
  };
  for (const member of schema.allOf) {
    const resolved = resolveSchema(design, member);
    if (!resolved) continue;
    const flat = flatten(design, resolved.schema, depth + 1);
    for (const [key, value] of Object.entries(flat)) if (!Object.hasOwn(merged, key)) merged[key] = value;
    copy(propertiesOf(flat), properties);
    for (const name of requiredOf(flat)) required.add(name);
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'allOf') merged[key] = value;
  copy(propertiesOf(schema), properties);
  for (const name of requiredOf(schema)) required.add(name);
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function compareType(context: DiffContext, place: SchemaPlace, base: JsonObject, revision: JsonObject): void {
  const before = typeOf(base);
  const after = typeOf(revision);
  // An untyped side says nothing to compare (documents leave objects untyped); the rest of the schema still is.
  if (before === undefined || after === undefined) return;
  const formatBefore = base.format;
  const formatAfter = revision.format;
  const sameFormat = text(formatBefore) === text(formatAfter);
  if (before === after && sameFormat) return;
  const widened =
    (before === 'integer' && after === 'number' && formatAfter === undefined) || (before === after && formatAfter === undefined);
  const narrowed = (before === 'number' && after === 'integer') || (before === after && formatBefore === undefined);
  const change = `from \`${describeType(before, formatBefore)}\` to \`${describeType(after, formatAfter)}\``;
  if (place.direction === 'request') {
    emit(context, place, widened ? 'type-generalized' : 'type-changed', `The type of ${subject(place)} changed ${change}.`);
    return;
  }
  emit(
    context,
    place,
    widened ? 'type-generalized' : narrowed ? 'type-specialized' : 'type-changed',
    `The type of ${subject(place)} changed ${change}.`,
  );
}

function compareEnum(context: DiffContext, place: SchemaPlace, base: JsonObject, revision: JsonObject): void {
  const before = Array.isArray(base.enum) ? base.enum : undefined;
  const after = Array.isArray(revision.enum) ? revision.enum : undefined;
  if (after === undefined) return;
  if (before === undefined) {
    if (place.direction === 'request')
      emit(
        context,
        place,
        'became-enum',
        `${capital(subject(place))} now accepts only ${after.map((value) => `\`${text(value)}\``).join(', ')}.`,
      );
    return;
  }
  const keys = (values: JsonValue[]) => new Set(values.map((value) => JSON.stringify(value)));
  const beforeKeys = keys(before);
  const afterKeys = keys(after);
  const removed = before.filter((value) => !afterKeys.has(JSON.stringify(value)));
  const added = after.filter((value) => !beforeKeys.has(JSON.stringify(value)));
  for (const value of removed)
    emit(
      context,
      place,
      place.direction === 'response' && place.property.length === 0 && place.kind === 'body'
        ? 'mediatype-enum-value-removed'
        : 'enum-value-removed',
      `The value \`${text(value)}\` was removed from ${subject(place)}.`,
    );
  for (const value of added) emit(context, place, 'enum-value-added', `The value \`${text(value)}\` was added to ${subject(place)}.`);
}

function capital(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Upper bounds (`maxLength`, `maximum`, `maxItems`): lowering or setting one narrows what is valid. */
function compareUpper(
  context: DiffContext,
  place: SchemaPlace,
  base: JsonObject,
  revision: JsonObject,
  keyword: string,
  suffix: string,
): void {
  const before = numberOf(base, keyword);
  const after = numberOf(revision, keyword);
  if (before === after) return;
  const what = `the ${keyword} of ${subject(place)}`;
  if (place.direction === 'request') {
    if (before === undefined && after !== undefined) emit(context, place, `${suffix}-set`, `${capital(what)} was set to ${after}.`);
    else if (before !== undefined && after !== undefined)
      emit(
        context,
        place,
        after < before ? `${suffix}-decreased` : `${suffix}-increased`,
        `${capital(what)} changed from ${before} to ${after}.`,
      );
    return;
  }
  if (before !== undefined && after === undefined) emit(context, place, `${suffix}-unset`, `${capital(what)} (${before}) was removed.`);
  else if (before !== undefined && after !== undefined && after > before)
    emit(context, place, `${suffix}-increased`, `${capital(what)} changed from ${before} to ${after}.`);
}

/** Lower bounds (`minLength`, `minimum`, `minItems`): raising or setting one narrows what is valid. */
function compareLower(
  context: DiffContext,
  place: SchemaPlace,
  base: JsonObject,
  revision: JsonObject,
  keyword: string,
  suffix: string,
  floor: number | undefined,
): void {
  const before = numberOf(base, keyword) ?? floor;
  const after = numberOf(revision, keyword) ?? floor;
  if (before === after) return;
  const what = `the ${keyword} of ${subject(place)}`;
  if (place.direction === 'request') {
    if (before === undefined && after !== undefined) emit(context, place, `${suffix}-set`, `${capital(what)} was set to ${after}.`);
    else if (before !== undefined && after !== undefined)
      emit(
        context,
        place,
        after > before ? `${suffix}-increased` : `${suffix}-decreased`,
        `${capital(what)} changed from ${before} to ${after}.`,
      );
    return;
  }
  if (before !== undefined && (after === undefined || after < before))
    emit(context, place, `${suffix}-decreased`, `${capital(what)} changed from ${before} to ${after ?? 'none'}.`);
}

function comparePattern(context: DiffContext, place: SchemaPlace, base: JsonObject, revision: JsonObject): void {
  const before = typeof base.pattern === 'string' ? base.pattern : undefined;
  const after = typeof revision.pattern === 'string' ? revision.pattern : undefined;
  if (before === after) return;
  if (before === undefined) emit(context, place, 'pattern-added', `The pattern \`${after}\` was added to ${subject(place)}.`);
  else if (after === undefined) emit(context, place, 'pattern-removed', `The pattern \`${before}\` was removed from ${subject(place)}.`);
  else emit(context, place, 'pattern-changed', `The pattern of ${subject(place)} changed from \`${before}\` to \`${after}\`.`);
}

function compareProperties(
  context: DiffContext,
  place: SchemaPlace,
  base: JsonObject,
  revision: JsonObject,
  stack: Set<string>,
  depth: number,
): void {
  const before = propertiesOf(base);
  const after = propertiesOf(revision);
  const requiredBefore = requiredOf(base);
  const requiredAfter = requiredOf(revision);
  const request = place.direction === 'request';
  const child = (name: string): SchemaPlace => ({
    ...place,
    property: [...place.property, name],
    where: `${place.where}/properties/${pointerSegment(name)}`,
  });
  // A read-only property never travels in a request, a write-only one never in a response.
  const ignored = (schema: JsonValue | undefined) => {
    const resolved = resolveSchema(request ? context.revision : context.base, schema);
    return resolved?.schema[request ? 'readOnly' : 'writeOnly'] === true;
  };
  for (const name of Object.keys(before)) {
    if (Object.hasOwn(after, name) || ignored(before[name])) continue;
    const where = child(name);
    if (request) emit(context, where, 'removed', `${capital(subject(where))} was removed.`, place.where);
    else
      context.findings.add(
        requiredBefore.has(name) ? 'response-required-property-removed' : 'response-optional-property-removed',
        `${capital(subject(where))} was removed.`,
        place.operation,
        where.where,
      );
  }
  for (const name of Object.keys(after)) {
    const where = child(name);
    if (!Object.hasOwn(before, name)) {
      if (ignored(after[name])) continue;
      if (request)
        context.findings.add(
          requiredAfter.has(name) ? 'new-required-request-property' : 'new-optional-request-property',
          `The ${requiredAfter.has(name) ? 'required' : 'optional'} request property \`${where.property.join('/')}\` was added.`,
          place.operation,
          where.where,
        );
      else
        context.findings.add(
          requiredAfter.has(name) ? 'response-required-property-added' : 'response-optional-property-added',
          `${capital(subject(where))} was added.`,
          place.operation,
          where.where,
        );
      continue;
    }
    if (!ignored(after[name]) && requiredBefore.has(name) !== requiredAfter.has(name)) {
      const nowRequired = requiredAfter.has(name);
      context.findings.add(
        `${request ? 'request' : 'response'}-property-became-${nowRequired ? 'required' : 'optional'}`,
        `${capital(subject(where))} became ${nowRequired ? 'required' : 'optional'}.`,
        place.operation,
        where.where,
      );
    }
    compareValues(context, where, before[name], after[name], stack, depth + 1);
  }
}

/**
 * Compares two schemas at one place and reports what a client of the old contract would meet: narrower
 * requests and wider responses break it. References are followed into the designs' models; a pair of
 * models already being compared further up is not compared again, so recursive models end.
 */
export function compareValues(
  context: DiffContext,
  place: SchemaPlace,
  baseValue: JsonValue | undefined,
  revisionValue: JsonValue | undefined,
  stack: Set<string> = new Set(),
  depth = 0,
): void {
  if (depth > maxDepth) return;
  const base = resolveSchema(context.base, baseValue);
  const revision = resolveSchema(context.revision, revisionValue);
  if (!base || !revision) return;
  const pair = base.ref !== undefined || revision.ref !== undefined ? `${base.ref ?? ''} ${revision.ref ?? ''}` : undefined;
  if (pair !== undefined) {
    if (stack.has(pair)) return;
    stack.add(pair);
  }
  const before = flatten(context.base, base.schema, depth);
  const after = flatten(context.revision, revision.schema, depth);
  compareType(context, place, before, after);
  compareEnum(context, place, before, after);
  compareUpper(context, place, before, after, 'maxLength', 'max-length');
  compareLower(context, place, before, after, 'minLength', 'min-length', 0);
  compareUpper(context, place, before, after, 'maximum', 'max');
  compareLower(context, place, before, after, 'minimum', 'min', undefined);
  if (place.kind === 'parameter') compareUpper(context, place, before, after, 'maxItems', 'max-items');
  compareLower(context, place, before, after, 'minItems', 'min-items', undefined);
  comparePattern(context, place, before, after);
  if (place.kind === 'body') {
    compareProperties(context, place, before, after, stack, depth);
    if (after.items !== undefined && before.items !== undefined)
      compareValues(
        context,
        { ...place, property: [...place.property, 'items'], where: `${place.where}/items` },
        before.items,
        after.items,
        stack,
        depth + 1,
      );
  }
  if (pair !== undefined) stack.delete(pair);
}
