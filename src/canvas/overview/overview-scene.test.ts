import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../core/examples';
import { autoLayout, cardGeometry, type MethodId, type ResourceId, renameResource, updateMethod } from '../../core/model';
import { createFlowDeriver } from '../design-to-flow';
import { buildOverviewScene, elementAt, sameOverview } from './overview-scene';

const design = autoLayout(syntheticDesign({ operations: 120, seed: 9 }));

describe('the overview scene', () => {
  it('draws every element and edge the cards draw, at the same places', () => {
    const scene = buildOverviewScene(design);
    const { nodes, edges } = createFlowDeriver()({ design, selection: new Set() });
    expect(scene.count).toBe(nodes.length);
    expect(scene.edgeCount).toBe(edges.length);
    for (const [at, node] of nodes.entries()) {
      expect(scene.ids[at]).toBe(node.id);
      expect([scene.x[at], scene.y[at], scene.width[at], scene.height[at]]).toEqual([
        node.position.x,
        node.position.y,
        node.width,
        node.height,
      ]);
    }
  });

  it('knows its bounds and finds the element under a point', () => {
    const scene = buildOverviewScene(design);
    const right = Math.max(...[...scene.x].map((x, at) => x + (scene.width[at] as number)));
    expect(scene.bounds.x + scene.bounds.width).toBe(right);
    const resource = design.methods[Object.keys(design.methods)[7] as MethodId]?.resourceId as ResourceId;
    const at = design.layout[resource];
    if (!at) throw new Error('no position');
    expect(elementAt(scene, { x: at.x + cardGeometry.apiWidth / 2, y: at.y + cardGeometry.headerHeight / 2 })).toBe(resource);
    expect(elementAt(scene, { x: -10_000, y: -10_000 })).toBeUndefined();
    // Far out the click slack spans neighbours: the element under the point still wins over one drawn later
    // nearby, and just outside every element the nearest within the slack is taken.
    for (const [index, id] of scene.ids.entries()) {
      const x = scene.x[index] as number;
      const y = scene.y[index] as number;
      expect(elementAt(scene, { x: x + 1, y: y + 1 }, 400)).toBe(id);
    }
    const first = scene.ids[0] as string;
    expect(elementAt(scene, { x: (scene.x[0] as number) - 3, y: (scene.y[0] as number) + 1 }, 5)).toBe(first);
  });

  it('is the same scene after an edit that moves nothing, and a new one after one that does', () => {
    const method = Object.keys(design.methods)[3] as MethodId;
    expect(sameOverview(design, updateMethod(design, method, { summary: 'Renamed' }))).toBe(true);
    const resource = (Object.keys(design.resources) as ResourceId[]).find((id) => design.resources[id]?.parentId !== null) as ResourceId;
    expect(sameOverview(design, renameResource(design, resource, 'renamed'))).toBe(true);
    expect(sameOverview(design, updateMethod(design, method, { httpMethod: 'OPTIONS' }))).toBe(false);
    expect(sameOverview(design, { ...design, layout: { ...design.layout, [resource]: { x: 1, y: 2 } } })).toBe(false);
  });
});
