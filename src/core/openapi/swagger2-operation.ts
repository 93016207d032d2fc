import {
  type BodyContent,
  type Extensions,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  type MethodResponse,
  type OperationDoc,
  type Parameter,
  type RequestBody,
  type ResponseHeader,
} from '../model';
import { addedResponses, isAddedResponses } from './added-response';
import { cloneJson, isExtensionKey, own, setOwn } from './json-access';
import { dropField, type ReadContext, readBodySchema, type WriteContext, writeBodySchema } from './operation-context';
import { dereference } from './resolve-refs';
import { exportSchema, importSchema } from './schema-dialect';

/**
 * Swagger 2.0 operations: non-body parameters carry their type inline (`type`, `format`, `items`…), the
 * body is one `in: body` parameter whose media types are the operation's `consumes`, and a response
 * has one `schema` for all of the operation's `produces`.
 */

/** The keys a 2.0 parameter, header or items object shares with a schema. */
const simpleSchemaKeys = new Set([
  'type',
  'format',
  'items',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'enum',
  'multipleOf',
]);

function simpleSchema(raw: JsonObject, context: ReadContext, path: string, what: string): JsonObject {
  const schema: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) if (simpleSchemaKeys.has(key)) setOwn(schema, key, value);
  if (Object.keys(schema).length === 0) return { type: 'string' };
  const imported = importSchema(schema, context.schemas, path);
  if (own(raw, 'collectionFormat') !== undefined) dropField(context, `${what} "collectionFormat"`);
  return isJsonObject(imported) ? imported : { type: 'string' };
}

export function readSwagger2Parameters(
  raw: JsonObject[],
  consumes: string[],
  context: ReadContext,
  path: string,
): { parameters: Parameter[]; requestBody?: RequestBody } {
  const parameters: Parameter[] = [];
  let requestBody: RequestBody | undefined;
  const form: { properties: JsonObject; required: string[] } = { properties: {}, required: [] };
  raw.forEach((item, index) => {
    const where = `${path}.parameters.${index}`;
    const name = own(item, 'name');
    const location = own(item, 'in');
    if (typeof name !== 'string' || typeof location !== 'string') {
      context.notes.add('A parameter without "name" or "in" was left out.', where, 'error');
      return;
    }
    if (location === 'body') {
      const body: RequestBody = { required: own(item, 'required') === true, content: {} };
      const description = own(item, 'description');
      if (typeof description === 'string') body.description = description;
      const schema = own(item, 'schema');
      // `schema: {}` is what the exporter writes for a body whose schema is not known.
      const known = isJsonObject(schema) && Object.keys(schema).length === 0 ? undefined : schema;
      for (const mediaType of consumes) body.content[mediaType] = readBodySchema(known, context, `${where}.schema`);
      requestBody = body;
      return;
    }
    if (location === 'formData') {
      setOwn(form.properties, name, simpleSchema(item, context, where, 'parameter'));
      if (own(item, 'required') === true) form.required.push(name);
      return;
    }
    if (location !== 'path' && location !== 'query' && location !== 'header') {
      context.notes.add(
        `The ${location} parameter "${name}" was left out: API Gateway maps path, query string and header parameters only.`,
        where,
      );
      return;
    }
    const parameter: Parameter = {
      in: location,
      name,
      required: location === 'path' || own(item, 'required') === true,
      schema: simpleSchema(item, context, where, 'parameter'),
    };
    if (location === 'path' && own(item, 'required') !== true)
      context.notes.add(`The path parameter "${name}" is required (OpenAPI and API Gateway require path parameters).`, where);
    const extensions: Extensions = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === 'name' || key === 'in' || key === 'required' || simpleSchemaKeys.has(key) || key === 'collectionFormat') continue;
      if (key === 'description' && typeof value === 'string') parameter.description = value;
      else if (isExtensionKey(key)) setOwn(extensions, key, cloneJson(value));
      else dropField(context, `parameter "${key}"`);
    }
    if (Object.keys(extensions).length > 0) parameter.extensions = extensions;
    parameters.push(parameter);
  });
  if (Object.keys(form.properties).length > 0 && requestBody === undefined) {
    const mediaType = consumes.includes('multipart/form-data') ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    const schema: JsonObject = { type: 'object', properties: form.properties };
    if (form.required.length > 0) schema.required = form.required;
    requestBody = { required: form.required.length > 0, content: { [mediaType]: { schema } } };
    context.notes.add(`The formData parameters were combined into one ${mediaType} request body.`, path);
  }
  return requestBody ? { parameters, requestBody } : { parameters };
}

