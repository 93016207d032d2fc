import { useVersionsPanel } from '../state/compare/versions-panel';
import type { PorticoState, PorticoStore } from '../state/store';
import { openDesignFileResult, pickFile, readDesignFile, saveDesignFileWithVersions } from './design-file';
import { wantSessionInterface } from './session/session-interface';
import { cycleTheme } from './theme';

/**
 * Every user action is one Command, registered once here and reused by the toolbar, keyboard shortcuts,
 * the command palette and the shortcuts help (Excalidraw's actions-as-data).
 */
export interface Command {
  id: string;
  label: string;
  group: 'File' | 'Edit' | 'View' | 'Panels' | 'Help';
  /** Keys as shown to people, e.g. ['Mod', 'Shift', 'Z']; Mod is Ctrl (Cmd on macOS). */
  keys?: string[];
  /** Whether a key event triggers the command. */
  matches?: (event: KeyboardEvent) => boolean;
  /** Shortcut also fires while typing in a text field. */
  inTextFields?: boolean;
  isEnabled?: (state: PorticoState) => boolean;
  run: (store: PorticoStore) => void | Promise<void>;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const key = (event: KeyboardEvent, value: string) => event.key.toLowerCase() === value;

async function openDesignFile(store: PorticoStore): Promise<void> {
  const file = await pickFile('.json,.portico.json,application/json');
  if (!file) return;
  const result = await readDesignFile(file);
  if (!result.ok) {
    store.getState().notify({ tone: 'error', message: result.message });
    return;
  }
  await openDesignFileResult(store, result, file.name);
}

export const commands: Command[] = [
  { id: 'new-design', label: 'New design…', group: 'File', run: (store) => store.getState().openDialog('new-design') },
  {
    id: 'my-designs',
    label: 'My designs…',
    group: 'File',
    keys: ['Mod', 'Shift', 'O'],
    matches: (event) => mod(event) && event.shiftKey && key(event, 'o'),
    inTextFields: true,
    run: (store) => store.getState().openDialog('library'),
  },
  { id: 'open-example', label: 'Open example…', group: 'File', run: (store) => store.getState().openDialog('gallery') },
  {
    id: 'open-file',
    label: 'Open design file…',
    group: 'File',
    keys: ['Mod', 'O'],
    matches: (event) => mod(event) && !event.shiftKey && key(event, 'o'),
    inTextFields: true,
    run: openDesignFile,
  },
  {
    id: 'save-file',
    label: 'Save design file',
    group: 'File',
    keys: ['Mod', 'S'],
    matches: (event) => mod(event) && !event.shiftKey && key(event, 's'),
    inTextFields: true,
    // The file carries the design's saved versions too.
    run: saveDesignFileWithVersions,
  },
  {
    id: 'save-version',
    label: 'Save a version…',
    group: 'File',
    keys: ['Mod', 'Shift', 'S'],
    matches: (event) => mod(event) && event.shiftKey && key(event, 's'),
    inTextFields: true,
    run: () => useVersionsPanel.getState().askToSave(),
  },
  {
    id: 'versions',
    label: 'Versions and compare…',
    group: 'File',
    run: () => useVersionsPanel.getState().show(),
  },
  {
    id: 'import-openapi',
    label: 'Import OpenAPI…',
    group: 'File',
    keys: ['Mod', 'I'],
    matches: (event) => mod(event) && key(event, 'i'),
    run: (store) => store.getState().openDialog('import'),
  },
  { id: 'share-link', label: 'Share link…', group: 'File', run: (store) => store.getState().openDialog('share') },
  {
    id: 'live-session',
    label: 'Live session…',
    group: 'File',
    // In a session: its panel (people, modes, links); otherwise the dialog that starts one. Both load now.
    run: async () => {
      wantSessionInterface();
      const { useSessionUi } = await import('../state/session/session-ui');
      const session = useSessionUi.getState();
      if (session.active) session.setPanelOpen(!session.panelOpen);
      else session.openDialog();
    },
  },
  {
    id: 'undo',
    label: 'Undo',
    group: 'Edit',
    keys: ['Mod', 'Z'],
    matches: (event) => mod(event) && !event.shiftKey && key(event, 'z'),
    isEnabled: (state) => state.history.past.length > 0,
    run: (store) => store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'Edit',
    keys: ['Mod', 'Shift', 'Z'],
    matches: (event) => mod(event) && ((event.shiftKey && key(event, 'z')) || key(event, 'y')),
    isEnabled: (state) => state.history.future.length > 0,
    run: (store) => store.getState().redo(),
  },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    group: 'View',
    keys: ['Shift', 'L'],
    matches: (event) => event.shiftKey && !mod(event) && !event.altKey && key(event, 'l'),
    // elkjs in a worker (loaded on first use), so the page stays responsive while it lays out.
    run: (store) => import('../canvas/run-auto-layout').then(({ runAutoLayout }) => runAutoLayout(store)),
  },
  {
    id: 'fit-view',
    label: 'Zoom to fit',
    group: 'View',
    keys: ['Shift', '1'],
    matches: (event) => event.shiftKey && !mod(event) && (event.key === '!' || event.code === 'Digit1'),
    run: (store) => store.getState().requestFit(),
  },
  {
    id: 'toggle-code-view',
    label: 'Toggle code view',
    group: 'View',
    keys: ['Mod', 'E'],
    matches: (event) => mod(event) && key(event, 'e'),
    inTextFields: true,
    run: (store) => store.getState().setCodeViewOpen(!store.getState().codeViewOpen),
  },
  {
    id: 'toggle-theme',
    label: 'Switch theme (system, light, dark)',
    group: 'View',
    run: () => {
      cycleTheme();
    },
  },
  { id: 'panel-api', label: 'Show API settings', group: 'Panels', run: (store) => store.getState().showPanel('api') },
  { id: 'panel-stages', label: 'Show stages', group: 'Panels', run: (store) => store.getState().showPanel('stages') },
  {
    id: 'panel-usage-plans',
    label: 'Show usage plans and API keys',
    group: 'Panels',
    run: (store) => store.getState().showPanel('usage-plans'),
  },
  { id: 'panel-problems', label: 'Show problems', group: 'Panels', run: (store) => store.getState().showPanel('problems') },
  { id: 'panel-cost', label: 'Show cost estimate', group: 'Panels', run: (store) => store.getState().showPanel('cost') },
  {
    id: 'command-palette',
    label: 'Command palette',
    group: 'Help',
    keys: ['Mod', 'K'],
    matches: (event) => mod(event) && key(event, 'k'),
    inTextFields: true,
    run: (store) => store.getState().openDialog('palette'),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    keys: ['?'],
    matches: (event) => event.key === '?' && !mod(event),
    run: (store) => store.getState().openDialog('shortcuts'),
  },
];

