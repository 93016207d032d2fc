import { Handle, type NodeProps, Position } from '@xyflow/react';
import { Globe2 } from 'lucide-react';
import { memo } from 'react';
import { type CustomDomain, type Design, type DomainId, rulesByPriority, updateDomain } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { useCanvasUi } from '../canvas-ui';
import { type ElementNode, outHandleId } from '../design-to-flow';
import { handleClass, InlineRename } from './card-parts';
import { ChangeBadge, changeClass, describeMark, markAttributes, useChangeMark } from './change-highlight';
import { useZoomedOut } from './use-zoomed-out';

export interface DomainLine {
  /** What the line matches: a base path, or a rule's priority and conditions. */
  match: string;
  /** The stage the traffic goes to. */
  stage: string;
  /** Routing rules are marked apart from API mappings. */
  rule: boolean;
}

/**
 * The lines a domain card lists, in the order API Gateway applies them when rules come first: routing
 * rules by priority, then API mappings; an empty domain says what it lacks.
 */
export function domainLines(domain: CustomDomain, stages: Design['stages']): DomainLine[] {
  const stageName = (id: string) => stages[id as keyof Design['stages']]?.name ?? 'missing stage';
  const rules = rulesByPriority(domain).map((rule) => {
    const conditions = [
      ...rule.conditions.headers.map((condition) => `${condition.header}: ${condition.valueGlob}`),
      ...rule.conditions.basePaths.map((path) => `/${path}`),
    ];
    return {
      match: `#${rule.priority} ${conditions.length > 0 ? conditions.join(' & ') : 'any request'}`,
      stage: stageName(rule.action.stageId),
      rule: true,
    };
  });
  const mappings = domain.mappings.map((mapping) => ({ match: `/${mapping.basePath}`, stage: stageName(mapping.stageId), rule: false }));
  const ordered = domain.routingMode === 'API_MAPPING_ONLY' ? [...mappings, ...rules] : [...rules, ...mappings];
  return ordered.length > 0 ? ordered : [{ match: 'No API mapping yet', stage: '', rule: false }];
}

/** What the header's tag says: endpoint type, and what sets the domain apart (dual-stack, mutual TLS). */
export function domainTag(domain: CustomDomain): string {
  const parts: string[] = [domain.endpointType === 'EDGE' ? 'Edge' : domain.endpointType === 'PRIVATE' ? 'Private' : 'Regional'];
  if (domain.ipAddressType === 'dualstack') parts.push('IPv6');
  if (domain.mutualTls) parts.push('mTLS');
  return parts.join(' · ');
}

/**
 * A custom domain: the host name callers use, and where each API mapping and routing rule sends them
 * (which stage). Its edge runs into the API's first card: the way in.
 */
function DomainCardView({ id }: NodeProps<ElementNode>) {
  const store = usePorticoStore();
  const domain = usePortico((s) => s.design.domains?.[id as DomainId]);
  const stages = usePortico((s) => s.design.stages);
  const problems = usePortico((s) => s.findingsByTarget[id]?.length ?? 0);
  const renaming = useCanvasUi((s) => s.renaming === id);
  const startRename = useCanvasUi((s) => s.startRename);
  const mark = useChangeMark(id);
  const zoomedOut = useZoomedOut();
  if (!domain) return null;
  const lines = domainLines(domain, stages);
  const tag = domainTag(domain);
  const label = `Custom domain ${domain.domainName} (${tag}): ${lines.map((line) => (line.stage ? `${line.match} to ${line.stage}` : line.match)).join('; ')}${problems > 0 ? ` (${problems} ${problems === 1 ? 'problem' : 'problems'})` : ''}${describeMark(mark)}`;
  if (zoomedOut)
    return (
      // biome-ignore lint/a11y/useSemanticElements: a card drawn far out is a named group, not a form fieldset
      <div
        data-testid={`node-${id}`}
        data-element-id={id}
        role="group"
        aria-label={label}
        {...markAttributes(mark)}
        className={`h-full w-full rounded-md bg-sky-600 ${changeClass(mark)}`}
      />
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card is a named group of handles, not a form fieldset
    <div
      data-testid={`node-${id}`}
      data-element-id={id}
      role="group"
      aria-label={label}
      title={label}
      {...markAttributes(mark)}
      className={`relative flex h-full w-full flex-col rounded-lg border border-l-4 border-slate-300 border-l-sky-600 bg-white text-slate-900 shadow-sm dark:border-slate-600 dark:border-l-sky-400 dark:bg-slate-900 dark:text-slate-100 ${changeClass(mark)}`}
      onDoubleClick={(event) => {
        event.stopPropagation();
        startRename(id);
      }}
    >
      <div className="flex h-10 min-w-0 shrink-0 items-center gap-2 border-b border-slate-200 px-2.5 dark:border-slate-700">
        <Globe2 aria-hidden="true" className="h-4 w-4 shrink-0 text-sky-700 dark:text-sky-400" />
        {renaming ? (
          <InlineRename
            value={domain.domainName}
            label="New domain name"
            className="font-mono"
            onCommit={(next) =>
              store.getState().apply('Rename custom domain', (d) => updateDomain(d, id as DomainId, { domainName: next }))
            }
            onDone={() => startRename(null)}
          />
        ) : (
          <span className="min-w-0 flex-1 truncate font-mono text-[13px] font-semibold" title={domain.domainName}>
            {domain.domainName}
          </span>
        )}
        <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">{tag}</span>
        <ChangeBadge mark={mark} />
        {problems > 0 ? <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-amber-500" /> : null}
      </div>
      <ul className="flex flex-col py-1">
        {lines.map((line, index) => (
          <li
            // Lines have no identity of their own: a base path or a priority, both editable.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            className="flex h-7 min-w-0 items-center gap-2 px-2.5 text-xs"
          >
            <span
              className={`min-w-0 flex-1 truncate font-mono ${line.stage ? '' : 'italic text-slate-600 dark:text-slate-300'}`}
              title={line.match}
            >
              {line.rule ? <span className="mr-1 font-sans font-semibold text-sky-700 dark:text-sky-400">rule</span> : null}
              {line.match}
            </span>
            {line.stage ? (
              <span
                className="shrink-0 rounded bg-sky-50 px-1.5 font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200"
                title={`Stage ${line.stage}`}
              >
                → {line.stage}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <Handle type="source" id={outHandleId} position={Position.Right} isConnectable={false} className={handleClass} style={{ top: 20 }} />
    </div>
  );
}

export const DomainCard = memo(DomainCardView);
