import * as Y from 'yjs';
import { applyOperation, type Design } from '../../model';
import { docToDesign } from '../doc-to-design';
import { applyDesignToDoc, designToDoc } from '../write-design';

/**
 * A client of a live session as the app will be one: a Y.Doc, and the design its store holds, read from
 * the doc after every remote change and written back to it after every local operation. Updates it makes
 * are queued, to be delivered to the others in whatever order a test chooses.
 */
export class Replica {
  readonly doc = new Y.Doc();
  design: Design;
  /**
   * Every update this replica applied, its own and those it received, in the order it applied them: a
   * causal order, so delivering them in this order never leaves another replica waiting for a dependency.
   */
  readonly log: Uint8Array[] = [];

  constructor(
    readonly name: string,
    start: Design,
  ) {
    this.doc.on('update', (update: Uint8Array) => {
      this.log.push(update);
    });
    this.design = start;
  }

  /** Starts the session: writes the whole design. */
  seed(): void {
    designToDoc(this.doc, this.design);
  }

  /** Runs a model operation as the user would; a refused one changes nothing. */
  edit(operation: (design: Design) => Design): boolean {
    const result = applyOperation(this.design, operation);
    if (!result.ok || result.design === this.design) return false;
    applyDesignToDoc(this.doc, this.design, result.design);
    this.design = result.design;
    return true;
  }

  /**
   * Applies a remote update. Delivered out of order (a test's choice; a server relays each client's
   * updates in order), an update can be half applied until the one it depends on arrives: Yjs applies its
   * deletions at once and holds its insertions back, so a field being replaced is briefly missing. The app
   * then keeps the design it has; `inOrder` says that cannot happen here, and that reading must succeed.
   */
  receive(update: Uint8Array, inOrder = true): void {
    Y.applyUpdate(this.doc, update, 'remote');
    this.refresh(inOrder);
  }

  /** What the app does on a remote change: the store takes the design the doc now reads as. */
  refresh(mustRead = true): void {
    const read = docToDesign(this.doc);
    if (read.ok) this.design = read.design;
    else if (mustRead) throw new Error(`${this.name} cannot read the doc: ${read.message}`);
  }
}

/** Brings every replica up to date with every other, through full state exchange. */
export function syncAll(replicas: Replica[]): void {
  for (const from of replicas)
    for (const to of replicas) if (from !== to) to.receive(Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
}
