/**
 * Names in the generated program that come from the design: TypeScript variables (`petsResource`),
 * construct ids (`'PetsFunction'`) and the stack class (`PetStoreStack`). They are built from ASCII
 * letters and digits only, so that no design text can produce a keyword, a character outside an
 * identifier, or a look-alike (homoglyph, CVE-2021-42694) of another name; each scope hands out every
 * name once.
 */

/** Words of a name: ASCII letter/digit runs, split at case changes (`petStore2API` → pet, Store, 2, API). */
export function wordsOf(text: string): string[] {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const runs = ascii.match(/[A-Za-z0-9]+/g) ?? [];
  return runs.flatMap((run) => run.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []);
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `pet store API` → `PetStoreApi`; empty when the text has no ASCII letters or digits. */
export function pascalCase(text: string, maxWords = 6): string {
  return wordsOf(text).slice(0, maxWords).map(capitalised).join('');
}

/** `Pet store API` → `petStoreApi`. */
export function camelCase(text: string, maxWords = 6): string {
  const pascal = pascalCase(text, maxWords);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * Words TypeScript reserves or the program already uses at the top level or in the constructor. A name
 * built by `IdentifierScope` always ends with a descriptive suffix, so this list only guards the
 * fallbacks; it is kept complete anyway.
 */
const reserved = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'any',
  'boolean',
  'constructor',
  'declare',
  'get',
  'module',
  'require',
  'number',
  'set',
  'string',
  'symbol',
  'type',
  'from',
  'of',
  'async',
  'await',
  'undefined',
  'arguments',
  'eval',
  // Names the generated program itself declares or imports.
  'cdk',
  'apigateway',
  'apigwv2',
  'integrations',
  'authorizers',
  'lambda',
  'cognito',
  'iam',
  'logs',
  'wafv2',
  'ec2',
  'scope',
  'id',
  'props',
  'app',
  'api',
  'Construct',
  'openApiDocument',
]);

/** Hands out unique variable names within one function body. */
export class IdentifierScope {
  private readonly taken = new Set<string>(reserved);
  /** The next counter to try per base name, so that many similar names cost no rescans. */
  private readonly next = new Map<string, number>();

  /**
   * A fresh identifier: the camel-cased name with the suffix (`pets` + `Resource` → `petsResource`);
   * the suffix alone when the name has no usable characters; a counter when the name is taken.
   */
  name(text: string, suffix: string): string {
    const head = camelCase(text, 6);
    const tail = pascalCase(suffix, 4);
    let base = head ? head + tail : camelCase(suffix, 4) || 'value';
    if (/^[0-9]/.test(base)) base = `${camelCase(suffix, 4) || 'value'}${pascalCase(text, 6)}`;
    return this.claim(base);
  }

  /** Reserves an exact name (for the fixed names such as `api`); returns it. */
  fixed(name: string): string {
    this.taken.add(name);
    return name;
  }

  private claim(base: string): string {
    let candidate = base;
    let index = this.next.get(base) ?? 2;
    while (this.taken.has(candidate)) {
      candidate = `${base}${index}`;
      index += 1;
    }
    this.next.set(base, index);
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * Hands out unique construct ids among the children of one construct. Construct ids become part of the
 * CloudFormation logical ids, so they are short PascalCase words (`PetsFunction`), never the raw name:
 * constructs rewrites `/` to `--`, and two names that differ only in punctuation would collide.
 */
export class ConstructIdScope {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(reservedIds: readonly string[] = []) {
    for (const id of reservedIds) this.taken.add(id);
  }

  id(text: string, suffix: string): string {
    const words = pascalCase(text, 6);
    const base = (/^[0-9]/.test(words) ? `${suffix}${words}` : `${words}${suffix}`) || suffix;
    let candidate = base;
    let index = this.next.get(base) ?? 2;
    while (this.taken.has(candidate)) {
      candidate = `${base}${index}`;
      index += 1;
    }
    this.next.set(base, index);
    this.taken.add(candidate);
    return candidate;
  }
}

/** The last segments of a path (`/a/b/{c}/d` → `{c}/d`): what tells resources of a deep tree apart. */
export function pathTail(path: string, segments = 3): string {
  return path
    .split('/')
    .filter((part) => part.length > 0)
    .slice(-segments)
    .join('/');
}

/**
 * The stack class name and stack name: `Pet store` → `PetStoreStack`. CloudFormation stack names match
 * `[A-Za-z][A-Za-z0-9-]*`, which this always does.
 */
export function stackName(apiName: string): string {
  const words = pascalCase(apiName, 6);
  const start = /^[A-Za-z]/.test(words) ? words : `Api${words}`;
  return `${start}Stack`;
}
