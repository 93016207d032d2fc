import type { Design } from '../design';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { OperationDoc } from '../operation-doc';

/**
 * Schemas refer to models by name (`{"$ref": "#/components/schemas/Pet"}`, model-schema.ts), so a model's
 * name is part of every schema that uses it: renaming the model must rewrite those references, and a model
 * still referenced cannot be deleted, or the export would hold a reference to nothing, which API Gateway
 * refuses on import (and OpenAPI validators too).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
 */
const prefix = '#/components/schemas/';

function refName(value: JsonObject): string | undefined {
  const ref = value.$ref;
  return typeof ref === 'string' && ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/** Whether a schema refers to the model `name` anywhere inside it. */
export function schemaMentionsModel(schema: JsonValue | undefined, name: string): boolean {
  const pending: (JsonValue | undefined)[] = [schema];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) pending.push(...value);
    else if (isJsonObject(value)) {
      if (refName(value) === name) return true;
      for (const key of Object.keys(value)) pending.push(value[key]);
    }
  }
  return false;
}

/** The schema with references to the model `from` written to `to`; the same object when nothing changed. */
export function renameModelInSchema<T extends JsonValue>(schema: T, from: string, to: string, depth = 0): T {
  // Schemas come from the importer (nesting capped) or the model editor; the cap only guards recursion.
  if (depth > 1_000 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) {
    let changed = false;
    const next = schema.map((item) => {
      const mapped = renameModelInSchema(item, from, to, depth + 1);
      if (mapped !== item) changed = true;
      return mapped;
    });
    return (changed ? next : schema) as T;
  }
  const object = schema as JsonObject;
  let result: JsonObject | undefined;
  for (const key of Object.keys(object)) {
    const item = object[key] as JsonValue;
    const next = key === '$ref' && refName(object) === from ? `${prefix}${to}` : renameModelInSchema(item, from, to, depth + 1);
    if (next !== item) {
      result ??= { ...object };
      // `__proto__` never reaches here as a key of plain design data (parseDesign refuses it).
      result[key] = next;
    }
  }
  return (result ?? object) as T;
}

/** The schemas written in place in an operation's documentation (bodies, parameters, response headers). */
function docSchemas(doc: OperationDoc): (JsonObject | undefined)[] {
  const schemas: (JsonObject | undefined)[] = doc.parameters.map((parameter) => parameter.schema);
  for (const body of Object.values(doc.requestBody?.content ?? {})) schemas.push(body.schema);
  for (const response of doc.responses) {
    for (const body of Object.values(response.content)) schemas.push(body.schema);
    for (const header of Object.values(response.headers)) schemas.push(header.schema);
  }
  return schemas;
}

/** What refers to the model `name` by reference in a schema: another model's name, or an operation's label. */
export function modelReferrer(design: Design, name: string, ignoreModelId?: string): string | undefined {
  for (const model of Object.values(design.models))
    if (model.id !== ignoreModelId && schemaMentionsModel(model.schema, name)) return `the model "${model.name}"`;
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)])
    if (docSchemas(owner).some((schema) => schemaMentionsModel(schema, name)))
      return 'routeKey' in owner ? `the route ${owner.routeKey}` : `a ${owner.httpMethod} method`;
  return undefined;
}

function renameInDoc<T extends OperationDoc>(doc: T, from: string, to: string): T {
  const rename = <S extends JsonObject | undefined>(schema: S): S =>
    schema === undefined ? schema : renameModelInSchema(schema, from, to);
  const parameters = doc.parameters.map((parameter) =>
    parameter.schema === undefined || rename(parameter.schema) === parameter.schema
      ? parameter
      : { ...parameter, schema: rename(parameter.schema) },
  );
  const content = <C extends Record<string, { schema?: JsonObject }>>(map: C): C => {
    let next: C | undefined;
    for (const [mediaType, body] of Object.entries(map)) {
      const schema = rename(body.schema);
      if (schema !== body.schema) {
        next ??= { ...map };
        (next as Record<string, unknown>)[mediaType] = { ...body, schema };
      }
    }
    return next ?? map;
  };
  const responses = doc.responses.map((response) => {
    const bodies = content(response.content);
    let headers = response.headers;
    for (const [headerName, header] of Object.entries(response.headers)) {
      const schema = rename(header.schema);
      if (schema !== header.schema) headers = { ...headers, [headerName]: { ...header, schema } };
    }
    return bodies === response.content && headers === response.headers ? response : { ...response, content: bodies, headers };
  });
  const requestBody = doc.requestBody && { ...doc.requestBody, content: content(doc.requestBody.content) };
  const changed =
    parameters.some((parameter, index) => parameter !== doc.parameters[index]) ||
    responses.some((response, index) => response !== doc.responses[index]) ||
    (doc.requestBody !== undefined && requestBody?.content !== doc.requestBody.content);
  if (!changed) return doc;
  const same = <E>(next: E[], before: E[]) => (next.every((item, index) => item === before[index]) ? before : next);
  return {
    ...doc,
    parameters: same(parameters, doc.parameters),
    responses: same(responses, doc.responses),
    ...(requestBody ? { requestBody } : {}),
  };
}

/** The design with every schema reference to the model `from` rewritten to `to` (models, bodies, parameters, headers). */
export function renameModelReferences(design: Design, from: string, to: string): Design {
  const models = { ...design.models };
  for (const model of Object.values(design.models)) {
    const schema = renameModelInSchema(model.schema, from, to);
    if (schema !== model.schema) models[model.id] = { ...model, schema };
  }
  const methods = { ...design.methods };
  for (const method of Object.values(design.methods)) methods[method.id] = renameInDoc(method, from, to);
  const routes = { ...design.routes };
  for (const route of Object.values(design.routes)) routes[route.id] = renameInDoc(route, from, to);
  return { ...design, models, methods, routes };
}
