import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  ControlButton,
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
import { Map as MapIcon } from 'lucide-react';
import {
  type DragEvent,
  lazy,
  type MouseEvent as ReactMouseEvent,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type CardId,
  cardGeometry,
  cardOfElement,
  cardSize,
  type Design,
  deleteElements,
  describeConnection,
  designCards,
  disconnectAuthorizer,
  disconnectIntegration,
  type MethodId,
  moveCards,
  moveResource,
  type NodeId,
  type Position,
  type ResourceId,
  type RouteId,
  type RowId,
  subtreeIds,
} from '../core/model';
import { usePortico, usePorticoStore } from '../state/context';
import { useDarkMode } from '../ui/use-dark-mode';
import { addFromPalette } from './add-from-palette';
import { registerViewportCentre } from './canvas-bridge';
import { useCanvasKeys } from './canvas-keys';
import { useCanvasSettings } from './canvas-settings';
import { CanvasSettingsButton } from './canvas-settings-panel';
import { useCanvasUi } from './canvas-ui';
import { useZoomedOut } from './cards/use-zoomed-out';
import { ConnectionReason } from './connection-reason';
import {
  cardBoxMap,
  connectionEnd,
  createFlowDeriver,
  type ElementEdge,
  type ElementNode,
  elementCount,
  isEmptyDesign,
  ownerOfEdge,
} from './design-to-flow';
import { nodeTypes } from './node-types';
import { OverviewLayer } from './overview/overview-layer';
import { OverviewMinimap } from './overview/overview-minimap';
import { buildOverviewScene, elementAt, type OverviewScene, sameOverview } from './overview/overview-scene';
import { isPaletteKind, paletteMimeType } from './palette-entries';
import { edgeTypes } from './routed-edge';
import { inWindow, nextWindow, type Rect, visibleRect } from './window';

// The context menu loads on the first right-click: it is not part of what a first start waits for.
const CanvasContextMenu = lazy(() => import('./context-menu').then((module) => ({ default: module.CanvasContextMenu })));

const minimapColours: Record<string, string> = {
  resource: '#6366f1',
  routes: '#0ea5e9',
  authorizer: '#f59e0b',
  integration: '#059669',
};
const minimapColour = (node: Node) => minimapColours[node.type ?? ''] ?? '#94a3b8';

const deleteKeys = ['Delete', 'Backspace'];
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
// Left drag on the empty canvas draws a selection box; middle or right drag (or Space + drag) pans.
const panButtons = [1, 2];
/**
 * Margin around a fitted design, in screen pixels: more than the 40 px band along the edges where a
 * selection box or a drag pans the view, so a box can be started around the cards.
 */
const fitMargin = 56;
const minZoom = 0.05;
/**
 * The zoom a design opens at when all of it fits no closer: card text is 12 px and up, so at this zoom
 * nothing on a card is smaller than 11 px on screen (the readability floor).
 */
export const readableZoom = 11 / 12;
/** The minimap's box (React Flow's default size) and its margin from the pane's corner. */
const minimapBox = { width: 200, height: 150, margin: 15 };
/**
 * From this many cards a design is "large": zoomed far out it is drawn as one canvas (see
 * overview-layer.tsx) instead of cards, and its minimap is a bitmap. Below it, cards and React Flow's own
 * minimap are cheap enough and keep every interaction.
 */
const largeDesign = 400;
const noNodes: ElementNode[] = [];
const noEdges: ElementEdge[] = [];
const paneSize = (state: ReactFlowState) => `${state.width}x${state.height}`;
// A drop this close to a handle still lands on it (flow units); dropping on a card lands on its body handle.
const connectionRadius = 32;

