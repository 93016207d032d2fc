import type { JsonValue } from '../model';
import { exactLiteral, type JsonLiteralHooks, jsonLiteral, numberLiteral, propertyKey, textLiteral } from './literals';

/**
 * Expressions of the generated program as a small tree, rendered with indentation at the end. Builders
 * never paste design text: strings enter only through `text`/`exact` (literals.ts) and JSON through
 * `json`; `raw` is for code the generator writes itself (identifiers it allocated, enum members).
 */
export type Code =
  | { kind: 'raw'; code: string }
  | { kind: 'object'; entries: [string, Code][] }
  | { kind: 'array'; items: Code[] }
  | { kind: 'call'; callee: string; args: Code[] }
  | { kind: 'json'; value: JsonValue; hooks: JsonLiteralHooks };

export function raw(code: string): Code {
  return { kind: 'raw', code };
}

/** User text, markers neutralised (see literals.ts). */
export function text(value: string): Code {
  return raw(textLiteral(value));
}

/** A string the program needs exactly as given (path parts, HTTP verbs, keys API Gateway matches). */
export function exact(value: string): Code {
  return raw(exactLiteral(value));
}

/** A number; callers check `numberLiteral` first when a value may be NaN or infinite. */
export function num(value: number): Code {
  return raw(numberLiteral(value) ?? '0');
}

export function bool(value: boolean): Code {
  return raw(String(value));
}

/** An object literal; entries whose value is undefined are left out, so optional props read naturally. */
export function obj(entries: [string, Code | undefined][]): Code {
  return { kind: 'object', entries: entries.filter((entry): entry is [string, Code] => entry[1] !== undefined) };
}

export function arr(items: Code[]): Code {
  return { kind: 'array', items };
}

/** `callee(args)`; write `new X` as the callee for constructors. Trailing undefined arguments are dropped. */
export function call(callee: string, ...args: (Code | undefined)[]): Code {
  const present = [...args];
  while (present.length > 0 && present[present.length - 1] === undefined) present.pop();
  return { kind: 'call', callee, args: present.map((arg) => arg ?? raw('undefined')) };
}

/**
 * JSON data as code. Small values become a code tree, so that they are laid out like the rest of the
 * program (`required: ['id', 'name']` on one line); large ones are written by the iterative
 * `jsonLiteral`, which no depth of nesting can overflow.
 */
export function json(value: JsonValue, hooks: JsonLiteralHooks = {}): Code {
  let budget = 400;
  const small = (item: JsonValue, depth: number): boolean => {
    budget -= 1;
    if (budget < 0 || depth > 12) return false;
    if (item === null || typeof item !== 'object') return true;
    return (Array.isArray(item) ? item : Object.values(item)).every((child) => small(child, depth + 1));
  };
  if (!small(value, 0)) return { kind: 'json', value, hooks };
  const convert = (item: JsonValue, key: string | undefined): Code => {
    const custom = hooks.value?.(item, key);
    if (custom !== undefined) return raw(custom);
    if (item === null) return raw('null');
    if (typeof item === 'string') return text(item);
    if (typeof item === 'boolean') return bool(item);
    if (typeof item === 'number') {
      const literal = numberLiteral(item);
      if (literal === undefined) hooks.onDroppedNumber?.(item);
      return raw(literal ?? 'null');
    }
    if (Array.isArray(item)) return arr(item.map((child) => convert(child, undefined)));
    return obj(Object.entries(item).map(([name, child]) => [propertyKey(name), convert(child, name)]));
  };
  return convert(value, undefined);
}

/** A record of strings (`{ 'application/json': '…' }`) from design data; keys are exact, values user text. */
export function textRecord(record: Record<string, string>): Code | undefined {
  const entries = Object.entries(record);
  if (entries.length === 0) return undefined;
  return obj(entries.map(([key, value]) => [propertyKey(key), text(value)]));
}

const lineWidth = 120;

/**
 * The length of a node written on one line, or more than `budget` when it does not fit (or cannot be
 * one line: multi-line code, large JSON). Stops as soon as the budget is spent, so that `render` does
 * not build one-line strings of whole trees at every level of nesting.
 */
function inlineLength(code: Code, budget: number): number {
  switch (code.kind) {
    case 'raw':
      return code.code.includes('\n') ? Number.POSITIVE_INFINITY : code.code.length;
    case 'json':
      return Number.POSITIVE_INFINITY;
    case 'array': {
      let length = 2;
      for (const item of code.items) {
        length += inlineLength(item, budget - length) + 2;
        if (length > budget) return length;
      }
      return length;
    }
    case 'object': {
      let length = 4;
      for (const [key, value] of code.entries) {
        length += key.length + 2 + inlineLength(value, budget - length) + 2;
        if (length > budget) return length;
      }
      return length;
    }
    case 'call': {
      let length = code.callee.length + 2;
      for (const arg of code.args) {
        length += inlineLength(arg, budget - length) + 2;
        if (length > budget) return length;
      }
      return length;
    }
  }
}

function renderInline(code: Code): string | undefined {
  return renderInlineUncached(code);
}

