import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../design';
import type { JsonObject } from '../json';
import { build, httpPets, ids, refusalOf, restPetStore } from '../testing/design-builder';
import { updateApi } from './api-settings';
import {
  addModel,
  addRequestValidator,
  deleteModel,
  deleteRequestValidator,
  setGatewayResponse,
  updateModel,
  updateRequestValidator,
} from './components';
import { updateMethod } from './methods';

const pet = { name: 'Pet', contentType: 'application/json', schema: { type: 'object' } };

describe('models', () => {
  it('adds, renames and deletes a model; unchanged returns the same design', () => {
    const design = build(emptyDesign('REST'), (d) => addModel(d, { ...pet, id: ids.mdl('pet') }));
    expect(design.models[ids.mdl('pet')]).toEqual({ ...pet, id: ids.mdl('pet') });
    expect(updateModel(design, ids.mdl('pet'), { name: 'Pet', schema: { type: 'object' } })).toBe(design);
    expect(build(design, (d) => updateModel(d, ids.mdl('pet'), { name: 'Animal' })).models[ids.mdl('pet')]?.name).toBe('Animal');
    expect(build(design, (d) => deleteModel(d, ids.mdl('pet'))).models).toEqual({});
  });

  it('refuses non-alphanumeric and duplicate names, taken ids and missing models', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addModel(d, { ...pet, id: ids.mdl('pet') }),
      (d) => addModel(d, { ...pet, name: 'Error', id: ids.mdl('err') }),
    );
    expect(refusalOf(design, (d) => addModel(d, { ...pet, name: 'Pet-2' })).message).toBe(
      'Model names are letters and digits only; "Pet-2" is not.',
    );
    expect(refusalOf(design, (d) => addModel(d, pet)).message).toBe('A model named "Pet" already exists.');
    expect(refusalOf(design, (d) => addModel(d, { ...pet, name: 'X', id: ids.mdl('pet') })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateModel(d, ids.mdl('err'), { name: 'Pet' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateModel(d, ids.mdl('gone'), {})).code).toBe('not-found');
    expect(refusalOf(design, (d) => deleteModel(d, ids.mdl('gone'))).code).toBe('not-found');
  });

  it('refuses deleting a model a method still uses, naming the method', () => {
    const design = build(
      restPetStore(),
      (d) => addModel(d, { ...pet, id: ids.mdl('pet') }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          requestBody: { required: true, content: { 'application/json': { modelId: ids.mdl('pet') } } },
        }),
    );
    const error = refusalOf(design, (d) => deleteModel(d, ids.mdl('pet')));
    expect(error.code).toBe('in-use');
    expect(error.message).toBe('The model "Pet" is still used by a POST method; remove it there first.');
  });

  const petsOf = (items: JsonObject) => ({ name: 'Pets', contentType: 'application/json', schema: { type: 'array', items } });
  const petRef = { $ref: '#/components/schemas/Pet' };

  it('refuses deleting a model another model or an inline schema refers to (the export would refer to nothing)', () => {
    const referred = build(
      emptyDesign('REST'),
      (d) => addModel(d, { ...pet, id: ids.mdl('pet') }),
      (d) => addModel(d, { ...petsOf(petRef), id: ids.mdl('pets') }),
    );
    expect(refusalOf(referred, (d) => deleteModel(d, ids.mdl('pet'))).message).toBe(
      'The model "Pet" is still referred to by the model "Pets"; remove the reference there first.',
    );
    const inline = build(
      restPetStore(),
      (d) => addModel(d, { ...pet, id: ids.mdl('pet') }),
      (d) =>
        updateMethod(d, ids.mth('list'), {
          responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { schema: { type: 'array', items: petRef } } } }],
        }),
    );
    expect(refusalOf(inline, (d) => deleteModel(d, ids.mdl('pet'))).message).toMatch(/referred to by a GET method/);
    // A model that refers only to itself (a tree node) can go.
    const tree = build(emptyDesign('REST'), (d) =>
      addModel(d, {
        name: 'Node',
        contentType: 'application/json',
        schema: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
        id: ids.mdl('node'),
      }),
    );
    expect(build(tree, (d) => deleteModel(d, ids.mdl('node'))).models).toEqual({});
  });

  it('renaming a model rewrites the references to it in models and inline schemas, and nothing else', () => {
    const design = build(
      restPetStore(),
      (d) => addModel(d, { ...pet, id: ids.mdl('pet') }),
      (d) => addModel(d, { ...petsOf(petRef), id: ids.mdl('pets') }),
      (d) => addModel(d, { ...petsOf({ $ref: '#/components/schemas/PetX' }), name: 'Others', id: ids.mdl('others') }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          parameters: [{ in: 'query', name: 'q', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { allOf: [petRef] } } } },
        }),
    );
    const renamed = build(design, (d) => updateModel(d, ids.mdl('pet'), { name: 'Animal' }));
    const animalRef = { $ref: '#/components/schemas/Animal' };
    expect(renamed.models[ids.mdl('pets')]?.schema).toEqual({ type: 'array', items: animalRef });
    expect(renamed.models[ids.mdl('others')]).toBe(design.models[ids.mdl('others')]);
    expect(renamed.methods[ids.mth('create')]?.requestBody?.content['application/json']?.schema).toEqual({ allOf: [animalRef] });
    expect(renamed.methods[ids.mth('create')]?.parameters).toBe(design.methods[ids.mth('create')]?.parameters);
    expect(renamed.methods[ids.mth('list')]).toBe(design.methods[ids.mth('list')]);
  });
});

