import { Plus } from 'lucide-react';
import { memo, useId, useState } from 'react';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { sameFieldProps } from './fields';
import type { OperationLabel } from './operation-labels';

/**
 * "Pick one of the design's methods or routes, then add": used for stage overrides and plan throttles.
 * Memoised on its options, so that a list of 1,000 methods is not re-rendered on every keystroke
 * elsewhere in the form.
 */
export const AddPicker = memo(function AddPicker<Id extends string>({
  label,
  options,
  buttonLabel,
  onAdd,
}: {
  label: string;
  options: OperationLabel<Id>[];
  buttonLabel: string;
  onAdd: (id: Id) => void;
}) {
  const pickerId = useId();
  const [picked, setPicked] = useState('');
  if (options.length === 0) return null;
  const chosen = options.some((entry) => entry.id === picked) ? picked : (options[0]?.id ?? '');
  return (
    <div className="flex items-end gap-1">
      <div className="min-w-0 flex-1">
        <label htmlFor={pickerId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        <select id={pickerId} className={inputClass} value={chosen} onChange={(event) => setPicked(event.target.value)}>
          {options.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      <Button size="sm" icon={<Plus size={14} />} onClick={() => onAdd(chosen as Id)}>
        {buttonLabel}
      </Button>
    </div>
  );
}, sameFieldProps);
