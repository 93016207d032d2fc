import { useMemo } from 'react';
import { type ResourceId, resourcePath } from '../../core/model';
import { renameResourceEverywhere } from '../../core/model/operations/rename-references';
import { usePortico, usePorticoStore } from '../../state/context';
import { renameOperation } from '../../state/rename-notice';
import { TextField } from '../fields';

/** A REST resource: its path part (the full path follows from its parents). */
export function ResourceForm({ id }: { id: ResourceId }) {
  const resource = usePortico((s) => s.design.resources[id]);
  const store = usePorticoStore();
  const path = usePortico((s) => resourcePath(s.design, id));
  // Worked out when the methods change, not on every store update (a scan of every method of the design).
  const methods = usePortico((s) => s.design.methods);
  const verbs = useMemo(
    () =>
      Object.values(methods)
        .filter((method) => method.resourceId === id)
        .map((method) => method.httpMethod),
    [methods, id],
  );
  if (!resource) return null;
  return (
    <div className="space-y-2">
      <h2 className="text-sm font-semibold">
        Resource <span className="font-mono">{path}</span>
      </h2>
      {resource.parentId === null ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          The root resource <span className="font-mono">/</span> has no path part. Add resources under it from the palette.
        </p>
      ) : (
        <TextField
          label="Path part"
          fieldKey={`${id}.pathPart`}
          value={resource.pathPart}
          hint="One segment: letters, digits and _ - . , : — or a parameter such as {id} or the greedy {proxy+}."
          // A path parameter's new name follows into the mappings and templates of the methods below.
          toOperation={(pathPart) => renameOperation(store, `${id}.pathPart`, (design) => renameResourceEverywhere(design, id, pathPart))}
        />
      )}
      <p className="text-xs text-slate-600 dark:text-slate-300">
        {verbs.length === 0
          ? 'No methods yet: add a method to this resource from the palette or the canvas.'
          : `Methods: ${verbs.join(', ')}`}
      </p>
    </div>
  );
}
