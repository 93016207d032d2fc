import { describe, expect, it } from 'vitest';
import { settleLayout } from '../card-layout';
import { checkDesign } from '../check-design';
import { emptyDesign } from '../design';
import type { ResourceId } from '../ids';
import { resourcePath } from '../paths';
import { coveredCards } from '../testing/card-overlaps';
import { build, httpPets, ids, refusalOf, restPetStore, webSocketChat } from '../testing/design-builder';
import { addAuthorizer } from './authorizers';
import { copyElements, isClipboard, pasteClipboard } from './clipboard';
import { addModel, addRequestValidator } from './components';
import { addIntegration } from './integrations';
import { deleteMethods, updateMethod } from './methods';
import { addResource, deleteResources } from './resources';
import { addRoute } from './routes';

function settled(before: Parameters<typeof settleLayout>[0], after: Parameters<typeof settleLayout>[0]) {
  return coveredCards(settleLayout(after, before));
}

describe('copyElements', () => {
  it('brings a resource subtree with its methods and positions, never the root', () => {
    const clip = copyElements(restPetStore(), [ids.res('pets'), ids.root]);
    expect(clip.format).toBe('portico-clipboard');
    expect(clip.resources.map((resource) => resource.id)).toEqual([ids.res('pets'), ids.res('pet')]);
    expect(clip.methods.map((method) => method.id)).toEqual([ids.mth('list'), ids.mth('create'), ids.mth('get')]);
    expect(Object.keys(clip.layout)).toEqual([ids.res('pets'), ids.res('pet')]);
    expect(isClipboard(clip)).toBe(true);
    expect(isClipboard({ format: 'other' })).toBe(false);
  });
});

