import { Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { applyOperation, type Design } from '../core/model';
import { usePorticoStore } from '../state/context';
import { Button } from '../ui/button';
import { FieldShell, inputClass } from '../ui/field';

/**
 * A one-field form that adds an element by its name (a stage, a custom domain): the operation is tried
 * first, so a refused name is explained at the field and nothing changes; an accepted one is applied as
 * one undo step, the field emptied and `onAdded` told the new element's id.
 */
export function AddByName<Id extends string>({
  label,
  placeholder,
  button,
  undoLabel,
  monospace = false,
  make,
  onAdded,
}: {
  label: string;
  placeholder: string;
  /** The submit button's text ("Add stage"). */
  button: string;
  /** The undo step's name. */
  undoLabel: string;
  monospace?: boolean;
  /** The new element's id and the operation that adds it with `name`. */
  make: (name: string) => { id: Id; operation: (design: Design) => Design };
  onAdded: (id: Id) => void;
}) {
  const store = usePorticoStore();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const formId = useId();
  const submit = () => {
    const { id, operation } = make(name);
    const result = applyOperation(store.getState().design, operation);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (store.getState().apply(undoLabel, operation)) {
      setName('');
      setError(undefined);
      onAdded(id);
    }
  };
  return (
    <form
      id={formId}
      className="flex items-start gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FieldShell label={label} error={error} className="flex-1">
        {({ inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            className={monospace ? `${inputClass} font-mono text-xs` : inputClass}
            value={name}
            placeholder={placeholder}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
        )}
      </FieldShell>
      <Button type="submit" size="sm" className="mt-5" icon={<Plus size={14} />}>
        {button}
      </Button>
    </form>
  );
}
