import { useId, useState } from 'react';
import { type ApiType, apiTypes, applyOperation, changeApiType } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { inputClass } from '../../ui/field';

const typeNames: Record<ApiType, string> = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' };

const consequences: Record<string, string> = {
  'REST>HTTP':
    'Methods become routes (VERB /path), resources disappear, proxy integrations stay, and per-method stage throttling moves to the routes. Caching, usage plans, validators and gateway responses do not exist on HTTP APIs.',
  'HTTP>REST': 'Routes become methods on a resource tree built from their paths; $default becomes ANY /{proxy+}.',
};

/** The API type: changing it converts the design, so it asks first and explains what happens. */
export function ApiTypeField() {
  const type = usePortico((s) => s.design.api.type);
  const store = usePorticoStore();
  const id = useId();
  const [pending, setPending] = useState<ApiType | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const close = () => {
    setPending(null);
    setError(undefined);
  };
  const confirm = () => {
    if (!pending) return;
    const state = store.getState();
    const result = applyOperation(state.design, (design) => changeApiType(design, pending));
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (state.apply(`Convert to ${typeNames[pending]}`, (design) => changeApiType(design, pending))) close();
  };
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        API type
      </label>
      <select
        id={id}
        className={inputClass}
        value={type}
        onChange={(event) => {
          setError(undefined);
          setPending(event.target.value as ApiType);
        }}
      >
        {apiTypes.map((value) => (
          <option key={value} value={value}>
            {typeNames[value]}
          </option>
        ))}
      </select>
      <Dialog
        open={pending !== null}
        title={pending ? `Convert to ${typeNames[pending]}?` : 'Convert'}
        onClose={close}
        footer={
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" onClick={confirm}>
              Convert
            </Button>
          </>
        }
      >
        <p>
          This converts the whole design from a {typeNames[type]} to {pending ? `a ${typeNames[pending]}` : ''}. You can undo it.
        </p>
        {pending ? (
          <p className="mt-2">
            {consequences[`${type}>${pending}`] ??
              'WebSocket routes and REST or HTTP operations do not convert into each other; the design must have none.'}
          </p>
        ) : null}
        {error ? (
          <p role="alert" data-testid="field-error" className="mt-2 text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : null}
      </Dialog>
    </div>
  );
}
