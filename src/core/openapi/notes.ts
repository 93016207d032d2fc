import type { ImportFinding, ImportNote, NoteSeverity } from './types';

/** How many times one message is listed before the rest are counted. */
const maxRepeats = 5;

const operationKeys = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'x-amazon-apigateway-any-method']);

/**
 * The rule id of a note that does not name one: what its severity and location say. An error on a path
 * or an operation dropped it (or part of it that API Gateway would refuse), on a security scheme an
 * authorizer, on an integration the integration.
 */
export function noteRule(note: ImportNote): string {
  if (note.rule !== undefined) return note.rule;
  const severity = note.severity ?? 'warning';
  if (severity === 'info') return 'import/note';
  if (severity === 'warning') return 'import/changed';
  const path = note.path ?? '';
  if (/^(?:components\.securitySchemes|securityDefinitions)\./.test(path)) return 'import/dropped-authorizer';
  if (path.includes('x-amazon-apigateway-integration')) return 'import/dropped-integration';
  if (path.startsWith('paths.')) {
    const last = path.slice(path.lastIndexOf('.') + 1);
    // `paths./a/{proxy+}/b` (the whole path) or `paths./a.get` (one operation).
    if (!path.slice('paths.'.length).includes('.') || operationKeys.has(last)) return 'import/dropped-operation';
  }
  return 'import/dropped';
}

/** A note as the import reports it: its severity ('warning' when it names none) and rule id filled in. */
export function findingOf(note: ImportNote): ImportFinding {
  return { ...note, severity: note.severity ?? 'warning', rule: noteRule(note) };
}

/** Collects import notes in the order they arise, once each. */
export class NoteList {
  private readonly notes: ImportNote[] = [];
  private readonly seen = new Set<string>();

  /**
   * `severity`: 'error' when the note means data was dropped or API Gateway would refuse the part,
   * 'warning' (what a note without one counts as) when something was changed, 'info' for the record. `details.rule` names the
   * finding (`import/duplicate-key`); without it the rule follows from the severity and the path.
   */
  add(message: string, path?: string, severity?: NoteSeverity, details: { rule?: string; line?: number } = {}): void {
    const key = `${path ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const note: ImportNote = { message };
    if (path !== undefined) note.path = path;
    if (severity !== undefined) note.severity = severity;
    if (details.rule !== undefined) note.rule = details.rule;
    if (details.line !== undefined) note.line = details.line;
    this.notes.push(note);
  }

  /** Adds a note made elsewhere (the parser's, the version check's) with its own severity, rule and line. */
  addNote(note: ImportNote): void {
    this.add(note.message, note.path, note.severity, {
      ...(note.rule === undefined ? {} : { rule: note.rule }),
      ...(note.line === undefined ? {} : { line: note.line }),
    });
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
