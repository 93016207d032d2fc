import { examples } from '../../core/examples';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';

export function GalleryDialog() {
  const open = usePortico((s) => s.dialog === 'gallery');
  const openDialog = usePortico((s) => s.openDialog);
  const openNewDesign = usePortico((s) => s.openNewDesign);
  return (
    <Dialog
      open={open}
      title="Open an example"
      wide
      onClose={() => openDialog(null)}
      footer={<Button onClick={() => openDialog(null)}>Close</Button>}
    >
      <p className="mb-3 text-slate-600 dark:text-slate-300">
        Each example is a complete design that passes every rule. It opens as a new design; yours stays in My designs.
      </p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {examples.map((example) => (
          <li key={example.id}>
            <button
              type="button"
              data-testid={`example-${example.id}`}
              className="h-full w-full rounded-lg border border-slate-200 p-3 text-left hover:border-violet-500 hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-violet-600 dark:border-slate-700 dark:hover:bg-slate-800"
              onClick={() => {
                openDialog(null);
                openNewDesign(example.build(), { label: `the example “${example.title}”`, origin: 'example' });
              }}
            >
              <span className="block font-semibold">{example.title}</span>
              <span className="text-slate-600 dark:text-slate-300">{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
