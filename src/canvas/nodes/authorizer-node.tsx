import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AuthorizerId } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ElementNode } from '../design-to-flow';
import { authorizerIcons } from '../kind-icons';
import { authorizerLabels } from '../palette-entries';
import { NodeFrame } from './node-frame';

function AuthorizerNodeView({ id }: NodeProps<ElementNode>) {
  const authorizer = usePortico((s) => s.design.authorizers[id as AuthorizerId]);
  if (!authorizer) return null;
  const Icon = authorizerIcons[authorizer.kind];
  const kind = authorizerLabels[authorizer.kind];
  return (
    <NodeFrame id={id} label={`Authorizer ${authorizer.name} (${kind})`} accent="bg-amber-500" target>
      <Icon aria-hidden="true" className="h-4 w-4 shrink-0 text-amber-600 dark:text-amber-400" />
      <div className="flex min-w-0 flex-1 flex-col">
        <span className="truncate text-xs font-semibold" title={authorizer.name}>
          {authorizer.name}
        </span>
        <span className="truncate text-[10px] text-slate-500 uppercase tracking-wide dark:text-slate-400">{kind} authorizer</span>
      </div>
    </NodeFrame>
  );
}

export const AuthorizerNode = memo(AuthorizerNodeView);
