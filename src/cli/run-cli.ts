import { generateCdk } from '../core/cdk';
import { addStage, applyOperation, type Design, parseDesign, serializeDesign } from '../core/model';
import { exportOpenApi, importOpenApi, stringifyDocument } from '../core/openapi';
import { type Finding, lintDesign } from '../core/rules';
import { ArgumentError, type ParsedArguments, parseArguments } from './arguments';

/** What the command line touches, injected so that tests run the real commands without a shell. */
export interface CliIo {
  /** The bytes of a file, or an error message. */
  readFile: (path: string) => { ok: true; bytes: Uint8Array } | { ok: false; message: string };
  writeFile: (path: string, text: string) => { ok: true } | { ok: false; message: string };
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A one-line reason for a failure the user caused; the exit code tells its kind. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export const usage = `Usage: portico <command> [options]

Commands:
  import SPEC [-o DESIGN.json]
      Read an OpenAPI 3.0 / Swagger 2.0 document (JSON or YAML) and write a Portico design.
  export INPUT --to openapi3|swagger2|cdk [--format yaml|json] [--stage NAME] [-o FILE]
      INPUT is a Portico design file or an OpenAPI/Swagger document (told apart by content).
  lint INPUT [--json]
      Check a design or document against Portico's rules; exit 1 when there are errors.

INPUT may be - to read standard input (portico lint - < api.yaml).

Options:
  -o, --output FILE   write to FILE instead of standard output (- is standard output)
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 success, 1 lint found errors, 2 bad input or usage.`;

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

/** Reads INPUT as a design: a design file through the design gate, anything else through the OpenAPI importer. */
function readDesign(io: CliIo, path: string): { design: Design; notes: string[]; fromDocument: boolean } {
  const text = readText(io, path);
  if (looksLikeDesign(text)) {
    const parsed = parseDesign(text);
    if (!parsed.ok) throw new CliFailure(`${inputName(path)}: ${parsed.message}`);
    return { design: parsed.design, notes: [], fromDocument: false };
  }
  const imported = importOpenApi(text);
  if (!imported.ok) {
    const { message, line, column } = imported.error;
    const where = line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : '';
    throw new CliFailure(`${inputName(path)}${where}: ${message}`);
  }
  return {
    design: imported.design,
    notes: imported.notes.map((note) => (note.path ? `${note.path}: ${note.message}` : note.message)),
    fromDocument: true,
  };
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
  const { design, notes } = readDesign(io, input);
  for (const note of notes) io.stderr(`note: ${note}\n`);
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
  const read = readDesign(io, input);
  const stageName = args.options.stage;
  const design = stageName === undefined ? read.design : withStage(read.design, stageName, read.fromDocument);
  if (to === 'cdk') {
    const openApi = design.api.type === 'REST' ? exportOpenApi(design, { version: '3.0', stageName }) : undefined;
    const result = generateCdk(design, openApi?.ok ? { openApiDocument: openApi.document } : {});
    for (const note of result.notes) io.stderr(`note: ${note}\n`);
    output(io, args, result.code);
    return 0;
  }
  const exported = exportOpenApi(design, { version: to === 'openapi3' ? '3.0' : '2.0', stageName });
  if (!exported.ok) throw new CliFailure(exported.message);
  for (const note of exported.notes) io.stderr(`note: ${note}\n`);
  output(io, args, stringifyDocument(exported.document, format));
  return 0;
}

function findingLine(finding: Finding): string {
  return `${finding.severity.padEnd(7)} ${finding.ruleId}  ${finding.message}`;
}

function runLint(io: CliIo, args: ParsedArguments): number {
  const input = oneInput(args, 'lint');
  const { design } = readDesign(io, input);
  const findings = lintDesign(design);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (args.flags.has('json')) {
    const plain = findings.map(({ ruleId, severity, message, why, docsUrl, target, fix }) => ({
      ruleId,
      severity,
      message,
      why,
      docsUrl,
      target,
      ...(fix ? { fix: fix.label } : {}),
    }));
    output(io, args, JSON.stringify({ findings: plain, errors }, null, 2));
  } else {
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const lines = findings.map(findingLine);
    lines.push(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${findings.length - errors - warnings} advice`,
    );
    output(io, args, lines.join('\n'));
  }
  return errors > 0 ? 1 : 0;
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
      default:
        throw new CliFailure(`"${args.command}" is not a portico command: use import, export or lint (portico --help).`);
    }
  } catch (error) {
    if (error instanceof CliFailure || error instanceof ArgumentError) {
      io.stderr(`portico: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return error instanceof CliFailure ? error.exitCode : 2;
    }
    throw error;
  }
}
