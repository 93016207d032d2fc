import type { IntegrationRolePolicy } from '../model';

/**
 * A role policy as IAM writes it (`Version`, `Statement` with `Effect`, `Action`, `Resource`), for people
 * to read: what the role the CDK program creates may do.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function policyDocument(policy: IntegrationRolePolicy): string {
  const one = (items: string[]) => (items.length === 1 ? items[0] : items);
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: policy.statements.map((statement) => ({
        Effect: 'Allow',
        Action: one(statement.actions),
        Resource: one(statement.resources),
      })),
    },
    null,
    2,
  );
}
