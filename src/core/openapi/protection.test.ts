import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Design, isJsonObject, type JsonObject } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { parseText } from './parse-text';
import { stringifyDocument } from './stringify';
import { designProtection, documentProtection, type Protection, withoutIdentity } from './testing/protection';
import type { ImportFinding, OpenApiVersion } from './types';

/**
 * Security is never weakened: each operation's protection (authorization type, the authorizer with
 * its name, type and what it trusts, scopes, API key) read from the original document is the one the
 * design holds after import, the one the export says (OpenAPI 3, and Swagger 2 for REST APIs), and the
 * one the design and the export hold after importing that export again. The corpus folder is read at
 * test time; the small documents below each reproduce one way deployed documents write security.
 */

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const files = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

function parsed(text: string): JsonObject {
  const result = parseText(text);
  if (!result.ok || !isJsonObject(result.value)) throw new Error('the document does not parse');
  return result.value;
}

function imported(text: string): { design: Design; notes: ImportFinding[] } {
  const result = importOpenApi(text);
  if (!result.ok) throw new Error(result.error.message);
  return { design: result.design, notes: result.notes };
}

function exported(design: Design, version: OpenApiVersion): JsonObject {
  const result = exportOpenApi(design, { version });
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** The round trips of one document: what each stage says protects each operation. */
function roundTrips(text: string) {
  const original = parsed(text);
  const { design, notes } = imported(text);
  const apiType = design.api.type;
  const before = documentProtection(original, apiType);
  const versions: OpenApiVersion[] = apiType === 'REST' ? ['3.0', '2.0'] : ['3.0'];
  const exports = versions.map((version) => {
    const document = exported(design, version);
    const again = imported(stringifyDocument(document, version === '3.0' ? 'yaml' : 'json')).design;
    return { version, document, again, exportedAgain: exported(again, version) };
  });
  return { original, design, notes, apiType, before, exports };
}

function protectedOperations(protections: Record<string, Protection>): number {
  return Object.values(protections).filter((protection) => protection.authorizationType !== 'NONE' || protection.apiKeyRequired).length;
}

describe('every corpus document keeps each operation’s protection', () => {
  it('has documents, some of them protected', () => {
    expect(files.length).toBeGreaterThanOrEqual(37);
    const protectedCount = files.filter(
      (name) => protectedOperations(roundTrips(readFileSync(join(corpusFolder, name), 'utf8')).before) > 0,
    ).length;
    expect(protectedCount).toBeGreaterThanOrEqual(7);
  });

  describe.each(files)('%s', (name) => {
    const trip = roundTrips(readFileSync(join(corpusFolder, name), 'utf8'));

    it('the design holds the protection the document gives each operation', () => {
      expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    });

    it('each export gives each operation the same protection, and so does importing it again', () => {
      for (const { version, document, again, exportedAgain } of trip.exports) {
        expect(documentProtection(document, trip.apiType), `export as ${version}`).toEqual(trip.before);
        expect(designProtection(again), `export as ${version}, imported again`).toEqual(withoutIdentity(trip.before));
        expect(documentProtection(exportedAgain, trip.apiType), `export as ${version}, imported and exported again`).toEqual(trip.before);
      }
    });
  });
});

/** A REST document in OpenAPI 3 or Swagger 2 with the given root fields and `/items` operations. */
function restDocument(version: OpenApiVersion, root: JsonObject, operations: JsonObject): string {
  const integration = { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } };
  const paths: JsonObject = {};
  for (const [verb, operation] of Object.entries(operations))
    paths[verb] = {
      responses: { '200': { description: 'OK' } },
      'x-amazon-apigateway-integration': integration,
      ...(operation as JsonObject),
    };
  return JSON.stringify({
    ...(version === '3.0' ? { openapi: '3.0.1' } : { swagger: '2.0' }),
    info: { title: 'Items', version: '1' },
    paths: { '/items': paths },
    ...root,
  });
}

const cognitoScheme = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'cognito_user_pools',
  'x-amazon-apigateway-authorizer': {
    type: 'cognito_user_pools',
    providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123'],
  },
};
const tokenScheme = {
  type: 'apiKey',
  name: 'Authorization',
  in: 'header',
  'x-amazon-apigateway-authtype': 'custom',
  'x-amazon-apigateway-authorizer': {
    type: 'token',
    authorizerUri:
      'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
  },
};
const sigv4Scheme = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
const apiKeyScheme = { type: 'apiKey', name: 'x-api-key', in: 'header' };

function errorsOf(notes: ImportFinding[]): string[] {
  return notes.filter((note) => note.severity === 'error').map((note) => note.message);
}

