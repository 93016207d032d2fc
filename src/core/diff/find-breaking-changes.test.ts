import { describe, expect, it } from 'vitest';
import type { Design } from '../model';
import { importOpenApi } from '../openapi';
import { checkCatalogue } from './catalogue';
import { findBreakingChanges } from './find-breaking-changes';

/**
 * Each OpenAPI check with a pair of small documents that triggers it and a pair that must not (issue 14,
 * acceptance 1). Documents go through the real importer, as `portico diff` reads them.
 */

type Json = Record<string, unknown>;

function design(paths: Json, schemas: Json = {}): Design {
  const imported = importOpenApi(
    JSON.stringify({ openapi: '3.0.1', info: { title: 'Pets', version: '1' }, paths, components: { schemas } }),
    {
      apiType: 'REST',
    },
  );
  if (!imported.ok) throw new Error(`Fixture did not import: ${JSON.stringify(imported)}`);
  return imported.design;
}

const ok = { '200': { description: 'ok' } };
const op = (extra: Json = {}): Json => ({ responses: ok, ...extra });
const query = (name: string, schema: Json = { type: 'string' }, required = false): Json => ({ name, in: 'query', required, schema });
const withParameter = (parameter: Json): Json => ({ '/pets': { get: op({ parameters: [parameter] }) } });
const withBody = (schema: Json, required = true, mediaType = 'application/json'): Json => ({
  '/pets': { post: op({ requestBody: { required, content: { [mediaType]: { schema } } } }) },
});
const withResponse = (schema: Json, status = '200', mediaType = 'application/json'): Json => ({
  '/pets': { get: { responses: { [status]: { description: 'ok', content: { [mediaType]: { schema } } } } } },
});
const object = (properties: Json, required: string[] = []): Json => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
});

interface Pair {
  base: Json;
  revision: Json;
  schemas?: [Json, Json];
}

interface Case {
  id: string;
  trigger: Pair;
  quiet: Pair;
}

const pair = (base: Json, revision: Json, schemas?: [Json, Json]): Pair => ({ base, revision, ...(schemas ? { schemas } : {}) });
const param = (before: Json, after: Json) => pair(withParameter(before), withParameter(after));
const body = (before: Json, after: Json) => pair(withBody(before), withBody(after));
const response = (before: Json, after: Json) => pair(withResponse(before), withResponse(after));
const prop = (before: Json, after: Json) => body(object({ name: before }), object({ name: after }));
const responseProp = (before: Json, after: Json) => response(object({ name: before }), object({ name: after }));

