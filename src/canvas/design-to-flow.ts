import type { Edge, Node } from '@xyflow/react';
import { type Design, type NodeId, type NodeKind, nodeSizes, type Position, valuesOf } from '../core/model';

/** A canvas node carries only the id of its element: node components select the element themselves. */
export type ElementNodeData = { id: NodeId };
export type ElementNode = Node<ElementNodeData, NodeKind>;

export type EdgeKind = 'child' | 'method' | 'integration' | 'authorizer';
export type ElementEdge = Edge<{ kind: EdgeKind }>;

export interface Flow {
  nodes: ElementNode[];
  edges: ElementEdge[];
}

export interface FlowInputs {
  design: Design;
  /** Selected node ids. */
  selection: ReadonlySet<string>;
  /** Positions of nodes being dragged (not yet committed to the design). */
  dragOverlay?: Readonly<Record<string, Position>>;
  /** Selected edge ids (edge selection is canvas-local). */
  selectedEdges?: ReadonlySet<string>;
}

interface CachedNode {
  element: object;
  x: number;
  y: number;
  selected: boolean;
  node: ElementNode;
}

const fallbackColumns: Record<NodeKind, number> = {
  resource: 0,
  method: 320,
  route: 0,
  authorizer: 1000,
  integration: 680,
};

/**
 * Derives React Flow nodes and edges from a design. The returned function keeps a cache keyed by element
 * object identity (the design is immutable), so an edit to one element re-creates only that element's
 * node object and React Flow re-renders only that node.
 */
export function createFlowDeriver(): (inputs: FlowInputs) => Flow {
  let nodeCache = new Map<string, CachedNode>();
  let edgeCache = new Map<string, ElementEdge>();

  return ({ design, selection, dragOverlay, selectedEdges }) => {
    const nextNodeCache = new Map<string, CachedNode>();
    const nodes: ElementNode[] = [];
    const fallbackRows: Record<NodeKind, number> = { resource: 0, method: 0, route: 0, authorizer: 0, integration: 0 };

    const addNode = (kind: NodeKind, element: { id: string }, deletable: boolean) => {
      const id = element.id;
      let position: Position | undefined = dragOverlay?.[id] ?? design.layout[id as NodeId];
      if (!position) {
        // An element without a saved position (an import, a hand-edited file) gets a column by kind.
        position = { x: fallbackColumns[kind], y: fallbackRows[kind] * (nodeSizes[kind].height + 16) };
        fallbackRows[kind] += 1;
      }
      const selected = selection.has(id);
      const cached = nodeCache.get(id);
      if (cached && cached.element === element && cached.x === position.x && cached.y === position.y && cached.selected === selected) {
        nextNodeCache.set(id, cached);
        nodes.push(cached.node);
        return;
      }
      const node: ElementNode = {
        id,
        type: kind,
        position: { x: position.x, y: position.y },
        width: nodeSizes[kind].width,
        height: nodeSizes[kind].height,
        data: { id: id as NodeId },
        selected,
        deletable,
      };
      nextNodeCache.set(id, { element, x: position.x, y: position.y, selected, node });
      nodes.push(node);
    };

    for (const resource of valuesOf(design.resources)) addNode('resource', resource, resource.parentId !== null);
    for (const method of valuesOf(design.methods)) addNode('method', method, true);
    for (const route of valuesOf(design.routes)) addNode('route', route, true);
    for (const authorizer of valuesOf(design.authorizers)) addNode('authorizer', authorizer, true);
    for (const integration of valuesOf(design.integrations)) addNode('integration', integration, true);
    nodeCache = nextNodeCache;

    const nextEdgeCache = new Map<string, ElementEdge>();
    const edges: ElementEdge[] = [];
    const addEdge = (kind: EdgeKind, source: string, target: string) => {
      const id = `${kind}:${source}->${target}`;
      const selected = selectedEdges?.has(id) ?? false;
      let edge = edgeCache.get(id);
      if (!edge || edge.selected !== selected) {
        edge = {
          id,
          source,
          target,
          type: kind === 'child' || kind === 'method' ? 'smoothstep' : 'default',
          data: { kind },
          selected,
          // Structure edges are the tree itself; only wiring (integration, authorizer) can be cut.
          deletable: kind === 'integration' || kind === 'authorizer',
          className: `portico-edge-${kind}`,
        };
      }
      nextEdgeCache.set(id, edge);
      edges.push(edge);
    };
    for (const resource of valuesOf(design.resources))
      if (resource.parentId !== null && Object.hasOwn(design.resources, resource.parentId))
        addEdge('child', resource.parentId, resource.id);
    for (const owner of [...valuesOf(design.methods), ...valuesOf(design.routes)]) {
      if ('resourceId' in owner && Object.hasOwn(design.resources, owner.resourceId)) addEdge('method', owner.resourceId, owner.id);
      if (owner.integration && Object.hasOwn(design.integrations, owner.integration.integrationId))
        addEdge('integration', owner.id, owner.integration.integrationId);
      if (owner.authorizerId && Object.hasOwn(design.authorizers, owner.authorizerId)) addEdge('authorizer', owner.id, owner.authorizerId);
    }
    edgeCache = nextEdgeCache;
    return { nodes, edges };
  };
}

/** Whether the design has nothing the user placed: only the root resource of a REST API, or no routes. */
export function isEmptyDesign(design: Design): boolean {
  const resources = Object.keys(design.resources).length;
  return (
    resources <= 1 &&
    Object.keys(design.methods).length === 0 &&
    Object.keys(design.routes).length === 0 &&
    Object.keys(design.authorizers).length === 0 &&
    Object.keys(design.integrations).length === 0
  );
}
