import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { parseHttpRouteKey, type RouteId } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ElementNode } from '../design-to-flow';
import { ApiKeyBadge, AuthBadge, BackendBadge, VerbBadge, verbAccent } from './badges';
import { NodeFrame } from './node-frame';

function RouteNodeView({ id }: NodeProps<ElementNode>) {
  const route = usePortico((s) => s.design.routes[id as RouteId]);
  if (!route) return null;
  const parsed = parseHttpRouteKey(route.routeKey);
  return (
    <NodeFrame id={id} label={`Route ${route.routeKey}`} accent={parsed ? verbAccent(parsed.method) : 'bg-sky-500'} target source>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex min-w-0 items-center gap-1.5">
          {parsed ? <VerbBadge verb={parsed.method} /> : null}
          <span className="truncate font-mono text-xs font-medium" title={route.routeKey}>
            {parsed ? parsed.path : route.routeKey}
          </span>
        </div>
        <div className="flex min-w-0 items-center gap-1 overflow-hidden">
          <AuthBadge authorizerId={route.authorizerId} />
          <BackendBadge binding={route.integration} />
          {route.apiKeyRequired ? <ApiKeyBadge /> : null}
        </div>
      </div>
    </NodeFrame>
  );
}

export const RouteNode = memo(RouteNodeView);
