import { compileJsonPath, evaluateJsonPath } from './jsonpath';
import type { SampleRequest } from './sample-request';
import { TemplateRuntimeError } from './template-errors';
import { fromJson, javaString, markOpaque, newMap, type TemplateMap, toJsonText } from './template-values';

/**
 * `$input`: the payload and the method request's parameters (api-gateway-mapping-template-reference.md,
 * "$input Variables"). API Gateway's behaviours reproduced here, with their sources:
 * - `$input.body` of an empty payload is `{}`, and `$input.json('$')`/`$input.path('$')` read it as an
 *   empty object (LocalStack, checked against AWS: localstack/localstack#12413).
 * - `$input.json(x)` returns JSON text: a string value keeps its quotes (`"foobar"`), objects are written
 *   compactly (guide: "returns the results as a JSON string").
 * - `$input.path(x)` returns the value itself, and it is the same parsed document each time: a template that
 *   changes it with `#set` sees the change in a later `$input.json('$')` (qiita.com/makisyu/items/649f2c1945bde57c129f).
 * - `$input.params(x)` searches path, then query string, then headers (the guide's order); a missing
 *   parameter is an empty string, not null (qiita.com/hellscare/items/e0ba2e971be71f49ad54 needs
 *   `$limit.length() != 0` to test for it). Header names match regardless of case, as HTTP's do.
 * - A JSONPath that finds nothing gives null, which renders as nothing.
 */
interface InputState {
  bodyText: string;
  document?: { value: unknown };
  params: TemplateMap;
  maxJsonDepth: number;
}

const inputs = new WeakMap<object, InputState>();

function mapOf(entries: Record<string, string>): TemplateMap {
  const map = newMap();
  for (const [name, value] of Object.entries(entries)) map[name] = value;
  return map;
}

export function createInput(request: SampleRequest, maxJsonDepth: number): TemplateMap {
  const input = markOpaque(newMap());
  const bodyText = request.body === null || request.body === '' ? '{}' : request.body;
  input.body = bodyText;
  const params = newMap();
  params.path = mapOf(request.pathParameters);
  params.querystring = mapOf(request.queryStringParameters);
  params.header = mapOf(request.headers);
  inputs.set(input, { bodyText, params, maxJsonDepth });
  return input;
}

export function isInput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && inputs.has(value);
}

function documentOf(state: InputState, call: string): unknown {
  if (!state.document) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(state.bodyText);
    } catch (error) {
      throw new TemplateRuntimeError(`${call} cannot read the body: it is not JSON (${(error as Error).message})`);
    }
    state.document = { value: fromJson(parsed, state.maxJsonDepth) };
  }
  return state.document.value;
}

function findParameter(params: TemplateMap, name: string): string {
  for (const location of ['path', 'querystring', 'header'] as const) {
    const map = params[location] as TemplateMap;
    if (Object.hasOwn(map, name)) return javaString(map[name]);
  }
  const header = params.header as TemplateMap;
  const lower = name.toLowerCase();
  const match = Object.keys(header).find((key) => key.toLowerCase() === lower);
  return match === undefined ? '' : javaString(header[match]);
}

export type InputOutcome = { found: true; value: unknown } | { found: false };

export function callInput(input: unknown, name: string, args: unknown[]): InputOutcome {
  const state = typeof input === 'object' && input !== null ? inputs.get(input) : undefined;
  if (!state) return { found: false };
  if (name === 'params' && args.length === 0) return { found: true, value: state.params };
  if (args.length !== 1) return { found: false };
  const argument = javaString(args[0]);
  if (name === 'params') return { found: true, value: findParameter(state.params, argument) };
  if (name !== 'json' && name !== 'path') return { found: false };
  const call = `$input.${name}('${argument}')`;
  const compiled = compileJsonPath(argument);
  if (!compiled.ok) throw new TemplateRuntimeError(`${call}: ${compiled.message}`);
  const value = evaluateJsonPath(compiled.path, documentOf(state, call));
  if (name === 'path' || value === undefined) return { found: true, value };
  return { found: true, value: toJsonText(value) };
}
