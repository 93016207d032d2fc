import { sizeText } from './limits';
import { TemplateLimitError, TemplateRuntimeError } from './template-errors';

/**
 * Java regular expressions (`replaceAll`, `matches`, `split` take them in API Gateway's Velocity) run on
 * JavaScript's engine. The common syntax is shared; a leading `(?i)`/`(?s)`/`(?m)` becomes a flag and
 * `\Q...\E`, `\A`, `\z`, `\Z` are rewritten. A pattern with a repetition inside a repeated group (`(a+)+`)
 * is refused: it can take exponential time, and a render cannot be interrupted inside one match.
 */
export function javaRegex(pattern: string, global: boolean): RegExp {
  let source = pattern;
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    const letters = inline[1] as string;
    if (letters.includes('x')) throw new TemplateRuntimeError(`the regular expression flag (?x) is not supported here`);
    for (const letter of letters) if (!flags.includes(letter)) flags += letter;
    source = source.slice(inline[0].length);
  }
  source = source.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_all, literal: string) => literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  source = source.replace(/(^|[^\\])((?:\\\\)*)\\A/g, '$1$2^').replace(/(^|[^\\])((?:\\\\)*)\\[zZ]/g, '$1$2$');
  if (hasNestedRepetition(source))
    throw new TemplateRuntimeError(
      `the regular expression ${pattern} repeats a group that itself repeats, which can run for hours; rewrite it without nested repetition`,
    );
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new TemplateRuntimeError(`${pattern} is not a regular expression this engine can run (${(error as Error).message})`);
  }
}

/** True for a quantified group whose content is itself quantified: the shape of catastrophic backtracking. */
export function hasNestedRepetition(source: string): boolean {
  const groups: boolean[] = [];
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push(false);
    else if (char === ')') {
      const innerRepeats = groups.pop() ?? false;
      const next = source[index + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}|^\{\d{2,}\}/.test(source.slice(index + 1)));
      if (innerRepeats && repeated) return true;
      if (groups.length > 0 && (innerRepeats || repeated)) groups[groups.length - 1] = true;
    } else if ((char === '*' || char === '+' || char === '{') && groups.length > 0) groups[groups.length - 1] = true;
  }
  return false;
}

type ReplacementPart = string | { group: number | string };

/** A Java replacement string: `$1` and `${name}` name groups, a backslash takes the next character literally. */
function parseReplacement(replacement: string, groupCount: number): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let literal = '';
  for (let index = 0; index < replacement.length; index += 1) {
    const char = replacement[index] as string;
    if (char === '\\') {
      index += 1;
      if (index >= replacement.length)
        throw new TemplateRuntimeError('the replacement ends with a lone backslash (character to be escaped is missing)');
      literal += replacement[index];
    } else if (char === '$') {
      if (replacement[index + 1] === '{') {
        const close = replacement.indexOf('}', index);
        if (close === -1) throw new TemplateRuntimeError("a named group reference '${' in the replacement is not closed");
        if (literal) parts.push(literal);
        literal = '';
        parts.push({ group: replacement.slice(index + 2, close) });
        index = close;
        continue;
      }
      let digits = '';
      while (/\d/.test(replacement[index + 1 + digits.length] ?? '')) {
        const candidate = digits + replacement[index + 1 + digits.length];
        if (digits !== '' && Number(candidate) > groupCount) break;
        digits = candidate;
      }
      if (digits === '')
        throw new TemplateRuntimeError("a '$' in the replacement is not followed by a group number (write \\$ for a dollar sign)");
      if (Number(digits) > groupCount)
        throw new TemplateRuntimeError(`the replacement names group ${digits}, but the expression has ${groupCount}`);
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ group: Number(digits) });
      index += digits.length;
    } else literal += char;
  }
  if (literal) parts.push(literal);
  return parts;
}

function groupCountOf(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`).exec('')?.length ?? 1) - 1;
}

/** `String.replaceAll` / `replaceFirst` with Java's replacement syntax; the result may not pass `maxLength`. */
export function javaReplace(subject: string, pattern: string, replacement: string, all: boolean, maxLength: number): string {
  const regex = javaRegex(pattern, all);
  const parts = parseReplacement(replacement, groupCountOf(regex));
  let length = subject.length;
  return subject.replace(regex, (...match: unknown[]) => {
    const last = match[match.length - 1];
    const named = typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined;
    const text = parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (typeof part.group === 'number') return (match[part.group] as string | undefined) ?? '';
        if (!named || !(part.group in named))
          throw new TemplateRuntimeError(`the replacement names a group "${part.group}" the expression does not have`);
        return named[part.group] ?? '';
      })
      .join('');
    length += text.length - (match[0] as string).length;
    if (length > maxLength)
      throw new TemplateLimitError(`the replacement makes a string longer than ${sizeText(maxLength)}, API Gateway's payload limit`);
    return text;
  });
}

/** `String.split(regex[, limit])`: Java drops trailing empty strings (limit 0) and never starts with an empty one from a zero-width match. */
export function javaSplit(subject: string, pattern: string, limit = 0): string[] {
  const regex = javaRegex(pattern, true);
  const parts: string[] = [];
  let last = 0;
  let found = false;
  for (const match of subject.matchAll(regex)) {
    const at = match.index ?? 0;
    if (match[0].length === 0 && (at === 0 || at >= subject.length)) continue;
    if (limit > 0 && parts.length === limit - 1) break;
    found = true;
    parts.push(subject.slice(last, at));
    last = at + match[0].length;
  }
  if (!found) return [subject];
  parts.push(subject.slice(last));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** `String.matches(regex)`: the whole string must match. */
export function javaMatches(subject: string, pattern: string): boolean {
  const regex = javaRegex(pattern, false);
  return new RegExp(`^(?:${regex.source})$`, regex.flags).test(subject);
}
