import { AlertCircle, AlertTriangle, Info } from 'lucide-react';
import { usePortico } from '../state/context';

/** Toolbar counts per severity; opens the problems panel. */
export function ProblemsBadge() {
  const counts = usePortico((s) => {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const finding of s.findings) {
      if (finding.severity === 'error') errors += 1;
      else if (finding.severity === 'warning') warnings += 1;
      else infos += 1;
    }
    return `${errors}/${warnings}/${infos}`;
  });
  const showPanel = usePortico((s) => s.showPanel);
  const [errors, warnings, infos] = counts.split('/').map(Number) as [number, number, number];
  return (
    <button
      type="button"
      data-testid="problems-badge"
      aria-label={`Problems: ${errors} errors, ${warnings} warnings, ${infos} advice`}
      className="flex items-center gap-2 rounded-md px-2 py-1 text-xs font-medium hover:bg-slate-100 dark:hover:bg-slate-800"
      onClick={() => showPanel('problems')}
    >
      <span className="flex items-center gap-0.5 text-red-700 dark:text-red-400">
        <AlertCircle size={14} aria-hidden="true" /> {errors}
      </span>
      <span className="flex items-center gap-0.5 text-amber-700 dark:text-amber-400">
        <AlertTriangle size={14} aria-hidden="true" /> {warnings}
      </span>
      <span className="flex items-center gap-0.5 text-sky-700 dark:text-sky-400">
        <Info size={14} aria-hidden="true" /> {infos}
      </span>
    </button>
  );
}
