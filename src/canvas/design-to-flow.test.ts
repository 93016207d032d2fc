import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examples } from '../core/examples';
import {
  addApiMapping,
  addAuthorizer,
  addDomain,
  addIntegration,
  addMethod,
  addResource,
  addRoutingRule,
  addStage,
  autoLayout,
  cardGeometry,
  connectAuthorizer,
  connectIntegration,
  type Design,
  type DomainId,
  emptyDesign,
  moveCards,
  renameResource,
  type StageId,
  settleLayout,
  updateDomain,
  updateMethod,
} from '../core/model';
import { coveredCards } from '../core/model/testing/card-overlaps';
import { build, ids } from '../core/model/testing/design-builder';
import { importOpenApi } from '../core/openapi';
import { createFlowDeriver, isEmptyDesign, ownerOfEdge } from './design-to-flow';
import { segmentCrossesBox } from './edge-routing';

const petStore = () =>
  autoLayout(
    build(
      emptyDesign('REST'),
      (d) => addResource(d, { id: ids.res('pets'), parentId: ids.root, pathPart: 'pets' }),
      (d) => addResource(d, { id: ids.res('pet'), parentId: ids.res('pets'), pathPart: '{petId}' }),
      (d) => addMethod(d, { id: ids.mth('list'), resourceId: ids.res('pets'), httpMethod: 'GET' }),
      (d) => addMethod(d, { id: ids.mth('get'), resourceId: ids.res('pet'), httpMethod: 'GET' }),
      (d) => addIntegration(d, { id: ids.int('fn'), kind: 'LAMBDA' }),
      (d) => addAuthorizer(d, { id: ids.auth('pool'), kind: 'COGNITO_USER_POOLS' }),
      (d) => connectIntegration(d, ids.mth('list'), ids.int('fn')),
      (d) => connectAuthorizer(d, ids.mth('list'), ids.auth('pool')),
    ),
  );

