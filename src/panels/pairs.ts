/**
 * Lists of id + label selected from the design are packed into strings, so that `useShallow` compares
 * them as primitives and a component re-renders only when an id or a label changes.
 */
export function pack(...parts: string[]): string {
  return parts.join('\u0000');
}

export function unpack<Id extends string>(entry: string): { id: Id; label: string; extra: string } {
  const [id = '', label = '', extra = ''] = entry.split('\u0000');
  return { id: id as Id, label, extra };
}
