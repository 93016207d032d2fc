import { useEffect, useRef } from 'react';
import { type ExportLocation, findLocation } from './locate';
import { monaco } from './monaco';
import './code-view.css';

export interface EditorMarker {
  message: string;
  line: number;
  column?: number;
}

export interface CodeEditorHandle {
  getValue: () => string;
  /** Drops the user's edits: the editor shows the export again. */
  discardEdits: () => void;
}

/** The Monaco theme that matches the page (the `dark` class follows the system or the user's choice). */
function currentTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'portico-dark' : 'portico-light';
}

/**
 * A Monaco editor showing `value`. When `value` changes the text is replaced (keeping the scroll
 * position) unless the user has unapplied edits: then their text stays and `onDirtyChange` told the
 * parent so. `markers` are shown as squiggles (parse errors of an edited document).
 */
export function CodeEditor({
  value,
  language,
  readOnly,
  label,
  markers,
  onDirtyChange,
  onApplyShortcut,
  handle,
  reveal,
}: {
  value: string;
  language: string;
  readOnly: boolean;
  label: string;
  markers: EditorMarker[];
  onDirtyChange: (dirty: boolean) => void;
  onApplyShortcut: () => void;
  handle: { current: CodeEditorHandle | null };
  /** The selected canvas element's place in the text: scrolled into view and highlighted. */
  reveal?: ExportLocation;
}) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const shown = useRef(value);
  const dirty = useRef(false);
  const callbacks = useRef({ onDirtyChange, onApplyShortcut });
  callbacks.current = { onDirtyChange, onApplyShortcut };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once; the effects below follow the props
  useEffect(() => {
    if (!container.current) return;
    const instance = monaco.editor.create(container.current, {
      value: shown.current,
      language,
      readOnly,
      theme: currentTheme(),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      tabSize: 2,
      wordWrap: 'off',
      ariaLabel: label,
      renderValidationDecorations: 'on',
    });
    editor.current = instance;
    handle.current = {
      getValue: () => instance.getValue(),
      discardEdits: () => {
        dirty.current = false;
        instance.setValue(shown.current);
        callbacks.current.onDirtyChange(false);
      },
    };
    const changes = instance.onDidChangeModelContent(() => {
      const isDirty = instance.getValue() !== shown.current;
      if (isDirty !== dirty.current) {
        dirty.current = isDirty;
        callbacks.current.onDirtyChange(isDirty);
      }
    });
    instance.addAction({
      id: 'portico.apply',
      label: 'Apply edits to the design',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => callbacks.current.onApplyShortcut(),
    });
    // Follow the page's theme when the user or the system switches it.
    const observer = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    return () => {
      observer.disconnect();
      changes.dispose();
      instance.getModel()?.dispose();
      instance.dispose();
      editor.current = null;
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) return;
    monaco.editor.setModelLanguage(model, language);
    instance.updateOptions({ readOnly, ariaLabel: label });
  }, [language, readOnly, label]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || value === shown.current) return;
    shown.current = value;
    if (dirty.current) return;
    const scroll = instance.getScrollTop();
    instance.setValue(value);
    instance.setScrollTop(scroll);
  }, [value]);

  // Follow the canvas selection: its lines come into view and are highlighted (not while the user edits).
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text (value) moves the lines, so the highlight is placed again
  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    highlight.current?.clear();
    if (!instance || !model || !reveal || dirty.current) return;
    const line = findLocation(model.getLinesContent(), reveal);
    if (line === undefined) return;
    instance.revealLineNearTop(line, monaco.editor.ScrollType.Smooth);
    highlight.current = instance.createDecorationsCollection([
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'portico-code-highlight' } },
    ]);
  }, [reveal, value]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'portico',
      markers.map((marker) => ({
        severity: monaco.MarkerSeverity.Error,
        message: marker.message,
        startLineNumber: marker.line,
        startColumn: marker.column ?? 1,
        endLineNumber: marker.line,
        endColumn: marker.column !== undefined ? marker.column + 1 : model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
      })),
    );
  }, [markers]);

  return <div ref={container} className="h-full w-full" data-testid="code-editor" />;
}
