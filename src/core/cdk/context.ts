import type { Design } from '../model';
import type { Backends } from './backends';
import { ConstructIdScope, IdentifierScope } from './identifiers';

/** aws-cdk-lib modules the program may import, with the alias it uses. */
export const moduleAliases = {
  cdk: 'aws-cdk-lib',
  apigateway: 'aws-cdk-lib/aws-apigateway',
  apigwv2: 'aws-cdk-lib/aws-apigatewayv2',
  integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  authorizers: 'aws-cdk-lib/aws-apigatewayv2-authorizers',
  lambda: 'aws-cdk-lib/aws-lambda',
  cognito: 'aws-cdk-lib/aws-cognito',
  iam: 'aws-cdk-lib/aws-iam',
  logs: 'aws-cdk-lib/aws-logs',
  wafv2: 'aws-cdk-lib/aws-wafv2',
  ec2: 'aws-cdk-lib/aws-ec2',
  acm: 'aws-cdk-lib/aws-certificatemanager',
} as const;
export type ModuleAlias = keyof typeof moduleAliases;

/**
 * What every part of the generator shares while writing one program: names handed out, modules used,
 * notes for the user, and the count of CloudFormation resources the program will create (kept exact by
 * counting where each construct is written, and checked against synthesized templates in the tests).
 */
export class ProgramContext {
  readonly variables = new IdentifierScope();
  /** Construct ids of the stack's direct children. */
  readonly stackIds = new ConstructIdScope(['Api']);
  private readonly notesSeen = new Set<string>();
  readonly notes: string[] = [];
  private readonly modules = new Set<ModuleAlias>(['cdk']);
  resources = 0;
  backends!: Backends;

  constructor(readonly design: Design) {}

  use(alias: ModuleAlias): string {
    this.modules.add(alias);
    return alias;
  }

  usedModules(): ModuleAlias[] {
    return (Object.keys(moduleAliases) as ModuleAlias[]).filter((alias) => this.modules.has(alias));
  }

  note(message: string): void {
    if (this.notesSeen.has(message)) return;
    this.notesSeen.add(message);
    this.notes.push(message);
  }

  /** Records CloudFormation resources the code just written will create. */
  count(resources: number): void {
    this.resources += resources;
  }
}

/** Quotes a design name inside a note: notes are shown as plain text, so only length is limited. */
export function named(name: string): string {
  const short = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  return `"${short}"`;
}
