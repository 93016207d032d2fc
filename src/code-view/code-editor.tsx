import { useEffect, useRef } from 'react';
import type { TextEdit } from './incremental-openapi';
import { type ExportLocation, findLocation } from './locate';
import { monaco } from './monaco';
import { exposeCodeViewForTests } from './test-hook';
import type { EditorSink, EditorUpdate } from './use-rendered-code';
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

/**
 * Above this many characters (a few thousand lines), Monaco's folding and bracket pairs (colours, guides,
 * matching) are off: they keep whole-text structures that every edit updates (folding one decoration
 * per region), which at 60,000 lines makes each keystroke's edit cost tens of milliseconds.
 */
const largeText = 200_000;

function sizeOptions(text: string): monaco.editor.IEditorOptions {
  const small = text.length <= largeText;
  return {
    folding: small,
    stickyScroll: { enabled: small },
    bracketPairColorization: { enabled: small },
    matchBrackets: small ? 'always' : 'never',
    guides: { bracketPairs: false, bracketPairsHorizontal: false, highlightActiveBracketPair: small, indentation: true },
  };
}

/**
 * The model's own switch for bracket-pair colouring: the editor option alone leaves the model parsing
 * every bracket of the text for its colour decorations, and Monaco's model service puts its configured
 * default back whenever its configuration changes (a language loading), so the choice is kept on the
 * model and set again after any such change.
 */
const colourBrackets = new WeakMap<monaco.editor.ITextModel, boolean>();
function sizeModelOptions(model: monaco.editor.ITextModel, text: string): void {
  const enabled = text.length <= largeText;
  if (!colourBrackets.has(model))
    model.onDidChangeOptions(() => {
      const wanted = colourBrackets.get(model) ?? true;
      if (model.getOptions().bracketPairColorizationOptions.enabled !== wanted)
        model.updateOptions({ bracketColorizationOptions: { enabled: wanted, independentColorPoolPerBracketType: false } });
    });
  colourBrackets.set(model, enabled);
  if (model.getOptions().bracketPairColorizationOptions.enabled !== enabled)
    model.updateOptions({ bracketColorizationOptions: { enabled, independentColorPoolPerBracketType: false } });
}

/** The Monaco theme that matches the page (the `dark` class follows the system or the user's choice). */
function currentTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'portico-dark' : 'portico-light';
}

/**
 * A Monaco editor showing `value`. When `value` changes, the editor applies `change` (the few edits
 * that made this text from the one of version `change.base`) when it shows that text, or else replaces
 * its text (keeping the scroll position); unless the user has unapplied edits: then their text stays and
 * `onDirtyChange` told the parent so. `markers` are shown as squiggles (parse errors of an edited document).
 */
