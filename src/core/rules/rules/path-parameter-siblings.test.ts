import { describe, expect, it } from 'vitest';
import { addResource, addRoute } from '../../model';
import { build, httpPets, ids, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { pathParameterSiblings as rule } from './path-parameter-siblings';

describe('path-parameter-siblings', () => {
  it('names a second path variable under one resource (addResource allows it)', () => {
    const design = build(restPetStore(), (d) => addResource(d, { parentId: ids.res('pets'), pathPart: '{id}', id: ids.res('byId') }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'error',
        message: '/pets/{id} and /pets/{petId} are sibling path variables; a resource can have only one.',
        target: { kind: 'resource', id: ids.res('byId') },
      },
    ]);
  });

  it('names an HTTP route that names a variable differently at the same position', () => {
    const design = build(
      httpPets(),
      (d) => addRoute(d, { routeKey: 'GET /pets/{petId}', id: ids.rte('get') }),
      (d) => addRoute(d, { routeKey: 'DELETE /pets/{id}/toys', id: ids.rte('toys') }),
    );
    expect(lintWith(rule, design)).toMatchObject([
      { message: 'DELETE /pets/{id}/toys has the path variable {id} where GET /pets/{petId} has {petId}; one position takes one name.' },
    ]);
  });

  it('is quiet when the names agree, and on a greedy variable beside a named one', () => {
    const design = build(
      httpPets(),
      (d) => addRoute(d, { routeKey: 'GET /pets/{petId}' }),
      (d) => addRoute(d, { routeKey: 'PUT /pets/{petId}/photo' }),
      (d) => addRoute(d, { routeKey: 'ANY /pets/{proxy+}' }),
    );
    expect(lintWith(rule, design)).toEqual([]);
    expect(lintWith(rule, restPetStore())).toEqual([]);
  });
});
