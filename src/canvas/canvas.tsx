import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  getViewportForBounds,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowState,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  useReactFlow,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type Design,
  deleteElements,
  describeConnection,
  disconnectAuthorizer,
  disconnectIntegration,
  type MethodId,
  moveMethod,
  moveNodes,
  moveResource,
  type NodeId,
  nodeSizes,
  type Position,
  type ResourceId,
  type RouteId,
} from '../core/model';
import { usePortico, usePorticoStore } from '../state/context';
import { addFromPalette } from './add-from-palette';
import { registerViewportCentre } from './canvas-bridge';
import { useCanvasKeys } from './canvas-keys';
import { ConnectionReason } from './connection-reason';
import { createFlowDeriver, type EdgeKind, type ElementEdge, type ElementNode, elementCount, isEmptyDesign } from './design-to-flow';
import { nodeTypes } from './node-types';
import { useZoomedOut } from './nodes/use-zoomed-out';
import { OverviewLayer } from './overview/overview-layer';
import { OverviewMinimap } from './overview/overview-minimap';
import { buildOverviewScene, elementAt, type OverviewScene, sameOverview } from './overview/overview-scene';
import { isPaletteKind, paletteMimeType } from './palette-entries';
import { inWindow, nextWindow, type Rect, visibleRect } from './window';

const minimapColours: Record<string, string> = {
  resource: '#6366f1',
  method: '#10b981',
  route: '#0ea5e9',
  authorizer: '#f59e0b',
  integration: '#059669',
};
const minimapColour = (node: Node) => minimapColours[node.type ?? ''] ?? '#94a3b8';

const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
// Left drag on the empty canvas draws a selection box; middle or right drag (or Space + drag) pans.
const panButtons = [1, 2];
const fitOptions = { padding: 0.15, maxZoom: 1.25 };
const minZoom = 0.05;
/**
 * From this many elements a design is "large": zoomed far out it is drawn as one canvas (see
 * overview-layer.tsx) instead of cards, and its minimap is a bitmap. Below it, cards and React Flow's own
 * minimap are cheap enough and keep every interaction.
 */
const largeDesign = 400;
const noNodes: ElementNode[] = [];
const noEdges: ElementEdge[] = [];
const paneSize = (state: ReactFlowState) => `${state.width}x${state.height}`;
// A drop this close to a handle still lands on it (flow units); dropping on a card lands on its body handle.
const connectionRadius = 32;

/** Edge colours by meaning: tree and methods neutral, integrations green, authorizers amber and dashed. */
const edgeStyles =
  '[&_.portico-edge-integration_.react-flow__edge-path]:!stroke-emerald-500 ' +
  '[&_.portico-edge-authorizer_.react-flow__edge-path]:!stroke-amber-500 [&_.portico-edge-authorizer_.react-flow__edge-path]:[stroke-dasharray:5_4] ' +
  '[&_.react-flow__edge.selected_.react-flow__edge-path]:!stroke-violet-600';

/** The box around some nodes, or undefined for none. */
function boundsOf(nodes: readonly ElementNode[]): { x: number; y: number; width: number; height: number } | undefined {
  if (nodes.length === 0) return undefined;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + (node.width ?? 0));
    maxY = Math.max(maxY, node.position.y + (node.height ?? 0));
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Disconnects wiring edges (integration, authorizer); structure edges are not deletable. */
function disconnectEdges(design: Design, edges: Edge[]): Design {
  let next = design;
  for (const edge of edges) {
    const kind = (edge.data as { kind?: EdgeKind } | undefined)?.kind;
    const owner = edge.source as MethodId | RouteId;
    if (!Object.hasOwn(next.methods, owner) && !Object.hasOwn(next.routes, owner)) continue;
    if (kind === 'integration') next = disconnectIntegration(next, owner);
    if (kind === 'authorizer') next = disconnectAuthorizer(next, owner);
  }
  return next;
}