export function readSwagger2Responses(
  value: JsonValue | undefined,
  produces: string[],
  context: ReadContext,
  path: string,
): MethodResponse[] {
  const responses: MethodResponse[] = [];
  // The response the export adds to an operation that describes none is not one of its own.
  if (!isJsonObject(value) || isAddedResponses(value)) return responses;
  for (const [statusCode, raw] of Object.entries(value)) {
    const where = `${path}.responses.${statusCode}`;
    const response = dereference(context.document, raw, context.notes, where);
    if (!isJsonObject(response)) continue;
    const result: MethodResponse = { statusCode, headers: {}, content: {} };
    const description = own(response, 'description');
    if (typeof description === 'string' && description !== '') result.description = description;
    const schema = own(response, 'schema');
    if (schema !== undefined)
      for (const mediaType of produces) result.content[mediaType] = readBodySchema(schema, context, `${where}.schema`);
    const headers = own(response, 'headers');
    if (isJsonObject(headers))
      for (const [name, header] of Object.entries(headers)) {
        if (!isJsonObject(header)) continue;
        const read: ResponseHeader = { schema: simpleSchema(header, context, `${where}.headers.${name}`, 'response header') };
        const headerDescription = own(header, 'description');
        if (typeof headerDescription === 'string') read.description = headerDescription;
        for (const key of Object.keys(header))
          if (!simpleSchemaKeys.has(key) && key !== 'description') dropField(context, `response header "${key}"`);
        result.headers[name] = read;
      }
    for (const key of Object.keys(response))
      if (!['description', 'headers', 'schema'].includes(key)) dropField(context, `response "${key}"`);
    responses.push(result);
  }
  return responses;
}

/** A schema flattened into a 2.0 parameter or header; anything richer than a simple type is written as a string. */
function flatten(schema: JsonObject | undefined, context: WriteContext, what: string): JsonObject {
  const source = schema ?? { type: 'string' };
  const exported = exportSchema(source, '2.0', context.notes);
  const out: JsonObject = {};
  if (isJsonObject(exported)) {
    const simple = Object.keys(exported).every((key) => simpleSchemaKeys.has(key) || key === 'description' || isExtensionKey(key));
    const type = own(exported, 'type');
    if (simple && typeof type === 'string' && type !== 'object') {
      for (const [key, value] of Object.entries(exported)) if (simpleSchemaKeys.has(key)) setOwn(out, key, value);
      return out;
    }
  }
  context.notes.add(`Swagger 2.0 gives ${what} a simple type only; a richer schema was written as a string.`);
  return { type: 'string' };
}

function bodySchema(content: Record<string, BodyContent>, context: WriteContext, what: string): JsonValue | undefined {
  const bodies = Object.values(content);
  const schemas = bodies.map((body) => writeBodySchema(body, context)).filter((schema) => schema !== undefined);
  const first = schemas[0];
  if (first !== undefined && schemas.some((schema) => JSON.stringify(schema) !== JSON.stringify(first)))
    context.notes.add(`Swagger 2.0 has one schema per ${what} for all media types; the first one was written.`);
  return first;
}

/** The documentation part of a Swagger 2.0 operation (consumes, produces, parameters, responses). */
export function writeSwagger2OperationDoc(doc: OperationDoc, context: WriteContext, out: JsonObject): void {
  const consumes = doc.requestBody ? Object.keys(doc.requestBody.content) : [];
  const produces: string[] = [];
  for (const response of doc.responses)
    for (const mediaType of Object.keys(response.content)) if (!produces.includes(mediaType)) produces.push(mediaType);
  if (consumes.length > 0) out.consumes = consumes;
  if (produces.length > 0) out.produces = produces;
  const parameters: JsonObject[] = doc.parameters.map((parameter) => {
    const written: JsonObject = { name: parameter.name, in: parameter.in };
    if (parameter.required || parameter.in === 'path') written.required = true;
    if (parameter.description !== undefined) written.description = parameter.description;
    Object.assign(written, flatten(parameter.schema, context, 'a parameter'));
    for (const [key, value] of Object.entries(parameter.extensions ?? {}))
      if (!Object.hasOwn(written, key)) setOwn(written, key, cloneJson(value));
    return written;
  });
  if (doc.requestBody) {
    const schema = bodySchema(doc.requestBody.content, context, 'request body');
    const modelId = Object.values(doc.requestBody.content).find((body) => body.modelId !== undefined)?.modelId;
    const modelName = modelId === undefined ? undefined : context.modelNameById.get(modelId);
    const body: JsonObject = { in: 'body', name: modelName ?? 'body' };
    if (doc.requestBody.required) body.required = true;
    if (doc.requestBody.description !== undefined) body.description = doc.requestBody.description;
    // A 2.0 body parameter must have a schema; an empty one accepts anything.
    body.schema = schema ?? {};
    parameters.push(body);
  }
  if (parameters.length > 0) out.parameters = parameters;
  const responses: JsonObject = {};
  for (const response of doc.responses) {
    const item: JsonObject = { description: response.description ?? '' };
    const schema = bodySchema(response.content, context, 'response');
    if (schema !== undefined) item.schema = schema;
    const headerNames = Object.keys(response.headers);
    if (headerNames.length > 0) {
      const headers: JsonObject = {};
      for (const name of headerNames) {
        const header = response.headers[name] as ResponseHeader;
        const written: JsonObject = {};
        if (header.description !== undefined) written.description = header.description;
        Object.assign(written, flatten(header.schema, context, 'a response header'));
        setOwn(headers, name, written);
      }
      item.headers = headers;
    }
    setOwn(responses, response.statusCode, item);
  }
  // OpenAPI requires a response; its description says that Portico added it (added-response.ts).
  out.responses = doc.responses.length === 0 ? addedResponses() : responses;
}
