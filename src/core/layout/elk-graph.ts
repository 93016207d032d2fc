import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { cardGeometry, cardSize, type Design, designCards, isApiCard, isBackendCard, type Position, rowCentre } from '../model';

/**
 * The design as ELK sees it: a two-layer graph. The first layer is one node, the API's outline (every
 * resource or route-group card stacked in outline order, indented by depth) with one port per row; the
 * last layer holds every integration and authorizer; one edge runs per row that uses a backend. ELK
 * decides what a layered layout is good at here: the order of the backends (fewest crossings) and their
 * heights (straight, balanced edges). The outline order is not ELK's to change: it is how the console
 * lists resources, and people find a path by it. (Cards as separate nodes kept in order by ELK's own
 * constraints were tried: `inLayerSuccOf` is not applied by elkjs's layered algorithm, model order with
 * `forceNodeModelOrder` costs seconds at 1,000 operations, and semi-interactive ordering gave more
 * crossings than the instant layout; see bench/README numbers in the commit.)
 *
 * Option reference: https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html
 */
export const elkLayoutOptions: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // The canvas routes its own edges in the channel; ELK's routes are not used, so the cheapest router does.
  'elk.edgeRouting': 'POLYLINE',
  // One graph, not one per connected component: the backend column holds every backend, used or not.
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': String(cardGeometry.gap),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(cardGeometry.channel),
  // Layers are fixed by the constraints below: the cheapest layerer will do.
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  // The greedy-switch pass after the barycenter sweeps is what beats the instant layout's median order
  // on crossings; by default ELK skips it on graphs of more than 40 nodes.
  'elk.layered.crossingMinimization.greedySwitch.activationThreshold': '0',
  // Heights are set after ELK (see `layoutWithElk`); its cheapest placer stands in.
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  // Seeded, so that the same design always gets the same layout.
  'elk.randomSeed': '1',
};

/** The id of the outline node; backends keep their card ids. */
export const outlineNodeId = 'outline';
export const rowPortId = (rowId: string) => `row:${rowId}`;
export const inPortId = (cardId: string) => `in:${cardId}`;

/** The backends (integration, authorizer) a row uses, in that order; references to missing elements are skipped. */
export function backendsOfRow(design: Design, rowId: string): string[] {
  const owner = design.methods[rowId as keyof Design['methods']] ?? design.routes[rowId as keyof Design['routes']];
  if (!owner) return [];
  const used: string[] = [];
  const integrationId = owner.integration?.integrationId;
  if (integrationId && design.integrations[integrationId]) used.push(integrationId);
  if (owner.authorizerId && design.authorizers[owner.authorizerId]) used.push(owner.authorizerId);
  return used;
}

/** The API cards stacked as the outline: x by depth, each a gap below the one before. */
export function outlinePositions(design: Design): { positions: Map<string, Position>; width: number; height: number } {
  const positions = new Map<string, Position>();
  let y = 0;
  let width = 0;
  for (const card of designCards(design).cards) {
    if (!isApiCard(card)) continue;
    const x = card.depth * cardGeometry.indent;
    positions.set(card.id, { x, y });
    const size = cardSize(card);
    y += size.height + cardGeometry.gap;
    width = Math.max(width, x + size.width);
  }
  return { positions, width, height: Math.max(0, y - cardGeometry.gap) };
}

/** The ELK JSON graph of a design's cards (the design's positions are not read: this is a layout from scratch). */
export function elkGraphOf(design: Design): ElkNode {
  const { cards } = designCards(design);
  const outline = outlinePositions(design);
  const children: ElkNode[] = [];
  const edges: ElkExtendedEdge[] = [];
  const ports: ElkPort[] = [];
  for (const card of cards) {
    const at = outline.positions.get(card.id);
    if (!at) continue;
    card.rows.forEach((rowId, index) => {
      const used = backendsOfRow(design, rowId);
      if (used.length === 0) return;
      ports.push({
        id: rowPortId(rowId),
        x: outline.width,
        y: at.y + rowCentre(index),
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': 'EAST' },
      });
      for (const backend of used) edges.push({ id: `${rowId}>${backend}`, sources: [rowPortId(rowId)], targets: [inPortId(backend)] });
    });
  }
  if (outline.positions.size > 0)
    children.push({
      id: outlineNodeId,
      width: outline.width,
      height: outline.height,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.layered.layering.layerConstraint': 'FIRST' },
    });
  // Domain cards are not ELK's: they stand left of the API, in a column of their own (see `layoutWithElk`).
  for (const card of cards) {
    if (!isBackendCard(card)) continue;
    const { width, height } = cardSize(card);
    children.push({
      id: card.id,
      width,
      height,
      ports: [{ id: inPortId(card.id), x: 0, y: height / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } }],
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.layered.layering.layerConstraint': 'LAST' },
    });
  }
  return { id: 'design', layoutOptions: elkLayoutOptions, children, edges };
}
