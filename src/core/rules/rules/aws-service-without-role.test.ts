import { describe, expect, it } from 'vitest';
import { addIntegration, addMethod, connectIntegration, emptyDesign, updateIntegration } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyScaffold } from '../../scaffolds';
import { lintWith } from '../testing/rule-tester';
import { awsServiceWithoutRole as rule } from './aws-service-without-role';

const withQueue = () =>
  build(
    emptyDesign('REST'),
    (d) => addMethod(d, { id: ids.mth('send'), resourceId: ids.root, httpMethod: 'POST' }),
    (d) => addIntegration(d, { kind: 'AWS_SERVICE', id: ids.int('queue'), name: 'Queue' }),
    (d) => connectIntegration(d, ids.mth('send'), ids.int('queue')),
  );

describe('aws-service-without-role', () => {
  it('names an AWS service integration without credentials', () => {
    const design = build(withQueue(), (d) => updateIntegration(d, ids.int('queue'), { credentials: undefined }));
    expect(lintWith(rule, design)).toMatchObject([
      {
        severity: 'error',
        message: 'Integration Queue calls sqs without a role, so API Gateway cannot call it.',
        target: { kind: 'integration', id: ids.int('queue') },
      },
    ]);
    // A policy that allows nothing creates no role.
    const empty = build(design, (d) => updateIntegration(d, ids.int('queue'), { rolePolicy: { statements: [] } }));
    expect(lintWith(rule, empty)).toHaveLength(1);
  });

  it('is quiet with a role ARN, with the caller’s identity, and with a role the CDK program creates', () => {
    expect(lintWith(rule, withQueue())).toEqual([]);
    expect(
      lintWith(
        rule,
        build(withQueue(), (d) => updateIntegration(d, ids.int('queue'), { credentials: 'arn:aws:iam::*:user/*' })),
      ),
    ).toEqual([]);
    const scaffolded = build(withQueue(), (d) =>
      applyScaffold(d, ids.mth('send'), 'sqs-send-message', { queue: 'arn:aws:sqs:us-east-1:123456789012:orders' }),
    );
    const target = scaffolded.integrations[ids.int('queue')];
    expect(target?.credentials).toBeUndefined();
    expect(lintWith(rule, scaffolded)).toEqual([]);
  });
});
