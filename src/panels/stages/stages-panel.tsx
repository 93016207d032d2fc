import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { memo, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addStage, createId, deleteStage, moveStage, type StageId } from '../../core/model';
import { usePortico } from '../../state/context';
import { IconButton } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { AddByName } from '../add-by-name';
import { ConfirmDelete } from '../confirm-delete';
import { settleReveal, useReveal, useRevealRequest } from '../reveal';
import { useApply } from '../use-field-commit';
import { StageExportStatus } from './stage-export-status';
import { StageForm } from './stage-form';

/** Stages: the list (add, order, delete) and the settings of the one chosen. */
export function StagesPanel() {
  const order = usePortico(useShallow((s) => s.design.stageOrder));
  const apiType = usePortico((s) => s.design.api.type);
  const [chosen, setChosen] = useState<StageId | null>(null);
  const current = chosen !== null && order.includes(chosen) ? chosen : (order[0] ?? null);
  // A stage found with Ctrl+K: choose it, and its form reveals itself once shown.
  const request = useRevealRequest('stage');
  useEffect(() => {
    if (!request) return;
    if (order.includes(request.id as StageId)) setChosen(request.id as StageId);
    else settleReveal(request);
  }, [request, order]);
  const formRef = useRef<HTMLDivElement>(null);
  useReveal('stage', current ?? '', formRef, current !== null);
  return (
    <div className="space-y-3 p-3 text-sm" data-testid="stages-panel">
      <h2 className="text-sm font-semibold">Stages</h2>
      {order.length === 0 ? (
        <EmptyState>No stages yet. A stage is a deployment of the API at its own URL (dev, prod…): add one below.</EmptyState>
      ) : (
        <ul aria-label="Stages" className="space-y-1">
          {order.map((id, index) => (
            <StageRow key={id} id={id} index={index} count={order.length} isCurrent={id === current} onChoose={setChosen} />
          ))}
        </ul>
      )}
      <AddStage onAdded={setChosen} />
      {current ? (
        <div ref={formRef} className="scroll-mt-2 border-t border-slate-200 pt-2 dark:border-slate-700">
          <StageForm key={current} stageId={current} apiType={apiType} />
        </div>
      ) : null}
    </div>
  );
}

const StageRow = memo(function StageRow({
  id,
  index,
  count,
  isCurrent,
  onChoose,
}: {
  id: StageId;
  index: number;
  count: number;
  isCurrent: boolean;
  onChoose: (id: StageId) => void;
}) {
  const name = usePortico((s) => s.design.stages[id]?.name ?? '');
  const apply = useApply();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className={`flex flex-wrap items-center gap-1 rounded px-1 ${isCurrent ? 'bg-violet-50 dark:bg-violet-950' : ''}`}>
      <button
        type="button"
        className="min-w-0 flex-1 truncate rounded px-1 py-1 text-left font-mono text-sm focus-visible:outline-2 focus-visible:outline-violet-600"
        aria-current={isCurrent ? 'true' : undefined}
        onClick={() => onChoose(id)}
      >
        {name}
      </button>
      <IconButton
        label={`Move ${name} up`}
        icon={<ArrowUp size={14} />}
        disabled={index === 0}
        onClick={() => apply('Move stage', (design) => moveStage(design, id, index - 1))}
      />
      <IconButton
        label={`Move ${name} down`}
        icon={<ArrowDown size={14} />}
        disabled={index === count - 1}
        onClick={() => apply('Move stage', (design) => moveStage(design, id, index + 1))}
      />
      <IconButton label={`Delete stage ${name}`} icon={<Trash2 size={14} />} onClick={() => setConfirming(true)} />
      <ConfirmDelete
        open={confirming}
        what="stage"
        name={name}
        onClose={() => setConfirming(false)}
        onDelete={() => apply('Delete stage', (design) => deleteStage(design, id))}
      >
        <p>
          Its variables, cache and throttling settings go with it, usage plans stop covering it, and custom domains stop mapping or routing
          traffic to it. You can undo this.
        </p>
      </ConfirmDelete>
      <StageExportStatus stageId={id} />
    </li>
  );
});

function AddStage({ onAdded }: { onAdded: (id: StageId) => void }) {
  return (
    <AddByName
      label="New stage name"
      placeholder="dev, prod…"
      button="Add stage"
      undoLabel="Add stage"
      make={(name) => {
        const id = createId('Stage');
        return { id, operation: (design) => addStage(design, { name, id }) };
      }}
      onAdded={onAdded}
    />
  );
}
