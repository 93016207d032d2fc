import { useEffect, useId, useRef, useState } from 'react';
import type { TemplateError } from '../../core/templates/template-errors';
import type { TemplateVocabulary } from '../../core/templates/template-vocabulary';
import { inputClass } from '../../ui/field';
import { checkTemplateInWorker } from './template-worker';

type VtlMonaco = typeof import('./vtl-monaco');

let loading: Promise<VtlMonaco> | undefined;
/** Monaco and the VTL language, loaded once on first use. */
function loadVtlMonaco(): Promise<VtlMonaco> {
  loading ??= import('./vtl-monaco').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

let modelCount = 0;

/** A syntax problem as people read it: where, then what. */
export function problemText(problem: TemplateError): string {
  return `Line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`}: ${problem.message}`;
}

function currentTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'portico-dark' : 'portico-light';
}

/** Checks the template's syntax in the worker a moment after the last keystroke; undefined while it parses. */
function useTemplateProblem(value: string): TemplateError | undefined {
  const [problem, setProblem] = useState<TemplateError | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void checkTemplateInWorker(value).then((outcome) => {
        if (!current) return;
        if (outcome.kind === 'answer' && outcome.answer.type === 'check')
          setProblem(outcome.answer.ok || outcome.answer.error.kind === 'message' ? undefined : outcome.answer.error);
        else if (outcome.kind === 'timeout')
          setProblem({ kind: 'limit', line: 1, message: 'checking this template took too long and was stopped', source: 'template' });
      });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value]);
  return problem;
}

export interface TemplateEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** The editor's accessible name ("Mapping template 1"). */
  label: string;
  /** What the editor completes from (read each time completions are asked for). */
  vocabulary: () => TemplateVocabulary | undefined;
  /** `compact`: a few lines in a form, Tab leaves it; `large`: fills its box, Tab indents. */
  size?: 'compact' | 'large';
  placeholder?: string;
}

/**
 * A mapping template in Monaco with VTL highlighting, completions, and its syntax problem marked at its line
 * and said under the editor. Until Monaco has loaded (or if it cannot load), a plain text area edits the
 * same text, so nothing waits and keyboard use never depends on the editor.
 */
export function TemplateEditor({ value, onChange, label, vocabulary, size = 'compact', placeholder }: TemplateEditorProps) {
  const [api, setApi] = useState<VtlMonaco | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<import('monaco-editor/editor/editor.api').editor.IStandaloneCodeEditor | null>(null);
  const callbacks = useRef({ onChange, vocabulary });
  callbacks.current = { onChange, vocabulary };
  const problem = useTemplateProblem(value);
  const problemId = useId();
  const hintId = useId();

  useEffect(() => {
    let current = true;
    loadVtlMonaco().then(
      (loaded) => {
        if (current) setApi(loaded);
      },
      () => {
        // The text area stays: the template can still be edited and checked.
      },
    );
    return () => {
      current = false;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is made once Monaco is there; `value` is followed below
  useEffect(() => {
    if (!api || !container.current) return;
    const { monaco } = api;
    modelCount += 1;
    const model = monaco.editor.createModel(value, api.vtlLanguageId, monaco.Uri.parse(`inmemory://portico/template-${modelCount}.vtl`));
    const unregister = api.registerTemplateModel(model, () => callbacks.current.vocabulary());
    const compact = size === 'compact';
    const instance = monaco.editor.create(container.current, {
      model,
      theme: currentTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      tabSize: 2,
      wordWrap: 'on',
      lineNumbersMinChars: compact ? 2 : 3,
      folding: !compact,
      glyphMargin: false,
      ariaLabel: label,
      tabFocusMode: compact,
      fixedOverflowWidgets: true,
      quickSuggestions: { other: true, strings: true, comments: false },
      renderValidationDecorations: 'on',
      scrollbar: { alwaysConsumeMouseWheel: false },
    });
    editor.current = instance;
    const changes = instance.onDidChangeModelContent(() => callbacks.current.onChange(model.getValue()));
    const observer = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      observer.disconnect();
      changes.dispose();
      unregister();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
  }, [api]);

  // Undo, redo or an edit elsewhere (the large editor) changed the template: show it.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    editor.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!api || !model) return;
    const { monaco } = api;
    const line = problem ? Math.min(Math.max(problem.line, 1), model.getLineCount()) : 1;
    monaco.editor.setModelMarkers(
      model,
      'mapping-template',
      problem
        ? [
            {
              severity: monaco.MarkerSeverity.Error,
              message: problem.message,
              startLineNumber: line,
              startColumn: problem.column ?? 1,
              endLineNumber: line,
              endColumn: problem.column === undefined ? model.getLineMaxColumn(line) : problem.column + 1,
            },
          ]
        : [],
    );
  }, [api, problem]);

  const height = size === 'compact' ? 'h-36' : 'h-full min-h-[16rem]';
  return (
    <div className={size === 'compact' ? '' : 'flex h-full flex-col'}>
      {api ? (
        <div
          ref={container}
          className={`${height} w-full overflow-hidden rounded border border-slate-300 dark:border-slate-600`}
          data-testid="template-editor"
          data-ready="true"
          aria-describedby={problem ? problemId : undefined}
        />
      ) : (
        <textarea
          className={`${inputClass} ${height} font-mono text-xs`}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          aria-label={label}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : hintId}
          data-testid="template-editor-fallback"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <p
        id={problemId}
        aria-live="polite"
        data-testid="template-problem"
        className={problem ? 'mt-0.5 text-xs text-red-700 dark:text-red-300' : 'sr-only'}
      >
        {problem ? problemText(problem) : ''}
      </p>
      {api ? (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          {size === 'compact'
            ? 'Ctrl+Space suggests; Tab moves on to the next field.'
            : 'Ctrl+Space suggests; Tab indents (Ctrl+M makes Tab move focus instead).'}
        </p>
      ) : null}
    </div>
  );
}
