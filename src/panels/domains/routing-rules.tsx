import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  addRoutingRule,
  applyOperation,
  type Design,
  type DomainId,
  deleteRoutingRule,
  type HeaderCondition,
  nextRulePriority,
  type RoutingRule,
  refuse,
  routingRuleLimits,
  type StageId,
  updateDomain,
  updateRoutingRule,
} from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { FieldShell, inputClass } from '../../ui/field';
import { parseNumberDraft } from '../drafts';
import { CheckboxField, NumberField, SelectField, type SelectOption, TextField } from '../fields';
import { type Operation, useApply } from '../use-field-commit';
import { useStageOptions, withMissingStage } from './stage-options';

const { headerConditions, basePathConditions, rulesPerDomain } = routingRuleLimits;

/**
 * The rule at `index` in the order rules were added, found when the operation runs: fields keep their
 * place while its priority (which identifies it to the operations) is being typed.
 */
function onRule(domainId: DomainId, index: number, change: (design: Design, rule: RoutingRule) => Design): Operation {
  return (design) => {
    const rule = design.domains[domainId]?.routingRules[index];
    if (!rule) refuse('not-found', 'This routing rule was removed.');
    return change(design, rule);
  };
}

function patchRule(domainId: DomainId, index: number, build: (rule: RoutingRule) => Partial<RoutingRule>): Operation {
  return onRule(domainId, index, (design, rule) => updateRoutingRule(design, domainId, rule.priority, build(rule)));
}

/** A domain's routing rules (REST APIs): each rule's priority, conditions and action, with AWS's limits shown. */
export function RoutingRules({ domainId }: { domainId: DomainId }) {
  const domain = usePortico((s) => s.design.domains[domainId]);
  const stages = useStageOptions();
  const apply = useApply();
  if (!domain) return null;
  const count = domain.routingRules.length;
  return (
    <div className="space-y-2" data-testid="routing-rules">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        A rule sends the requests that match all its conditions to a stage. API Gateway tries rules from the lowest priority (1) up to
        1,000,000; a rule without conditions matches every request. Each rule has up to {headerConditions} header conditions and{' '}
        {basePathConditions} base path; a domain has up to {rulesPerDomain} rules ({count} used).
      </p>
      {domain.routingMode === 'API_MAPPING_ONLY' ? (
        <div
          className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950"
          role="note"
        >
          <p>
            This domain routes by API mappings only, where API Gateway allows no routing rule
            {count > 0 ? ` (its ${count === 1 ? 'rule is' : `${count} rules are`} kept but unused)` : ''}.
          </p>
          <Button
            size="sm"
            onClick={() =>
              apply('Route by rules, then API mappings', (design) =>
                updateDomain(design, domainId, { routingMode: 'ROUTING_RULE_THEN_API_MAPPING' }),
              )
            }
          >
            Route by rules, then API mappings
          </Button>
        </div>
      ) : null}
      <ol aria-label={`Routing rules of ${domain.domainName}`} className="space-y-2">
        {domain.routingRules.map((rule, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rules are identified by priority, which is typed in the row itself.
          <li key={index}>
            <RuleRow domainId={domainId} index={index} rule={rule} stages={stages} domainName={domain.domainName} />
          </li>
        ))}
      </ol>
      {domain.routingMode !== 'API_MAPPING_ONLY' && stages.length > 0 ? (
        count >= rulesPerDomain ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            This domain has {rulesPerDomain} rules, the most API Gateway allows; remove one to add another.
          </p>
        ) : (
          <AddRule domainId={domainId} stages={stages} />
        )
      ) : null}
      {stages.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Add a stage in the Stages tab first: a rule invokes a stage.</p>
      ) : null}
    </div>
  );
}

