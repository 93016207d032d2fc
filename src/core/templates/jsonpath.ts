import { isMap, markJsonList } from './template-values';

/**
 * The JSONPath that `$input.json(x)` and `$input.path(x)` take. API Gateway evaluates them with Jayway
 * JsonPath (developer guide, api-gateway-mapping-template-reference.md: "JSONPath for Java"); this is the
 * subset its examples and everyday templates use: `$`, `.name`, `['name']`, `[0]`, `[-1]`, `[0,2]`,
 * `[1:3]`, `*`, `..name`. Filters (`[?(...)]`) and functions (`.length()`) are refused with a reason.
 * As in Jayway, a path without `$` is read from the root (`pets` is `$.pets`); a definite path (no
 * wildcard, descent, slice or union) gives one value, any other path a list of the matches.
 */
type Selector =
  | { type: 'names'; names: (string | number)[] }
  | { type: 'wildcard' }
  | { type: 'slice'; start?: number; end?: number; step?: number };

interface Segment {
  descend: boolean;
  selector: Selector;
}

export interface JsonPath {
  text: string;
  segments: Segment[];
  definite: boolean;
}

export type CompiledJsonPath = { ok: true; path: JsonPath } | { ok: false; message: string };

const nameEnd = /[.[]/;

export function compileJsonPath(source: string): CompiledJsonPath {
  const trimmed = source.trim();
  if (trimmed === '') return { ok: false, message: 'the JSONPath is empty (use $ for the whole body)' };
  if (trimmed.startsWith('@')) return { ok: false, message: 'a JSONPath here starts with $, not @' };
  const text = trimmed.startsWith('$') ? trimmed : trimmed.startsWith('[') ? `$${trimmed}` : `$.${trimmed}`;
  const segments: Segment[] = [];
  let index = 1;
  const fail = (message: string): CompiledJsonPath => ({ ok: false, message });
  while (index < text.length) {
    const char = text[index];
    let descend = false;
    if (char === '.') {
      if (text[index + 1] === '.') {
        descend = true;
        index += 2;
      } else index += 1;
      if (index >= text.length) return fail(`the path ends with '${descend ? '..' : '.'}': a name is missing`);
      if (text[index] === '[') {
        const bracket = readBracket(text, index);
        if (!bracket.ok) return fail(bracket.message);
        segments.push({ descend, selector: bracket.selector });
        index = bracket.next;
        continue;
      }
      if (text[index] === '*') {
        segments.push({ descend, selector: { type: 'wildcard' } });
        index += 1;
        continue;
      }
      const rest = text.slice(index);
      const end = rest.search(nameEnd);
      const name = end === -1 ? rest : rest.slice(0, end);
      if (name === '') return fail(`a name is missing after '.' at character ${index + 1}`);
      if (/\(\s*\)$/.test(name)) return fail(`JSONPath functions such as ${name} are not supported here`);
      segments.push({ descend, selector: { type: 'names', names: [name] } });
      index += name.length;
      continue;
    }
    if (char === '[') {
      const bracket = readBracket(text, index);
      if (!bracket.ok) return fail(bracket.message);
      segments.push({ descend: false, selector: bracket.selector });
      index = bracket.next;
      continue;
    }
    return fail(`unexpected '${char}' at character ${index + 1}; a step starts with '.' or '['`);
  }
  const definite = segments.every(
    (segment) => !segment.descend && segment.selector.type === 'names' && segment.selector.names.length === 1,
  );
  return { ok: true, path: { text, segments, definite } };
}

type BracketRead = { ok: true; selector: Selector; next: number } | { ok: false; message: string };

function readBracket(text: string, open: number): BracketRead {
  let index = open + 1;
  const skipSpaces = () => {
    while (text[index] === ' ') index += 1;
  };
  skipSpaces();
  if (text[index] === '?') return { ok: false, message: 'JSONPath filters ([?(...)]) are not supported here' };
  if (text[index] === '(') return { ok: false, message: 'JSONPath script expressions ([(...)]) are not supported here' };
  if (text[index] === '*') {
    index += 1;
    skipSpaces();
    if (text[index] !== ']') return { ok: false, message: `']' is missing after '[*' at character ${index + 1}` };
    return { ok: true, selector: { type: 'wildcard' }, next: index + 1 };
  }
  const names: (string | number)[] = [];
  for (;;) {
    skipSpaces();
    const quote = text[index];
    if (quote === "'" || quote === '"') {
      let value = '';
      index += 1;
      while (index < text.length && text[index] !== quote) {
        if (text[index] === '\\' && index + 1 < text.length) index += 1;
        value += text[index];
        index += 1;
      }
      if (index >= text.length) return { ok: false, message: `a quoted name in '[...]' is not closed` };
      index += 1;
      names.push(value);
    } else {
      const match = /^(-?\d*)\s*(?::\s*(-?\d*)\s*(?::\s*(-?\d*))?)?/.exec(text.slice(index));
      const whole = match?.[0] ?? '';
      if (!match || whole.trim() === '') return { ok: false, message: `expected a quoted name, an index or '*' at character ${index + 1}` };
      index += whole.length;
      if (whole.includes(':')) {
        skipSpaces();
        if (text[index] !== ']' || names.length > 0) return { ok: false, message: 'a slice ([start:end]) stands alone in its brackets' };
        const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
        return {
          ok: true,
          selector: { type: 'slice', start: number(match[1]), end: number(match[2]), step: number(match[3]) },
          next: index + 1,
        };
      }
      names.push(Number(match[1]));
    }
    skipSpaces();
    if (text[index] === ',') {
      index += 1;
      continue;
    }
    if (text[index] === ']') return { ok: true, selector: { type: 'names', names }, next: index + 1 };
    return {
      ok: false,
      message: index >= text.length ? `']' is missing` : `unexpected '${text[index]}' at character ${index + 1} in '[...]'`,
    };
  }
}

function children(node: unknown): unknown[] {
  if (Array.isArray(node)) return node;
  if (isMap(node)) return Object.keys(node).map((key) => node[key]);
  return [];
}

function withDescendants(node: unknown, into: unknown[]): void {
  into.push(node);
  for (const child of children(node)) if (typeof child === 'object' && child !== null) withDescendants(child, into);
}

function select(node: unknown, selector: Selector, into: unknown[]): void {
  if (selector.type === 'wildcard') {
    into.push(...children(node));
    return;
  }
  if (selector.type === 'slice') {
    if (!Array.isArray(node)) return;
    const length = node.length;
    const step = selector.step ?? 1;
    if (step <= 0) return;
    const clamp = (value: number) => Math.min(Math.max(value < 0 ? length + value : value, 0), length);
    const start = clamp(selector.start ?? 0);
    const end = clamp(selector.end ?? length);
    for (let index = start; index < end; index += step) into.push(node[index]);
    return;
  }
  for (const name of selector.names) {
    if (typeof name === 'number') {
      if (!Array.isArray(node)) continue;
      const index = name < 0 ? node.length + name : name;
      if (index >= 0 && index < node.length) into.push(node[index]);
    } else if (isMap(node) && Object.hasOwn(node, name)) into.push(node[name]);
  }
}

/**
 * The value at a definite path (undefined when there is none), or the list of matches of any other path.
 * Values are the document's own (not copies): a template that changes `$input.path('$')` sees the change
 * in `$input.json('$')`, as in API Gateway.
 */
export function evaluateJsonPath(path: JsonPath, root: unknown): unknown {
  let nodes: unknown[] = [root];
  for (const segment of path.segments) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (!segment.descend) select(node, segment.selector, next);
      else {
        const scope: unknown[] = [];
        withDescendants(node, scope);
        for (const candidate of scope) select(candidate, segment.selector, next);
      }
    }
    nodes = next;
  }
  return path.definite ? nodes[0] : markJsonList(nodes);
}
