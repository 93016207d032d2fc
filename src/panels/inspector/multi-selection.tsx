import { Trash2 } from 'lucide-react';
import { deleteElements, idKindOf, type NodeId } from '../../core/model';
import { Button } from '../../ui/button';
import { useApply } from '../use-field-commit';

const kindNames: Record<string, [string, string]> = {
  Resource: ['resource', 'resources'],
  Method: ['method', 'methods'],
  Route: ['route', 'routes'],
  Authorizer: ['authorizer', 'authorizers'],
  Integration: ['integration', 'integrations'],
};

/** Several nodes selected: what they are, and a way to delete them together. */
export function MultiSelection({ ids }: { ids: NodeId[] }) {
  const apply = useApply();
  const counts = new Map<string, number>();
  for (const id of ids) {
    const kind = idKindOf(id) ?? 'Element';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return (
    <div className="space-y-3">
      <h2 className="text-sm font-semibold">{ids.length} elements selected</h2>
      <ul className="list-inside list-disc text-sm">
        {[...counts].map(([kind, count]) => (
          <li key={kind}>
            {count} {kindNames[kind]?.[count === 1 ? 0 : 1] ?? 'elements'}
          </li>
        ))}
      </ul>
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Select a single element to edit its properties. Shift-click adds to or removes from the selection.
      </p>
      <Button
        variant="danger"
        icon={<Trash2 size={14} />}
        onClick={() => apply(`Delete ${ids.length} elements`, (design) => deleteElements(design, ids))}
      >
        Delete {ids.length} elements
      </Button>
    </div>
  );
}
