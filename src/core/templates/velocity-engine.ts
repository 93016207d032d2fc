import { Compile, parse } from 'velocityjs';
import { sizeText, type TemplateLimits } from './limits';
import { TemplateLimitError, TemplateRuntimeError } from './template-errors';
import { isMap, javaString, javaTruthy, readsAsNull, type TemplateMap } from './template-values';

/**
 * velocityjs, bounded and made to behave like API Gateway's Java Velocity 1.7.
 *
 * velocityjs ships TypeScript types, but they describe its evaluation hooks as returning `string` while they
 * return any template value at run time, and they leave out the AST's fields. This file is the one place
 * that talks to it: `VelocityHooks` below is the honest shape of the protected methods overridden here.
 *
 * What changes against plain velocityjs, and why:
 * - Every method call goes through `callMethod` (one custom method handler that matches every call), so
 *   a template calls only the methods Portico emulates: never a JavaScript method of the value
 *   (`constructor`, `__defineGetter__`, `repeat`) nor velocityjs's own handlers, and velocityjs never
 *   writes its `eval` helper onto a value.
 * - A reference renders Java's `toString()` of its value (`{a=1}`, `[1, 2]`, JSON lists as JSON) and a
 *   missing or null one renders as nothing, as in API Gateway (velocityjs writes `null`, or the reference's
 *   own text); a function value (a JavaScript property such as `$s.anchor`) reads as null.
 * - `#if`, `&&`, `||` and `!` use Velocity's truth (only null and false are false: "" and 0 are true),
 *   arithmetic on two integers stays integral (`5 / 2` is 2) and a division by zero is null, `==` compares
 *   numbers by value and other kinds by their text, as Velocity 1.7 does.
 * - `#foreach` stops after `maxForeachIterations` (API Gateway's 1,000) with a warning; ranges, strings
 *   and the output are bounded; the clock is checked between steps.
 * - Macros: the template's own `#macro`s and `#stop` only (velocityjs's own `#eval` is not Velocity's); the
 *   macro tables have no prototype, so `#constructor(...)` or `#toString()` find nothing.
 */

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

interface AstPosition {
  first_line: number;
  first_column: number;
}

interface AstNode {
  type: string;
  id?: unknown;
  pos?: AstPosition;
  condition?: AstNode;
  isRange?: boolean;
  value?: unknown;
  isEval?: boolean;
  equal?: [AstNode & { path?: { type: string; id?: unknown }[] }, AstNode];
  expression?: AstNode[];
  operator?: string;
  leader?: string;
}

type AstList = (AstNode | string | AstList)[];

interface MethodHandler {
  uid: string;
  match: (payload: { property: string; context: unknown; params: unknown[] }) => boolean;
  resolve: (payload: { property: string; context: unknown; params: unknown[] }) => unknown;
}

interface VelocityHooks {
  render(context: object, macros: object, silence: boolean): string;
  renderAstList(asts?: AstList, contextId?: string): string;
  getReferences(ast: AstNode, isVal?: boolean): unknown;
  getLiteral(ast: AstNode): unknown;
  getExpression(ast: AstNode): unknown;
  setValue(ast: AstNode): void;
  getBlock(block: AstList): string;
  getMacro(ast: AstNode, bodyContent?: string): unknown;
}

type VelocityConstructor = new (
  asts: AstList,
  config: { escape: boolean; customMethodHandlers: MethodHandler[]; valueMapper: (value: unknown) => unknown },
) => VelocityHooks;

const VelocityBase = Compile as unknown as VelocityConstructor;

export type ParsedTemplate = { ok: true; nodes: AstList } | { ok: false; line: number; column?: number; message: string };

const tokenNames: Record<string, string> = {
  CLOSE_PARENTHESIS: "')'",
  PARENTHESIS: "'('",
  BRACKET: "'['",
  CLOSE_BRACKET: "']'",
  MAP_BEGIN: "'{'",
  MAP_END: "'}'",
  COMMA: "','",
  EQUAL: "'='",
  DOLLAR: 'a $reference',
  ID: 'a name',
  INTEGER: 'a number',
  DECIMAL_POINT: "'.'",
  STRING: 'a string',
  EVAL_STRING: 'a string',
  DOT: "'.'",
  RANGE: "'..'",
  BOOL: 'true, false or null',
  HASH: "'#'",
  CONTENT: 'text',
  SPACE: 'a space',
  COMMENT: 'a comment',
  RAW: 'a #[[raw]]# block',
  MACRO_BODY: 'a #@macro call',
};

