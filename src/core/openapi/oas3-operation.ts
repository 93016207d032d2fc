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

/** OpenAPI 3.0 operations: parameters with `schema`, `requestBody` with `content`, responses with `content`. */

const defaultSchema = (): JsonObject => ({ type: 'string' });

function readContent(value: JsonValue | undefined, context: ReadContext, path: string): Record<string, BodyContent> {
  const content: Record<string, BodyContent> = {};
  if (!isJsonObject(value)) return content;
  for (const [mediaType, media] of Object.entries(value)) {
    if (!isJsonObject(media)) continue;
    for (const key of Object.keys(media)) if (key !== 'schema') dropField(context, `media type "${key}"`);
    content[mediaType] = readBodySchema(own(media, 'schema'), context, `${path}.content.${mediaType}`);
  }
  return content;
}

export function readOas3Parameter(raw: JsonObject, context: ReadContext, path: string): Parameter | undefined {
  const name = own(raw, 'name');
  const location = own(raw, 'in');
  if (typeof name !== 'string' || typeof location !== 'string') {
    context.notes.add('A parameter without "name" or "in" was left out.', path, 'error');
    return undefined;
  }
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    context.notes.add(
      `The ${location} parameter "${name}" was left out: API Gateway maps path, query string and header parameters only.`,
      path,
    );
    return undefined;
  }
  const parameter: Parameter = { in: location, name, required: location === 'path' || own(raw, 'required') === true };
  if (location === 'path' && own(raw, 'required') !== true)
    context.notes.add(`The path parameter "${name}" is required (OpenAPI and API Gateway require path parameters).`, path);
  const extensions: Extensions = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'name' || key === 'in' || key === 'required') continue;
    if (key === 'description' && typeof value === 'string') parameter.description = value;
    else if (key === 'schema') parameter.schema = asObject(importSchema(value, context.schemas, `${path}.schema`));
    else if (key === 'content' && isJsonObject(value) && parameter.schema === undefined) {
      const first = Object.values(value)[0];
      const schema = isJsonObject(first) ? own(first, 'schema') : undefined;
      if (schema !== undefined) parameter.schema = asObject(importSchema(schema, context.schemas, `${path}.content`));
      dropField(context, 'parameter "content" (its schema was kept)');
    } else if (isExtensionKey(key)) setOwn(extensions, key, cloneJson(value));
    else dropField(context, `parameter "${key}"`);
  }
  parameter.schema ??= defaultSchema();
  if (Object.keys(extensions).length > 0) parameter.extensions = extensions;
  return parameter;
}

function asObject(value: JsonValue): JsonObject {
  return isJsonObject(value) ? value : defaultSchema();
}

export function readOas3RequestBody(value: JsonValue, context: ReadContext, path: string): RequestBody | undefined {
  const body = dereference(context.document, value, context.notes, path);
  if (!isJsonObject(body)) return undefined;
  const requestBody: RequestBody = { required: own(body, 'required') === true, content: readContent(own(body, 'content'), context, path) };
  const description = own(body, 'description');
  if (typeof description === 'string') requestBody.description = description;
  for (const key of Object.keys(body))
    if (!['required', 'content', 'description'].includes(key)) dropField(context, `request body "${key}"`);
  return requestBody;
}

function readHeader(value: JsonValue, context: ReadContext, path: string): ResponseHeader | undefined {
  const header = dereference(context.document, value, context.notes, path);
  if (!isJsonObject(header)) return undefined;
  const result: ResponseHeader = { schema: asObject(importSchema(own(header, 'schema') ?? defaultSchema(), context.schemas, path)) };
  const description = own(header, 'description');
  if (typeof description === 'string') result.description = description;
  for (const key of Object.keys(header)) if (key !== 'schema' && key !== 'description') dropField(context, `response header "${key}"`);
  return result;
}

export function readOas3Responses(value: JsonValue | undefined, context: ReadContext, path: string): MethodResponse[] {
  const responses: MethodResponse[] = [];
  // The response the export adds to an operation that describes none is not one of its own.
  if (!isJsonObject(value) || isAddedResponses(value)) return responses;
  for (const [statusCode, raw] of Object.entries(value)) {
    const where = `${path}.responses.${statusCode}`;
    const response = dereference(context.document, raw, context.notes, where);
    if (!isJsonObject(response)) continue;
    const result: MethodResponse = { statusCode, headers: {}, content: readContent(own(response, 'content'), context, where) };
    const description = own(response, 'description');
    // The exporter writes an empty description for a response without one (OpenAPI requires the field).
    if (typeof description === 'string' && description !== '') result.description = description;
    const headers = own(response, 'headers');
    if (isJsonObject(headers))
      for (const [name, header] of Object.entries(headers)) {
        const read = readHeader(header, context, `${where}.headers.${name}`);
        if (read) result.headers[name] = read;
      }
    for (const key of Object.keys(response))
      if (!['description', 'headers', 'content'].includes(key)) dropField(context, `response "${key}"`);
    responses.push(result);
  }
  return responses;
}

function writeContent(content: Record<string, BodyContent>, context: WriteContext): JsonObject {
  const out: JsonObject = {};
  for (const [mediaType, body] of Object.entries(content)) {
    const schema = writeBodySchema(body, context);
    setOwn(out, mediaType, schema === undefined ? {} : { schema });
  }
  return out;
}

export function writeOas3Parameter(parameter: Parameter, context: WriteContext): JsonObject {
  const out: JsonObject = { name: parameter.name, in: parameter.in };
  if (parameter.required || parameter.in === 'path') out.required = true;
  if (parameter.description !== undefined) out.description = parameter.description;
  out.schema = exportSchema(parameter.schema ?? defaultSchema(), context.version, context.notes);
  for (const [key, value] of Object.entries(parameter.extensions ?? {})) if (!Object.hasOwn(out, key)) setOwn(out, key, cloneJson(value));
  return out;
}

/** The documentation part of an OpenAPI 3.0 operation (parameters, request body, responses). */
export function writeOas3OperationDoc(doc: OperationDoc, context: WriteContext, out: JsonObject): void {
  if (doc.parameters.length > 0) out.parameters = doc.parameters.map((parameter) => writeOas3Parameter(parameter, context));
  if (doc.requestBody) {
    const body: JsonObject = {};
    if (doc.requestBody.description !== undefined) body.description = doc.requestBody.description;
    body.content = writeContent(doc.requestBody.content, context);
    if (doc.requestBody.required) body.required = true;
    out.requestBody = body;
  }
  const responses: JsonObject = {};
  for (const response of doc.responses) {
    const item: JsonObject = { description: response.description ?? '' };
    const headerNames = Object.keys(response.headers);
    if (headerNames.length > 0) {
      const headers: JsonObject = {};
      for (const name of headerNames) {
        const header = response.headers[name] as ResponseHeader;
        const written: JsonObject = {};
        if (header.description !== undefined) written.description = header.description;
        written.schema = exportSchema(header.schema ?? defaultSchema(), context.version, context.notes);
        setOwn(headers, name, written);
      }
      item.headers = headers;
    }
    if (Object.keys(response.content).length > 0) item.content = writeContent(response.content, context);
    setOwn(responses, response.statusCode, item);
  }
  // OpenAPI requires a response; its description says that Portico added it (added-response.ts).
  out.responses = doc.responses.length === 0 ? addedResponses() : responses;
}
