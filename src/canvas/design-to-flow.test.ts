import { describe, expect, it } from 'vitest';
import {
  addAuthorizer,
  addIntegration,
  addMethod,
  addResource,
  connectAuthorizer,
  connectIntegration,
  emptyDesign,
  moveNodes,
  nodeSizes,
  renameResource,
} from '../core/model';
import { build, ids } from '../core/model/testing/design-builder';
import { createFlowDeriver, isEmptyDesign } from './design-to-flow';

const petStore = () =>
  build(
    emptyDesign('REST'),
    (d) => addResource(d, { id: ids.res('pets'), parentId: ids.root, pathPart: 'pets', position: { x: 280, y: 0 } }),
    (d) => addResource(d, { id: ids.res('pet'), parentId: ids.res('pets'), pathPart: '{petId}', position: { x: 560, y: 0 } }),
    (d) => addMethod(d, { id: ids.mth('list'), resourceId: ids.res('pets'), httpMethod: 'GET', position: { x: 800, y: 0 } }),
    (d) => addMethod(d, { id: ids.mth('get'), resourceId: ids.res('pet'), httpMethod: 'GET' }),
    (d) => addIntegration(d, { id: ids.int('fn'), kind: 'LAMBDA', position: { x: 1100, y: 0 } }),
    (d) => addAuthorizer(d, { id: ids.auth('pool'), kind: 'COGNITO_USER_POOLS', position: { x: 1400, y: 0 } }),
    (d) => connectIntegration(d, ids.mth('list'), ids.int('fn')),
    (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('pool')),
  );

describe('design to flow', () => {
  it('makes one node per element, sized up front, carrying only the id', () => {
    const design = petStore();
    const { nodes } = createFlowDeriver()({ design, selection: new Set() });
    expect(nodes.map((node) => [node.id, node.type])).toEqual([
      [ids.root, 'resource'],
      [ids.res('pets'), 'resource'],
      [ids.res('pet'), 'resource'],
      [ids.mth('list'), 'method'],
      [ids.mth('get'), 'method'],
      [ids.auth('pool'), 'authorizer'],
      [ids.int('fn'), 'integration'],
    ]);
    const list = nodes.find((node) => node.id === ids.mth('list'));
    expect(list).toMatchObject({ position: { x: 800, y: 0 }, width: nodeSizes.method.width, height: nodeSizes.method.height });
    expect(list?.data).toEqual({ id: ids.mth('list') });
    // The root cannot be deleted from the canvas.
    expect(nodes[0]?.deletable).toBe(false);
  });

  it('gives elements without a saved position a fallback position', () => {
    const { nodes } = createFlowDeriver()({ design: petStore(), selection: new Set() });
    const get = nodes.find((node) => node.id === ids.mth('get'));
    expect(Number.isFinite(get?.position.x)).toBe(true);
    expect(Number.isFinite(get?.position.y)).toBe(true);
  });

  it('draws the tree, the methods and the wiring as edges', () => {
    const { edges } = createFlowDeriver()({ design: petStore(), selection: new Set() });
    expect(edges.map((edge) => [edge.data?.kind, edge.source, edge.target])).toEqual(
      expect.arrayContaining([
        ['child', ids.root, ids.res('pets')],
        ['child', ids.res('pets'), ids.res('pet')],
        ['method', ids.res('pets'), ids.mth('list')],
        ['method', ids.res('pet'), ids.mth('get')],
        ['integration', ids.mth('list'), ids.int('fn')],
        ['authorizer', ids.mth('list'), ids.auth('pool')],
      ]),
    );
    expect(edges).toHaveLength(6);
    expect(edges.filter((edge) => edge.deletable).map((edge) => edge.data?.kind)).toEqual(['integration', 'authorizer']);
  });

  it('keeps every node and edge, and the very arrays, when an element is edited in place', () => {
    const derive = createFlowDeriver();
    const before = petStore();
    const first = derive({ design: before, selection: new Set() });
    // Node components read their element from the store: a renamed resource needs no new node object, so
    // React Flow's own node and edge lists do not change.
    const after = build(before, (d) => renameResource(d, ids.res('pet'), '{id}'));
    const second = derive({ design: after, selection: new Set() });
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('re-creates only the edges of an element whose connections change', () => {
    const derive = createFlowDeriver();
    const before = petStore();
    const first = derive({ design: before, selection: new Set() });
    const after = build(before, (d) => connectIntegration(d, ids.mth('get'), ids.int('fn')));
    const second = derive({ design: after, selection: new Set() });
    expect(second.nodes).toBe(first.nodes);
    const added = second.edges.filter((edge) => !first.edges.includes(edge)).map((edge) => edge.id);
    expect(added).toEqual([`integration:${ids.mth('get')}->${ids.int('fn')}`]);
    expect(first.edges.every((edge) => second.edges.includes(edge))).toBe(true);
  });

  it('re-creates a node when it moves or its selection changes, and follows the drag overlay', () => {
    const derive = createFlowDeriver();
    const design = petStore();
    const first = derive({ design, selection: new Set() });
    const moved = build(design, (d) => moveNodes(d, { [ids.int('fn')]: { x: 5, y: 6 } }));
    const second = derive({ design: moved, selection: new Set([ids.mth('list')]) });
    const changed = second.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id);
    expect(changed.sort()).toEqual([ids.int('fn'), ids.mth('list')].sort());
    expect(second.nodes.find((node) => node.id === ids.mth('list'))?.selected).toBe(true);
    const dragging = derive({ design: moved, selection: new Set(), dragOverlay: { [ids.res('pets')]: { x: 1, y: 2 } } });
    expect(dragging.nodes.find((node) => node.id === ids.res('pets'))?.position).toEqual({ x: 1, y: 2 });
  });

  it('knows an empty design', () => {
    expect(isEmptyDesign(emptyDesign('REST'))).toBe(true);
    expect(isEmptyDesign(emptyDesign('HTTP'))).toBe(true);
    expect(isEmptyDesign(petStore())).toBe(false);
  });
});
