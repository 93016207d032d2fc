import { describe, expect, it } from 'vitest';
import { addMethod, addResource, addRoute, asId, emptyDesign, ROOT_RESOURCE_ID, updateApi } from '../core/model';
import { selectMethodLabels, selectRouteLabels } from './operation-labels';

describe('operation labels', () => {
  it('labels methods with verb and path and keeps the array while methods and resources are unchanged', () => {
    let design = addResource(emptyDesign('REST'), { parentId: ROOT_RESOURCE_ID, pathPart: 'pets', id: asId('Resource', 'res_pets') });
    design = addMethod(design, { resourceId: asId('Resource', 'res_pets'), httpMethod: 'GET', id: asId('Method', 'mth_1') });
    const first = selectMethodLabels(design);
    expect(first).toEqual([{ id: 'mth_1', label: 'GET /pets' }]);
    expect(selectMethodLabels(updateApi(design, { name: 'Other' }))).toBe(first);
  });
  it('labels routes with their route key', () => {
    const design = addRoute(emptyDesign('HTTP'), { routeKey: 'GET /items', id: asId('Route', 'rte_1') });
    expect(selectRouteLabels(design)).toEqual([{ id: 'rte_1', label: 'GET /items' }]);
  });
});
