import { Plus, Trash2 } from 'lucide-react';
import { memo, useEffect, useRef, useState } from 'react';
import { expressionText, type JsonObject, type JsonValue, readableText } from '../core/model';
import { Button, IconButton } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { CheckboxShell, FieldShell, inputClass } from '../ui/field';
import { formatJson, formatList, type KeyValueRow, parseJsonObjectDraft, parseListDraft, parseNumberDraft, recordFromRows } from './drafts';
import { type Operation, useFieldCommit } from './use-field-commit';

/**
 * Fields re-render when a value, label or key changes, not when their parent re-creates the
 * `toOperation` callback: operations read the current design when they run and take ids from the
 * field key, so an older callback does the same. This keeps a keystroke from re-rendering every field
 * of a long form.
 */
export function sameFieldProps<P extends object>(previousProps: P, nextProps: P): boolean {
  const previous = previousProps as Record<string, unknown>;
  const next = nextProps as Record<string, unknown>;
  const keys = Object.keys(next);
  if (keys.length !== Object.keys(previous).length) return false;
  for (const key of keys) {
    const a = previous[key];
    const b = next[key];
    if (typeof a === 'function' && typeof b === 'function') continue;
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameOption(item, b[index]))) continue;
    if (!Object.is(a, b)) return false;
  }
  return true;
}

function sameOption(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return 'value' in left && left.value === right.value && left.label === right.label;
}

/**
 * Form fields bound to the design. Each takes the current value and a function that turns what the
 * user typed into an operation; `fieldKey` (element id + field name) is the undo coalescing key.
 * Text fields keep a local draft while focused (so "My API " keeps its space while the design holds
 * "My API") and while the value is refused.
 */
interface BoundProps {
  label: string;
  /** Screen-reader-only prefix of the label for fields repeated per item (see FieldShell). */
  context?: string;
  fieldKey: string;
  /** Undo label; defaults to "Change <label>". */
  opLabel?: string;
  hint?: string;
  className?: string;
}

/** "Cache TTL (seconds)" → "Change cache TTL"; acronyms keep their case. */
export function changeLabel(props: { label: string; opLabel?: string }): string {
  if (props.opLabel) return props.opLabel;
  const words = props.label.replace(/\s*\(.*\)$/, '').split(' ');
  const first = words[0] ?? '';
  if (first.length > 1 && first[1] === first[1]?.toLowerCase()) words[0] = first.toLowerCase();
  return `Change ${words.join(' ')}`;
}

/**
 * Drops the draft (and a refusal message about it) when the design value changes under an unfocused
 * field: undo, redo, or an edit made elsewhere.
 */
function useDraft(value: string, onReset: (error: undefined) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    if (ref.current && document.activeElement !== ref.current) {
      setDraft(null);
      onReset(undefined);
    }
  }, [value, onReset]);
  return { draft, setDraft, ref, shown: draft ?? value };
}