describe('design to flow', () => {
  it('makes one node per card, sized up front with a handle per row, carrying only the id', () => {
    const design = petStore();
    const { nodes } = createFlowDeriver()({ design, selection: new Set() });
    expect(nodes.map((node) => [node.id, node.type])).toEqual([
      [ids.root, 'resource'],
      [ids.res('pets'), 'resource'],
      [ids.res('pet'), 'resource'],
      [ids.int('fn'), 'integration'],
      [ids.auth('pool'), 'authorizer'],
    ]);
    const pets = nodes.find((node) => node.id === ids.res('pets'));
    expect(pets).toMatchObject({
      position: design.layout[ids.res('pets')],
      width: cardGeometry.apiWidth,
      height: cardGeometry.headerHeight + cardGeometry.rowHeight + cardGeometry.rowsPadding,
    });
    expect(pets?.data).toEqual({ id: ids.res('pets') });
    expect(pets?.handles?.map((handle) => handle.id)).toEqual(['in', 'tree', ids.mth('list'), `drop:${ids.mth('list')}`, 'body']);
    // The root cannot be deleted from the canvas.
    expect(nodes[0]?.deletable).toBe(false);
  });

  it('draws the tree and the wiring from each row, routed around the cards', () => {
    const design = petStore();
    const { nodes, edges } = createFlowDeriver()({ design, selection: new Set() });
    expect(edges.map((edge) => [edge.data?.kind, edge.source, edge.sourceHandle, edge.target])).toEqual([
      ['child', ids.root, 'tree', ids.res('pets')],
      ['integration', ids.res('pets'), ids.mth('list'), ids.int('fn')],
      ['authorizer', ids.res('pets'), ids.mth('list'), ids.auth('pool')],
      ['child', ids.res('pets'), 'tree', ids.res('pet')],
    ]);
    expect(edges.filter((edge) => edge.deletable).map((edge) => ownerOfEdge(edge.id))).toEqual([ids.mth('list'), ids.mth('list')]);
    for (const edge of edges) {
      const points = edge.data?.points ?? [];
      // Orthogonal, and through no card but its own two.
      for (let i = 1; i < points.length; i += 1) {
        const a = points[i - 1];
        const b = points[i];
        if (!a || !b) continue;
        expect(a.x === b.x || a.y === b.y, `${edge.id} segment ${i}`).toBe(true);
        for (const node of nodes)
          if (node.id !== edge.source && node.id !== edge.target)
            expect(
              segmentCrossesBox(a, b, { ...node.position, width: node.width ?? 0, height: node.height ?? 0 }),
              `${edge.id} / ${node.id}`,
            ).toBe(false);
      }
    }
  });

  it('draws a custom domain left of the API, listing its mappings and rules, its edge into the root card crossing nothing', () => {
    const design = build(
      petStore(),
      (d) => addStage(d, { id: 'stg_prod' as StageId, name: 'prod' }),
      (d) => addStage(d, { id: 'stg_beta' as StageId, name: 'beta' }),
      (d) => addDomain(d, { id: 'dom_api' as DomainId, domainName: 'api.example.com' }),
      (d) => addApiMapping(d, 'dom_api' as DomainId, { basePath: '', stageId: 'stg_prod' as StageId }),
      (d) => updateDomain(d, 'dom_api' as DomainId, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
      (d) =>
        addRoutingRule(d, 'dom_api' as DomainId, {
          priority: 10,
          conditions: { headers: [{ header: 'x-version', valueGlob: 'beta' }], basePaths: [] },
          action: { stageId: 'stg_beta' as StageId, stripBasePath: false },
        }),
      (d) => addDomain(d, { id: 'dom_www' as DomainId, domainName: 'www.example.com' }),
    );
    const settled = settleLayout(design, petStore());
    expect(coveredCards(settled)).toEqual([]);
    const { nodes, edges } = createFlowDeriver()({ design: settled, selection: new Set(['dom_api']) });
    const api = nodes.find((node) => node.id === 'dom_api');
    const www = nodes.find((node) => node.id === 'dom_www');
    const root = nodes.find((node) => node.id === ids.root);
    if (!api || !www || !root) throw new Error('missing');
    expect(api.type).toBe('domain');
    // Two lines (the mapping and the rule) against the empty domain's one.
    expect(api.height).toBe((www.height ?? 0) + cardGeometry.lineHeight);
    for (const node of [api, www]) expect(node.position.x + (node.width ?? 0)).toBeLessThan(root.position.x);
    const domainEdges = edges.filter((edge) => edge.data?.kind === 'domain');
    expect(domainEdges.map((edge) => [edge.source, edge.sourceHandle, edge.target, edge.deletable])).toEqual([
      ['dom_api', 'out', ids.root, false],
      ['dom_www', 'out', ids.root, false],
    ]);
    // The selected domain's way in stands out.
    expect(domainEdges.map((edge) => edge.className?.includes('portico-edge-active'))).toEqual([true, false]);
    for (const edge of domainEdges) {
      const points = edge.data?.points ?? [];
      expect(points.at(-1)).toEqual({ x: root.position.x, y: root.position.y + cardGeometry.headerHeight / 2 });
      for (let i = 1; i < points.length; i += 1)
        for (const node of nodes)
          if (node.id !== edge.source && node.id !== edge.target)
            expect(
              segmentCrossesBox(points[i - 1]!, points[i]!, { ...node.position, width: node.width ?? 0, height: node.height ?? 0 }),
              `${edge.id} / ${node.id}`,
            ).toBe(false);
    }
  });

  it('routes an edge around a card dragged into its way', () => {
    const design = petStore();
    const fn = design.layout[ids.int('fn')];
    const pets = design.layout[ids.res('pets')];
    if (!fn || !pets) throw new Error('no layout');
    // The integration moved far right, and the authorizer right between it and the /pets row.
    const blocked = {
      ...design,
      layout: { ...design.layout, [ids.int('fn')]: { x: 1200, y: fn.y }, [ids.auth('pool')]: { x: 700, y: pets.y + 30 } },
    };
    const { nodes, edges } = createFlowDeriver()({ design: blocked, selection: new Set() });
    const edge = edges.find((candidate) => candidate.id.startsWith('integration:'));
    const pool = nodes.find((node) => node.id === ids.auth('pool'));
    if (!edge || !pool) throw new Error('missing');
    const points = edge.data?.points ?? [];
    expect(points.length).toBeGreaterThan(2);
    for (let i = 1; i < points.length; i += 1)
      expect(segmentCrossesBox(points[i - 1]!, points[i]!, { ...pool.position, width: pool.width ?? 0, height: pool.height ?? 0 })).toBe(
        false,
      );
  });

  it('keeps every node and edge, and the very arrays, when an element is edited in place', () => {
    const derive = createFlowDeriver();
    const before = petStore();
    const first = derive({ design: before, selection: new Set() });
    // Cards read their element from the store: a renamed resource or a described method needs no new node.
    const after = build(
      before,
      (d) => renameResource(d, ids.res('pet'), '{id}'),
      (d) => updateMethod(d, ids.mth('list'), { summary: 'List the pets' }),
    );
    const second = derive({ design: after, selection: new Set() });
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('re-creates only the edges whose connections change', () => {
    const derive = createFlowDeriver();
    const before = petStore();
    const first = derive({ design: before, selection: new Set() });
    const after = build(before, (d) => connectIntegration(d, ids.mth('get'), ids.int('fn')));
    const second = derive({ design: after, selection: new Set() });
    const added = second.edges.filter((edge) => !first.edges.includes(edge)).map((edge) => edge.id);
    expect(added).toContain(`integration:${ids.mth('get')}->${ids.int('fn')}`);
    expect(second.nodes.filter((node) => !first.nodes.includes(node))).toEqual([]);
  });

  it('re-creates a card when it moves or its selection changes, and follows the drag overlay', () => {
    const derive = createFlowDeriver();
    const design = petStore();
    const first = derive({ design, selection: new Set() });
    const moved = build(design, (d) => moveCards(d, { [ids.int('fn')]: { x: 2005, y: 6 } }));
    const second = derive({ design: moved, selection: new Set([ids.res('pets')]) });
    const changed = second.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id);
    expect(changed.sort()).toEqual([ids.int('fn'), ids.res('pets')].sort());
    expect(second.nodes.find((node) => node.id === ids.res('pets'))?.selected).toBe(true);
    const dragging = derive({ design: moved, selection: new Set(), dragOverlay: { [ids.res('pets')]: { x: 1, y: 2 } } });
    expect(dragging.nodes.find((node) => node.id === ids.res('pets'))?.position).toEqual({ x: 1, y: 2 });
    // The dragged card's edges follow it.
    const tree = dragging.edges.find((edge) => edge.id === `child:${ids.root}->${ids.res('pets')}`);
    expect(tree?.data?.points.at(-1)).toEqual({ x: 1, y: 2 + cardGeometry.headerHeight / 2 });
  });

  it('knows an empty design', () => {
    expect(isEmptyDesign(emptyDesign('REST'))).toBe(true);
    expect(isEmptyDesign(emptyDesign('HTTP'))).toBe(true);
    expect(isEmptyDesign(petStore())).toBe(false);
  });
});

describe('every example and every corpus document', () => {
  const corpusDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus/real-world');
  const documents = readdirSync(corpusDir).filter((file) => /\.(json|ya?ml)$/.test(file));
  const designs: [string, () => Design][] = [
    ...examples.map((example) => [example.id, example.build] as [string, () => Design]),
    ...documents.map(
      (file) =>
        [
          file,
          () => {
            const result = importOpenApi(readFileSync(resolve(corpusDir, file), 'utf8'));
            if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
            return result.design;
          },
        ] as [string, () => Design],
    ),
  ];

  it.each(designs)('%s: no card covers another and no edge runs through a card it does not connect', (_name, make) => {
    const design = make();
    const { nodes, edges } = createFlowDeriver()({ design, selection: new Set() });
    expect(coveredCards(design)).toEqual([]);
    const crossings: string[] = [];
    for (const edge of edges) {
      const points = edge.data?.points ?? [];
      for (let i = 1; i < points.length; i += 1)
        for (const node of nodes)
          if (
            node.id !== edge.source &&
            node.id !== edge.target &&
            segmentCrossesBox(points[i - 1]!, points[i]!, { ...node.position, width: node.width ?? 0, height: node.height ?? 0 })
          )
            crossings.push(`${edge.id} / ${node.id}`);
    }
    expect(crossings).toEqual([]);
  });
});
