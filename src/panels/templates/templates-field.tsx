import { Maximize2, Plus, Trash2 } from 'lucide-react';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { MethodId, RouteId } from '../../core/model';
import type { TemplatePhase } from '../../core/templates/render-template';
import { templateVocabulary } from '../../core/templates/template-vocabulary';
import { usePorticoStore } from '../../state/context';
import { Button, IconButton } from '../../ui/button';
import { inputClass } from '../../ui/field';
import { recordFromRows } from '../drafts';
import { changeLabel, sameFieldProps } from '../fields';
import { type Operation, useFieldCommit } from '../use-field-commit';
import { TemplateEditor } from './template-editor';
import { openWorkbench } from './workbench-state';

interface Row {
  key: string;
  value: string;
  rowId: number;
}

let rowCounter = 0;
function toRows(record: Record<string, string>): Row[] {
  return Object.entries(record).map(([key, value]) => {
    rowCounter += 1;
    return { key, value, rowId: rowCounter };
  });
}

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
  const { error, setError, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  const [rows, setRows] = useState<Row[]>(() => toRows(props.value));
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  useEffect(() => {
    const current = recordFromRows(rowsRef.current);
    const same =
      current.ok &&
      Object.keys(current.value).length === Object.keys(props.value).length &&
      Object.entries(current.value).every(([key, value]) => props.value[key] === value);
    if (!same) {
      setRows(toRows(props.value));
      setError(undefined);
    }
  }, [props.value, setError]);
  const update = (next: Row[]) => {
    setRows(next);
    const parsed = recordFromRows(next, props.keyLabel.toLowerCase());
    if (!parsed.ok) setError(parsed.message);
    else commit(props.toOperation(parsed.value));
  };
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
        onClick={() => {
          rowCounter += 1;
          // The first template is almost always JSON's: it starts named, so it is kept at once.
          update([
            ...rows,
            { key: rows.some((row) => row.key.trim() === 'application/json') ? '' : 'application/json', value: '', rowId: rowCounter },
          ]);
        }}
      >
        {props.addLabel ?? `Add ${props.keyLabel.toLowerCase()}`}
      </Button>
    </fieldset>
  );
}, sameFieldProps);
