import { createContextVariable, readOverrides, type TemplateOverrides } from './context-variable';
import { checkDirectiveBalance } from './directive-balance';
import { callInput, createInput, isInput } from './input-variable';
import { callJavaMethod, kindOf } from './java-methods';
import { resolveLimits, sizeText, type TemplateLimits } from './limits';
import type { SampleRequest } from './sample-request';
import type { TemplateError, TemplateSource, TemplateWarning } from './template-errors';
import { newMap } from './template-values';
import { callUtil, createUtil, isUtil } from './util-variable';
import { parseVelocity, runVelocity, type SourcePosition } from './velocity-engine';

/**
 * Which side of the integration a template maps. `request`: an integration request template, `body` is the
 * client's payload. `response`: an integration response template, `body` is the backend's answer while
 * `$input.params()` still reads the method request (issue 13, item 3).
 */
export type TemplatePhase = 'request' | 'response';

export interface RenderTemplateOptions {
  template: string;
  request: SampleRequest;
  phase?: TemplatePhase;
  /**
   * A request template rendered first against the same request, as a Mock integration does: only its
   * `$context.requestOverride`/`responseOverride` assignments reach `template` (its output is discarded).
   */
  requestTemplate?: string;
  limits?: Partial<TemplateLimits>;
}

export type RenderTemplateResult =
  | { ok: true; output: string; overrides: TemplateOverrides; warnings: TemplateWarning[] }
  | { ok: false; error: TemplateError; warnings: TemplateWarning[] };

interface RenderScope {
  limits: TemplateLimits;
  deadline: number;
  warnings: TemplateWarning[];
}

function pushWarning(scope: RenderScope, warning: TemplateWarning): void {
  const known = scope.warnings.some(
    (other) =>
      other.line === warning.line &&
      other.column === warning.column &&
      other.message === warning.message &&
      other.source === warning.source,
  );
  if (!known) scope.warnings.push(warning);
}

function located(at: SourcePosition | undefined): { line: number; column?: number } {
  return at ? { line: at.line, column: at.column } : { line: 1 };
}

/** Syntax problems only (for an editor's inline markers): undefined when the template parses and its directives balance. */
export function checkMappingTemplate(
  template: string,
  limits?: Partial<TemplateLimits>,
  source: TemplateSource = 'template',
): TemplateError | undefined {
  const resolved = resolveLimits(limits);
  if (template.length > resolved.maxTemplateLength)
    return {
      kind: 'limit',
      line: 1,
      message: `the template is ${sizeText(template.length)}; API Gateway accepts mapping templates up to ${sizeText(resolved.maxTemplateLength)}`,
      source,
    };
  const parsed = parseVelocity(template);
  if (!parsed.ok)
    return {
      kind: 'syntax',
      line: parsed.line,
      ...(parsed.column === undefined ? {} : { column: parsed.column }),
      message: parsed.message,
      source,
    };
  const unbalanced = checkDirectiveBalance(template);
  if (unbalanced) return { kind: 'syntax', line: unbalanced.line, column: unbalanced.column, message: unbalanced.message, source };
  return undefined;
}

type OneRender = { ok: true; output: string; overrides: TemplateOverrides } | { ok: false; error: TemplateError };

function renderOne(
  template: string,
  source: TemplateSource,
  phase: TemplatePhase,
  request: SampleRequest,
  carried: TemplateOverrides | undefined,
  scope: RenderScope,
): OneRender {
  const problem = checkMappingTemplate(template, scope.limits, source);
  if (problem) return { ok: false, error: problem };
  const parsed = parseVelocity(template);
  if (!parsed.ok) return { ok: false, error: { kind: 'syntax', line: parsed.line, message: parsed.message, source } };
  const context = createContextVariable(request, carried, scope.limits.maxJsonDepth);
  const stageVariables = newMap();
  for (const [name, value] of Object.entries(request.stageVariables)) stageVariables[name] = value;
  const variables = newMap();
  variables.input = createInput(request, scope.limits.maxJsonDepth);
  variables.util = createUtil();
  variables.context = context;
  variables.stageVariables = stageVariables;
  const overridesSet = new Map<string, SourcePosition | undefined>();
  const outcome = runVelocity(parsed.nodes, {
    variables,
    limits: scope.limits,
    deadline: scope.deadline,
    callMethod: (target, name, args, at) => {
      const outcome = isInput(target)
        ? callInput(target, name, args)
        : isUtil(target)
          ? callUtil(name, args, { maxJsonDepth: scope.limits.maxJsonDepth })
          : callJavaMethod(target, name, args, { maxLength: scope.limits.maxOutputLength });
      if (outcome.found) return outcome.value;
      const owner = isInput(target) ? '$input' : isUtil(target) ? '$util' : kindOf(target);
      pushWarning(scope, {
        ...located(at),
        source,
        message: `${owner} has no method ${name}() taking ${args.length} argument${args.length === 1 ? '' : 's'}; it renders as nothing`,
      });
      return undefined;
    },
    warn: (message, at) => pushWarning(scope, { ...located(at), source, message }),
    overrideSet: (key, at) => {
      const kind = key.startsWith('requestOverride.') ? 'request' : 'response';
      // The developer guide's table: requestOverride in request templates, responseOverride in response templates.
      if (source === 'template' && kind !== phase)
        pushWarning(scope, {
          ...located(at),
          source,
          message: `$context.${key} takes effect only in an integration ${kind} template; this is ${phase === 'request' ? 'a request' : 'a response'} template`,
        });
      if (overridesSet.has(key))
        pushWarning(scope, {
          ...located(at),
          source,
          message: `$context.${key} is set more than once; API Gateway answers 5XX when an override is applied twice (set a variable, then the override once at the end)`,
        });
      else overridesSet.set(key, at);
    },
  });
  if (!outcome.ok) return { ok: false, error: { kind: outcome.kind, ...located(outcome.at), message: outcome.message, source } };
  const read = readOverrides(context);
  if (read.statusProblem)
    pushWarning(scope, { ...located(overridesSet.get('responseOverride.status')), source, message: read.statusProblem });
  return { ok: true, output: outcome.output, overrides: read.overrides };
}

/**
 * Renders an API Gateway mapping template against a sample request, offline, with API Gateway's `$input`,
 * `$util`, `$context` and `$stageVariables`. Never throws: a syntax error, a runtime error or a passed limit
 * comes back as `{ ok: false, error: { line, column?, message } }`.
 */
export function renderMappingTemplate(options: RenderTemplateOptions): RenderTemplateResult {
  const limits = resolveLimits(options.limits);
  const scope: RenderScope = { limits, deadline: Date.now() + limits.timeLimitMs, warnings: [] };
  try {
    let carried: TemplateOverrides | undefined;
    if (options.requestTemplate !== undefined) {
      const first = renderOne(options.requestTemplate, 'request-template', 'request', options.request, undefined, scope);
      if (!first.ok) return { ok: false, error: first.error, warnings: scope.warnings };
      carried = first.overrides;
    }
    const main = renderOne(options.template, 'template', options.phase ?? 'request', options.request, carried, scope);
    if (!main.ok) return { ok: false, error: main.error, warnings: scope.warnings };
    return { ok: true, output: main.output, overrides: main.overrides, warnings: scope.warnings };
  } catch (error) {
    // A defect of Portico, not of the template: still an answer, never an exception out of the API.
    return {
      ok: false,
      error: {
        kind: 'runtime',
        line: 1,
        message: `Portico could not render this template (${error instanceof Error ? error.message : String(error)})`,
        source: 'template',
      },
      warnings: scope.warnings,
    };
  }
}
