import { isJsonObject, type JsonObject, type JsonValue } from '../model';
import { own } from './json-access';
import type { ImportNote, OpenApiVersion } from './types';

export type VersionResult =
  | { ok: true; version: OpenApiVersion; document: JsonObject; notes: ImportNote[] }
  | { ok: false; message: string };

const expected = 'expected an OpenAPI 3.0 document ("openapi": "3.0.x") or a Swagger 2.0 document ("swagger": "2.0")';

/**
 * Which OpenAPI generation a parsed document is, or why it is not one API Gateway can import. API
 * Gateway accepts OpenAPI 2.0 and 3.0.x (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html);
 * YAML writes `swagger: 2.0` and `openapi: 3.0` as numbers when unquoted, which is accepted too.
 */
export function documentVersion(value: JsonValue): VersionResult {
  if (!isJsonObject(value)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'empty (null)' : `a single ${typeof value}`;
    return { ok: false, message: `This is not an OpenAPI document: the top level is ${what}; ${expected}.` };
  }
  const notes: ImportNote[] = [];
  const openapi = own(value, 'openapi');
  const swagger = own(value, 'swagger');
  if (openapi !== undefined) {
    const text = typeof openapi === 'number' ? String(openapi) : openapi;
    if (typeof text !== 'string') return { ok: false, message: `The "openapi" field should be a version such as "3.0.1"; ${expected}.` };
    if (/^3\.0(\.\d+)?$/.test(text) || text === '3') {
      if (text !== '3.0' && !/^3\.0\.\d+$/.test(text))
        notes.push({ message: `"openapi": ${JSON.stringify(openapi)} is not a full version; read as OpenAPI 3.0.`, path: 'openapi' });
      return { ok: true, version: '3.0', document: value, notes };
    }
    if (/^3\.[1-9]/.test(text)) {
      notes.push({
        message: `OpenAPI ${text} is newer than API Gateway's importer accepts (3.0.x); it was read as 3.0, and 3.1-only schema features may not export cleanly.`,
        path: 'openapi',
      });
      return { ok: true, version: '3.0', document: value, notes };
    }
    return {
      ok: false,
      message: `OpenAPI version ${text} is not supported: the "openapi" field says ${JSON.stringify(text)}; ${expected}.`,
    };
  }
  if (swagger !== undefined) {
    const text = typeof swagger === 'number' ? swagger.toFixed(1) : swagger;
    if (text === '2.0' || text === '2') return { ok: true, version: '2.0', document: value, notes };
    return {
      ok: false,
      message: `Swagger version ${JSON.stringify(swagger)} is not supported: the "swagger" field should be "2.0"; ${expected}.`,
    };
  }
  if (own(value, 'AWSTemplateFormatVersion') !== undefined || isJsonObject(own(value, 'Resources')))
    return {
      ok: false,
      message:
        'This is a CloudFormation or SAM template, not an OpenAPI document: import the API definition inside it (the DefinitionBody or Body of the API resource).',
    };
  if (own(value, 'asyncapi') !== undefined) return { ok: false, message: `This is an AsyncAPI document; ${expected}.` };
  return { ok: false, message: `This is not an OpenAPI document: it has no "openapi" or "swagger" field; ${expected}.` };
}