function renderInlineUncached(code: Code): string | undefined {
  switch (code.kind) {
    case 'raw':
      return code.code.includes('\n') ? undefined : code.code;
    case 'json':
      return undefined;
    case 'array': {
      const items = code.items.map(renderInline);
      if (items.some((item) => item === undefined)) return undefined;
      return `[${items.join(', ')}]`;
    }
    case 'object': {
      if (code.entries.length === 0) return '{}';
      const entries = code.entries.map(([key, value]) => {
        const inline = renderInline(value);
        // `{ api }` rather than `{ api: api }`.
        return inline === undefined ? undefined : inline === key && value.kind === 'raw' ? key : `${key}: ${inline}`;
      });
      if (entries.some((entry) => entry === undefined)) return undefined;
      return `{ ${entries.join(', ')} }`;
    }
    case 'call': {
      const args = code.args.map(renderInline);
      if (args.some((arg) => arg === undefined)) return undefined;
      return `${code.callee}(${args.join(', ')})`;
    }
  }
}

/**
 * Renders an expression that starts `column` characters into a line indented by `indent`. Short
 * expressions stay on one line; longer objects and arrays put one entry per line.
 */
export function render(code: Code, indent: string, column = indent.length): string {
  if (inlineLength(code, lineWidth - column) <= lineWidth - column) {
    const inline = renderInline(code);
    if (inline !== undefined && column + inline.length <= lineWidth) return inline;
  }
  const inner = `${indent}  `;
  switch (code.kind) {
    case 'raw':
      return code.code;
    case 'json':
      return jsonLiteral(code.value, indent, code.hooks);
    case 'array':
      if (code.items.length === 0) return '[]';
      return `[\n${code.items.map((item) => `${inner}${render(item, inner)},`).join('\n')}\n${indent}]`;
    case 'object':
      return `{\n${code.entries
        .map(([key, value]) =>
          value.kind === 'raw' && value.code === key
            ? `${inner}${key},`
            : `${inner}${key}: ${render(value, inner, inner.length + key.length + 2)},`,
        )
        .join('\n')}\n${indent}}`;
    case 'call': {
      // Arguments stay on the call's line; a trailing object or array opens over several lines.
      const last = code.args[code.args.length - 1];
      const leading = code.args.slice(0, -1).map((arg) => render(arg, indent));
      const head = `${code.callee}(${leading.map((arg) => `${arg}, `).join('')}`;
      if (last === undefined) return `${code.callee}()`;
      const lastCode = render(last, indent, column + head.length);
      const fits = !leading.some((arg) => arg.includes('\n')) && column + head.length + (lastCode.split('\n')[0]?.length ?? 0) <= lineWidth;
      if (fits) return `${head}${lastCode})`;
      return `${code.callee}(\n${code.args.map((arg) => `${inner}${render(arg, inner)},`).join('\n')}\n${indent})`;
    }
  }
}

/** Lines of the program with their indentation. */
export class CodeWriter {
  private readonly lines: string[] = [];

  /** @param depth indentation (in steps of two spaces) the writer starts at. */
  constructor(private depth = 0) {}

  get indent(): string {
    return '  '.repeat(this.depth);
  }

  line(textLine = ''): this {
    this.lines.push(textLine === '' ? '' : this.indent + textLine);
    return this;
  }

  /** A blank line, never two in a row and never at the start of a block. */
  blank(): this {
    const last = this.lines[this.lines.length - 1];
    if (last !== undefined && last !== '' && !last.endsWith('{')) this.lines.push('');
    return this;
  }

  /** `prefix` + the rendered expression + `;` (e.g. `const x = ` + `new Y(...)`). */
  statement(prefix: string, code: Code): this {
    this.lines.push(`${this.indent}${prefix}${render(code, this.indent, this.indent.length + prefix.length)};`);
    return this;
  }

  open(textLine: string): this {
    this.line(textLine);
    this.depth += 1;
    return this;
  }

  close(textLine = '}'): this {
    this.depth = Math.max(0, this.depth - 1);
    while (this.lines[this.lines.length - 1] === '') this.lines.pop();
    this.line(textLine);
    return this;
  }

  /**
   * Appends another writer's lines at the current indentation. Splitting on newlines is safe: string
   * literals never hold a raw line break (literals.ts escapes them), so every newline is layout.
   */
  append(other: CodeWriter): this {
    if (this.depth === 0) return this.appendVerbatim(other);
    for (const otherLine of other.lines.join('\n').split('\n')) this.lines.push(otherLine === '' ? '' : this.indent + otherLine);
    return this;
  }

  /** Appends another writer's lines as they are (a writer made at this writer's depth). */
  appendVerbatim(other: CodeWriter): this {
    this.lines.push(...other.lines);
    return this;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  /**
   * Turns `const name = expression;` into `expression;` when nothing else in the writer mentions `name`
   * (an API with no methods, routes or stages): generated programs declare no unused variable. A mention
   * inside a string literal counts as a use, which only ever keeps the declaration.
   */
  dropUnusedConst(name: string): this {
    const declaration = `const ${name} = `;
    const index = this.lines.findIndex((line) => line.trimStart().startsWith(declaration));
    if (index === -1) return this;
    const mentions = this.lines.join('\n').match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
    if (mentions !== 1) return this;
    const line = this.lines[index] as string;
    this.lines[index] = line.replace(declaration, '');
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
