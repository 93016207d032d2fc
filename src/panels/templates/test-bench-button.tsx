import { FlaskConical } from 'lucide-react';
import { lazy, Suspense, useEffect } from 'react';
import type { MethodId } from '../../core/model';
import { Button } from '../../ui/button';
import { closeWorkbench, openWorkbench, useWorkbench, workbenchMethod } from './workbench-state';

// The workbench (its forms, the test runner and the large editor) loads when first opened.
const IntegrationWorkbench = lazy(() => import('./integration-workbench').then((module) => ({ default: module.IntegrationWorkbench })));

/**
 * Opens the integration workbench of a REST method with a custom integration: its mapping templates in a
 * large editor beside an offline test of a sample request and backend answer. Also shows the workbench
 * when an editor's Expand opened it for this method.
 */
export function TestBenchButton({ methodId }: { methodId: MethodId }) {
  const workbench = useWorkbench();
  const open = workbench.methodId === methodId;
  // The workbench belongs to this form: when the method's form goes (another selection, an undo that
  // removes the method), so does the workbench, rather than coming back the next time the method is selected.
  useEffect(
    () => () => {
      if (workbenchMethod() === methodId) closeWorkbench();
    },
    [methodId],
  );
  return (
    <div>
      <Button size="sm" icon={<FlaskConical size={14} />} onClick={() => openWorkbench(methodId)}>
        Test mapping templates offline
      </Button>
      <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        Render a sample request and a backend answer through this integration's templates, without deploying.
      </p>
      {open ? (
        <Suspense
          fallback={
            <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
              Loading the workbench…
            </p>
          }
        >
          <IntegrationWorkbench methodId={methodId} {...(workbench.focus ? { focus: workbench.focus } : {})} onClose={closeWorkbench} />
        </Suspense>
      ) : null}
    </div>
  );
}
