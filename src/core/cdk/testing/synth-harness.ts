import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Checks generated CDK programs the way a user would run them, but in bulk: every program is written
 * into a folder under the repository's node_modules (so that `aws-cdk-lib` resolves), all of them are
 * type-checked by ONE TypeScript program (strict, against the installed aws-cdk-lib: loading its
 * declarations costs ~9 s, each further program ~50 ms), then each is transpiled and loaded in this
 * process and its stack synthesized (aws-cdk-lib and its template validator load once).
 *
 * Every stack is synthesized twice: into a bare `App` (no feature flags) and into an `App` with the
 * flags `cdk init` writes (`CURRENTLY_RECOMMENDED_FLAGS`), under which CloudFormation validation
 * findings are errors. Test-only code: it uses Node and loads aws-cdk-lib at run time, and is typed
 * with the few members it needs so that the core type check does not load aws-cdk-lib's declarations.
 */

export type CfnTemplate = {
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] | string }>;
  Outputs?: Record<string, unknown>;
};

export interface SynthOutcome {
  name: string;
  /** TypeScript diagnostics of the program (strict). */
  diagnostics: string[];
  /** Thrown while constructing or synthesizing, per app. */
  errors: { bare?: string; flags?: string };
  bare?: CfnTemplate;
  flags?: CfnTemplate;
  /** CDK warnings and errors (annotations) and CloudFormation validation findings of the bare synthesis. */
  findings: string[];
}

export interface ProgramUnderTest {
  /** File name (letters, digits, dashes). */
  name: string;
  code: string;
}

const repositoryRoot = resolve(__dirname, '../../../..');

/**
 * Where a suite writes its programs: per process, so that two test runs side by side (two people, or
 * two checkouts sharing node_modules) never delete each other's files mid-run.
 */
export function cacheFolder(suite: string): string {
  return join(repositoryRoot, 'node_modules', '.cache', 'portico-cdk-test', `${suite}-${process.pid}`);
}

/** Strict, and no unused variable: a generated program has no dead code. */
const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noUnusedLocals: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  isolatedModules: true,
  types: [],
  lib: ['lib.es2022.d.ts'],
};

/** Type-checks all programs together; returns the diagnostics of each file. */
export function typeCheck(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, compilerOptions);
  const result = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const diagnostic of [...program.getGlobalDiagnostics(), ...program.getOptionsDiagnostics()])
    for (const file of files) result.get(file)?.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
      result.get(file)?.push(`line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    }
  }
  return result;
}

interface CdkRuntime {
  App: new (props?: {
    outdir?: string;
    context?: Record<string, unknown>;
  }) => {
    synth(): {
      directory: string;
      getStackByName(name: string): { template: CfnTemplate; messages: { level: string; entry: { data: unknown } }[] };
    };
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Findings of the CloudFormation validation plugin in a synthesized assembly. */
function validationFindings(directory: string): string[] {
  const file = join(directory, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports?: { violations?: { ruleName: string; description: string }[] }[];
  };
  return (report.pluginReports ?? []).flatMap((plugin) =>
    (plugin.violations ?? []).map((violation) => `${violation.ruleName}: ${violation.description}`),
  );
}

/**
 * Writes, type-checks and synthesizes the programs. Programs that do not type-check are not run.
 * `synthesize: false` stops after the type check (for programs that are only read).
 */
export function checkPrograms(
  suite: string,
  programs: ProgramUnderTest[],
  options: { synthesize?: boolean } = {},
): Map<string, SynthOutcome> {
  const folder = cacheFolder(suite);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'tmp'), { recursive: true });
  // Folders left by runs that have ended (a test worker is stopped, not exited) are removed, so runs do not pile them up.
  const parent = dirname(folder);
  for (const entry of readdirSync(parent)) {
    const match = /-(\d+)$/.exec(entry);
    if (!match || Number(match[1]) === process.pid) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
  const files = programs.map((program) => {
    const file = join(folder, `${program.name}.ts`);
    writeFileSync(file, program.code);
    return file;
  });
  const started = performance.now();
  const diagnostics = typeCheck(files);
  const typeChecked = performance.now();
  const outcomes = new Map<string, SynthOutcome>();
  const load = createRequire(join(folder, 'index.js'));
  const cdk = load('aws-cdk-lib') as CdkRuntime;
  const { CURRENTLY_RECOMMENDED_FLAGS } = load('aws-cdk-lib/cx-api') as { CURRENTLY_RECOMMENDED_FLAGS: Record<string, unknown> };
  // The program's own `new cdk.App()` makes a temporary folder when it is loaded: keep those here.
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(folder, 'tmp');
  try {
    programs.forEach((program, index) => {
      const file = files[index] as string;
      const outcome: SynthOutcome = { name: program.name, diagnostics: diagnostics.get(file) ?? [], errors: {}, findings: [] };
      outcomes.set(program.name, outcome);
      if (outcome.diagnostics.length > 0 || options.synthesize === false) return;
      const compiled = ts.transpileModule(program.code, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      });
      const jsFile = join(folder, `${program.name}.cjs`);
      writeFileSync(jsFile, compiled.outputText);
      let stackClass: (new (scope: unknown, id: string) => unknown) | undefined;
      let stackName = '';
      try {
        const exported = load(jsFile) as Record<string, unknown>;
        const entry = Object.entries(exported).find(([key, value]) => key.endsWith('Stack') && typeof value === 'function');
        if (!entry) throw new Error('The program exports no stack class.');
        stackName = entry[0];
        stackClass = entry[1] as new (scope: unknown, id: string) => unknown;
      } catch (error) {
        outcome.errors.bare = errorText(error);
        outcome.errors.flags = outcome.errors.bare;
        return;
      }
      for (const flavour of ['bare', 'flags'] as const) {
        try {
          const app = new cdk.App({
            outdir: join(folder, 'out', program.name, flavour),
            ...(flavour === 'flags' ? { context: { ...CURRENTLY_RECOMMENDED_FLAGS } } : {}),
          });
          new stackClass(app, stackName);
          const assembly = app.synth();
          const stack = assembly.getStackByName(stackName);
          outcome[flavour] = stack.template;
          if (flavour === 'bare') {
            outcome.findings.push(
              ...stack.messages
                .filter((message) => message.level !== 'info')
                .map((message) => `${message.level}: ${String(message.entry.data)}`),
              ...validationFindings(assembly.directory),
            );
          }
        } catch (error) {
          outcome.errors[flavour] = errorText(error);
        }
      }
    });
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  timings.set(suite, {
    typeCheckMs: Math.round(typeChecked - started),
    synthesisMs: Math.round(performance.now() - typeChecked),
    programs: programs.length,
  });
  return outcomes;
}

/** How long the last run of each suite took, for the report a test prints. */
export const timings = new Map<string, { typeCheckMs: number; synthesisMs: number; programs: number }>();

/** A short account of what went wrong, for assertion messages. */
export function problemsOf(outcome: SynthOutcome | undefined): string[] {
  if (!outcome) return ['no outcome'];
  return [
    ...outcome.diagnostics.map((text) => `tsc ${text}`),
    ...(outcome.errors.bare ? [`bare synth: ${outcome.errors.bare}`] : []),
    ...(outcome.errors.flags ? [`flags synth: ${outcome.errors.flags}`] : []),
    ...outcome.findings.map((text) => `finding ${text}`),
  ];
}
