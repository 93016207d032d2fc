import type { IntegrationTarget } from '../model';
import { arr, call, exact, obj, raw, text } from './code';
import { named, type ProgramContext } from './context';

/**
 * The role an AWS service integration assumes, when the design asks Portico to create it
 * (`AwsServiceTarget.rolePolicy`, written by a service integration scaffold): an `iam.Role` trusted by
 * apigateway.amazonaws.com with exactly the design's statements, added through `addToPolicy` (an
 * `AWS::IAM::Policy` of its own), and used as the integration's `credentialsRole`. The one exception to
 * "backends are referenced, never created": the role belongs to the API, and least privilege is the point.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-request-basic-setup.html
 */

/** What the CDK's PolicyStatement accepts as an action (it throws at synthesis otherwise), minus a bare `*`. */
const actionPattern = /^[a-zA-Z0-9-]+:[a-zA-Z0-9*]+$/;
/** A resource IAM can name: an ARN, without spaces. */
const resourcePattern = /^arn:[^\s]+$/;

/** The role's variable, or undefined when the target asks for none (or nothing in its policy is usable). */
export function integrationRole(ctx: ProgramContext, target: IntegrationTarget): string | undefined {
  if (target.kind !== 'AWS_SERVICE' || !target.rolePolicy) return undefined;
  const statements = target.rolePolicy.statements
    .map((statement) => ({
      actions: statement.actions.filter((action) => actionPattern.test(action)),
      resources: statement.resources.filter((resource) => resourcePattern.test(resource)),
      dropped:
        statement.actions.some((action) => !actionPattern.test(action)) ||
        statement.resources.some((resource) => !resourcePattern.test(resource)),
    }))
    .filter((statement) => statement.dropped || (statement.actions.length > 0 && statement.resources.length > 0));
  if (statements.some((statement) => statement.dropped))
    ctx.note(
      `Integration ${named(target.name)}: its role's policy names actions or resources IAM would refuse (an action is service:Action, a resource an ARN); the program leaves them out.`,
    );
  const usable = statements.filter((statement) => statement.actions.length > 0 && statement.resources.length > 0);
  if (usable.length === 0) {
    ctx.note(`Integration ${named(target.name)}: its role's policy allows nothing usable, so the program creates no role for it.`);
    return undefined;
  }
  const iam = ctx.use('iam');
  return ctx.backends.create(`integrationRole\u0000${target.id}`, target.name, 'Role', (writer, name, id) => {
    writer.statement(
      `const ${name} = `,
      call(
        `new ${iam}.Role`,
        raw('this'),
        exact(id),
        obj([['assumedBy', call(`new ${iam}.ServicePrincipal`, exact('apigateway.amazonaws.com'))]]),
      ),
    );
    for (const statement of usable)
      writer.statement(
        '',
        call(
          `${name}.addToPolicy`,
          call(
            `new ${iam}.PolicyStatement`,
            obj([
              ['actions', arr(statement.actions.map(exact))],
              ['resources', arr(statement.resources.map(text))],
            ]),
          ),
        ),
      );
    // The role, and the policy addToPolicy creates with it.
    ctx.count(2);
  });
}
