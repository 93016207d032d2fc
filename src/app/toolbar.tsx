import {
  Code2,
  FilePlus2,
  Files,
  FolderOpen,
  History,
  Keyboard,
  LayoutGrid,
  Library,
  Maximize,
  Moon,
  Redo2,
  Save,
  Search,
  Share2,
  Undo2,
  Upload,
} from 'lucide-react';
import { lazy, type ReactNode, Suspense } from 'react';
import { useVersionsPanel } from '../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../state/context';
import type { PersistenceStatus } from '../state/store';
import { Button, IconButton } from '../ui/button';
import { commandById } from './commands';
import { SessionToolbarButton } from './session/live-sessions';
import { WhenOpened } from './when-opened';

// Loaded when first opened: not part of the JS before first paint. Mounted here, beside the toolbar that opens it.
const LibraryDialog = lazy(() => import('./dialogs/library-dialog').then((module) => ({ default: module.LibraryDialog })));
// The Versions panel and the banner of a version on show load when first needed, too.
const VersionsPanel = lazy(() => import('./versions/versions-panel'));
const VersionBanner = lazy(() => import('./versions/version-banner'));

/** The banner while a saved version is on show, and the Versions panel while it is open. */
function Versions() {
  const open = useVersionsPanel((s) => s.open);
  const viewing = usePortico((s) => s.viewing !== null);
  return (
    <Suspense fallback={null}>
      {viewing ? <VersionBanner /> : null}
      {open ? <VersionsPanel /> : null}
    </Suspense>
  );
}

function run(store: ReturnType<typeof usePorticoStore>, id: string) {
  void commandById(id).run(store);
}

function SaveStatus() {
  const store = usePorticoStore();
  const status = usePortico((s) => s.persistence);
  const text = statusText(status);
  return (
    <>
      {status.state === 'read-only' ? (
        <Button size="sm" onClick={() => run(store, 'my-designs')}>
          Open another design
        </Button>
      ) : null}
      <span
        role="status"
        aria-live="polite"
        data-testid="save-status"
        className="hidden text-xs text-slate-500 lg:inline dark:text-slate-400"
        title={text}
      >
        {text}
      </span>
    </>
  );
}

function statusText(status: PersistenceStatus): string {
  switch (status.state) {
    case 'saved':
      return 'Saved in this browser';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return 'Not saved';
    case 'read-only':
      return 'Read-only (open in another tab)';
    case 'unavailable':
      return 'Not saved (no browser storage)';
    case 'idle':
      return '';
  }
}

export function Toolbar({ problems }: { problems?: ReactNode }) {
  const store = usePorticoStore();
  const name = usePortico((s) => s.design.api.name);
  const type = usePortico((s) => s.design.api.type);
  const canUndo = usePortico((s) => s.history.past.length > 0);
  const canRedo = usePortico((s) => s.history.future.length > 0);
  const undoLabel = usePortico((s) => s.history.past.at(-1)?.label);
  const redoLabel = usePortico((s) => s.history.future.at(-1)?.label);
  const codeViewOpen = usePortico((s) => s.codeViewOpen);
  const typeLabel = { REST: 'REST API', HTTP: 'HTTP API', WEBSOCKET: 'WebSocket API' }[type];
  return (
    <>
      <header
        role="toolbar"
        className="flex h-12 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-2 dark:border-slate-700 dark:bg-slate-900"
        aria-label="Toolbar"
      >
        <div className="mr-2 flex min-w-0 items-center gap-2">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-6 shrink-0">
            <rect width="32" height="32" rx="6" fill="#7c3aed" />
            <path d="M7 25V11l9-5 9 5v14h-4V13l-5-3-5 3v12z" fill="#fff" />
          </svg>
          <span className="font-semibold text-slate-900 dark:text-slate-50">Portico</span>
          <span className="max-w-48 truncate text-sm text-slate-600 dark:text-slate-300" data-testid="api-name" title={name}>
            {name}
          </span>
          <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-900 dark:text-violet-100">
            {typeLabel}
          </span>
        </div>
        <nav aria-label="File" className="flex items-center gap-0.5">
          <IconButton label="My designs" icon={<Files size={18} />} onClick={() => run(store, 'my-designs')} />
          <IconButton label="New design" icon={<FilePlus2 size={18} />} onClick={() => run(store, 'new-design')} />
          <IconButton label="Open example" icon={<Library size={18} />} onClick={() => run(store, 'open-example')} />
          <IconButton label="Open design file" icon={<FolderOpen size={18} />} onClick={() => run(store, 'open-file')} />
          <IconButton label="Save design file" icon={<Save size={18} />} onClick={() => run(store, 'save-file')} />
          <IconButton label="Versions" icon={<History size={18} />} onClick={() => run(store, 'versions')} />
          <IconButton label="Import OpenAPI" icon={<Upload size={18} />} onClick={() => run(store, 'import-openapi')} />
          <IconButton label="Share link" icon={<Share2 size={18} />} onClick={() => run(store, 'share-link')} />
          <SessionToolbarButton />
        </nav>
        <span className="mx-1 h-6 w-px bg-slate-200 dark:bg-slate-700" />
        <nav aria-label="Edit" className="flex items-center gap-0.5">
          <IconButton
            label={undoLabel ? `Undo ${undoLabel}` : 'Undo'}
            icon={<Undo2 size={18} />}
            disabled={!canUndo}
            onClick={() => run(store, 'undo')}
          />
          <IconButton
            label={redoLabel ? `Redo ${redoLabel}` : 'Redo'}
            icon={<Redo2 size={18} />}
            disabled={!canRedo}
            onClick={() => run(store, 'redo')}
          />
          <IconButton label="Auto layout" icon={<LayoutGrid size={18} />} onClick={() => run(store, 'auto-layout')} />
          <IconButton label="Zoom to fit" icon={<Maximize size={18} />} onClick={() => run(store, 'fit-view')} />
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <SaveStatus />
          {problems}
          <Button
            variant={codeViewOpen ? 'primary' : 'secondary'}
            size="sm"
            icon={<Code2 size={16} />}
            aria-pressed={codeViewOpen}
            onClick={() => run(store, 'toggle-code-view')}
          >
            Code view
          </Button>
          <IconButton label="Command palette" icon={<Search size={18} />} onClick={() => run(store, 'command-palette')} />
          <IconButton label="Keyboard shortcuts" icon={<Keyboard size={18} />} onClick={() => run(store, 'shortcuts')} />
          <IconButton label="Switch theme" icon={<Moon size={18} />} onClick={() => run(store, 'toggle-theme')} />
        </div>
      </header>
      <Versions />
      <WhenOpened dialog="library">
        <LibraryDialog />
      </WhenOpened>
    </>
  );
}
