import { type NodeHandle, Position } from '@xyflow/react';
import { type NodeKind, nodeSizes } from '../core/model';

/** Node kinds with an outgoing handle on the right (see the node components' NodeFrame `source`). */
const hasSource: Record<NodeKind, boolean> = { resource: true, method: true, route: true, authorizer: false, integration: false };

/** The 12 px dot, half outside the card's 1 px border (as the browser lays it out: measured once, kept here). */
const dot = 12;
const dotInset = 5;

function handlesOf(kind: NodeKind): NodeHandle[] {
  const { width, height } = nodeSizes[kind];
  const top = height / 2 - dot / 2;
  const handles: NodeHandle[] = [{ type: 'target', position: Position.Left, x: -dotInset, y: top, width: dot, height: dot }];
  if (hasSource[kind])
    handles.push({ type: 'source', position: Position.Right, x: width - dot + dotInset, y: top, width: dot, height: dot });
  // The whole-card drop target (node-frame.tsx), after the dots so that edges, which name no handle, attach to a dot.
  handles.push({ id: 'body', type: 'target', position: Position.Left, x: 1, y: 1, width: width - 2, height: height - 2 });
  return handles;
}

/**
 * Every node's handles and size, known before it is drawn. React Flow otherwise draws each new node once,
 * wherever it is, only to measure it: importing 5,000 operations would mount and unmount 10,000 nodes.
 */
export const nodeHandles: Record<NodeKind, NodeHandle[]> = {
  resource: handlesOf('resource'),
  method: handlesOf('method'),
  route: handlesOf('route'),
  authorizer: handlesOf('authorizer'),
  integration: handlesOf('integration'),
};
