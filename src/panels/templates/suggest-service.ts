/**
 * Monaco's suggestion widget needs a service (its memory of chosen suggestions) that Monaco registers when
 * the widget's module loads; Monaco adds such services to its own only until its first editor or theme is
 * made. The code view's Monaco (code-view/monaco.ts, which these editors share) defines its themes as soon
 * as it loads, so the widget, loaded later and only for templates, finds its service missing. It is added
 * here when it is missing (the widget's own registration is used whenever it came first).
 */
import { ISuggestMemoryService, SuggestMemoryService } from 'monaco-editor/editor/contrib/suggest/browser/suggestMemory.js';
import { StandaloneServices } from 'monaco-editor/editor/standalone/browser/standaloneServices.js';
import { SyncDescriptor } from 'monaco-editor/platform/instantiation/common/descriptors.js';
import { IInstantiationService } from 'monaco-editor/platform/instantiation/common/instantiation.js';

interface ServiceCollection {
  get(id: unknown): unknown;
  set(id: unknown, value: unknown): void;
}

export function provideSuggestMemory(): void {
  // Monaco's instantiation service keeps its services in `_services` (an internal field of Monaco 0.57).
  const root = StandaloneServices.get(IInstantiationService) as { _services?: ServiceCollection };
  const services = root._services;
  if (services && !services.get(ISuggestMemoryService)) services.set(ISuggestMemoryService, new SyncDescriptor(SuggestMemoryService));
}
