import { guide } from '../describe';
import { defineDesignRule } from '../rule';

/**
 * API Gateway calls an AWS service action as an IAM role it assumes ("For AWS integrations, you must also
 * configure credentials"); without one (or the caller's identity, `arn:aws:iam::*:user/*`) every call is
 * refused. A role Portico creates (`rolePolicy` with a statement) counts: the CDK program makes it.
 */
export const awsServiceWithoutRole = defineDesignRule({
  id: 'aws-service-without-role',
  severity: 'error',
  title: 'AWS service integration without a role',
  why: 'An AWS service integration calls the service as an IAM role that API Gateway assumes: the role must trust apigateway.amazonaws.com and allow the action. Without credentials API Gateway cannot call the service, and every request fails. Enter the role’s ARN, or choose the service action in the integration’s form so that the CDK program creates a role with just the permission it needs.',
  docsUrl: guide('integration-request-basic-setup'),
  reads: ['integrations'],
  check(design, _index, report) {
    for (const target of Object.values(design.integrations)) {
      if (target.kind !== 'AWS_SERVICE' || target.credentials !== undefined) continue;
      if ((target.rolePolicy?.statements ?? []).some((statement) => statement.actions.length > 0 && statement.resources.length > 0))
        continue;
      report({
        message: `Integration ${target.name} calls ${target.service || 'an AWS service'} without a role, so API Gateway cannot call it.`,
        target: { kind: 'integration', id: target.id },
      });
    }
  },
});
