import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model';
import { NoteList } from './notes';
import { exportSchema, importSchema, modelNameOfRef, modelRef } from './schema-dialect';
import type { OpenApiVersion } from './types';

function context(version: OpenApiVersion, document: JsonObject = {}, models: string[] = ['Pet']) {
  return { document, version, notes: new NoteList(), modelNames: new Set(models), budget: { remaining: 1000 } };
}

describe('schemas between Swagger 2.0 and the model dialect (OpenAPI 3.0)', () => {
  const swagger2: JsonObject = {
    type: 'object',
    discriminator: 'kind',
    'x-nullable': true,
    properties: {
      pet: { $ref: '#/definitions/Pet' },
      photo: { type: 'file' },
      'x-nullable': { type: 'string' },
      choice: { 'x-oneOf': [{ type: 'string' }, { $ref: '#/definitions/Pet' }] },
    },
  };
  const model: JsonObject = {
    type: 'object',
    discriminator: { propertyName: 'kind' },
    nullable: true,
    properties: {
      pet: { $ref: '#/components/schemas/Pet' },
      photo: { type: 'string', format: 'binary' },
      'x-nullable': { type: 'string' },
      choice: { oneOf: [{ type: 'string' }, { $ref: '#/components/schemas/Pet' }] },
    },
  };

  it('imports 2.0 references and vendor keywords, and leaves property names alone', () => {
    expect(importSchema(swagger2, context('2.0'), 'x')).toEqual(model);
  });

  it('exports them back for 2.0 (a file stays a binary string), and unchanged for 3.0', () => {
    const back = exportSchema(model, '2.0');
    expect(back).toEqual({
      ...swagger2,
      properties: { ...(swagger2.properties as JsonObject), photo: { type: 'string', format: 'binary' } },
    });
    expect(exportSchema(model, '3.0')).toEqual(model);
    expect(importSchema(back, context('2.0'), 'x')).toEqual(model);
  });

  it('returns an unchanged 3.0 schema as it is (no copy), and never changes the document', () => {
    const schema = { type: 'object', properties: { a: { $ref: '#/components/schemas/Pet' } } };
    expect(importSchema(schema, context('3.0'), 'x')).toBe(schema);
    const document = { defs: { A: { type: 'string' } } };
    const inlined = importSchema({ type: 'array', items: { $ref: '#/defs/A' } }, context('3.0', document), 'x');
    expect(inlined).toEqual({ type: 'array', items: { type: 'string' } });
    expect(document).toEqual({ defs: { A: { type: 'string' } } });
  });

  it('notes references to models the document does not define', () => {
    const notes = context('3.0');
    importSchema({ $ref: '#/components/schemas/Ghost' }, notes, 'here');
    expect(notes.notes.list()).toEqual([
      { message: expect.stringMatching(/names a model that the document does not define/), path: 'here' },
    ]);
  });

  it('escapes and unescapes model names in references (RFC 6901)', () => {
    expect(modelRef('a/b~c')).toBe('#/components/schemas/a~1b~0c');
    expect(modelNameOfRef('#/components/schemas/a~1b~0c')).toBe('a/b~c');
    expect(modelNameOfRef('#/components/schemas/Pet/properties/id')).toBeUndefined();
  });
});