const cases: Case[] = [
  {
    id: 'api-path-removed-without-deprecation',
    trigger: pair({ '/pets': { get: op() }, '/owners': { get: op() } }, { '/pets': { get: op() } }),
    quiet: pair({ '/pets/{id}': { get: op() } }, { '/pets/{petId}': { get: op() } }),
  },
  {
    id: 'api-path-removed-with-deprecation',
    trigger: pair({ '/pets': { get: op() }, '/owners': { get: op({ deprecated: true }) } }, { '/pets': { get: op() } }),
    quiet: pair({ '/pets': { get: op() }, '/owners': { get: op() } }, { '/pets': { get: op() } }),
  },
  {
    id: 'api-removed-without-deprecation',
    trigger: pair({ '/pets': { get: op(), post: op() } }, { '/pets': { get: op() } }),
    quiet: pair({ '/pets': { get: op() } }, { '/pets': { get: op(), post: op() } }),
  },
  {
    id: 'api-removed-with-deprecation',
    trigger: pair({ '/pets': { get: op(), post: op({ deprecated: true }) } }, { '/pets': { get: op() } }),
    quiet: pair({ '/pets': { get: op(), post: op() } }, { '/pets': { get: op() } }),
  },
  {
    id: 'endpoint-added',
    trigger: pair({ '/pets': { get: op() } }, { '/pets': { get: op(), post: op() } }),
    quiet: pair({ '/pets': { get: op() } }, { '/pets': { get: op() } }),
  },
  {
    id: 'endpoint-deprecated',
    trigger: pair({ '/pets': { get: op() } }, { '/pets': { get: op({ deprecated: true }) } }),
    quiet: pair({ '/pets': { get: op({ deprecated: true }) } }, { '/pets': { get: op({ deprecated: true }) } }),
  },
  { id: 'new-required-request-parameter', trigger: param(query('a'), query('a')), quiet: param(query('a'), query('a')) },
  { id: 'new-optional-request-parameter', trigger: param(query('a'), query('a')), quiet: param(query('a'), query('a')) },
  { id: 'request-parameter-removed', trigger: param(query('a'), query('b')), quiet: param(query('a'), query('a')) },
  {
    id: 'request-parameter-became-required',
    trigger: param(query('limit'), query('limit', undefined, true)),
    quiet: param(query('limit', undefined, true), query('limit')),
  },
  {
    id: 'request-parameter-became-optional',
    trigger: param(query('limit', undefined, true), query('limit')),
    quiet: param(query('limit'), query('limit', undefined, true)),
  },
  {
    id: 'request-parameter-location-changed',
    trigger: param(query('limit'), { name: 'limit', in: 'header', schema: { type: 'string' } }),
    quiet: param(query('limit'), query('limit')),
  },
  {
    id: 'request-parameter-type-changed',
    trigger: param(query('limit', { type: 'string' }), query('limit', { type: 'integer' })),
    quiet: param(query('limit', { type: 'integer' }), query('limit', { type: 'number' })),
  },
  {
    id: 'request-parameter-type-generalized',
    trigger: param(query('limit', { type: 'integer' }), query('limit', { type: 'number' })),
    quiet: param(query('limit', { type: 'number' }), query('limit', { type: 'integer' })),
  },
  {
    id: 'request-parameter-became-enum',
    trigger: param(query('sort'), query('sort', { type: 'string', enum: ['name'] })),
    quiet: param(query('sort', { type: 'string', enum: ['name'] }), query('sort')),
  },
  {
    id: 'request-parameter-enum-value-removed',
    trigger: param(query('sort', { type: 'string', enum: ['name', 'age'] }), query('sort', { type: 'string', enum: ['name'] })),
    quiet: param(query('sort', { type: 'string', enum: ['name'] }), query('sort', { type: 'string', enum: ['name', 'age'] })),
  },
  {
    id: 'request-parameter-enum-value-added',
    trigger: param(query('sort', { type: 'string', enum: ['name'] }), query('sort', { type: 'string', enum: ['name', 'age'] })),
    quiet: param(query('sort', { type: 'string', enum: ['name', 'age'] }), query('sort', { type: 'string', enum: ['name'] })),
  },
  {
    id: 'request-parameter-max-length-set',
    trigger: param(query('q'), query('q', { type: 'string', maxLength: 10 })),
    quiet: param(query('q', { type: 'string', maxLength: 10 }), query('q')),
  },
  {
    id: 'request-parameter-max-length-decreased',
    trigger: param(query('q', { type: 'string', maxLength: 10 }), query('q', { type: 'string', maxLength: 5 })),
    quiet: param(query('q', { type: 'string', maxLength: 5 }), query('q', { type: 'string', maxLength: 10 })),
  },
  {
    id: 'request-parameter-min-length-increased',
    trigger: param(query('q', { type: 'string', minLength: 1 }), query('q', { type: 'string', minLength: 3 })),
    quiet: param(query('q', { type: 'string', minLength: 3 }), query('q', { type: 'string', minLength: 1 })),
  },
  {
    id: 'request-parameter-max-decreased',
    trigger: param(query('n', { type: 'integer', maximum: 100 }), query('n', { type: 'integer', maximum: 50 })),
    quiet: param(query('n', { type: 'integer', maximum: 50 }), query('n', { type: 'integer', maximum: 100 })),
  },
  {
    id: 'request-parameter-max-set',
    trigger: param(query('n', { type: 'integer' }), query('n', { type: 'integer', maximum: 50 })),
    quiet: param(query('n', { type: 'integer', maximum: 50 }), query('n', { type: 'integer' })),
  },
  {
    id: 'request-parameter-min-increased',
    trigger: param(query('n', { type: 'integer', minimum: 0 }), query('n', { type: 'integer', minimum: 1 })),
    quiet: param(query('n', { type: 'integer', minimum: 1 }), query('n', { type: 'integer', minimum: 0 })),
  },
  {
    id: 'request-parameter-min-set',
    trigger: param(query('n', { type: 'integer' }), query('n', { type: 'integer', minimum: 1 })),
    quiet: param(query('n', { type: 'integer', minimum: 1 }), query('n', { type: 'integer' })),
  },
  {
    id: 'request-parameter-pattern-added',
    trigger: param(query('q'), query('q', { type: 'string', pattern: '^[a-z]+$' })),
    quiet: param(query('q', { type: 'string', pattern: '^[a-z]+$' }), query('q')),
  },
  {
    id: 'request-parameter-pattern-changed',
    trigger: param(query('q', { type: 'string', pattern: '^[a-z]+$' }), query('q', { type: 'string', pattern: '^[a-z0-9]+$' })),
    quiet: param(query('q', { type: 'string', pattern: '^[a-z]+$' }), query('q', { type: 'string', pattern: '^[a-z]+$' })),
  },
  {
    id: 'request-parameter-max-items-decreased',
    trigger: param(
      query('ids', { type: 'array', items: { type: 'string' }, maxItems: 10 }),
      query('ids', { type: 'array', items: { type: 'string' }, maxItems: 5 }),
    ),
    quiet: param(
      query('ids', { type: 'array', items: { type: 'string' }, maxItems: 5 }),
      query('ids', { type: 'array', items: { type: 'string' }, maxItems: 10 }),
    ),
  },
  {
    id: 'request-body-added-required',
    trigger: pair({ '/pets': { post: op() } }, withBody(object({}))),
    quiet: pair({ '/pets': { post: op() } }, withBody(object({}), false)),
  },
  {
    id: 'request-body-added-optional',
    trigger: pair({ '/pets': { post: op() } }, withBody(object({}), false)),
    quiet: pair({ '/pets': { post: op() } }, withBody(object({}))),
  },
  {
    id: 'request-body-removed',
    trigger: pair(withBody(object({})), { '/pets': { post: op() } }),
    quiet: pair(withBody(object({})), withBody(object({}))),
  },
  {
    id: 'request-body-became-required',
    trigger: pair(withBody(object({}), false), withBody(object({}), true)),
    quiet: pair(withBody(object({}), true), withBody(object({}), false)),
  },
  {
    id: 'request-body-media-type-removed',
    trigger: pair(withBody(object({}), true, 'application/xml'), withBody(object({}), true, 'application/json')),
    quiet: pair(withBody(object({})), withBody(object({}))),
  },
  {
    id: 'new-required-request-property',
    trigger: body(object({ name: { type: 'string' } }), object({ name: { type: 'string' }, age: { type: 'integer' } }, ['age'])),
    quiet: body(object({ name: { type: 'string' } }), object({ name: { type: 'string' }, age: { type: 'integer' } })),
  },
  {
    id: 'new-optional-request-property',
    trigger: body(object({ name: { type: 'string' } }), object({ name: { type: 'string' }, age: { type: 'integer' } })),
    quiet: body(object({ name: { type: 'string' } }), object({ name: { type: 'string' } })),
  },
  {
    id: 'request-property-became-required',
    trigger: body(object({ name: { type: 'string' } }), object({ name: { type: 'string' } }, ['name'])),
    quiet: body(object({ name: { type: 'string' } }, ['name']), object({ name: { type: 'string' } })),
  },
  {
    id: 'request-property-removed',
    trigger: body(object({ name: { type: 'string' }, tag: { type: 'string' } }), object({ name: { type: 'string' } })),
    quiet: body(object({ name: { type: 'string' }, tag: { type: 'string', readOnly: true } }), object({ name: { type: 'string' } })),
  },
  {
    id: 'request-property-type-changed',
    trigger: prop({ type: 'string' }, { type: 'integer' }),
    quiet: prop({ type: 'integer' }, { type: 'number' }),
  },
  {
    id: 'request-body-type-changed',
    trigger: body(object({}), { type: 'array', items: { type: 'string' } }),
    quiet: body(object({}), object({})),
  },
  {
    id: 'request-property-enum-value-removed',
    trigger: prop({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] }),
    quiet: prop({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }),
  },
  {
    id: 'request-property-became-enum',
    trigger: prop({ type: 'string' }, { type: 'string', enum: ['a'] }),
    quiet: prop({ type: 'string', enum: ['a'] }, { type: 'string' }),
  },
  {
    id: 'request-property-max-length-decreased',
    trigger: prop({ type: 'string', maxLength: 50 }, { type: 'string', maxLength: 40 }),
    quiet: prop({ type: 'string', maxLength: 40 }, { type: 'string', maxLength: 50 }),
  },
  {
    id: 'request-property-min-length-increased',
    trigger: prop({ type: 'string', minLength: 1 }, { type: 'string', minLength: 2 }),
    quiet: prop({ type: 'string', minLength: 2 }, { type: 'string' }),
  },
  {
    id: 'request-property-max-decreased',
    trigger: prop({ type: 'integer', maximum: 9 }, { type: 'integer', maximum: 8 }),
    quiet: prop({ type: 'integer', maximum: 8 }, { type: 'integer' }),
  },
  {
    id: 'request-property-min-increased',
    trigger: prop({ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 1 }),
    quiet: prop({ type: 'integer', minimum: 1 }, { type: 'integer', minimum: 0 }),
  },
  {
    id: 'request-property-pattern-added',
    trigger: prop({ type: 'string' }, { type: 'string', pattern: '^x' }),
    quiet: prop({ type: 'string', pattern: '^x' }, { type: 'string' }),
  },
  {
    id: 'request-property-min-items-increased',
    trigger: prop({ type: 'array', items: { type: 'string' }, minItems: 1 }, { type: 'array', items: { type: 'string' }, minItems: 2 }),
    quiet: prop({ type: 'array', items: { type: 'string' }, minItems: 2 }, { type: 'array', items: { type: 'string' }, minItems: 1 }),
  },
  {
    id: 'response-success-status-removed',
    trigger: pair(
      { '/pets': { get: { responses: { '200': { description: 'ok' }, '201': { description: 'c' } } } } },
      { '/pets': { get: op() } },
    ),
    quiet: pair(
      { '/pets': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'no' } } } } },
      { '/pets': { get: op() } },
    ),
  },
  {
    id: 'response-non-success-status-removed',
    trigger: pair(
      { '/pets': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'no' } } } } },
      { '/pets': { get: op() } },
    ),
    quiet: pair(
      { '/pets': { get: op() } },
      { '/pets': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'no' } } } } },
    ),
  },
  {
    id: 'response-media-type-removed',
    trigger: pair(withResponse(object({}), '200', 'application/xml'), withResponse(object({}))),
    quiet: pair(withResponse(object({})), withResponse(object({}))),
  },
  {
    id: 'response-required-property-removed',
    trigger: response(
      object({ id: { type: 'string' }, name: { type: 'string' } }, ['id', 'name']),
      object({ id: { type: 'string' } }, ['id']),
    ),
    quiet: response(object({ id: { type: 'string' } }, ['id']), object({ id: { type: 'string' }, name: { type: 'string' } }, ['id'])),
  },
  {
    id: 'response-optional-property-removed',
    trigger: response(object({ id: { type: 'string' }, name: { type: 'string' } }), object({ id: { type: 'string' } })),
    quiet: response(object({ id: { type: 'string' }, secret: { type: 'string', writeOnly: true } }), object({ id: { type: 'string' } })),
  },
  {
    id: 'response-property-became-optional',
    trigger: response(object({ id: { type: 'string' } }, ['id']), object({ id: { type: 'string' } })),
    quiet: response(object({ id: { type: 'string' } }), object({ id: { type: 'string' } }, ['id'])),
  },
  {
    id: 'response-property-type-changed',
    trigger: responseProp({ type: 'string' }, { type: 'boolean' }),
    quiet: responseProp({ type: 'number' }, { type: 'integer' }),
  },
  {
    id: 'response-property-type-generalized',
    trigger: responseProp({ type: 'integer' }, { type: 'number' }),
    quiet: responseProp({ type: 'string', format: 'date' }, { type: 'string', format: 'date' }),
  },
  {
    id: 'response-property-enum-value-added',
    trigger: responseProp({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] }),
    quiet: responseProp({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] }),
  },
  {
    id: 'response-property-max-length-increased',
    trigger: responseProp({ type: 'string', maxLength: 5 }, { type: 'string', maxLength: 6 }),
    quiet: responseProp({ type: 'string', maxLength: 6 }, { type: 'string', maxLength: 5 }),
  },
  {
    id: 'response-property-max-length-unset',
    trigger: responseProp({ type: 'string', maxLength: 5 }, { type: 'string' }),
    quiet: responseProp({ type: 'string' }, { type: 'string', maxLength: 5 }),
  },
  {
    id: 'response-property-min-decreased',
    trigger: responseProp({ type: 'integer', minimum: 1 }, { type: 'integer', minimum: 0 }),
    quiet: responseProp({ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 1 }),
  },
  {
    id: 'response-property-pattern-removed',
    trigger: responseProp({ type: 'string', pattern: '^x' }, { type: 'string' }),
    quiet: responseProp({ type: 'string' }, { type: 'string', pattern: '^x' }),
  },
  {
    id: 'optional-response-header-removed',
    trigger: pair(
      { '/pets': { get: { responses: { '200': { description: 'ok', headers: { 'X-Rate': { schema: { type: 'integer' } } } } } } } },
      { '/pets': { get: op() } },
    ),
    quiet: pair(
      { '/pets': { get: op() } },
      { '/pets': { get: { responses: { '200': { description: 'ok', headers: { 'X-Rate': { schema: { type: 'integer' } } } } } } } },
    ),
  },
];

