/**
 * The few Monaco internals suggest-service.ts reaches (Monaco publishes no types for its internal modules);
 * only what is used, as it is in Monaco 0.57.
 */
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestMemory.js' {
  export const ISuggestMemoryService: unknown;
  export class SuggestMemoryService {}
}
declare module 'monaco-editor/editor/standalone/browser/standaloneServices.js' {
  export const StandaloneServices: { get(id: unknown): unknown };
}
declare module 'monaco-editor/platform/instantiation/common/descriptors.js' {
  export class SyncDescriptor {
    constructor(ctor: unknown);
  }
}
declare module 'monaco-editor/platform/instantiation/common/instantiation.js' {
  export const IInstantiationService: unknown;
}
declare module 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