describe('each way deployed documents write security', () => {
  it('an OpenAPI 3 document with its Cognito authorizer under a root securityDefinitions keeps it', () => {
    const text = restDocument(
      '3.0',
      { securityDefinitions: { Pool: cognitoScheme } },
      { get: { security: [{ Pool: ['items/read'] }] }, post: { security: [{ Pool: [] }] } },
    );
    const trip = roundTrips(text);
    expect(trip.before['GET /items']).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', scopes: ['items/read'] });
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document, again } of trip.exports) {
      expect(documentProtection(document, 'REST')).toEqual(trip.before);
      expect(designProtection(again)).toEqual(withoutIdentity(trip.before));
    }
    // The export writes the scheme where OpenAPI 3 puts it.
    const document = trip.exports[0]?.document as JsonObject;
    expect((document.components as JsonObject).securitySchemes).toHaveProperty('Pool');
    expect(document.securityDefinitions).toBeUndefined();
    expect(errorsOf(trip.notes)).toEqual([]);
  });

  it('a Swagger 2 document with its schemes under components.securitySchemes keeps them', () => {
    const text = restDocument('2.0', { components: { securitySchemes: { Auth: tokenScheme } } }, { get: { security: [{ Auth: [] }] } });
    const trip = roundTrips(text);
    expect(trip.before['GET /items']?.authorizationType).toBe('CUSTOM');
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document } of trip.exports) expect(documentProtection(document, 'REST')).toEqual(trip.before);
  });

  it('a document-level security protects every operation without its own, also after export', () => {
    const text = restDocument(
      '3.0',
      { components: { securitySchemes: { Pool: cognitoScheme, api_key: apiKeyScheme } }, security: [{ Pool: [] }, { api_key: [] }] },
      { get: {}, put: { security: [{ api_key: [] }] } },
    );
    const trip = roundTrips(text);
    expect(trip.before['GET /items']).toMatchObject({ authorizationType: 'COGNITO_USER_POOLS', apiKeyRequired: true });
    expect(trip.before['PUT /items']).toMatchObject({ authorizationType: 'NONE', apiKeyRequired: true });
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document, again } of trip.exports) {
      expect(documentProtection(document, 'REST')).toEqual(trip.before);
      expect(designProtection(again)).toEqual(withoutIdentity(trip.before));
      // Written on each operation, where API Gateway reads it.
      expect(((document.paths as JsonObject)['/items'] as JsonObject).get).toHaveProperty('security');
    }
  });

  const openUnderDocumentSecurity = 'an operation with security: [] under a document-level security stays open after export';
  it(openUnderDocumentSecurity, () => {
    const text = restDocument(
      '3.0',
      { components: { securitySchemes: { Pool: cognitoScheme } }, security: [{ Pool: [] }] },
      { get: { security: [] }, post: {} },
    );
    const trip = roundTrips(text);
    expect(trip.before['GET /items']?.authorizationType).toBe('NONE');
    expect(trip.before['POST /items']?.authorizationType).toBe('COGNITO_USER_POOLS');
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document, again } of trip.exports) {
      expect(documentProtection(document, 'REST')).toEqual(trip.before);
      expect(designProtection(again)).toEqual(withoutIdentity(trip.before));
    }
  });

  const statedAuth = 'an operation that states its authorization with x-amazon-apigateway-auth does not take the document-level security';
  it(statedAuth, () => {
    const text = restDocument(
      '3.0',
      { components: { securitySchemes: { Pool: cognitoScheme } }, security: [{ Pool: [] }] },
      { get: { 'x-amazon-apigateway-auth': { type: 'AWS_IAM' } }, put: { 'x-amazon-apigateway-auth': { type: 'NONE' } }, post: {} },
    );
    const trip = roundTrips(text);
    expect(trip.before).toMatchObject({
      'GET /items': { authorizationType: 'AWS_IAM' },
      'PUT /items': { authorizationType: 'NONE' },
      'POST /items': { authorizationType: 'COGNITO_USER_POOLS' },
    });
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
  });

  it('IAM, as an awsSigv4 scheme or as x-amazon-apigateway-auth, and API keys with or without an authorizer', () => {
    const text = restDocument(
      '2.0',
      { securityDefinitions: { sigv4: sigv4Scheme, Auth: tokenScheme, api_key: apiKeyScheme } },
      {
        get: { security: [{ sigv4: [] }] },
        put: { 'x-amazon-apigateway-auth': { type: 'aws_iam' } },
        post: { security: [{ Auth: [] }, { api_key: [] }] },
        delete: { security: [{ NONE: [] }, { api_key: [] }] },
        patch: { security: [{ Auth: [], api_key: [] }] },
      },
    );
    const trip = roundTrips(text);
    expect(trip.before).toMatchObject({
      'GET /items': { authorizationType: 'AWS_IAM', apiKeyRequired: false },
      'PUT /items': { authorizationType: 'AWS_IAM' },
      'POST /items': { authorizationType: 'CUSTOM', apiKeyRequired: true },
      'DELETE /items': { authorizationType: 'NONE', apiKeyRequired: true },
      'PATCH /items': { authorizationType: 'CUSTOM', apiKeyRequired: true },
    });
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document, again } of trip.exports) {
      expect(documentProtection(document, 'REST')).toEqual(trip.before);
      expect(designProtection(again)).toEqual(withoutIdentity(trip.before));
    }
    expect(errorsOf(trip.notes)).toEqual([]);
  });

  it('HTTP API JWT scopes and a Lambda authorizer keep their routes protected', () => {
    const text = JSON.stringify({
      openapi: '3.0.1',
      info: { title: 'Http', version: '1' },
      paths: {
        '/a': {
          get: {
            security: [{ Jwt: ['read', 'write'] }],
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'GET',
              uri: 'https://example.com',
              payloadFormatVersion: '1.0',
            },
          },
          post: {
            security: [{ Lambda: [] }],
            'x-amazon-apigateway-integration': {
              type: 'http_proxy',
              httpMethod: 'POST',
              uri: 'https://example.com',
              payloadFormatVersion: '1.0',
            },
          },
        },
      },
      components: {
        securitySchemes: {
          Jwt: {
            type: 'oauth2',
            flows: {},
            'x-amazon-apigateway-authorizer': {
              type: 'jwt',
              jwtConfiguration: { issuer: 'https://issuer.example.com', audience: ['client'] },
              identitySource: '$request.header.Authorization',
            },
          },
          Lambda: {
            type: 'apiKey',
            name: 'Authorization',
            in: 'header',
            'x-amazon-apigateway-authorizer': {
              type: 'request',
              identitySource: '$request.header.Authorization',
              authorizerUri:
                'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
              authorizerPayloadFormatVersion: '2.0',
              enableSimpleResponses: true,
            },
          },
        },
      },
      'x-amazon-apigateway-importexport-version': '1.0',
    });
    const trip = roundTrips(text);
    expect(trip.apiType).toBe('HTTP');
    expect(trip.before['GET /a']).toMatchObject({ authorizationType: 'JWT', scopes: ['read', 'write'] });
    expect(trip.before['POST /a']).toMatchObject({ authorizationType: 'CUSTOM' });
    expect(designProtection(trip.design)).toEqual(withoutIdentity(trip.before));
    for (const { document, again } of trip.exports) {
      expect(documentProtection(document, 'HTTP')).toEqual(trip.before);
      expect(designProtection(again)).toEqual(withoutIdentity(trip.before));
    }
  });

  const unhonoured = restDocument(
    '3.0',
    {
      components: {
        securitySchemes: {
          Basic: { type: 'http', scheme: 'basic' },
          Auth: tokenScheme,
          Other: cognitoScheme,
          Half: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools' },
        },
      },
    },
    {
      get: { security: [{ Missing: [] }] },
      put: { security: [{ Basic: [] }] },
      post: { security: [{ Auth: [] }, { Other: [] }] },
      delete: { security: 'Auth' },
      patch: { security: [{ Half: [] }] },
    },
  );
  const operationPaths = [
    'paths./items.get.security',
    'paths./items.put.security',
    'paths./items.post.security',
    'paths./items.delete.security',
  ];

  it('a requirement that cannot be honoured is reported on its operation, saying why', () => {
    const { notes } = imported(unhonoured);
    const at = (path: string) => notes.find((note) => note.path === path)?.message;
    expect(at('paths./items.get.security')).toMatch(/"Missing" is not defined/);
    expect(at('paths./items.put.security')).toMatch(/"Basic" could not be imported \(it is a "http" scheme/);
    expect(at('paths./items.post.security')).toMatch(/"Other" was left out/);
    expect(at('paths./items.delete.security')).toMatch(/not a list/);
    // An authorizer's authtype without its authorizer is not read as the API key requirement.
    expect(at('paths./items.patch.security')).toMatch(/"Half" could not be imported \(its x-amazon-apigateway-authtype/);
    expect(designProtection(imported(unhonoured).design)['PATCH /items']).toMatchObject({
      authorizationType: 'NONE',
      apiKeyRequired: false,
    });
    expect(notes.find((note) => note.path === 'components.securitySchemes.Basic')?.severity).toBe('error');
  });

  const unhonouredIsError = 'a requirement that cannot be honoured is an error, never a silently open method';
  it(unhonouredIsError, () => {
    const { notes } = imported(unhonoured);
    for (const path of operationPaths) expect(notes.find((note) => note.path === path)?.severity, path).toBe('error');
  });
});
