import { type ReactNode, useId } from 'react';

/** Shared look of text inputs, selects and text areas, light and dark. */
export const inputClass =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-violet-600 aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

export interface FieldShellProps {
  label: string;
  /** Read before the label by screen readers only, to tell apart repeated fields ("GET /pets" + "Cache TTL"). */
  context?: string;
  hint?: string;
  error?: string;
  /** Renders the control with the ids the label, hint and error need. */
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/**
 * A labelled form control with an optional hint and an error message. The error is announced
 * (`role="alert"`) and tied to the control with `aria-describedby`, so a refused value is explained
 * where it was typed.
 */
export function FieldShell({ label, context, hint, error, children, className = '' }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`block ${className}`}>
      <label htmlFor={inputId} className="mb-0.5 block text-xs font-medium text-slate-700 dark:text-slate-300">
        {context ? <span className="sr-only">{context} </span> : null}
        {label}
      </label>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p id={errorId} role="alert" data-testid="field-error" className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label to the right; errors as in FieldShell. */
export function CheckboxShell({
  label,
  context,
  checked,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  context?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="h-4 w-4 accent-violet-600"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="text-sm">
          {context ? <span className="sr-only">{context} </span> : null}
          {label}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" data-testid="field-error" className="mt-0.5 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-0.5 pl-6 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A titled group of fields; collapsible so that long forms stay scannable. */
export function Section({ title, children, defaultOpen = true }: { title: string; children: ReactNode; defaultOpen?: boolean }) {
  return (
    <details open={defaultOpen} className="group border-t border-slate-200 py-2 dark:border-slate-700">
      <summary className="cursor-pointer select-none py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {title}
      </summary>
      <div className="space-y-2 pt-1">{children}</div>
    </details>
  );
}

/** What to show where a list is empty: say what to do. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded border border-dashed border-slate-300 p-3 text-xs text-slate-600 dark:border-slate-600 dark:text-slate-300">
      {children}
    </p>
  );
}
