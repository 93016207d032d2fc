import { Plus, Trash2 } from 'lucide-react';
import { memo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addRequestValidator, deleteRequestValidator, type RequestValidatorId, updateApi, updateRequestValidator } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState, Section } from '../../ui/field';
import { CheckboxField, SelectField, TextField } from '../fields';
import { freeName } from '../inspector/owner';
import { useReveal } from '../reveal';
import { useApply } from '../use-field-commit';

const ValidatorRow = memo(function ValidatorRow({ id }: { id: RequestValidatorId }) {
  const validator = usePortico((s) => s.design.requestValidators[id]);
  const apply = useApply();
  const ref = useRef<HTMLDivElement>(null);
  useReveal('request-validator', id, ref, validator !== undefined);
  if (!validator) return null;
  return (
    <div
      ref={ref}
      className="scroll-mt-2 space-y-1 rounded border border-slate-200 p-2 dark:border-slate-700"
      data-testid={`request-validator-${id}`}
    >
      <div className="flex items-end gap-1">
        <TextField
          className="flex-1"
          label="Validator name"
          fieldKey={`${id}.name`}
          value={validator.name}
          toOperation={(name) => (design) => updateRequestValidator(design, id, { name })}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={<Trash2 size={14} />}
          aria-label={`Delete validator ${validator.name}`}
          onClick={() => apply('Delete request validator', (design) => deleteRequestValidator(design, id))}
        />
      </div>
      <CheckboxField
        label="Validate request body"
        fieldKey={`${id}.body`}
        value={validator.validateRequestBody}
        toOperation={(validateRequestBody) => (design) => updateRequestValidator(design, id, { validateRequestBody })}
      />
      <CheckboxField
        label="Validate request parameters"
        fieldKey={`${id}.parameters`}
        value={validator.validateRequestParameters}
        toOperation={(validateRequestParameters) => (design) => updateRequestValidator(design, id, { validateRequestParameters })}
      />
    </div>
  );
});

/** Request validators and the API's default validator (REST). */
export function ValidatorsList() {
  const ids = usePortico(useShallow((s) => Object.keys(s.design.requestValidators) as RequestValidatorId[]));
  const names = usePortico(useShallow((s) => Object.values(s.design.requestValidators).map((validator) => validator.name)));
  const defaultId = usePortico((s) => s.design.api.defaultRequestValidatorId);
  const apply = useApply();
  return (
    <Section title="Request validators" defaultOpen={false}>
      <SelectField
        label="Default request validator"
        fieldKey="api.defaultRequestValidator"
        value={defaultId ?? ''}
        hint="Applied to every method that names none."
        options={[{ value: '', label: 'None' }, ...ids.map((id, index) => ({ value: id, label: names[index] ?? id }))]}
        toOperation={(value) => (design) =>
          updateApi(design, { defaultRequestValidatorId: value === '' ? undefined : (value as RequestValidatorId) })
        }
      />
      {ids.length === 0 ? (
        <EmptyState>No request validators. Add one to have API Gateway check bodies or parameters before the integration runs.</EmptyState>
      ) : null}
      {ids.map((id) => (
        <ValidatorRow key={id} id={id} />
      ))}
      <Button
        size="sm"
        icon={<Plus size={14} />}
        onClick={() =>
          apply('Add request validator', (design) =>
            addRequestValidator(design, {
              name: freeName(
                'Validate body and parameters',
                Object.values(design.requestValidators).map((validator) => validator.name),
              ),
              validateRequestBody: true,
              validateRequestParameters: true,
            }),
          )
        }
      >
        Add request validator
      </Button>
    </Section>
  );
}
