import { Trash2 } from 'lucide-react';
import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type Design, type MethodId, type MethodSettings, refuse, type StageId, setMethodOverride } from '../../core/model';
import { usePortico } from '../../state/context';
import { IconButton } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { AddPicker } from '../add-picker';
import { NumberField, SelectField } from '../fields';
import { selectMethodLabels } from '../operation-labels';
import { type Operation, useApply } from '../use-field-commit';
import { loggingOptions } from './method-settings-fields';

const inherit = '';
const triState = [
  { value: inherit, label: 'As the stage' },
  { value: 'true', label: 'On' },
  { value: 'false', label: 'Off' },
];

function patchOverride(stageId: StageId, methodId: MethodId, change: Partial<MethodSettings>): Operation {
  return (design: Design) => {
    const stage = design.stages[stageId];
    if (!stage) refuse('not-found', 'This stage was deleted.');
    const next: Partial<MethodSettings> = { ...stage.methodOverrides[methodId], ...change };
    for (const key of Object.keys(next) as (keyof MethodSettings)[]) if (next[key] === undefined) delete next[key];
    return setMethodOverride(design, stageId, methodId, next);
  };
}

function boolOf(value: string): boolean | undefined {
  return value === inherit ? undefined : value === 'true';
}

const OverrideRow = memo(function OverrideRow({ stageId, methodId, label }: { stageId: StageId; methodId: MethodId; label: string }) {
  const override = usePortico((s) => s.design.stages[stageId]?.methodOverrides[methodId]);
  const apply = useApply();
  if (!override) return null;
  const key = `${stageId}.${methodId}`;
  return (
    <div className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700" data-testid={`override-${methodId}`}>
      <div className="flex items-center justify-between">
        <h4 className="font-mono text-xs font-semibold">{label}</h4>
        <IconButton
          label={`Remove override for ${label}`}
          icon={<Trash2 size={14} />}
          onClick={() => apply('Remove method override', (design) => setMethodOverride(design, stageId, methodId, undefined))}
        />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <SelectField
          label="Caching"
          context={label}
          fieldKey={`${key}.cachingEnabled`}
          value={override.cachingEnabled === undefined ? inherit : String(override.cachingEnabled)}
          options={triState}
          toOperation={(value) => patchOverride(stageId, methodId, { cachingEnabled: boolOf(value) })}
        />
        <NumberField
          label="Cache TTL (seconds)"
          context={label}
          fieldKey={`${key}.cacheTtlSeconds`}
          optional
          placeholder="As the stage"
          value={override.cacheTtlSeconds}
          toOperation={(cacheTtlSeconds) => patchOverride(stageId, methodId, { cacheTtlSeconds })}
        />
        <NumberField
          label="Throttling rate"
          context={label}
          fieldKey={`${key}.throttlingRateLimit`}
          optional
          placeholder="As the stage"
          value={override.throttlingRateLimit}
          toOperation={(throttlingRateLimit) => patchOverride(stageId, methodId, { throttlingRateLimit })}
        />
        <NumberField
          label="Throttling burst"
          context={label}
          fieldKey={`${key}.throttlingBurstLimit`}
          optional
          placeholder="As the stage"
          value={override.throttlingBurstLimit}
          toOperation={(throttlingBurstLimit) => patchOverride(stageId, methodId, { throttlingBurstLimit })}
        />
        <SelectField
          label="Logging level"
          context={label}
          fieldKey={`${key}.loggingLevel`}
          value={override.loggingLevel ?? inherit}
          options={[{ value: inherit, label: 'As the stage' }, ...loggingOptions]}
          toOperation={(value) =>
            patchOverride(stageId, methodId, { loggingLevel: value === inherit ? undefined : (value as MethodSettings['loggingLevel']) })
          }
        />
        <SelectField
          label="Detailed metrics"
          context={label}
          fieldKey={`${key}.metricsEnabled`}
          value={override.metricsEnabled === undefined ? inherit : String(override.metricsEnabled)}
          options={triState}
          toOperation={(value) => patchOverride(stageId, methodId, { metricsEnabled: boolOf(value) })}
        />
        <SelectField
          label="Data trace"
          context={label}
          fieldKey={`${key}.dataTraceEnabled`}
          value={override.dataTraceEnabled === undefined ? inherit : String(override.dataTraceEnabled)}
          options={triState}
          toOperation={(value) => patchOverride(stageId, methodId, { dataTraceEnabled: boolOf(value) })}
        />
        <SelectField
          label="Authorization to invalidate"
          context={label}
          fieldKey={`${key}.requireAuthorizationForCacheControl`}
          value={
            override.requireAuthorizationForCacheControl === undefined ? inherit : String(override.requireAuthorizationForCacheControl)
          }
          options={triState}
          toOperation={(value) => patchOverride(stageId, methodId, { requireAuthorizationForCacheControl: boolOf(value) })}
        />
      </div>
    </div>
  );
});

/** Per-method overrides of a REST stage's settings. */
export const MethodOverrides = memo(function MethodOverrides({ stageId }: { stageId: StageId }) {
  const overrideIds = usePortico(useShallow((s) => Object.keys(s.design.stages[stageId]?.methodOverrides ?? {}) as MethodId[]));
  const labels = usePortico((s) => selectMethodLabels(s.design));
  const apply = useApply();
  const free = useMemo(() => labels.filter((entry) => !overrideIds.includes(entry.id)), [labels, overrideIds]);
  const labelOf = (id: MethodId) => labels.find((entry) => entry.id === id)?.label ?? id;
  return (
    <div className="space-y-2">
      {overrideIds.length === 0 ? (
        <EmptyState>Every method uses the stage settings. Add an override to cache or throttle one method differently.</EmptyState>
      ) : null}
      {overrideIds.map((methodId) => (
        <OverrideRow key={methodId} stageId={stageId} methodId={methodId} label={labelOf(methodId)} />
      ))}
      {labels.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Add methods on the canvas to override their settings here.</p>
      ) : (
        <AddPicker
          label="Method to override"
          buttonLabel="Add override"
          options={free}
          onAdd={(methodId) => apply('Add method override', (design) => setMethodOverride(design, stageId, methodId as MethodId, {}))}
        />
      )}
    </div>
  );
});
