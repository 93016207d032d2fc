export { type ApplyScaffoldOptions, applyScaffold, previewScaffold, scaffoldContextOf } from './apply-scaffold';
export * from './catalogue';
export { scaffoldById, scaffolds } from './registry';
export * from './scaffold-problem';
export type { ScaffoldBuild, ScaffoldContext, ScaffoldField, ScaffoldSetup, ServiceScaffold } from './types';
