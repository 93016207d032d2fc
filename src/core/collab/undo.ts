import * as Y from 'yjs';
import { designTypes } from './doc-layout';
import { localEditOrigin } from './write-design';

/**
 * Undo for a live session: undoes this client's own edits only (those written with `origin`), never a
 * change someone else made, and never the session's settings. Each `applyDesignToDoc` is one step when
 * `captureTimeout` is 0 (a gesture is one step, as in the local history); a larger value joins edits made
 * within that many milliseconds, as typing in a field does.
 */
export function createDesignUndoManager(doc: Y.Doc, options: { origin?: unknown; captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager(designTypes(doc), {
    trackedOrigins: new Set([options.origin ?? localEditOrigin]),
    captureTimeout: options.captureTimeout ?? 0,
  });
}