/** Canvas shortcuts handled by the canvas itself, listed in the help dialog. */
export const canvasShortcuts: { label: string; keys: string[] }[] = [
  { label: 'Delete selection', keys: ['Delete'] },
  { label: 'Copy selection', keys: ['Mod', 'C'] },
  { label: 'Paste', keys: ['Mod', 'V'] },
  { label: 'Select all', keys: ['Mod', 'A'] },
  { label: 'Select several', keys: ['Shift', 'Click'] },
  { label: 'Rename the selected element in place', keys: ['F2'] },
  { label: 'Actions for an element or the canvas', keys: ['Right-click'] },
  { label: 'Zoom (any wheel setting)', keys: ['Mod', 'Wheel'] },
  { label: 'Pan', keys: ['Space', 'Drag'] },
  { label: 'Move a method to another resource', keys: ['Drag its row'] },
];

export function commandById(id: string): Command {
  const command = commands.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`Unknown command ${id}`);
  return command;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    Boolean(target.closest('.monaco-editor'))
  );
}

/** Runs the command a key event asks for; returns true when one ran. */
export function dispatchShortcut(event: KeyboardEvent, store: PorticoStore): boolean {
  if (store.getState().dialog !== null && !(event.key.toLowerCase() === 'k' && mod(event))) return false;
  const typing = isTextField(event.target);
  for (const command of commands) {
    if (!command.matches?.(event)) continue;
    if (typing && !command.inTextFields) return false;
    if (command.isEnabled && !command.isEnabled(store.getState())) return false;
    event.preventDefault();
    void command.run(store);
    return true;
  }
  return false;
}
