import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  addApiMapping,
  applyOperation,
  type Design,
  type DomainId,
  deleteApiMapping,
  refuse,
  type StageId,
  updateApiMapping,
} from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { FieldShell, inputClass } from '../../ui/field';
import { SelectField, TextField } from '../fields';
import { type Operation, useApply } from '../use-field-commit';
import { useStageOptions, withMissingStage } from './stage-options';

/** The operation on the mapping at `index`, found when it runs (its base path may have changed since). */
function onMapping(domainId: DomainId, index: number, change: (design: Design, basePath: string) => Design): Operation {
  return (design) => {
    const mapping = design.domains[domainId]?.mappings[index];
    if (!mapping) refuse('not-found', 'This API mapping was removed.');
    return change(design, mapping.basePath);
  };
}

const rootLabel = '(root)';

/** The API mappings of a domain: base path → stage, each editable, and a form to add one. */
export function ApiMappings({ domainId }: { domainId: DomainId }) {
  const domain = usePortico((s) => s.design.domains[domainId]);
  const stages = useStageOptions();
  const apply = useApply();
  if (!domain) return null;
  const unused = domain.routingMode === 'ROUTING_RULE_ONLY';
  return (
    <div className="space-y-2" data-testid="api-mappings">
      <p className="text-xs text-slate-600 dark:text-slate-300">
        A request to https://{domain.domainName}/<em>base path</em>/… goes to the stage its base path maps to; an empty base path maps the
        domain's root.
      </p>
      {unused ? (
        <p className="text-xs text-amber-700 dark:text-amber-300" role="note">
          This domain routes by routing rules only, so API Gateway uses none of these mappings; change the routing mode to use them.
        </p>
      ) : null}
      {domain.mappings.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">No API mappings yet.</p> : null}
      <ul aria-label={`API mappings of ${domain.domainName}`} className="space-y-1">
        {domain.mappings.map((mapping, index) => {
          const name = mapping.basePath === '' ? rootLabel : mapping.basePath;
          return (
            // Keyed by position: the base path is being edited in the row itself.
            // biome-ignore lint/suspicious/noArrayIndexKey: mappings have no id; the position is stable while typing.
            <li key={index} className="flex items-end gap-1">
              <TextField
                className="flex-1"
                label="Base path"
                context={`Mapping ${index + 1} of ${domain.domainName}:`}
                fieldKey={`${domainId}.mapping.${index}.basePath`}
                opLabel="Change API mapping"
                value={mapping.basePath}
                placeholder={rootLabel}
                monospace
                toOperation={(basePath) => onMapping(domainId, index, (d, current) => updateApiMapping(d, domainId, current, { basePath }))}
              />
              <SelectField
                className="flex-1"
                label="Stage"
                context={`Mapping ${index + 1} of ${domain.domainName}:`}
                fieldKey={`${domainId}.mapping.${index}.stage`}
                opLabel="Change API mapping"
                value={mapping.stageId}
                options={withMissingStage(stages, mapping.stageId)}
                toOperation={(stageId) =>
                  onMapping(domainId, index, (d, current) => updateApiMapping(d, domainId, current, { stageId: stageId as StageId }))
                }
              />
              <IconButton
                label={`Remove the mapping of ${name}`}
                icon={<Trash2 size={14} />}
                onClick={() =>
                  apply(
                    'Remove API mapping',
                    onMapping(domainId, index, (d, current) => deleteApiMapping(d, domainId, current)),
                  )
                }
              />
            </li>
          );
        })}
      </ul>
      {stages.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Add a stage in the Stages tab first: a mapping sends traffic to a stage.
        </p>
      ) : (
        <AddMapping domainId={domainId} stages={stages} />
      )}
    </div>
  );
}

function AddMapping({ domainId, stages }: { domainId: DomainId; stages: { value: string; label: string }[] }) {
  const store = usePorticoStore();
  const [basePath, setBasePath] = useState('');
  const [stageId, setStageId] = useState(stages[0]?.value ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const chosen = stages.some((stage) => stage.value === stageId) ? stageId : (stages[0]?.value ?? '');
  const submit = () => {
    const operation = (design: Design) => addApiMapping(design, domainId, { basePath, stageId: chosen as StageId });
    const result = applyOperation(store.getState().design, operation);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (store.getState().apply('Add API mapping', operation)) {
      setBasePath('');
      setError(undefined);
    }
  };
  return (
    <form
      className="space-y-1 rounded border border-dashed border-slate-300 p-2 dark:border-slate-600"
      aria-label="Add an API mapping"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="flex items-start gap-1">
        <FieldShell label="New mapping's base path" error={error} className="flex-1">
          {({ inputId, describedBy, invalid }) => (
            <input
              id={inputId}
              className={`${inputClass} font-mono text-xs`}
              value={basePath}
              placeholder={rootLabel}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setBasePath(event.target.value);
                setError(undefined);
              }}
            />
          )}
        </FieldShell>
        <FieldShell label="to stage" className="flex-1">
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
      <Button type="submit" size="sm" icon={<Plus size={14} />}>
        Add mapping
      </Button>
    </form>
  );
}