export const TextField = memo(function TextField(
  props: BoundProps & {
    value: string;
    toOperation: (text: string) => Operation;
    multiline?: boolean;
    rows?: number;
    placeholder?: string;
    monospace?: boolean;
  },
) {
  const { error, setError, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  const { setDraft, ref, shown } = useDraft(props.value, setError);
  const onChange = (text: string) => {
    setDraft(text);
    commit(props.toOperation(text));
  };
  const className = `${inputClass} ${props.monospace ? 'font-mono text-xs' : ''}`;
  return (
    <FieldShell label={props.label} context={props.context} hint={props.hint} error={error} className={props.className}>
      {({ inputId, describedBy, invalid }) =>
        props.multiline ? (
          <textarea
            ref={ref}
            id={inputId}
            className={className}
            rows={props.rows ?? 3}
            value={shown}
            placeholder={props.placeholder}
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
            onBlur={() => {
              if (!error) setDraft(null);
            }}
          />
        ) : (
          <input
            ref={ref}
            id={inputId}
            className={className}
            value={shown}
            placeholder={props.placeholder}
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
            onBlur={() => {
              if (!error) setDraft(null);
            }}
          />
        )
      }
    </FieldShell>
  );
}, sameFieldProps);

/** Optional text: an empty field removes the value. */
export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

export const NumberField = memo(function NumberField(
  props: BoundProps & {
    value: number | undefined;
    toOperation: (value: number | undefined) => Operation;
    /** Empty = unset. */
    optional?: boolean;
    placeholder?: string;
  },
) {
  const { error, setError, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  const { setDraft, ref, shown } = useDraft(props.value === undefined ? '' : String(props.value), setError);
  return (
    <FieldShell label={props.label} context={props.context} hint={props.hint} error={error} className={props.className}>
      {({ inputId, describedBy, invalid }) => (
        <input
          ref={ref}
          id={inputId}
          inputMode="decimal"
          className={inputClass}
          value={shown}
          placeholder={props.placeholder ?? (props.optional ? 'Not set' : undefined)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            const parsed = parseNumberDraft(text, props.optional ?? false);
            if (!parsed.ok) setError(parsed.message);
            else commit(props.toOperation(parsed.value));
          }}
          onBlur={() => {
            if (!error) setDraft(null);
          }}
        />
      )}
    </FieldShell>
  );
}, sameFieldProps);

export interface SelectOption {
  value: string;
  label: string;
}

export const SelectField = memo(function SelectField(
  props: BoundProps & {
    value: string;
    options: readonly SelectOption[];
    toOperation: (value: string) => Operation;
  },
) {
  const { error, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  return (
    <FieldShell label={props.label} context={props.context} hint={props.hint} error={error} className={props.className}>
      {({ inputId, describedBy, invalid }) => (
        <select
          id={inputId}
          className={inputClass}
          value={props.value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => commit(props.toOperation(event.target.value))}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}, sameFieldProps);

export const CheckboxField = memo(function CheckboxField(
  props: BoundProps & { value: boolean; toOperation: (checked: boolean) => Operation; disabled?: boolean },
) {
  const { error, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  return (
    <CheckboxShell
      label={props.label}
      context={props.context}
      checked={props.value}
      error={error}
      hint={props.hint}
      disabled={props.disabled}
      onChange={(checked) => commit(props.toOperation(checked))}
    />
  );
}, sameFieldProps);

/** A list of short strings typed comma-separated (tags, media types, scopes). */
export const ListField = memo(function ListField(
  props: BoundProps & { value: readonly string[]; toOperation: (items: string[]) => Operation; placeholder?: string },
) {
  const formatted = formatList(props.value);
  return (
    <TextField
      label={props.label}
      fieldKey={props.fieldKey}
      opLabel={changeLabel(props)}
      hint={props.hint ?? 'Separate entries with commas.'}
      className={props.className}
      value={formatted}
      placeholder={props.placeholder}
      toOperation={(text) => props.toOperation(parseListDraft(text))}
    />
  );
}, sameFieldProps);

/** A JSON object in a text area, checked and committed when the field loses focus. */
export const JsonField = memo(function JsonField(
  props: BoundProps & {
    value: JsonObject | undefined;
    toOperation: (value: JsonObject | undefined) => Operation;
    optional?: boolean;
    rows?: number;
  },
) {
  const { error, setError, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  const { draft, setDraft, ref, shown } = useDraft(formatJson(props.value), setError);
  return (
    <FieldShell
      label={props.label}
      context={props.context}
      hint={props.hint ?? 'JSON, checked when you leave the field.'}
      error={error}
      className={props.className}
    >
      {({ inputId, describedBy, invalid }) => (
        <textarea
          ref={ref}
          id={inputId}
          className={`${inputClass} font-mono text-xs`}
          rows={props.rows ?? 6}
          spellCheck={false}
          value={shown}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => {
            if (draft === null) return;
            const parsed = parseJsonObjectDraft(draft, props.optional ?? false);
            if (!parsed.ok) {
              setError(parsed.message);
              return;
            }
            if (commit(props.toOperation(parsed.value))) setDraft(null);
          }}
        />
      )}
    </FieldShell>
  );
}, sameFieldProps);

/** A key/value row being edited, with an id that stays while its key is typed. */
export interface EditedRow extends KeyValueRow {
  rowId: number;
}

let rowCounter = 0;
/** A row id no other row of the page has. */
export function newRowId(): number {
  rowCounter += 1;
  return rowCounter;
}

function toRows(record: Record<string, string>): EditedRow[] {
  return Object.entries(record).map(([key, value]) => ({ key, value, rowId: newRowId() }));
}

/**
 * The rows of a key/value field, kept locally so that a row can be added before it has a key: taken
 * again from `value` when the design changes it (an undo), each edit committed when every row is
 * complete, else the problem shown.
 */
export function useKeyValueRows(props: {
  label: string;
  opLabel?: string;
  fieldKey: string;
  value: Record<string, string>;
  toOperation: (record: Record<string, string>) => Operation;
  keyLabel: string;
}) {
  const { error, setError, commit } = useFieldCommit(changeLabel(props), props.fieldKey);
  const [rows, setRows] = useState<EditedRow[]>(() => toRows(props.value));
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
  const update = (next: EditedRow[]) => {
    setRows(next);
    const parsed = recordFromRows(next, props.keyLabel.toLowerCase());
    if (!parsed.ok) setError(parsed.message);
    else commit(props.toOperation(parsed.value));
  };
  return { rows, rowsRef, setRows, update, error };
}

/**
 * Key/value pairs (stage variables, tags, mapping templates, parameter mappings). Rows live locally so
 * that a row can be added before it has a key; complete rows are committed on every keystroke.
 */
export const KeyValueField = memo(function KeyValueField(
  props: BoundProps & {
    value: Record<string, string>;
    toOperation: (record: Record<string, string>) => Operation;
    keyLabel: string;
    valueLabel: string;
    keyPlaceholder?: string;
    valuePlaceholder?: string;
    multilineValue?: boolean;
    addLabel?: string;
    emptyText?: string;
  },
) {
  const { rows, setRows, update, error } = useKeyValueRows(props);
  const groupLabel = props.label;
  return (
    <fieldset className={`space-y-1 ${props.className ?? ''}`}>
      <legend className="mb-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">{groupLabel}</legend>
      {rows.length === 0 ? <p className="text-xs text-slate-500 dark:text-slate-400">{props.emptyText ?? 'None yet.'}</p> : null}
      {rows.map((row, index) => (
        <div
          key={row.rowId}
          className={`flex gap-1 ${props.multilineValue ? 'flex-col rounded border border-slate-200 p-1 dark:border-slate-700' : ''}`}
        >
          <div className="flex-1">
            <input
              className={`${inputClass} font-mono text-xs`}
              value={row.key}
              placeholder={props.keyPlaceholder ?? props.keyLabel}
              aria-label={`${props.keyLabel} ${index + 1}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => update(rows.map((other) => (other.rowId === row.rowId ? { ...other, key: event.target.value } : other)))}
            />
          </div>
          <div className="flex-[2]">
            {props.multilineValue ? (
              <textarea
                className={`${inputClass} font-mono text-xs`}
                rows={4}
                spellCheck={false}
                value={row.value}
                placeholder={props.valuePlaceholder ?? props.valueLabel}
                aria-label={`${props.valueLabel} ${index + 1}`}
                onChange={(event) =>
                  update(rows.map((other) => (other.rowId === row.rowId ? { ...other, value: event.target.value } : other)))
                }
              />
            ) : (
              <input
                className={`${inputClass} font-mono text-xs`}
                value={row.value}
                placeholder={props.valuePlaceholder ?? props.valueLabel}
                aria-label={`${props.valueLabel} ${index + 1}`}
                onChange={(event) =>
                  update(rows.map((other) => (other.rowId === row.rowId ? { ...other, value: event.target.value } : other)))
                }
              />
            )}
          </div>
          <IconButton
            label={`Remove ${props.keyLabel.toLowerCase()} ${row.key || index + 1}`}
            icon={<Trash2 size={14} />}
            onClick={() => update(rows.filter((other) => other.rowId !== row.rowId))}
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
        onClick={() => setRows([...rows, { key: '', value: '', rowId: newRowId() }])}
      >
        {props.addLabel ?? `Add ${props.keyLabel.toLowerCase()}`}
      </Button>
    </fieldset>
  );
}, sameFieldProps);

/**
 * A value the imported document gave as a CloudFormation expression (or a list holding some), shown as
 * the expression, `!Sub ${AWS::StackName}-API`, read only: the deployment tool fills it in, so there is no
 * text to edit. "Edit as text" replaces it with its readable text after a confirmation (from then on the
 * export writes that text, which the template no longer substitutes).
 */
export const ExpressionField = memo(function ExpressionField(
  props: BoundProps & {
    expression: JsonValue;
    /** The operation that replaces the expression by text (its readable text, or empty). */
    toOperation: () => Operation;
  },
) {
  const { error, commit } = useFieldCommit(props.opLabel ?? `Edit ${props.label} as text`, props.fieldKey);
  const [confirming, setConfirming] = useState(false);
  const shown = expressionText(props.expression, 400);
  const asText = Array.isArray(props.expression)
    ? props.expression.map((item) => readableText(item)).join(', ')
    : readableText(props.expression);
  return (
    <FieldShell
      label={props.label}
      context={props.context}
      hint={props.hint ?? 'A CloudFormation expression, filled in when the template is deployed; exported as written.'}
      error={error}
      className={props.className}
    >
      {({ inputId, describedBy, invalid }) => (
        <div className="flex items-center gap-1" data-testid="expression-field">
          <input
            id={inputId}
            readOnly
            className={`${inputClass} border-dashed border-violet-400 bg-violet-50 font-mono text-xs text-violet-900 dark:border-violet-500 dark:bg-violet-950 dark:text-violet-100`}
            value={shown}
            title={shown}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
          <Button size="sm" variant="ghost" className="shrink-0 whitespace-nowrap" onClick={() => setConfirming(true)}>
            Edit as text
          </Button>
          <Dialog
            open={confirming}
            title={`${props.label}: edit as text?`}
            onClose={() => setConfirming(false)}
            footer={
              <>
                <Button onClick={() => setConfirming(false)}>Keep the expression</Button>
                <Button
                  variant="primary"
                  onClick={() => {
                    setConfirming(false);
                    commit(props.toOperation());
                  }}
                >
                  Edit as text
                </Button>
              </>
            }
          >
            <p>
              <code className="font-mono text-xs">{shown}</code> is filled in by CloudFormation when the template is deployed. As text it
              becomes <code className="font-mono text-xs">{asText === '' ? '(empty)' : asText}</code>, which the export then writes as it
              is: the template no longer fills it in.
            </p>
          </Dialog>
        </div>
      )}
    </FieldShell>
  );
}, sameFieldProps);
