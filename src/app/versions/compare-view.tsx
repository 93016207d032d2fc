import { ArrowLeftRight, FileDiff, X } from 'lucide-react';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeLevel, ElementChange } from '../../core/diff';
import type { NodeId } from '../../core/model';
import { cardNamingRemoved, type LocatedFinding } from '../../state/compare/change-marks';
import { type CompareRequest, useVersionsPanel } from '../../state/compare/versions-panel';
import { usePortico, usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { changeTag, levelTag } from '../../ui/change-tones';
import { PropertyDiff } from './property-diff';
import { type Comparison, useComparison } from './use-comparison';

// Monaco's diff editor loads when the text diff is first asked for: not with the Versions panel.
const TextDiffDialog = lazy(() => import('./text-diff-dialog'));

const levelTitles: Record<ChangeLevel, string> = { breaking: 'Breaking', warning: 'Warnings', info: 'Info' };
const levels: ChangeLevel[] = ['breaking', 'warning', 'info'];
/** Elements the canvas draws as a card or a row: a click goes there. */
const onCanvas = new Set(['resource', 'method', 'route', 'integration', 'authorizer', 'domain']);

type Ready = Extract<Comparison, { status: 'ready' }>;

function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${value === 1 ? one : many}`;
}

/**
 * Puts the comparison on the canvas while it is shown: the revision is what the canvas draws (a version
 * read-only, or the current design), with its added and changed elements outlined and removed ones named
 * on the nearest card. Everything goes back when the comparison closes.
 */
function useComparisonOnCanvas(comparison: Comparison): void {
  const store = usePorticoStore();
  const marks = comparison.status === 'ready' ? comparison.marks : null;
  const revision = comparison.status === 'ready' ? comparison.revision : undefined;
  const latest = useRef(revision);
  latest.current = revision;
  useEffect(() => {
    if (marks) store.getState().setChangeMarks(marks);
  }, [store, marks]);
  // Only another revision puts another design on show (the current design's object changes as it is edited).
  const shown = revision ? (revision.versionId ?? 'design') : undefined;
  useEffect(() => {
    const side = latest.current;
    if (shown === undefined || !side) return;
    const state = store.getState();
    if (side.versionId !== undefined) {
      if (state.viewing?.versionId !== side.versionId)
        state.viewVersion({ versionId: side.versionId, label: side.label, design: side.design });
    } else if (state.viewing) state.viewVersion(null);
    return () => {
      const now = store.getState();
      now.setChangeMarks(null);
      if (side.versionId !== undefined && now.viewing?.versionId === side.versionId) now.viewVersion(null);
    };
  }, [store, shown]);
}

function FindingItem({ located, onRemoved }: { located: LocatedFinding; onRemoved: (baseId: string) => void }) {
  const store = usePorticoStore();
  const { finding, revisionId, baseId } = located;
  const go = () => {
    const state = store.getState();
    if (revisionId !== undefined) state.focus(revisionId as NodeId);
    else if (baseId !== undefined) onRemoved(baseId);
    else if (finding.where.startsWith('/stages')) state.showPanel('stages');
    else if (finding.where.startsWith('/usagePlans') || finding.where.startsWith('/apiKeys')) state.showPanel('usage-plans');
  };
  return (
    <li>
      <button
        type="button"
        onClick={go}
        data-testid="compare-finding"
        data-finding-id={finding.id}
        data-level={finding.level}
        className="w-full rounded-md border border-slate-200 p-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-violet-600 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        <span className="flex min-w-0 items-center gap-2">
          <span className={`shrink-0 rounded px-1 text-[11px] font-bold ${levelTag[finding.level]}`}>{finding.level}</span>
          <span className="min-w-0 truncate font-mono text-xs" title={finding.operation ?? finding.where}>
            {finding.operation ?? finding.where}
          </span>
          {revisionId === undefined && baseId !== undefined ? (
            <span className="shrink-0 text-xs text-red-700 dark:text-red-300">removed</span>
          ) : null}
        </span>
        <span className="mt-0.5 block text-sm">{finding.message}</span>
        <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-300">{finding.why}</span>
        <span className="mt-0.5 block font-mono text-[11px] break-all text-slate-500 dark:text-slate-400">
          {finding.id} · {finding.where}
        </span>
      </button>
    </li>
  );
}

function Findings({ ready, onRemoved }: { ready: Ready; onRemoved: (baseId: string) => void }) {
  if (ready.located.length === 0)
    return <p className="text-sm text-slate-700 dark:text-slate-200">No change that the API's clients would notice.</p>;
  return (
    <div className="space-y-3">
      {levels.map((level) => {
        const items = ready.located.filter((entry) => entry.finding.level === level);
        if (items.length === 0) return null;
        return (
          <section key={level} aria-label={`${levelTitles[level]} (${items.length})`} data-testid={`findings-${level}`}>
            <h4 className="mb-1 text-xs font-semibold tracking-wide uppercase">
              {levelTitles[level]} ({items.length})
            </h4>
            <ul className="space-y-1">
              {items.map((entry) => (
                <FindingItem key={`${entry.finding.id} ${entry.finding.where}`} located={entry} onRemoved={onRemoved} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function ChangeItem({ change, ghost, onChoose }: { change: ElementChange; ghost: boolean; onChoose: (change: ElementChange) => void }) {
  const removed = change.change === 'removed';
  return (
    <li>
      <button
        type="button"
        onClick={() => onChoose(change)}
        data-testid={removed ? 'compare-ghost' : 'compare-change'}
        data-change={change.change}
        aria-label={`${change.kind} ${change.label}, ${change.change}`}
        className={`flex w-full min-w-0 items-center gap-2 rounded px-2 py-1 text-left text-xs focus-visible:outline-2 focus-visible:outline-violet-600 ${
          removed
            ? `border border-dashed border-red-600 bg-red-50/60 text-slate-500 dark:border-red-400 dark:bg-red-950/40 dark:text-slate-400 ${
                ghost ? 'ring-2 ring-red-600 dark:ring-red-400' : ''
              }`
            : 'border border-transparent hover:bg-slate-50 dark:hover:bg-slate-800'
        }`}
      >
        <span className={`shrink-0 rounded px-1 text-[11px] font-bold ${changeTag[change.change]}`}>{change.change}</span>
        <span className="shrink-0 text-slate-600 dark:text-slate-300">{change.kind}</span>
        <span className={`min-w-0 truncate font-mono ${removed ? 'line-through' : ''}`} title={change.label}>
          {change.label}
        </span>
      </button>
    </li>
  );
}

/**
 * A comparison: the findings for the API's clients grouped by level (each going to its element), every
 * element added, changed or removed (removed ones as ghosts: the canvas cannot draw them), what changed
 * in the selected element, and the OpenAPI and CDK text diff.
 */
export function CompareView({ request }: { request: CompareRequest }) {
  const store = usePorticoStore();
  const comparison = useComparison(request);
  useComparisonOnCanvas(comparison);
  const compareWith = useVersionsPanel((s) => s.compareWith);
  const selected = usePortico((s) => s.selection[0]);
  const [ghost, setGhost] = useState<string | undefined>(undefined);
  /** The card a chosen ghost is named on: selecting it (which choosing the ghost does) keeps the ghost chosen. */
  const ghostCard = useRef<string | undefined>(undefined);
  const [textDiff, setTextDiff] = useState(false);
  const ready = comparison.status === 'ready' ? comparison : undefined;
  const chosen = useMemo(() => {
    if (!ready) return undefined;
    if (ghost !== undefined) return ready.comparison.changes.find((change) => change.change === 'removed' && change.baseId === ghost);
    return selected === undefined ? undefined : ready.comparison.changes.find((change) => change.revisionId === selected);
  }, [ready, ghost, selected]);
  // Another selection on the canvas replaces a ghost chosen in the list.
  useEffect(() => {
    if (selected !== undefined && selected !== ghostCard.current) setGhost(undefined);
  }, [selected]);

  if (comparison.status === 'loading')
    return (
      <p role="status" className="text-sm">
        Comparing…
      </p>
    );
  if (comparison.status === 'failed')
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-200">
        {comparison.message}
      </p>
    );
  const { base, revision, comparison: elements, findings } = comparison;
  const byLevel = (level: ChangeLevel) => findings.filter((finding) => finding.level === level).length;
  const showGhost = (baseId: string) => {
    const card = cardNamingRemoved(comparison.marks, baseId);
    ghostCard.current = card;
    setGhost(baseId);
    if (card) store.getState().focus(card as NodeId);
  };
  const choose = (change: ElementChange) => {
    const state = store.getState();
    if (change.change === 'removed') {
      if (change.baseId !== undefined) showGhost(change.baseId);
      return;
    }
    setGhost(undefined);
    if (onCanvas.has(change.kind)) state.focus(change.id as NodeId);
    else if (change.kind === 'stage') state.showPanel('stages');
    else if (change.kind === 'usagePlan' || change.kind === 'apiKey') state.showPanel('usage-plans');
    else state.showPanel('api');
  };
  const swappable = request.base.kind !== 'openapi';
  return (
    <section aria-label="Comparison" data-testid="compare-view" className="space-y-3">
      <div className="flex items-start gap-1">
        <h3 className="min-w-0 flex-1 text-sm font-semibold">
          <span className="block truncate" title={base.label}>
            {base.label}
          </span>
          <span className="block truncate text-slate-600 dark:text-slate-300" title={revision.label}>
            → {revision.label}
          </span>
        </h3>
        {swappable ? (
          <IconButton
            label="Swap the two sides"
            icon={<ArrowLeftRight size={14} />}
            onClick={() => compareWith({ base: request.revision, revision: request.base })}
          />
        ) : null}
        <IconButton label="Close the comparison" icon={<X size={14} />} onClick={() => compareWith(null)} />
      </div>
      <p className="text-sm" data-testid="compare-summary">
        <strong>{count(byLevel('breaking'), 'breaking change')}</strong>, {count(byLevel('warning'), 'warning')},{' '}
        {count(byLevel('info'), 'other change')} for clients · {elements.added} added, {elements.removed} removed, {elements.changed}{' '}
        changed
      </p>
      <Findings ready={comparison} onRemoved={showGhost} />
      <section aria-label="Changed elements" className="space-y-1">
        <h4 className="text-xs font-semibold tracking-wide uppercase">Elements ({elements.changes.length})</h4>
        {elements.changes.length === 0 ? (
          <p className="text-sm">The two sides are the same design.</p>
        ) : (
          <ul className="space-y-0.5">
            {elements.changes.map((change) => (
              <ChangeItem
                key={`${change.change} ${change.kind} ${change.id}`}
                change={change}
                ghost={change.change === 'removed' && change.baseId === ghost}
                onChoose={choose}
              />
            ))}
          </ul>
        )}
      </section>
      <PropertyDiff change={chosen} />
      <Button icon={<FileDiff size={14} />} onClick={() => setTextDiff(true)}>
        Text diff: OpenAPI and CDK
      </Button>
      {textDiff ? (
        <Suspense fallback={<p role="status">Loading the diff editor…</p>}>
          <TextDiffDialog base={base} revision={revision} onClose={() => setTextDiff(false)} />
        </Suspense>
      ) : null}
    </section>
  );
}
