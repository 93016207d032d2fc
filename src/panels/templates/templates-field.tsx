import { Maximize2, Plus, Trash2 } from 'lucide-react';
import { memo, useCallback } from 'react';
import type { MethodId, RouteId } from '../../core/model';
import type { TemplatePhase } from '../../core/templates/render-template';
import { templateVocabulary } from '../../core/templates/template-vocabulary';
import { usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { inputClass } from '../../ui/field';
import { newRowId, sameFieldProps, useKeyValueRows } from '../fields';
import type { Operation } from '../use-field-commit';
import { TemplateEditor } from './template-editor';
import { openWorkbench } from './workbench-state';

/**
 * Mapping templates by content type (a method's request templates, or one integration response's), each in
 * a template editor. Rows live locally so that a row can be added before it has a content type; complete
 * rows are committed on every keystroke, coalesced into one undo step per field. "Expand" opens the
 * template in the integration workbench, a large editor beside the offline test.
 */
export const TemplatesField = memo(function TemplatesField(props: {
  label: string;
  fieldKey: string;
  opLabel?: string;
  ownerId: MethodId | RouteId;
  phase: TemplatePhase;
  value: Record<string, string>;
  toOperation: (record: Record<string, string>) => Operation;
  keyLabel: string;
  valueLabel: string;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  addLabel?: string;
  emptyText?: string;
  hint?: string;
  /** A REST method's templates open in the workbench (primitive props, so that the memo holds). */
  expandable?: boolean;
  /** For a response's templates: which integration response this is. */
  responseIndex?: number;
}) {
  const store = usePorticoStore();
  const { rows, rowsRef, update, error } = useKeyValueRows(props);
  const { ownerId, phase } = props;
  const vocabulary = useCallback(() => templateVocabulary(store.getState().design, ownerId, phase), [store, ownerId, phase]);
  const expand = (contentType: string) => {
    const methodId = ownerId as MethodId;
    if (phase === 'request') openWorkbench(methodId, { phase: 'request', contentType });
    else openWorkbench(methodId, { phase: 'response', index: props.responseIndex ?? 0, contentType });
  };
  return (
    <fieldset className="space-y-1">
      <legend className="mb-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">{props.label}</legend>
      {rows.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">{props.emptyText ?? 'None yet.'}</p> : null}
      {rows.map((row, index) => (
        <div key={row.rowId} className="space-y-1 rounded border border-slate-200 p-1 dark:border-slate-700">
          <div className="flex items-center gap-1">
            <input
              className={`${inputClass} font-mono text-xs`}
              value={row.key}
              placeholder={props.keyPlaceholder ?? props.keyLabel}
              aria-label={`${props.keyLabel} ${index + 1}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => update(rows.map((other) => (other.rowId === row.rowId ? { ...other, key: event.target.value } : other)))}
            />
            {props.expandable ? (
              <IconButton
                label={`Expand ${props.valueLabel.toLowerCase()} ${row.key || index + 1}`}
                icon={<Maximize2 size={14} />}
                disabled={row.key.trim() === ''}
                onClick={() => expand(row.key.trim())}
              />
            ) : null}
            <IconButton
              label={`Remove ${props.keyLabel.toLowerCase()} ${row.key || index + 1}`}
              icon={<Trash2 size={14} />}
              onClick={() => update(rows.filter((other) => other.rowId !== row.rowId))}
            />
          </div>
          <TemplateEditor
            value={row.value}
            label={`${props.valueLabel} ${index + 1}`}
            vocabulary={vocabulary}
            placeholder={props.valuePlaceholder}
            onChange={(text) => update(rowsRef.current.map((other) => (other.rowId === row.rowId ? { ...other, value: text } : other)))}
          />
        </div>
      ))}
      {error ? (
        <p role="alert" data-testid="field-error" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {props.hint ? <p className="text-xs text-slate-500 dark:text-slate-400">{props.hint}</p> : null}
      <Button
        size="sm"
        variant="ghost"
        icon={<Plus size={14} />}
        onClick={() =>
          // The first template is almost always JSON's: it starts named, so it is kept at once.
          update([
            ...rows,
            { key: rows.some((row) => row.key.trim() === 'application/json') ? '' : 'application/json', value: '', rowId: newRowId() },
          ])
        }
      >
        {props.addLabel ?? `Add ${props.keyLabel.toLowerCase()}`}
      </Button>
    </fieldset>
  );
}, sameFieldProps);
