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
      onClose={() => openDialog(null)}
      footer={<Button onClick={() => openDialog(null)}>Close</Button>}
    >
      <table className="w-full">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-1.5">{row.label}</td>
              <td className="py-1.5 text-right">
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                  {formatKeys(row.keys)}
                </kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
