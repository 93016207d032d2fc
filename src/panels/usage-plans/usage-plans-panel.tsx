import { Plus, Trash2 } from 'lucide-react';
import { memo, type RefObject, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type ApiKeyId,
  addUsagePlan,
  createId,
  type Design,
  deleteUsagePlan,
  maxQuotaOffset,
  type Quota,
  quotaPeriods,
  refuse,
  type Throttle,
  type UsagePlanId,
  type UsagePlanPatch,
  updateUsagePlan,
} from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { ConfirmDelete } from '../confirm-delete';
import { CheckboxField, NumberField, optionalText, SelectField, TextField } from '../fields';
import { freeName } from '../inspector/owner';
import { pack, unpack } from '../pairs';
import { revealElement, settleReveal, useReveal, useRevealRequest } from '../reveal';
import { type Operation, useApply } from '../use-field-commit';
import { ApiKeys } from './api-keys';
import { PlanStages } from './plan-stages';

function patch(planId: UsagePlanId, build: (plan: NonNullable<Design['usagePlans'][UsagePlanId]>) => UsagePlanPatch): Operation {
  return (design: Design) => {
    const plan = design.usagePlans[planId];
    if (!plan) refuse('not-found', 'This usage plan was deleted.');
    return updateUsagePlan(design, planId, build(plan));
  };
}

const defaultThrottle: Throttle = { rateLimit: 100, burstLimit: 200 };
const defaultQuota: Quota = { limit: 10_000, period: 'MONTH', offset: 0 };

