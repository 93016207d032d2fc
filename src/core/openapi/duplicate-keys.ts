import { at } from './notes';

/** A key written more than once in one mapping (JSON object or YAML map): where, and each place it is written. */
export interface DuplicateKey {
  /** The key's location, its own name last: `["paths", "/pets", "get", "responses"]`. */
  path: (string | number)[];
  /** Each occurrence, in document order (the last one is the value read). */
  positions: { line: number; column: number }[];
}

export interface DuplicateKeyWarning {
  message: string;
  path: string;
  line: number;
  column: number;
  rule: 'import/duplicate-key';
}

const counts = ['', 'once', 'twice'];

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * API Gateway reads a document with a key written twice, and the last one wins (its parsers do, as
 * `JSON.parse` does); so does Portico, with this warning naming every line, so that the author can see
 * which one was lost: "paths: written twice (lines 3 and 40); the second one is used, as API Gateway does."
 */
export function duplicateKeyWarning(duplicate: DuplicateKey): DuplicateKeyWarning {
  const { positions } = duplicate;
  const last = positions.at(-1) as { line: number; column: number };
  const oneLine = positions.every((position) => position.line === last.line);
  const where = oneLine
    ? `line ${last.line}, columns ${list(positions.map((position) => String(position.column)))}`
    : `lines ${list(positions.map((position) => String(position.line)))}`;
  const times = counts[positions.length] ?? `${positions.length} times`;
  const used = positions.length === 2 ? 'the second one' : 'the last one';
  const path = at(...duplicate.path);
  return {
    message: `${path}: written ${times} (${where}); ${used} is used, as API Gateway does.`,
    path,
    line: last.line,
    column: last.column,
    rule: 'import/duplicate-key',
  };
}