describe('request validators', () => {
  it('adds, renames and deletes; deleting clears methods and the API default', () => {
    const design = build(
      restPetStore(),
      (d) => addRequestValidator(d, { id: ids.val('all'), name: ' all ', validateRequestBody: true, validateRequestParameters: true }),
      (d) => updateMethod(d, ids.mth('get'), { requestValidatorId: ids.val('all') }),
      (d) => updateApi(d, { defaultRequestValidatorId: ids.val('all') }),
    );
    expect(design.requestValidators[ids.val('all')]?.name).toBe('all');
    expect(updateRequestValidator(design, ids.val('all'), { name: 'all' })).toBe(design);
    const deleted = build(design, (d) => deleteRequestValidator(d, ids.val('all')));
    expect(deleted.methods[ids.mth('get')]?.requestValidatorId).toBeUndefined();
    expect(deleted.api.defaultRequestValidatorId).toBeUndefined();
  });

  it('refuses empty and duplicate names, missing validators and non-REST APIs', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addRequestValidator(d, { id: ids.val('a'), name: 'a', validateRequestBody: true, validateRequestParameters: false }),
      (d) => addRequestValidator(d, { id: ids.val('b'), name: 'b', validateRequestBody: false, validateRequestParameters: true }),
    );
    expect(
      refusalOf(design, (d) => addRequestValidator(d, { name: ' ', validateRequestBody: true, validateRequestParameters: true })).message,
    ).toBe('A request validator needs a name.');
    expect(
      refusalOf(design, (d) => addRequestValidator(d, { name: 'a', validateRequestBody: true, validateRequestParameters: true })).code,
    ).toBe('duplicate');
    expect(
      refusalOf(design, (d) =>
        addRequestValidator(d, { id: ids.val('a'), name: 'c', validateRequestBody: true, validateRequestParameters: true }),
      ).code,
    ).toBe('duplicate');
    expect(refusalOf(design, (d) => updateRequestValidator(d, ids.val('b'), { name: 'a' })).code).toBe('duplicate');
    expect(refusalOf(design, (d) => updateRequestValidator(d, ids.val('b'), { name: '' })).code).toBe('invalid-value');
    expect(refusalOf(design, (d) => deleteRequestValidator(d, ids.val('gone'))).code).toBe('not-found');
    expect(
      refusalOf(httpPets(), (d) => addRequestValidator(d, { name: 'x', validateRequestBody: true, validateRequestParameters: true })).code,
    ).toBe('wrong-api-type');
  });

  it('refuses the name __proto__, which the export would write as a key that no import reads back', () => {
    const design = build(emptyDesign('REST'), (d) =>
      addRequestValidator(d, { id: ids.val('a'), name: 'a', validateRequestBody: true, validateRequestParameters: false }),
    );
    const add = (d: typeof design) =>
      addRequestValidator(d, { name: ' __proto__ ', validateRequestBody: true, validateRequestParameters: true });
    expect(refusalOf(design, add).message).toBe('A request validator cannot be named "__proto__": choose another name.');
    expect(refusalOf(design, (d) => updateRequestValidator(d, ids.val('a'), { name: '__proto__' })).code).toBe('invalid-value');
  });

  it('stores the trimmed name on rename', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addRequestValidator(d, { id: ids.val('a'), name: 'a', validateRequestBody: true, validateRequestParameters: false }),
      (d) => updateRequestValidator(d, ids.val('a'), { name: ' body ' }),
    );
    expect(design.requestValidators[ids.val('a')]?.name).toBe('body');
  });
});

describe('gateway responses', () => {
  const response = {
    statusCode: '403',
    responseParameters: {},
    responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
  };

  it('sets and removes a response; removing an absent one changes nothing', () => {
    const design = build(emptyDesign('REST'), (d) => setGatewayResponse(d, 'ACCESS_DENIED', response));
    expect(design.gatewayResponses.ACCESS_DENIED).toEqual(response);
    expect(setGatewayResponse(design, 'ACCESS_DENIED', structuredClone(response))).toBe(design);
    const removed = build(design, (d) => setGatewayResponse(d, 'ACCESS_DENIED', undefined));
    expect(removed.gatewayResponses).toEqual({});
    expect(setGatewayResponse(removed, 'ACCESS_DENIED', undefined)).toBe(removed);
  });

  it('refuses a bad type, a bad status code and non-REST APIs', () => {
    expect(refusalOf(emptyDesign('REST'), (d) => setGatewayResponse(d, 'access denied', response)).code).toBe('invalid-value');
    expect(refusalOf(emptyDesign('REST'), (d) => setGatewayResponse(d, 'DEFAULT_4XX', { ...response, statusCode: '600' })).message).toBe(
      'A gateway response status code is a number from 100 to 599, not "600".',
    );
    expect(refusalOf(httpPets(), (d) => setGatewayResponse(d, 'DEFAULT_4XX', response)).code).toBe('wrong-api-type');
  });
});
