import { describe, expect, it } from 'vitest';
import type { ElementEdge, ElementNode } from './design-to-flow';
import { inWindow, nextWindow, visibleRect } from './window';

const node = (id: string, x: number, y: number, selected = false): ElementNode =>
  ({ id, type: 'resource', position: { x, y }, width: 100, height: 40, data: { id }, selected }) as unknown as ElementNode;
const edge = (source: string, target: string): ElementEdge => ({ id: `${source}-${target}`, source, target }) as ElementEdge;

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
});
