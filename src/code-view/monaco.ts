/**
 * Monaco, bundled (never from a CDN) and with only what Portico shows: the editor and its features,
 * YAML and TypeScript highlighting, and JSON with its language service (folding, validation). Workers
 * come from Vite's `?worker` imports, so they are same-origin files of the build.
 */
import 'monaco-editor/features/register.all';
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