function CanvasFlow() {
  const store = usePorticoStore();
  const design = usePortico((s) => s.design);
  const selection = usePortico((s) => s.selection);
  const focusRequest = usePortico((s) => s.focusRequest);
  const fitRequest = usePortico((s) => s.fitRequest);
  const { screenToFlowPosition, getIntersectingNodes, getInternalNode, setViewport, setCenter, getZoom } = useReactFlow<
    ElementNode,
    ElementEdge
  >();
  const container = useRef<HTMLElement>(null);
  const [derive] = useState(createFlowDeriver);
  const [dragOverlay, setDragOverlay] = useState<Record<string, Position> | null>(null);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(() => new Set());

  const selectionSet = useMemo(() => new Set<string>(selection), [selection]);
  const flow = useFlowStoreApi();
  const large = useMemo(() => elementCount(design) > largeDesign, [design]);
  const zoomedOut = useZoomedOut();
  // Until a requested fit is applied (an import, an opened file), a big design is not drawn as cards at the
  // old view: that would build hundreds of cards and edges only to throw them away a frame later.
  const [fittedRequest, setFittedRequest] = useState(-1);
  const overview = large && (zoomedOut || fittedRequest !== fitRequest);
  // The overview draws no cards, so it derives none: a big design's nodes are built when the view comes close.
  const { nodes, edges } = useMemo(
    () =>
      overview
        ? { nodes: noNodes, edges: noEdges }
        : derive({ design, selection: selectionSet, dragOverlay: dragOverlay ?? undefined, selectedEdges }),
    [overview, derive, design, selectionSet, dragOverlay, selectedEdges],
  );
  // A big design's cards are handed to React Flow a window at a time (see window.ts); the window follows the view.
  const [cardWindow, setCardWindow] = useState<Rect | null>(null);
  useEffect(() => {
    if (!large || overview) return;
    const follow = () => {
      const { transform, width, height } = flow.getState();
      if (width === 0 || height === 0) return;
      setCardWindow((current) => nextWindow(current, visibleRect(transform, width, height)));
    };
    follow();
    return flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) follow();
    });
  }, [large, overview, flow]);
  const shown = useMemo(
    () => (overview ? { nodes: noNodes, edges: noEdges } : large && cardWindow ? inWindow(nodes, edges, cardWindow) : { nodes, edges }),
    [overview, large, cardWindow, nodes, edges],
  );
  // The overview scene (and the big design's minimap) is rebuilt only when what it draws changes, not on every keystroke.
  const sceneCache = useRef<{ design: Design; scene: OverviewScene } | null>(null);
  const scene = useMemo(() => {
    if (!large) return null;
    const cached = sceneCache.current;
    if (cached && sameOverview(cached.design, design)) return cached.scene;
    const built = buildOverviewScene(design);
    sceneCache.current = { design, scene: built };
    return built;
  }, [large, design]);
  // Far enough out to see all of a big design (the tree of thousands of methods is tall), never closer than the default.
  const [paneWidth, paneHeight] = useFlowStore(paneSize).split('x').map(Number) as [number, number];
  const lowestZoom =
    scene && paneWidth > 0
      ? Math.min(minZoom, (Math.min(paneWidth / scene.bounds.width, paneHeight / scene.bounds.height) * (1 - fitOptions.padding)) / 1.5)
      : minZoom;

  useCanvasKeys(store, container);

  useEffect(
    () =>
      registerViewportCentre(store, () => {
        const rect = container.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      }),
    [store, screenToFlowPosition],
  );

  /** Fits the whole design in view (React Flow's own fitView only sees the nodes it holds, and the overview holds none). */
  const fitDesign = useCallback(
    (duration: number, maxZoom = fitOptions.maxZoom) => {
      const { width, height } = flow.getState();
      const bounds = scene?.bounds ?? boundsOf(nodes);
      if (width === 0 || height === 0 || !bounds) return;
      // A big design jumps into view: animating the way out through thousands of cards costs seconds.
      void setViewport(getViewportForBounds(bounds, width, height, lowestZoom, maxZoom, fitOptions.padding), {
        duration: large ? 0 : duration,
      });
    },
    [flow, scene, nodes, lowestZoom, large, setViewport],
  );
  const fitRef = useRef(fitDesign);
  fitRef.current = fitDesign;

  // Zoom to fit whenever asked (opening a design, auto layout, the toolbar) and once the pane has its size;
  // a new, empty design (New design) starts at a readable zoom around its root.
  const paneReady = paneWidth > 0 && paneHeight > 0;
  const empty = isEmptyDesign(design);
  const emptyRef = useRef(empty);
  emptyRef.current = empty;
  // A layout effect: the fitted view is the first one painted (not the old view for a frame, then the fit).
  // A layout effect: the fitted view is the first one painted (not the old view for a frame, then the fit).
  useLayoutEffect(() => {
    if (!paneReady) return;
    if (emptyRef.current) fitRef.current(0, 1);
    // A design just opened jumps into view: gliding from the old design's view to it says nothing.
    else fitRef.current(store.getState().fitAnimated ? 200 : 0);
    setFittedRequest(fitRequest);
  }, [fitRequest, paneReady, store]);
  // Emptied (New design): back to a readable zoom. Not the other way: the first element dropped on an
  // empty design stays where it was dropped, under the pointer.
  useEffect(() => {
    if (paneReady && empty) fitRef.current(0, 1);
  }, [paneReady, empty]);

  // Centre on a node when asked (the problems list); a new request is a new object.
  useEffect(() => {
    if (!focusRequest) return;
    const node = getInternalNode(focusRequest.id);
    const at = node?.internals.positionAbsolute ?? store.getState().design.layout[focusRequest.id];
    if (!at) return;
    const size = node?.type ? nodeSizes[node.type] : nodeSizes.method;
    void setCenter(at.x + size.width / 2, at.y + size.height / 2, { zoom: Math.max(getZoom(), 1), duration: 300 });
  }, [focusRequest, store, getInternalNode, setCenter, getZoom]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ElementNode>[]) => {
      let moved: Record<string, Position> | null = null;
      let nextSelection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type === 'position' && change.dragging && change.position) {
          moved ??= {};
          moved[change.id] = change.position;
        } else if (change.type === 'select') {
          nextSelection ??= new Set(store.getState().selection);
          if (change.selected) nextSelection.add(change.id);
          else nextSelection.delete(change.id);
        }
        // `remove` arrives through onDelete as one batch; `dimensions` are fixed sizes we already know.
      }
      if (moved) {
        const positions = moved;
        setDragOverlay((previous) => ({ ...previous, ...positions }));
      }
      if (nextSelection) store.getState().select([...nextSelection] as NodeId[]);
    },
    [store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<ElementEdge>[]) => {
    const selects = changes.filter((change) => change.type === 'select');
    if (selects.length === 0) return;
    setSelectedEdges((previous) => {
      const next = new Set(previous);
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  }, []);

  /** The resource under a flow point, ignoring the nodes being dragged. */
  const resourceAt = useCallback(
    (point: Position, ignore: ReadonlySet<string> = new Set()) =>
      getIntersectingNodes({ x: point.x, y: point.y, width: 1, height: 1 }, true).find(
        (node) => node.type === 'resource' && !ignore.has(node.id),
      ),
    [getIntersectingNodes],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: ElementNode, dragged: ElementNode[]) => {
      const positions: Record<string, Position> = {};
      for (const item of dragged) positions[item.id] = { x: Math.round(item.position.x), y: Math.round(item.position.y) };
      const state = store.getState();
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const pointer = point ? screenToFlowPosition({ x: point.clientX, y: point.clientY }) : undefined;
      const target = dragged.length === 1 && pointer ? resourceAt(pointer, new Set([node.id])) : undefined;
      const beside = target ? { x: target.position.x + nodeSizes.resource.width + 80, y: Math.round(target.position.y) } : undefined;
      const resource = node.type === 'resource' ? state.design.resources[node.id as ResourceId] : undefined;
      const method = node.type === 'method' ? state.design.methods[node.id as MethodId] : undefined;
      if (target && beside && resource && resource.parentId !== target.id) {
        // Dropping a resource onto another nests it there (and places it beside its new parent); a refusal
        // (a cycle, a clashing path) shows its reason and the node returns to where it was.
        state.apply('Nest resource', (d) => moveNodes(moveResource(d, resource.id, target.id as ResourceId), { [resource.id]: beside }));
      } else if (target && beside && method && method.resourceId !== target.id) {
        state.apply('Move method', (d) => moveNodes(moveMethod(d, method.id, target.id as ResourceId), { [method.id]: beside }));
      } else {
        state.apply('Move', (d) => moveNodes(d, positions));
      }
      setDragOverlay(null);
    },
    [store, screenToFlowPosition, resourceAt],
  );

  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: ElementNode[]; edges: ElementEdge[] }) => {
      const nodeIds = removedNodes.map((node) => node.id as NodeId);
      const removedIds = new Set<string>(nodeIds);
      // Edges that vanish with their nodes need no disconnecting of their own.
      const cut = removedEdges.filter((edge) => !removedIds.has(edge.source) && !removedIds.has(edge.target));
      if (nodeIds.length === 0 && cut.length === 0) return;
      store.getState().apply(nodeIds.length > 0 ? 'Delete' : 'Disconnect', (d) => disconnectEdges(deleteElements(d, nodeIds), cut));
      setSelectedEdges(new Set());
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => describeConnection(store.getState().design, connection.source, connection.target).ok,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      const meaning = describeConnection(state.design, connection.source, connection.target);
      if (meaning.ok) state.apply(meaning.label, meaning.apply);
      else state.notify({ tone: 'error', message: meaning.reason });
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid || !connection.fromNode || !connection.toNode || connection.fromNode.id === connection.toNode.id) return;
      const meaning = describeConnection(store.getState().design, connection.fromNode.id, connection.toNode.id);
      if (!meaning.ok) store.getState().notify({ tone: 'error', message: meaning.reason });
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent<HTMLElement>) => {
    if (!event.dataTransfer.types.includes(paletteMimeType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLElement>) => {
      const kind = event.dataTransfer.getData(paletteMimeType);
      if (!isPaletteKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const target = kind === 'resource' || kind === 'method' ? resourceAt(point) : undefined;
      // Something dropped onto a resource lands beside it, so the resource stays readable.
      const at = target
        ? {
            x: target.position.x + nodeSizes.resource.width + 80 + nodeSizes[kind as 'resource' | 'method'].width / 2,
            y: target.position.y + nodeSizes.resource.height / 2,
          }
        : point;
      addFromPalette(store, kind, { point: at, targetId: target?.id });
    },
    [store, screenToFlowPosition, resourceAt],
  );

  // The overview has no cards to click: a click selects the element under the pointer (or clears the selection).
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      if (!overview || !scene) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = elementAt(scene, point, 2 / flow.getState().transform[2]);
      store.getState().select(hit ? [hit as NodeId] : []);
    },
    [overview, scene, screenToFlowPosition, flow, store],
  );

  const apiType = design.api.type;

  return (
    <section
      ref={container}
      data-testid="canvas"
      aria-label="Design canvas"
      className={`relative h-full w-full ${edgeStyles}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<ElementNode, ElementEdge>
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onDelete={onDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onPaneClick={onPaneClick}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={connectionRadius}
        deleteKeyCode={deleteKeys}
        multiSelectionKeyCode={multiSelectKeys}
        selectionOnDrag
        panOnDrag={panButtons}
        panOnScroll
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitOptions}
        minZoom={lowestZoom}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        elevateEdgesOnSelect
      >
        {/* Far out, the dots would be a grey haze of sub-pixel tiles that costs more to raster than the design. */}
        {zoomedOut ? null : <Background variant={BackgroundVariant.Dots} gap={16} size={1} />}
        {overview && scene ? <OverviewLayer scene={scene} /> : null}
        <Controls position="bottom-left" showInteractive={false} onFitView={() => fitDesign(200)} />
        {scene ? (
          <OverviewMinimap scene={scene} />
        ) : (
          <MiniMap position="bottom-right" pannable zoomable nodeColor={minimapColour} ariaLabel="Minimap" />
        )}
        <ConnectionReason />
      </ReactFlow>
      {empty ? (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <div className="rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/80">
            <p className="text-sm font-medium text-slate-700 dark:text-slate-200">
              {apiType === 'REST' ? 'Drag a resource from the palette to start' : 'Drag a route from the palette to start'}
            </p>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              Then add methods, integrations and authorizers, and connect them by dragging between handles.
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The design canvas. It brings its own React Flow provider; the palette, outside it, reaches the
 * viewport through `canvas-bridge.ts`.
 */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  );
}
