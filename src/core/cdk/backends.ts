import { type Code, type CodeWriter, call, exact, obj, raw, render } from './code';
import type { ProgramContext } from './context';
import { pascalCase, wordsOf } from './identifiers';
import type { PlaceholderHint } from './intrinsics';

/**
 * Existing backends the API uses (functions, roles, user pools, VPC links, log groups, VPC endpoints)
 * are referenced, never created: each is declared once at the top of the stack, first as a value the
 * user replaces (`const petsFunctionArn = '…'`), then as the CDK object imported from it. Nothing here
 * makes an AWS call at synthesis (no `fromLookup`), so the program synthesizes offline.
 */

interface Entry {
  valueName: string;
  value: Code;
  /** The value constant belongs to another entry (a placeholder); only the object is written. */
  shared?: boolean;
  /** The imported object, when the backend is more than a value. */
  objectName?: string;
  object?: Code;
}

type BackendKind = 'function' | 'role' | 'userPool' | 'restVpcLink' | 'logGroup' | 'vpcEndpoint' | 'value';

/** The last meaningful part of an ARN (`…:function:pets` → `pets`, `…:role/x/y` → `y`), to name things after. */
function arnName(arn: string): string {
  const afterColon = arn.split(':').pop() ?? arn;
  const last = afterColon.split('/').pop() ?? afterColon;
  // Cognito pool ids are `region_Name`: the name part reads better.
  const underscore = last.indexOf('_');
  return underscore > 0 && /\d$/.test(last.slice(0, underscore)) ? last.slice(underscore + 1) : last;
}

/** `orders function` + `Function` → `orders` (the suffix is added back once). */
function withoutTrailingWord(hint: string, suffix: string): string {
  const words = wordsOf(hint);
  const suffixWords = wordsOf(suffix).map((word) => word.toLowerCase());
  while (words.length > 0 && suffixWords.includes((words[words.length - 1] as string).toLowerCase())) words.pop();
  return words.join(' ');
}

export class Backends {
  private readonly entries = new Map<string, Entry>();
  /** What the program creates for the API (integration-role.ts), by key: written after the backends it may use. */
  private readonly created = new Map<string, { name: string; write: (writer: CodeWriter) => void }>();

  constructor(private readonly ctx: ProgramContext) {}

