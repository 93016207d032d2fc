import { type Edge, type Node, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The floor our canvas can approach: a bare React Flow page drawing the same nodes and edges (same
 * positions and sizes) with React Flow's plain default nodes. Used by `npm run bench` only.
 */
interface Graph {
  nodes: { id: string; x: number; y: number; width: number; height: number; label: string }[];
  edges: { id: string; source: string; target: string }[];
}

function Floor() {
  const [graph, setGraph] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    const size = new URLSearchParams(location.search).get('n') ?? '100';
    void fetch(`/bench-data/graph-${size}.json`)
      .then((response) => response.json() as Promise<Graph>)
      .then((data) => {
        (window as unknown as { __start: number }).__start = performance.now();
        setGraph({
          nodes: data.nodes.map((node) => ({
            id: node.id,
            position: { x: node.x, y: node.y },
            width: node.width,
            height: node.height,
            data: { label: node.label },
          })),
          edges: data.edges,
        });
      });
  }, []);
  if (!graph) return null;
  return <ReactFlow nodes={graph.nodes} edges={graph.edges} fitView minZoom={0.02} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
