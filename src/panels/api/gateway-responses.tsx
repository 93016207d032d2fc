import { Plus, Trash2 } from 'lucide-react';
import { memo, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type Design, type GatewayResponse, gatewayResponseTypes, refuse, setGatewayResponse } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState, inputClass, Section } from '../../ui/field';
import { KeyValueField, TextField } from '../fields';
import { useApply } from '../use-field-commit';

function change(type: string, build: (response: GatewayResponse) => GatewayResponse) {
  return (design: Design) => {
    const current = design.gatewayResponses[type];
    if (!current) refuse('not-found', `The gateway response ${type} was removed.`);
    return setGatewayResponse(design, type, build(current));
  };
}

const GatewayResponseRow = memo(function GatewayResponseRow({ type }: { type: string }) {
  const response = usePortico((s) => s.design.gatewayResponses[type]);
  const apply = useApply();
  if (!response) return null;
  return (
    <div className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-end gap-1">
        <h4 className="flex-1 font-mono text-xs font-semibold">{type}</h4>
        <Button
          size="sm"
          variant="ghost"
          icon={<Trash2 size={14} />}
          aria-label={`Remove gateway response ${type}`}
          onClick={() => apply('Remove gateway response', (design) => setGatewayResponse(design, type, undefined))}
        />
      </div>
      <TextField
        label="Status code"
        context={type}
        fieldKey={`gatewayResponse.${type}.status`}
        value={response.statusCode ?? ''}
        placeholder="Default for the type"
        toOperation={(text) =>
          change(type, (current) => {
            const { statusCode: _old, ...rest } = current;
            return text.trim() === '' ? rest : { ...rest, statusCode: text.trim() };
          })
        }
      />
      <KeyValueField
        label="Response headers"
        fieldKey={`gatewayResponse.${type}.parameters`}
        keyLabel="Header mapping"
        valueLabel="Value"
        keyPlaceholder="gatewayresponse.header.Access-Control-Allow-Origin"
        valuePlaceholder="'*'"
        value={response.responseParameters}
        toOperation={(responseParameters) => change(type, (current) => ({ ...current, responseParameters }))}
      />
      <KeyValueField
        label="Body templates"
        fieldKey={`gatewayResponse.${type}.templates`}
        keyLabel="Content type"
        valueLabel="Body template"
        keyPlaceholder="application/json"
        valuePlaceholder={'{"message": $context.error.messageString}'}
        multilineValue
        value={response.responseTemplates}
        toOperation={(responseTemplates) => change(type, (current) => ({ ...current, responseTemplates }))}
      />
    </div>
  );
});

/** Customised gateway responses: what API Gateway answers when it refuses a request itself (REST). */
export function GatewayResponses() {
  const types = usePortico(useShallow((s) => Object.keys(s.design.gatewayResponses)));
  const apply = useApply();
  const selectId = useId();
  const free = gatewayResponseTypes.filter((type) => !types.includes(type));
  const [choice, setChoice] = useState<string>('');
  const chosen = free.includes(choice as (typeof free)[number]) ? choice : (free[0] ?? '');
  return (
    <Section title="Gateway responses" defaultOpen={false}>
      {types.length === 0 ? (
        <EmptyState>
          API Gateway's own error answers are not customised. Add one, e.g. DEFAULT_4XX, to add CORS headers to errors.
        </EmptyState>
      ) : null}
      {types.map((type) => (
        <GatewayResponseRow key={type} type={type} />
      ))}
      {free.length > 0 ? (
        <div className="flex items-end gap-1">
          <div className="flex-1">
            <label htmlFor={selectId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
              Response type
            </label>
            <select id={selectId} className={inputClass} value={chosen} onChange={(event) => setChoice(event.target.value)}>
              {free.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </div>
          <Button
            size="sm"
            icon={<Plus size={14} />}
            onClick={() =>
              apply('Add gateway response', (design) =>
                setGatewayResponse(design, chosen, { responseParameters: {}, responseTemplates: {} }),
              )
            }
          >
            Add
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