export function CodeEditor({
  value,
  version,
  change,
  revealKey,
  language,
  readOnly,
  label,
  markers,
  onDirtyChange,
  onApplyShortcut,
  handle,
  reveal,
  sink,
}: {
  value: string;
  /** Counts texts: a new version is a new text. */
  version: number;
  change?: { base: number; edits: TextEdit[] };
  /** What `reveal` points at (the selected element and the tab): the highlight moves only when it changes. */
  revealKey: string;
  language: string;
  readOnly: boolean;
  label: string;
  markers: EditorMarker[];
  onDirtyChange: (dirty: boolean) => void;
  onApplyShortcut: () => void;
  handle: { current: CodeEditorHandle | null };
  /** The selected canvas element's place in the text: scrolled into view and highlighted. */
  reveal?: ExportLocation;
  /** Where new texts arrive at once, ahead of the props (see use-rendered-code.ts). */
  sink: EditorSink;
}) {
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const shown = useRef(value);
  /** The version of the text the editor holds (behind `version` while the user has unapplied edits). */
  const held = useRef(version);
  const latest = useRef(version);
  latest.current = Math.max(latest.current, version);
  const dirty = useRef(false);
  /** Monaco's version id of the text as written by the export: the user's edits move away from it, undo comes back. */
  const clean = useRef(0);
  const writing = useRef(false);
  const callbacks = useRef({ onDirtyChange, onApplyShortcut });
  callbacks.current = { onDirtyChange, onApplyShortcut };
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  const highlight = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  /** Writes text into the editor as the export (not as a user edit). */
  const write = (instance: monaco.editor.IStandaloneCodeEditor, apply: (model: monaco.editor.ITextModel) => void) => {
    const model = instance.getModel();
    if (!model) return;
    writing.current = true;
    try {
      apply(model);
    } finally {
      writing.current = false;
    }
    clean.current = model.getAlternativeVersionId();
  };

  /** Scrolls the selected element's lines into view and highlights them (not while the user edits). */
  const placeHighlight = (instance: monaco.editor.IStandaloneCodeEditor) => {
    const model = instance.getModel();
    highlight.current?.clear();
    const target = revealRef.current;
    if (!model || !target || dirty.current) return;
    const line = findLocation(model.getLinesContent(), target);
    if (line === undefined) return;
    instance.revealLineNearTop(line, monaco.editor.ScrollType.Smooth);
    highlight.current = instance.createDecorationsCollection([
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'portico-code-highlight' } },
    ]);
  };

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
      ...sizeOptions(shown.current),
    });
    editor.current = instance;
    const created = instance.getModel();
    if (created) sizeModelOptions(created, shown.current);
    const unexpose = exposeCodeViewForTests(instance);
    clean.current = instance.getModel()?.getAlternativeVersionId() ?? 0;
    handle.current = {
      getValue: () => instance.getValue(),
      discardEdits: () => {
        dirty.current = false;
        write(instance, (model) => model.setValue(shown.current));
        held.current = latest.current;
        callbacks.current.onDirtyChange(false);
        placeHighlight(instance);
      },
    };
    // Dirty = the text is not the export's; comparing version ids costs nothing on a megabyte of text.
    const changes = instance.onDidChangeModelContent(() => {
      if (writing.current) return;
      const isDirty = instance.getModel()?.getAlternativeVersionId() !== clean.current;
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
      unexpose();
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
    // A language change re-applies the model's default options: set the size-dependent ones again.
    sizeModelOptions(model, shown.current);
    instance.updateOptions({ readOnly, ariaLabel: label });
  }, [language, readOnly, label]);

  /** Takes a new text: the export's edits when the editor holds the text they start from, else the whole text. */
  const take = (instance: monaco.editor.IStandaloneCodeEditor, update: EditorUpdate) => {
    // Versions only grow: a text older than one already taken (props lag behind the sink) is ignored.
    if (update.version <= held.current || update.version < latest.current) return;
    shown.current = update.text;
    latest.current = update.version;
    if (dirty.current) return;
    const change = update.change;
    if (change && change.base === held.current) {
      write(instance, (model) => {
        // Every range is read from the text before any edit, as applyEdits expects.
        const operations = change.edits.map((edit) => ({
          range: monaco.Range.fromPositions(model.getPositionAt(edit.start), model.getPositionAt(edit.end)),
          text: edit.text,
        }));
        model.applyEdits(operations);
      });
      held.current = update.version;
      return;
    }
    const scroll = instance.getScrollTop();
    instance.updateOptions(sizeOptions(update.text));
    write(instance, (model) => {
      sizeModelOptions(model, update.text);
      model.setValue(update.text);
    });
    instance.setScrollTop(scroll);
    held.current = update.version;
    placeHighlight(instance);
  };
  const takeRef = useRef(take);
  takeRef.current = take;

  // Texts that come as props (whole exports from the worker; anything the sink did not already take).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` names the text; value and change come with it
  useEffect(() => {
    if (editor.current) take(editor.current, { version, text: value, change });
  }, [version]);

  useEffect(() => {
    sink.current = (update) => {
      if (editor.current) takeRef.current(editor.current, update);
    };
    return () => {
      sink.current = null;
    };
  }, [sink]);

  // Follow the canvas selection: its lines come into view and are highlighted. Edits to the text keep the
  // highlight on its line (Monaco moves decorations with edits), so only a new selection or tab looks again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what `reveal` points at
  useEffect(() => {
    if (editor.current) placeHighlight(editor.current);
  }, [revealKey]);

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
