export { type CheckDefinition, checkCatalogue } from './catalogue';
export {
  changesById,
  compareDesigns,
  type DesignComparison,
  type ElementChange,
  type ElementChangeKind,
  type ElementKind,
  type PropertyChange,
} from './compare-designs';
export { findBreakingChanges } from './find-breaking-changes';
export { type ChangeFinding, type ChangeLevel, changeLevels, levelRank } from './finding';
