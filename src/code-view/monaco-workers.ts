/**
 * Stands in for `monaco-editor/esm/vs/internal/common/workers.js` (see vite.config.ts), which Monaco's
 * JSON language service imports only for `createWebWorker`, but which also imports every editor
 * feature Monaco has (suggestions, inline completions, code actions, quick access, the diff editor…):
 * most of Monaco's size, none of it used by the code view. Same behaviour: the worker comes from
 * `MonacoEnvironment.getWorker` (monaco.ts), and Monaco's own `editor.createWebWorker` talks to it.
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  createWorker?: () => Worker;
}

interface Environment {
  getWorker?: (workerId: string, label: string) => Worker | Promise<Worker>;
}

function getWorker(options: WorkerOptions): Worker | Promise<Worker> {
  const environment = (globalThis as { MonacoEnvironment?: Environment }).MonacoEnvironment;
  const label = options.label ?? 'monaco-editor-worker';
  if (environment?.getWorker) return environment.getWorker('workerMain.js', label);
  if (options.createWorker) return options.createWorker();
  throw new Error('MonacoEnvironment.getWorker is not defined.');
}

export function createWebWorker<T extends object>(options: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(getWorker(options)).then((instance) => {
    instance.postMessage('ignore');
    instance.postMessage(options.createData);
    return instance;
  });
  return editor.createWebWorker<T>({
    worker,
    ...(options.host ? { host: options.host } : {}),
    ...(options.keepIdleModels !== undefined ? { keepIdleModels: options.keepIdleModels } : {}),
  } as Parameters<typeof editor.createWebWorker>[0]);
}
