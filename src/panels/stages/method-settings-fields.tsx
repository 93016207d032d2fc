import { memo } from 'react';
import { type Design, loggingLevels, type MethodSettings, refuse, type StageId, updateStage } from '../../core/model';
import { CheckboxField, NumberField, SelectField } from '../fields';
import type { Operation } from '../use-field-commit';

function patchDefaults(stageId: StageId, change: Partial<MethodSettings>): Operation {
  return (design: Design) => {
    const stage = design.stages[stageId];
    if (!stage) refuse('not-found', 'This stage was deleted.');
    const methodSettings = { ...stage.methodSettings, ...change };
    for (const key of Object.keys(change) as (keyof MethodSettings)[]) if (change[key] === undefined) delete methodSettings[key];
    return updateStage(design, stageId, { methodSettings });
  };
}

const loggingOptions = loggingLevels.map((value) => ({
  value,
  label: value === 'OFF' ? 'Off' : value === 'ERROR' ? 'Errors only' : 'Errors and info',
}));

/** Throttling fields shared by REST defaults, HTTP and WebSocket stages. */
export const StageThrottleFields = memo(function StageThrottleFields({
  stageId,
  settings,
  label,
}: {
  stageId: StageId;
  settings: MethodSettings;
  label: string;
}) {
  return (
    <div className="grid grid-cols-2 gap-2">
      <NumberField
        label={`${label} rate (requests per second)`}
        fieldKey={`${stageId}.throttlingRateLimit`}
        optional
        placeholder="Account limit"
        value={settings.throttlingRateLimit}
        toOperation={(throttlingRateLimit) => patchDefaults(stageId, { throttlingRateLimit })}
      />
      <NumberField
        label={`${label} burst (requests)`}
        fieldKey={`${stageId}.throttlingBurstLimit`}
        optional
        placeholder="Account limit"
        value={settings.throttlingBurstLimit}
        toOperation={(throttlingBurstLimit) => patchDefaults(stageId, { throttlingBurstLimit })}
      />
    </div>
  );
});

/** The stage-wide method settings of a REST stage (`*\/*`). */
export const DefaultMethodSettings = memo(function DefaultMethodSettings({
  stageId,
  settings,
}: {
  stageId: StageId;
  settings: MethodSettings;
}) {
  return (
    <div className="space-y-2">
      <CheckboxField
        label="Caching enabled"
        fieldKey={`${stageId}.cachingEnabled`}
        hint="Needs the stage's cache cluster."
        value={settings.cachingEnabled}
        toOperation={(cachingEnabled) => patchDefaults(stageId, { cachingEnabled })}
      />
      <NumberField
        label="Cache TTL (seconds)"
        fieldKey={`${stageId}.cacheTtlSeconds`}
        hint="0–3600; default 300."
        value={settings.cacheTtlSeconds}
        toOperation={(cacheTtlSeconds) => patchDefaults(stageId, { cacheTtlSeconds: cacheTtlSeconds ?? 300 })}
      />
      <CheckboxField
        label="Require authorization to invalidate the cache"
        fieldKey={`${stageId}.requireAuthorizationForCacheControl`}
        value={settings.requireAuthorizationForCacheControl}
        toOperation={(requireAuthorizationForCacheControl) => patchDefaults(stageId, { requireAuthorizationForCacheControl })}
      />
      <StageThrottleFields stageId={stageId} settings={settings} label="Throttling" />
      <SelectField
        label="Logging level"
        fieldKey={`${stageId}.loggingLevel`}
        value={settings.loggingLevel}
        options={loggingOptions}
        toOperation={(value) => patchDefaults(stageId, { loggingLevel: value as MethodSettings['loggingLevel'] })}
      />
      <CheckboxField
        label="Log full requests and responses (data trace)"
        fieldKey={`${stageId}.dataTraceEnabled`}
        hint="Can log sensitive data; for debugging only."
        value={settings.dataTraceEnabled}
        toOperation={(dataTraceEnabled) => patchDefaults(stageId, { dataTraceEnabled })}
      />
      <CheckboxField
        label="Detailed CloudWatch metrics"
        fieldKey={`${stageId}.metricsEnabled`}
        value={settings.metricsEnabled}
        toOperation={(metricsEnabled) => patchDefaults(stageId, { metricsEnabled })}
      />
    </div>
  );
});

export { loggingOptions, patchDefaults };
