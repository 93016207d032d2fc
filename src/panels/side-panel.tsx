import { lazy, type ReactNode, Suspense } from 'react';
import { usePortico } from '../state/context';
import type { SidePanel as SidePanelName } from '../state/store';
import { EmptyState } from '../ui/field';
import { type TabItem, Tabs } from '../ui/tabs';
import { Inspector } from './inspector/inspector';

// The inspector is what a first click shows; the other views load when their tab is first chosen.
const ApiPanel = lazy(() => import('./api/api-panel').then((module) => ({ default: module.ApiPanel })));
const StagesPanel = lazy(() => import('./stages/stages-panel').then((module) => ({ default: module.StagesPanel })));
const UsagePlansPanel = lazy(() => import('./usage-plans/usage-plans-panel').then((module) => ({ default: module.UsagePlansPanel })));
const DomainsPanel = lazy(() => import('./domains/domains-panel').then((module) => ({ default: module.DomainsPanel })));

const tabs: TabItem<SidePanelName>[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'api', label: 'API' },
  { id: 'stages', label: 'Stages' },
  { id: 'usage-plans', label: 'Usage plans & keys' },
  { id: 'domains', label: 'Domains' },
  { id: 'problems', label: 'Problems' },
  { id: 'cost', label: 'Cost' },
];

/**
 * The right-hand side panel: the inspector of the selection, the API-wide settings, stages, usage
 * plans and API keys, and the problems and cost views the shell passes in.
 */
export function SidePanel({ problems, cost }: { problems?: ReactNode; cost?: ReactNode }) {
  const selected = usePortico((s) => s.sidePanel);
  const showPanel = usePortico((s) => s.showPanel);
  return (
    <aside
      aria-label="Side panel"
      data-testid="side-panel"
      className="flex w-[22rem] shrink-0 flex-col border-l border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <Tabs label="Side panel views" tabs={tabs} selected={selected} onSelect={showPanel}>
        {selected === 'inspector' ? <Inspector /> : null}
        <Suspense fallback={<Loading />}>
          {selected === 'api' ? <ApiPanel /> : null}
          {selected === 'stages' ? <StagesPanel /> : null}
          {selected === 'usage-plans' ? <UsagePlansPanel /> : null}
          {selected === 'domains' ? <DomainsPanel /> : null}
          {selected === 'problems' ? (problems ?? <Placeholder what="The problems list" />) : null}
          {selected === 'cost' ? (cost ?? <Placeholder what="The cost estimate" />) : null}
        </Suspense>
      </Tabs>
    </aside>
  );
}

function Loading() {
  return (
    <p className="p-3 text-sm text-slate-600 dark:text-slate-300" role="status">
      Loading…
    </p>
  );
}

function Placeholder({ what }: { what: string }) {
  return (
    <div className="p-3">
      <EmptyState>{what} is not available in this build.</EmptyState>
    </div>
  );
}
