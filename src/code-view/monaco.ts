/**
 * Monaco, bundled (never from a CDN) and with only what Portico shows: the editor with the features an
 * export view and its edits use (find, folding, hovers and markers, clipboard and context menu, line and
 * word editing, multiple cursors, Tab focus mode), YAML and TypeScript highlighting, and JSON with its
 * language service (folding, validation). Not the rest of `register.all` (suggestions, code actions,
 * code lens, colour picker, inlay hints, quick access, rename, sticky scroll, diff editor…), which is
 * most of Monaco's size. Workers come from Vite's `?worker` imports, so they are same-origin files.
 */
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

/**
 * Monaco's own themes dim line numbers and some tokens below WCAG AA contrast (about 1.8:1 and 3.9:1
 * here); these keep Monaco's colours and darken (or lighten) only what falls short.
 */
monaco.editor.defineTheme('portico-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'type', foreground: '1b5e70' },
    { token: 'number', foreground: '05603b' },
    { token: 'comment', foreground: '3f6b2a' },
  ],
  colors: { 'editorLineNumber.foreground': '#475569', 'editorLineNumber.activeForeground': '#0f172a' },
});
monaco.editor.defineTheme('portico-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8fbf7f' }],
  colors: { 'editorLineNumber.foreground': '#a3acb9', 'editorLineNumber.activeForeground': '#f1f5f9' },
});

export { monaco };
