import { describe, expect, it } from 'vitest';
import { addAuthorizer, addResource, addRoute, deleteMethods, deleteRoutes, updateAuthorizer } from '../model';
import { changeApiType } from '../model/operations/convert-api-type';
import { build, httpPets, ids, restPetStore } from '../model/testing/design-builder';
import { importFindingApplies } from './import-finding-applies';
import type { ImportNote } from './types';

const dropped = (path: string, rule = 'import/dropped-operation'): ImportNote => ({ message: 'x', path, severity: 'error', rule });
const changed = (path: string): ImportNote => ({ message: 'x', path, severity: 'warning', rule: 'import/changed' });

describe('importFindingApplies', () => {
  it('keeps every finding while the design is as imported, and one without a location until it is dismissed', () => {
    const imported = restPetStore();
    expect(importFindingApplies(dropped('paths./pets.get'), imported, imported)).toBe(true);
    const edited = build(imported, (d) => deleteMethods(d, [ids.mth('list')]));
    expect(importFindingApplies({ message: 'x' }, edited, imported)).toBe(true);
  });

  it('keeps a dropped path or operation until the design has it', () => {
    const imported = restPetStore();
    const same = build(imported, (d) => addResource(d, { parentId: ids.root, pathPart: 'toys' }));
    expect(importFindingApplies(dropped('paths./owners'), same, imported)).toBe(true);
    expect(importFindingApplies(dropped('paths./files/{proxy+}/meta'), same, imported)).toBe(true);
    const added = build(imported, (d) => addResource(d, { parentId: ids.root, pathPart: 'owners' }));
    expect(importFindingApplies(dropped('paths./owners'), added, imported)).toBe(false);
    expect(
      importFindingApplies(
        dropped('paths./owners.get'),
        build(httpPets(), (d) => addRoute(d, { routeKey: 'GET /owners' })),
        httpPets(),
      ),
    ).toBe(false);
  });

  it('keeps a finding about part of an operation while the operation is there', () => {
    const imported = restPetStore();
    const finding = changed('paths./pets.get.parameters.0');
    expect(
      importFindingApplies(
        finding,
        build(imported, (d) => deleteMethods(d, [ids.mth('create')])),
        imported,
      ),
    ).toBe(true);
    expect(
      importFindingApplies(
        finding,
        build(imported, (d) => deleteMethods(d, [ids.mth('list')])),
        imported,
      ),
    ).toBe(false);
    const http = httpPets();
    const integration = dropped('paths./pets.get.x-amazon-apigateway-integration', 'import/api-type');
    expect(
      importFindingApplies(
        integration,
        build(http, (d) => deleteRoutes(d, [ids.rte('list')])),
        http,
      ),
    ).toBe(false);
    // A path written differently from the design's (read as /pets) names nothing the design can tell.
    expect(
      importFindingApplies(
        changed('paths./pets/'),
        build(imported, (d) => deleteMethods(d, [ids.mth('list')])),
        imported,
      ),
    ).toBe(true);
  });

  it('drops a note on the API type once the design is converted, and a dropped authorizer once one of that name is there', () => {
    const note: ImportNote = { message: 'x', severity: 'warning', rule: 'import/api-type' };
    const imported = restPetStore();
    expect(
      importFindingApplies(
        note,
        build(imported, (d) => changeApiType(d, 'HTTP')),
        imported,
      ),
    ).toBe(false);
    const authorizer = dropped('securityDefinitions.partners', 'import/dropped-authorizer');
    const other = build(imported, (d) => addAuthorizer(d, { kind: 'LAMBDA_TOKEN', id: ids.auth('other') }));
    expect(importFindingApplies(authorizer, other, imported)).toBe(true);
    const named = build(other, (d) => updateAuthorizer(d, ids.auth('other'), { name: 'partners' }));
    expect(importFindingApplies(authorizer, named, imported)).toBe(false);
  });
});
