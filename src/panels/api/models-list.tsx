import { Plus, Trash2 } from 'lucide-react';
import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addModel, deleteModel, type ModelId, updateModel } from '../../core/model';
import { renameModelEverywhere } from '../../core/model/operations/rename-references';
import { usePortico, usePorticoStore } from '../../state/context';
import { renameOperation } from '../../state/rename-notice';
import { Button } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { JsonField, optionalText, TextField } from '../fields';
import { freeName } from '../inspector/owner';
import { useReveal } from '../reveal';
import { useApply } from '../use-field-commit';

const ModelRow = memo(function ModelRow({ id }: { id: ModelId }) {
  const model = usePortico((s) => s.design.models[id]);
  const apply = useApply();
  const store = usePorticoStore();
  const ref = useRef<HTMLDivElement>(null);
  useReveal('model', id, ref, model !== undefined);
  if (!model) return null;
  return (
    <div ref={ref} className="scroll-mt-2 space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700" data-testid={`model-${id}`}>
      <div className="flex items-end gap-1">
        <TextField
          className="flex-1"
          label="Model name"
          fieldKey={`${id}.name`}
          value={model.name}
          toOperation={(name) => renameOperation(store, `${id}.name`, (design) => renameModelEverywhere(design, id, name.trim()))}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={<Trash2 size={14} />}
          aria-label={`Delete model ${model.name}`}
          onClick={() => apply('Delete model', (design) => deleteModel(design, id))}
        />
      </div>
      <TextField
        label="Model content type"
        fieldKey={`${id}.contentType`}
        value={model.contentType}
        toOperation={(contentType) => (design) => updateModel(design, id, { contentType: contentType.trim() || 'application/json' })}
      />
      <TextField
        label="Model description"
        fieldKey={`${id}.description`}
        value={model.description ?? ''}
        toOperation={(text) => (design) => updateModel(design, id, { description: optionalText(text) })}
      />
      <JsonField
        label="JSON schema"
        fieldKey={`${id}.schema`}
        value={model.schema}
        hint='JSON Schema draft 4; refer to other models as {"$ref": "#/components/schemas/Name"}. Checked when you leave the field.'
        toOperation={(schema) => (design) => updateModel(design, id, { schema: schema ?? {} })}
      />
    </div>
  );
});

/** Models: named JSON schemas for request and response bodies. */
export function ModelsList() {
  const ids = usePortico(useShallow((s) => Object.keys(s.design.models) as ModelId[]));
  const apply = useApply();
  return (
    <Section title="Models" defaultOpen={false}>
      {ids.length === 0 ? <EmptyState>No models. Add one to describe a request or response body once and reuse it.</EmptyState> : null}
      {ids.map((id) => (
        <ModelRow key={id} id={id} />
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply('Add model', (design) =>
            addModel(design, {
              name: freeName(
                'Model',
                Object.values(design.models).map((model) => model.name),
              ),
              contentType: 'application/json',
              schema: { type: 'object', properties: {} },
            }),
          )
        }
      >
        Add model
      </Button>
    </Section>
  );
}
