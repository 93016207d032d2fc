import { lazy, Suspense, useEffect } from 'react';
import { Canvas } from '../canvas/canvas';
import { Palette } from '../canvas/palette';
import { SidePanel } from '../panels/side-panel';
import { usePortico, usePorticoStore } from '../state/context';
import type { DesignStorage } from '../state/design-storage';
import { dispatchShortcut } from './commands';
import { CostPanel } from './cost-panel';
import { CommandPalette } from './dialogs/command-palette';
import { GalleryDialog } from './dialogs/gallery-dialog';
import { ImportDialog } from './dialogs/import-dialog';
import { NewDesignDialog } from './dialogs/new-design-dialog';
import { RecoveryDialog } from './dialogs/recovery-dialog';
import { ShareDialog } from './dialogs/share-dialog';
import { ShareOpenDialog } from './dialogs/share-open-dialog';
import { ShortcutsDialog } from './dialogs/shortcuts-dialog';
import { Notices } from './notices';
import { ProblemsBadge, ProblemsPanel } from './problems-panel';
import { Toolbar } from './toolbar';

// Monaco and the CDK generator load only when the code view is first opened.
const CodeView = lazy(() => import('../code-view/code-view'));

function CodeViewDrawer() {
  const open = usePortico((s) => s.codeViewOpen);
  if (!open) return null;
  return (
    <section aria-label="Code view" className="flex h-[42%] min-h-48 shrink-0 flex-col border-t border-slate-200 dark:border-slate-700">
      <Suspense
        fallback={
          <p className="p-4 text-sm text-slate-600 dark:text-slate-400" role="status">
            Loading the code editor…
          </p>
        }
      >
        <CodeView />
      </Suspense>
    </section>
  );
}

export function App({ storage }: { storage: DesignStorage }) {
  const store = usePorticoStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      dispatchShortcut(event, store);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Toolbar problems={<ProblemsBadge />} />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <main className="flex min-w-0 flex-1 flex-col" aria-label="Design">
          <div className="relative min-h-0 flex-1">
            <Canvas />
          </div>
          <CodeViewDrawer />
        </main>
        <SidePanel problems={<ProblemsPanel />} cost={<CostPanel />} />
      </div>
      <Notices />
      <NewDesignDialog />
      <GalleryDialog />
      <ImportDialog />
      <ShareDialog />
      <ShareOpenDialog />
      <ShortcutsDialog />
      <CommandPalette />
      <RecoveryDialog storage={storage} />
    </div>
  );
}
