import { generateCdk } from '../core/cdk';
import { addStage, applyOperation, type Design, parseDesign, serializeDesign } from '../core/model';
import { exportOpenApi, importOpenApi, stringifyDocument } from '../core/openapi';
import { noteLines } from '../core/openapi/note-lines';
import type { ApiTypeLosses, ImportFinding } from '../core/openapi/types';
import { type Finding, lintDesign } from '../core/rules';
import { ArgumentError, type ParsedArguments, parseArguments } from './arguments';
import { diffUsage, runDiff } from './diff';
import { runTemplateCommand, templateUsage } from './template-render';

/** What the command line touches, injected so that tests run the real commands without a shell. */
export interface CliIo {
  /** The bytes of a file, or an error message. */
  readFile: (path: string) => { ok: true; bytes: Uint8Array } | { ok: false; message: string };
  writeFile: (path: string, text: string) => { ok: true } | { ok: false; message: string };
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A one-line reason for a failure the user caused (and, below it, lines that detail it); the exit code tells its kind. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const usage = `Usage: portico <command> [options]

Commands:
  import SPEC [--type rest|http] [-o DESIGN.json]
      Read an OpenAPI 3.0 / Swagger 2.0 document (JSON or YAML) and write a Portico design.
  export INPUT --to openapi3|swagger2|cdk [--format yaml|json] [--stage NAME] [--profile aws|public]
         [--type rest|http] [-o FILE]
      INPUT is a Portico design file or an OpenAPI/Swagger document (told apart by content).
  lint INPUT [--type rest|http] [--json]
      Check a design or document against Portico's rules; for a document, also what the import
      changed or dropped. Exit 1 when there are errors.
${diffUsage}
${templateUsage}
  serve [--port N] [--data DIR] [--redis URL] [--host ADDRESS] [--app DIR]
      Run the live sessions server (defaults: port 1234, ./portico-data, no Redis, all addresses);
      logs JSON lines until stopped with Ctrl+C; serves the built app at / from --app DIR, or from
      ./dist when it holds one (npm run build). See the README's "Live sessions server".

INPUT may be - to read standard input (portico lint - < api.yaml).

Options:
  --type rest|http    read an OpenAPI 3.0 document as a REST API or an HTTP API. Without it the
                      type under which nothing is lost is chosen; a document that loses something
                      either way is refused with what each type would lose.
  --profile aws|public
                      aws (the default): the document API Gateway imports, with its extensions.
                      public: the document the API's callers need (portals, SDK generators, MCP
                      clients): no API Gateway extensions, ARNs, stage variables or internal
                      operations, and the stage's invoke URL as its server.
  -o, --output FILE   write to FILE instead of standard output (- is standard output)
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 success, 1 lint found errors, diff found a change at --fail-on or a template failed,
2 bad input or usage.`;

const maxInputBytes = 25 * 1024 * 1024;

/** How messages name an input: `-` is standard input. */
function inputName(path: string): string {
  return path === '-' ? 'standard input' : path;
}

function readText(io: CliIo, path: string): string {
  const read = io.readFile(path);
  if (!read.ok) throw new CliFailure(read.message);
  if (read.bytes.byteLength > maxInputBytes)
    throw new CliFailure(`${inputName(path)} is ${(read.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Portico reads inputs up to 25 MB.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new CliFailure(`${inputName(path)} is not UTF-8 text (is it a binary file?).`);
  }
}

/** A Portico design file is JSON with an `api` object and no `openapi`/`swagger` version field. */
function looksLikeDesign(text: string): boolean {
  const start = text.trimStart();
  if (!start.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(start);
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      'api' in value &&
      'schemaVersion' in value &&
      !('openapi' in value) &&
      !('swagger' in value)
    );
  } catch {
    return false;
  }
}

/** `--type rest|http`, or undefined. */
function apiTypeOption(args: ParsedArguments): 'REST' | 'HTTP' | undefined {
  const type = args.options.type;
  if (type === undefined) return undefined;
  if (/^rest$/i.test(type)) return 'REST';
  if (/^http$/i.test(type)) return 'HTTP';
  throw new CliFailure(`--type ${type} is not an API type: use rest or http.`);
}

/** Each type's losses, as lines under the refusal of an ambiguous document. */
function lossLines(losses: ApiTypeLosses): string[] {
  const lines: string[] = [];
  for (const type of ['REST', 'HTTP'] as const) {
    const list = losses[type];
    lines.push(`  --type ${type.toLowerCase()} ${list.length === 0 ? 'loses nothing' : 'loses:'}`);
    for (const loss of list) lines.push(`    - ${loss.message}${loss.effect === 'ignored' ? ' [kept, without effect]' : ''}`);
  }
  return lines;
}

interface ReadInput {
  design: Design;
  /** What the import changed or dropped (none for a design file), with lines where the text shows them. */
  findings: ImportFinding[];
  fromDocument: boolean;
}

/** Reads INPUT as a design: a design file through the design gate, anything else through the OpenAPI importer. */
function readDesign(io: CliIo, path: string, args: ParsedArguments): ReadInput {
  const text = readText(io, path);
  const apiType = apiTypeOption(args);
  if (looksLikeDesign(text)) {
    const parsed = parseDesign(text);
    if (!parsed.ok) throw new CliFailure(`${inputName(path)}: ${parsed.message}`);
    const type = parsed.design.api.type;
    if (apiType !== undefined && apiType !== type)
      throw new CliFailure(
        `${inputName(path)} is a Portico design of ${type === 'HTTP' ? 'an' : 'a'} ${type} API; --type reads OpenAPI documents and does not convert a design.`,
      );
    return { design: parsed.design, findings: [], fromDocument: false };
  }
  const imported = importOpenApi(text, apiType === undefined ? {} : { apiType });
  if (!imported.ok) {
    if (imported.ambiguous)
      throw new CliFailure(
        `${inputName(path)} could be a REST API or an HTTP API, and reading it as either loses something: choose with --type rest or --type http.`,
        2,
        lossLines(imported.ambiguous),
      );
    const { message, line, column } = imported.error;
    const where = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
    throw new CliFailure(`${inputName(path)}${where}: ${message}`);
  }
  const lineOf = noteLines(text);
  const findings = imported.notes.map((note) => {
    if (note.line !== undefined || note.path === undefined) return note;
    const line = lineOf(note.path);
    return line === undefined ? note : { ...note, line };
  });
  return { design: imported.design, findings, fromDocument: true };
}

/** `paths./a.get (line 7)`: where an import finding is, as far as it is known. */
function locationText(finding: ImportFinding): string {
  const line = finding.line === undefined ? '' : `line ${finding.line}`;
  if (finding.path === undefined) return line;
  return line ? `${finding.path} (${line})` : finding.path;
}

/**
 * The design with the stage `--stage` names. A design file must have it; an OpenAPI document carries no
 * stages (API Gateway keeps them outside the document), so for one the stage is added, which is what
 * exporting "as of a stage" means there.
 */
function withStage(design: Design, stageName: string, fromDocument: boolean): Design {
  if (Object.values(design.stages).some((stage) => stage.name === stageName)) return design;
  if (fromDocument) {
    const added = applyOperation(design, (current) => addStage(current, { name: stageName }));
    if (!added.ok) throw new CliFailure(`--stage ${stageName}: ${added.error.message}`);
    return added.design;
  }
  const names = design.stageOrder.map((id) => design.stages[id]?.name).filter(Boolean);
  throw new CliFailure(`The design has no stage "${stageName}"${names.length > 0 ? ` (it has ${names.join(', ')})` : ' (it has none)'}.`);
}

function output(io: CliIo, args: ParsedArguments, text: string): void {
  const target = args.options.output;
  if (target === undefined || target === '-') {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const written = io.writeFile(target, text.endsWith('\n') ? text : `${text}\n`);
  if (!written.ok) throw new CliFailure(written.message);
}

function oneInput(args: ParsedArguments, command: string): string {
  const [input, ...extra] = args.positionals;
  if (input === undefined) throw new CliFailure(`portico ${command} needs an input file. Run portico --help.`);
  if (extra.length > 0) throw new CliFailure(`portico ${command} takes one input file, got ${args.positionals.length}.`);
  return input;
}

function runImport(io: CliIo, args: ParsedArguments): number {
  const input = oneInput(args, 'import');
  const { design, findings } = readDesign(io, input, args);
  for (const finding of findings) {
    const where = locationText(finding);
    io.stderr(`${finding.severity}: ${where ? `${where}: ` : ''}${finding.message}\n`);
  }
  output(io, args, serializeDesign(design));
  return 0;
}

function runExport(io: CliIo, args: ParsedArguments): number {
  const input = oneInput(args, 'export');
  const to = args.options.to;
  if (to !== 'openapi3' && to !== 'swagger2' && to !== 'cdk')
    throw new CliFailure(
      to === undefined
        ? 'portico export needs --to openapi3, swagger2 or cdk.'
        : `--to ${to} is not a target: use openapi3, swagger2 or cdk.`,
    );
  const format = args.options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new CliFailure(`--format ${format} is not a format: use yaml or json.`);
  const profile = args.options.profile ?? 'aws';
  if (profile !== 'aws' && profile !== 'public') throw new CliFailure(`--profile ${profile} is not a profile: use aws or public.`);
  if (to === 'cdk' && args.options.profile !== undefined)
    throw new CliFailure('--profile chooses which OpenAPI document to write; it has no meaning with --to cdk.');
  const read = readDesign(io, input, args);
  const stageName = args.options.stage;
  const design = stageName === undefined ? read.design : withStage(read.design, stageName, read.fromDocument);
  if (to === 'cdk') {
    const openApi = design.api.type === 'REST' ? exportOpenApi(design, { version: '3.0', stageName }) : undefined;
    const result = generateCdk(design, openApi?.ok ? { openApiDocument: openApi.document } : {});
    for (const note of result.notes) io.stderr(`note: ${note}\n`);
    output(io, args, result.code);
    return 0;
  }
  const exported = exportOpenApi(design, { version: to === 'openapi3' ? '3.0' : '2.0', stageName, profile });
  if (!exported.ok) throw new CliFailure(exported.message);
  for (const note of exported.notes) io.stderr(`note: ${note}\n`);
  output(io, args, stringifyDocument(exported.document, format));
  return 0;
}

/** One finding of either source, as `portico lint` reports it. */
interface LintFinding {
  source: 'import' | 'design';
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  import?: ImportFinding;
  design?: Finding;
}

function findingLine(finding: LintFinding): string {
  const where = finding.import ? locationText(finding.import) : '';
  return `${finding.severity.padEnd(7)} ${finding.ruleId}  ${where ? `${where}  ` : ''}${finding.message}`;
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/**
 * `portico lint`: for an OpenAPI document, what the import changed or dropped (an `import/…` rule: an
 * error where API Gateway would refuse a part or data was dropped, a warning where it was changed) and
 * the design rules on what was imported, in one list; for a design file, the design rules.
 */
function runLint(io: CliIo, args: ParsedArguments): number {
  const input = oneInput(args, 'lint');
  const { design, findings: imported } = readDesign(io, input, args);
  const findings: LintFinding[] = [
    ...imported.map(
      (note): LintFinding => ({ source: 'import', ruleId: note.rule, severity: note.severity, message: note.message, import: note }),
    ),
    ...lintDesign(design).map(
      (finding): LintFinding => ({
        source: 'design',
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        design: finding,
      }),
    ),
  ].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (args.flags.has('json')) {
    const plain = findings.map(({ source, ruleId, severity, message, import: note, design: rule }) => {
      if (note)
        return {
          source,
          ruleId,
          severity,
          message,
          location: { ...(note.path === undefined ? {} : { path: note.path }), ...(note.line === undefined ? {} : { line: note.line }) },
        };
      const { why, docsUrl, target, fix } = rule as Finding;
      return { source, ruleId, severity, message, why, docsUrl, target, ...(fix ? { fix: fix.label } : {}) };
    });
    output(io, args, JSON.stringify({ findings: plain, errors, warnings }, null, 2));
  } else {
    const lines = findings.map(findingLine);
    lines.push(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${findings.length - errors - warnings} advice`,
    );
    output(io, args, lines.join('\n'));
  }
  return errors > 0 ? 1 : 0;
}