  private declare(
    kind: BackendKind,
    value: Code,
    hint: string,
    valueSuffix: string,
    object?: (valueName: string, id: string) => Code,
    objectSuffix = '',
    key = `${kind}\u0000${render(value, '')}`,
  ): Entry {
    const known = this.entries.get(key);
    if (known) return known;
    const name = withoutTrailingWord(hint, `${objectSuffix} ${valueSuffix}`);
    // A value that is already a declared constant (a placeholder) is not declared twice.
    const existing =
      value.kind === 'raw' ? [...this.entries.values()].find((entry) => entry.valueName === value.code && !entry.object) : undefined;
    const valueName = existing ? existing.valueName : this.ctx.variables.name(name, valueSuffix);
    const entry: Entry = { valueName, value, ...(existing ? { shared: true } : {}) };
    if (object) {
      entry.objectName = this.ctx.variables.name(name, objectSuffix);
      entry.object = object(valueName, this.ctx.stackIds.id(name, objectSuffix));
    }
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * A Lambda function by ARN. `fromFunctionAttributes` with `sameEnvironment: true`, not `fromFunctionArn`:
   * in an environment-agnostic stack the CDK cannot tell that an ARN-imported function is in the same
   * account, and then grants API Gateway no invoke permission (cdk-mapping.md §2).
   */
  lambdaFunction(arn: Code, hint: string): string {
    const lambda = this.ctx.use('lambda');
    const entry = this.declare(
      'function',
      arn,
      hint,
      'FunctionArn',
      (valueName, id) =>
        call(
          `${lambda}.Function.fromFunctionAttributes`,
          raw('this'),
          exact(id),
          obj([
            ['functionArn', raw(valueName)],
            ['sameEnvironment', raw('true')],
          ]),
        ),
      'Function',
    );
    return entry.objectName as string;
  }

  /** An IAM role API Gateway assumes; `mutable: false` keeps the CDK from attaching policies to it. */
  role(arn: Code, hint: string): string {
    const iam = this.ctx.use('iam');
    const entry = this.declare(
      'role',
      arn,
      hint,
      'RoleArn',
      (valueName, id) => call(`${iam}.Role.fromRoleArn`, raw('this'), exact(id), raw(valueName), obj([['mutable', raw('false')]])),
      'Role',
    );
    return entry.objectName as string;
  }

  userPool(arn: Code, hint: string): string {
    const cognito = this.ctx.use('cognito');
    const entry = this.declare(
      'userPool',
      arn,
      hint,
      'UserPoolArn',
      (valueName, id) => call(`${cognito}.UserPool.fromUserPoolArn`, raw('this'), exact(id), raw(valueName)),
      'UserPool',
    );
    return entry.objectName as string;
  }

  /** A REST API VPC link (to a Network Load Balancer) by id. */
  restVpcLink(id: Code, hint: string): string {
    const apigateway = this.ctx.use('apigateway');
    const entry = this.declare(
      'restVpcLink',
      id,
      hint,
      'VpcLinkId',
      (valueName, constructId) => call(`${apigateway}.VpcLink.fromVpcLinkId`, raw('this'), exact(constructId), raw(valueName)),
      'VpcLink',
    );
    return entry.objectName as string;
  }

  logGroup(arn: Code, hint: string): string {
    const logs = this.ctx.use('logs');
    const entry = this.declare(
      'logGroup',
      arn,
      hint,
      'LogGroupArn',
      (valueName, id) => call(`${logs}.LogGroup.fromLogGroupArn`, raw('this'), exact(id), raw(valueName)),
      'LogGroup',
    );
    return entry.objectName as string;
  }

  /** An interface VPC endpoint a PRIVATE REST API is reached through. */
  vpcEndpoint(id: Code, hint: string): string {
    const ec2 = this.ctx.use('ec2');
    const entry = this.declare(
      'vpcEndpoint',
      id,
      hint,
      'VpcEndpointId',
      (valueName, constructId) =>
        call(
          `${ec2}.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes`,
          raw('this'),
          exact(constructId),
          obj([
            ['vpcEndpointId', raw(valueName)],
            ['port', raw('443')],
          ]),
        ),
      'VpcEndpoint',
    );
    return entry.objectName as string;
  }

  /** A plain value the user replaces (a VPC link id of an HTTP API, a web ACL ARN). */
  value(value: Code, hint: string, suffix: string): string {
    return this.declare('value', value, hint, suffix).valueName;
  }

  /**
   * A stand-in for a name a document refers to but this stack does not define (`${MyFunction.Arn}`,
   * `{"Ref": "Stage"}`). Its value is shaped like what it stands for, so that the program synthesizes;
   * the user replaces it.
   */
  placeholder(
    reference: string,
    hint: PlaceholderHint,
    why = `The design refers to "${reference.slice(0, 80)}", which this stack does not define`,
  ): string {
    const logical = reference.replace(/\.(Arn|Id|Name)$/, '');
    const name = pascalCase(logical, 12) || 'Value';
    const standIn =
      hint === 'lambda'
        ? `arn:aws:lambda:us-east-1:123456789012:function:${name}`
        : hint === 'role'
          ? `arn:aws:iam::123456789012:role/${name}`
          : hint === 'userPool'
            ? `arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_${name}`
            : reference;
    const suffix = hint === 'lambda' ? 'FunctionArn' : hint === 'role' ? 'RoleArn' : hint === 'userPool' ? 'UserPoolArn' : 'Value';
    const entry = this.declare('value', exact(standIn), logical, suffix, undefined, '', `placeholder\u0000${hint}\u0000${reference}`);
    this.ctx.note(`${why}; the program declares ${entry.valueName} for it at the top of the stack: replace its value.`);
    return entry.valueName;
  }

  /** The value constant behind an imported object (`petsFunction` → `petsFunctionArn`). */
  valueNameOf(objectName: string): string | undefined {
    for (const entry of this.entries.values()) if (entry.objectName === objectName) return entry.valueName;
    return undefined;
  }

  /**
   * Something the program creates rather than references (a role an AWS service integration assumes),
   * declared once per key: `write` writes its statements with the variable and construct id handed out
   * here, after the backends (whose values it may use). Returns the variable.
   */
  create(key: string, hint: string, suffix: string, write: (writer: CodeWriter, name: string, id: string) => void): string {
    const known = this.created.get(key);
    if (known) return known.name;
    const words = withoutTrailingWord(hint, suffix);
    const name = this.ctx.variables.name(words, suffix);
    const id = this.ctx.stackIds.id(words, suffix);
    this.created.set(key, { name, write: (writer) => write(writer, name, id) });
    return name;
  }

  get isEmpty(): boolean {
    return this.entries.size === 0 && this.created.size === 0;
  }

  /** The declarations, values first (what the user edits), then the imported objects, then what the program creates. */
  write(writer: CodeWriter): void {
    if (this.entries.size > 0) {
      writer.line('// Existing backends, referenced by ARN or id: replace these values with your own.');
      for (const entry of this.entries.values()) if (!entry.shared) writer.statement(`const ${entry.valueName} = `, entry.value);
      const objects = [...this.entries.values()].filter((entry) => entry.object);
      if (objects.length > 0) writer.blank();
      for (const entry of objects) writer.statement(`const ${entry.objectName} = `, entry.object as Code);
    }
    if (this.created.size === 0) return;
    if (this.entries.size > 0) writer.blank();
    writer.line('// Roles API Gateway assumes to call AWS services: each may call one action, on one resource.');
    for (const { write } of this.created.values()) write(writer);
  }
}

/** A name hint from an ARN when it has a usable name, else from the design's label. */
export function hintFrom(arn: string | undefined, label: string): string {
  const fromArn = arn ? arnName(arn) : '';
  return /[A-Za-z]/.test(fromArn) ? fromArn : label;
}
