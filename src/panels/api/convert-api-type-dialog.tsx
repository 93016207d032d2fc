import { useId, useMemo } from 'react';
import type { ApiType } from '../../core/model';
// Not through the model index: the converter loads with the API panel, not before first paint.
import {
  type ApiTypeChangePlan,
  type ConversionItem,
  changeApiType,
  planApiTypeChange,
} from '../../core/model/operations/convert-api-type';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

export const apiTypeNames: Record<ApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };
const article = (type: ApiType) => (type === 'HTTP' ? 'an' : 'a');
const undoKeys = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

const tones = {
  blocked: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950',
  removed: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950',
  converted: 'border-slate-200 dark:border-slate-700',
} as const;

function PlanSection({ kind, title, intro, items }: { kind: keyof typeof tones; title: string; intro: string; items: ConversionItem[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={`plan-${kind}`} className={`mt-3 rounded-md border p-3 ${tones[kind]}`}>
      <h3 id={headingId} className="text-sm font-semibold">
        {title} ({items.length.toLocaleString('en')})
      </h3>
      <p className="mt-0.5 text-xs text-slate-700 dark:text-slate-300">{intro}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {items.map((item, index) => (
          // Subjects repeat (two stages can each have a cache), so the position is part of the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is recomputed whole, never reordered
          <li key={`${index}:${item.subject}`}>
            <span className="font-medium">{item.subject}</span>
            <span className="text-slate-700 dark:text-slate-300">: {item.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function introduction(plan: ApiTypeChangePlan): string {
  const from = `${article(plan.from)} ${apiTypeNames[plan.from]}`;
  const to = `${article(plan.to)} ${apiTypeNames[plan.to]}`;
  return `This converts the whole design from ${from} to ${to}. Nothing changes until you choose Convert; then everything listed happens in one step, and ${undoKeys} undoes it. Nothing that is not listed changes.`;
}

function totals(plan: ApiTypeChangePlan): string {
  const parts = [`${plan.removed.length} removed`, `${plan.converted.length} converted`];
  if (plan.blocked.length > 0) parts.unshift(`${plan.blocked.length} blocked`);
  return `${parts.join(', ')}.`;
}

/**
 * Asks before converting the design to another API type, showing everything the change does: what
 * converts, what is removed and what blocks it. One confirmation applies it as one undo step.
 */
export function ConvertApiTypeDialog({ to, onClose }: { to: ApiType | null; onClose: () => void }) {
  const design = usePortico((s) => s.design);
  const store = usePorticoStore();
  const plan = useMemo(() => (to && to !== design.api.type ? planApiTypeChange(design, to) : undefined), [design, to]);
  const blocked = plan !== undefined && plan.blocked.length > 0;
  const reasonId = useId();
  const convert = () => {
    if (!plan || blocked) return;
    const label = `Convert to ${apiTypeNames[plan.to]}`;
    if (!store.getState().apply(label, (current) => changeApiType(current, plan.to))) return;
    const converted = store.getState().design;
    onClose();
    store.getState().notify({
      tone: 'success',
      message: `Converted to ${article(plan.to)} ${apiTypeNames[plan.to]}${plan.removed.length > 0 ? `; ${plan.removed.length} listed ${plan.removed.length === 1 ? 'item was' : 'items were'} removed` : ''}. Press ${undoKeys} to undo the whole conversion.`,
      action: {
        label: 'Undo',
        run: () => {
          // Only while the conversion is still the latest change: never undo a later edit by mistake.
          if (store.getState().design === converted) store.getState().undo();
        },
      },
    });
  };
  return (
    <Dialog
      open={plan !== undefined}
      wide
      title={plan ? `Convert to ${article(plan.to)} ${apiTypeNames[plan.to]}?` : 'Convert'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={convert} disabled={blocked} aria-describedby={blocked ? reasonId : undefined}>
            {plan ? `Convert to ${apiTypeNames[plan.to]}` : 'Convert'}
          </Button>
        </>
      }
    >
      {plan ? (
        <>
          <p>{introduction(plan)}</p>
          <p className="mt-1 font-medium">{totals(plan)}</p>
          {blocked ? (
            <p id={reasonId} role="alert" className="mt-2 font-medium text-red-800 dark:text-red-200">
              {plan.blocked.length === 1 ? 'One thing blocks' : `${plan.blocked.length} things block`} the conversion: change{' '}
              {plan.blocked.length === 1 ? 'it' : 'them'} first, then choose the API type again.
            </p>
          ) : null}
          {/* The plan of a big design is long: it scrolls on its own, and takes the focus so that the arrow keys scroll it. */}
          <section
            aria-label="Conversion plan"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
            data-testid="convert-api-type-plan"
            className="mt-1 max-h-[55vh] overflow-auto rounded focus-visible:outline-2 focus-visible:outline-violet-600"
          >
            {blocked ? (
              <PlanSection
                kind="blocked"
                title="Blocked"
                intro="These cannot be converted. What to do is said with each."
                items={plan.blocked}
              />
            ) : null}
            {plan.removed.length > 0 ? (
              <PlanSection
                kind="removed"
                title="Removed"
                intro={`${apiTypeNames[plan.to]}s have no equivalent of these: they are deleted.`}
                items={plan.removed}
              />
            ) : null}
            <PlanSection kind="converted" title="Converted" intro="These carry over, as described." items={plan.converted} />
          </section>
        </>
      ) : null}
    </Dialog>
  );
}
