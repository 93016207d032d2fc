import type { ReactNode } from 'react';
import { usePortico } from '../state/context';
import type { SidePanel as SidePanelName } from '../state/store';
import { EmptyState } from '../ui/field';
import { type TabItem, Tabs } from '../ui/tabs';
import { ApiPanel } from './api/api-panel';
import { Inspector } from './inspector/inspector';
import { StagesPanel } from './stages/stages-panel';
import { UsagePlansPanel } from './usage-plans/usage-plans-panel';

const tabs: TabItem<SidePanelName>[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'api', label: 'API' },
  { id: 'stages', label: 'Stages' },
  { id: 'usage-plans', label: 'Usage plans & keys' },
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
        {selected === 'api' ? <ApiPanel /> : null}
        {selected === 'stages' ? <StagesPanel /> : null}
        {selected === 'usage-plans' ? <UsagePlansPanel /> : null}
        {selected === 'problems' ? (problems ?? <Placeholder what="The problems list" />) : null}
        {selected === 'cost' ? (cost ?? <Placeholder what="The cost estimate" />) : null}
      </Tabs>
    </aside>
  );
}

function Placeholder({ what }: { what: string }) {
  return (
    <div className="p-3">
      <EmptyState>{what} is not available in this build.</EmptyState>
    </div>
  );
}
