import { GitCompare } from 'lucide-react';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { compareDesigns, findBreakingChanges } from '../../core/diff';
import type { Design, StageId } from '../../core/model';
import { useVersionsPanel } from '../../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../../state/context';
import { contentHash } from '../../state/library/content-hash';

function dateText(at: number): string {
  return new Date(at).toLocaleString('en', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * Designed against exported, for one stage: whether the design changed since the version last exported
 * for it (the code view's download records it), how much and how much of it breaks clients, with the
 * comparison one click away.
 */
export function StageExportStatus({ stageId }: { stageId: StageId }) {
  const store = usePorticoStore();
  const exported = usePortico((s) => s.library.find((entry) => entry.id === s.designId)?.exports?.[stageId]);
  const present = useDeferredValue(usePortico((s) => s.history.present));
  const compareWith = useVersionsPanel((s) => s.compareWith);
  const [version, setVersion] = useState<{ id: string; design: Design } | { id: string; missing: string } | undefined>(undefined);
  const versionId = exported?.versionId;
  useEffect(() => {
    if (versionId === undefined) return;
    let live = true;
    void store
      .getState()
      .versions()
      .then((versions) => versions?.read(versionId))
      .then((read) => {
        if (!live || !read) return;
        setVersion(read.ok ? { id: versionId, design: read.design } : { id: versionId, missing: read.message });
      });
    return () => {
      live = false;
    };
  }, [store, versionId]);
  const status = useMemo(() => {
    if (!exported) return undefined;
    if (contentHash(present) === exported.hash) return { changes: 0, breaking: 0 };
    if (!version || version.id !== exported.versionId || !('design' in version)) return undefined;
    const changes = compareDesigns(version.design, present).changes.length;
    const breaking = findBreakingChanges(version.design, present).filter((finding) => finding.level === 'breaking').length;
    return { changes, breaking };
  }, [exported, present, version]);
  if (!exported) return null;
  const when = dateText(exported.at);
  const text =
    version && 'missing' in version
      ? `exported on ${when}; that version cannot be read (${version.missing})`
      : status === undefined
        ? `exported on ${when}; comparing…`
        : status.changes === 0
          ? `as exported on ${when}`
          : `changed since export on ${when}: ${status.changes} ${status.changes === 1 ? 'change' : 'changes'}, ${status.breaking} breaking`;
  return (
    <div className="flex w-full min-w-0 items-center gap-1 px-1 pb-1 text-xs" data-testid={`stage-export-${stageId}`}>
      <span
        className={`min-w-0 flex-1 ${
          status && status.breaking > 0
            ? 'text-red-800 dark:text-red-300'
            : status && status.changes > 0
              ? 'text-amber-800 dark:text-amber-300'
              : 'text-slate-600 dark:text-slate-300'
        }`}
        role="status"
      >
        {text}
      </span>
      {status && status.changes > 0 ? (
        <button
          type="button"
          className="inline-flex shrink-0 items-center gap-1 rounded px-1 py-0.5 font-medium text-violet-700 underline hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-violet-600 dark:text-violet-300 dark:hover:bg-violet-950"
          onClick={() => compareWith({ base: { kind: 'version', versionId: exported.versionId }, revision: { kind: 'current' } })}
        >
          <GitCompare size={12} aria-hidden="true" />
          Show changes
        </button>
      ) : null}
    </div>
  );
}