/**
 * `portico serve`: the live sessions server (src/server, Node only), loaded for this command alone. It
 * runs until stopped; a failure to start sets the exit code itself.
 */
function runServe(io: CliIo, args: ParsedArguments): number {
  if (args.positionals.length > 0) throw new CliFailure('portico serve takes no input file. Run portico --help.');
  const { port, data, redis, host, app } = args.options;
  void import('../server/serve').then((server) => server.serve({ port, data, redis, host, ...(app !== undefined ? { app } : {}) }, io));
  return 0;
}

/** Runs `portico …` and returns its exit code. Never throws for bad input: the reason goes to stderr. */
export function runCli(argv: string[], io: CliIo, version: string): number {
  try {
    const args = parseArguments(argv);
    if (args.flags.has('version')) {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (args.flags.has('help') || args.command === undefined) {
      (args.command === undefined && !args.flags.has('help') ? io.stderr : io.stdout)(`${usage}\n`);
      return args.command === undefined && !args.flags.has('help') ? 2 : 0;
    }
    switch (args.command) {
      case 'import':
        return runImport(io, args);
      case 'export':
        return runExport(io, args);
      case 'lint':
        return runLint(io, args);
      case 'diff':
        return runDiff(
          args,
          (path) => readDesign(io, path, args).design,
          (text) => output(io, args, text),
        );
      case 'template':
        return runTemplateCommand(args, {
          readText: (path) => readText(io, path),
          write: (text) => output(io, args, text),
          report: (line) => io.stderr(`${line}\n`),
        });
      case 'serve':
        return runServe(io, args);
      default:
        throw new CliFailure(
          `"${args.command}" is not a portico command: use import, export, lint, diff, template or serve (portico --help).`,
        );
    }
  } catch (error) {
    if (error instanceof CliFailure || error instanceof ArgumentError) {
      io.stderr(`portico: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      if (error instanceof CliFailure) for (const line of error.details) io.stderr(`${line}\n`);
      return error instanceof CliFailure ? error.exitCode : 2;
    }
    throw error;
  }
}
