import { describe, expect, it } from 'vitest';
import type { ElementEdge, ElementNode } from './design-to-flow';
import { farStubLength, inWindow, nextWindow, visibleRect } from './window';

const node = (id: string, x: number, y: number, selected = false): ElementNode =>
  ({ id, type: 'resource', position: { x, y }, width: 100, height: 40, data: { id }, selected }) as unknown as ElementNode;
const edge = (source: string, target: string): ElementEdge => ({ id: `${source}-${target}`, source, target }) as ElementEdge;
const wire = (source: string, target: string, kind: 'integration' | 'authorizer', from = { x: 100, y: 20 }): ElementEdge =>
  ({
    id: `${kind}:${source}->${target}`,
    source,
    target,
    sourceHandle: 'row',
    className: `portico-edge-${kind}`,
    data: { kind, owner: 'row', points: [from, { x: 400, y: from.y }, { x: 400, y: 20_000 }, { x: 500, y: 20_000 }] },
  }) as unknown as ElementEdge;

describe('the window of a big design', () => {
  it('is the visible rectangle and a screen more on every side, and stays while the view is inside it', () => {
    const visible = visibleRect([-1000, -500, 2], 800, 600);
    expect(visible).toEqual({ x: 500, y: 250, width: 400, height: 300 });
    const window = nextWindow(null, visible);
    expect(window).toEqual({ x: 100, y: -50, width: 1200, height: 900 });
    expect(nextWindow(window, { ...visible, x: 800 })).toBe(window);
    expect(nextWindow(window, { ...visible, x: 1000 })).not.toBe(window);
    // Zooming out past it moves it too.
    expect(nextWindow(window, { x: 0, y: 0, width: 4000, height: 3000 })).not.toBe(window);
  });

  it('is made again when the view zooms in far within it, so a window made far out does not hold the whole design', () => {
    const farOut = nextWindow(null, { x: 0, y: 0, width: 100_000, height: 80_000 });
    // Zoomed in twice: still this window (panning and zooming a little change nothing).
    expect(nextWindow(farOut, { x: 0, y: 0, width: 50_000, height: 40_000 })).toBe(farOut);
    // Zoomed in a hundred times: a window around the view, three views wide.
    expect(nextWindow(farOut, { x: 500, y: 500, width: 1000, height: 800 })).toEqual({ x: -500, y: -300, width: 3000, height: 2400 });
  });

  it('holds the nodes in it, selected ones, and edges over it with both their ends', () => {
    const nodes = [
      node('in', 10, 10),
      node('far', 5000, 5000),
      node('selected', 9000, 9000, true),
      node('hub', 200, 20_000),
      node('lonely', -8000, 0),
      node('lonelier', -9000, 300),
      node('crossA', -3000, 50),
      node('crossB', 3000, 60),
    ];
    const edges = [edge('in', 'hub'), edge('far', 'selected'), edge('lonely', 'lonelier'), edge('crossA', 'crossB')];
    const { nodes: kept, edges: keptEdges } = inWindow(nodes, edges, { x: 0, y: 0, width: 1000, height: 1000 });
    expect(kept.map((each) => each.id).sort()).toEqual(['crossA', 'crossB', 'hub', 'in', 'selected'].sort());
    expect(keptEdges.map((each) => each.id).sort()).toEqual(['crossA-crossB', 'in-hub']);
  });

  it('draws wiring whole when both cards are in it, else as a stub out of the row that names the card it leads to', () => {
    const nodes = [node('card', 0, 0), node('nearBackend', 500, 100), node('farBackend', 500, 20_000), node('farCard', 0, 30_000)];
    const edges = [
      wire('card', 'nearBackend', 'integration'),
      wire('card', 'farBackend', 'integration'),
      wire('card', 'farBackend', 'authorizer'),
      // Neither end in the window: not drawn, not even as a line passing through it.
      wire('farCard', 'farBackend', 'integration', { x: 100, y: 30_020 }),
    ];
    const { nodes: kept, edges: drawn } = inWindow(nodes, edges, { x: 0, y: 0, width: 1000, height: 1000 });
    // The far backend's card is not handed to React Flow: the stubs need only the row's card.
    expect(kept.map((each) => each.id).sort()).toEqual(['card', 'nearBackend']);
    expect(drawn.map((each) => each.id)).toEqual([
      'integration:card->nearBackend',
      'integration:card->farBackend',
      'authorizer:card->farBackend',
    ]);
    const [whole, integrationStub, authorizerStub] = drawn;
    expect(whole).toBe(edges[0]);
    // A stub: an edge from the card to itself (drawn and culled with it), out of the row, a short way right.
    expect(integrationStub).toMatchObject({ source: 'card', target: 'card', sourceHandle: 'row', data: { far: 'farBackend' } });
    expect(integrationStub?.data?.points).toEqual([
      { x: 100, y: 20 },
      { x: 100 + farStubLength.integration, y: 20 },
    ]);
    expect(integrationStub?.className).toContain('portico-edge-far');
    // An authorizer's stub stops short of an integration's, so that both show.
    expect(authorizerStub?.data?.points[1]?.x).toBe(100 + farStubLength.authorizer);
    // The same stub objects while the window moves over unchanged edges.
    expect(inWindow(nodes, edges, { x: 0, y: 0, width: 900, height: 900 }).edges[1]).toBe(integrationStub);
    // A selected backend far away stays (selection survives panning) but its wiring to the window is still a stub.
    const selected = nodes.map((each) => (each.id === 'farBackend' ? { ...each, selected: true } : each));
    const withSelection = inWindow(selected, edges, { x: 0, y: 0, width: 1000, height: 1000 });
    expect(withSelection.nodes.map((each) => each.id)).toContain('farBackend');
    expect(withSelection.edges[1]?.data?.far).toBe('farBackend');
  });
});
