import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { usePortico } from '../../state/context';
import { useZoomedOut } from './use-zoomed-out';

export interface NodeFrameProps {
  id: string;
  /** Accessible name of the node: "Method GET /pets". */
  label: string;
  /** Tailwind classes of the accent (left stripe and far-out bar). */
  accent: string;
  /** Incoming handle on the left. */
  target?: boolean;
  /** Outgoing handle on the right. */
  source?: boolean;
  children: ReactNode;
}

// The dot is 12 px but the ring around it (the ::before) also grabs the pointer: nobody aims at a 12 px dot.
const handleClass =
  'portico-handle !h-3 !w-3 !border-2 !border-white !bg-slate-400 hover:!bg-violet-500 dark:!border-slate-900 dark:!bg-slate-500 dark:hover:!bg-violet-400';

/**
 * The whole card is also a place to drop a connection: an invisible target handle that only takes the
 * pointer while a connection is being dragged (it can never start one), so releasing anywhere on a node
 * connects to it, as in xyflow's "easy connect" example. It comes after the visible handles so edges,
 * which name no handle, keep attaching to the visible dot.
 */
const bodyHandleId = 'body';

/** Shared frame of every canvas node: card, accent stripe, handles, problem marker and far-out bar. */
export function NodeFrame({ id, label, accent, target, source, children }: NodeFrameProps) {
  const zoomedOut = useZoomedOut();
  const problems = usePortico((s) => s.findingsByTarget[id]?.length ?? 0);
  // The handles live outside the clipped card: inside it, the card's `overflow-hidden` cut them in half and
  // the half a person aims at (the centre of the right-hand dot) belonged to the card, which drags the node.
  return (
    // biome-ignore lint/a11y/useSemanticElements: a node is a named group of handles, not a form fieldset
    <div
      data-testid={`node-${id}`}
      data-element-id={id}
      role="group"
      aria-label={problems > 0 ? `${label} (${problems} ${problems === 1 ? 'problem' : 'problems'})` : label}
      title={zoomedOut ? undefined : label}
      className={
        zoomedOut
          ? `relative h-full w-full rounded-md ${accent}`
          : 'relative h-full w-full rounded-lg border border-slate-200 bg-white text-slate-900 shadow-sm transition-shadow hover:shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100'
      }
    >
      {zoomedOut ? null : (
        <div className="absolute inset-0 flex items-stretch overflow-hidden rounded-[7px]">
          <div aria-hidden="true" className={`w-1.5 shrink-0 ${accent}`} />
          <div className="flex min-w-0 flex-1 items-center gap-2 px-2.5">{children}</div>
        </div>
      )}
      {problems > 0 && !zoomedOut ? (
        <span
          aria-hidden="true"
          title={`${problems} ${problems === 1 ? 'problem' : 'problems'}`}
          className="absolute top-1 right-1 h-2 w-2 rounded-full bg-amber-500 ring-2 ring-white dark:ring-slate-900"
        />
      ) : null}
      {target ? <Handle type="target" position={Position.Left} className={handleClass} /> : null}
      {source ? <Handle type="source" position={Position.Right} className={handleClass} /> : null}
      <Handle type="target" id={bodyHandleId} position={Position.Left} isConnectableStart={false} className="portico-body-handle" />
    </div>
  );
}

/**
 * A small pill; `tone` is a set of Tailwind colour classes. The neutral default is slate-600 on slate-100
 * (slate-300 on slate-800 in dark): slate-500 on slate-100 is 4.3:1, under WCAG AA's 4.5:1 for small text.
 */
export function Badge({ children, tone, title }: { children: ReactNode; tone?: string; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex max-w-full shrink-0 items-center gap-1 truncate rounded px-1.5 py-px text-[10px] leading-4 font-medium ${
        tone ?? 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'
      }`}
    >
      {children}
    </span>
  );
}
