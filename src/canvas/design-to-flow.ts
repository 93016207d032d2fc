import type { Edge, Node } from '@xyflow/react';
import { type Design, type NodeId, type NodeKind, nodeSizes, type Position, valuesOf } from '../core/model';
import { nodeHandles } from './node-handles';

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
  kind: NodeKind;
  deletable: boolean;
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
 * Where each element is drawn: its saved position (or where it is being dragged), else a column by kind.
 * One positioner per pass over the design, in the order of `forEachElement`, so that the cards and the
 * overview put elements without a saved position in the same place.
 */
export function createPositioner(
  design: Design,
  dragOverlay?: Readonly<Record<string, Position>>,
): (kind: NodeKind, id: string) => Position {
  const fallbackRows: Record<NodeKind, number> = { resource: 0, method: 0, route: 0, authorizer: 0, integration: 0 };
  return (kind, id) => {
    const position = dragOverlay?.[id] ?? design.layout[id as NodeId];
    if (position) return position;
    // An element without a saved position (an import, a hand-edited file) gets a column by kind.
    const fallback = { x: fallbackColumns[kind], y: fallbackRows[kind] * (nodeSizes[kind].height + 16) };
    fallbackRows[kind] += 1;
    return fallback;
  };
}

/** Every canvas element with its kind, in drawing order. */
export function forEachElement(design: Design, visit: (kind: NodeKind, element: { id: string }) => void): void {
  for (const resource of valuesOf(design.resources)) visit('resource', resource);
  for (const method of valuesOf(design.methods)) visit('method', method);
  for (const route of valuesOf(design.routes)) visit('route', route);
  for (const authorizer of valuesOf(design.authorizers)) visit('authorizer', authorizer);
  for (const integration of valuesOf(design.integrations)) visit('integration', integration);
}

/** Every edge the canvas draws, as (kind, source, target), in drawing order. */
export function forEachEdge(design: Design, visit: (kind: EdgeKind, source: string, target: string) => void): void {
  for (const resource of valuesOf(design.resources))
    if (resource.parentId !== null && Object.hasOwn(design.resources, resource.parentId)) visit('child', resource.parentId, resource.id);
  for (const owner of [...valuesOf(design.methods), ...valuesOf(design.routes)]) {
    if ('resourceId' in owner && Object.hasOwn(design.resources, owner.resourceId)) visit('method', owner.resourceId, owner.id);
    if (owner.integration && Object.hasOwn(design.integrations, owner.integration.integrationId))
      visit('integration', owner.id, owner.integration.integrationId);
    if (owner.authorizerId && Object.hasOwn(design.authorizers, owner.authorizerId)) visit('authorizer', owner.id, owner.authorizerId);
  }
}

const sizes = new WeakMap<object, number>();
/** The number of entries of a record, remembered per record object (designs are never mutated). */
function sizeOf(record: object): number {
  let size = sizes.get(record);
  if (size === undefined) {
    size = Object.keys(record).length;
    sizes.set(record, size);
  }
  return size;
}

/** How many elements the canvas draws. */
export function elementCount(design: Design): number {
  return (
    sizeOf(design.resources) + sizeOf(design.methods) + sizeOf(design.routes) + sizeOf(design.authorizers) + sizeOf(design.integrations)
  );
}

/**
 * Whether two versions of a design draw the same canvas shape: the same layout, elements, verbs and
 * connections (what an edit in a side-panel field leaves alone). Costs a comparison per element of the
 * collections that changed, not a pass building nodes.
 */
export function sameCanvasShape(previous: Design, next: Design): boolean {
  if (previous === next) return true;
  if (previous.layout !== next.layout) return false;
  const same = <T>(a: Record<string, T>, b: Record<string, T>, equal: (x: T, y: T) => boolean): boolean => {
    if (a === b) return true;
    const keys = Object.keys(b);
    if (keys.length !== sizeOf(a)) return false;
    for (const key of keys) {
      const before = a[key];
      const after = b[key] as T;
      if (before === after) continue;
      if (before === undefined || !equal(before, after)) return false;
    }
    return true;
  };
  const always = () => true;
  return (
    same(previous.resources, next.resources, (a, b) => a.parentId === b.parentId) &&
    same(
      previous.methods,
      next.methods,
      (a, b) =>
        a.resourceId === b.resourceId &&
        a.httpMethod === b.httpMethod &&
        a.authorizerId === b.authorizerId &&
        a.integration?.integrationId === b.integration?.integrationId,
    ) &&
    same(
      previous.routes,
      next.routes,
      (a, b) => a.authorizerId === b.authorizerId && a.integration?.integrationId === b.integration?.integrationId,
    ) &&
    same(previous.authorizers, next.authorizers, always) &&
    same(previous.integrations, next.integrations, always)
  );
}

