import { describe, expect, it } from 'vitest';
import { addIntegration, addResource, deleteElements, emptyDesign, type NodeId, ROOT_RESOURCE_ID } from '../../model';
import { build, httpPets, restPetStore } from '../../model/testing/design-builder';
import { lintWith } from '../testing/rule-tester';
import { restApiWithoutMethods as rule } from './rest-api-without-methods';

describe('rest-api-without-methods', () => {
  it('says a REST API of resources and no methods cannot be deployed', () => {
    const design = build(
      emptyDesign('REST'),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'pets' }),
      (d) => addResource(d, { parentId: ROOT_RESOURCE_ID, pathPart: 'toys' }),
    );
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'error',
        message: 'The REST API has 2 resources but no method, so API Gateway cannot deploy it: add a method to a resource.',
        target: { kind: 'api', id: 'api' },
      },
    ]);
    expect(
      lintWith(
        rule,
        build(emptyDesign('REST'), (d) => addIntegration(d, { kind: 'MOCK', name: 'Backend' })),
      ),
    ).toHaveLength(1);
  });

  it('is quiet on a design with methods, on a design not started yet, and on other API types', () => {
    expect(lintWith(rule, restPetStore())).toEqual([]);
    expect(lintWith(rule, emptyDesign('REST'))).toEqual([]);
    const routesGone = httpPets();
    expect(
      lintWith(
        rule,
        build(routesGone, (d) => deleteElements(d, Object.keys(d.routes) as NodeId[])),
      ),
    ).toEqual([]);
  });
});
