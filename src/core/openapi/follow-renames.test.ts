import { describe, expect, it } from 'vitest';
import { checkDesign, moveCards, type ResourceId, resourcePath, updateIntegration } from '../model';
import { build, httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { editedImport } from './testing/edited-import';
import type { ImportResult } from './types';

/** Renames in an edited export (the code view's Apply) keep the ids of what was renamed. */
describe('followRenames', () => {
  const notesOf = (result: Extract<ImportResult, { ok: true }>) => result.notes.map((note) => note.message).join('\n');

  it('keeps the ids, positions and stage settings of a renamed resource, the resources and methods under it, and a renamed route', () => {
    const previous = build(restPetStore(), (d) => moveCards(d, { [ids.res('pet')]: { x: 5, y: 6006 } }));
    for (const edit of [(text: string) => text.replaceAll('/pets', '/animals'), (text: string) => text.replaceAll('petId', 'id')]) {
      const result = editedImport(previous, edit);
      const design = result.design;
      expect(Object.keys(design.resources)).toEqual(Object.keys(previous.resources));
      expect(Object.keys(design.methods)).toEqual(Object.keys(previous.methods));
      expect(design.layout[ids.res('pet')]).toEqual({ x: 5, y: 6006 });
      expect(design.stages[ids.stg('prod')]?.methodOverrides).toEqual(previous.stages[ids.stg('prod')]?.methodOverrides);
      expect(design.usagePlans[ids.plan('basic')]).toEqual(previous.usagePlans[ids.plan('basic')]);
      expect(notesOf(result)).not.toMatch(/were removed/);
      expect(checkDesign(design)).toEqual([]);
    }
    const renamed = editedImport(previous, (text) => text.replaceAll('/pets', '/animals')).design;
    expect(resourcePath(renamed, renamed.methods[ids.mth('get')]?.resourceId as ResourceId)).toBe('/animals/{petId}');
    const http = editedImport(httpPets(), (text) => text.replace('/pets:', '/animals:')).design;
    expect(Object.keys(http.routes)).toEqual([ids.rte('list'), ids.rte('create')]);
    expect(http.routes[ids.rte('list')]?.routeKey).toBe('GET /animals');
    expect(http.stages[ids.stg('dev')]?.routeOverrides).toEqual(httpPets().stages[ids.stg('dev')]?.routeOverrides);
  });

  it('keeps the id, position and label of a backend whose URI was edited everywhere it is used', () => {
    const previous = build(restPetStore(), (d) => updateIntegration(d, ids.int('fn'), { name: 'Pets function' }));
    const moved = build(previous, (d) => moveCards(d, { [ids.int('fn')]: { x: 7, y: 8008 } }));
    const everywhere = editedImport(moved, (text) => text.replaceAll('function:my-function/', 'function:other/')).design;
    expect(Object.keys(everywhere.integrations)).toEqual([ids.int('fn')]);
    expect(everywhere.integrations[ids.int('fn')]).toMatchObject({
      name: 'Pets function',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:other',
    });
    expect(everywhere.layout[ids.int('fn')]).toEqual({ x: 7, y: 8008 });
    expect(checkDesign(everywhere)).toEqual([]);
    // Edited for one method only, the backend is a new one beside the old.
    const once = editedImport(moved, (text) => text.replace('function:my-function/', 'function:other/')).design;
    expect(Object.keys(once.integrations)).toHaveLength(2);
    expect(once.integrations[ids.int('fn')]?.name).toBe('Pets function');
  });

  it('keeps the id and position of a renamed authorizer', () => {
    const previous = build(restPetStore(), (d) => moveCards(d, { [ids.auth('users')]: { x: 3, y: 4004 } }));
    const design = editedImport(previous, (text) => text.replaceAll('CognitoAuthorizer', 'Users')).design;
    expect(Object.keys(design.authorizers)).toEqual([ids.auth('users')]);
    expect(design.authorizers[ids.auth('users')]?.name).toBe('Users');
    expect(design.methods[ids.mth('create')]?.authorizerId).toBe(ids.auth('users'));
    expect(design.layout[ids.auth('users')]).toEqual({ x: 3, y: 4004 });
    expect(checkDesign(design)).toEqual([]);
  });

  it('leaves a rename it cannot tell apart from a deletion and an addition as new elements', () => {
    // Two new paths under the root where one disappeared: which one is the renamed one is not clear.
    const result = editedImport(restPetStore(), (text) =>
      text.replace('  /pets:', '  /dogs:\n    get:\n      responses: {}\n  /cats:').replaceAll('/pets/', '/cats/'),
    );
    const paths = Object.keys(result.design.resources).map((id) => resourcePath(result.design, id as ResourceId));
    expect(paths).toEqual(['/', '/dogs', '/cats', '/cats/{petId}']);
    expect(Object.hasOwn(result.design.resources, ids.res('pets'))).toBe(false);
    expect(checkDesign(result.design)).toEqual([]);
  });
});
