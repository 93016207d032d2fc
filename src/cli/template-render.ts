import { parseSampleRequest, renderMappingTemplate, type TemplateError, type TemplateWarning } from '../core/templates';
import { ArgumentError, type ParsedArguments } from './arguments';

export const templateUsage = `  template render TEMPLATE_FILE --request REQUEST_JSON [--phase request|response]
         [--request-template FILE] [--json] [-o FILE]
      Render an API Gateway mapping template offline. REQUEST_JSON (a file, - or inline JSON) is
      {"httpMethod", "resourcePath", "path", "headers", "queryStringParameters", "pathParameters",
      "stageVariables", "body" (a string or null), "context" (nested $context values)}. With
      --phase response the template is an integration response template: body is the backend's
      answer. --request-template renders a request template first and keeps only its
      $context.requestOverride/responseOverride assignments. --json prints {"output", "overrides"}.
      Exit 1 on a template error, with its line.`;

/** What `portico template` needs from the command line around it. */
export interface TemplateCommandIo {
  /** A file's text (`-` is standard input); throws the command line's own failure when it cannot be read. */
  readText: (path: string) => string;
  /** The result, to standard output or `-o`. */
  write: (text: string) => void;
  /** One line to standard error. */
  report: (line: string) => void;
}

function where(file: string, problem: { line: number; column?: number }): string {
  return `${file === '-' ? 'standard input' : file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
}

function readRequest(value: string, io: TemplateCommandIo): unknown {
  // Inline JSON starts with `{`; anything else names a file (or - for standard input).
  return value.trimStart().startsWith('{') ? value : io.readText(value);
}

/**
 * `portico template render TEMPLATE_FILE --request REQUEST_JSON`: the rendered output, or with `--json`
 * `{"output", "overrides": {"requestOverride": {"header", "querystring", "path"}, "responseOverride":
 * {"status", "header"}}}` (`status` is null when the template sets none). Warnings (a #foreach API
 * Gateway would stop, an override set twice) go to standard error. A template error exits 1 with
 * `FILE:LINE:COLUMN: reason`; a bad request or usage exits 2.
 */
export function runTemplateCommand(args: ParsedArguments, io: TemplateCommandIo): number {
  const [subcommand, templateFile, ...extra] = args.positionals;
  if (subcommand !== 'render')
    throw new ArgumentError(
      subcommand === undefined
        ? 'portico template needs a subcommand: render (portico --help).'
        : `"template ${subcommand}" is not a command: use template render.`,
    );
  if (templateFile === undefined) throw new ArgumentError('portico template render needs a template file (portico --help).');
  if (extra.length > 0) throw new ArgumentError(`portico template render takes one template file, got ${args.positionals.length - 1}.`);
  const requestOption = args.options.request;
  if (requestOption === undefined)
    throw new ArgumentError('portico template render needs --request REQUEST_JSON (a file, - or inline JSON).');
  const phase = args.options.phase ?? 'request';
  if (phase !== 'request' && phase !== 'response') throw new ArgumentError(`--phase ${phase} is not a phase: use request or response.`);
  const requestTemplateFile = args.options.requestTemplate;
  const stdinUsers = [templateFile, requestOption, requestTemplateFile].filter((value) => value === '-');
  if (stdinUsers.length > 1)
    throw new ArgumentError('only one of the template, --request and --request-template can be read from standard input (-).');

  const template = io.readText(templateFile);
  const requestTemplate = requestTemplateFile === undefined ? undefined : io.readText(requestTemplateFile);
  const parsed = parseSampleRequest(readRequest(requestOption, io));
  if (!parsed.ok) throw new ArgumentError(`--request: ${parsed.error.message}`);

  const result = renderMappingTemplate({
    template,
    request: parsed.request,
    phase,
    ...(requestTemplate === undefined ? {} : { requestTemplate }),
  });
  const fileOf = (problem: TemplateError | TemplateWarning) =>
    problem.source === 'request-template' && requestTemplateFile !== undefined ? requestTemplateFile : templateFile;
  for (const warning of result.warnings) io.report(`warning: ${where(fileOf(warning), warning)}: ${warning.message}`);
  if (!result.ok) {
    io.report(`portico: ${where(fileOf(result.error), result.error)}: ${result.error.message}`);
    return 1;
  }
  io.write(args.flags.has('json') ? JSON.stringify({ output: result.output, overrides: result.overrides }, null, 2) : result.output);
  return 0;
}
