import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { IntegrationId, IntegrationTarget, TextOrIntrinsic } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ElementNode } from '../design-to-flow';
import { integrationIcons } from '../kind-icons';
import { integrationLabels } from '../palette-entries';
import { NodeFrame } from './node-frame';

function text(value: TextOrIntrinsic | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function host(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^[a-z]+:\/\/([^/?#]+)/i.exec(url);
  return match?.[1] ?? url;
}

/** The one detail that tells two targets of a kind apart: function name, URL host, service action. */
export function integrationDetail(target: IntegrationTarget): string {
  if (target.rawUri !== undefined) return text(target.rawUri) ?? 'imported URI';
  switch (target.kind) {
    case 'LAMBDA': {
      const match = /:function:([^:]+)(?::(.+))?$/.exec(target.functionArn);
      return match?.[1] ? (match[2] ? `${match[1]}:${match[2]}` : match[1]) : target.functionArn;
    }
    case 'HTTP':
      return `${target.httpMethod} ${host(target.url) ?? ''}`.trim();
    case 'AWS_SERVICE':
      return target.integrationSubtype ?? `${target.service} ${target.actionOrPath}`;
    case 'MOCK':
      return 'Fixed response, no backend';
    case 'VPC_LINK':
      return host(text(target.url)) ?? text(target.connectionId) ?? 'VPC link';
  }
}

function IntegrationNodeView({ id }: NodeProps<ElementNode>) {
  const target = usePortico((s) => s.design.integrations[id as IntegrationId]);
  if (!target) return null;
  const Icon = integrationIcons[target.kind];
  const kind = integrationLabels[target.kind];
  const detail = integrationDetail(target);
  return (
    <NodeFrame id={id} label={`${kind} integration ${target.name}`} accent="bg-emerald-500" target>
      <Icon aria-hidden="true" className="h-4 w-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
      <div className="flex min-w-0 flex-1 flex-col">
        <span className="truncate text-xs font-semibold" title={target.name}>
          {target.name}
        </span>
        <span className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400" title={detail}>
          {detail}
        </span>
      </div>
    </NodeFrame>
  );
}

export const IntegrationNode = memo(IntegrationNodeView);
