import { useMemo, useState } from 'react';
import { usePortico, usePorticoStore } from '../../state/context';
import { Dialog } from '../../ui/dialog';
import { commands } from '../commands';
import { formatKeys } from './shortcuts-dialog';

/** Ctrl/Cmd+K: every command, filtered as you type, run with Enter. */
export function CommandPalette() {
  const open = usePortico((s) => s.dialog === 'palette');
  const openDialog = usePortico((s) => s.openDialog);
  const store = usePorticoStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter(
      (command) =>
        command.id !== 'command-palette' && words.every((word) => `${command.group} ${command.label}`.toLowerCase().includes(word)),
    );
  }, [query]);
  const close = () => {
    openDialog(null);
    setQuery('');
    setActive(0);
  };
  const runAt = (index: number) => {
    const command = matches[index];
    if (!command) return;
    if (command.isEnabled && !command.isEnabled(store.getState())) return;
    close();
    void command.run(store);
  };
  return (
    <Dialog open={open} title="Command palette" onClose={close}>
      <input
        aria-label="Search commands"
        role="combobox"
        aria-expanded="true"
        aria-controls="command-list"
        aria-activedescendant={matches[active] ? `command-${matches[active].id}` : undefined}
        autoFocus
        className="mb-2 w-full rounded border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800"
        placeholder="Type a command…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((index) => Math.min(matches.length - 1, index + 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(0, index - 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            runAt(active);
          }
        }}
      />
      {/* Outside the listbox: a listbox may hold only options (ARIA), and the status is announced as it appears. */}
      {matches.length === 0 ? (
        <p role="status" className="p-2 text-slate-600 dark:text-slate-300">
          No command matches.
        </p>
      ) : null}
      <div id="command-list" role="listbox" aria-label="Commands" className="max-h-80 overflow-auto">
        {matches.map((command, index) => (
          <div
            key={command.id}
            tabIndex={-1}
            id={`command-${command.id}`}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer justify-between rounded px-2 py-1.5 ${index === active ? 'bg-violet-100 dark:bg-violet-900' : ''}`}
            onMouseEnter={() => setActive(index)}
            onClick={() => runAt(index)}
            onKeyDown={() => undefined}
          >
            {/* Secondary text sits on the violet-100/-900 highlight too: slate-500/-400 fall under 4.5:1 there. */}
            <span>
              <span className="text-slate-600 dark:text-slate-300">{command.group}: </span>
              {command.label}
            </span>
            {command.keys ? <kbd className="font-mono text-xs text-slate-600 dark:text-slate-300">{formatKeys(command.keys)}</kbd> : null}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
