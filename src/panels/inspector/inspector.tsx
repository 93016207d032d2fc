import { Trash2 } from 'lucide-react';
import type { AuthorizerId, Design, IntegrationId, MethodId, NodeId, ResourceId, RouteId } from '../../core/model';
import { deleteElements } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { useApply } from '../use-field-commit';
import { AuthorizerForm } from './authorizer-form';
import { IntegrationForm } from './integration-form';
import { MultiSelection } from './multi-selection';
import { MethodForm, RouteForm } from './operation-form';
import { ResourceForm } from './resource-form';

type NodeKind = 'resource' | 'method' | 'route' | 'authorizer' | 'integration';

function kindOf(design: Design, id: string): NodeKind | undefined {
  if (Object.hasOwn(design.resources, id)) return 'resource';
  if (Object.hasOwn(design.methods, id)) return 'method';
  if (Object.hasOwn(design.routes, id)) return 'route';
  if (Object.hasOwn(design.authorizers, id)) return 'authorizer';
  if (Object.hasOwn(design.integrations, id)) return 'integration';
  return undefined;
}

/** Shows a form for the selected node, a summary for several, or how to get started for none. */
export function Inspector() {
  const selection = usePortico((s) => s.selection);
  return (
    <div className="p-3 text-sm" data-testid="inspector">
      {selection.length === 0 ? (
        <EmptyState>
          Select a resource, method, route, authorizer or integration on the canvas to edit all of its properties here. API-wide settings,
          stages and usage plans have their own tabs.
        </EmptyState>
      ) : selection.length > 1 ? (
        <MultiSelection ids={selection} />
      ) : (
        <NodeInspector key={selection[0]} id={selection[0] as NodeId} />
      )}
    </div>
  );
}

function NodeInspector({ id }: { id: NodeId }) {
  const kind = usePortico((s) => kindOf(s.design, id));
  const isRoot = usePortico((s) => s.design.resources[id as ResourceId]?.parentId === null);
  const apply = useApply();
  if (!kind) return <EmptyState>The selected element no longer exists.</EmptyState>;
  return (
    <div className="space-y-3">
      {kind === 'resource' ? <ResourceForm id={id as ResourceId} /> : null}
      {kind === 'method' ? <MethodForm id={id as MethodId} /> : null}
      {kind === 'route' ? <RouteForm id={id as RouteId} /> : null}
      {kind === 'authorizer' ? <AuthorizerForm id={id as AuthorizerId} /> : null}
      {kind === 'integration' ? <IntegrationForm id={id as IntegrationId} /> : null}
      {isRoot ? null : (
        <div className="border-t border-slate-200 pt-3 dark:border-slate-700">
          <Button
            variant="danger"
            size="sm"
            icon={<Trash2 size={14} />}
            onClick={() => apply(`Delete ${kind}`, (design) => deleteElements(design, [id]))}
          >
            Delete {kind}
          </Button>
        </div>
      )}
    </div>
  );
}
