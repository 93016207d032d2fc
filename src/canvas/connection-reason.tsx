import { type ConnectionState, useConnection } from '@xyflow/react';
import { describeConnection } from '../core/model';
import { usePortico } from '../state/context';
import { connectionEnd } from './design-to-flow';

// Plain objects compare shallowly in useConnection, so the box re-renders only when an end changes.
// A row's handle stands for its method or route, not for the card it is drawn on.
const endsSelector = (connection: ConnectionState) =>
  connection.inProgress && connection.toNode && connection.fromNode
    ? {
        from: connectionEnd(connection.fromNode.id, connection.fromHandle?.id),
        to: connectionEnd(connection.toNode.id, connection.toHandle?.id),
      }
    : null;

/**
 * While the user drags a connection over a node, says what dropping would do, or why it is refused,
 * so a refusal is never a silent snap-back.
 */
export function ConnectionReason() {
  const ends = useConnection(endsSelector);
  // The design only while a connection is dragged: otherwise this would re-render on every edit.
  const design = usePortico((s) => (ends ? s.design : null));
  if (!ends || !design || ends.from === ends.to) return null;
  const meaning = describeConnection(design, ends.from, ends.to);
  if (meaning.ok)
    return (
      <div
        role="status"
        data-testid="connection-hint"
        className="pointer-events-none absolute top-3 left-1/2 z-10 -translate-x-1/2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-1.5 text-sm text-emerald-800 shadow-sm dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
      >
        Release to {meaning.label.toLowerCase()}
      </div>
    );
  return (
    <div
      role="status"
      data-testid="connection-reason"
      className="pointer-events-none absolute top-3 left-1/2 z-10 max-w-md -translate-x-1/2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-800 shadow-sm dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      {meaning.reason}
    </div>
  );
}
