import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { type MethodId, resourcePath } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ElementNode } from '../design-to-flow';
import { ApiKeyBadge, AuthBadge, BackendBadge, VerbBadge, verbAccent } from './badges';
import { NodeFrame } from './node-frame';

function MethodNodeView({ id }: NodeProps<ElementNode>) {
  const method = usePortico((s) => s.design.methods[id as MethodId]);
  const path = usePortico((s) => {
    const resourceId = s.design.methods[id as MethodId]?.resourceId;
    return resourceId ? resourcePath(s.design, resourceId) : '';
  });
  if (!method) return null;
  return (
    <NodeFrame id={id} label={`Method ${method.httpMethod} ${path}`} accent={verbAccent(method.httpMethod)} target source>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex min-w-0 items-center gap-1.5">
          <VerbBadge verb={method.httpMethod} />
          <span className="truncate font-mono text-xs" title={path}>
            {path}
          </span>
        </div>
        <div className="flex min-w-0 items-center gap-1 overflow-hidden">
          <AuthBadge authorizerId={method.authorizerId} />
          <BackendBadge binding={method.integration} />
          {method.apiKeyRequired ? <ApiKeyBadge /> : null}
        </div>
      </div>
    </NodeFrame>
  );
}

export const MethodNode = memo(MethodNodeView);
