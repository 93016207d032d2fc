import type { ElementChange, PropertyChange } from '../../core/diff';
import type { JsonValue } from '../../core/model';
import { changeTag } from '../../ui/change-tones';

/** A value as one line of JSON, shortened: the list is for reading, the text diff has everything. */
function shown(value: JsonValue | undefined): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function Row({ change }: { change: PropertyChange }) {
  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-700">
      <th scope="row" className="py-1 pr-2 text-left font-mono font-normal break-all">
        {change.path || '(whole element)'}
      </th>
      <td className="py-1 pr-2 font-mono break-all text-red-800 dark:text-red-300">
        <span className="sr-only">before: </span>
        {shown(change.before)}
      </td>
      <td className="py-1 font-mono break-all text-emerald-800 dark:text-emerald-300">
        <span className="sr-only">after: </span>
        {shown(change.after)}
      </td>
    </tr>
  );
}

/**
 * What changed in one element, property by property (ids replaced by the names they point at, so that
 * "authorizer: PetOwners → Partners" reads as people say it).
 */
export function PropertyDiff({ change }: { change: ElementChange | undefined }) {
  if (!change)
    return (
      <p className="text-xs text-slate-600 dark:text-slate-300">
        Select a changed element on the canvas or in the list to see what changed in it, property by property.
      </p>
    );
  return (
    <section aria-label={`What changed in ${change.label}`} data-testid="property-diff" className="space-y-1">
      <h4 className="flex items-center gap-2 text-xs font-semibold">
        <span className={`rounded px-1 ${changeTag[change.change]}`}>{change.change}</span>
        <span className="min-w-0 truncate font-mono">{change.label}</span>
      </h4>
      {change.change === 'changed' ? (
        <table className="w-full table-fixed text-xs">
          <thead className="sr-only">
            <tr>
              <th scope="col">Property</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {change.properties.map((property) => (
              <Row key={property.path} change={property} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {change.change === 'added' ? 'New in this side of the comparison: every property is new.' : 'Only the base has it.'}
        </p>
      )}
    </section>
  );
}
