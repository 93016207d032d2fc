import { useState } from 'react';
import { type ApiType, emptyDesign } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

const choices: { type: ApiType; title: string; text: string }[] = [
  {
    type: 'REST',
    title: 'REST API',
    text: 'Full features: caching, usage plans and API keys, request validation, mapping templates, WAF, canary releases.',
  },
  {
    type: 'HTTP',
    title: 'HTTP API',
    text: 'Routes, JWT and Lambda authorizers, built-in CORS. Lower latency and about 70% cheaper than REST.',
  },
  {
    type: 'WEBSOCKET',
    title: 'WebSocket API',
    text: 'Two-way messages: $connect, $disconnect, $default and custom routes chosen by a route selection expression.',
  },
];

export function NewDesignDialog() {
  const open = usePortico((s) => s.dialog === 'new-design');
  const openDialog = usePortico((s) => s.openDialog);
  const openNewDesign = usePortico((s) => s.openNewDesign);
  const [type, setType] = useState<ApiType>('REST');
  const [name, setName] = useState('My API');
  const create = () => {
    const design = emptyDesign(type, name.trim() || 'My API');
    openDialog(null);
    openNewDesign(design, { label: `“${design.api.name}”`, origin: 'new' });
  };
  return (
    <Dialog
      open={open}
      title="New design"
      onClose={() => openDialog(null)}
      footer={
        <>
          <Button onClick={() => openDialog(null)}>Cancel</Button>
          <Button variant="primary" onClick={create}>
            Create
          </Button>
        </>
      }
    >
      <p className="mb-3 text-slate-600 dark:text-slate-300">The new design gets its own place in My designs, beside the current one.</p>
      <label className="mb-3 block">
        <span className="mb-1 block font-medium">API name</span>
        <input
          className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <fieldset>
        <legend className="mb-1 font-medium">API type</legend>
        {choices.map((choice) => (
          <label
            key={choice.type}
            className="mb-2 flex cursor-pointer gap-2 rounded border border-slate-200 p-2 has-checked:border-violet-500 dark:border-slate-700"
          >
            <input type="radio" name="api-type" value={choice.type} checked={type === choice.type} onChange={() => setType(choice.type)} />
            <span>
              <span className="block font-medium">{choice.title}</span>
              <span className="text-slate-600 dark:text-slate-300">{choice.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
