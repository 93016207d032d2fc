import { describe, expect, it } from 'vitest';
import { allResourcePaths, type Design, valuesOf } from '../model';
import { exportOpenApi } from './export-openapi';
import { importOpenApi } from './import-openapi';
import { stringifyDocument } from './stringify';
import type { ImportResult } from './types';

/**
 * Cases of the bad-input catalogue (shared/reference/reliability.md §7) that the other importer tests do
 * not cover, each with the behaviour the catalogue expects: REJECT (an error value), WARN (a note, the
 * rest imported) or PRESERVE (kept and exported back).
 */

const document = (paths: object, extra: object = {}) =>
  JSON.stringify({ openapi: '3.0.1', info: { title: 'T', version: '1' }, paths, ...extra });
const get = { get: { responses: {} } };

function imported(text: string): Extract<ImportResult, { ok: true }> {
  const result = importOpenApi(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const notes = (result: Extract<ImportResult, { ok: true }>) => result.notes.map((note) => note.message).join('\n');
const paths = (design: Design) => [...allResourcePaths(design).values()];

describe('the bad-input catalogue', () => {
  it('E9: a lone surrogate in a text is kept, and exported as JSON and YAML that read back to it', () => {
    const text = document({ '/a': { get: { summary: 'x\\uD800y', responses: {} } } }).replace('x\\\\uD800y', 'x\\uD800y');
    const design = imported(text).design;
    expect(valuesOf(design.methods)[0]?.summary).toBe('x\uD800y');
    const exported = exportOpenApi(design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    for (const format of ['json', 'yaml'] as const)
      expect(valuesOf(imported(stringifyDocument(exported.document, format)).design.methods)[0]?.summary).toBe('x\uD800y');
  });

  it.each([
    ['/a%2Fb', /has characters API Gateway refuses/],
    ['/a/{', /"\{" is not a path parameter/],
    ['/a/{}', /"\{\}" is not a path parameter/],
    ['/a/{id}{id}', /"\{id\}\{id\}" is not a path parameter/],
  ])('R9/R10: the path %s is left out with the API Gateway rule, the rest imported', (path, reason) => {
    const result = imported(document({ [path]: get, '/ok': get }));
    expect(paths(result.design)).toEqual(['/', '/ok']);
    expect(notes(result)).toMatch(reason);
  });

  it('R10: a path naming one parameter twice is kept, with a note asking for distinct names', () => {
    const result = imported(document({ '/a/{id}/{id}': get }));
    expect(paths(result.design)).toEqual(['/', '/a', '/a/{id}', '/a/{id}/{id}']);
    expect(notes(result)).toMatch(/"\/a\/\{id\}\/\{id\}" names the path parameter "id" more than once/);
  });

  it('R6: a $ref with sibling keys keeps the siblings and exports them back', () => {
    const schema = { $ref: '#/components/schemas/A', description: 'sibling' };
    const text = document(
      { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } },
      { components: { schemas: { A: { type: 'object' } } } },
    );
    const design = imported(text).design;
    expect(valuesOf(design.methods)[0]?.responses[0]?.content['application/json']).toEqual({ schema });
    const exported = exportOpenApi(design, { version: '3.0' });
    expect(exported.ok && JSON.stringify(exported.document)).toContain('"description":"sibling"');
  });

  it('A2: an unknown x-amazon-apigateway-* key is kept and exported back, at the root and on an operation', () => {
    const text = document(
      { '/a': { get: { responses: {}, 'x-amazon-apigateway-frobnicate': { a: 1 } } } },
      { 'x-amazon-apigateway-new-thing': [1, 'two'] },
    );
    const exported = exportOpenApi(imported(text).design, { version: '3.0' });
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.document['x-amazon-apigateway-new-thing']).toEqual([1, 'two']);
    expect(JSON.stringify(exported.document.paths)).toContain('"x-amazon-apigateway-frobnicate":{"a":1}');
  });

  it('A4: a security requirement naming an undefined scheme is reported, and the operation still imports', () => {
    const result = imported(document({ '/a': { get: { responses: {}, security: [{ nope: [] }] } } }));
    expect(valuesOf(result.design.methods)).toHaveLength(1);
    expect(valuesOf(result.design.methods)[0]?.authorizerId).toBeUndefined();
    expect(notes(result)).toMatch(/The security scheme "nope" is not defined/);
  });

  it('J4: -0 reads as 0', () => {
    const design = imported(document({}, { 'x-amazon-apigateway-minimum-compression-size': -0 })).design;
    expect(Object.is(design.api.minimumCompressionSize, 0)).toBe(true);
  });

  // J3 (and the DUPLICATE_KEY error of §2.2) expected a duplicate key refused or warned about; issue 11
  // supersedes it: API Gateway deploys such documents reading the last key, so Portico imports them the
  // same way, with a warning naming the key and both lines (never silently).
  it('J3: a key written twice imports as API Gateway reads it, the last one winning, with a warning naming both lines', () => {
    const json = [
      '{"openapi": "3.0.1", "info": {"title": "T", "version": "1"},',
      ' "paths": {"/a": {"get": {',
      '   "responses": {"500": {"description": "old"}},',
      '   "responses": {"200": {"description": "ok"}}}}}}',
    ].join('\n');
    const fromJson = imported(json);
    expect(valuesOf(fromJson.design.methods)[0]?.responses.map((response) => response.statusCode)).toEqual(['200']);
    expect(fromJson.notes).toContainEqual({
      message: 'paths./a.get.responses: written twice (lines 3 and 4); the second one is used, as API Gateway does.',
      path: 'paths./a.get.responses',
      line: 4,
      severity: 'warning',
      rule: 'import/duplicate-key',
    });
    const yaml = [
      'openapi: 3.0.1',
      'paths:',
      '  /old: {get: {responses: {}}}',
      'info: {title: T, version: "1"}',
      'paths:',
      '  /new: {get: {responses: {}}}',
    ].join('\n');
    const fromYaml = imported(yaml);
    expect(paths(fromYaml.design)).toEqual(['/', '/new']);
    expect(notes(fromYaml)).toMatch(/^paths: written twice \(lines 2 and 5\); the second one is used, as API Gateway does\.$/m);
  });

  it('R12: two paths equal up to parameter names import as two resources (the rules flag them)', () => {
    const design = imported(document({ '/a/{id}': get, '/a/{name}': { post: { responses: {} } } })).design;
    expect(paths(design)).toEqual(['/', '/a', '/a/{id}', '/a/{name}']);
  });
});
