import { Trash2 } from 'lucide-react';
import type { AuthorizerId, Design, DomainId, IntegrationId, MethodId, NodeId, ResourceId, RouteGroupId, RouteId } from '../../core/model';
import { deleteElements, designCards, isRouteGroupId } from '../../core/model';
import { usePortico } from '../../state/context';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/field';
import { DomainForm } from '../domains/domain-form';
import { useApply } from '../use-field-commit';
import { AuthorizerForm } from './authorizer-form';
import { IntegrationForm } from './integration-form';
import { MethodForm, RouteForm } from './operation-form';
import { ResourceForm } from './resource-form';

type NodeKind = 'resource' | 'method' | 'route' | 'authorizer' | 'integration' | 'custom domain';

function kindOf(design: Design, id: string): NodeKind | undefined {
  if (Object.hasOwn(design.resources, id)) return 'resource';
  if (Object.hasOwn(design.methods, id)) return 'method';
  if (Object.hasOwn(design.routes, id)) return 'route';
  if (Object.hasOwn(design.authorizers, id)) return 'authorizer';
  if (Object.hasOwn(design.integrations, id)) return 'integration';
  if (Object.hasOwn(design.domains ?? {}, id)) return 'custom domain';
  return undefined;
}

/** The form of one selected element (a route group's card shows its routes), and its Delete button. */
export function NodeInspector({ id }: { id: NodeId }) {
  const kind = usePortico((s) => kindOf(s.design, id));
  const isRoot = usePortico((s) => s.design.resources[id as ResourceId]?.parentId === null);
  const apiType = usePortico((s) => s.design.api.type);
  const apply = useApply();
  if (!kind) return isRouteGroupId(id) ? <RouteGroupSummary id={id} /> : <EmptyState>The selected element no longer exists.</EmptyState>;
  return (
    <div className="space-y-3">
      {kind === 'resource' ? <ResourceForm id={id as ResourceId} /> : null}
      {kind === 'method' ? <MethodForm id={id as MethodId} /> : null}
      {kind === 'route' ? <RouteForm id={id as RouteId} /> : null}
      {kind === 'authorizer' ? <AuthorizerForm id={id as AuthorizerId} /> : null}
      {kind === 'integration' ? <IntegrationForm id={id as IntegrationId} /> : null}
      {kind === 'custom domain' ? <DomainForm domainId={id as DomainId} apiType={apiType} /> : null}
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

/** A route group's card (an HTTP path, or a WebSocket API's routes): its routes, each one click away. */
function RouteGroupSummary({ id }: { id: RouteGroupId }) {
  const routes = usePortico((s) => designCards(s.design).byId.get(id)?.rows.join('\n') ?? '');
  const title = usePortico((s) => designCards(s.design).byId.get(id)?.title ?? '');
  const design = usePortico((s) => s.design);
  const select = usePortico((s) => s.select);
  if (routes === '') return <EmptyState>The selected routes no longer exist.</EmptyState>;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{title === 'Routes' ? 'Routes' : <span className="font-mono">{title}</span>}</h3>
      <ul className="space-y-1">
        {(routes.split('\n') as RouteId[]).map((routeId) => (
          <li key={routeId}>
            <button
              type="button"
              onClick={() => select([routeId])}
              className="w-full rounded border border-slate-200 px-2 py-1 text-left font-mono text-xs hover:border-violet-500 dark:border-slate-700"
            >
              {design.routes[routeId]?.routeKey}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
