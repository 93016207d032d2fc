import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examples, restPetStore } from '../examples';
import { applyOperation, type Design, isJsonObject, type JsonObject, type JsonValue, setOperationInternal } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import { officialSchemaErrors, unresolvedReferences } from './testing/official-schemas';
import { redoclyErrors } from './testing/redocly-spec-rules';
import type { OpenApiVersion } from './types';

const corpusFolder = join(__dirname, '../../../../shared/corpus/real-world');
const corpus = readdirSync(corpusFolder)
  .filter((name) => /\.(json|ya?ml)$/.test(name))
  .sort();

function versionsOf(design: Design): OpenApiVersion[] {
  return design.api.type === 'REST' ? ['3.0', '2.0'] : design.api.type === 'HTTP' ? ['3.0'] : [];
}

function publicDocument(design: Design, version: OpenApiVersion, stageName?: string) {
  const exported = exportOpenApi(design, { version, profile: 'public', ...(stageName !== undefined ? { stageName } : {}) });
  if (!exported.ok) throw new Error(exported.message);
  return exported;
}

/** Every key of a document, at any depth. */
function keysOf(value: JsonValue, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, found);
  else if (isJsonObject(value))
    for (const [key, item] of Object.entries(value)) {
      found.push(key);
      keysOf(item, found);
    }
  return found;
}

/** Operations of a document as `VERB /path`. */
function operationsOf(document: JsonObject): string[] {
  const found: string[] = [];
  for (const [path, item] of Object.entries((document.paths as JsonObject) ?? {}))
    for (const key of Object.keys(item as JsonObject))
      if (key !== 'parameters' && !key.startsWith('x-')) found.push(`${key.toUpperCase()} ${path}`);
  return found;
}

/** The design with every second method or route marked internal (WebSocket routes cannot be, and stay as they are). */
function markAllSecondOperationsInternal(design: Design): Design {
  let current = design;
  const owners = design.api.type === 'REST' ? Object.keys(design.methods) : Object.keys(design.routes);
  owners.forEach((id, index) => {
    if (index % 2 === 1) {
      const result = applyOperation(current, (d) => setOperationInternal(d, id as never, true));
      if (result.ok) current = result.design;
    }
  });
  return current;
}

async function expectCleanAndValid(design: Design, version: OpenApiVersion, stageName?: string): Promise<JsonObject> {
  const { document } = publicDocument(design, version, stageName);
  expect(officialSchemaErrors(document)).toEqual([]);
  expect(unresolvedReferences(document)).toEqual([]);
  expect(await redoclyErrors(document)).toEqual([]);
  const text = stringifyDocument(document, 'json');
  expect(keysOf(document).filter((key) => key.startsWith('x-amazon-apigateway'))).toEqual([]);
  expect(text).not.toContain('arn:aws');
  expect(text).not.toContain('${stageVariables.');
  expect(text).not.toContain('x-portico-internal');
  // No operation marked internal is there.
  const aws = exportOpenApi(design, { version, ...(stageName !== undefined ? { stageName } : {}) });
  if (!aws.ok) throw new Error(aws.message);
  const internal = new Set<string>();
  for (const [path, item] of Object.entries(aws.document.paths as JsonObject))
    for (const [key, operation] of Object.entries(item as JsonObject))
      if (isJsonObject(operation) && operation['x-portico-internal'] === true) internal.add(`${key.toUpperCase()} ${path}`);
  for (const operation of operationsOf(document)) expect(internal.has(operation)).toBe(false);
  return document;
}

