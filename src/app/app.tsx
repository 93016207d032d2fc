import { lazy, Suspense, useEffect } from 'react';
import { Canvas } from '../canvas/canvas';
import { Palette } from '../canvas/palette';
import { SidePanel } from '../panels/side-panel';
import { usePortico, usePorticoStore } from '../state/context';
import type { DesignStorage } from '../state/design-storage';
import { dispatchShortcut } from './commands';
import { ShareOpenDialog } from './dialogs/share-open-dialog';
import { Notices } from './notices';
import { openFiles } from './open-files';
import { ProblemsBadge } from './problems-badge';
import { CanvasPresence, LiveSessions } from './session/live-sessions';
import { Toolbar } from './toolbar';
import { WhenOpened } from './when-opened';

// Monaco and the CDK generator load only when the code view is first opened; dialogs and the problems and
// cost views when first shown. None of them is part of the JS loaded before first paint.
const CodeView = lazy(() => import('../code-view/code-view'));
const ProblemsPanel = lazy(() => import('./problems-panel').then((module) => ({ default: module.ProblemsPanel })));
const CostPanel = lazy(() => import('./cost-panel').then((module) => ({ default: module.CostPanel })));
const NewDesignDialog = lazy(() => import('./dialogs/new-design-dialog').then((module) => ({ default: module.NewDesignDialog })));
const GalleryDialog = lazy(() => import('./dialogs/gallery-dialog').then((module) => ({ default: module.GalleryDialog })));
const ImportDialog = lazy(() => import('./dialogs/import-dialog').then((module) => ({ default: module.ImportDialog })));
const ShareDialog = lazy(() => import('./dialogs/share-dialog').then((module) => ({ default: module.ShareDialog })));
const ShortcutsDialog = lazy(() => import('./dialogs/shortcuts-dialog').then((module) => ({ default: module.ShortcutsDialog })));
const CommandPalette = lazy(() => import('./dialogs/command-palette').then((module) => ({ default: module.CommandPalette })));
const RecoveryDialog = lazy(() => import('./dialogs/recovery-dialog').then((module) => ({ default: module.RecoveryDialog })));
const ScaffoldDialog = lazy(() => import('./dialogs/scaffold-dialog').then((module) => ({ default: module.ScaffoldDialog })));

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
      <LiveSessions />
      <div className="flex min-h-0 flex-1">
        <Palette />
        <main className="flex min-w-0 flex-1 flex-col" aria-label="Design">
          <div className="relative min-h-0 flex-1">
            <Canvas onOpenFiles={(files) => void openFiles(store, files)}>
              <CanvasPresence />
            </Canvas>
          </div>
          <CodeViewDrawer />
        </main>
        <SidePanel problems={<ProblemsPanel />} cost={<CostPanel />} />
      </div>
      <Notices />
      <WhenOpened dialog="new-design">
        <NewDesignDialog />
      </WhenOpened>
      <WhenOpened dialog="gallery">
        <GalleryDialog />
      </WhenOpened>
      <WhenOpened dialog="import">
        <ImportDialog />
      </WhenOpened>
      <WhenOpened dialog="share">
        <ShareDialog />
      </WhenOpened>
      <ShareOpenDialog />
      <WhenOpened dialog="shortcuts">
        <ShortcutsDialog />
      </WhenOpened>
      <WhenOpened dialog="palette">
        <CommandPalette />
      </WhenOpened>
      <WhenOpened dialog="recovery">
        <RecoveryDialog storage={storage} />
      </WhenOpened>
      <WhenOpened dialog="scaffold">
        <ScaffoldDialog />
      </WhenOpened>
    </div>
  );
}
