import { Trash2 } from 'lucide-react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type Design, type RouteId, type RouteThrottle, refuse, type StageId, setRouteOverride } from '../../core/model';
import { usePortico } from '../../state/context';
import { IconButton } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { AddPicker } from '../add-picker';
import { NumberField } from '../fields';
import { selectRouteLabels } from '../operation-labels';
import { type Operation, useApply } from '../use-field-commit';

function patchThrottle(stageId: StageId, routeId: RouteId, change: RouteThrottle): Operation {
  return (design: Design) => {
    const stage = design.stages[stageId];
    if (!stage) refuse('not-found', 'This stage was deleted.');
    const next: RouteThrottle = { ...stage.routeOverrides[routeId], ...change };
    if (next.throttlingRateLimit === undefined) delete next.throttlingRateLimit;
    if (next.throttlingBurstLimit === undefined) delete next.throttlingBurstLimit;
    return setRouteOverride(design, stageId, routeId, next);
  };
}

const RouteOverrideRow = memo(function RouteOverrideRow({
  stageId,
  routeId,
  label,
}: {
  stageId: StageId;
  routeId: RouteId;
  label: string;
}) {
  const throttle = usePortico((s) => s.design.stages[stageId]?.routeOverrides[routeId]);
  const apply = useApply();
  if (!throttle) return null;
  return (
    <div className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-center justify-between">
        <h4 className="font-mono text-xs font-semibold">{label}</h4>
        <IconButton
          label={`Remove throttling for ${label}`}
          icon={<Trash2 size={14} />}
          onClick={() => apply('Remove route throttling', (design) => setRouteOverride(design, stageId, routeId, undefined))}
        />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <NumberField
          label="Rate (requests per second)"
          context={label}
          fieldKey={`${stageId}.${routeId}.rate`}
          optional
          placeholder="As the stage"
          value={throttle.throttlingRateLimit}
          toOperation={(throttlingRateLimit) => patchThrottle(stageId, routeId, { throttlingRateLimit })}
        />
        <NumberField
          label="Burst"
          context={label}
          fieldKey={`${stageId}.${routeId}.burst`}
          optional
          placeholder="As the stage"
          value={throttle.throttlingBurstLimit}
          toOperation={(throttlingBurstLimit) => patchThrottle(stageId, routeId, { throttlingBurstLimit })}
        />
      </div>
    </div>
  );
});

/** Per-route throttling of an HTTP or WebSocket stage. */
export const RouteOverrides = memo(function RouteOverrides({ stageId }: { stageId: StageId }) {
  const overrideIds = usePortico(useShallow((s) => Object.keys(s.design.stages[stageId]?.routeOverrides ?? {}) as RouteId[]));
  const labels = usePortico((s) => selectRouteLabels(s.design));
  const apply = useApply();
  const free = useMemo(() => labels.filter((entry) => !overrideIds.includes(entry.id)), [labels, overrideIds]);
  const labelOf = (id: RouteId) => labels.find((entry) => entry.id === id)?.label ?? id;
  return (
    <div className="space-y-2">
      {overrideIds.length === 0 ? (
        <EmptyState>Every route uses the stage throttling. Add a route to throttle it differently.</EmptyState>
      ) : null}
      {overrideIds.map((routeId) => (
        <RouteOverrideRow key={routeId} stageId={stageId} routeId={routeId} label={labelOf(routeId)} />
      ))}
      {labels.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Add routes on the canvas to throttle them here.</p>
      ) : (
        <AddPicker
          label="Route to throttle"
          buttonLabel="Add route"
          options={free}
          onAdd={(routeId) => apply('Add route throttling', (design) => setRouteOverride(design, stageId, routeId as RouteId, {}))}
        />
      )}
    </div>
  );
});
