/** The command line taken apart: `portico export in.yaml --to cdk -o out.ts`. */
export interface ParsedArguments {
  command?: string;
  positionals: string[];
  options: {
    output?: string;
    to?: string;
    format?: string;
    stage?: string;
    type?: string;
    profile?: string;
    failOn?: string;
    request?: string;
    phase?: string;
    requestTemplate?: string;
    /** `serve`: the live sessions server's port, data folder, Redis URL and listening address. */
    port?: string;
    data?: string;
    redis?: string;
    host?: string;
    /** `serve`: the built app's folder to serve at `/`. */
    app?: string;
  };
  flags: Set<'json' | 'help' | 'version'>;
}

export class ArgumentError extends Error {}

const valueOptions: Record<string, keyof ParsedArguments['options']> = {
  '-o': 'output',
  '--output': 'output',
  '--to': 'to',
  '--format': 'format',
  '--stage': 'stage',
  '--type': 'type',
  '--profile': 'profile',
  '--fail-on': 'failOn',
  '--request': 'request',
  '--phase': 'phase',
  '--request-template': 'requestTemplate',
  '--port': 'port',
  '--data': 'data',
  '--redis': 'redis',
  '--host': 'host',
  '--app': 'app',
};
const flagOptions: Record<string, 'json' | 'help' | 'version'> = {
  '--json': 'json',
  '-h': 'help',
  '--help': 'help',
  '-v': 'version',
  '--version': 'version',
};

/** Parses arguments; `--to=cdk` and `--to cdk` both work. Unknown options are an error, not ignored. */
export function parseArguments(argv: string[]): ParsedArguments {
  const parsed: ParsedArguments = { positionals: [], options: {}, flags: new Set() };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') {
      parsed.positionals.push(...argv.slice(index + 1));
      break;
    }
    if (argument.startsWith('-') && argument !== '-') {
      const [name, inline] = argument.includes('=')
        ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)]
        : [argument, undefined];
      const flag = flagOptions[name];
      if (flag) {
        parsed.flags.add(flag);
        continue;
      }
      const option = valueOptions[name];
      if (!option) throw new ArgumentError(`Unknown option ${name} (portico --help lists the options).`);
      const value = inline ?? argv[index + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-'))
        throw new ArgumentError(`${name} needs a value.`);
      if (inline === undefined) index += 1;
      parsed.options[option] = value;
      continue;
    }
    if (parsed.command === undefined) parsed.command = argument;
    else parsed.positionals.push(argument);
  }
  return parsed;
}
