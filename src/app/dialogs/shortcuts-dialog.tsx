import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { canvasShortcuts, commands } from '../commands';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function formatKeys(keys: string[]): string {
  return keys.map((key) => (key === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : key)).join(' + ');
}

export function ShortcutsDialog() {
  const open = usePortico((s) => s.dialog === 'shortcuts');
  const openDialog = usePortico((s) => s.openDialog);
  const rows = [
    ...commands.filter((command) => command.keys).map((command) => ({ label: command.label, keys: command.keys as string[] })),
    ...canvasShortcuts,
  ];
  return (
    <Dialog
      open={open}
      title="Keyboard shortcuts"
      wide
      onClose={() => openDialog(null)}
      footer={<Button onClick={() => openDialog(null)}>Close</Button>}
    >
      {/* Two columns, so that the whole list fits without scrolling (a scrolled list would need a tab stop of its own). */}
      <dl className="grid grid-cols-1 gap-x-8 sm:grid-cols-2">
        {rows.map((row) => (
          <div key={row.label} className="flex items-center justify-between gap-3 border-b border-slate-100 py-1.5 dark:border-slate-800">
            <dt>{row.label}</dt>
            <dd className="shrink-0">
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {formatKeys(row.keys)}
              </kbd>
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
