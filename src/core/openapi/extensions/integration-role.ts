import type { AwsServiceTarget, Design } from '../../model';

/**
 * An AWS service integration whose role Portico creates (`rolePolicy`, from a service integration
 * scaffold) has no ARN until the CDK program has made it, and OpenAPI cannot create roles. API Gateway
 * needs `credentials` to call the service, so the document names a role in the account of the resource,
 * after the integration, and a note says to create it or put the real ARN in the design.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */
export function createdRoleArn(target: Omit<AwsServiceTarget, 'id'>): string {
  const resources = target.rolePolicy?.statements.flatMap((statement) => statement.resources) ?? [];
  const account = resources.map((arn) => arn.split(':')[4] ?? '').find((part) => /^\d{12}$/.test(part)) ?? '123456789012';
  // IAM role names: letters, digits and +=,.@_- up to 64 characters.
  const words = target.name.match(/[A-Za-z0-9]+/g) ?? [];
  const name = ['apigateway', ...words.map((word) => word.toLowerCase())].join('-').slice(0, 64).replace(/-+$/, '');
  return `arn:${target.partition ?? 'aws'}:iam::${account}:role/${name}`;
}

/** Whether the export writes a stand-in role for a target (it has a policy to create and no ARN). */
export function writesCreatedRole(target: Omit<AwsServiceTarget, 'id'>): boolean {
  return target.credentials === undefined && target.rolePolicy !== undefined;
}

/** One note per stand-in role an export wrote, saying what the role must allow. */
export function noteCreatedRoles(design: Design, notes: Set<string>): void {
  const used = new Set<string>();
  for (const owner of [...Object.values(design.methods), ...Object.values(design.routes)])
    if (owner.integration) used.add(owner.integration.integrationId);
  for (const target of Object.values(design.integrations)) {
    if (target.kind !== 'AWS_SERVICE' || !writesCreatedRole(target) || !used.has(target.id)) continue;
    const allowed = (target.rolePolicy?.statements ?? [])
      .map((statement) => `${statement.actions.join(', ')} on ${statement.resources.join(', ')}`)
      .join('; ');
    notes.add(
      `Integration "${target.name}": the CDK export creates its role, which OpenAPI cannot; the document names ${createdRoleArn(target)}. Create that role for apigateway.amazonaws.com allowing ${allowed}, or enter your role's ARN in the integration.`,
    );
  }
}
