import { Eye, FilePlus2, GitCompare, RotateCcw } from 'lucide-react';
import { useVersionsPanel } from '../../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../../state/context';
import type { VersionMeta, VersionOrigin } from '../../state/library/types';
import { versionLabel } from '../../state/library/version-label';
import type { DesignVersions } from '../../state/library/versions-types';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/field';

const originTags: Record<VersionOrigin, string | undefined> = {
  saved: undefined,
  'before-restore': 'kept before a restore',
  export: 'exported',
  file: 'from a file',
};

function savedAtText(at: number): string {
  return new Date(at).toLocaleString('en', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The design's versions, newest first: each with its note, date and size, and what can be done with it. */
export function VersionList({ versions }: { versions: VersionMeta[] | undefined }) {
  const store = usePorticoStore();
  const viewing = usePortico((s) => s.viewing?.versionId);
  const compareWith = useVersionsPanel((s) => s.compareWith);
  if (versions === undefined)
    return (
      <p role="status" className="text-slate-600 dark:text-slate-300">
        Reading the versions…
      </p>
    );
  if (versions.length === 0)
    return (
      <EmptyState>
        No versions yet. Save one before a change you may want to undo as a whole, or before a release: you can then compare the design with
        it, and restore it.
      </EmptyState>
    );
  const run = (work: (api: DesignVersions) => Promise<unknown>) =>
    void store
      .getState()
      .versions()
      .then((api) => (api ? work(api) : undefined));
  return (
    <ol aria-label="Saved versions" className="space-y-2">
      {versions.map((meta) => {
        const label = versionLabel(meta);
        const tag = originTags[meta.origin];
        return (
          <li
            key={meta.id}
            data-testid={`version-${meta.id}`}
            aria-label={`Version ${label}`}
            className={`rounded-md border p-2 ${
              viewing === meta.id ? 'border-violet-500 bg-violet-50 dark:bg-violet-950' : 'border-slate-200 dark:border-slate-700'
            }`}
          >
            <div className="flex min-w-0 items-baseline gap-2">
              <span className="min-w-0 flex-1 truncate font-medium" title={label}>
                {label}
              </span>
              {tag ? (
                <span className="shrink-0 rounded bg-slate-100 px-1 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
                  {tag}
                </span>
              ) : null}
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-300">
              <time dateTime={new Date(meta.savedAt).toISOString()}>{savedAtText(meta.savedAt)}</time> ·{' '}
              {plural(meta.operations, 'operation')} · {plural(meta.elements, 'element')}
            </p>
            <div className="mt-1 flex flex-wrap gap-1">
              <Button
                size="sm"
                icon={<Eye size={12} />}
                aria-label={`View ${label}`}
                onClick={() => {
                  // The canvas shows the version alone: a comparison on show would mark another design.
                  compareWith(null);
                  run((api) => api.view(meta.id));
                }}
              >
                View
              </Button>
              <Button
                size="sm"
                icon={<GitCompare size={12} />}
                aria-label={`Compare ${label} with the current design`}
                onClick={() => compareWith({ base: { kind: 'version', versionId: meta.id }, revision: { kind: 'current' } })}
              >
                Compare with current
              </Button>
              <Button
                size="sm"
                icon={<RotateCcw size={12} />}
                aria-label={`Restore ${label}`}
                onClick={() => run((api) => api.restore(meta.id))}
              >
                Restore
              </Button>
              <Button
                size="sm"
                icon={<FilePlus2 size={12} />}
                aria-label={`Open ${label} as a new design`}
                onClick={() => run((api) => api.openAsNew(meta.id))}
              >
                Open as new
              </Button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
