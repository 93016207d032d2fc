import { describe, expect, it } from 'vitest';
import { addMethod, emptyDesign, updateBinding } from '../../model';
import { build, ids } from '../../model/testing/design-builder';
import { applyScaffold } from '../../scaffolds';
import { applyFix, lintWith } from '../testing/rule-tester';
import { awsServiceRequestHeaders as rule } from './aws-service-request-headers';

const scaffolded = (scaffoldId: string, values: Record<string, string>) =>
  build(
    emptyDesign('REST'),
    (d) => addMethod(d, { id: ids.mth('send'), resourceId: ids.root, httpMethod: 'POST' }),
    (d) => applyScaffold(d, ids.mth('send'), scaffoldId, values),
  );
const sqs = () => scaffolded('sqs-send-message', { queue: 'arn:aws:sqs:us-east-1:123456789012:orders' });
const events = () =>
  scaffolded('eventbridge-put-events', {
    eventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default',
    source: 'com.example',
    detailType: 'Thing',
  });

describe('aws-service-request-headers', () => {
  it('names an SQS integration whose template is sent without the form Content-Type, and sets it', () => {
    const design = build(sqs(), (d) => updateBinding(d, ids.mth('send'), { requestParameters: {} }));
    const findings = lintWith(rule, design);
    expect(findings).toMatchObject([
      {
        severity: 'warning',
        message: 'POST / calls sqs without Content-Type: application/x-www-form-urlencoded in its integration request.',
        target: { kind: 'method', id: ids.mth('send') },
      },
    ]);
    const fixed = applyFix(rule, design, findings[0] as (typeof findings)[number]);
    if (!fixed.ok) throw new Error(fixed.reason);
    expect(fixed.remaining).toEqual([]);
    expect(fixed.design.methods[ids.mth('send')]?.integration?.requestParameters).toEqual({
      'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
    });
  });

  it('names a wrong Content-Type and an EventBridge call without X-Amz-Target', () => {
    const wrong = build(sqs(), (d) =>
      updateBinding(d, ids.mth('send'), { requestParameters: { 'integration.request.header.content-type': "'application/json'" } }),
    );
    expect(lintWith(rule, wrong)).toHaveLength(1);
    const noTarget = build(events(), (d) =>
      updateBinding(d, ids.mth('send'), {
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" },
      }),
    );
    expect(lintWith(rule, noTarget)).toMatchObject([{ message: expect.stringContaining('X-Amz-Target: awsevents.putevents') }]);
  });

  it('is quiet on what the scaffolds write, on a header set by the template, and on a header mapped from the request', () => {
    expect(lintWith(rule, sqs())).toEqual([]);
    expect(lintWith(rule, events())).toEqual([]);
    const overridden = build(sqs(), (d) =>
      updateBinding(d, ids.mth('send'), {
        requestParameters: {},
        requestTemplates: {
          'application/json':
            '#set($context.requestOverride.header.Content-Type = "application/x-www-form-urlencoded")\nAction=SendMessage&MessageBody=$util.urlEncode($input.body)',
        },
      }),
    );
    expect(lintWith(rule, overridden)).toEqual([]);
    const mapped = build(sqs(), (d) =>
      updateBinding(d, ids.mth('send'), {
        requestParameters: { 'integration.request.header.Content-Type': 'method.request.header.Content-Type' },
      }),
    );
    expect(lintWith(rule, mapped)).toEqual([]);
    // No template: the query string may carry everything, nothing to check.
    const noTemplate = build(sqs(), (d) => updateBinding(d, ids.mth('send'), { requestParameters: {}, requestTemplates: {} }));
    expect(lintWith(rule, noTemplate)).toEqual([]);
  });
});
