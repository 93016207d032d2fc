import { AlertCircle, AlertTriangle, ExternalLink, Info, Wrench, X } from 'lucide-react';
import { memo, useMemo, useState } from 'react';
import type { NodeId } from '../core/model';
import { importFindingApplies } from '../core/openapi/import-finding-applies';
import type { ImportFinding } from '../core/openapi/types';
import { createLinter, type Finding, type McpReadiness, mcpReadiness, mcpRules, mcpSectionTitle } from '../core/rules';
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
    // A domain is a card too: selected on the canvas, its form in the inspector.
    else if (kind === 'domain') state.focus(id as NodeId);
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

const severityNames = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** `paths./a.get, line 7`: where in the imported document a finding is. */
function locationOf(finding: ImportFinding): string {
  const line = finding.line === undefined ? '' : `line ${finding.line}`;
  if (finding.path === undefined) return line;
  return line ? `${finding.path}, ${line}` : finding.path;
}

/**
 * What the import of the open design changed or dropped, while it still applies to the design (the
 * findings are about the document, so they are not saved with the design and not re-checked by the rules).
 */
function useImportFindings(): { source: string; findings: ImportFinding[] } | undefined {
  const importFindings = usePortico((s) => s.importFindings);
  const designId = usePortico((s) => s.designId);
  const design = usePortico((s) => s.design);
  return useMemo(() => {
    if (!importFindings || importFindings.designId !== designId) return undefined;
    const findings = importFindings.findings.filter((finding) => importFindingApplies(finding, design, importFindings.imported));
    return findings.length === 0 ? undefined : { source: importFindings.source, findings };
  }, [importFindings, designId, design]);
}

function ImportFindingRow({ finding }: { finding: ImportFinding }) {
  const location = locationOf(finding);
  return (
    <li className="border-b border-slate-100 py-2 dark:border-slate-800" data-testid={`import-finding-${finding.rule}`}>
      <div className="flex items-start gap-2">
        {icons[finding.severity]}
        <div className="min-w-0 flex-1">
          <p>
            <span className="sr-only">{severityNames[finding.severity]}: </span>
            {finding.message}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
            <code>{finding.rule}</code>
            {location ? <span className="break-all">{location}</span> : null}
          </div>
        </div>
      </div>
    </li>
  );
}

/**
 * Whether a stage of the design can become an Amazon Bedrock AgentCore Gateway target. The MCP readiness
 * rules are not design problems, so the panel runs them itself (incrementally, like the store's linter).
 */
function useMcpReadiness(): { readiness: McpReadiness; findings: Finding[] } {
  const design = usePortico((s) => s.design);
  const linter = useMemo(() => createLinter({ rules: mcpRules }), []);
  return useMemo(() => {
    const findings = linter.run(design);
    return { readiness: mcpReadiness(design, findings), findings };
  }, [linter, design]);
}

function McpReadinessSection({ filter }: { filter: 'all' | Finding['severity'] }) {
  const { readiness, findings } = useMcpReadiness();
  const shown = findings.filter((finding) => filter === 'all' || finding.severity === filter);
  return (
    <section aria-labelledby="mcp-readiness-heading" data-testid="mcp-readiness" className="mt-3">
      <h3
        id="mcp-readiness-heading"
        className="border-b border-slate-200 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-300"
      >
        {mcpSectionTitle}
      </h3>
      <p className="mt-1 text-xs text-slate-700 dark:text-slate-200" data-testid="mcp-summary">
        {readiness.summary}
        {readiness.applies ? ' Operation names and descriptions become the tool names and descriptions.' : ''}
      </p>
      {shown.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs text-violet-700 dark:text-violet-300">
            {shown.length === 1 ? '1 finding' : `${shown.length} findings`}
          </summary>
          <ul aria-label="MCP readiness">
            {shown.map((finding) => (
              <FindingRow key={`${finding.ruleId}:${finding.target.id}:${finding.message}`} finding={finding} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The live list of rule findings: click one to select and centre its element; "Why?" teaches the rule. */
export function ProblemsPanel() {
  const findings = usePortico((s) => s.findings);
  const dismissImportFindings = usePortico((s) => s.dismissImportFindings);
  const fromImport = useImportFindings();
  const [filter, setFilter] = useState<'all' | Finding['severity']>('all');
  const shown = findings
    .filter((finding) => filter === 'all' || finding.severity === filter)
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const shownFromImport = (fromImport?.findings ?? [])
    .filter((finding) => filter === 'all' || finding.severity === filter)
    .sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  if (findings.length === 0 && !fromImport)
    return (
      <div className="p-3 text-sm">
        <p className="text-slate-600 dark:text-slate-300" data-testid="no-problems">
          No problems: API Gateway would accept this design as it is.
        </p>
        <McpReadinessSection filter="all" />
      </div>
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
      {fromImport ? (
        <section aria-labelledby="import-findings-heading" data-testid="import-findings" className="mb-3">
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 pb-1 dark:border-slate-700">
            <h3 id="import-findings-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
              From the import
            </h3>
            <Button size="sm" variant="ghost" icon={<X size={12} />} onClick={dismissImportFindings}>
              Dismiss
            </Button>
          </div>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
            What reading {fromImport.source} changed or dropped. They are about the document, not the design, and are not saved with it.
          </p>
          <ul aria-label="From the import">
            {shownFromImport.map((finding) => (
              <ImportFindingRow key={`${finding.rule}:${finding.path ?? ''}:${finding.message}`} finding={finding} />
            ))}
          </ul>
        </section>
      ) : null}
      {findings.length > 0 ? (
        <ul aria-label="Problems">
          {shown.map((finding) => (
            <FindingRow key={`${finding.ruleId}:${finding.target.id}:${finding.message}`} finding={finding} />
          ))}
        </ul>
      ) : (
        <p className="text-slate-600 dark:text-slate-300" data-testid="no-design-problems">
          No problems in the design: API Gateway would accept it as it is.
        </p>
      )}
      <McpReadinessSection filter={filter} />
    </div>
  );
}