// The two optional-parameter cases need their own documents: a parameter added required, or optional.
cases.find((entry) => entry.id === 'new-required-request-parameter')!.trigger = pair(
  { '/pets': { get: op() } },
  withParameter(query('limit', undefined, true)),
);
cases.find((entry) => entry.id === 'new-required-request-parameter')!.quiet = pair(
  { '/pets': { get: op() } },
  withParameter(query('limit')),
);
cases.find((entry) => entry.id === 'new-optional-request-parameter')!.trigger = pair(
  { '/pets': { get: op() } },
  withParameter(query('limit')),
);
cases.find((entry) => entry.id === 'new-optional-request-parameter')!.quiet = pair(
  { '/pets': { get: op() } },
  withParameter(query('limit', undefined, true)),
);

function findings({ base, revision, schemas }: Pair) {
  return findBreakingChanges(design(base, schemas?.[0]), design(revision, schemas?.[1]));
}

describe('findBreakingChanges: each check fires on its change and not on its look-alike', () => {
  it.each(cases.map((entry) => [entry.id, entry]))('%s', (id, entry) => {
    const triggered = findings(entry.trigger);
    const finding = triggered.find((item) => item.id === id);
    expect(finding, `${id} not among ${triggered.map((item) => item.id).join(', ')}`).toBeDefined();
    expect(finding?.level).toBe(checkCatalogue[id]?.level);
    expect(finding?.why.length).toBeGreaterThan(20);
    expect(finding?.where.startsWith('/paths/~1')).toBe(true);
    expect(findings(entry.quiet).map((item) => item.id)).not.toContain(id);
  });
});