function RuleRow({
  domainId,
  index,
  rule,
  stages,
  domainName,
}: {
  domainId: DomainId;
  index: number;
  rule: RoutingRule;
  stages: SelectOption[];
  domainName: string;
}) {
  const apply = useApply();
  const context = `Rule ${rule.priority} of ${domainName}:`;
  const headers = rule.conditions.headers;
  return (
    <div className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700" data-testid="routing-rule">
      <div className="flex items-end gap-1">
        <NumberField
          className="w-28"
          label="Priority"
          context={context}
          fieldKey={`${domainId}.rule.${index}.priority`}
          opLabel="Change rule priority"
          hint="1–1,000,000"
          value={rule.priority}
          toOperation={(priority) => patchRule(domainId, index, () => ({ priority: priority ?? Number.NaN }))}
        />
        <SelectField
          className="flex-1"
          label="Invoke stage"
          context={context}
          fieldKey={`${domainId}.rule.${index}.stage`}
          opLabel="Change rule action"
          value={rule.action.stageId}
          options={withMissingStage(stages, rule.action.stageId)}
          toOperation={(stageId) =>
            patchRule(domainId, index, (current) => ({ action: { ...current.action, stageId: stageId as StageId } }))
          }
        />
        <IconButton
          label={`Remove routing rule ${rule.priority}`}
          icon={<Trash2 size={14} />}
          onClick={() =>
            apply(
              'Remove routing rule',
              onRule(domainId, index, (d, current) => deleteRoutingRule(d, domainId, current.priority)),
            )
          }
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">
          Header conditions ({headers.length} of {headerConditions})
        </legend>
        {headers.map((condition, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; the position is stable while typing.
          <div key={position} className="flex items-end gap-1">
            <TextField
              className="flex-1"
              label="Header"
              context={`${context} condition ${position + 1}`}
              fieldKey={`${domainId}.rule.${index}.header.${position}.name`}
              opLabel="Change rule condition"
              value={condition.header}
              monospace
              toOperation={(header) => patchRule(domainId, index, (current) => ({ conditions: withHeader(current, position, { header }) }))}
            />
            <TextField
              className="flex-1"
              label="Value (glob)"
              context={`${context} condition ${position + 1}`}
              fieldKey={`${domainId}.rule.${index}.header.${position}.value`}
              opLabel="Change rule condition"
              value={condition.valueGlob}
              monospace
              toOperation={(valueGlob) =>
                patchRule(domainId, index, (current) => ({ conditions: withHeader(current, position, { valueGlob }) }))
              }
            />
            <IconButton
              label={`Remove header condition ${condition.header} of rule ${rule.priority}`}
              icon={<Trash2 size={14} />}
              onClick={() =>
                apply(
                  'Remove rule condition',
                  patchRule(domainId, index, (current) => ({
                    conditions: { ...current.conditions, headers: current.conditions.headers.filter((_, other) => other !== position) },
                  })),
                )
              }
            />
          </div>
        ))}
        {headers.length < headerConditions ? <AddHeaderCondition domainId={domainId} index={index} context={context} /> : null}
      </fieldset>
      <TextField
        label="Base path condition"
        context={context}
        fieldKey={`${domainId}.rule.${index}.basePath`}
        opLabel="Change rule condition"
        hint="Empty: any base path."
        value={rule.conditions.basePaths[0] ?? ''}
        monospace
        toOperation={(text) =>
          patchRule(domainId, index, (current) => ({
            conditions: { ...current.conditions, basePaths: text.trim() === '' ? [] : [text] },
          }))
        }
      />
      <CheckboxField
        label="Strip the base path before invoking the stage"
        context={context}
        fieldKey={`${domainId}.rule.${index}.strip`}
        opLabel="Change rule action"
        value={rule.action.stripBasePath}
        toOperation={(stripBasePath) => patchRule(domainId, index, (current) => ({ action: { ...current.action, stripBasePath } }))}
      />
    </div>
  );
}

function withHeader(rule: RoutingRule, position: number, change: Partial<HeaderCondition>): RoutingRule['conditions'] {
  return {
    ...rule.conditions,
    headers: rule.conditions.headers.map((condition, other) => (other === position ? { ...condition, ...change } : condition)),
  };
}