describe('the public profile of every corpus document and gallery example', () => {
  describe.each(corpus)('corpus %s', (name) => {
    const result = importOpenApi(readFileSync(join(corpusFolder, name), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    const design = markAllSecondOperationsInternal(result.design);
    it.each(versionsOf(design))(
      'as %s: valid, without API Gateway extensions, ARNs, stage variables or internal operations',
      async (version) => {
        await expectCleanAndValid(design, version);
      },
    );
  });

  const gallery = examples.filter((example) => versionsOf(example.build()).length > 0);
  describe.each(gallery.map((example) => [example.id, example] as const))('gallery example %s', (_id, example) => {
    const design = markAllSecondOperationsInternal(example.build());
    it.each(versionsOf(design))('as %s, and as %s of each stage', async (version) => {
      await expectCleanAndValid(design, version);
      for (const stageId of design.stageOrder) await expectCleanAndValid(design, version, design.stages[stageId]?.name);
    });
  });
});

describe('internal operations', () => {
  const petStore = () => restPetStore();
  const markFirst = (design: Design) => {
    const [first] = Object.keys(design.methods);
    const result = applyOperation(design, (d) => setOperationInternal(d, first as never, true));
    if (!result.ok) throw new Error(result.error.message);
    return { design: result.design, id: first as string };
  };

  it('are written x-portico-internal in the AWS export, read back as internal, and left out of the public one with a note', () => {
    const { design, id } = markFirst(petStore());
    const method = design.methods[id as keyof Design['methods']];
    if (!method) throw new Error('no method');
    const aws = exportOpenApi(design, { version: '3.0' });
    if (!aws.ok) throw new Error(aws.message);
    const awsOperations = Object.values(aws.document.paths as JsonObject).flatMap((item) => Object.values(item as JsonObject));
    expect(awsOperations.filter((operation) => isJsonObject(operation) && operation['x-portico-internal'] === true)).toHaveLength(1);
    const again = importOpenApi(stringifyDocument(aws.document, 'yaml'));
    if (!again.ok) throw new Error(again.error.message);
    const internal = Object.values(again.design.methods).filter((candidate) => candidate.internal);
    expect(internal.map((candidate) => candidate.operationName)).toEqual([method.operationName]);
    expect(internal[0]?.extensions?.['x-portico-internal']).toBeUndefined();

    const published = publicDocument(design, '3.0');
    const all = operationsOf(
      exportOpenApi(petStore(), { version: '3.0', profile: 'public' }).ok ? publicDocument(petStore(), '3.0').document : {},
    );
    expect(operationsOf(published.document)).toHaveLength(all.length - 1);
    expect(published.notes.some((note) => /^1 internal operation was left out: /.test(note))).toBe(true);
  });

  it('leave out the models only they used, and keep the others', () => {
    const design = petStore();
    const aws = exportOpenApi(design, { version: '3.0' });
    if (!aws.ok) throw new Error(aws.message);
    const models = Object.keys(((aws.document.components as JsonObject)?.schemas as JsonObject) ?? {});
    expect(models.length).toBeGreaterThan(0);
    let everything = design;
    for (const id of Object.keys(design.methods)) {
      const result = applyOperation(everything, (d) => setOperationInternal(d, id as never, true));
      if (result.ok) everything = result.design;
    }
    const { document, notes } = publicDocument(everything, '3.0');
    expect(document.paths).toEqual({});
    expect((document.components as JsonObject | undefined)?.schemas).toBeUndefined();
    expect(notes.some((note) => note.startsWith('Models only internal operations use were left out'))).toBe(true);
  });
});

describe('servers: the stage invoke URL', () => {
  it('names each stage at the default endpoint, with the API id and Region as variables', () => {
    const design = restPetStore();
    const { document } = publicDocument(design, '3.0');
    const servers = document.servers as JsonObject[];
    const stages = design.stageOrder.map((id) => design.stages[id]?.name);
    expect(servers.map((server) => server.url)).toEqual(
      stages.map((name) => `https://{restapi-id}.execute-api.{region}.amazonaws.com/${name}`),
    );
    expect(Object.keys(servers[0]?.variables as JsonObject)).toEqual(['restapi-id', 'region']);
  });

  it('names the one stage asked for; Swagger 2.0 as host and base path', () => {
    const design = restPetStore();
    const stage = design.stages[design.stageOrder[0] as keyof Design['stages']]?.name as string;
    expect((publicDocument(design, '3.0', stage).document.servers as JsonObject[]).length).toBe(1);
    const swagger = publicDocument(design, '2.0', stage).document;
    expect(swagger.host).toMatch(/^restapi-id\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/);
    expect(swagger.basePath).toBe(`/${stage}`);
    expect(swagger.schemes).toEqual(['https']);
  });

  it('takes the Region from the ARNs of the design when they name one', () => {
    const document = importOpenApi(
      JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'One Region', version: '1' },
        paths: {
          '/a': {
            get: {
              responses: { '200': { description: 'OK' } },
              'x-amazon-apigateway-integration': {
                type: 'aws_proxy',
                httpMethod: 'POST',
                uri: 'arn:aws:apigateway:eu-west-3:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-3:123456789012:function:a/invocations',
              },
            },
          },
        },
      }),
    );
    if (!document.ok) throw new Error(document.error.message);
    const servers = publicDocument(document.design, '3.0').document.servers as JsonObject[];
    expect(servers[0]).toMatchObject({ variables: { region: { default: 'eu-west-3' } } });
    expect(servers[0]?.url).toBe('https://{restapi-id}.execute-api.{region}.amazonaws.com/{stage}');
  });

  it('lists a custom domain name mapped to the stage first, and leaves out a turned-off default endpoint', () => {
    const design = restPetStore();
    const stageId = design.stageOrder[0] as string;
    const stage = design.stages[stageId as keyof Design['stages']]?.name as string;
    const withDomain = {
      ...design,
      api: { ...design.api, disableExecuteApiEndpoint: true },
      domains: { dom_api: { id: 'dom_api', domainName: 'api.example.com', mappings: [{ basePath: 'v1', stageId }], routingRules: [] } },
    } as unknown as Design;
    const { document, notes } = publicDocument(withDomain, '3.0', stage);
    expect(document.servers).toEqual([{ url: 'https://api.example.com/v1', description: `Custom domain name, stage ${stage}` }]);
    expect(notes).toContain('The default execute-api endpoint is turned off: only custom domain names are listed.');
    const swagger = publicDocument(withDomain, '2.0', stage).document;
    expect([swagger.host, swagger.basePath]).toEqual(['api.example.com', '/v1']);
  });
});

