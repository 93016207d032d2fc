import { type ApiType, cacheClusterSizes, type Design, type StageId, type StagePatch, updateStage } from '../../core/model';
import { updateStageVariables } from '../../core/model/operations/rename-references';
import { usePortico, usePorticoStore } from '../../state/context';
import { renameOperation } from '../../state/rename-notice';
import { Section } from '../../ui/field';
import { CheckboxField, KeyValueField, NumberField, optionalText, SelectField, TextField } from '../fields';
import type { Operation } from '../use-field-commit';
import { MethodOverrides } from './method-overrides';
import { DefaultMethodSettings, patchDefaults, StageThrottleFields } from './method-settings-fields';
import { RouteOverrides } from './route-overrides';

function patch(stageId: StageId, value: StagePatch): Operation {
  return (design: Design) => updateStage(design, stageId, value);
}

function patchCanary(
  stageId: StageId,
  build: (canary: NonNullable<StagePatch['canary']>) => Partial<NonNullable<StagePatch['canary']>>,
): Operation {
  return (design: Design) => {
    const canary = design.stages[stageId]?.canary ?? { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false };
    return updateStage(design, stageId, { canary: { ...canary, ...build(canary) } });
  };
}

/** Every setting of one stage, those of the API type only. */
export function StageForm({ stageId, apiType }: { stageId: StageId; apiType: ApiType }) {
  const stage = usePortico((s) => s.design.stages[stageId]);
  const store = usePorticoStore();
  if (!stage) return null;
  const isRest = apiType === 'REST';
  return (
    <div className="space-y-1" data-testid="stage-form">
      <div className="space-y-2">
        <TextField
          label="Stage name"
          fieldKey={`${stageId}.name`}
          opLabel="Rename stage"
          value={stage.name}
          hint={
            apiType === 'HTTP'
              ? 'Letters, digits, _ and -; or $default to serve at the base URL.'
              : 'Letters, digits, _ and -; it is part of the URL.'
          }
          toOperation={(name) => patch(stageId, { name })}
        />
        <TextField
          label="Stage description"
          fieldKey={`${stageId}.description`}
          value={stage.description ?? ''}
          toOperation={(text) => patch(stageId, { description: optionalText(text) })}
        />
        {apiType === 'HTTP' ? (
          <CheckboxField
            label="Deploy changes automatically"
            fieldKey={`${stageId}.autoDeploy`}
            value={stage.autoDeploy}
            toOperation={(autoDeploy) => patch(stageId, { autoDeploy })}
          />
        ) : null}
      </div>
      <Section title="Stage variables" defaultOpen={Object.keys(stage.variables).length > 0}>
        <KeyValueField
          label="Variables"
          fieldKey={`${stageId}.variables`}
          keyLabel="Variable name"
          valueLabel="Variable value"
          addLabel="Add variable"
          emptyText="No variables. Integrations can read ${stageVariables.name} to differ per stage."
          value={stage.variables}
          // A variable renamed here is renamed wherever it is used (URIs, mappings, templates), with a notice.
          toOperation={(variables) =>
            renameOperation(store, `${stageId}.variables`, (design) => updateStageVariables(design, stageId, variables))
          }
        />
      </Section>
      {isRest ? (
        <>
          <Section title="Cache cluster">
            <CheckboxField
              label="Cache cluster enabled"
              fieldKey={`${stageId}.cacheClusterEnabled`}
              hint="Billed per hour while provisioned, whether used or not."
              value={stage.cacheClusterEnabled}
              toOperation={(cacheClusterEnabled) => patch(stageId, { cacheClusterEnabled })}
            />
            <SelectField
              label="Cache size (GB)"
              fieldKey={`${stageId}.cacheClusterSize`}
              value={stage.cacheClusterSize}
              options={cacheClusterSizes.map((size) => ({ value: size, label: `${size} GB` }))}
              toOperation={(value) => patch(stageId, { cacheClusterSize: value as (typeof cacheClusterSizes)[number] })}
            />
            <CheckboxField
              label="Encrypt cache data"
              fieldKey={`${stageId}.cacheDataEncrypted`}
              value={stage.methodSettings.cacheDataEncrypted}
              toOperation={(cacheDataEncrypted) => patchDefaults(stageId, { cacheDataEncrypted })}
            />
          </Section>
          <Section title="Default method settings">
            <DefaultMethodSettings stageId={stageId} settings={stage.methodSettings} />
          </Section>
          <Section title="Per-method overrides">
            <MethodOverrides stageId={stageId} />
          </Section>
          <Section title="Tracing and canary" defaultOpen={stage.tracingEnabled || stage.canary !== undefined}>
            <CheckboxField
              label="AWS X-Ray tracing"
              fieldKey={`${stageId}.tracingEnabled`}
              value={stage.tracingEnabled}
              toOperation={(tracingEnabled) => patch(stageId, { tracingEnabled })}
            />
            <CheckboxField
              label="Canary release"
              fieldKey={`${stageId}.canary`}
              hint="Send a share of traffic to a canary deployment."
              value={stage.canary !== undefined}
              toOperation={(enabled) =>
                patch(stageId, { canary: enabled ? { percentTraffic: 10, stageVariableOverrides: {}, useStageCache: false } : undefined })
              }
            />
            {stage.canary ? (
              <>
                <NumberField
                  label="Canary traffic (percent)"
                  fieldKey={`${stageId}.canary.percent`}
                  hint="0–100."
                  value={stage.canary.percentTraffic}
                  toOperation={(percentTraffic) => patchCanary(stageId, () => ({ percentTraffic: percentTraffic ?? 0 }))}
                />
                <KeyValueField
                  label="Canary stage variable overrides"
                  fieldKey={`${stageId}.canary.variables`}
                  keyLabel="Canary variable"
                  valueLabel="Canary value"
                  addLabel="Add canary variable"
                  value={stage.canary.stageVariableOverrides}
                  toOperation={(stageVariableOverrides) => patchCanary(stageId, () => ({ stageVariableOverrides }))}
                />
                <CheckboxField
                  label="Canary uses the stage cache"
                  fieldKey={`${stageId}.canary.cache`}
                  value={stage.canary.useStageCache}
                  toOperation={(useStageCache) => patchCanary(stageId, () => ({ useStageCache }))}
                />
              </>
            ) : null}
          </Section>
        </>
      ) : (
        <>
          <Section title={apiType === 'HTTP' ? 'Default route throttling' : 'Stage throttling'}>
            <StageThrottleFields stageId={stageId} settings={stage.methodSettings} label="Throttling" />
          </Section>
          <Section title="Per-route throttling">
            <RouteOverrides stageId={stageId} />
          </Section>
        </>
      )}
      <Section title="Access logs" defaultOpen={stage.accessLogDestinationArn !== undefined}>
        <TextField
          label="Log destination ARN"
          fieldKey={`${stageId}.accessLogDestinationArn`}
          value={stage.accessLogDestinationArn ?? ''}
          placeholder="arn:aws:logs:us-east-1:123456789012:log-group:api-access"
          toOperation={(text) => patch(stageId, { accessLogDestinationArn: optionalText(text.trim()) })}
        />
        <TextField
          label="Log format"
          fieldKey={`${stageId}.accessLogFormat`}
          multiline
          monospace
          value={stage.accessLogFormat ?? ''}
          placeholder='{"requestId":"$context.requestId","status":"$context.status"}'
          toOperation={(text) => patch(stageId, { accessLogFormat: optionalText(text) })}
        />
      </Section>
      {isRest ? (
        <Section title="Firewall" defaultOpen={stage.webAclArn !== undefined}>
          <TextField
            label="AWS WAF web ACL ARN"
            fieldKey={`${stageId}.webAclArn`}
            value={stage.webAclArn ?? ''}
            placeholder="arn:aws:wafv2:us-east-1:123456789012:regional/webacl/name/id"
            toOperation={(text) => patch(stageId, { webAclArn: optionalText(text.trim()) })}
          />
        </Section>
      ) : null}
    </div>
  );
}
