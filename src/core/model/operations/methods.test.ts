import { describe, expect, it } from 'vitest';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import { build, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { addRequestValidator } from './components';
import { addMethod, deleteMethods, moveMethod, updateMethod } from './methods';
import { addResource } from './resources';

describe('addMethod', () => {
  it('adds a verb to a resource with empty documentation', () => {
    const design = build(emptyDesign('REST'), (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('root') }));
    expect(design.methods[ids.mth('root')]).toEqual({
      id: ids.mth('root'),
      resourceId: ids.root,
      httpMethod: 'GET',
      authorizationScopes: [],
      apiKeyRequired: false,
      tags: [],
      parameters: [],
      responses: [],
    });
    // A method is a row of its resource's card: no position of its own.
    expect(Object.keys(design.layout)).toEqual([ids.root]);
  });

  it('refuses a second method with the same verb on one resource', () => {
    const error = refusalOf(restPetStore(), (d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'GET' }));
    expect(error.code).toBe('duplicate');
    expect(error.message).toBe('/pets already has a GET method: one method per verb per resource.');
  });

  it('refuses unknown verbs, missing resources, taken ids and non-REST APIs', () => {
    const design = restPetStore();
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(refusalOf(design, (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'FETCH' as any })).message).toBe(
      'FETCH is not an HTTP method API Gateway knows.',
    );
    expect(refusalOf(design, (d) => addMethod(d, { resourceId: ids.res('gone'), httpMethod: 'GET' })).code).toBe('not-found');
    expect(refusalOf(design, (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET', id: ids.mth('list') })).code).toBe('duplicate');
    expect(refusalOf(emptyDesign('HTTP'), (d) => addMethod(d, { resourceId: ids.root, httpMethod: 'GET' })).message).toBe(
      'Methods exist only in REST APIs; this is an HTTP API.',
    );
  });
});

describe('updateMethod', () => {
  it('changes the verb and documentation; an unchanged patch returns the same design', () => {
    const design = restPetStore();
    const next = build(design, (d) => updateMethod(d, ids.mth('get'), { httpMethod: 'PUT', summary: 'Replace a pet' }));
    expect(next.methods[ids.mth('get')]).toMatchObject({ httpMethod: 'PUT', summary: 'Replace a pet' });
    expect(updateMethod(design, ids.mth('get'), { httpMethod: 'GET', apiKeyRequired: false })).toBe(design);
  });

  it('removes a field patched to undefined', () => {
    const design = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('get'), { summary: 'x' }),
      (d) => updateMethod(d, ids.mth('get'), { summary: undefined }),
    );
    expect('summary' in (design.methods[ids.mth('get')] ?? {})).toBe(false);
  });

  it('refuses a verb clash, an unknown verb, a missing validator, and bad parameters', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => updateMethod(d, ids.mth('create'), { httpMethod: 'GET' })).message).toContain(
      'already has a GET method',
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(refusalOf(design, (d) => updateMethod(d, ids.mth('create'), { httpMethod: 'NOPE' as any })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => updateMethod(d, ids.mth('create'), { requestValidatorId: ids.val('gone') })).message).toBe(
      'There is no request validator with id "val_gone".',
    );
    const twice = refusalOf(design, (d) =>
      updateMethod(d, ids.mth('get'), {
        parameters: [
          { in: 'query', name: 'limit', required: false },
          { in: 'query', name: 'limit', required: true },
        ],
      }),
    );
    expect(twice.message).toBe('The query parameter "limit" is listed twice.');
    expect(
      refusalOf(design, (d) => updateMethod(d, ids.mth('get'), { parameters: [{ in: 'header', name: ' ', required: false }] })).message,
    ).toBe('A request parameter needs a name.');
    expect(refusalOf(design, (d) => updateMethod(d, ids.mth('gone'), {})).code).toBe('not-found');
  });

  it('refuses a request or response body naming a missing model', () => {
    const body = { 'application/json': { modelId: ids.mdl('gone') } };
    expect(
      refusalOf(restPetStore(), (d) => updateMethod(d, ids.mth('create'), { requestBody: { required: true, content: body } })).message,
    ).toBe('The application/json body names a model that does not exist (id "mdl_gone").');
    expect(
      refusalOf(restPetStore(), (d) => updateMethod(d, ids.mth('get'), { responses: [{ statusCode: '200', headers: {}, content: body }] }))
        .code,
    ).toBe('not-found');
  });

  it('accepts the same parameter name in different places and an existing validator', () => {
    const design = build(
      restPetStore(),
      (d) => addRequestValidator(d, { id: ids.val('all'), name: 'all', validateRequestBody: true, validateRequestParameters: true }),
      (d) =>
        updateMethod(d, ids.mth('get'), {
          requestValidatorId: ids.val('all'),
          parameters: [
            { in: 'query', name: 'id', required: false },
            { in: 'header', name: 'id', required: false },
          ],
        }),
    );
    expect(design.methods[ids.mth('get')]?.parameters).toHaveLength(2);
  });
});

describe('moveMethod', () => {
  it('moves a method to another resource; the same resource changes nothing', () => {
    const design = restPetStore();
    const moved = build(design, (d) => moveMethod(d, ids.mth('create'), ids.res('pet')));
    expect(moved.methods[ids.mth('create')]?.resourceId).toBe(ids.res('pet'));
    expect(moveMethod(design, ids.mth('create'), ids.res('pets'))).toBe(design);
  });

  it('refuses a verb clash and missing ends', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => moveMethod(d, ids.mth('list'), ids.res('pet'))).message).toBe(
      '/pets/{petId} already has a GET method: one method per verb per resource.',
    );
    expect(refusalOf(design, (d) => moveMethod(d, ids.mth('list'), ids.res('gone'))).code).toBe('not-found');
    expect(refusalOf(design, (d) => moveMethod(d, ids.mth('gone'), ids.root)).code).toBe('not-found');
  });
});

describe('deleteMethods', () => {
  it('removes the methods, their positions, stage overrides and usage-plan throttles', () => {
    const design = build(restPetStore(), (d) => deleteMethods(d, [ids.mth('list')]));
    expect(Object.keys(design.methods)).toEqual([ids.mth('create'), ids.mth('get')]);
    expect(design.stages[ids.stg('prod')]?.methodOverrides).toEqual({});
    expect(design.usagePlans[ids.plan('basic')]?.stages[0]?.methodThrottles).toEqual({});
    expect(checkDesign(design)).toEqual([]);
  });

  it('refuses a missing method and changes nothing for an empty list', () => {
    const design = restPetStore();
    expect(refusalOf(design, (d) => deleteMethods(d, [ids.mth('list'), ids.mth('gone')])).message).toBe(
      'There is no method with id "mth_gone".',
    );
    expect(deleteMethods(design, [])).toBe(design);
  });

  it('leaves other resources alone', () => {
    const design = build(
      restPetStore(),
      (d) => addResource(d, { parentId: ids.root, pathPart: 'x', id: ids.res('x') }),
      (d) => deleteMethods(d, [ids.mth('get')]),
    );
    expect(design.resources[ids.res('x')]).toBeDefined();
  });
});