/**
 * Derives React Flow nodes and edges from a design. Node objects carry only an element's id, place and
 * selection, and are kept while those stay the same: node components select their element from the
 * store themselves, so an edit re-renders only the edited element's node and React Flow's own node list
 * does not change at all.
 */
export function createFlowDeriver(): (inputs: FlowInputs) => Flow {
  let nodeCache = new Map<string, CachedNode>();
  let edgeCache = new Map<string, ElementEdge>();
  let lastNodes: ElementNode[] = [];
  let lastEdges: ElementEdge[] = [];
  let edgeMemo = new WeakMap<object, { ends: (string | undefined)[]; edges: ElementEdge[] }>();
  let lastSelectedEdges: ReadonlySet<string> | undefined;
  let last: FlowInputs | undefined;

  return (inputs) => {
    const { design, selection, dragOverlay, selectedEdges } = inputs;
    // An edit that leaves the canvas's shape alone (typing in a field) changes no node and no edge.
    if (
      last &&
      last.selection === selection &&
      last.dragOverlay === dragOverlay &&
      last.selectedEdges === selectedEdges &&
      sameCanvasShape(last.design, design)
    ) {
      last = inputs;
      return { nodes: lastNodes, edges: lastEdges };
    }
    last = inputs;
    const nextNodeCache = new Map<string, CachedNode>();
    const nodes: ElementNode[] = [];
    const positionOf = createPositioner(design, dragOverlay);

    const addNode = (kind: NodeKind, element: { id: string }) => {
      const id = element.id;
      const position = positionOf(kind, id);
      // The root resource cannot be deleted from the canvas.
      const deletable = !('parentId' in element) || element.parentId !== null;
      const selected = selection.has(id);
      const cached = nodeCache.get(id);
      // A node holds only the element's id (its component reads the element), so an edited element keeps
      // its node object and React Flow sees no change at all.
      if (
        cached &&
        cached.kind === kind &&
        cached.x === position.x &&
        cached.y === position.y &&
        cached.selected === selected &&
        cached.deletable === deletable
      ) {
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
        // Known up front, so React Flow never draws a node just to measure it (see node-handles.ts).
        measured: nodeSizes[kind],
        handles: nodeHandles[kind],
        data: { id: id as NodeId },
        selected,
        deletable,
      };
      nextNodeCache.set(id, { kind, x: position.x, y: position.y, selected, deletable, node });
      nodes.push(node);
    };

    forEachElement(design, addNode);
    nodeCache = nextNodeCache;

    const nextEdgeCache = new Map<string, ElementEdge>();
    const edges: ElementEdge[] = [];
    if (selectedEdges !== lastSelectedEdges) {
      lastSelectedEdges = selectedEdges;
      edgeMemo = new WeakMap();
    }
    const makeEdge = (kind: EdgeKind, source: string, target: string): ElementEdge => {
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
      return edge;
    };
    // Each element's edges are kept with the element: an unchanged element whose ends still exist gives
    // the same edge objects without building an id per edge (thousands per keystroke on a big design).
    const addEdges = (element: object, ends: (string | undefined)[], make: () => ElementEdge[]) => {
      const memo = edgeMemo.get(element);
      const own = memo && sameItems(memo.ends, ends) ? memo.edges : make();
      if (own !== memo?.edges) edgeMemo.set(element, { ends, edges: own });
      for (const edge of own) {
        nextEdgeCache.set(edge.id, edge);
        edges.push(edge);
      }
    };
    for (const resource of valuesOf(design.resources)) {
      const parent = resource.parentId !== null && Object.hasOwn(design.resources, resource.parentId) ? resource.parentId : undefined;
      addEdges(resource, [parent], () => (parent ? [makeEdge('child', parent, resource.id)] : []));
    }
    for (const owner of [...valuesOf(design.methods), ...valuesOf(design.routes)]) {
      const resource = 'resourceId' in owner && Object.hasOwn(design.resources, owner.resourceId) ? owner.resourceId : undefined;
      const integration =
        owner.integration && Object.hasOwn(design.integrations, owner.integration.integrationId)
          ? owner.integration.integrationId
          : undefined;
      const authorizer = owner.authorizerId && Object.hasOwn(design.authorizers, owner.authorizerId) ? owner.authorizerId : undefined;
      addEdges(owner, [resource, integration, authorizer], () => [
        ...(resource ? [makeEdge('method', resource, owner.id)] : []),
        ...(integration ? [makeEdge('integration', owner.id, integration)] : []),
        ...(authorizer ? [makeEdge('authorizer', owner.id, authorizer)] : []),
      ]);
    }
    edgeCache = nextEdgeCache;
    // The same arrays when nothing in them changed: React Flow rebuilds its lookups (thousands of
    // connections) for every new array, and typing in a field changes no edge.
    if (!sameItems(nodes, lastNodes)) lastNodes = nodes;
    if (!sameItems(edges, lastEdges)) lastEdges = edges;
    return { nodes: lastNodes, edges: lastEdges };
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
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