describe('changes that keep clients working', () => {
  it('a new optional query parameter, a renamed path parameter and a new operation are not breaking', () => {
    const base = { '/pets/{id}': { get: op({ parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }) } };
    const revision = {
      '/pets/{petId}': {
        get: op({ parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }, query('fields')] }),
        delete: op({ parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }] }),
      },
    };
    const result = findings(pair(base, revision));
    expect(result.filter((finding) => finding.level !== 'info')).toEqual([]);
    expect(result.map((finding) => [finding.id, finding.operation])).toEqual([
      ['endpoint-added', 'DELETE /pets/{petId}'],
      ['new-optional-request-parameter', 'GET /pets/{petId}'],
    ]);
  });

  it('an unchanged document has no findings at all', () => {
    const paths = {
      '/pets': {
        get: op({ parameters: [query('limit')] }),
        post: op({ requestBody: { content: { 'application/json': { schema: object({ a: { type: 'string' } }) } } } }),
      },
    };
    expect(findings(pair(paths, paths))).toEqual([]);
  });

  it('a path parameter whose type changes is still compared by position, whatever its name', () => {
    const base = { '/pets/{id}': { get: op({ parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] }) } };
    const revision = {
      '/pets/{petId}': { get: op({ parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }] }) },
    };
    expect(findings(pair(base, revision)).map((finding) => finding.id)).toEqual(['request-parameter-type-changed']);
  });
});