const PlanRow = memo(function PlanRow({ id }: { id: UsagePlanId }) {
  const plan = usePortico((s) => s.design.usagePlans[id]);
  const keys = usePortico(useShallow((s) => Object.values(s.design.apiKeys).map((key) => pack(key.id, key.name))));
  const apply = useApply();
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useReveal('usage-plan', id, ref, plan !== undefined);
  if (!plan) return null;
  return (
    <div
      ref={ref}
      className="scroll-mt-2 space-y-2 rounded border border-slate-200 p-2 dark:border-slate-700"
      data-testid={`usage-plan-${id}`}
    >
      <div className="flex items-end gap-1">
        <TextField
          className="flex-1"
          label="Plan name"
          fieldKey={`${id}.name`}
          value={plan.name}
          toOperation={(name) => patch(id, () => ({ name }))}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={<Trash2 size={14} />}
          aria-label={`Delete usage plan ${plan.name}`}
          onClick={() => setConfirming(true)}
        />
      </div>
      <TextField
        label="Plan description"
        fieldKey={`${id}.description`}
        value={plan.description ?? ''}
        toOperation={(text) => patch(id, () => ({ description: optionalText(text) }))}
      />
      <CheckboxField
        label="Throttle requests"
        fieldKey={`${id}.throttle.enabled`}
        value={plan.throttle !== undefined}
        toOperation={(enabled) => patch(id, () => ({ throttle: enabled ? defaultThrottle : undefined }))}
      />
      {plan.throttle ? (
        <div className="grid grid-cols-2 gap-2">
          <NumberField
            label="Rate (requests per second)"
            fieldKey={`${id}.throttle.rate`}
            value={plan.throttle.rateLimit}
            toOperation={(rateLimit) =>
              patch(id, (current) => ({ throttle: { ...(current.throttle ?? defaultThrottle), rateLimit: rateLimit ?? 0 } }))
            }
          />
          <NumberField
            label="Burst (requests)"
            fieldKey={`${id}.throttle.burst`}
            value={plan.throttle.burstLimit}
            toOperation={(burstLimit) =>
              patch(id, (current) => ({ throttle: { ...(current.throttle ?? defaultThrottle), burstLimit: burstLimit ?? 0 } }))
            }
          />
        </div>
      ) : null}
      <CheckboxField
        label="Quota"
        fieldKey={`${id}.quota.enabled`}
        value={plan.quota !== undefined}
        toOperation={(enabled) => patch(id, () => ({ quota: enabled ? defaultQuota : undefined }))}
      />
      {plan.quota ? (
        <div className="grid grid-cols-3 gap-2">
          <NumberField
            label="Quota limit (requests)"
            fieldKey={`${id}.quota.limit`}
            value={plan.quota.limit}
            toOperation={(limit) => patch(id, (current) => ({ quota: { ...(current.quota ?? defaultQuota), limit: limit ?? 0 } }))}
          />
          <SelectField
            label="Quota period"
            fieldKey={`${id}.quota.period`}
            value={plan.quota.period}
            options={quotaPeriods.map((value) => ({ value, label: value === 'DAY' ? 'Day' : value === 'WEEK' ? 'Week' : 'Month' }))}
            toOperation={(value) =>
              patch(id, (current) => {
                const period = value as Quota['period'];
                const quota = current.quota ?? defaultQuota;
                return { quota: { ...quota, period, offset: Math.min(quota.offset, maxQuotaOffset(period)) } };
              })
            }
          />
          <NumberField
            label="Quota offset (days)"
            fieldKey={`${id}.quota.offset`}
            hint={`0–${maxQuotaOffset(plan.quota.period)}`}
            value={plan.quota.offset}
            toOperation={(offset) => patch(id, (current) => ({ quota: { ...(current.quota ?? defaultQuota), offset: offset ?? 0 } }))}
          />
        </div>
      ) : null}
      <PlanStages plan={plan} />
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">API keys attached</legend>
        {keys.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">No API keys yet: add one below.</p> : null}
        {keys.map((entry) => {
          const { id: keyId, label: name } = unpack<ApiKeyId>(entry);
          return (
            <CheckboxField
              key={keyId}
              label={`Attach ${name}`}
              fieldKey={`${id}.key.${keyId}`}
              opLabel="Change plan keys"
              value={plan.apiKeyIds.includes(keyId)}
              toOperation={(attached) =>
                patch(id, (current) => ({
                  apiKeyIds: attached
                    ? current.apiKeyIds.includes(keyId)
                      ? current.apiKeyIds
                      : [...current.apiKeyIds, keyId]
                    : current.apiKeyIds.filter((other) => other !== keyId),
                }))
              }
            />
          );
        })}
      </fieldset>
      <ConfirmDelete
        open={confirming}
        what="usage plan"
        name={plan.name}
        onClose={() => setConfirming(false)}
        onDelete={() => apply('Delete usage plan', (design) => deleteUsagePlan(design, id))}
      >
        <p>Its API keys stay but lose this plan's access. You can undo this.</p>
      </ConfirmDelete>
    </div>
  );
});

function UsagePlans() {
  const ids = usePortico(useShallow((s) => Object.keys(s.design.usagePlans) as UsagePlanId[]));
  const apply = useApply();
  return (
    <Section title="Usage plans">
      {ids.length === 0 ? (
        <EmptyState>No usage plans. A plan sets throttling and a quota for the API keys attached to it on the stages it covers.</EmptyState>
      ) : null}
      {ids.map((id) => (
        <PlanRow key={id} id={id} />
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply('Add usage plan', (design) =>
            addUsagePlan(design, {
              id: createId('UsagePlan'),
              name: freeName(
                'Plan',
                Object.values(design.usagePlans).map((plan) => plan.name),
              ),
            }),
          )
        }
      >
        Add usage plan
      </Button>
    </Section>
  );
}

/**
 * An API key found with Ctrl+K. Its row is drawn by `ApiKeys`, found here by the `api-key-<id>` test id
 * that row carries.
 */
function useRevealApiKey(panelRef: RefObject<HTMLDivElement | null>): void {
  const request = useRevealRequest('api-key');
  useEffect(() => {
    if (!request) return;
    const frame = requestAnimationFrame(() => {
      settleReveal(request);
      const row = panelRef.current?.querySelector<HTMLElement>(`[data-testid="api-key-${CSS.escape(request.id)}"]`);
      if (row) revealElement(row);
    });
    return () => cancelAnimationFrame(frame);
  }, [request, panelRef]);
}

/** Usage plans and API keys (REST); for other API types, why they are not here. */
export function UsagePlansPanel() {
  const apiType = usePortico((s) => s.design.api.type);
  const panelRef = useRef<HTMLDivElement>(null);
  useRevealApiKey(panelRef);
  return (
    <div ref={panelRef} className="space-y-2 p-3 text-sm" data-testid="usage-plans-panel">
      <h2 className="text-sm font-semibold">Usage plans and API keys</h2>
      {apiType === 'HTTP' ? (
        <EmptyState>
          HTTP APIs have no usage plans or API keys: API Gateway offers them for REST APIs (and API keys for WebSocket APIs). Throttle an
          HTTP API per stage and per route in the Stages tab, and authenticate callers with a JWT, Lambda or IAM authorizer. Convert the API
          to REST in the API tab if you need metered keys.
        </EmptyState>
      ) : null}
      {apiType === 'WEBSOCKET' ? (
        <>
          <EmptyState>
            Portico models usage plans for REST APIs only. WebSocket routes can still require an API key; throttle WebSocket stages and
            routes in the Stages tab.
          </EmptyState>
          <ApiKeys emptyText="No API keys. Add one for callers of routes that require an API key." />
        </>
      ) : null}
      {apiType === 'REST' ? (
        <>
          <UsagePlans />
          <ApiKeys />
        </>
      ) : null}
    </div>
  );
}
