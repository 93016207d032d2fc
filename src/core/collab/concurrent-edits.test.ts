import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAuthorizer,
  addMethod,
  addResource,
  addRoute,
  addStage,
  addUsagePlan,
  checkDesign,
  connectAuthorizer,
  connectIntegration,
  type Design,
  deleteAuthorizers,
  deleteResources,
  deleteStage,
  moveResource,
  setMethodOverride,
  updateBinding,
  updateMethod,
  updateRoute,
  updateUsagePlan,
} from '../model';
import { httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { docToDesign, repairDoc } from './doc-to-design';
import { type Repair, repairDesign } from './repair-design';
import { Replica, syncAll } from './testing/replicas';
import { createDesignUndoManager } from './undo';

/** A session of `count` replicas that all start from `design` (written once, by the first). */
function session(design: Design, count = 2): Replica[] {
  const replicas = Array.from({ length: count }, (_, index) => new Replica(`client ${index + 1}`, design));
  replicas[0]?.seed();
  syncAll(replicas);
  for (const replica of replicas) replica.log.length = 0;
  return replicas;
}

/** Every replica reads the same text and the same repairs; returns them. */
function converged(replicas: Replica[]): { design: Design; repairs: Repair[] } {
  const reads = replicas.map((replica) => docToDesign(replica.doc));
  const first = reads[0];
  if (!first?.ok) throw new Error('unreadable');
  for (const read of reads) {
    if (!read.ok) throw new Error(read.message);
    expect(JSON.stringify(read.design)).toBe(JSON.stringify(first.design));
    expect(read.repairs).toEqual(first.repairs);
  }
  expect(checkDesign(first.design)).toEqual([]);
  return { design: first.design, repairs: first.repairs };
}

describe('concurrent edits in a live session', () => {
  it('two people editing different fields of the same method form both keep their change', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => updateMethod(d, ids.mth('list'), { summary: 'List the pets', operationName: 'listPets' }));
    ben.edit((d) => updateMethod(d, ids.mth('list'), { description: 'Paged', apiKeyRequired: true }));
    ben.edit((d) => updateBinding(d, ids.mth('list'), { timeoutInMillis: 9000 }));
    ana.edit((d) => updateBinding(d, ids.mth('list'), { requestTemplates: { 'application/json': '{}' } }));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    const method = design.methods[ids.mth('list')];
    expect(method).toMatchObject({ summary: 'List the pets', operationName: 'listPets', description: 'Paged', apiKeyRequired: true });
    expect(method?.integration).toMatchObject({ timeoutInMillis: 9000, requestTemplates: { 'application/json': '{}' } });
    expect(repairs).toEqual([]);
  });

  it('two people typing into the same field end with one of the two texts, the same everywhere', () => {
    const [ana, ben, cleo] = session(restPetStore(), 3) as [Replica, Replica, Replica];
    ana.edit((d) => updateMethod(d, ids.mth('list'), { summary: 'Ana' }));
    ben.edit((d) => updateMethod(d, ids.mth('list'), { summary: 'Ben' }));
    syncAll([cleo, ben, ana]);
    const { design } = converged([ana, ben, cleo]);
    expect(['Ana', 'Ben']).toContain(design.methods[ids.mth('list')]?.summary);
  });

  it('one deletes an authorizer while another wires it: the method is left without it, and everyone is told', () => {
    const [ana, ben, cleo] = session(restPetStore(), 3) as [Replica, Replica, Replica];
    ana.edit((d) => deleteAuthorizers(d, [ids.auth('users')]));
    ben.edit((d) => connectAuthorizer(d, ids.mth('list'), ids.auth('users')));
    ben.edit((d) => updateMethod(d, ids.mth('list'), { authorizationScopes: ['pets/read'] }));
    // Delivered in opposite orders to the third person and to each other.
    for (const update of ben.log) cleo.receive(update);
    for (const update of ana.log) cleo.receive(update);
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben, cleo]);
    expect(design.authorizers).not.toHaveProperty(ids.auth('users'));
    expect(design.methods[ids.mth('list')]?.authorizerId).toBeUndefined();
    expect(design.methods[ids.mth('list')]?.authorizationScopes).toEqual([]);
    expect(repairs).toEqual([
      {
        message: 'GET /pets used an authorizer that was deleted at the same time: it has no authorizer now (open to any caller).',
        elementId: ids.mth('list'),
      },
    ]);
    // Ana's own deletion (of POST's authorizer) is not a repair: her operation cleared it already.
    expect(design.methods[ids.mth('create')]?.authorizerId).toBeUndefined();
  });

  it('two GET methods made on one resource at the same time become one, with what each had set', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'DELETE', id: ids.mth('a') }));
    ana.edit((d) => connectIntegration(d, ids.mth('a'), ids.int('fn')));
    ben.edit((d) => addMethod(d, { resourceId: ids.res('pet'), httpMethod: 'DELETE', id: ids.mth('b') }));
    ben.edit((d) => connectAuthorizer(d, ids.mth('b'), ids.auth('users')));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    const deletes = Object.values(design.methods).filter((method) => method.httpMethod === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatchObject({ integration: { integrationId: ids.int('fn') }, authorizerId: ids.auth('users') });
    expect(repairs).toHaveLength(1);
    expect(repairs[0]?.message).toBe(
      '2 DELETE methods were made on /pets/{petId} at the same time; they are one method now, with what each had set.',
    );
  });

  it('a verb changed to one someone just added on the same resource: one method stays', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => updateMethod(d, ids.mth('create'), { httpMethod: 'PUT' }));
    ben.edit((d) => addMethod(d, { resourceId: ids.res('pets'), httpMethod: 'PUT' }));
    syncAll([ana, ben]);
    const { design } = converged([ana, ben]);
    expect(
      Object.values(design.methods).filter((method) => method.resourceId === ids.res('pets') && method.httpMethod === 'PUT'),
    ).toHaveLength(1);
  });

  it('the same path made twice at the same time becomes one resource with the methods and children of both', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => addResource(d, { parentId: ids.root, pathPart: 'owners', id: ids.res('ownersA') }));
    ana.edit((d) => addMethod(d, { resourceId: ids.res('ownersA'), httpMethod: 'GET' }));
    ben.edit((d) => addResource(d, { parentId: ids.root, pathPart: 'owners', id: ids.res('ownersB') }));
    ben.edit((d) => addMethod(d, { resourceId: ids.res('ownersB'), httpMethod: 'POST' }));
    ben.edit((d) => addResource(d, { parentId: ids.res('ownersB'), pathPart: '{ownerId}' }));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    const owners = Object.values(design.resources).filter((resource) => resource.pathPart === 'owners');
    expect(owners).toHaveLength(1);
    const ownerId = owners[0]?.id;
    expect(
      Object.values(design.methods)
        .filter((method) => method.resourceId === ownerId)
        .map((method) => method.httpMethod)
        .sort(),
    ).toEqual(['GET', 'POST']);
    expect(Object.values(design.resources).some((resource) => resource.parentId === ownerId && resource.pathPart === '{ownerId}')).toBe(
      true,
    );
    expect(repairs.map((repair) => repair.message)).toEqual([
      'The resource /owners was made twice at the same time; it is one resource now, with the methods and children of both.',
    ]);
  });

  it('a resource made under one deleted at the same time goes, with its methods', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => deleteResources(d, [ids.res('pets')]));
    ben.edit((d) => addResource(d, { parentId: ids.res('pet'), pathPart: 'photos', id: ids.res('photos') }));
    ben.edit((d) => addMethod(d, { resourceId: ids.res('photos'), httpMethod: 'GET' }));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    expect(Object.keys(design.resources)).toEqual([ids.root]);
    expect(design.methods).toEqual({});
    expect(repairs.map((repair) => repair.message)).toEqual([
      'The resource photos was made under a resource that was deleted at the same time; it was removed (with 1 method).',
    ]);
  });

  it('two resources moved under each other at the same time: the cycle is broken, the same way everywhere', () => {
    const start = restPetStore();
    const [ana, ben] = session(start) as [Replica, Replica];
    ana.edit((d) => addResource(d, { parentId: ids.root, pathPart: 'a', id: ids.res('a') }));
    ana.edit((d) => addResource(d, { parentId: ids.root, pathPart: 'b', id: ids.res('b') }));
    syncAll([ana, ben]);
    ana.edit((d) => moveResource(d, ids.res('a'), ids.res('b')));
    ben.edit((d) => moveResource(d, ids.res('b'), ids.res('a')));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    expect(design.resources[ids.res('a')]?.parentId).toBe(ids.root);
    expect(design.resources[ids.res('b')]?.parentId).toBe(ids.res('a'));
    expect(repairs).toHaveLength(1);
  });

  it('two HTTP routes with one key made at the same time become one; a stage named twice gets a new name', () => {
    const [ana, ben] = session(httpPets()) as [Replica, Replica];
    ana.edit((d) => addRoute(d, { routeKey: 'DELETE /pets', id: ids.rte('a') }));
    ben.edit((d) => addRoute(d, { routeKey: 'DELETE /pets', id: ids.rte('b') }));
    ben.edit((d) => updateRoute(d, ids.rte('b'), { summary: 'Delete all' }));
    ana.edit((d) => addStage(d, { name: 'prod' }));
    ben.edit((d) => addStage(d, { name: 'prod' }));
    syncAll([ana, ben]);
    const { design } = converged([ana, ben]);
    expect(Object.values(design.routes).filter((route) => route.routeKey === 'DELETE /pets')).toEqual([
      expect.objectContaining({ summary: 'Delete all' }),
    ]);
    expect(design.stageOrder.map((id) => design.stages[id]?.name)).toEqual(['dev', 'prod', 'prod-2']);
  });

  it('a stage deleted while a usage plan and a method override were set on it', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => deleteStage(d, ids.stg('prod')));
    ben.edit((d) => addUsagePlan(d, { name: 'Gold', id: ids.plan('gold') }));
    ben.edit((d) => updateUsagePlan(d, ids.plan('gold'), { stages: [{ stageId: ids.stg('prod'), methodThrottles: {} }] }));
    ben.edit((d) => setMethodOverride(d, ids.stg('prod'), ids.mth('get'), { cachingEnabled: true }));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    expect(design.stages).toEqual({});
    expect(design.usagePlans[ids.plan('basic')]?.stages).toEqual([]);
    expect(design.usagePlans[ids.plan('gold')]?.stages).toEqual([]);
    expect(repairs).toEqual([
      {
        message: 'The usage plan Gold named stages, methods or API keys deleted at the same time; they were removed from it.',
        elementId: ids.plan('gold'),
      },
    ]);
  });

  it('edits made offline merge when the connection returns', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    // Ben is offline: his edits stay in his log while Ana goes on.
    ben.edit((d) => addResource(d, { parentId: ids.root, pathPart: 'orders', id: ids.res('orders') }));
    ben.edit((d) => addMethod(d, { resourceId: ids.res('orders'), httpMethod: 'POST' }));
    ana.edit((d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('token') }));
    ana.edit((d) => connectAuthorizer(d, ids.mth('get'), ids.auth('token')));
    syncAll([ana, ben]);
    const { design, repairs } = converged([ana, ben]);
    expect(design.resources[ids.res('orders')]).toBeDefined();
    expect(design.methods[ids.mth('get')]?.authorizerId).toBe(ids.auth('token'));
    expect(repairs).toEqual([]);
  });

  it('undo undoes one’s own change only', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    const undo = createDesignUndoManager(ana.doc);
    ana.edit((d) => updateMethod(d, ids.mth('list'), { summary: 'Ana' }));
    syncAll([ana, ben]);
    ben.edit((d) => updateMethod(d, ids.mth('get'), { summary: 'Ben' }));
    ben.edit((d) => updateMethod(d, ids.mth('list'), { description: 'Ben too' }));
    syncAll([ana, ben]);
    undo.undo();
    ana.refresh();
    syncAll([ana, ben]);
    const { design } = converged([ana, ben]);
    expect(design.methods[ids.mth('list')]?.summary).toBeUndefined();
    expect(design.methods[ids.mth('list')]?.description).toBe('Ben too');
    expect(design.methods[ids.mth('get')]?.summary).toBe('Ben');
    undo.redo();
    ana.refresh();
    expect(ana.design.methods[ids.mth('list')]?.summary).toBe('Ana');
  });

  it('a repair written by the server reaches everyone and is not made again', () => {
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => deleteAuthorizers(d, [ids.auth('users')]));
    ben.edit((d) => connectAuthorizer(d, ids.mth('list'), ids.auth('users')));
    const server = new Replica('server', restPetStore());
    syncAll([ana, ben, server]);
    const before = converged([ana, ben, server]);
    const repaired = repairDoc(server.doc, 'server');
    expect(repaired.ok && repaired.repairs).toHaveLength(1);
    syncAll([ana, ben, server]);
    const after = converged([ana, ben, server]);
    expect(after.repairs).toEqual([]);
    expect(JSON.stringify(after.design)).toBe(JSON.stringify(before.design));
    // The same repair written by two servers at once converges too.
    const other = new Replica('other server', restPetStore());
    const [cleo, dan] = session(restPetStore()) as [Replica, Replica];
    cleo.edit((d) => deleteAuthorizers(d, [ids.auth('users')]));
    dan.edit((d) => connectAuthorizer(d, ids.mth('list'), ids.auth('users')));
    const third = new Replica('third server', restPetStore());
    syncAll([cleo, dan, other, third]);
    repairDoc(other.doc, 'server');
    repairDoc(third.doc, 'server');
    syncAll([cleo, dan, other, third]);
    expect(converged([cleo, dan, other, third]).repairs).toEqual([]);
  });

  it('repairDesign never changes the objects it was given (they may be the doc’s own values)', () => {
    const doc = new Y.Doc();
    const [ana, ben] = session(restPetStore()) as [Replica, Replica];
    ana.edit((d) => deleteAuthorizers(d, [ids.auth('users')]));
    ben.edit((d) => connectAuthorizer(d, ids.mth('list'), ids.auth('users')));
    syncAll([ana, ben]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ana.doc));
    const raw = JSON.parse(JSON.stringify(ana.doc.toJSON()));
    repairDesign(structuredClone(ana.design));
    docToDesign(ana.doc);
    expect(JSON.parse(JSON.stringify(ana.doc.toJSON()))).toEqual(raw);
  });
});
