import { Plus, Trash2 } from 'lucide-react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type ApiKeyId, addApiKey, deleteApiKey, updateApiKey } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { CheckboxField, optionalText, TextField } from '../fields';
import { freeName } from '../inspector/owner';
import { useApply } from '../use-field-commit';

const ApiKeyRow = memo(function ApiKeyRow({ id }: { id: ApiKeyId }) {
  const key = usePortico((s) => s.design.apiKeys[id]);
  const apply = useApply();
  if (!key) return null;
  return (
    <div className="space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700" data-testid={`api-key-${id}`}>
      <div className="flex items-end gap-1">
        <TextField
          className="flex-1"
          label="Key name"
          fieldKey={`${id}.name`}
          value={key.name}
          toOperation={(name) => (design) => updateApiKey(design, id, { name })}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={<Trash2 size={14} />}
          aria-label={`Delete API key ${key.name}`}
          onClick={() => apply('Delete API key', (design) => deleteApiKey(design, id))}
        />
      </div>
      <TextField
        label="Key description"
        fieldKey={`${id}.description`}
        value={key.description ?? ''}
        toOperation={(text) => (design) => updateApiKey(design, id, { description: optionalText(text) })}
      />
      <CheckboxField
        label="Enabled"
        fieldKey={`${id}.enabled`}
        value={key.enabled}
        toOperation={(enabled) => (design) => updateApiKey(design, id, { enabled })}
      />
      <TextField
        label="Key value"
        fieldKey={`${id}.value`}
        value={key.value ?? ''}
        placeholder="Generated at deploy"
        monospace
        hint={
          key.value
            ? '20–128 characters. Anyone who reads the design file sees it.'
            : 'Empty: API Gateway generates the value at deploy time.'
        }
        toOperation={(text) => (design) => updateApiKey(design, id, { value: text })}
      />
    </div>
  );
});

/** API keys: who may call methods that require a key, through the usage plans they are attached to. */
export function ApiKeys({ emptyText = 'No API keys. Add one, then attach it to a usage plan.' }: { emptyText?: string }) {
  const ids = usePortico(useShallow((s) => Object.keys(s.design.apiKeys) as ApiKeyId[]));
  const apply = useApply();
  return (
    <Section title="API keys">
      {ids.length === 0 ? <EmptyState>{emptyText}</EmptyState> : null}
      {ids.map((id) => (
        <ApiKeyRow key={id} id={id} />
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply('Add API key', (design) =>
            addApiKey(design, {
              name: freeName(
                'api-key',
                Object.values(design.apiKeys).map((key) => key.name),
              ),
            }),
          )
        }
      >
        Add API key
      </Button>
    </Section>
  );
}