function describeToken(token: unknown, text: unknown): string {
  if (token === 1 || token === 'EOF') return 'the end of the template';
  const name = tokenNames[String(token)];
  if (typeof text === 'string' && text.trim() !== '' && text.length <= 20 && !text.includes('\n')) return `'${text}'`;
  return name ?? String(token).toLowerCase().replace(/_/g, ' ');
}

/** The 0-based offset of a 1-based line and 0-based column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + column, text.length);
}

function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function parseHint(expected: string[], ending: boolean): string {
  if (expected.includes('CLOSE_PARENTHESIS')) return ending ? "; a ')' is missing" : "; is a ')' missing before it?";
  if (ending) return '; a parenthesis, bracket or quote is not closed';
  if (['DOLLAR', 'STRING', 'INTEGER'].every((name) => expected.includes(name)))
    return '; expected a value (a $reference, a string, a number, a list or a map)';
  const names = [
    ...new Set(expected.map((name) => tokenNames[name]).filter((name): name is string => !!name && name !== 'a space' && name !== 'text')),
  ];
  return names.length > 0 && names.length <= 4 ? `; expected ${names.join(' or ')}` : '';
}

/**
 * A lexer error: jison gives the line and, in its message, an excerpt with a caret under the character it
 * could not read (the excerpt loses the line breaks, so only the line is certain).
 */
function lexicalError(error: unknown, hash: { line?: unknown } | undefined): ParsedTemplate {
  const lines = String(error instanceof Error ? error.message : error).split('\n');
  const line = typeof hash?.line === 'number' ? hash.line + 1 : 1;
  const excerpt = lines[1] ?? '';
  const caret = (lines[2] ?? '').indexOf('^');
  const char = caret >= 0 ? excerpt[caret] : undefined;
  if (char === '"' || char === "'") return { ok: false, line, message: `a string opened with ${char} is not closed` };
  return { ok: false, line, message: char ? `Velocity cannot read '${char}' here` : 'Velocity cannot read this line' };
}

/**
 * Parses a template; a syntax error comes back with its line, column and a one-line reason. Jison reports
 * the location of the token before the offending one, so the offending token is found after it.
 */
