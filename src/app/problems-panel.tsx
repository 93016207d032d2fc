import { AlertCircle, AlertTriangle, ExternalLink, Info, Wrench } from 'lucide-react';
import { memo, useState } from 'react';
import type { NodeId } from '../core/model';
import type { Finding } from '../core/rules';
import { usePortico, usePorticoStore } from '../state/context';
import { Button } from '../ui/button';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;
const icons = {
  error: <AlertCircle size={16} className="shrink-0 text-red-600" aria-label="Error" />,
  warning: <AlertTriangle size={16} className="shrink-0 text-amber-500" aria-label="Warning" />,
  info: <Info size={16} className="shrink-0 text-sky-600" aria-label="Advice" />,
};

const canvasKinds = new Set(['resource', 'method', 'route', 'authorizer', 'integration']);

const FindingRow = memo(function FindingRow({ finding }: { finding: Finding }) {
  const store = usePorticoStore();
  const [open, setOpen] = useState(false);
  const reveal = () => {
    const { kind, id } = finding.target;
    const state = store.getState();
    if (canvasKinds.has(kind)) state.focus(id as NodeId);
    else if (kind === 'stage') state.showPanel('stages');
    else if (kind === 'usagePlan' || kind === 'apiKey') state.showPanel('usage-plans');
    else state.showPanel('api');
  };
  return (
    <li className="border-b border-slate-100 py-2 dark:border-slate-800" data-testid={`finding-${finding.ruleId}`}>
      <div className="flex items-start gap-2">
        {icons[finding.severity]}
        <div className="min-w-0 flex-1">
          <button
            type="button"
            className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-violet-600"
            onClick={reveal}
            title="Show on the canvas"
          >
            {finding.message}
          </button>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
            <code className="text-slate-500 dark:text-slate-400">{finding.ruleId}</code>
            <button
              type="button"
              className="text-violet-700 underline dark:text-violet-300"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide why' : 'Why?'}
            </button>
            {finding.fix ? (
              <Button
                size="sm"
                icon={<Wrench size={12} />}
                onClick={() => {
                  const fix = finding.fix;
                  if (fix) store.getState().apply(fix.label, fix.apply);
                }}
              >
                {finding.fix.label}
              </Button>
            ) : null}
          </div>
          {open ? (
            <div
              className="mt-1 rounded bg-slate-50 p-2 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
              data-testid="finding-why"
            >
              <p>{finding.why}</p>
              <a
                className="mt-1 inline-flex items-center gap-1 text-violet-700 underline dark:text-violet-300"
                href={finding.docsUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                AWS documentation <ExternalLink size={12} />
              </a>
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
});

/** The live list of rule findings: click one to select and centre its element; "Why?" teaches the rule. */
export function ProblemsPanel() {
  const findings = usePortico((s) => s.findings);
  const [filter, setFilter] = useState<'all' | Finding['severity']>('all');
  const shown = findings
    .filter((finding) => filter === 'all' || finding.severity === filter)
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  if (findings.length === 0)
    return (
      <p className="p-3 text-sm text-slate-600 dark:text-slate-300" data-testid="no-problems">
        No problems: API Gateway would accept this design as it is.
      </p>
    );
  return (
    <div className="p-3 text-sm">
      <fieldset className="mb-2 flex gap-3 text-xs">
        <legend className="sr-only">Show</legend>
        {(['all', 'error', 'warning', 'info'] as const).map((value) => (
          <label key={value} className="flex items-center gap-1">
            <input type="radio" name="finding-filter" checked={filter === value} onChange={() => setFilter(value)} />
            {value === 'all' ? 'All' : value === 'error' ? 'Errors' : value === 'warning' ? 'Warnings' : 'Advice'}
          </label>
        ))}
      </fieldset>
      <ul aria-label="Problems">
        {shown.map((finding) => (
          <FindingRow key={`${finding.ruleId}:${finding.target.id}:${finding.message}`} finding={finding} />
        ))}
      </ul>
    </div>
  );
}