describe('pasteClipboard', () => {
  it('pastes a subtree with fresh ids, a renamed clashing path part, offset positions and kept references', () => {
    const design = restPetStore();
    const { design: pasted, pastedIds } = pasteClipboard(design, copyElements(design, [ids.res('pets')]));
    expect(pastedIds).toHaveLength(5);
    for (const id of pastedIds) expect(Object.keys(design.layout)).not.toContain(id);
    const paths = Object.values(pasted.methods).map((method) => `${method.httpMethod} ${resourcePath(pasted, method.resourceId)}`);
    expect(paths).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{petId}', 'GET /pets-copy', 'POST /pets-copy', 'GET /pets-copy/{petId}']);
    const copy = pasted.methods[pastedIds[3] as ReturnType<typeof ids.mth>]!;
    expect(copy.integration?.integrationId).toBe(ids.int('fn'));
    // Offset from the originals, then moved off them: a paste never covers a card.
    expect(pasted.layout[pastedIds[0] as ResourceId]).toBeDefined();
    expect(settled(design, pasted)).toEqual([]);
    expect(checkDesign(pasted)).toEqual([]);
    const again = pasteClipboard(pasted, copyElements(design, [ids.res('pets')])).design;
    expect(Object.values(again.resources).map((resource) => resource.pathPart)).toContain('pets-copy2');
  });

  it('gives a pasted operation a free operationId, so that pasting makes no duplicate operation name', () => {
    const design = build(
      restPetStore(),
      (d) => updateMethod(d, ids.mth('list'), { operationName: 'listPets' }),
      (d) => updateMethod(d, ids.mth('get'), { operationName: 'getPet' }),
    );
    const once = pasteClipboard(design, copyElements(design, [ids.res('pets')])).design;
    const twice = pasteClipboard(once, copyElements(design, [ids.res('pets')])).design;
    const names = Object.values(twice.methods).flatMap((method) => (method.operationName ? [method.operationName] : []));
    expect(names).toEqual(['listPets', 'getPet', 'listPetscopy', 'getPetcopy', 'listPetscopy2', 'getPetcopy2']);
    // Pasted into a design without the name, it keeps it.
    const without = build(restPetStore(), (d) => deleteMethods(d, [ids.mth('get')]));
    const elsewhere = pasteClipboard(without, copyElements(design, [ids.mth('get')])).design;
    expect(Object.values(elsewhere.methods).map((method) => method.operationName)).toContain('getPet');
  });

  it('keeps a path parameter when nothing clashes', () => {
    const design = restPetStore();
    const clip = copyElements(design, [ids.res('pet')]);
    const target = build(design, (d) => deleteResources(d, [ids.res('pet')]));
    const pasted = pasteClipboard(target, clip).design;
    expect(Object.values(pasted.resources).map((resource) => resourcePath(pasted, resource.id))).toContain('/pets/{petId}');
  });

  it('renames clashing authorizers and remaps pasted references', () => {
    const design = restPetStore();
    const { design: pasted } = pasteClipboard(design, copyElements(design, [ids.auth('users'), ids.int('fn'), ids.res('pet')]));
    expect(Object.values(pasted.authorizers).map((authorizer) => authorizer.name)).toEqual(['CognitoAuthorizer', 'CognitoAuthorizercopy']);
    expect(Object.keys(pasted.integrations)).toHaveLength(2);
    const pastedGet = Object.values(pasted.methods).at(-1)!;
    expect(pastedGet.integration?.integrationId).not.toBe(ids.int('fn'));
    expect(checkDesign(pasted)).toEqual([]);
  });

  it('renames clashing HTTP route keys into valid route keys', () => {
    const design = build(httpPets(), (d) => addRoute(d, { routeKey: 'ANY /{proxy+}', id: ids.rte('proxy') }));
    const { design: pasted } = pasteClipboard(design, copyElements(design, [ids.rte('list'), ids.rte('proxy')]));
    const keys = Object.values(pasted.routes).map((route) => route.routeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(checkDesign(pasted)).toEqual([]);
    for (const routeKey of keys) expect(build(emptyDesign('HTTP'), (d) => addRoute(d, { routeKey })).routes).toBeDefined();
  });

  it('refuses pasting a second reserved route, operations into another API type, and a taken verb', () => {
    const chat = webSocketChat();
    expect(refusalOf(chat, (d) => pasteClipboard(d, copyElements(d, [ids.rte('connect')])).design).message).toBe(
      'The route $connect already exists and there can be only one.',
    );
    expect(refusalOf(httpPets(), (d) => pasteClipboard(d, copyElements(restPetStore(), [ids.res('pets')])).design).message).toBe(
      'These elements were copied from a REST API and cannot be pasted into an HTTP API.',
    );
    expect(refusalOf(restPetStore(), (d) => pasteClipboard(d, copyElements(d, [ids.mth('list')])).design).code).toBe('duplicate');
  });

  it('refuses authorizers and integrations the target API type cannot have', () => {
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => pasteClipboard(d, copyElements(httpPets(), [ids.auth('jwt')])).design).code).toBe(
      'wrong-api-type',
    );
    const mock = build(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'MOCK', id: ids.int('mock') }));
    expect(refusalOf(emptyDesign('HTTP'), (d) => pasteClipboard(d, copyElements(mock, [ids.int('mock')])).design).code).toBe(
      'wrong-api-type',
    );
    const token = build(emptyDesign('REST'), (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('t') }));
    expect(refusalOf(emptyDesign('WEBSOCKET'), (d) => pasteClipboard(d, copyElements(token, [ids.auth('t')])).design).code).toBe(
      'wrong-api-type',
    );
  });

  it('pastes backends across API types when allowed, and an empty clipboard changes nothing visible', () => {
    const pasted = pasteClipboard(emptyDesign('HTTP'), copyElements(restPetStore(), [ids.int('fn')])).design;
    expect(Object.values(pasted.integrations).map((target) => target.kind)).toEqual(['LAMBDA']);
    const nothing = pasteClipboard(emptyDesign('REST'), copyElements(restPetStore(), []));
    expect(nothing.pastedIds).toEqual([]);
  });

  it('drops references to validators, models and authorizers the target design lacks', () => {
    const source = build(
      restPetStore(),
      (d) => addRequestValidator(d, { id: ids.val('all'), name: 'all', validateRequestBody: true, validateRequestParameters: true }),
      (d) => addModel(d, { id: ids.mdl('pet'), name: 'Pet', contentType: 'application/json', schema: {} }),
      (d) =>
        updateMethod(d, ids.mth('create'), {
          requestValidatorId: ids.val('all'),
          requestBody: { required: true, content: { 'application/json': { modelId: ids.mdl('pet') } } },
          responses: [{ statusCode: '200', headers: {}, content: { 'application/json': { modelId: ids.mdl('pet') } } }],
        }),
    );
    const pasted = pasteClipboard(emptyDesign('REST'), copyElements(source, [ids.res('pets')])).design;
    expect(checkDesign(pasted)).toEqual([]);
    const create = Object.values(pasted.methods).find((method) => method.httpMethod === 'POST')!;
    expect(create.requestValidatorId).toBeUndefined();
    expect(create.authorizerId).toBeUndefined();
    expect(create.requestBody?.content).toEqual({ 'application/json': {} });
  });

  it('pastes under the root when the original parent is gone', () => {
    const design = build(restPetStore(), (d) => addResource(d, { parentId: ids.res('pet'), pathPart: 'toys', id: ids.res('toys') }));
    const clip = copyElements(design, [ids.res('toys')]);
    const target = build(design, (d) => deleteResources(d, [ids.res('pet')]));
    const pasted = pasteClipboard(target, clip).design;
    expect(Object.values(pasted.resources).map((resource) => resourcePath(pasted, resource.id))).toContain('/toys');
  });
});