/** Header and value typed together, checked when added (a half-typed condition is not a rule API Gateway takes). */
function AddHeaderCondition({ domainId, index, context }: { domainId: DomainId; index: number; context: string }) {
  const apply = useApply();
  const store = usePorticoStore();
  const [header, setHeader] = useState('');
  const [valueGlob, setValueGlob] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const operation = patchRule(domainId, index, (current) => ({
    conditions: { ...current.conditions, headers: [...current.conditions.headers, { header, valueGlob }] },
  }));
  const submit = () => {
    const result = applyOperation(store.getState().design, operation);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (apply('Add rule condition', operation)) {
      setHeader('');
      setValueGlob('');
      setError(undefined);
    }
  };
  return (
    <div className="space-y-1">
      <div className="flex items-end gap-1">
        <FieldShell label="New header" context={context} className="flex-1">
          {({ inputId }) => (
            <input
              id={inputId}
              className={`${inputClass} font-mono text-xs`}
              value={header}
              placeholder="x-version"
              onChange={(event) => {
                setHeader(event.target.value);
                setError(undefined);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') submit();
              }}
            />
          )}
        </FieldShell>
        <FieldShell label="New value (glob)" context={context} className="flex-1">
          {({ inputId }) => (
            <input
              id={inputId}
              className={`${inputClass} font-mono text-xs`}
              value={valueGlob}
              placeholder="beta*"
              onChange={(event) => {
                setValueGlob(event.target.value);
                setError(undefined);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') submit();
              }}
            />
          )}
        </FieldShell>
        <Button size="sm" icon={<Plus size={14} />} onClick={submit}>
          Add header
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Header names match in any case; values exactly, with * only first or last.
        </p>
      )}
    </div>
  );
}

/** A new rule: its priority (the next free one with room around it), one optional condition of each kind, the stage. */
function AddRule({ domainId, stages }: { domainId: DomainId; stages: SelectOption[] }) {
  const store = usePorticoStore();
  const suggested = usePortico((s) => {
    const domain = s.design.domains[domainId];
    return domain ? nextRulePriority(domain) : 100;
  });
  const [priority, setPriority] = useState('');
  const [header, setHeader] = useState('');
  const [valueGlob, setValueGlob] = useState('');
  const [basePath, setBasePath] = useState('');
  const [stageId, setStageId] = useState(stages[0]?.value ?? '');
  const [stripBasePath, setStripBasePath] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const chosen = stages.some((stage) => stage.value === stageId) ? stageId : (stages[0]?.value ?? '');
  const submit = () => {
    const typed = parseNumberDraft(priority, true);
    if (!typed.ok) {
      setError(`The priority: ${typed.message}`);
      return;
    }
    if (header.trim() === '' && valueGlob.trim() !== '') {
      setError('Give the header the value goes with, or clear the value.');
      return;
    }
    const rule: RoutingRule = {
      priority: typed.value ?? suggested,
      conditions: {
        headers: header.trim() === '' ? [] : [{ header, valueGlob: valueGlob.trim() === '' ? '*' : valueGlob }],
        basePaths: basePath.trim() === '' ? [] : [basePath],
      },
      action: { stageId: chosen as StageId, stripBasePath },
    };
    const operation = (design: Design) => addRoutingRule(design, domainId, rule);
    const result = applyOperation(store.getState().design, operation);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (store.getState().apply('Add routing rule', operation)) {
      setPriority('');
      setHeader('');
      setValueGlob('');
      setBasePath('');
      setStripBasePath(false);
      setError(undefined);
    }
  };
  const field = (label: string, value: string, set: (text: string) => void, placeholder?: string, monospace = true) => (
    <FieldShell label={label} className="flex-1">
      {({ inputId }) => (
        <input
          id={inputId}
          className={`${inputClass} ${monospace ? 'font-mono text-xs' : ''}`}
          value={value}
          placeholder={placeholder}
          onChange={(event) => {
            set(event.target.value);
            setError(undefined);
          }}
        />
      )}
    </FieldShell>
  );
  return (
    <form
      className="space-y-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600"
      aria-label="Add a routing rule"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="text-xs font-medium text-slate-700 dark:text-slate-300">New routing rule</p>
      <div className="flex items-end gap-1">
        {field('Rule priority', priority, setPriority, String(suggested), false)}
        <FieldShell label="Rule invokes stage" className="flex-1">
          {({ inputId }) => (
            <select id={inputId} className={inputClass} value={chosen} onChange={(event) => setStageId(event.target.value)}>
              {stages.map((stage) => (
                <option key={stage.value} value={stage.value}>
                  {stage.label}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </div>
      <div className="flex items-end gap-1">
        {field('Rule header', header, setHeader, 'x-version')}
        {field('Rule header value (glob)', valueGlob, setValueGlob, 'beta*')}
      </div>
      {field('Rule base path', basePath, setBasePath, 'orders')}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4 accent-violet-600"
          checked={stripBasePath}
          onChange={(event) => setStripBasePath(event.target.checked)}
        />
        Strip the base path
      </label>
      {error ? (
        <p role="alert" data-testid="field-error" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="submit" size="sm" icon={<Plus size={14} />}>
        Add rule
      </Button>
    </form>
  );
}