export function parseVelocity(template: string): ParsedTemplate {
  try {
    // The second argument is velocityjs's table of custom block names; its default `{}` makes `#toString()`
    // (any Object.prototype name) open a block that needs an #end. No prototype, no such blocks.
    return { ok: true, nodes: parse(template, Object.create(null) as Record<string, boolean>) as unknown as AstList };
  } catch (error) {
    const hash = (
      error as {
        hash?: {
          loc?: AstPosition & { last_line: number; last_column: number };
          token?: unknown;
          text?: unknown;
          expected?: unknown;
          line?: unknown;
        };
      }
    ).hash;
    if (!hash?.loc) return lexicalError(error, hash);
    const ending = hash.token === 1 || hash.token === 'EOF';
    const expected = Array.isArray(hash.expected) ? hash.expected.map((name) => String(name).replace(/'/g, '')) : [];
    let at = positionAt(template, offsetOf(template, hash.loc.first_line, hash.loc.first_column));
    if (!ending && typeof hash.text === 'string' && hash.text !== '') {
      let offset = offsetOf(template, hash.loc.last_line, hash.loc.last_column);
      while (offset < template.length && /\s/.test(template[offset] as string) && !template.startsWith(hash.text, offset)) offset += 1;
      if (template.startsWith(hash.text, offset)) at = positionAt(template, offset);
    }
    const found = describeToken(hash.token, hash.text);
    const hint = parseHint(expected, false);
    // The lexer sometimes reads a character as text where the parser wanted that very character (a comment or
    // a line break inside a directive): "unexpected '('; expected '('" would say nothing.
    const message = ending
      ? `the template ends inside an unfinished directive or reference${parseHint(expected, true)}`
      : hint.includes(found)
        ? `Velocity cannot read ${found} here; is there a comment or a line break inside the directive?`
        : `unexpected ${found}${hint}`;
    return { ok: false, line: at.line, column: at.column, message };
  }
}

export interface VelocityRun {
  /** The variables the template sees (`input`, `util`, `context`, `stageVariables`); `#set` writes here too. */
  variables: TemplateMap;
  limits: TemplateLimits;
  /** `Date.now()` after which the render stops. */
  deadline: number;
  /** Every method call of the template; `undefined` when the target has no such method. */
  callMethod: (target: unknown, name: string, args: unknown[], at: SourcePosition | undefined) => unknown;
  warn: (message: string, at: SourcePosition | undefined) => void;
  /** A `#set` into `$context.requestOverride…`/`responseOverride…`, by its dotted key. */
  overrideSet: (key: string, at: SourcePosition | undefined) => void;
}

export type VelocityOutcome =
  | { ok: true; output: string }
  | { ok: false; kind: 'runtime' | 'limit'; message: string; at: SourcePosition | undefined };

const errorPositions = new WeakMap<object, SourcePosition>();
const maxMacroDepth = 20;

function toPosition(pos: AstPosition | undefined): SourcePosition | undefined {
  if (!pos || typeof pos.first_line !== 'number') return undefined;
  return { line: pos.first_line, column: pos.first_column + 1 };
}

class GuardedVelocity extends VelocityBase {
  private readonly positions: (SourcePosition | undefined)[] = [];
  private readonly ifConditions = new WeakSet<object>();
  private readonly run: VelocityRun;
  /** Inside a double-quoted string: its references carry positions relative to the string, so keep the outer one. */
  private stringDepth = 0;
  private pendingForeach: AstPosition | undefined;
  private macroDepth = 0;
  /** The last position entered, kept after the stack unwinds: where a stack overflow happened. */
  lastPosition: SourcePosition | undefined;

  constructor(nodes: AstList, run: VelocityRun) {
    // The handler and the value mapper are handed to velocityjs before \`this\` exists; they reach it through this.
    const bridge: { engine?: GuardedVelocity } = {};
    const handler: MethodHandler = {
      uid: 'portico-template-methods',
      match: () => true,
      resolve: ({ property, context, params }) => bridge.engine?.callMethod(context, property, params),
    };
    super(nodes, { escape: false, customMethodHandlers: [handler], valueMapper: (value) => bridge.engine?.checkValue(value) });
    this.run = run;
    bridge.engine = this;
    // velocityjs looks `#name()` and `$name` up in these tables by key: with Object.prototype behind them,
    // `#constructor()` or `#toString()` would find a built-in function and crash the render.
    const tables = this as unknown as { macrosStore: object; defines: object };
    tables.macrosStore = Object.create(null);
    tables.defines = Object.create(null);
  }

  callMethod(target: unknown, name: string, args: unknown[]): unknown {
    this.checkClock();
    return this.checkValue(this.run.callMethod(target, name, args, this.position()));
  }

  position(): SourcePosition | undefined {
    return this.positions[this.positions.length - 1];
  }

  renderTemplate(): string {
    const macros = Object.create(null) as Record<string, unknown>;
    // velocityjs asks the table whether it has its own `eval` before adding its `#eval` macro; answering yes
    // keeps that velocityjs-only macro out (API Gateway's Velocity has no #eval), leaving only `#stop`.
    // Called as a macro (`#hasOwnProperty("x")`) it gives nothing for any other name.
    Object.defineProperty(macros, 'hasOwnProperty', { value: (key: string) => (key === 'eval' ? true : undefined) });
    return this.render(this.run.variables, macros, true);
  }

  private located<T>(pos: AstPosition | undefined, step: () => T): T {
    this.positions.push(this.stringDepth > 0 ? this.position() : (toPosition(pos) ?? this.position()));
    this.lastPosition = this.position();
    try {
      return step();
    } catch (error) {
      const at = this.position();
      if (at && typeof error === 'object' && error !== null && !errorPositions.has(error)) errorPositions.set(error, at);
      throw error;
    } finally {
      this.positions.pop();
    }
  }

  private checkClock(): void {
    if (Date.now() > this.run.deadline)
      throw new TemplateLimitError(`the template ran longer than ${this.run.limits.timeLimitMs} ms, the time a render may take`);
  }

  checkValue(value: unknown): unknown {
    if (typeof value === 'function') return undefined;
    if (typeof value === 'string' && value.length > this.run.limits.maxOutputLength)
      throw new TemplateLimitError(`a string passes ${sizeText(this.run.limits.maxOutputLength)}, API Gateway's payload limit`);
    return value;
  }

  override renderAstList(asts?: AstList, contextId?: string): string {
    this.checkClock();
    const output = super.renderAstList(asts, contextId);
    if (output.length > this.run.limits.maxOutputLength)
      throw new TemplateLimitError(`the output passes ${sizeText(this.run.limits.maxOutputLength)}, API Gateway's payload limit`);
    return output;
  }

  override getReferences(ast: AstNode, isVal?: boolean): unknown {
    return this.located(ast.pos, () => {
      let value = this.checkValue(super.getReferences(ast, isVal));
      if (readsAsNull(value)) value = null;
      return isVal ? this.checkValue(javaString(value)) : value;
    });
  }

  override getLiteral(ast: AstNode): unknown {
    const loopSource = this.pendingForeach !== undefined && ast.pos === this.pendingForeach;
    if (loopSource) this.pendingForeach = undefined;
    const value = this.literal(ast);
    return loopSource ? this.limitLoop(value, ast.pos) : value;
  }

  private literal(ast: AstNode): unknown {
    if (ast.type === 'array' && ast.isRange === true) return this.range(ast);
    if (ast.type === 'string' && ast.isEval) {
      this.stringDepth += 1;
      try {
        return this.checkValue(super.getLiteral(ast));
      } finally {
        this.stringDepth -= 1;
      }
    }
    return this.checkValue(super.getLiteral(ast));
  }

  /** `[a..b]` as Velocity builds it (every integer from a to b, either way), refused when too large. */
  private range(ast: AstNode): unknown[] {
    const bounds = (ast.value as unknown[]).map((bound) => {
      if (typeof bound === 'string') return Number.parseInt(bound, 10);
      if (typeof bound === 'number') return bound;
      return this.getReferences(bound as AstNode);
    });
    const [begin, end] = bounds;
    if (typeof begin !== 'number' || typeof end !== 'number' || !Number.isInteger(begin) || !Number.isInteger(end)) return [];
    const count = Math.abs(end - begin) + 1;
    if (count > this.run.limits.maxRangeItems)
      throw new TemplateLimitError(
        `the range [${begin}..${end}] has ${count} items; a template may build at most ${this.run.limits.maxRangeItems}`,
      );
    const step = begin <= end ? 1 : -1;
    return Array.from({ length: count }, (_unused, index) => begin + index * step);
  }

  /** A `#foreach` over more than the limit sees only its first items, as Velocity's `directive.foreach.maxloops` makes it. */
  private limitLoop(items: unknown, pos: AstPosition | undefined): unknown {
    const max = this.run.limits.maxForeachIterations;
    const values = Array.isArray(items) ? items : isMap(items) ? Object.values(items) : undefined;
    if (!values || values.length <= max) return items;
    this.run.warn(
      `#foreach stopped after ${max.toLocaleString('en-US')} of ${values.length.toLocaleString('en-US')} items, as API Gateway stops every #foreach at ${max.toLocaleString('en-US')} iterations`,
      toPosition(pos),
    );
    return values.slice(0, max);
  }

  override getExpression(ast: AstNode): unknown {
    const value = ast.type === 'math' ? this.located(ast.pos, () => this.math(ast)) : this.getLiteral(ast);
    return this.ifConditions.has(ast) ? javaTruthy(value) : value;
  }

  private math(ast: AstNode): unknown {
    const [left, right] = (ast.expression ?? []) as [AstNode, AstNode | undefined];
    const operand = (node: AstNode | undefined) => (node ? this.getExpression(node) : undefined);
    switch (ast.operator) {
      case '&&':
        return javaTruthy(operand(left)) && javaTruthy(operand(right));
      case '||':
        return javaTruthy(operand(left)) || javaTruthy(operand(right));
      case 'not':
        return !javaTruthy(operand(left));
      case 'parenthesis':
        return operand(left);
      case 'minus': {
        const value = operand(left);
        return typeof value === 'number' ? -value : null;
      }
      case '==':
      case '!=': {
        const equal = velocityEquals(operand(left), operand(right));
        return ast.operator === '==' ? equal : !equal;
      }
      case '<':
      case '>':
      case '<=':
      case '>=':
        return compare(ast.operator, operand(left), operand(right));
      case '+': {
        const a = operand(left);
        const b = operand(right);
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        if (typeof a === 'string' || typeof b === 'string') {
          if (a === null || a === undefined || b === null || b === undefined) return null;
          return this.checkValue(javaString(a) + javaString(b));
        }
        return null;
      }
      case '-':
      case '*':
      case '/':
      case '%':
        // A decimal literal (7.0) is a Double in Java even when JavaScript holds it as an integer.
        return arithmetic(ast.operator, operand(left), operand(right), left?.type === 'decimal' || right?.type === 'decimal');
      default:
        return null;
    }
  }

  override setValue(ast: AstNode): void {
    this.located(ast.pos, () => {
      const target = ast.equal?.[0];
      const path = target?.path;
      if (target?.id === 'context' && path && path.length >= 2) {
        const keys = path.map((step) => (step.type === 'property' ? String(step.id) : undefined));
        if ((keys[0] === 'requestOverride' || keys[0] === 'responseOverride') && keys.every((key) => key !== undefined))
          this.run.overrideSet(keys.join('.'), this.position());
      }
      super.setValue(ast);
    });
  }

  /** Velocity stops macros that call macros deeper than `velocimacro.max.depth` (20 by default); so does this, before the stack does. */
  override getMacro(ast: AstNode, bodyContent?: string): unknown {
    return this.located(ast.pos, () => {
      this.checkClock();
      if (this.macroDepth >= maxMacroDepth)
        throw new TemplateLimitError(
          `macros call macros more than ${maxMacroDepth} deep (Velocity's velocimacro.max.depth); does a #macro call itself?`,
        );
      this.macroDepth += 1;
      try {
        const value = super.getMacro(ast, bodyContent);
        return value === undefined || value === null ? '' : value;
      } finally {
        this.macroDepth -= 1;
      }
    });
  }

  override getBlock(block: AstList): string {
    const head = block[0] as AstNode | undefined;
    if (!head || typeof head !== 'object' || Array.isArray(head)) return super.getBlock(block);
    return this.located(head.pos, () => {
      this.checkClock();
      if (head.type === 'if')
        for (const node of block)
          if (typeof node === 'object' && !Array.isArray(node) && (node.type === 'if' || node.type === 'elseif') && node.condition)
            this.ifConditions.add(node.condition);
      if (head.type === 'foreach') this.pendingForeach = head.pos;
      return super.getBlock(block);
    });
  }
}

function velocityEquals(left: unknown, right: unknown): boolean {
  const missing = (value: unknown) => value === null || value === undefined;
  if (missing(left) || missing(right)) return missing(left) && missing(right);
  if (typeof left === 'number' && typeof right === 'number') return left === right;
  if (typeof left === typeof right && typeof left !== 'object') return left === right;
  return javaString(left) === javaString(right);
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  const comparable = (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) return false;
  const a = left as number | string;
  const b = right as number | string;
  if (operator === '<') return a < b;
  if (operator === '>') return a > b;
  if (operator === '<=') return a <= b;
  return a >= b;
}

function arithmetic(operator: string, left: unknown, right: unknown, decimal: boolean): number | null {
  if (typeof left !== 'number' || typeof right !== 'number') return null;
  const integral = !decimal && Number.isInteger(left) && Number.isInteger(right);
  if ((operator === '/' || operator === '%') && right === 0) return null;
  if (operator === '-') return left - right;
  if (operator === '*') return left * right;
  if (operator === '%') return left % right;
  return integral ? Math.trunc(left / right) : left / right;
}

/** Renders parsed nodes. Never throws: a failure comes back with the position being rendered. */
export function runVelocity(nodes: AstList, run: VelocityRun): VelocityOutcome {
  let engine: GuardedVelocity | undefined;
  try {
    engine = new GuardedVelocity(nodes, run);
    return { ok: true, output: engine.renderTemplate() };
  } catch (error) {
    const fallback = engine?.position() ?? engine?.lastPosition;
    const at = typeof error === 'object' && error !== null ? (errorPositions.get(error) ?? fallback) : fallback;
    if (error instanceof TemplateRuntimeError) return { ok: false, kind: error.kind, message: error.message, at };
    if (error instanceof RangeError && /call stack/i.test(error.message))
      return { ok: false, kind: 'limit', message: 'the template nests or recurses too deeply (a #macro that calls itself?)', at };
    if (error instanceof RangeError && /string length|array length/i.test(error.message))
      return { ok: false, kind: 'limit', message: 'the template builds a value too large to hold', at };
    return {
      ok: false,
      kind: 'runtime',
      message: `the template could not be rendered (${error instanceof Error ? error.message : String(error)})`,
      at,
    };
  }
}
