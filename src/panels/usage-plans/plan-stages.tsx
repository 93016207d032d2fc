import { Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type Design,
  type MethodId,
  refuse,
  type StageId,
  setPlanMethodThrottle,
  type Throttle,
  type UsagePlan,
  type UsagePlanId,
  updateUsagePlan,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { IconButton } from '../../ui/button';
import { AddPicker } from '../add-picker';
import { CheckboxField, NumberField } from '../fields';
import { selectMethodLabels } from '../operation-labels';
import { pack, unpack } from '../pairs';
import type { Operation } from '../use-field-commit';
import { useApply } from '../use-field-commit';

function toggleStage(planId: UsagePlanId, stageId: StageId, covered: boolean): Operation {
  return (design: Design) => {
    const plan = design.usagePlans[planId];
    if (!plan) refuse('not-found', 'This usage plan was deleted.');
    const stages = covered
      ? plan.stages.some((entry) => entry.stageId === stageId)
        ? plan.stages
        : [...plan.stages, { stageId, methodThrottles: {} }]
      : plan.stages.filter((entry) => entry.stageId !== stageId);
    return updateUsagePlan(design, planId, { stages });
  };
}

function patchMethodThrottle(planId: UsagePlanId, stageId: StageId, methodId: MethodId, change: Partial<Throttle>): Operation {
  return (design: Design) => {
    const current = design.usagePlans[planId]?.stages.find((entry) => entry.stageId === stageId)?.methodThrottles[methodId];
    return setPlanMethodThrottle(design, planId, stageId, methodId, { rateLimit: 10, burstLimit: 20, ...current, ...change });
  };
}

/** The stages a plan covers, each with its per-method throttles. */
export function PlanStages({ plan }: { plan: UsagePlan }) {
  const stages = usePortico(useShallow((s) => s.design.stageOrder.map((id) => pack(id, s.design.stages[id]?.name ?? id))));
  if (stages.length === 0)
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400">Add stages in the Stages tab; a plan applies to the stages it covers.</p>
    );
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">Stages covered</legend>
      {stages.map((entry) => {
        const { id: stageId, label: name } = unpack<StageId>(entry);
        const covered = plan.stages.find((candidate) => candidate.stageId === stageId);
        return (
          <div key={stageId} className="space-y-1">
            <CheckboxField
              label={`Covers stage ${name}`}
              fieldKey={`${plan.id}.stage.${stageId}`}
              opLabel="Change plan stages"
              value={covered !== undefined}
              toOperation={(value) => toggleStage(plan.id, stageId, value)}
            />
            {covered ? <MethodThrottles planId={plan.id} stageId={stageId} stageName={name} throttles={covered.methodThrottles} /> : null}
          </div>
        );
      })}
    </fieldset>
  );
}

function MethodThrottles({
  planId,
  stageId,
  stageName,
  throttles,
}: {
  planId: UsagePlanId;
  stageId: StageId;
  stageName: string;
  throttles: Record<MethodId, Throttle>;
}) {
  const labels = usePortico((s) => selectMethodLabels(s.design));
  const apply = useApply();
  const ids = useMemo(() => Object.keys(throttles) as MethodId[], [throttles]);
  const free = useMemo(() => labels.filter((entry) => !ids.includes(entry.id)), [labels, ids]);
  const labelOf = (id: MethodId) => labels.find((entry) => entry.id === id)?.label ?? id;
  return (
    <div className="ml-6 space-y-1">
      {ids.map((methodId) => {
        const throttle = throttles[methodId] as Throttle;
        const label = labelOf(methodId);
        return (
          <div key={methodId} className="rounded border border-slate-200 p-1 dark:border-slate-700">
            <div className="flex items-center justify-between">
              <span className="font-mono text-xs">{label}</span>
              <IconButton
                label={`Remove throttle for ${label} in ${stageName}`}
                icon={<Trash2 size={14} />}
                onClick={() =>
                  apply('Remove method throttle', (design) => setPlanMethodThrottle(design, planId, stageId, methodId, undefined))
                }
              />
            </div>
            <div className="grid grid-cols-2 gap-1">
              <NumberField
                label="Rate (requests per second)"
                context={`${label} in ${stageName}`}
                fieldKey={`${planId}.${stageId}.${methodId}.rate`}
                value={throttle.rateLimit}
                toOperation={(rateLimit) => patchMethodThrottle(planId, stageId, methodId, { rateLimit: rateLimit ?? 0 })}
              />
              <NumberField
                label="Burst (requests)"
                context={`${label} in ${stageName}`}
                fieldKey={`${planId}.${stageId}.${methodId}.burst`}
                value={throttle.burstLimit}
                toOperation={(burstLimit) => patchMethodThrottle(planId, stageId, methodId, { burstLimit: burstLimit ?? 0 })}
              />
            </div>
          </div>
        );
      })}
      <AddPicker
        label={`Method to throttle in ${stageName}`}
        buttonLabel="Throttle"
        options={free}
        onAdd={(methodId) => apply('Add method throttle', patchMethodThrottle(planId, stageId, methodId as MethodId, {}))}
      />
    </div>
  );
}