describe('schemas behind references', () => {
  const pet = (nameSchema: Json): Json => ({
    type: 'object',
    required: ['name'],
    properties: { name: nameSchema, parent: { $ref: '#/components/schemas/Pet' } },
  });
  const paths = {
    '/pets': {
      post: op({ requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } }),
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } },
          },
        },
      },
    },
  };

  it('follows a $ref into the models and reports the change once per place, though the model refers to itself', () => {
    const result = findBreakingChanges(
      design(paths, { Pet: pet({ type: 'string', maxLength: 50 }) }),
      design(paths, { Pet: pet({ type: 'string', maxLength: 40 }) }),
    );
    expect(result.map((finding) => [finding.id, finding.operation, finding.where])).toEqual([
      [
        'request-property-max-length-decreased',
        'POST /pets',
        '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/name',
      ],
    ]);
  });

  it('reports a property removed from a model used in a response', () => {
    const revisionPet = { type: 'object', required: ['name'], properties: { parent: { $ref: '#/components/schemas/Pet' } } };
    const result = findBreakingChanges(design(paths, { Pet: pet({ type: 'string' }) }), design(paths, { Pet: revisionPet }));
    expect(result.map((finding) => [finding.id, finding.operation])).toContainEqual(['response-required-property-removed', 'GET /pets']);
    expect(result.find((finding) => finding.id === 'response-required-property-removed')?.message).toContain('`items/name`');
  });
});