/** The bounds of every card, or undefined for none. */
function boundsOf(boxes: Iterable<{ x: number; y: number; width: number; height: number }>): Rect | undefined {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let any = false;
  for (const box of boxes) {
    any = true;
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  return any ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : undefined;
}

/** Disconnects wiring edges (integration, authorizer); tree edges are structure and not deletable. */
function disconnectEdges(design: Design, edges: Edge[]): Design {
  let next = design;
  for (const edge of edges) {
    const owner = ownerOfEdge(edge.id) as MethodId | RouteId | undefined;
    if (!owner || (!Object.hasOwn(next.methods, owner) && !Object.hasOwn(next.routes, owner))) continue;
    if (edge.id.startsWith('integration:')) next = disconnectIntegration(next, owner);
    if (edge.id.startsWith('authorizer:')) next = disconnectAuthorizer(next, owner);
  }
  return next;
}

/** The row (method or route) and the card under a client point, read from the DOM the cards draw. */
function hitAt(clientX: number, clientY: number, ignore?: string): { rowId?: RowId; cardId?: string } {
  for (const element of document.elementsFromPoint(clientX, clientY)) {
    if (!(element instanceof HTMLElement)) continue;
    const node = element.closest<HTMLElement>('.react-flow__node');
    if (!node || node.dataset.id === ignore) continue;
    const row = element.closest<HTMLElement>('[data-row-id]');
    return { rowId: row?.dataset.rowId as RowId | undefined, cardId: node.dataset.id };
  }
  return {};
}

function CanvasFlow({ onOpenFiles, children }: { onOpenFiles?: (files: File[]) => void; children?: ReactNode }) {
  const store = usePorticoStore();
  const design = usePortico((s) => s.design);
  const selection = usePortico((s) => s.selection);
  const focusRequest = usePortico((s) => s.focusRequest);
  const fitRequest = usePortico((s) => s.fitRequest);
  const { screenToFlowPosition, setViewport, setCenter, getZoom } = useReactFlow<ElementNode, ElementEdge>();
  const container = useRef<HTMLElement>(null);
  const [derive] = useState(createFlowDeriver);
  const [dragOverlay, setDragOverlay] = useState<Record<string, Position> | null>(null);
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(() => new Set());
  const [fileOver, setFileOver] = useState(false);
  const dark = useDarkMode();
  const showMinimap = useCanvasSettings((s) => s.minimap);
  const setMinimap = useCanvasSettings((s) => s.setMinimap);
  const wheel = useCanvasSettings((s) => s.wheel);
  const openMenu = useCanvasUi((s) => s.openMenu);
  const layoutState = useCanvasUi((s) => s.layout);
  const menuOpen = useCanvasUi((s) => s.menu !== null);

  const selectionSet = useMemo(() => new Set<string>(selection), [selection]);
  const flow = useFlowStoreApi();
  const large = useMemo(() => elementCount(design) > largeDesign, [design]);
  const zoomedOut = useZoomedOut();
  // Until a requested fit is applied (an import, an opened file), a big design is not drawn as cards at the
  // old view: that would build hundreds of cards and edges only to throw them away a frame later.
  const [fittedRequest, setFittedRequest] = useState(-1);
  const overview = large && (zoomedOut || fittedRequest !== fitRequest);
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
  // The overview draws no cards, so it derives none: a big design's cards are built when the view comes close,
  // and its edges routed only over the window.
  const { nodes, edges } = useMemo(
    () =>
      overview
        ? { nodes: noNodes, edges: noEdges }
        : derive({
            design,
            selection: selectionSet,
            dragOverlay: dragOverlay ?? undefined,
            selectedEdges,
            ...(large ? { routeWithin: cardWindow } : {}),
          }),
    [overview, derive, design, selectionSet, dragOverlay, selectedEdges, large, cardWindow],
  );
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
  const [paneWidth, paneHeight] = useFlowStore(paneSize).split('x').map(Number) as [number, number];
  // Far enough out to see all of a big design (the tree of thousands of methods is tall), never closer than the default.
  const lowestZoom =
    scene && paneWidth > 0
      ? Math.min(
          minZoom,
          Math.min((paneWidth - 2 * fitMargin) / scene.bounds.width, (paneHeight - 2 * fitMargin) / scene.bounds.height) / 1.5,
        )
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

  /**
   * Puts the design in view. `readable`: the whole design if it fits at a zoom where every card label is
   * at least 11 px on screen, else a readable zoom at its top left (the root), with the minimap for the
   * rest. Otherwise (Zoom to fit) the whole design, however small. The minimap's corner is kept free.
   */
  const frameDesign = useCallback(
    (duration: number, mode: 'readable' | 'fit', maxZoom = 1) => {
      const { width, height } = flow.getState();
      const bounds = scene?.bounds ?? boundsOf(cardBoxMap(store.getState().design).values());
      if (width === 0 || height === 0 || !bounds) return;
      const minimapShown = useCanvasSettings.getState().minimap;
      // Two ways to keep the minimap's corner free: fit beside it (the pane less its width) or above it (the
      // pane less its height). A wide, short design fits best above it; a tall one beside it.
      const beside = { width: minimapShown ? width - minimapBox.width - minimapBox.margin : width, height };
      const above = { width, height: minimapShown ? height - minimapBox.height - minimapBox.margin : height };
      const zoomIn = (area: { width: number; height: number }) =>
        Math.min(
          maxZoom,
          (area.width - 2 * fitMargin) / Math.max(bounds.width, 1),
          (area.height - 2 * fitMargin) / Math.max(bounds.height, 1),
        );
      const area = zoomIn(above) >= zoomIn(beside) ? above : beside;
      const zoomToFit = zoomIn(area);
      let viewport: { x: number; y: number; zoom: number };
      if (mode === 'readable' && zoomToFit < readableZoom) {
        viewport = { x: fitMargin - bounds.x, y: fitMargin - bounds.y, zoom: 1 };
      } else if (zoomToFit >= lowestZoom) {
        viewport = {
          x: (area.width - bounds.width * zoomToFit) / 2 - bounds.x * zoomToFit,
          y: (area.height - bounds.height * zoomToFit) / 2 - bounds.y * zoomToFit,
          zoom: zoomToFit,
        };
      } else viewport = getViewportForBounds(bounds, area.width, area.height, lowestZoom, maxZoom, 0.1);
      // A big design jumps into view: animating the way out through thousands of cards costs seconds.
      void setViewport(viewport, { duration: large ? 0 : duration });
    },
    [flow, scene, store, lowestZoom, large, setViewport],
  );
  const frameRef = useRef(frameDesign);
  frameRef.current = frameDesign;

  // Frame the design whenever asked (opening a design, auto layout, the toolbar) and once the pane has its
  // size; a new, empty design starts at a readable zoom around its root.
  const paneReady = paneWidth > 0 && paneHeight > 0;
  const empty = isEmptyDesign(design);
  const emptyRef = useRef(empty);
  emptyRef.current = empty;
  // A layout effect: the framed view is the first one painted (not the old view for a frame, then the fit).
  const framedOnce = useRef(false);
  useLayoutEffect(() => {
    if (!paneReady) return;
    const state = store.getState();
    // A design just opened (or the app just started) jumps into view at a readable zoom; Zoom to fit (or a
    // layout) glides to show all.
    if (emptyRef.current || !state.fitAnimated || !framedOnce.current) frameRef.current(0, 'readable');
    else frameRef.current(200, 'fit');
    framedOnce.current = true;
    setFittedRequest(fitRequest);
  }, [fitRequest, paneReady, store]);
  // Emptied (New design): back to a readable zoom. Not the other way: the first element dropped on an
  // empty design stays where it was dropped, under the pointer.
  useEffect(() => {
    if (paneReady && empty) frameRef.current(0, 'readable');
  }, [paneReady, empty]);

  // Bring an element into view when asked (find, the problems list): a row's card, centred on the row.
  useEffect(() => {
    if (!focusRequest) return;
    const current = store.getState().design;
    const cardId = cardOfElement(current, focusRequest.id);
    const at = cardId ? current.layout[cardId as CardId] : undefined;
    const card = cardId ? designCards(current).byId.get(cardId) : undefined;
    if (!at || !card) return;
    const row = card.rows.indexOf(focusRequest.id as RowId);
    const y = row === -1 ? at.y + cardGeometry.headerHeight / 2 : at.y + cardGeometry.headerHeight + (row + 0.5) * cardGeometry.rowHeight;
    const { width } = cardSize(card);
    void setCenter(at.x + width / 2, y, { zoom: Math.max(getZoom(), 1), duration: 300 });
  }, [focusRequest, store, setCenter, getZoom]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ElementNode>[]) => {
      let moved: Record<string, Position> | null = null;
      let nextSelection: Set<string> | null = null;
      // A plain click on a card replaces the selection. React Flow deselects the cards it knows, but a
      // selected method or route is a row, not a node: without this it would stay selected beside the card.
      const replacing = !flow.getState().multiSelectionActive && changes.some((change) => change.type === 'select' && change.selected);
      for (const change of changes) {
        if (change.type === 'position' && change.dragging && change.position) {
          moved ??= {};
          moved[change.id] = change.position;
        } else if (change.type === 'select') {
          nextSelection ??= new Set(replacing ? [] : store.getState().selection);
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
    [store, flow],
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

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: ElementNode, dragged: ElementNode[]) => {
      const positions: Record<string, Position> = {};
      for (const item of dragged) positions[item.id] = { x: Math.round(item.position.x), y: Math.round(item.position.y) };
      const state = store.getState();
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const hit = dragged.length === 1 && point ? hitAt(point.clientX, point.clientY, node.id) : {};
      setDragOverlay(null);
      // An integration or authorizer dropped onto a method or route row connects to it (and goes back where it was).
      if ((node.type === 'integration' || node.type === 'authorizer') && hit.rowId) {
        const meaning = describeConnection(state.design, hit.rowId, node.id);
        if (meaning.ok) state.apply(meaning.label, meaning.apply);
        else state.notify({ tone: 'error', message: meaning.reason });
        return;
      }
      // A resource dropped onto another resource nests there: it and its subtree move into the outline under it.
      const target = hit.cardId ? state.design.resources[hit.cardId as ResourceId] : undefined;
      const resource = node.type === 'resource' ? state.design.resources[node.id as ResourceId] : undefined;
      if (target && resource && resource.parentId !== target.id && resource.parentId !== null) {
        state.apply('Nest resource', (d) => {
          const nested = moveResource(d, resource.id, target.id);
          const layout = { ...nested.layout };
          for (const id of subtreeIds(nested, resource.id)) delete layout[id];
          return { ...nested, layout };
        });
        return;
      }
      state.apply('Move', (d) => moveCards(d, positions));
    },
    [store],
  );

  const onDelete = useCallback(
    ({ nodes: removedNodes, edges: removedEdges }: { nodes: ElementNode[]; edges: ElementEdge[] }) => {
      const nodeIds = removedNodes.map((node) => node.id as NodeId);
      const removedIds = new Set<string>(nodeIds);
      // Edges that vanish with their cards need no disconnecting of their own.
      const cut = removedEdges.filter((edge) => !removedIds.has(edge.source) && !removedIds.has(edge.target));
      // Route groups are cards, not elements: deleting one deletes its routes.
      const elementIds = nodeIds.flatMap((id) =>
        id.startsWith('grp:') ? ((designCards(store.getState().design).byId.get(id)?.rows ?? []) as NodeId[]) : [id],
      );
      if (elementIds.length === 0 && cut.length === 0) return;
      store.getState().apply(elementIds.length > 0 ? 'Delete' : 'Disconnect', (d) => disconnectEdges(deleteElements(d, elementIds), cut));
      setSelectedEdges(new Set());
    },
    [store],
  );

  // A stub of a big design (wiring whose backend is out of view): double-click goes to that backend.
  const onEdgeDoubleClick = useCallback(
    (_event: ReactMouseEvent, edge: ElementEdge) => {
      if (edge.data?.far) store.getState().focus(edge.data.far as NodeId);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) =>
      describeConnection(
        store.getState().design,
        connectionEnd(connection.source, connection.sourceHandle),
        connectionEnd(connection.target, connection.targetHandle),
      ).ok,
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const state = store.getState();
      const meaning = describeConnection(
        state.design,
        connectionEnd(connection.source, connection.sourceHandle),
        connectionEnd(connection.target, connection.targetHandle),
      );
      if (meaning.ok) state.apply(meaning.label, meaning.apply);
      else state.notify({ tone: 'error', message: meaning.reason });
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, connection: FinalConnectionState) => {
      if (connection.isValid || !connection.fromNode || !connection.toNode) return;
      const from = connectionEnd(connection.fromNode.id, connection.fromHandle?.id);
      const to = connectionEnd(connection.toNode.id, connection.toHandle?.id);
      if (from === to) return;
      const meaning = describeConnection(store.getState().design, from, to);
      if (!meaning.ok) store.getState().notify({ tone: 'error', message: meaning.reason });
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent<HTMLElement>) => {
    const types = event.dataTransfer.types;
    if (types.includes(paletteMimeType)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    } else if (types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setFileOver(true);
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLElement>) => {
      setFileOver(false);
      if (event.dataTransfer.files.length > 0 && !event.dataTransfer.types.includes(paletteMimeType)) {
        event.preventDefault();
        onOpenFiles?.([...event.dataTransfer.files]);
        return;
      }
      const kind = event.dataTransfer.getData(paletteMimeType);
      if (!isPaletteKind(kind)) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = hitAt(event.clientX, event.clientY);
      const backend = kind.startsWith('integration-') || kind.startsWith('authorizer-');
      void addFromPalette(store, kind, {
        point,
        ...(hit.cardId ? { targetId: hit.cardId } : {}),
        ...(backend && hit.rowId ? { rowId: hit.rowId } : {}),
        ...(!backend && kind === 'method' && hit.rowId ? { rowId: hit.rowId } : {}),
      });
    },
    [store, screenToFlowPosition, onOpenFiles],
  );

  // The overview has no cards to click: a click selects the card under the pointer (or clears the selection).
  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      openMenu(null);
      if (!overview || !scene) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const hit = elementAt(scene, point, 2 / flow.getState().transform[2]);
      store.getState().select(hit ? [hit as NodeId] : []);
    },
    [overview, scene, screenToFlowPosition, flow, store, openMenu],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: ElementNode) => {
      event.preventDefault();
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
      const elementId = row ?? node.id;
      const state = store.getState();
      if (!state.selection.includes(elementId as NodeId)) state.select([elementId as NodeId]);
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu({ clientX: event.clientX, clientY: event.clientY, elementId, flowX: at.x, flowY: at.y });
    },
    [store, screenToFlowPosition, openMenu],
  );

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openMenu({ clientX: event.clientX, clientY: event.clientY, flowX: at.x, flowY: at.y });
    },
    [screenToFlowPosition, openMenu],
  );

  const apiType = design.api.type;

  return (
    <section
      ref={container}
      data-testid="canvas"
      data-layout={layoutState}
      aria-busy={layoutState === 'running'}
      aria-label="Design canvas"
      className="relative h-full w-full"
      onDragOver={onDragOver}
      onDragLeave={() => setFileOver(false)}
      onDrop={onDrop}
    >
      <ReactFlow<ElementNode, ElementEdge>
        nodes={shown.nodes}
        edges={shown.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={dark ? 'dark' : 'light'}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onDelete={onDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onEdgeDoubleClick={onEdgeDoubleClick}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onMoveStart={() => openMenu(null)}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={connectionRadius}
        deleteKeyCode={deleteKeys}
        multiSelectionKeyCode={multiSelectKeys}
        selectionOnDrag
        panOnDrag={panButtons}
        panOnScroll={wheel === 'pan'}
        zoomOnScroll={wheel === 'zoom'}
        zoomOnPinch
        zoomActivationKeyCode={['Meta', 'Control']}
        onlyRenderVisibleElements
        minZoom={lowestZoom}
        maxZoom={2}
        snapToGrid
        snapGrid={[8, 8]}
        elevateEdgesOnSelect
        proOptions={{ hideAttribution: true }}
      >
        {/* Far out, the dots would be a grey haze of sub-pixel tiles that costs more to raster than the design. */}
        {zoomedOut ? null : <Background variant={BackgroundVariant.Dots} gap={16} size={1} />}
        {overview && scene ? <OverviewLayer scene={scene} /> : null}
        <Controls position="bottom-left" showInteractive={false} onFitView={() => frameDesign(200, 'fit')}>
          <ControlButton
            onClick={() => setMinimap(!showMinimap)}
            title={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
            aria-label={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
            aria-pressed={showMinimap}
          >
            <MapIcon aria-hidden="true" />
          </ControlButton>
          <CanvasSettingsButton />
        </Controls>
        {showMinimap ? (
          scene ? (
            <OverviewMinimap scene={scene} />
          ) : (
            <MiniMap
              position="bottom-right"
              pannable
              zoomable
              nodeColor={minimapColour}
              nodeBorderRadius={4}
              maskColor={dark ? 'rgba(2, 6, 23, 0.6)' : 'rgba(241, 245, 249, 0.7)'}
              bgColor={dark ? '#1e293b' : '#ffffff'}
              ariaLabel="Minimap"
            />
          )
        ) : null}
        <ConnectionReason />
        {children}
      </ReactFlow>
      {menuOpen ? (
        <Suspense fallback={null}>
          <CanvasContextMenu />
        </Suspense>
      ) : null}
      {fileOver ? (
        <div className="pointer-events-none absolute inset-2 flex items-center justify-center rounded-xl border-2 border-dashed border-violet-500 bg-violet-50/70 dark:bg-violet-950/50">
          <p className="rounded bg-white px-4 py-2 text-sm font-medium text-violet-800 shadow dark:bg-slate-900 dark:text-violet-200">
            Drop an OpenAPI document or a Portico design file to open it as a new design
          </p>
        </div>
      ) : null}
      {empty ? (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <div className="rounded-xl border border-dashed border-slate-300 bg-white/80 px-6 py-5 text-center shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/80">
            <p className="text-sm font-medium text-slate-700 dark:text-slate-200">
              {apiType === 'REST' ? 'Drag a resource from the palette to start' : 'Drag a route from the palette to start'}
            </p>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
              Then add methods, integrations and authorizers, and connect them by dragging between handles. You can also drop an OpenAPI
              file here.
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The design canvas. It brings its own React Flow provider; the palette, outside it, reaches the
 * viewport through `canvas-bridge.ts`. Files dropped on it go to `onOpenFiles` (the app opens them as
 * new designs). `children` render inside React Flow (the app's live-session presence, in flow units).
 */
export function Canvas({ onOpenFiles, children }: { onOpenFiles?: (files: File[]) => void; children?: ReactNode }) {
  return (
    <ReactFlowProvider>
      <CanvasFlow onOpenFiles={onOpenFiles}>{children}</CanvasFlow>
    </ReactFlowProvider>
  );
}
