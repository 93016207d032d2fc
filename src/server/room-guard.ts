import * as Y from 'yjs';
import { designTypes, docToDesign, freeTextChanges, onlyCardMoves, sessionCloseCodes, sessionName } from '../core/collab';
import type { ServeLimits } from './options';
import type { SessionRole } from './tokens';

/** Why an update was refused; each has the WebSocket close code the connection is closed with. */
export const refusals = {
  malformed: { code: sessionCloseCodes.malformed, reason: 'malformed-message' },
  forbidden: { code: sessionCloseCodes.forbidden, reason: 'forbidden' },
  tooLarge: { code: sessionCloseCodes.tooLarge, reason: 'too-large' },
  invalidDesign: { code: sessionCloseCodes.invalidDesign, reason: 'invalid-design' },
  rateLimited: { code: sessionCloseCodes.rateLimited, reason: 'rate-limited' },
} as const;

export type Refusal = (typeof refusals)[keyof typeof refusals] & { detail: string };

/**
 * Checks every update a client sends to a room before Hocuspocus applies it, on a shadow copy of the
 * room's doc that follows the real one: an update is applied to the shadow first, and refused if the
 * shadow then holds what no Portico client writes, a design that does not read back through
 * `docToDesign`, settings changed by someone other than the owner, or more than the size limit. The real
 * doc (and so every other client) never sees a refused update. Updates are checked in the order they
 * arrive, each on the shadow that already holds the ones accepted before it.
 */
export class RoomGuard {
  private shadow: Y.Doc;
  private approxBytes: number;
  private readonly follow = (update: Uint8Array) => {
    Y.applyUpdate(this.shadow, update, 'room');
  };
  private readonly knownTypes: ReadonlySet<string>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: Pick<ServeLimits, 'maxDocumentBytes'>,
  ) {
    this.shadow = this.copyOfRoom();
    this.approxBytes = Y.encodeStateAsUpdate(this.shadow).byteLength;
    doc.on('update', this.follow);
    const probe = new Y.Doc();
    designTypes(probe);
    probe.getMap(sessionName);
    this.knownTypes = new Set(probe.share.keys());
    probe.destroy();
  }

  private copyOfRoom(): Y.Doc {
    const copy = new Y.Doc();
    // Shared types are made before any update arrives: a type an update names first is a plain
    // placeholder, replaced when asked for by name, and changes to it would not be seen as changes to it.
    designTypes(copy);
    copy.getMap(sessionName);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
    return copy;
  }

  private refuse(kind: Exclude<keyof typeof refusals, 'rateLimited'>, detail: string): Refusal {
    // The shadow may hold part of the refused update: start again from the room as it is.
    this.shadow.destroy();
    this.shadow = this.copyOfRoom();
    this.approxBytes = Y.encodeStateAsUpdate(this.shadow).byteLength;
    return { ...refusals[kind], detail };
  }

  /**
   * Undefined when the update may be applied, with the repairs the room will need once it is (a merge
   * with what someone else did); otherwise why not.
   */
  check(update: Uint8Array, role: SessionRole): { refusal: Refusal } | { refusal?: undefined; needsRepair: boolean } {
    let changed: Map<Y.AbstractType<unknown>, Set<string | null>> | undefined;
    const capture = (transaction: Y.Transaction) => {
      changed = transaction.changed as Map<Y.AbstractType<unknown>, Set<string | null>>;
    };
    this.shadow.on('afterTransaction', capture);
    try {
      Y.applyUpdate(this.shadow, update, 'check');
    } catch (error) {
      return { refusal: this.refuse('malformed', `the update cannot be read (${error instanceof Error ? error.message : 'unreadable'})`) };
    } finally {
      this.shadow.off('afterTransaction', capture);
    }
    const store = this.shadow.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs !== null || store.pendingDs !== null)
      return { refusal: this.refuse('malformed', 'the update depends on changes the room does not have') };
    for (const name of this.shadow.share.keys())
      if (!this.knownTypes.has(name))
        return { refusal: this.refuse('forbidden', `the update writes "${name}", which is not part of a design`) };
    if (!changed || changed.size === 0) return { needsRepair: false };
    const session = this.shadow.getMap(sessionName);
    if (changed.has(session as Y.AbstractType<unknown>) && role !== 'owner')
      return { refusal: this.refuse('forbidden', 'only the owner changes the session settings') };
    this.approxBytes += update.byteLength;
    if (this.approxBytes > this.limits.maxDocumentBytes) {
      this.approxBytes = Y.encodeStateAsUpdate(this.shadow).byteLength;
      if (this.approxBytes > this.limits.maxDocumentBytes)
        return {
          refusal: this.refuse('tooLarge', `the room would hold ${this.approxBytes} bytes (limit ${this.limits.maxDocumentBytes})`),
        };
    }
    // Typing in a form: text in a free-text field of an element already there cannot break the design.
    // Moving cards: positions cannot break it either.
    if (freeTextChanges(this.shadow, changed) || onlyCardMoves(this.shadow, changed)) return { needsRepair: false };
    const read = docToDesign(this.shadow);
    if (!read.ok && read.code !== 'empty') return { refusal: this.refuse('invalidDesign', read.message) };
    return { needsRepair: read.ok && read.repairs.length > 0 };
  }

  /** Runs the full check of the room as it is (after a load, say); undefined when it reads as a design. */
  roomProblem(): string | undefined {
    const read = docToDesign(this.doc);
    return read.ok || read.code === 'empty' ? undefined : read.message;
  }

  destroy(): void {
    this.doc.off('update', this.follow);
    this.shadow.destroy();
  }
}