describe('untrusted shapes', () => {
  const withModel = (schema: Json, extra: Json = {}) =>
    designWithPet(
      {
        '/pets': {
          post: op({ requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } }),
        },
      },
      { Pet: { type: 'object' }, ...extra },
      schema,
    );

  // The importer and parseDesign refuse some of these shapes; the analysis must not depend on that.
  function designWithPet(paths: Json, schemas: Json, pet: Json): Design {
    const imported = importOpenApi(
      JSON.stringify({ openapi: '3.0.1', info: { title: 'Pets', version: '1' }, paths, components: { schemas } }),
      {
        apiType: 'REST',
      },
    );
    if (!imported.ok) throw new Error('fixture did not import');
    const model = Object.values(imported.design.models).find((candidate) => candidate.name === 'Pet');
    if (!model) throw new Error('fixture has no Pet');
    model.schema = pet as Design['models'][keyof Design['models']]['schema'];
    return imported.design;
  }

  it('treats a property named __proto__ as a property', () => {
    const base = withModel(JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'));
    const revision = withModel(
      JSON.parse('{"type":"object","allOf":[{"required":["__proto__"]}],"properties":{"__proto__":{"type":"string"}}}'),
    );
    expect(findBreakingChanges(base, revision).map((finding) => finding.id)).toEqual(['request-property-became-required']);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });

  it('ends on models that refer to each other and on references that lead nowhere', () => {
    const a = { type: 'object', properties: { b: { $ref: '#/components/schemas/B' }, lost: { $ref: '#/components/schemas/Missing' } } };
    const b = (maxLength: number) => ({
      type: 'object',
      properties: { a: { $ref: '#/components/schemas/Pet' }, name: { type: 'string', maxLength } },
    });
    const result = findBreakingChanges(withModel(a, { B: b(10) }), withModel(a, { B: b(5) }));
    expect(result.map((finding) => [finding.id, finding.where.split('/properties/').slice(1).join('.')])).toEqual([
      ['request-property-max-length-decreased', 'b.name'],
    ]);
  });

  it('stops at a depth no real schema reaches, and ignores keywords of the wrong type', () => {
    let deep: Json = { type: 'string', maxLength: 5 };
    let shallower: Json = { type: 'string', maxLength: 1 };
    for (let level = 0; level < 3000; level += 1) {
      deep = { type: 'object', properties: { x: deep } };
      shallower = { type: 'object', properties: { x: shallower } };
    }
    expect(findBreakingChanges(withModel(deep), withModel(shallower))).toEqual([]);
    const odd = { type: 'object', properties: 5, required: 'name', enum: 'x', maxLength: '7', allOf: 'no' };
    expect(findBreakingChanges(withModel(odd), withModel({ type: 'object' }))).toEqual([]);
  });
});
