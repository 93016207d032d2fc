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

const handleClass =
  '!h-3 !w-3 !border-2 !border-white !bg-slate-400 hover:!bg-violet-500 dark:!border-slate-900 dark:!bg-slate-500 dark:hover:!bg-violet-400';

/** Shared frame of every canvas node: card, accent stripe, handles, problem marker and far-out bar. */
export function NodeFrame({ id, label, accent, target, source, children }: NodeFrameProps) {
  const zoomedOut = useZoomedOut();
  const problems = usePortico((s) => s.findingsByTarget[id]?.length ?? 0);
  const handles = (
    <>
      {target ? <Handle type="target" position={Position.Left} className={handleClass} /> : null}
      {source ? <Handle type="source" position={Position.Right} className={handleClass} /> : null}
    </>
  );
  if (zoomedOut)
    return (
      // biome-ignore lint/a11y/useSemanticElements: a node is a named group of handles, not a form fieldset
      <div data-testid={`node-${id}`} role="group" aria-label={label} className={`h-full w-full rounded-md ${accent}`}>
        {handles}
      </div>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a node is a named group of handles, not a form fieldset
    <div
      data-testid={`node-${id}`}
      role="group"
      aria-label={problems > 0 ? `${label} (${problems} ${problems === 1 ? 'problem' : 'problems'})` : label}
      title={label}
      className="relative flex h-full w-full items-stretch overflow-hidden rounded-lg border border-slate-200 bg-white text-slate-900 shadow-sm transition-shadow hover:shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div aria-hidden="true" className={`w-1.5 shrink-0 ${accent}`} />
      <div className="flex min-w-0 flex-1 items-center gap-2 px-2.5">{children}</div>
      {problems > 0 ? (
        <span
          aria-hidden="true"
          title={`${problems} ${problems === 1 ? 'problem' : 'problems'}`}
          className="absolute top-1 right-1 h-2 w-2 rounded-full bg-amber-500 ring-2 ring-white dark:ring-slate-900"
        />
      ) : null}
      {handles}
    </div>
  );
}

/** A small pill; `tone` is a set of Tailwind colour classes. */
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
