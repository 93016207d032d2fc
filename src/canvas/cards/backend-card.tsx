import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { type AuthorizerId, type IntegrationId, updateAuthorizer, updateIntegration } from '../../core/model';
import { usePortico, usePorticoStore } from '../../state/context';
import { useCanvasUi } from '../canvas-ui';
import { authorizerDetail, integrationDetail } from '../describe';
import { bodyHandleId, type ElementNode, inHandleId } from '../design-to-flow';
import { authorizerIcons, integrationIcons } from '../kind-icons';
import { authorizerLabels, integrationLabels } from '../palette-entries';
import { handleClass, InlineRename } from './card-parts';
import { ChangeBadge, changeClass, describeMark, markAttributes, useChangeMark } from './change-highlight';
import { useZoomedOut } from './use-zoomed-out';

const usageMemo = new WeakMap<object, Map<string, number>>();
/** How many methods and routes use each backend, counted once per design (not once per card per change). */
function usageCounts(design: { methods: object; routes: object }): Map<string, number> {
  let counts = usageMemo.get(design);
  if (!counts) {
    counts = new Map();
    for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)] as {
      integration?: { integrationId: string };
      authorizerId?: string;
    }[]) {
      if (owner.integration) counts.set(owner.integration.integrationId, (counts.get(owner.integration.integrationId) ?? 0) + 1);
      if (owner.authorizerId) counts.set(owner.authorizerId, (counts.get(owner.authorizerId) ?? 0) + 1);
    }
    usageMemo.set(design, counts);
  }
  return counts;
}

/** How many methods or routes use a backend: a number, so the card re-renders only when it changes. */
function useUses(id: string): number {
  return usePortico((s) => usageCounts(s.design).get(id) ?? 0);
}

/**
 * An integration or authorizer card: its name, its kind, and what tells it apart from others of its kind
 * (the function a Lambda integration calls, an HTTP endpoint's host, a service action, where an
 * authorizer reads the caller's identity), and how many methods use it.
 */
function BackendCardView({ id, type }: NodeProps<ElementNode>) {
  const store = usePorticoStore();
  const integration = usePortico((s) => (type === 'integration' ? s.design.integrations[id as IntegrationId] : undefined));
  const authorizer = usePortico((s) => (type === 'authorizer' ? s.design.authorizers[id as AuthorizerId] : undefined));
  const apiType = usePortico((s) => s.design.api.type);
  const uses = useUses(id);
  const problems = usePortico((s) => s.findingsByTarget[id]?.length ?? 0);
  const mark = useChangeMark(id);
  const renaming = useCanvasUi((s) => s.renaming === id);
  const startRename = useCanvasUi((s) => s.startRename);
  const zoomedOut = useZoomedOut();
  const element = integration ?? authorizer;
  if (!element) return null;
  const kind = integration ? integrationLabels[integration.kind] : authorizerLabels[(authorizer as NonNullable<typeof authorizer>).kind];
  const detail = integration ? integrationDetail(integration) : authorizerDetail(authorizer as NonNullable<typeof authorizer>, apiType);
  const Icon = integration ? integrationIcons[integration.kind] : authorizerIcons[(authorizer as NonNullable<typeof authorizer>).kind];
  const noun = integration ? 'integration' : 'authorizer';
  const label = `${kind} ${noun} ${element.name}: ${detail}${problems > 0 ? ` (${problems} ${problems === 1 ? 'problem' : 'problems'})` : ''}${describeMark(mark)}`;
  const accent = integration ? 'border-emerald-500' : 'border-amber-500';
  if (zoomedOut)
    return (
      // biome-ignore lint/a11y/useSemanticElements: a card drawn far out is a named group, not a form fieldset
      <div
        data-testid={`node-${id}`}
        data-element-id={id}
        role="group"
        aria-label={label}
        {...markAttributes(mark)}
        className={`h-full w-full rounded-md ${integration ? 'bg-emerald-500' : 'bg-amber-500'} ${changeClass(mark)}`}
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
      className={`relative flex h-full w-full flex-col justify-center gap-0.5 rounded-lg border border-l-4 border-slate-300 bg-white px-2.5 text-slate-900 shadow-sm dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${accent} ${changeClass(mark)}`}
      onDoubleClick={(event) => {
        event.stopPropagation();
        startRename(id);
      }}
    >
      <div className="flex min-w-0 items-center gap-2">
        <Icon
          aria-hidden="true"
          className={`h-4 w-4 shrink-0 ${integration ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}`}
        />
        {renaming ? (
          <InlineRename
            value={element.name}
            label={`New ${noun} name`}
            className="font-sans"
            onCommit={(next) =>
              store
                .getState()
                .apply(
                  integration ? 'Rename integration' : 'Rename authorizer',
                  integration
                    ? (d) => updateIntegration(d, id as IntegrationId, { name: next })
                    : (d) => updateAuthorizer(d, id as AuthorizerId, { name: next }),
                )
            }
            onDone={() => startRename(null)}
          />
        ) : (
          <span className="min-w-0 flex-1 truncate text-[13px] font-semibold" title={element.name}>
            {element.name}
          </span>
        )}
        <ChangeBadge mark={mark} />
        <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300" title={`Used by ${uses}`}>
          {uses === 0 ? 'unused' : `${uses}×`}
        </span>
        {problems > 0 ? <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-amber-500" /> : null}
      </div>
      <div className="min-w-0 truncate text-xs text-slate-600 dark:text-slate-300" title={detail}>
        <span className="font-medium">{kind}</span> · <span className="font-mono">{detail}</span>
      </div>
      <Handle type="target" id={inHandleId} position={Position.Left} className={handleClass} />
      <Handle type="target" id={bodyHandleId} position={Position.Left} isConnectableStart={false} className="portico-body-handle" />
    </div>
  );
}

export const BackendCard = memo(BackendCardView);
