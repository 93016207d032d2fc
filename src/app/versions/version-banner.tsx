import { Eye } from 'lucide-react';
import { usePortico, usePorticoStore } from '../../state/context';
import type { DesignVersions } from '../../state/library/versions-types';
import { Button } from '../../ui/button';

/** Says that the canvas shows a saved version, read-only, and offers the ways out. */
export default function VersionBanner() {
  const store = usePorticoStore();
  const viewing = usePortico((s) => s.viewing);
  if (!viewing) return null;
  const run = (work: (api: DesignVersions) => Promise<unknown>) =>
    void store
      .getState()
      .versions()
      .then((api) => (api ? work(api) : undefined));
  return (
    <section
      aria-label="Version on show"
      data-testid="version-banner"
      // Always 2.5rem high: the Versions panel opens below it (see versions-panel.tsx).
      className="flex h-10 shrink-0 items-center gap-2 overflow-hidden border-b border-amber-300 bg-amber-50 px-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
    >
      <Eye size={16} aria-hidden="true" className="shrink-0" />
      <p className="min-w-0 flex-1 truncate">
        Viewing version <strong>“{viewing.label}”</strong> — read-only.
      </p>
      <Button size="sm" variant="primary" onClick={() => run((api) => api.restore(viewing.versionId))}>
        Restore
      </Button>
      <Button size="sm" onClick={() => run((api) => api.openAsNew(viewing.versionId))}>
        Open as new design
      </Button>
      <Button size="sm" onClick={() => store.getState().viewVersion(null)}>
        Back to current
      </Button>
    </section>
  );
}
