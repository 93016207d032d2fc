import type { ImportNote } from './types';

/** How many times one message is listed before the rest are counted. */
const maxRepeats = 5;

/** Collects import notes in the order they arise, once each. */
export class NoteList {
  private readonly notes: ImportNote[] = [];
  private readonly seen = new Set<string>();

  add(message: string, path?: string): void {
    const key = `${path ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.notes.push(path === undefined ? { message } : { message, path });
  }

  /**
   * The notes, in order. A message that arose in many places (a big document repeating one pattern)
   * is listed once with a count, so that the list stays readable.
   */
  list(): ImportNote[] {
    const byMessage = new Map<string, ImportNote[]>();
    for (const note of this.notes) {
      const same = byMessage.get(note.message);
      if (same) same.push(note);
      else byMessage.set(note.message, [note]);
    }
    const result: ImportNote[] = [];
    for (const [message, notes] of byMessage) {
      if (notes.length <= maxRepeats) result.push(...notes);
      else {
        const first = notes[0] as ImportNote;
        result.push({ ...first, message: `${message} (and in ${notes.length - 1} more places)` });
      }
    }
    return result;
  }
}

/** A location for notes: `paths./pets.get`. */
export function at(...parts: (string | number)[]): string {
  return parts.join('.');
}
