/**
 * What saving and restoring undo histories need (patches, previews): loaded with the first save or after
 * the first paint, not before it. A design opens without waiting for its history.
 */
export { describeDesign, newMeta } from './describe-design';
export { decodeHistory, encodeHistory } from './stored-history';
