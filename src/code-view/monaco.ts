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

export { monaco };
