import { lazy, Suspense, useEffect } from 'react';
import type { NodeId } from '../../core/model';
import { usePortico } from '../../state/context';
import { EmptyState } from '../../ui/field';

// The forms load after first paint (and before the first click, on the first idle moment), so that the JS
// a first start waits for stays within its budget.
const loadForms = () => import('./node-inspector');
const NodeInspector = lazy(() => loadForms().then((module) => ({ default: module.NodeInspector })));
const MultiSelection = lazy(() => import('./multi-selection').then((module) => ({ default: module.MultiSelection })));

/** Shows a form for the selected node, a summary for several, or how to get started for none. */
export function Inspector() {
  const selection = usePortico((s) => s.selection);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => {
      void loadForms();
    });
  }, []);
  return (
    <div className="p-3 text-sm" data-testid="inspector">
      {selection.length === 0 ? (
        <EmptyState>
          Select a resource, method, route, authorizer or integration on the canvas to edit all of its properties here. API-wide settings,
          stages and usage plans have their own tabs.
        </EmptyState>
      ) : (
        <Suspense
          fallback={
            <p role="status" className="text-slate-600 dark:text-slate-300">
              Loading…
            </p>
          }
        >
          {selection.length > 1 ? <MultiSelection ids={selection} /> : <NodeInspector key={selection[0]} id={selection[0] as NodeId} />}
        </Suspense>
      )}
    </div>
  );
}
