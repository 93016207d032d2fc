/**
 * Checks that `#if`, `#foreach`, `#macro`, `#define` (and velocityjs's `#@name` and `#noescape`) each have
 * their `#end`, and that `#else`/`#elseif` sit inside an `#if`. Java Velocity refuses such a template;
 * velocityjs's parser does not: a missing `#end` makes it repeat the block's text after the block, a stray
 * one makes it drop the rest of the template silently. Comments (`##`, `#* *#`), raw text (`#[[ ]]#`),
 * escaped directives (`\#end`) and quoted strings inside a directive's or a reference's parentheses are
 * skipped, as Velocity's lexer skips them.
 */
export interface DirectiveProblem {
  line: number;
  column: number;
  message: string;
}

const blockDirectives = new Set(['if', 'foreach', 'macro', 'define', 'noescape']);
const identifierStart = /[A-Za-z_]/;
const identifierPart = /[A-Za-z0-9_-]/;

interface Opened {
  name: string;
  line: number;
  column: number;
}

export function checkDirectiveBalance(template: string): DirectiveProblem | undefined {
  const lineStarts = [0];
  for (let index = 0; index < template.length; index += 1) if (template[index] === '\n') lineStarts.push(index + 1);
  const positionOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
  const problem = (offset: number, message: string): DirectiveProblem => ({ ...positionOf(offset), message });

  /** Skips a balanced `(...)` or `[...]` starting at `open`, quote-aware; returns the index after it. */
  const skipBalanced = (open: number): number => {
    let depth = 0;
    let index = open;
    while (index < template.length) {
      const char = template[index];
      if (char === '"' || char === "'") {
        const close = template.indexOf(char, index + 1);
        if (close === -1) return template.length;
        index = close + 1;
        continue;
      }
      if (char === '(' || char === '[') depth += 1;
      else if (char === ')' || char === ']') {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
      index += 1;
    }
    return index;
  };

  const stack: Opened[] = [];
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    if (char === '\\') {
      let end = index;
      while (template[end] === '\\') end += 1;
      const escaped = (end - index) % 2 === 1 && (template[end] === '#' || template[end] === '$');
      index = escaped ? end + 1 : end;
      continue;
    }
    if (char === '#') {
      const next = template[index + 1];
      if (next === '#') {
        const newline = template.indexOf('\n', index);
        index = newline === -1 ? template.length : newline + 1;
        continue;
      }
      if (next === '*') {
        const close = template.indexOf('*#', index + 2);
        if (close === -1) return problem(index, 'this #* comment is never closed with *#');
        index = close + 2;
        continue;
      }
      if (template.startsWith('#[[', index)) {
        const close = template.indexOf(']]#', index + 3);
        if (close === -1) return problem(index, 'this #[[ raw block is never closed with ]]#');
        index = close + 3;
        continue;
      }
      let cursor = index + 1;
      const braced = template[cursor] === '{';
      if (braced) cursor += 1;
      const macroBody = template[cursor] === '@';
      if (macroBody) cursor += 1;
      if (!identifierStart.test(template[cursor] ?? '')) {
        index += 1;
        continue;
      }
      const nameStart = cursor;
      while (identifierPart.test(template[cursor] ?? '')) cursor += 1;
      const name = template.slice(nameStart, cursor);
      if (braced) {
        if (template[cursor] !== '}') {
          index += 1;
          continue;
        }
        cursor += 1;
      }
      let afterSpaces = cursor;
      while (template[afterSpaces] === ' ' || template[afterSpaces] === '\t') afterSpaces += 1;
      const hasArguments = template[afterSpaces] === '(';
      const display = `#${macroBody ? '@' : ''}${name}`;
      if (macroBody || (blockDirectives.has(name) && hasArguments)) stack.push({ name: display, ...positionOf(index) });
      else if (name === 'end') {
        if (!stack.pop()) return problem(index, '#end has no #if, #foreach, #macro or #define to close');
      } else if (name === 'else' || name === 'elseif') {
        if (stack[stack.length - 1]?.name !== '#if') return problem(index, `#${name} is not inside an #if`);
      }
      index = hasArguments ? skipBalanced(afterSpaces) : cursor;
      continue;
    }
    if (char === '$') {
      let cursor = index + 1;
      if (template[cursor] === '!') cursor += 1;
      const braced = template[cursor] === '{';
      if (braced) cursor += 1;
      if (!identifierStart.test(template[cursor] ?? '')) {
        index += 1;
        continue;
      }
      while (identifierPart.test(template[cursor] ?? '')) cursor += 1;
      for (;;) {
        const at = template[cursor];
        if (at === '(' || at === '[') cursor = skipBalanced(cursor);
        else if (at === '.' && identifierStart.test(template[cursor + 1] ?? '')) {
          cursor += 1;
          while (identifierPart.test(template[cursor] ?? '')) cursor += 1;
        } else break;
      }
      if (braced && template[cursor] === '}') cursor += 1;
      index = cursor;
      continue;
    }
    index += 1;
  }
  const open = stack.pop();
  if (open) return { line: open.line, column: open.column, message: `${open.name} (line ${open.line}) has no #end` };
  return undefined;
}
