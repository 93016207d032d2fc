import type { NodeProps } from '@xyflow/react';
import { FolderTree } from 'lucide-react';
import { memo } from 'react';
import { isGreedy, isPathParameter, type ResourceId, resourcePath } from '../../core/model';
import { usePortico } from '../../state/context';
import type { ElementNode } from '../design-to-flow';
import { NodeFrame } from './node-frame';

function ResourceNodeView({ id }: NodeProps<ElementNode>) {
  const resourceId = id as ResourceId;
  const pathPart = usePortico((s) => s.design.resources[resourceId]?.pathPart);
  // A string, so the node re-renders only when its own path changes (a rename above it, a move).
  const path = usePortico((s) => resourcePath(s.design, resourceId));
  if (pathPart === undefined) return null;
  const greedy = isGreedy(pathPart);
  const parameter = isPathParameter(pathPart);
  const lastSlash = path === '/' ? -1 : path.lastIndexOf('/');
  const parentPath = path.slice(0, lastSlash + 1);
  return (
    <NodeFrame id={id} label={`Resource ${path}`} accent="bg-indigo-500" target source>
      <FolderTree aria-hidden="true" className="h-4 w-4 shrink-0 text-indigo-500" />
      <span className="min-w-0 flex-1 truncate font-mono text-xs" title={path}>
        <span className="text-slate-500 dark:text-slate-400">{parentPath}</span>
        <span
          className={
            greedy
              ? 'font-semibold text-fuchsia-600 dark:text-fuchsia-400'
              : parameter
                ? 'font-semibold text-violet-600 dark:text-violet-400'
                : 'font-semibold'
          }
        >
          {path.slice(lastSlash + 1)}
        </span>
      </span>
      {greedy ? (
        <span className="shrink-0 rounded bg-fuchsia-100 px-1 text-[10px] font-medium text-fuchsia-700 dark:bg-fuchsia-950 dark:text-fuchsia-300">
          greedy
        </span>
      ) : null}
    </NodeFrame>
  );
}

export const ResourceNode = memo(ResourceNodeView);