describe('what callers are told about authorizers', () => {
  it("writes an HTTP API's JWT authorizer as OpenID Connect discovery at its issuer, which allows the scopes operations require", () => {
    const example = examples.find((candidate) => candidate.id === 'http-api-jwt');
    if (!example) throw new Error('no http-api-jwt example');
    const design = example.build();
    const issuer = Object.values(design.authorizers).find((authorizer) => authorizer.kind === 'JWT')?.jwtIssuer as string;
    const { document } = publicDocument(design, '3.0');
    const schemes = (document.components as JsonObject).securitySchemes as JsonObject;
    expect(Object.values(schemes)).toContainEqual(
      expect.objectContaining({ type: 'openIdConnect', openIdConnectUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration` }),
    );
  });

  it('gives an operation authorized by x-amazon-apigateway-auth (IAM) a SigV4 security requirement', () => {
    const imported = importOpenApi(
      JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'IAM', version: '1' },
        paths: {
          '/a': {
            get: {
              responses: { '200': { description: 'OK' } },
              'x-amazon-apigateway-auth': { type: 'AWS_IAM' },
              'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
            },
          },
        },
      }),
    );
    if (!imported.ok) throw new Error(imported.error.message);
    const { document } = publicDocument(imported.design, '3.0');
    const operation = (document.paths as JsonObject)['/a'] as JsonObject;
    expect((operation.get as JsonObject).security).toEqual([{ sigv4: [] }]);
    expect(((document.components as JsonObject).securitySchemes as JsonObject).sigv4).toMatchObject({ type: 'apiKey', in: 'header' });
    expect(officialSchemaErrors(document)).toEqual([]);
  });
});
