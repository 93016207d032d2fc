import { useEffect, useId, useRef, useState } from 'react';
import { type ApiType, apiTypes } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { inputClass } from '../../ui/field';
import { apiTypeNames, ConvertApiTypeDialog } from './convert-api-type-dialog';

/**
 * The API type. Choosing another one converts the whole design, so it opens the conversion plan first;
 * the select keeps showing the current type until the conversion is applied.
 */
export function ApiTypeField() {
  const type = usePortico((s) => s.design.api.type);
  const store = usePorticoStore();
  const id = useId();
  const [pending, setPending] = useState<ApiType | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const wasOpen = useRef(false);
  // Back to the field once the dialog has closed (its own effect runs first): a keyboard user continues
  // where they were, and Ctrl+Z here undoes the conversion just made.
  useEffect(() => {
    if (wasOpen.current && pending === null) select.current?.focus();
    wasOpen.current = pending !== null;
  }, [pending]);
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        API type
      </label>
      <select
        ref={select}
        id={id}
        className={inputClass}
        value={type}
        onChange={(event) => {
          const next = event.target.value as ApiType;
          if (next !== type) setPending(next);
        }}
        onKeyDown={(event) => {
          // Focus comes back here after a conversion, and the app's shortcuts leave form fields alone; a
          // select has no text of its own to undo, so Ctrl+Z undoes the design here as everywhere else.
          if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z') return;
          event.preventDefault();
          if (event.shiftKey) store.getState().redo();
          else store.getState().undo();
        }}
      >
        {apiTypes.map((value) => (
          <option key={value} value={value}>
            {apiTypeNames[value]}
          </option>
        ))}
      </select>
      <ConvertApiTypeDialog to={pending} onClose={() => setPending(null)} />
    </div>
  );
}
