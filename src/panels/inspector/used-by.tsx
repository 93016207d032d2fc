import { useMemo } from 'react';
import type { NodeId } from '../../core/model';
import { usePortico } from '../../state/context';
import { ownersUsing } from './owner';

/** More than this many are listed folded: a shared backend of a big design may serve hundreds. */
const openUpTo = 8;
/** Listed at the most (with how many more). */
const listUpTo = 200;

/**
 * What uses an integration or an authorizer: a sentence with the count, and the methods and routes
 * themselves, each a button that selects it and brings its card into view (the way back from a
 * backend, as a stub on the canvas is the way to it).
 */
export function UsedBy({
  id,
  relation,
  none,
  some,
}: {
  id: string;
  relation: 'integration' | 'authorizer';
  /** The sentence when nothing uses it. */
  none: string;
  /** The sentence for `count` users. */
  some: (count: number) => string;
}) {
  // Listed again when the methods, routes or resources change, not on every store update.
  const methods = usePortico((s) => s.design.methods);
  const routes = usePortico((s) => s.design.routes);
  const resources = usePortico((s) => s.design.resources);
  const focus = usePortico((s) => s.focus);
  const owners = useMemo(() => ownersUsing({ methods, routes, resources }, id, relation), [methods, routes, resources, id, relation]);
  const text = <p className="text-xs text-slate-600 dark:text-slate-300">{owners.length === 0 ? none : some(owners.length)}</p>;
  if (owners.length === 0) return text;
  return (
    <div>
      {text}
      <details open={owners.length <= openUpTo} className="text-xs" data-testid="used-by">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">
          {relation === 'integration' ? 'Methods and routes that call it' : 'Methods and routes it protects'}
        </summary>
        <ul aria-label={relation === 'integration' ? 'Calls from' : 'Protects'} className="mt-1 max-h-48 overflow-auto">
          {owners.slice(0, listUpTo).map((owner) => (
            <li key={owner.id}>
              <button
                type="button"
                onClick={() => focus(owner.id as NodeId)}
                className="w-full truncate rounded px-1 py-0.5 text-left font-mono hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-violet-600 dark:hover:bg-slate-800"
                aria-label={`Go to ${owner.label}${owner.operationName ? ` (${owner.operationName})` : ''}`}
                title={`Go to ${owner.label}${owner.operationName ? ` (${owner.operationName})` : ''}`}
              >
                {owner.label}
                {owner.operationName ? (
                  <span className="ml-2 font-sans text-slate-500 dark:text-slate-400">{owner.operationName}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        {owners.length > listUpTo ? (
          <p className="mt-1 text-slate-500 dark:text-slate-400">…and {owners.length - listUpTo} more (Ctrl/Cmd+K finds any of them).</p>
        ) : null}
      </details>
    </div>
  );
}

/**
 * "Go to Pets function": selects the integration or authorizer a method or route uses and brings its
 * card into view (from the keyboard too; on the canvas, a double-click on a big design's stub does it).
 */
export function GoTo({ id, name }: { id: string; name: string }) {
  const focus = usePortico((s) => s.focus);
  return (
    <button
      type="button"
      onClick={() => focus(id as NodeId)}
      className="text-xs text-violet-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-violet-300"
    >
      Go to {name}
    </button>
  );
}
